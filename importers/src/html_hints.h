// Class/id hints: the words in an element's class and id that tell content from clutter.
#pragma once

#include <string_view>

namespace actorgraph::importers::html {

// Each takes the lower-cased "class id" string of an element (Page::MatchString).

// Clutter likely enough to drop before scoring: menus, banners, comments, sidebars, ...
bool HintsUnlikely(std::string_view match);
// Words that make a clutter-looking element worth keeping after all ("article", "main", ...).
bool HintsMaybeContent(std::string_view match);
// +25 / -25 score hints.
bool HintsPositive(std::string_view match);
bool HintsNegative(std::string_view match);
// A byline ("author", "dateline", ...).
bool HintsByline(std::string_view match);
// Share buttons ("share", "sharedaddy" as whole words).
bool HintsShare(std::string_view match);
// A class attribute with a CSS framework's hiding class: screen-reader-only text
// ("sr-only", "visually-hidden", "off-screen") or Bootstrap's "d-none" not undone by a
// responsive "d-md-block" (print-only text stays hidden). Takes the raw class attribute.
bool HidesByClass(std::string_view class_attr);
// ARIA roles of navigation, menus and dialogs.
bool IsUnlikelyRole(std::string_view role);

}  // namespace actorgraph::importers::html
