// Trains a LinearModel with liblinear (L2-regularised logistic regression, or the L2-loss SVM
// in its dual form): deterministic for the same examples in the same order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "linear_model.h"

namespace actorgraph::importers::learn {

struct Example {
  std::vector<uint64_t> features;
  int label = 0;   // index into the label list
  int copies = 1;  // weight: the example counts this many times
};

struct TrainerOptions {
  double c = 0.1;         // liblinear's C (inverse regularisation strength)
  int min_count = 1;      // features seen in fewer examples are dropped
  bool logistic = false;  // logistic regression (probabilities); else the L2-loss SVM
  double eps = 0.1;
};

// Trains on `examples`; every label index must be < labels.size().
LinearModel TrainLinear(const std::string& name, const std::vector<std::string>& labels,
                        const std::vector<Example>& examples, const TrainerOptions& options);

}  // namespace actorgraph::importers::learn
