// The events timeline: event nodes with their date, places, organisers, speakers and
// moderators, read from a GraphSnapshot.
#pragma once

#include <string>
#include <vector>

#include "actorgraph/core/graph_snapshot.h"

namespace actorgraph::core {

struct EventQuery {
  std::string from;                                      // YYYY-MM-DD, inclusive; empty: open
  std::string to;                                        // YYYY-MM-DD, inclusive; empty: open
  GraphSnapshot::Index location = GraphSnapshot::kNone;  // kNone: anywhere
  size_t limit = 100;
};

struct TimelineEvent {
  GraphSnapshot::Index event = 0;
  std::string date;  // the event's first_seen (the earliest article that names it), or empty
  std::vector<GraphSnapshot::Index> locations, organizers, speakers, moderators;
};

// Events dated within [from, to] (undated events only when no bound is set) and located in
// `location` when given, by date (undated last) then name; at most `limit`.
std::vector<TimelineEvent> Timeline(const GraphSnapshot& snap, const EventQuery& query);

}  // namespace actorgraph::core
