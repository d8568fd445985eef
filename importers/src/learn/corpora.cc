#include "corpora.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "actorgraph/importers/readers.h"

namespace actorgraph::importers::learn {

namespace fs = std::filesystem;

namespace {

core::Result<std::string> Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status::NotFound("training file missing: " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool NoSpaceBefore(const std::string& t) {
  static const char* kClosers[] = {",",  ".",  ";",   ":",   "?",   "!",   ")",  "]",  "%",
                                   "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "..."};
  for (const char* c : kClosers)
    if (t == c) return true;
  return false;
}

// Reads `text` as ReadText does and moves `spans` (bytes of `text`, in text order) onto
// ArticleText of the result, finding each span's words in order; a span the reader dropped
// is dropped.
core::Result<Document> AsRead(const std::string& text, const std::string& id,
                              std::vector<GoldSpan>& spans) {
  auto doc = ReadText(text, id);
  if (!doc.ok()) return doc.status();
  std::string seen = ArticleText(doc.value());
  if (seen == text) return doc;
  std::vector<GoldSpan> moved;
  size_t cursor = 0;
  for (GoldSpan s : spans) {
    std::string words = text.substr(s.begin, s.end - s.begin);
    size_t at = seen.find(words, cursor);
    if (at == std::string::npos) continue;
    s.begin = uint32_t(at);
    s.end = uint32_t(at + words.size());
    cursor = s.end;
    moved.push_back(std::move(s));
  }
  spans = std::move(moved);
  return doc;
}

void AddTokenSpans(const std::vector<uint32_t>& offsets, const std::vector<std::string>& toks,
                   size_t first, size_t last, const std::string& tag, std::vector<GoldSpan>& out,
                   std::string entity = "") {
  GoldSpan s;
  s.begin = offsets[first];
  s.end = uint32_t(offsets[last - 1] + toks[last - 1].size());
  s.tag = tag;
  s.entity = std::move(entity);
  out.push_back(std::move(s));
}

}  // namespace

std::string Detokenize(const std::vector<std::string>& tokens, std::vector<uint32_t>& offsets) {
  std::string out;
  offsets.clear();
  bool open_quote = false, glue_next = false;
  for (const std::string& t : tokens) {
    bool space = !out.empty() && !glue_next && !NoSpaceBefore(t);
    glue_next = false;
    if (t == "\"") {
      if (open_quote)
        space = false;
      else
        glue_next = true;
      open_quote = !open_quote;
    }
    if (t == "(" || t == "[" || t == "$") glue_next = true;
    if (space) out += ' ';
    offsets.push_back(uint32_t(out.size()));
    out += t;
  }
  return out;
}

core::Result<std::vector<LabeledDoc>> ReadConll03(const std::string& path) {
  auto raw = Slurp(path);
  if (!raw.ok()) return raw.status();
  std::vector<LabeledDoc> docs;
  std::istringstream in(raw.value());
  std::string line;
  // One document: its sentences as token and IOB1 tag lists.
  std::vector<std::vector<std::pair<std::string, std::string>>> sentences(1);
  auto flush_doc = [&] {
    std::string text;
    std::vector<std::pair<std::vector<uint32_t>, std::vector<std::string>>> placed;
    std::vector<std::vector<std::string>> tags;
    for (const auto& s : sentences) {
      if (s.empty()) continue;
      std::vector<std::string> toks, tg;
      for (const auto& [w, t] : s) {
        toks.push_back(w);
        tg.push_back(t);
      }
      std::vector<uint32_t> offs;
      std::string sent = Detokenize(toks, offs);
      if (!text.empty()) text += '\n';
      for (auto& o : offs) o += uint32_t(text.size());
      text += sent;
      placed.push_back({std::move(offs), std::move(toks)});
      tags.push_back(std::move(tg));
    }
    sentences.assign(1, {});
    if (text.empty()) return;
    LabeledDoc d;
    d.id = "conll03:" + std::to_string(docs.size() + 1);
    d.source = "conll03";
    for (size_t s = 0; s < placed.size(); ++s) {
      const auto& [offs, toks] = placed[s];
      const auto& tg = tags[s];
      for (size_t i = 0; i < tg.size();) {
        if (tg[i] == "O") {
          ++i;
          continue;
        }
        std::string type = tg[i].substr(2);
        size_t j = i + 1;
        while (j < tg.size() && tg[j].size() > 2 && tg[j][0] == 'I' && tg[j].substr(2) == type) ++j;
        AddTokenSpans(offs, toks, i, j, type, d.spans);
        i = j;
      }
    }
    auto read = AsRead(text, d.id, d.spans);
    if (!read.ok()) return;
    d.doc = std::move(read.value());
    docs.push_back(std::move(d));
  };
  while (std::getline(in, line)) {
    if (line.rfind("-DOCSTART-", 0) == 0) {
      flush_doc();
      continue;
    }
    if (line.empty()) {
      if (!sentences.back().empty()) sentences.emplace_back();
      continue;
    }
    std::istringstream cols(line);
    std::string w, pos, chunk, tag;
    cols >> w >> pos >> chunk >> tag;
    if (tag.empty()) return core::Status::Corruption("bad CoNLL line in " + path + ": " + line);
    sentences.back().push_back({w, tag});
  }
  flush_doc();
  return docs;
}

core::Result<std::vector<LabeledDoc>> ReadConll04(const std::string& path) {
  auto raw = Slurp(path);
  if (!raw.ok()) return raw.status();
  nlohmann::json j = nlohmann::json::parse(raw.value(), nullptr, false);
  if (j.is_discarded() || !j.is_array())
    return core::Status::Corruption("not a JSON array: " + path);
  static const std::map<std::string, std::string> kTags = {
      {"Peop", "PER"}, {"Org", "ORG"}, {"Loc", "LOC"}, {"Other", "MISC"}};
  static const std::map<std::string, std::string> kTypes = {
      {"Peop", "person"}, {"Org", "company"}, {"Loc", "location"}};
  static const std::map<std::string, std::string> kRelations = {{"Work_For", "works-for"},
                                                                {"OrgBased_In", "located-in"}};
  std::vector<LabeledDoc> docs;
  for (const auto& s : j) {
    std::vector<std::string> toks = s["tokens"].get<std::vector<std::string>>();
    std::vector<uint32_t> offs;
    std::string text = Detokenize(toks, offs);
    LabeledDoc d;
    d.id = "conll04:" + std::to_string(s.value("orig_id", int(docs.size())));
    d.source = "conll04";
    int e = 0;
    for (const auto& ent : s["entities"]) {
      std::string type = ent["type"];
      std::string id = "e" + std::to_string(e++);
      AddTokenSpans(offs, toks, ent["start"], ent["end"], kTags.at(type), d.spans, id);
      d.spans.back().type = kTypes.count(type) ? kTypes.at(type) : "";
      d.entities.push_back({{"id", id},
                            {"type", d.spans.back().type},
                            {"name", text.substr(offs[ent["start"].get<size_t>()],
                                                 d.spans.back().end - d.spans.back().begin)}});
    }
    for (const auto& r : s["relations"]) {
      auto it = kRelations.find(r["type"].get<std::string>());
      if (it == kRelations.end()) continue;
      d.relations.push_back({it->second, "e" + std::to_string(r["head"].get<int>()),
                             "e" + std::to_string(r["tail"].get<int>()), ""});
    }
    std::sort(d.spans.begin(), d.spans.end(),
              [](const GoldSpan& a, const GoldSpan& b) { return a.begin < b.begin; });
    auto read = AsRead(text, d.id, d.spans);
    if (!read.ok()) continue;
    d.doc = std::move(read.value());
    docs.push_back(std::move(d));
  }
  return docs;
}

namespace {

bool WordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  return s;
}

}  // namespace

core::Result<std::vector<LabeledDoc>> ReadGoldCorpus(const std::string& dir) {
  if (!fs::is_directory(dir)) return core::Status::NotFound("corpus folder missing: " + dir);
  std::vector<fs::path> golds;
  for (const auto& f : fs::directory_iterator(dir)) {
    std::string n = f.path().filename().string();
    if (n.size() > 10 && n.substr(n.size() - 10) == ".gold.json") golds.push_back(f.path());
  }
  std::sort(golds.begin(), golds.end());
  static const std::map<std::string, std::string> kTags = {{"person", "PER"},
                                                           {"company", "ORG"},
                                                           {"agency", "ORG"},
                                                           {"event", "MISC"},
                                                           {"location", "LOC"}};
  std::vector<LabeledDoc> docs;
  for (const fs::path& g : golds) {
    auto gj = Slurp(g.string());
    if (!gj.ok()) return gj.status();
    nlohmann::json gold = nlohmann::json::parse(gj.value(), nullptr, false);
    if (gold.is_discarded()) return core::Status::Corruption("not JSON: " + g.string());
    std::string article = gold.value("article", "");
    auto txt = Slurp((g.parent_path() / article).string());
    if (!txt.ok()) return txt.status();
    LabeledDoc d;
    d.id = article;
    d.source = "ours";
    auto read = ReadText(txt.value(), article);
    if (!read.ok()) continue;
    d.doc = std::move(read.value());
    const std::string text = ArticleText(d.doc);
    // Every form of every entity, longest first; a byte is claimed by one span.
    struct Form {
      std::string text, tag, type, entity;
    };
    std::vector<Form> forms;
    for (const auto& e : gold["entities"]) {
      std::string type = e.value("type", "");
      if (!kTags.count(type)) continue;
      std::vector<std::string> names = {e.value("name", "")};
      for (const auto& a : e.value("aliases", nlohmann::json::array())) names.push_back(a);
      for (const auto& n : names)
        if (!n.empty()) forms.push_back({n, kTags.at(type), type, e.value("id", "")});
    }
    d.entities = gold["entities"];
    for (const auto& r : gold.value("relations", nlohmann::json::array()))
      d.relations.push_back(
          {r.value("type", ""), r.value("from", ""), r.value("to", ""), r.value("title", "")});
    std::stable_sort(forms.begin(), forms.end(),
                     [](const Form& a, const Form& b) { return a.text.size() > b.text.size(); });
    std::vector<char> claimed(text.size(), 0);
    for (const Form& f : forms) {
      for (const std::string& written : {f.text, Upper(f.text)}) {
        for (size_t at = text.find(written); at != std::string::npos;
             at = text.find(written, at + 1)) {
          size_t end = at + written.size();
          if (at > 0 && WordByte(text[at - 1])) continue;
          if (end < text.size() && WordByte(text[end])) continue;
          if (std::any_of(claimed.begin() + at, claimed.begin() + end, [](char c) { return c; }))
            continue;
          std::fill(claimed.begin() + at, claimed.begin() + end, 1);
          d.spans.push_back({uint32_t(at), uint32_t(end), f.tag, f.type, f.entity});
        }
      }
    }
    std::sort(d.spans.begin(), d.spans.end(),
              [](const GoldSpan& a, const GoldSpan& b) { return a.begin < b.begin; });
    docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace actorgraph::importers::learn
