#!/usr/bin/env bash
# The benchmark: `plan check`, `plan status` and `plan list --format json` on 28 (the
# shipped plan), 1,000, 10,000 and 100,000 initiatives, against reading the files alone,
# parsing them alone into typed structs (bench/floor), and a Python checker (bench/check.py).
# Medians by hyperfine, peak memory by /usr/bin/time. Not run by `cargo test` or CI.
#
#   bench/run.sh                 # everything; writes bench/results.md
#   SIZES="1000 10000" bench/run.sh
#
# Needs: hyperfine, /usr/bin/time (apt-get install hyperfine time), python3 >= 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${BENCH_DIR:-/tmp/plan-bench}
SIZES=${SIZES:-"28 1000 10000 100000"}
SEED=${SEED:-2017}
TODAY=2017-05-15
OUT=${OUT:-$ROOT/bench/results.md}
mkdir -p "$WORK"

for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

echo "== building (release)" >&2
cargo build --release --quiet
(cd bench/floor && cargo build --release --quiet)
PLAN=$ROOT/target/release/plan
FLOOR=$ROOT/bench/floor/target/release/plan-bench-floor

folder_for() {
  if [ "$1" = 28 ]; then
    echo "$ROOT/plans"
  else
    local dir=$WORK/plan-$1-seed$SEED
    if [ ! -f "$dir/.complete" ]; then
      echo "== generating $1 initiatives (seed $SEED)" >&2
      python3 bench/gen.py "$dir" "$1" --seed "$SEED"
      touch "$dir/.complete"
    fi
    echo "$dir"
  fi
}

runs_for() {
  case $1 in
    28) echo 30 ;;
    1000) echo 20 ;;
    10000) echo 10 ;;
    *) echo 3 ;;
  esac
}

for n in $SIZES; do
  dir=$(folder_for "$n")
  runs=$(runs_for "$n")
  echo "== $n initiatives in $dir ($runs runs each)" >&2
  # The checkers must agree on what is wrong before their times mean anything.
  plan_line=$("$PLAN" --plans "$dir" --color never check | tail -n 1 || true)
  py_line=$(python3 bench/check.py "$dir" | tail -n 1 || true)
  echo "   plan:   $plan_line" >&2
  echo "   python: $py_line" >&2
  nums() { echo "$1" | grep -o '[0-9][0-9]*' | tr '\n' ' '; }
  if [ "$(nums "$plan_line")" != "$(nums "$py_line")" ]; then
    echo "   WARNING: the two checkers disagree on the counts" >&2
  fi
  hyperfine --style basic --warmup 1 --runs "$runs" -N -i \
    --export-json "$WORK/times-$n.json" \
    -n read "$FLOOR read $dir" \
    -n parse "$FLOOR parse $dir" \
    -n parse-keep "$FLOOR parse-keep $dir" \
    -n parse-1-thread "$FLOOR parse $dir --threads 1" \
    -n check "$PLAN --plans $dir --color never check" \
    -n status "$PLAN --plans $dir --today $TODAY --color never status" \
    -n list-json "$PLAN --plans $dir --today $TODAY list --format json" \
    -n python "python3 bench/check.py $dir" >&2
  : > "$WORK/memory-$n.txt"
  for name in read parse parse-keep check status list-json python; do
    case $name in
      read) cmd=("$FLOOR" read "$dir") ;;
      parse) cmd=("$FLOOR" parse "$dir") ;;
      parse-keep) cmd=("$FLOOR" parse-keep "$dir") ;;
      check) cmd=("$PLAN" --plans "$dir" --color never check) ;;
      status) cmd=("$PLAN" --plans "$dir" --today "$TODAY" --color never status) ;;
      list-json) cmd=("$PLAN" --plans "$dir" --today "$TODAY" list --format json) ;;
      python) cmd=(python3 bench/check.py "$dir") ;;
    esac
    # Peak resident memory (KB), from /usr/bin/time's own line on stderr.
    kb=$( { /usr/bin/time -f "TIME %M" "${cmd[@]}" >/dev/null; } 2>&1 | sed -n "s/^TIME //p" | tail -n 1 || true)
    echo "$name $kb" >> "$WORK/memory-$n.txt"
  done
