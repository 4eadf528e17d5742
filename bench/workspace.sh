#!/usr/bin/env bash
# The workspace benchmark: `plan check` on a workspace of 50 members of 200 initiatives
# each, against `plan check` on the same 10,000 files as one plan (issue 15's target: the
# workspace within 1.3× of the one plan). Medians by hyperfine. Not run by `cargo test`.
#
#   bench/workspace.sh            # prints the two medians and their ratio
#   MEMBERS=20 PER=500 bench/workspace.sh
#
# Needs: python3 >= 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${BENCH_DIR:-/tmp/plan-bench}
MEMBERS=${MEMBERS:-50}
PER=${PER:-200}
SEED=${SEED:-2017}
RUNS=${RUNS:-10}

# PLAN_BIN: a binary to time instead of a fresh release build.
if [ -n "${PLAN_BIN:-}" ]; then
  PLAN=$PLAN_BIN
else
  cargo build --release --quiet
  PLAN=$ROOT/target/release/plan
fi

WS=$WORK/workspace-${MEMBERS}x${PER}-seed$SEED
ONE=$WORK/one-${MEMBERS}x${PER}-seed$SEED
if [ ! -f "$WS/.complete" ]; then
  echo "== generating $MEMBERS members of $PER initiatives in $WS" >&2
  rm -rf "$WS" "$ONE"
  mkdir -p "$WS" "$ONE"
  printf '[workspace]\ntitle = "Benchmark network"\nmembers = ["libraries/*"]\n' > "$WS/plan.toml"
  for n in $(seq 1 "$MEMBERS"); do
    i=$(printf %02d "$n")
    python3 bench/gen.py "$WS/libraries/lib$i" "$PER" --seed "$((SEED + n))"
  done
  # The same files as one plan: one manifest, each member's files in a folder of its own,
  # ids (file names) and dependencies prefixed with the member so that they stay unique.
  python3 - "$WS/libraries" "$ONE" <<'PY'
import os, re, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
shutil.copy(os.path.join(src, "lib01", "plan.toml"), os.path.join(dst, "plan.toml"))
for member in sorted(os.listdir(src)):
    for folder, _, files in os.walk(os.path.join(src, member)):
        rel = os.path.relpath(folder, os.path.join(src, member))
        for f in files:
            if not f.endswith(".toml") or (rel == "." and f == "plan.toml"):
                continue
            text = open(os.path.join(folder, f), encoding="utf-8").read()
            text = re.sub(r'^(depends_on = )\[(.*)\]$',
                          lambda m: m.group(1) + "[" + re.sub(r'"([^"]+)"', lambda d: f'"{member}-{d.group(1)}"', m.group(2)) + "]",
                          text, flags=re.M)
            out = os.path.join(dst, member, rel)
            os.makedirs(out, exist_ok=True)
            open(os.path.join(out, f"{member}-{f}"), "w", encoding="utf-8").write(text)
PY
  touch "$WS/.complete"
fi

echo "== files: workspace $(find "$WS/libraries" -name '*.toml' | wc -l), one plan $(find "$ONE" -name '*.toml' | wc -l)" >&2
python3 - "$PLAN" "$ONE" "$WS" "$RUNS" <<'PY'
import statistics, subprocess, sys, time
plan, one, ws, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def median_ms(folder):
    cmd = [plan, "--plans", folder, "--color", "never", "check"]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)
# Alternate the two, so that a change in the machine's load hits both alike.
a, b = [], []
for _ in range(3):
    a.append(median_ms(one)); b.append(median_ms(ws))
one_ms, ws_ms = statistics.median(a), statistics.median(b)
print(f"one plan: {one_ms:.0f} ms, workspace: {ws_ms:.0f} ms, workspace / one plan: {ws_ms / one_ms:.2f}x")
PY
echo "load during the run: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
