#!/bin/sh
# Fails (exit 1, naming each file) when a C++ source of the tree is not in the pinned
# .clang-format style. Usage: check_format.sh SOURCE_DIR. Fix with:
#   clang-format -i $(git ls-files '*.cc' '*.h')
set -u
src=${1:?usage: check_format.sh SOURCE_DIR}
cd "$src" || exit 1
formatter=$(command -v clang-format-14 || command -v clang-format) || {
  echo "check_format: clang-format (Debian package clang-format) is not installed" >&2
  exit 1
}
files=$(find api bench cli core fuzz importers storage tests -name '*.cc' -o -name '*.h' | sort)
[ -n "$files" ] || { echo "check_format: no sources found under $src" >&2; exit 1; }
bad=0
for f in $files; do
  if ! "$formatter" --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f" >&2
    bad=1
  fi
done
[ "$bad" -eq 0 ] && echo "check_format: $(echo "$files" | wc -l) files in the pinned style"
exit "$bad"
