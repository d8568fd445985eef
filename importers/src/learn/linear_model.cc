#include "linear_model.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <numeric>
#include <sstream>

#include "feature_hash.h"

namespace actorgraph::importers::learn {

namespace {

constexpr char kMagic[] = "AGLM1\n";

template <typename T>
void Put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof(T));
}

template <typename T>
bool Get(std::string_view& in, T& v) {
  if (in.size() < sizeof(T)) return false;
  std::memcpy(&v, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

uint64_t Mix(uint64_t id) { return id * 0x9E3779B97F4A7C15ull; }

}  // namespace

LinearModel::LinearModel(std::string name, std::vector<std::string> labels)
    : name_(std::move(name)), labels_(std::move(labels)), bias_(labels_.size(), 0.f) {}

void LinearModel::AddFeature(uint64_t id, const float* weights) {
  ids_.push_back(id);
  weights_.insert(weights_.end(), weights, weights + labels_.size());
}

void LinearModel::Seal() {
  size_t cap = 16;
  while (cap < ids_.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  table_.assign(cap, 0);
  for (uint32_t r = 0; r < ids_.size(); ++r) {
    uint64_t slot = Mix(ids_[r]) & mask_;
    while (table_[slot]) slot = (slot + 1) & mask_;
    table_[slot] = r + 1;
  }
}

const float* LinearModel::Row(uint64_t id) const {
  if (table_.empty()) return nullptr;
  for (uint64_t slot = Mix(id) & mask_;; slot = (slot + 1) & mask_) {
    uint32_t r = table_[slot];
    if (!r) return nullptr;
    if (ids_[r - 1] == id) return &weights_[size_t(r - 1) * labels_.size()];
  }
}

void LinearModel::Score(const std::vector<uint64_t>& features, float* scores) const {
  const size_t k = labels_.size();
  std::copy(bias_.begin(), bias_.end(), scores);
  for (uint64_t f : features)
    if (const float* w = Row(f))
      for (size_t c = 0; c < k; ++c) scores[c] += w[c];
}

size_t LinearModel::Best(const std::vector<uint64_t>& features, float* best_score) const {
  float scores[64];
  Score(features, scores);
  size_t best = 0;
  for (size_t c = 1; c < labels_.size(); ++c)
    if (scores[c] > scores[best]) best = c;
  if (best_score) *best_score = scores[best];
  return best;
}

int LinearModel::LabelIndex(const std::string& label) const {
  auto it = std::find(labels_.begin(), labels_.end(), label);
  return it == labels_.end() ? -1 : int(it - labels_.begin());
}

size_t LinearModel::memory_bytes() const {
  return ids_.size() * sizeof(uint64_t) + weights_.size() * sizeof(float) +
         table_.size() * sizeof(uint32_t);
}

uint64_t LinearModel::Fingerprint() const {
  uint64_t h = HashBytes(name_);
  for (const auto& l : labels_) h = HashBytes(l, h);
  h = HashBytes({reinterpret_cast<const char*>(bias_.data()), bias_.size() * sizeof(float)}, h);
  h = HashBytes({reinterpret_cast<const char*>(ids_.data()), ids_.size() * sizeof(uint64_t)}, h);
  return HashBytes(
      {reinterpret_cast<const char*>(weights_.data()), weights_.size() * sizeof(float)}, h);
}

core::Status LinearModel::Save(const std::string& path) const {
  // Rows sorted by id, so that the same weights always give the same bytes.
  std::vector<uint32_t> order(ids_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return ids_[a] < ids_[b]; });
  nlohmann::json header = {
      {"name", name_}, {"labels", labels_}, {"features", ids_.size()}, {"trained_on", trained_on_}};
  std::string out = kMagic;
  out += header.dump() + "\n";
  for (float b : bias_) Put(out, b);
  for (uint32_t r : order) {
    Put(out, ids_[r]);
    out.append(reinterpret_cast<const char*>(&weights_[size_t(r) * labels_.size()]),
               labels_.size() * sizeof(float));
  }
  Put(out, HashBytes(out));
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(out.data(), std::streamsize(out.size()));
    if (!f) return core::Status::IoError("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return core::Status::IoError("cannot rename " + tmp + " to " + path);
  return core::Status::Ok();
}

core::Result<LinearModel> LinearModel::Load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return core::Status::NotFound("model file missing: " + path);
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string bytes = ss.str();
  auto corrupt = [&](const std::string& why) {
    return core::Status::Corruption("model file " + path + " is corrupt: " + why);
  };
  if (bytes.size() < sizeof(kMagic) + sizeof(uint64_t) || bytes.compare(0, 6, kMagic) != 0)
    return corrupt("not an actorgraph model (bad magic)");
  uint64_t stored;
  std::memcpy(&stored, bytes.data() + bytes.size() - sizeof(uint64_t), sizeof(uint64_t));
  std::string_view body(bytes.data(), bytes.size() - sizeof(uint64_t));
  if (HashBytes(body) != stored) return corrupt("checksum mismatch");
  body.remove_prefix(6);
  size_t eol = body.find('\n');
  if (eol == std::string_view::npos) return corrupt("no header");
  nlohmann::json header = nlohmann::json::parse(body.substr(0, eol), nullptr, false);
  if (header.is_discarded() || !header.contains("labels") || !header.contains("features"))
    return corrupt("bad header");
  body.remove_prefix(eol + 1);
  LinearModel m(header.value("name", ""), header["labels"].get<std::vector<std::string>>());
  m.trained_on_ = header.value("trained_on", nlohmann::json::object());
  const size_t k = m.labels_.size(), n = header["features"].get<size_t>();
  if (k == 0 || k > 64) return corrupt("bad label count");
  for (size_t c = 0; c < k; ++c)
    if (!Get(body, m.bias_[c])) return corrupt("truncated");
  if (body.size() != n * (sizeof(uint64_t) + k * sizeof(float))) return corrupt("wrong size");
  m.ids_.resize(n);
  m.weights_.resize(n * k);
  for (size_t r = 0; r < n; ++r) {
    Get(body, m.ids_[r]);
    std::memcpy(&m.weights_[r * k], body.data(), k * sizeof(float));
    body.remove_prefix(k * sizeof(float));
  }
  m.Seal();
  return m;
}

}  // namespace actorgraph::importers::learn
