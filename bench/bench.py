#!/usr/bin/env python3
"""The benchmark's driver: every reading command of `plan`, in every output format, against
the two-thread parse floor (bench/floor) and the Python checker (bench/check.py), on
generated folders; writes one markdown table with each goal of issue 16 marked.

    python3 bench/bench.py --plan PLAN --floor FLOOR --work DIR --out FILE \\
        --data 1000:clean:DIR --data 1000:broken:DIR ... [--rounds N]

Each `--data` is `FILES:KIND:FOLDER` (the folder made by bench/gen.py, or the shipped plan
with kind `shipped`). bench/run.sh builds, generates and calls this; see it for the usual use.

How it measures. The commands are paired: in each round every command runs once, in an
order rotated from round to round, so that a machine that slows down or speeds up during
the run weighs on every command alike. Right before each measured run, `floor read` reads
every file of the folder, so that the files are in the page cache (the benchmark machines
evict idle cache after a few seconds). The time is the wall time of the measured run
(median over the rounds). The peak memory is the maximum resident set size /usr/bin/time
reports (`%M`, what `-v` prints as "Maximum resident set size"), measured in the first round
in a run of its own right after the timed one.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

TODAY = "2017-05-15"
HERE = os.path.dirname(os.path.abspath(__file__))


def formats(plan, *command):
    """The `--format` values `plan COMMAND --help` lists, so that new formats are measured
    as soon as they exist."""
    text = subprocess.run([plan, *command, "--help"], capture_output=True, text=True).stdout
    lines = text.splitlines()
    for k, line in enumerate(lines):
        if re.match(r"\s*(-\w, )?--format\b", line):
            found = re.search(r"\[possible values: ([^\]]*)\]", line)
            if found:  # the short help: on the option's line
                return [v.strip() for v in found.group(1).split(",")]
            values = []  # the long help: `- name: what` lines under "Possible values:"
            for after in lines[k + 1:]:
                item = re.match(r"\s+- ([\w-]+):", after)
                if item:
                    values.append(item.group(1))
                elif values and not after.strip():
                    break
            if values:
                return values
    raise SystemExit(f"bench: no --format values in `plan {' '.join(command)} --help`")


def show_id(folder, files):
    """An id in the middle of the generated folder (`-00NNNN` with NNNN = FILES / 2), or the
    first initiative of the shipped plan."""
    wanted = f"-{files // 2:06d}.toml"
    first = None
    for dirpath, dirnames, names in os.walk(folder):
        dirnames.sort()
        for name in sorted(names):
            if name.endswith(".toml") and name != "plan.toml":
                first = first or name
                if name.endswith(wanted):
                    return name[:-5]
    return first[:-5]


def commands(plan, floor, folder, files):
    """(name, argv) of everything measured on one folder."""
    at = [plan, "--plans", folder, "--today", TODAY, "--color", "never"]
    out = [
        ("floor: read files", [floor, "read", folder]),
        ("floor: parse, 2 threads", [floor, "parse", folder]),
        ("floor: parse, 1 thread", [floor, "parse", folder, "--threads", "1"]),
        ("Python checker", [sys.executable, os.path.join(HERE, "check.py"), folder]),
    ]
    for f in formats(plan, "check"):
        out.append((f"check --format {f}", at + ["check", "--format", f]))
    out.append(("status", at + ["status"]))
    for f in formats(plan, "list"):
        out.append((f"list --format {f}", at + ["list", "--format", f]))
    out.append(("show ID", at + ["show", show_id(folder, files)]))
    for f in formats(plan, "report"):
        out.append((f"report --quarter Q2 --format {f}",
                    at + ["report", "--quarter", "Q2", "--format", f]))
    # The memo of a quarter that has ended (Q1 as of TODAY): what was not reached, merged
    # with what already needs attention.
    out.append(("report --quarter Q1 --format markdown",
                at + ["report", "--quarter", "Q1", "--format", "markdown"]))
    return out


def run_once(argv):
    """Wall seconds of one run; its output goes to /dev/null."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.run(argv, stdout=null, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(argv)} exited {proc.returncode}: "
                         f"{proc.stderr.decode(errors='replace')[-500:]}")
    return seconds


def peak_kib(argv):
    """Peak resident KiB of one run, from /usr/bin/time. (Not from this process's wait4: a
    child forked from Python keeps Python's own peak across exec.)"""
    with open(os.devnull, "wb") as null:
        proc = subprocess.run(["/usr/bin/time", "-f", "BENCH-PEAK %M", *argv], stdout=null,
                              stderr=subprocess.PIPE, text=True)
    found = re.findall(r"^BENCH-PEAK (\d+)$", proc.stderr, re.M)
    if not found:
        raise SystemExit(f"bench: no peak memory for {' '.join(argv)}: {proc.stderr[-500:]}")
    return int(found[-1])


