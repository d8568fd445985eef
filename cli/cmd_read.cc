// actorgraph read FILE: a document as the readers see it, as JSON (one object per document),
// with the language of its text (importers::LanguageIdentifier over the default dictionaries).
#include <iostream>
#include <nlohmann/json.hpp>

#include "actorgraph/importers/language.h"
#include "actorgraph/importers/sources.h"
#include "commands.h"

namespace actorgraph::cli {

void AddReadCommand(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("read", "Print the documents in FILE as the readers see them (JSON)");
  auto path = std::make_shared<std::string>();
  cmd->add_option("FILE", *path, "A page, text, JSON Lines dump, feed, folder, or - for stdin")
      ->required();
  cmd->callback([path] {
    auto languages = importers::LanguageIdentifier::Open(importers::DefaultLanguageDictionaries());
    if (!languages.ok()) throw CommandError(languages.status().message());
    size_t refused = 0, read = 0;
    std::string last_error;
    auto st = importers::ForEachDocument(*path, [&](importers::SourceItem&& item) {
      if (!item.doc.ok()) {
        ++refused;
        last_error = item.origin + ": " + item.doc.status().message();
        std::cerr << "actorgraph: " << last_error << "\n";
        return;
      }
      ++read;
      const auto& d = item.doc.value();
      importers::LanguageGuess language = languages->Detect(importers::ArticleText(d));
      std::cout << nlohmann::json{{"title", d.title},
                                  {"date", d.date},
                                  {"url", d.url},
                                  {"language", language.code},
                                  {"author", d.author},
                                  {"canonical_url", d.canonical_url},
                                  {"site_name", d.site_name},
                                  {"text", d.text}}
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    });
    if (!st.ok()) throw CommandError(st.message());
    if (read == 0 && refused > 0) throw CommandError("no readable document in " + *path);
  });
}

}  // namespace actorgraph::cli
