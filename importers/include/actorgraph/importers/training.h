// Training the extractor's models from labelled data (`actorgraph train`, `make model`).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "actorgraph/core/status.h"
#include "actorgraph/importers/extraction.h"

namespace actorgraph::importers {

struct TrainingOptions {
  std::string corpus_dir;  // our annotated articles (NAME.txt + NAME.gold.json)
  std::string conll03;     // CoNLL-2003 eng.train
  std::string conll04;     // CoNLL04 train JSON (SpERT format)
  std::string out_dir;     // where the .model files are written (created if missing)
  // Articles of corpus_dir left out (by file name, "NAME.txt"): a cross-validation fold.
  std::vector<std::string> exclude;
  // Word lists and system data, as the extractor will open them (data_dir: the lists).
  ExtractorOptions resources;
  // Optional caps for a quick run (0 = all): documents read from each CoNLL file.
  size_t max_conll_docs = 0;
  // How many times an example of our corpus counts against one of CoNLL's.
  int our_weight = 8;
  // liblinear's C for the tagger (inverse regularisation strength), cross-validated on our
  // corpus (5 folds, entities / relations F1): 0.3 -> 0.730 / 0.415, 0.1 -> 0.749 / 0.433,
  // 0.05 -> 0.756 / 0.452, 0.03 -> 0.757 / 0.464, 0.02 -> 0.757 / 0.449.
  double tagger_c = 0.03;
  // liblinear's C for the relation model (cross-validated relations F1: 0.03 -> 0.453,
  // 0.1 -> 0.464, 0.3 -> 0.453).
  double relation_c = 0.1;
  // Kept with the relation model: a relation is kept when it scores above "none" minus this
  // (cross-validated on our corpus: 0 -> F1 0.39, 0.3 -> 0.42, 0.6 -> 0.43; with the tagger's
  // C at 0.03: 0.4 -> 0.453, 0.6 -> 0.464, 0.8 -> 0.453).
  double relation_none_offset = 0.6;
};

// Trains tagger.model, kind.model, org.model and relation.model into out_dir; progress on
// `log`. Deterministic for the same inputs.
core::Status TrainModels(const TrainingOptions& options, std::ostream& log);

}  // namespace actorgraph::importers
