#include "spellers.h"

#include <filesystem>
#include <hunspell.hxx>
#include <map>
#include <mutex>

namespace actorgraph::importers {

namespace {

// One dictionary's checker, loaded once on first use; Hunspell's spell() keeps state between
// calls, so each checker is used under its own lock.
struct Checker {
  std::string aff, dic;
  std::once_flag loaded;
  std::mutex lock;
  std::unique_ptr<Hunspell> hunspell;
};

}  // namespace

struct Spellers::Impl {
  std::map<std::string, std::unique_ptr<Checker>, std::less<>> checkers;
};

Spellers::Spellers(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Spellers::Spellers(Spellers&&) noexcept = default;
Spellers& Spellers::operator=(Spellers&&) noexcept = default;
Spellers::~Spellers() = default;

core::Result<Spellers> Spellers::Open(const std::vector<LanguageDictionary>& dictionaries) {
  auto impl = std::make_unique<Impl>();
  for (const auto& d : dictionaries) {
    auto c = std::make_unique<Checker>();
    c->dic = d.path;
    c->aff = std::filesystem::path(d.path).replace_extension(".aff").string();
    for (const std::string* path : {&c->dic, &c->aff})
      if (!std::filesystem::is_regular_file(*path))
        return core::Status::NotFound("spelling dictionary missing: " + *path);
    impl->checkers[d.code] = std::move(c);
  }
  return Spellers(std::move(impl));
}

bool Spellers::Knows(const std::string& code, std::string_view word) const {
  auto it = impl_->checkers.find(code);
  if (it == impl_->checkers.end() || word.empty()) return false;
  Checker& c = *it->second;
  std::call_once(c.loaded,
                 [&] { c.hunspell = std::make_unique<Hunspell>(c.aff.c_str(), c.dic.c_str()); });
  std::lock_guard<std::mutex> guard(c.lock);
  return c.hunspell->spell(std::string(word));
}

}  // namespace actorgraph::importers
