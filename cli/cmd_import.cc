// actorgraph import PATH...: reads articles, extracts (language included), resolves and
// writes them; keeps going past a bad one and prints a summary.
#include <chrono>
#include <deque>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "ack_log.h"
#include "actorgraph/core/write_health.h"
#include "actorgraph/importers/pipeline.h"
#include "actorgraph/importers/sources.h"
#include "commands.h"
#include "progress.h"

namespace actorgraph::cli {

namespace {

struct ImportSummary {
  uint64_t articles_new = 0, articles_unchanged = 0;
  uint64_t nodes_added = 0, edges_added = 0, evidence_added = 0;
  std::vector<std::pair<std::string, std::string>> refused;  // origin, reason
  // Stored articles whose extraction hit a cap: origin, the caps (IngestResult).
  std::vector<std::pair<std::string, std::vector<std::string>>> capped;

  nlohmann::json ToJson(double seconds) const {
    nlohmann::json r = nlohmann::json::array(), c = nlohmann::json::array();
    for (const auto& [origin, reason] : refused)
      r.push_back({{"source", origin}, {"reason", reason}});
    for (const auto& [origin, limits] : capped)
      c.push_back({{"source", origin}, {"limits", limits}});
    return {{"articles_new", articles_new},       {"articles_unchanged", articles_unchanged},
            {"articles_refused", refused.size()}, {"refused", r},
            {"articles_capped", capped.size()},   {"capped", c},
            {"nodes_added", nodes_added},         {"edges_added", edges_added},
            {"evidence_added", evidence_added},   {"seconds", seconds}};
  }
};

// Thrown from the reading loop to stop it once the store failed a write.
struct StopReading {};

// The message `import` exits with when the store failed a write (core/write_health.h).
std::string WriteFailureMessage(const core::Status& failure, const std::string& db,
                                const std::string& origin, uint64_t acknowledged) {
  std::string where = "import stopped at " + origin + ": " + std::to_string(acknowledged) +
                      " article(s) before it were imported and acknowledged, nothing after. ";
  if (core::IsStorageFull(failure))
    return "no space left on the disk holding " + db + "; " + where +
           "Free space and run the same import again (what was imported is skipped)";
  return "writing " + db + " failed (" + failure.message() + "); " + where +
         "Run the same import again once the disk works (what was imported is skipped)";
}

}  // namespace

void AddImportCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("import",
                                 "Import articles (text, HTML, JSON Lines, RSS/Atom, folders, -)");
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto paths = std::make_shared<std::vector<std::string>>();
  auto json_summary = std::make_shared<bool>(false);
  cmd->add_option("--db", *db, "Database folder")->capture_default_str();
  cmd->add_flag("--json", *json_summary, "Print the summary as JSON");
  cmd->add_option("PATH", *paths, "Files, folders, or - for standard input")->required();
  auto ack_path = std::make_shared<std::string>();
  auto no_sync = std::make_shared<bool>(false);
  cmd->add_option("--ack-log", *ack_path,
                  "Append one line per acknowledged article: origin, id, new|unchanged")
      ->group("Advanced");
  cmd->add_flag("--no-sync", *no_sync,
                "Do not sync the WAL: faster, but a power cut may lose acknowledged articles")
      ->group("Advanced");
  auto log_every = std::make_shared<double>(10.0);
  cmd->add_option("--progress-every", *log_every,
                  "Seconds between progress log lines when stderr is not a terminal")
      ->check(CLI::Range(0.01, 86400.0))
      ->capture_default_str()
      ->group("Advanced");
  auto data_dir = std::make_shared<std::string>();
  AddDataOption(cmd, *data_dir);
  cmd->callback([db, paths, json_summary, ack_path, no_sync, log_every, data_dir] {
    auto extractor = OpenExtractor(*data_dir);
    storage::RocksStoreOptions store_options;
    store_options.sync_writes = !*no_sync;
    auto store = OpenStore(*db, store_options);
    std::unique_ptr<AckLog> acks =
        ack_path->empty() ? nullptr : std::make_unique<AckLog>(*ack_path);
    ImportSummary summary;
    std::vector<uint64_t> path_bytes;  // the size of each PATH's input, for the progress line
    uint64_t total_bytes = 0;
    for (const auto& path : *paths)
      total_bytes += path_bytes.emplace_back(importers::SourceBytes(path));
    uint64_t bytes_before_path = 0;
    // The input read up to each article handed to the ingestor and not yet reported, in the
    // order it reports them (the order they were added).
    std::deque<uint64_t> read_up_to;
    // The first write the store failed (a full or failing disk) and the article it stopped
    // at: the batch stops there (BatchIngestor), and so does the reading.
    core::Status store_failure;
    std::string failed_at;
    Progress progress(total_bytes,
                      std::chrono::milliseconds(static_cast<int64_t>(*log_every * 1000)));
    importers::BatchIngestor ingestor(
        *store, *extractor,
        [&](const std::string& origin, const core::Result<core::IngestResult>& result) {
          progress.Tick(origin, read_up_to.front());
          read_up_to.pop_front();
          if (!result.ok() && core::IsWriteFailure(result.status())) {
            if (store_failure.ok()) {
              store_failure = result.status();
              failed_at = origin;
            }
            return;  // not refused: never written, and never acknowledged
          }
          if (!result.ok()) {
            summary.refused.emplace_back(origin, result.status().message());
            return;
          }
          if (acks) acks->Ack(origin, result->article_id, result->article_was_new);
          if (!result->extraction_limits.empty())
            summary.capped.emplace_back(origin, result->extraction_limits);
          if (result->article_was_new)
            ++summary.articles_new;
          else
            ++summary.articles_unchanged;
          summary.nodes_added += result->stats.nodes_added;
          summary.edges_added += result->stats.edges_added;
          summary.evidence_added += result->stats.evidence_added;
        });
    for (size_t p = 0; p < paths->size() && store_failure.ok(); ++p) {
      const std::string& path = (*paths)[p];
      core::Status st;
      try {
        st = importers::ForEachDocument(path, [&](importers::SourceItem&& item) {
          if (!store_failure.ok()) throw StopReading{};
          if (!item.doc.ok()) {
            summary.refused.emplace_back(item.origin, item.doc.status().message());
            return;
          }
          read_up_to.push_back(bytes_before_path + item.bytes_done);
          ingestor.Add(std::move(item.origin), std::move(item.doc.value()));
        });
      } catch (const StopReading&) {
        break;
      }
      if (!st.ok()) summary.refused.emplace_back(path, st.message());
      bytes_before_path += path_bytes[p];
    }
    if (auto st = ingestor.Flush(); !st.ok() && store_failure.ok())
      throw CommandError(st.message());
    progress.Finish();
    double secs = progress.elapsed_seconds();
    if (*json_summary) {
      std::cout << summary.ToJson(secs).dump(2) << "\n";
    } else {
      std::cout << "articles: " << summary.articles_new << " new, " << summary.articles_unchanged
                << " unchanged, " << summary.refused.size() << " refused\n"
                << "added: " << summary.nodes_added << " nodes, " << summary.edges_added
                << " edges, " << summary.evidence_added << " pieces of evidence\n"
                << "time: " << secs << " s\n";
      for (const auto& [origin, reason] : summary.refused)
        std::cout << "refused: " << origin << ": " << reason << "\n";
      for (const auto& [origin, limits] : summary.capped) {
        std::cout << "capped: " << origin << ":";
        for (const auto& limit : limits) std::cout << " " << limit;
        std::cout << "\n";
      }
    }
    if (!store_failure.ok())
      throw CommandError(WriteFailureMessage(store_failure, *db, failed_at,
                                             summary.articles_new + summary.articles_unchanged));
    if (summary.articles_new + summary.articles_unchanged == 0 && !summary.refused.empty())
      throw CommandError("nothing imported: every input was refused");
  });
}

}  // namespace actorgraph::cli