def counts(line):
    """(errors, warnings) from either checker's last line."""
    if "no problems" in line:
        return (0, 0)
    found = re.search(r"(\d+) errors?.*?(\d+|no) warnings?", line)
    if found:
        w = found.group(2)
        return (int(found.group(1)), 0 if w == "no" else int(w))
    found = re.search(r"(\d+) errors?", line)
    if found:
        return (int(found.group(1)), 0)
    found = re.search(r"(\d+) warnings?", line)
    if found:
        return (0, int(found.group(1)))
    return None


def agree(plan, folder):
    """The two checkers must find the same numbers of errors and warnings."""
    mine = subprocess.run([plan, "--plans", folder, "--color", "never", "check"],
                          capture_output=True, text=True)
    theirs = subprocess.run([sys.executable, os.path.join(HERE, "check.py"), folder],
                            capture_output=True, text=True)
    # The summary line (`ok: …` / `failed: …`): `plan check` may end with a line on fixes.
    def last(p):
        lines = p.stdout.strip().splitlines() or [""]
        return next((l for l in reversed(lines) if l.startswith(("ok:", "failed:"))), lines[-1])
    a, b = counts(last(mine)), counts(last(theirs))
    print(f"   plan:   {last(mine)}\n   python: {last(theirs)}", file=sys.stderr)
    if a != b:
        print("   WARNING: the two checkers disagree on the counts", file=sys.stderr)
    return a == b, a


def measure(plan, floor, files, kind, folder, rounds):
    cmds = commands(plan, floor, folder, files)
    warm = [floor, "read", folder]
    times = {name: [] for name, _ in cmds}
    peak = {name: 0 for name, _ in cmds}
    for r in range(rounds):
        k = r % len(cmds)
        for name, argv in cmds[k:] + cmds[:k]:
            run_once(warm)
            times[name].append(run_once(argv))
            if r == 0:
                # Memory in a run of its own, right after the timed one (the files still
                # in the cache), so that /usr/bin/time adds nothing to the times.
                peak[name] = peak_kib(argv)
        print(f"   round {r + 1}/{rounds} done", file=sys.stderr)
    return [{"files": files, "kind": kind, "command": name, "times": times[name],
             "median": statistics.median(times[name]), "peak_kib": peak[name]}
            for name, _ in cmds]


def fmt_time(s):
    if s >= 10:
        return f"{s:,.1f} s"
    if s >= 1:
        return f"{s:.2f} s"
    return f"{s * 1000:,.0f} ms" if s >= 0.1 else f"{s * 1000:.1f} ms"


FLOOR = "floor: parse, 2 threads"
PYTHON = "Python checker"
REFERENCE = ("floor: read files", FLOOR, "floor: parse, 1 thread", PYTHON)


def mark(ok):
    return "met" if ok else "**not met**"


