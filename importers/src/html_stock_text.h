// Stock text: the short lines news pages print in and around an article that are not the
// article's, told apart by their wording alone. Each takes the normalised text of one block
// (a paragraph, list item, heading or caption) and is pure and thread-safe.
#pragma once

#include <string_view>

namespace actorgraph::importers::html {

// A publication stamp: a date or time and nothing else but its labels and an optional
// "By Name" ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM", "PUBLISHED: 10:48, Tue, Nov
// 19, 2019", "By Jane Doe - 11/18/19 11:04 PM EST", "Updated at 1:23 p.m.").
bool IsDateStamp(std::string_view text);

// A picture's caption or credit: a short block that opens with a caption or credit label
// ("Image caption …", "Photo: …", "© …") or closes with a credit in brackets ("… (Image:
// Getty)", "… (AP Photo/Jane Doe)", "… [File: Reuters]", "… (Credit: iStock)").
bool IsPictureCredit(std::string_view text);

// The label of a pointer to other stories, alone in its block ("Related", "See more:",
// "Don't miss", "More:", "You may also like...").
bool IsStoryPointerLabel(std::string_view text);

// A call that a site adds to its stories: a short block with an affiliate-links disclosure
// or a sentence like "Subscribe to our YouTube channel".
bool IsCallToAction(std::string_view text);

// Text written all in capitals (at least three words, no lower-case letter): with a link
// around it, a promotion ("CLICK HERE TO GET THE APP", a shouted headline of another story).
bool IsShouted(std::string_view text);

}  // namespace actorgraph::importers::html
