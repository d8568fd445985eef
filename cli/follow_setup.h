// What `follow` and `serve --follow` share: the fetch options on the command line, and the
// feeds file loaded into the database's registry.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "actorgraph/core/graph_store.h"
#include "actorgraph/importers/follower.h"

namespace actorgraph::cli {

// The User-Agent the follower sends: "actorgraph/<version> (+https://...; feed follower)".
std::string FollowerUserAgent();

// Adds --delay, --timeout, --max-bytes, --max-items and --ca-file to `cmd`, stored in
// `options` (grouped under "Following").
void AddFollowOptions(CLI::App* cmd, importers::FollowOptions& options);

// Follows every feed of the feeds file (importers::ReadFeedsFile); throws CommandError naming
// the bad line or the unreadable file. Returns how many feeds the file lists.
size_t LoadFeedsFile(core::GraphStore& store, const std::string& path);

}  // namespace actorgraph::cli
