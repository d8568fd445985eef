#!/usr/bin/env bash
# k-fold cross-validation of the extractor on our corpus, by article: fold i's models are
# trained on CoNLL-2003, CoNLL04 and the other folds' articles, and only score fold i's.
#   importers/training/cross_validate.sh BIN SHARED WORK [K]
# BIN: the actorgraph program; SHARED: ../shared; WORK: a scratch folder (its fold-*/ hold the
# fold models, cv.json the figures; TRAIN_FLAGS adds options to `actorgraph train`). Prints score.py's totals by type.
set -euo pipefail
BIN=$(realpath "$1"); SHARED=$(realpath "$2"); WORK=$3; K=${4:-5}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
DEV="$SHARED/corpus/dev"
mkdir -p "$WORK"; WORK=$(realpath "$WORK")
mapfile -t ARTICLES < <(cd "$DEV" && ls *.gold.json | sed 's/\.gold\.json$/.txt/' | sort)
: > "$WORK/folds.tsv"
for f in $(seq 0 $((K - 1))); do
  excl=()
  for i in "${!ARTICLES[@]}"; do
    if (( i % K == f )); then excl+=(--exclude "${ARTICLES[$i]}"); printf '%s\t%s\n' "${ARTICLES[$i]}" "$f" >> "$WORK/folds.tsv"; fi
  done
  mkdir -p "$WORK/fold-$f"
  cp "$SRC"/importers/data/*.txt "$WORK/fold-$f/"
  "$BIN" train --corpus "$DEV" --conll03 "$SHARED/corpus/public/conll03/eng.train" \
    --conll04 "$SHARED/corpus/public/conll04/conll04_train.json" --lists "$SRC/importers/data" \
    --out "$WORK/fold-$f" "${excl[@]}" ${TRAIN_FLAGS:-} 2> "$WORK/fold-$f/train.log" &
done
wait
# Each article is extracted with the models of the fold that left it out.
cat > "$WORK/extract_held_out.sh" <<EOS
#!/usr/bin/env bash
fold=\$(awk -F'\t' -v a="\$(basename "\$1")" '\$1 == a {print \$2}' "$WORK/folds.tsv")
exec "$BIN" extract --data "$WORK/fold-\$fold" "\$1"
EOS
chmod +x "$WORK/extract_held_out.sh"
python3 "$SHARED/corpus/score.py" --dir "$DEV" --extract "$WORK/extract_held_out.sh {}" --by-type | grep -v '\.txt:' | tee "$WORK/cv.txt"
python3 "$SHARED/corpus/score.py" --dir "$DEV" --extract "$WORK/extract_held_out.sh {}" --json > "$WORK/cv.json"
