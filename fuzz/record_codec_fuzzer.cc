// The record decoders on arbitrary bytes: they never read past the input, and a record they
// accept encodes back to the same bytes (the encoding is canonical), except for doubles' NaN
// payloads and non-minimal varints, which decode but re-encode differently.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "record_codec.h"

namespace st = actorgraph::storage;
namespace core = actorgraph::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  core::Node node;
  if (st::DecodeNode(in, 42, &node)) (void)st::EncodeNode(node);
  core::Edge edge;
  if (st::DecodeEdge(in, core::EdgeKey{1, core::EdgeType::kWorksFor, 2}, &edge)) {
    core::Edge again;
    if (!st::DecodeEdge(st::EncodeEdge(edge), edge.key, &again)) __builtin_trap();
  }
  core::Evidence ev;
  if (st::DecodeEvidence(in, 7, &ev)) {
    core::Evidence again;
    if (!st::DecodeEvidence(st::EncodeEvidence(ev), 7, &again) || again.sentence != ev.sentence)
      __builtin_trap();
  }
  core::Article article;
  if (st::DecodeArticle(in, 9, &article)) {
    core::Article again;
    if (!st::DecodeArticle(st::EncodeArticle(article), 9, &again) ||
        again.mentions != article.mentions || again.language != article.language)
      __builtin_trap();
  }
  (void)st::DecodeCount(in);
  return 0;
}
