// Boilerplate inside an extracted article: the blocks news pages build around and into the
// body that are not part of it (related-article lists, share bars, newsletter boxes, picture
// galleries and credits, author boxes, tag lists, ...), told apart by the class and id names
// such blocks conventionally carry, and the stock lines told apart by their wording
// (html_stock_text.h: publication stamps, credited captions, pointers to other stories, ...).
#pragma once

#include "html_dom.h"

namespace actorgraph::importers::html {

// Removes the boilerplate blocks and stock lines under `article` in place. A block that holds
// most of the article's text is never removed, whatever its name says.
void RemoveBoilerplate(Page& page, NodeId article);

}  // namespace actorgraph::importers::html
