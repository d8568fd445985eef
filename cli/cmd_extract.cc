// actorgraph extract FILE: the actors and relations the extractor finds, in the PRED format of
// ../shared/corpus/README.md (entities with type, name and aliases; relations by entity name).
#include <iostream>
#include <nlohmann/json.hpp>

#include "actorgraph/importers/extraction.h"
#include "actorgraph/importers/sources.h"
#include "commands.h"

namespace actorgraph::cli {

namespace {

nlohmann::json ExtractionToPred(const importers::Extraction& x) {
  nlohmann::json entities = nlohmann::json::array(), relations = nlohmann::json::array();
  for (const auto& e : x.entities)
    entities.push_back(
        {{"type", core::NodeTypeName(e.type)}, {"name", e.name}, {"aliases", e.aliases}});
  for (const auto& r : x.relations) {
    nlohmann::json j = {{"type", core::EdgeTypeName(r.type)},
                        {"from", x.entities[r.from].name},
                        {"to", x.entities[r.to].name},
                        {"confidence", r.confidence},
                        {"sentence", r.sentence},
                        {"begin", r.begin},
                        {"end", r.end}};
    if (!r.title.empty()) j["title"] = r.title;
    relations.push_back(std::move(j));
  }
  return {{"title", x.title},
          {"date", x.date},
          {"dateline", x.dateline},
          {"language", x.language},
          {"extractor_version", x.extractor_version},
          {"entities", entities},
          {"relations", relations}};
}

}  // namespace

void AddExtractCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("extract", "Print the actors and relations found in FILE (JSON)");
  auto path = std::make_shared<std::string>();
  cmd->add_option("FILE", *path, "An article (text, page, dump, feed), or - for stdin")->required();
  auto data_dir = std::make_shared<std::string>();
  AddDataOption(cmd, *data_dir);
  cmd->callback([path, data_dir] {
    auto extractor = OpenExtractor(*data_dir);
    size_t read = 0;
    auto st = importers::ForEachDocument(*path, [&](importers::SourceItem&& item) {
      if (!item.doc.ok()) {
        std::cerr << "actorgraph: " << item.origin << ": " << item.doc.status().message() << "\n";
        return;
      }
      ++read;
      std::cout << ExtractionToPred(extractor->Extract(item.doc.value()))
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    });
    if (!st.ok()) throw CommandError(st.message());
    if (read == 0) throw CommandError("no readable document in " + *path);
  });
}

}  // namespace actorgraph::cli
