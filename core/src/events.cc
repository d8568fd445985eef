#include "actorgraph/core/events.h"

#include <algorithm>

namespace actorgraph::core {

std::vector<TimelineEvent> Timeline(const GraphSnapshot& snap, const EventQuery& q) {
  std::vector<TimelineEvent> out;
  for (GraphSnapshot::Index i = 0; i < snap.node_count(); ++i) {
    const Node& node = snap.node(i);
    if (node.type != NodeType::kEvent) continue;
    const std::string& date = node.first_seen;
    if ((!q.from.empty() || !q.to.empty()) && date.empty()) continue;
    if ((!q.from.empty() && date < q.from) || (!q.to.empty() && date > q.to)) continue;
    TimelineEvent ev;
    ev.event = i;
    ev.date = date;
    for (uint32_t e : snap.Incident(i)) {
      GraphSnapshot::Index other = snap.Other(e, i);
      switch (snap.edge(e).key.type) {
        case EdgeType::kLocatedIn:
          if (snap.source(e) == i) ev.locations.push_back(other);
          break;
        case EdgeType::kOrganizes:
          ev.organizers.push_back(other);
          break;
        case EdgeType::kSpeaksAt:
          ev.speakers.push_back(other);
          break;
        case EdgeType::kModerates:
          ev.moderators.push_back(other);
          break;
        default:
          break;
      }
    }
    if (q.location != GraphSnapshot::kNone &&
        std::find(ev.locations.begin(), ev.locations.end(), q.location) == ev.locations.end())
      continue;
    out.push_back(std::move(ev));
  }
  std::sort(out.begin(), out.end(), [&](const TimelineEvent& a, const TimelineEvent& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();  // undated events last
    if (a.date != b.date) return a.date < b.date;
    return snap.node(a.event).name < snap.node(b.event).name;
  });
  if (out.size() > q.limit) out.resize(q.limit);
  return out;
}

}  // namespace actorgraph::core