def table(rows, agreed, machine):
    by = {(r["files"], r["kind"], r["command"]): r for r in rows}
    lines = [machine, ""]
    lines.append("| files | data | command | time | ÷ floor | × faster than Python "
                 "| time ÷ same at 10,000 | peak memory | ÷ Python's | goals |")
    lines.append("|---:|---|---|---:|---:|---:|---:|---:|---:|---|")
    goals = {g: [] for g in range(1, 6)}  # goal -> [(ok, what)]
    for r in rows:
        n, kind, name = r["files"], r["kind"], r["command"]
        floor, python = by[(n, kind, FLOOR)], by[(n, kind, PYTHON)]
        ratio = r["median"] / floor["median"]
        faster = python["median"] / r["median"]
        mem = r["peak_kib"] / python["peak_kib"]
        earlier = by.get((n // 10, kind, name)) if n >= 100000 else None
        growth = r["median"] / earlier["median"] if earlier else None
        marks = []
        what = f"{name} at {n:,} ({kind})"
        if name not in REFERENCE:
            if n in (10000, 100000):
                ok = ratio <= 1.2
                marks.append(f"1: {mark(ok)}")
                goals[1].append((ok, ratio, what))
                ok = mem < 1
                marks.append(f"3: {mark(ok)}")
                goals[3].append((ok, mem, what))
            if growth is not None:
                ok = growth <= 11
                marks.append(f"2: {mark(ok)}")
                goals[2].append((ok, growth, what))
            if n == 10000 and name == "check --format text":
                ok = faster >= 15
                marks.append(f"4: {mark(ok)}")
                goals[4].append((ok, faster, what))
            if kind == "shipped" and name == "status":
                ok = ratio <= 2
                marks.append(f"5: {mark(ok)}")
                goals[5].append((ok, ratio, what))
        lines.append(
            f"| {n:,} | {kind} | {name} | {fmt_time(r['median'])} | {ratio:.2f}× | "
            f"{faster:.1f}× | {f'{growth:.1f}×' if growth else ''} | "
            f"{r['peak_kib'] / 1024:.1f} MiB | {mem:.2f}× | {' · '.join(marks)} |")
    lines.append("")
    worst = {1: max, 2: max, 3: max, 4: min, 5: max}
    names = {
        1: "every reading command within 1.2× of the two-thread parse floor (10,000 and 100,000 files)",
        2: "linear: each command at 100,000 files at most 11× its time at 10,000",
        3: "peak memory below the Python checker's (10,000 and 100,000 files)",
        4: "`plan check` at 10,000 files at least 15× faster than the Python checker",
        5: "`plan status` on the shipped plan within 2× of parsing its files",
    }
    unit = {1: "× the floor", 2: "×", 3: "× Python's memory", 4: "× faster", 5: "× the floor"}
    for g in range(1, 6):
        if not goals[g]:
            lines.append(f"- Goal {g}, {names[g]}: not measured in this run.")
            continue
        missed = [x for x in goals[g] if not x[0]]
        w = worst[g](goals[g], key=lambda x: x[1])
        lines.append(
            f"- Goal {g}, {names[g]}: **{'met' if not missed else 'not met'}** "
            f"({len(goals[g]) - len(missed)} of {len(goals[g])} measurements; "
            f"worst {w[1]:.2f}{unit[g]}: {w[2]}).")
    if not all(agreed.values()):
        bad = ", ".join(f"{n:,} {k}" for (n, k), ok in agreed.items() if not ok)
        lines.append(f"- **The two checkers disagreed on the counts** for: {bad}.")
    else:
        lines.append("- The two checkers found the same numbers of errors and warnings on "
                     "every folder (compared before timing).")
    return "\n".join(lines) + "\n"


def summary(rows):
    """The README's short form of the table: per folder, the floor, the Python checker,
    `check` and the slowest reading command, with their ratios and the largest peak memory."""
    by = {}
    for r in rows:
        by.setdefault((r["files"], r["kind"]), {})[r["command"]] = r
    lines = ["| files | data | floor | Python | `check` | ÷ floor | slowest command | ÷ floor "
             "| largest peak memory | ÷ Python's |",
             "|---:|---|---:|---:|---:|---:|---|---:|---:|---:|"]
    for (n, kind), cmds in by.items():
        floor, python = cmds[FLOOR]["median"], cmds[PYTHON]["median"]
        plan = {k: v for k, v in cmds.items() if k not in REFERENCE}
        check = plan["check --format text"]["median"]
        slow_name, slow = max(plan.items(), key=lambda kv: kv[1]["median"])
        big_name, big = max(plan.items(), key=lambda kv: kv[1]["peak_kib"])
        lines.append(
            f"| {n:,} | {kind} | {fmt_time(floor)} | {fmt_time(python)} | {fmt_time(check)} | "
            f"{check / floor:.2f}× | `{slow_name}` {fmt_time(slow['median'])} | "
            f"{slow['median'] / floor:.2f}× | `{big_name}` {big['peak_kib'] / 1024:.1f} MiB | "
            f"{big['peak_kib'] / cmds[PYTHON]['peak_kib']:.2f}× |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plan", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--data", action="append", default=[], help="FILES:KIND:FOLDER")
    ap.add_argument("--from-json", help="write the table from a results.json of an earlier "
                    "(possibly interrupted) run instead of measuring")
    ap.add_argument("--rounds", type=int, default=None,
                    help="rounds per folder (default: 5 below 1,000 files, 2 below 100,000, then 1)")
    ap.add_argument("--note", default="", help="a sentence on the run, printed first")
    ap.add_argument("--summary", action="store_true",
                    help="with --from-json: print the README's short table and the goals")
    args = ap.parse_args()
    rows, agreed = [], {}
    if args.from_json:
        saved = json.load(open(args.from_json))
        rows = saved["rows"] if isinstance(saved, dict) else saved
        agreed = {(r["files"], r["kind"]): r.get("agreed", True) for r in rows}
    for spec in args.data:
        files, kind, folder = spec.split(":", 2)
        files = int(files)
        rounds = args.rounds or (5 if files < 1000 else 2 if files < 100000 else 1)
        print(f"== {files:,} files, {kind}, {folder} ({rounds} rounds)", file=sys.stderr)
        agreed[(files, kind)], _ = agree(args.plan, folder)
        measured = measure(args.plan, args.floor, files, kind, folder, rounds)
        for r in measured:
            r["agreed"] = agreed[(files, kind)]
        rows += measured
        json.dump(rows, open(os.path.join(args.work, "results.json"), "w"), indent=1)
    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                         capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()
    machine = (
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on "
        f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; load "
        f"average at the end {load[0]:.1f}. {args.note}".strip() + "\n\n"
        "Times are medians of paired rounds (every command once per round, order rotated, "
        "files read into the page cache right before each run); peak memory is the maximum "
        "resident set size. \"÷ floor\" is against `bench/floor parse` (the same `toml` "
        "parser, typed serde, two threads) on the same folder; the data are `clean` (no "
        "finding), `broken` (one file in ten with a finding, most often a dangling "
        "`depends_on`), `chains` (dependency chains of 1,000) and `shipped` (the 28-file "
        "plan in plans/).")
    text = table(rows, agreed, machine)
    if args.summary:
        goals = text[text.index("\n- Goal 1"):]
        print(machine + "\n\n" + summary(rows) + goals)
        return
    with open(args.out, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
