#include "linear_trainer.h"

#include <linear.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

namespace actorgraph::importers::learn {

namespace {
void Quiet(const char*) {}
}  // namespace

LinearModel TrainLinear(const std::string& name, const std::vector<std::string>& labels,
                        const std::vector<Example>& examples, const TrainerOptions& options) {
  // Feature ids -> liblinear's 1-based indices, in order of first appearance.
  std::unordered_map<uint64_t, int> count;
  for (const Example& e : examples)
    for (uint64_t f : e.features) ++count[f];
  std::unordered_map<uint64_t, int> index;
  std::vector<uint64_t> ids;
  for (const Example& e : examples)
    for (uint64_t f : e.features)
      if (count[f] >= options.min_count && !index.count(f)) {
        ids.push_back(f);
        index[f] = int(ids.size());
      }
  const int n = int(ids.size());

  size_t rows = 0;
  for (const Example& e : examples) rows += e.copies;
  std::vector<std::vector<feature_node>> storage;
  storage.reserve(examples.size());
  std::vector<feature_node*> x;
  std::vector<double> y;
  x.reserve(rows);
  y.reserve(rows);
  for (const Example& e : examples) {
    std::vector<feature_node> row;
    for (uint64_t f : e.features)
      if (auto it = index.find(f); it != index.end()) row.push_back({it->second, 1.0});
    std::sort(row.begin(), row.end(), [](auto& a, auto& b) { return a.index < b.index; });
    row.erase(
        std::unique(row.begin(), row.end(), [](auto& a, auto& b) { return a.index == b.index; }),
        row.end());
    row.push_back({n + 1, 1.0});  // the bias feature
    row.push_back({-1, 0.0});
    storage.push_back(std::move(row));
    for (int c = 0; c < e.copies; ++c) {
      x.push_back(storage.back().data());
      y.push_back(e.label);
    }
  }
  problem prob{};
  prob.l = int(x.size());
  prob.n = n + 1;
  prob.x = x.data();
  prob.y = y.data();
  prob.bias = -1;  // the bias is feature n + 1 above
  parameter param{};
  param.solver_type = options.logistic ? L2R_LR_DUAL : L2R_L2LOSS_SVC_DUAL;
  param.C = options.c;
  param.eps = options.eps;
  set_print_string_function(Quiet);
  std::srand(1);  // liblinear shuffles with rand(): the same seed gives the same weights
  model* m = train(&prob, &param);

  // liblinear's labels are the distinct y values in order of appearance; a two-class model
  // has one weight vector, for its first label (the other's score is its negation).
  const int k = int(labels.size());
  std::vector<int> liblabel(m->nr_class);
  get_labels(m, liblabel.data());
  const int stride = m->nr_class == 2 ? 1 : m->nr_class;
  auto coef = [&](int feature, int cls) -> float {  // feature: 0-based liblinear index
    for (int j = 0; j < m->nr_class; ++j)
      if (liblabel[j] == cls) {
        if (m->nr_class == 2) return float(j == 0 ? m->w[feature] : -m->w[feature]);
        return float(m->w[size_t(feature) * stride + j]);
      }
    return -1e3f;  // a label with no example is never chosen
  };
  LinearModel out(name, labels);
  std::vector<float> w(k);
  for (int f = 0; f < n; ++f) {
    bool any = false;
    for (int c = 0; c < k; ++c) {
      w[c] = coef(f, c) == -1e3f ? 0.f : coef(f, c);
      any |= w[c] != 0.f;
    }
    if (any) out.AddFeature(ids[f], w.data());
  }
  for (int c = 0; c < k; ++c) out.SetBias(c, coef(n, c));
  out.Seal();
  free_and_destroy_model(&m);
  return out;
}

}  // namespace actorgraph::importers::learn
