// A multi-class linear model over hashed binary features: score(class) = bias + sum of the
// weights of the features present. Trained by liblinear (linear_trainer.h), stored in our own
// compact file so that extraction needs no training library and loads in milliseconds.
//
// File layout (little-endian): "AGLM1\n", a one-line JSON header ({"name", "version",
// "labels", "features", "trained_on"}), then the biases (float32 per class), then `features`
// rows of (uint64 feature id, float32 weight per class) sorted by id, then the FNV-1a hash of
// every byte before it (uint64). A wrong magic, a short file or a wrong hash is an error.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "actorgraph/core/status.h"

namespace actorgraph::importers::learn {

class LinearModel {
 public:
  LinearModel() = default;
  LinearModel(std::string name, std::vector<std::string> labels);

  static core::Result<LinearModel> Load(const std::string& path);
  core::Status Save(const std::string& path) const;

  // Adds the weights of one feature (labels().size() values); ids must be unique.
  void AddFeature(uint64_t id, const float* weights);
  void SetBias(size_t label, float bias) { bias_[label] = bias; }
  // Finishes construction: builds the lookup table. Called by Load, and by the trainer.
  void Seal();

  // scores[k] for every label k (scores has labels().size() room). Thread-safe.
  void Score(const std::vector<uint64_t>& features, float* scores) const;
  // The label with the highest score, and that score.
  size_t Best(const std::vector<uint64_t>& features, float* best_score = nullptr) const;

  const std::vector<std::string>& labels() const { return labels_; }
  int LabelIndex(const std::string& label) const;  // -1 when absent
  const std::string& name() const { return name_; }
  size_t feature_count() const { return ids_.size(); }
  size_t memory_bytes() const;
  // Free-form facts about the training run (data hashes, settings), kept in the header.
  nlohmann::json& trained_on() { return trained_on_; }
  const nlohmann::json& trained_on() const { return trained_on_; }
  // A hash of the weights: the model card records it, a test compares them.
  uint64_t Fingerprint() const;

 private:
  const float* Row(uint64_t id) const;

  std::string name_;
  std::vector<std::string> labels_;
  std::vector<float> bias_;
  std::vector<uint64_t> ids_;    // row order
  std::vector<float> weights_;   // ids_.size() x labels_.size()
  std::vector<uint32_t> table_;  // open addressing: row + 1, 0 = empty
  uint64_t mask_ = 0;
  nlohmann::json trained_on_ = nlohmann::json::object();
};

}  // namespace actorgraph::importers::learn
