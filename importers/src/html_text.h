// HTML to plain text: the visible text of a subtree, one paragraph per block.
#pragma once

#include <string>
#include <string_view>

#include "html_dom.h"

namespace actorgraph::importers::html {

// The text of the subtree at `root`: white space collapsed, block elements (p, div, h1-h6,
// li, blockquote, table rows, ...) separated by "\n\n", <br> by "\n". Never begins or ends
// with white space.
std::string RenderText(const Page& page, NodeId root);

// The whole visible text of an HTML fragment or page (no article extraction): for HTML that
// is already just the article, such as a feed item's content. Scripts, styles, navigation,
// forms and share widgets are left out.
std::string HtmlToText(std::string_view html);

}  // namespace actorgraph::importers::html
