// actorgraph train: retrains the extractor's models from labelled data (what `make model` runs).
#include <iostream>

#include "actorgraph/importers/training.h"
#include "commands.h"

namespace actorgraph::cli {

void AddTrainCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("train", "Train the extractor's models from labelled corpora");
  auto o = std::make_shared<importers::TrainingOptions>();
  cmd->add_option("--corpus", o->corpus_dir, "Our annotated articles (NAME.txt + NAME.gold.json)")
      ->required();
  cmd->add_option("--conll03", o->conll03, "CoNLL-2003 eng.train")->required();
  cmd->add_option("--conll04", o->conll04, "CoNLL04 training JSON")->required();
  cmd->add_option("--lists", o->resources.data_dir, "Folder of the word lists (importers/data)")
      ->required();
  cmd->add_option("--out", o->out_dir, "Where the .model files are written")->required();
  cmd->add_option("--exclude", o->exclude, "Articles of --corpus left out (NAME.txt), repeatable");
  cmd->add_option("--max-conll-docs", o->max_conll_docs,
                  "Read at most N documents of each CoNLL file");
  cmd->add_option("--our-weight", o->our_weight, "Weight of our corpus against CoNLL's")
      ->capture_default_str();
  cmd->add_option("--tagger-c", o->tagger_c, "liblinear's C for the tagger")->capture_default_str();
  cmd->add_option("--relation-c", o->relation_c, "liblinear's C for the relation model")
      ->capture_default_str();
  cmd->add_option("--relation-none-offset", o->relation_none_offset,
                  "How much a relation must outscore 'none' to be kept")
      ->capture_default_str();
  cmd->callback([o] {
    if (auto st = importers::TrainModels(*o, std::cerr); !st.ok()) throw CommandError(st.message());
  });
}

}  // namespace actorgraph::cli
