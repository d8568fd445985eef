// The graph model: node and edge types with their endpoint rules, nodes, edges and evidence.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::core {

using NodeId = uint64_t;
using ArticleId = uint64_t;
using EvidenceId = uint64_t;

enum class NodeType : uint8_t { kPerson = 1, kCompany = 2, kAgency = 3, kEvent = 4, kLocation = 5 };
enum class EdgeType : uint8_t {
  kWorksFor = 1,
  kSpeaksAt = 2,
  kModerates = 3,
  kOrganizes = 4,
  kPartOf = 5,
  kLocatedIn = 6,
  kPartnersWith = 7,
};

inline constexpr NodeType kAllNodeTypes[] = {NodeType::kPerson, NodeType::kCompany,
                                             NodeType::kAgency, NodeType::kEvent,
                                             NodeType::kLocation};
inline constexpr EdgeType kAllEdgeTypes[] = {
    EdgeType::kWorksFor, EdgeType::kSpeaksAt,  EdgeType::kModerates,   EdgeType::kOrganizes,
    EdgeType::kPartOf,   EdgeType::kLocatedIn, EdgeType::kPartnersWith};

// "person", "works-for", ... and back; the parsers return nullopt on an unknown name.
const char* NodeTypeName(NodeType t);
const char* EdgeTypeName(EdgeType t);
std::optional<NodeType> ParseNodeType(std::string_view name);
std::optional<EdgeType> ParseEdgeType(std::string_view name);
bool IsOrganization(NodeType t);  // company or agency

// The endpoint rules of DESIGN.md: true when an edge of type `e` may go from `from` to `to`.
bool EdgeAllowed(EdgeType e, NodeType from, NodeType to);
// partners-with is stored once, from the smaller id to the larger one.
bool IsSymmetric(EdgeType e);

struct Node {
  NodeId id = 0;
  NodeType type = NodeType::kPerson;
  std::string name;                  // canonical name as written (the fullest form seen)
  std::vector<std::string> aliases;  // other surface forms (acronyms, short forms)
  std::string first_seen;            // YYYY-MM-DD of the earliest article, or empty
  std::string last_seen;
  NodeId merged_into = 0;  // non-zero: this node was merged away (a tombstone)
};

// One piece of support for an edge: where an article states it.
struct Evidence {
  EvidenceId id = 0;  // deterministic: hash of article, edge and offsets
  ArticleId article_id = 0;
  std::string sentence;
  uint32_t begin = 0;  // character (byte) offsets of the sentence in the article text
  uint32_t end = 0;
  double confidence = 0.5;
  std::string extractor_version;
  std::string date;  // the article's date, YYYY-MM-DD or empty
};

struct EdgeKey {
  NodeId src = 0;
  EdgeType type = EdgeType::kWorksFor;
  NodeId dst = 0;
  bool operator==(const EdgeKey& o) const { return src == o.src && type == o.type && dst == o.dst; }
  bool operator<(const EdgeKey& o) const {
    if (src != o.src) return src < o.src;
    if (type != o.type) return type < o.type;
    return dst < o.dst;
  }
};

// One logical edge per (src, type, dst); its support is its evidence records.
struct Edge {
  EdgeKey key;
  std::string title;      // works-for: the role as written
  double confidence = 0;  // 1 - prod(1 - c_i) over its evidence
  uint32_t evidence_count = 0;
  std::string first_seen;  // YYYY-MM-DD
  std::string last_seen;
};

// The stored article: what was read, and which nodes it mentioned.
struct Article {
  ArticleId id = 0;
  std::string content_hash;  // 32 hex digits over the normalised text
  std::string url;
  std::string title;
  std::string date;  // YYYY-MM-DD or empty
  std::string text;
  std::vector<NodeId> mentions;  // nodes the article names, sorted, unique
  std::string language;          // ISO 639-1 code, "und" when unrecognised, empty when not detected
  // What the page says of itself (importers' html_metadata.h); empty when it does not say.
  std::string author;         // the byline's names, ", "-separated
  std::string canonical_url;  // <link rel="canonical">, else og:url
  std::string site_name;      // og:site_name, else the JSON-LD publisher's name
};

// Combined confidence of independent pieces of evidence.
double CombineConfidence(double a, double b);

}  // namespace actorgraph::core
