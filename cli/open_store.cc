#include <filesystem>

#include "commands.h"

namespace actorgraph::cli {

std::unique_ptr<storage::RocksGraphStore> OpenStore(const std::string& dir,
                                                    const storage::RocksStoreOptions& options) {
  if (options.create_if_missing && !options.read_only && !options.secondary) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw CommandError("cannot create " + dir + ": " + ec.message());
  }
  auto store = storage::RocksGraphStore::Open(dir, options);
  if (!store.ok()) throw CommandError(store.status().message());
  return std::move(store.value());
}

}  // namespace actorgraph::cli