done

python3 - "$WORK" "$OUT" $SIZES <<'EOF'
import json, os, platform, subprocess, sys
work, out, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = {}
for n in sizes:
    times = json.load(open(os.path.join(work, f"times-{n}.json")))["results"]
    t = {r["command"]: r["median"] for r in times}
    mem = dict(line.split() for line in open(os.path.join(work, f"memory-{n}.txt")))
    rows[n] = (t, {k: int(v) / 1024 for k, v in mem.items()})

def ms(s):
    return f"{s * 1000:,.0f} ms" if s >= 0.1 else f"{s * 1000:.1f} ms"

lines = []
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                     capture_output=True, text=True).stdout.strip()
lines.append(f"Machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; "
             "files in the page cache (one warm-up run); medians of hyperfine runs.")
lines.append("")
lines.append("| initiatives | read files | parse (floor) | parse, 1 thread | `plan check` | `plan status` | `plan list --format json` | Python checker | check ÷ floor | Python ÷ check |")
lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    t, m = rows[n]
    lines.append(
        f"| {int(n):,} | {ms(t['read'])} | {ms(t['parse'])} | {ms(t['parse-1-thread'])} | "
        f"{ms(t['check'])} | {ms(t['status'])} | {ms(t['list-json'])} | {ms(t['python'])} | "
        f"{t['check'] / t['parse']:.2f}× | {t['python'] / t['check']:.1f}× |")
lines.append("")
lines.append("Peak memory (maximum resident set size):")
lines.append("")
lines.append("| initiatives | read files | parse (floor) | floor + file texts | `plan check` | `plan status` | `plan list --format json` | Python checker | check ÷ floor | check ÷ (floor + texts) |")
lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    t, m = rows[n]
    mb = lambda k: f"{m[k]:.1f} MB"
    lines.append(
        f"| {int(n):,} | {mb('read')} | {mb('parse')} | {mb('parse-keep')} | {mb('check')} | "
        f"{mb('status')} | {mb('list-json')} | {mb('python')} | "
        f"{m['check'] / m['parse']:.2f}× | {m['check'] / m['parse-keep']:.2f}× |")
lines.append("")
targets = []
if "10000" in rows:
    t, m = rows["10000"]
    targets.append(("`plan check` on 10,000 files within 1.3× of the typed-parse floor",
                    f"{t['check'] / t['parse']:.2f}×", t['check'] / t['parse'] <= 1.3))
    targets.append(("`plan check` at least 15× faster than the Python checker (10,000)",
                    f"{t['python'] / t['check']:.1f}×", t['python'] / t['check'] >= 15))
    targets.append(("peak memory of `plan check` at most 1.2× the floor's (10,000)",
                    f"{m['check'] / m['parse']:.2f}×", m['check'] / m['parse'] <= 1.2))
if "10000" in rows and "100000" in rows:
    r = rows["100000"][0]["check"] / rows["10000"][0]["check"]
    targets.append(("linear growth: 100,000 files at most 11× the 10,000 time", f"{r:.2f}×", r <= 11))
    m = rows["100000"][1]
    targets.append(("(also) peak memory at 100,000 files, check ÷ floor",
                    f"{m['check'] / m['parse']:.2f}×", m['check'] / m['parse'] <= 1.2))
if "28" in rows:
    t = rows["28"][0]
    targets.append(("`plan status` on the shipped plan within 2× of parsing its 28 files",
                    f"{t['status'] / t['parse']:.2f}×", t['status'] / t['parse'] <= 2))
lines.append("| target | measured | met |")
lines.append("|---|---:|:---:|")
for what, got, ok in targets:
    lines.append(f"| {what} | {got} | {'yes' if ok else '**no**'} |")
text = "\n".join(lines) + "\n"
open(out, "w").write(text)
print(text)
EOF
