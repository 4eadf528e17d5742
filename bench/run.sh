#!/usr/bin/env bash
# The benchmark: every reading command of `plan` in every output format (`check`, `status`,
# `list`, `show ID`, `report --quarter Q2`), against reading the files alone and parsing them
# alone into typed structs (bench/floor, two threads and one), and a Python checker
# (bench/check.py), on the shipped plan (28 files) and on generated folders of 1,000, 10,000
# and 100,000 files of three kinds (clean, 10% broken, dependency chains). Paired rounds,
# peak memory; writes one table to bench/results.md (bench/bench.py measures and writes).
# Not run by `cargo test` or CI.
#
#   bench/run.sh                                   # everything (about 20 minutes)
#   SIZES="28 1000 10000" bench/run.sh             # quicker
#   SIZES=1000 KINDS=broken ROUNDS=2 OUT=/tmp/r.md bench/run.sh
#
# Needs: python3 >= 3.11 and cargo. The generated folders are kept in $BENCH_DIR
# (default /tmp/plan-bench) and made again only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${BENCH_DIR:-/tmp/plan-bench}
SIZES=${SIZES:-"28 1000 10000 100000"}
KINDS=${KINDS:-"clean broken chains"}
SEED=${SEED:-2017}
OUT=${OUT:-$ROOT/bench/results.md}
mkdir -p "$WORK"

command -v python3 >/dev/null || { echo "bench: python3 is missing" >&2; exit 2; }

echo "== building (release)" >&2
cargo build --release --quiet
(cd bench/floor && cargo build --release --quiet)
PLAN=$ROOT/target/release/plan
FLOOR=$ROOT/bench/floor/target/release/plan-bench-floor

GEN=$(sha256sum bench/gen.py | cut -c1-8)
data=()
for n in $SIZES; do
  if [ "$n" = 28 ]; then
    data+=(--data "28:shipped:$ROOT/plans")
    continue
  fi
  for kind in $KINDS; do
    # The generator's own fingerprint in the name: folders of an older generator are not used.
    dir=$WORK/plan-$n-$kind-seed$SEED-$GEN
    if [ ! -f "$dir/.complete" ]; then
      echo "== generating $n initiatives, $kind (seed $SEED)" >&2
      python3 bench/gen.py "$dir" "$n" --seed "$SEED" --kind "$kind"
      touch "$dir/.complete"
    fi
    data+=(--data "$n:$kind:$dir")
  done
done

rounds=()
[ -n "${ROUNDS:-}" ] && rounds=(--rounds "$ROUNDS")
python3 bench/bench.py --plan "$PLAN" --floor "$FLOOR" --work "$WORK" --out "$OUT" \
  --note "${NOTE:-}" "${rounds[@]}" "${data[@]}"
