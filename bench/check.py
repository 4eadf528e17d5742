#!/usr/bin/env python3
"""A straightforward plan checker in Python with tomllib, for the benchmark: the same
per-file and cross-file rules as `plan check`, without line numbers or source excerpts
(tomllib gives none). One process, one core, as such a script would be written.

    python3 bench/check.py PLAN_DIR

Prints one line per finding (`severity[rule]: file: message`) and a summary line with the
counts, so that its result can be compared with `plan check`'s. Exit 1 on errors.
"""

import datetime
import difflib
import os
import re
import sys
import tomllib

FIELDS = ["title", "description", "period", "tracks", "locations", "partners", "depends_on",
          "status", "deadline", "funding", "owner", "tags", "follow_up", "log", "plan"]
PERIODS = ["year", "Q1", "Q2", "Q3", "Q4"]
STATUSES = ["planned", "active", "done", "postponed", "cancelled"]
FUNDING = ["none", "pending", "granted", "denied"]
CROSS = {"alle spor", "all", "all tracks"}
ID = re.compile(r"^[a-z0-9-]{1,64}$")
WARNINGS = {"unknown-location", "deadline-outside-period", "history-order", "undated-status",
            "depends-on-dropped"}
# What a [[log]] entry may record besides its date and note: the field's change, `{ from, to }`.
CHANGES = {"status": STATUSES, "funding": FUNDING, "period": PERIODS, "deadline": None,
           "tracks": None, "locations": None}


def fold(name):
    return " ".join(name.split()).lower()


def period_range(period, year):
    if period == "year":
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    q = int(period[1])
    start = datetime.date(year, 3 * q - 2, 1)
    end = datetime.date(year + 1, 1, 1) if q == 4 else datetime.date(year, 3 * q + 1, 1)
    return start, end - datetime.timedelta(days=1)


class Checker:
    def __init__(self):
        self.findings = []

    def add(self, rule, file, message):
        self.findings.append((rule, file, message))

    def strings(self, file, key, value):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add("invalid-value", file, f"`{key}` must be a list of strings")
            return []
        return value

    def initiative(self, file, data, tracks, places):
        for key in data:
            if key not in FIELDS:
                near = difflib.get_close_matches(key, FIELDS, n=1)
                self.add("unknown-field", file, f"unknown field `{key}`"
                         + (f" (did you mean `{near[0]}`?)" if near else ""))
        ok = True
        for key in ("title", "period", "tracks"):
            if key not in data:
                self.add("missing-field", file, f"no `{key}`")
                ok = False
        title = data.get("title")
        if title is not None and (not isinstance(title, str) or not title.strip()):
            self.add("invalid-value", file, "`title` must be non-empty text")
            ok = False
        for key in ("description", "owner", "follow_up"):
            if key in data and not isinstance(data[key], str):
                self.add("invalid-value", file, f"`{key}` must be a string")
        period = data.get("period")
        if period is not None and period not in PERIODS:
            self.add("invalid-value", file, f"`{period}` is not a valid period")
            ok = False
        canonical = []
        cross = False
        if "tracks" in data:
            names = self.strings(file, "tracks", data["tracks"])
            if not names:
                self.add("invalid-value", file, "`tracks` is empty")
            for name in names:
                if fold(name) in CROSS:
                    cross = True
                elif fold(name) in tracks:
                    canonical.append(tracks[fold(name)])
                else:
                    self.add("unknown-track", file, f"unknown track `{name}`")
            if not canonical and not cross:
                ok = False
        locations = []
        for name in self.strings(file, "locations", data.get("locations", [])):
            if fold(name) in places:
                locations.append(places[fold(name)])
            else:
                self.add("unknown-location", file, f"unknown place `{name}`")
                locations.append(name)
        for key in ("partners", "tags"):
            self.strings(file, key, data.get(key, []))
        deps = []
        for dep in self.strings(file, "depends_on", data.get("depends_on", [])):
            if ID.match(dep):
                deps.append(dep)
            else:
                self.add("invalid-value", file, f"`{dep}` is not an initiative id")
        status = data.get("status", "planned")
        if status not in STATUSES:
            self.add("invalid-value", file, f"`{status}` is not a valid status")
        if "funding" in data and data["funding"] not in FUNDING:
            self.add("invalid-value", file, "not a valid funding")
        deadline = data.get("deadline")
        if deadline is not None and (isinstance(deadline, datetime.datetime)
                                     or not isinstance(deadline, datetime.date)):
            self.add("invalid-value", file, "`deadline` must be a date")
            deadline = None
        log = data.get("log", [])
        if not isinstance(log, list):
            self.add("invalid-value", file, "`log` must be a list of [[log]] entries")
            log = []
        previous = None
        status_dated = False
        for entry in log:
            if not isinstance(entry, dict):
                self.add("invalid-value", file, "a [[log]] entry must be a table")
                continue
            for key in entry:
                if key not in ("date", "text") and key not in CHANGES:
                    self.add("unknown-field", file, f"unknown field `{key}` in [[log]]")
            date = entry.get("date")
            if date is None:
                self.add("missing-field", file, "a [[log]] entry has no `date`")
            elif not isinstance(date, datetime.date) or isinstance(date, datetime.datetime):
                self.add("invalid-value", file, "a [[log]] `date` must be a date")
            else:
                if previous is not None and date < previous:
                    self.add("history-order", file,
                             f"a [[log]] entry dated {date} comes after one dated {previous}")
                previous = date if previous is None else max(previous, date)
            changes = [key for key in entry if key in CHANGES]
            if "text" not in entry and not changes:
                self.add("missing-field", file, "a [[log]] entry has no `text`")
            for key in changes:
                change = entry[key]
                allowed = CHANGES[key]
                if not isinstance(change, dict) or "to" not in change:
                    self.add("invalid-value", file, f"`{key}` in [[log]] must be {{ from, to }}")
                elif allowed is not None and (change["to"] not in allowed
                                              or change.get("from", allowed[0]) not in allowed):
                    self.add("invalid-value", file, f"`{key}` in [[log]]: not a valid value")
                elif key == "status":
                    status_dated = True
        if data.get("status", "planned") != "planned" and not status_dated:
            self.add("undated-status", file, f"status {data['status']!r} has no dated change")
        if not ok:
            return None
        return {"period": period, "tracks": canonical, "cross": cross, "locations": locations,
                "depends_on": deps, "status": status, "deadline": deadline, "file": file}


def main():
    root = sys.argv[1]
    checker = Checker()
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".toml") and not name.startswith("."):
                files.append(os.path.join(dirpath, name))
    files.sort()
    manifest_path = os.path.join(root, "plan.toml")
    with open(manifest_path, "rb") as f:
        manifest = tomllib.load(f)
    year = manifest["plan"]["year"]
    rules = manifest.get("rules", {})
    tracks = {}
    for t in manifest.get("track", []):
        for name in [t["name"]] + t.get("aliases", []):
            tracks.setdefault(fold(name), t["name"])
    places = {}
    for p in manifest.get("location", []):
        for name in [p["name"]] + p.get("aliases", []):
            places.setdefault(fold(name), p["name"])

    initiatives = {}
    files_by_id = {}
    for path in files:
        if path == manifest_path:
            continue
        rel = os.path.relpath(path, root)
        ident = os.path.basename(path)[:-5]
        files_by_id.setdefault(ident, []).append(rel)
        if not ID.match(ident):
            checker.add("invalid-value", rel, f"`{ident}` is not a valid id")
        try:
            with open(path, "rb") as f:
                raw = f.read()
            text = raw.decode("utf-8-sig").replace("\r\n", "\n")
            data = tomllib.loads(text)
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            checker.add("syntax", rel, str(e))
            continue
        init = checker.initiative(rel, data, tracks, places)
        if init is not None and ident not in initiatives:
            initiatives[ident] = init

    for ident, where in files_by_id.items():
        for other in where[1:]:
            checker.add("duplicate-id", other, f"the id `{ident}` is used by {where[0]} too")
    # "Did you mean" among the ids that end as the unknown one does: difflib against every
    # id would make a folder with many dangling ids quadratic (minutes at 100,000 files).
    by_ending = {}
    for ident in files_by_id:
        by_ending.setdefault(ident[-3:], []).append(ident)
    for ident, init in initiatives.items():
        for dep in init["depends_on"]:
            if dep not in files_by_id:
                near = difflib.get_close_matches(dep, by_ending.get(dep[-3:], []), n=1)
                checker.add("unknown-dependency", init["file"], f"`{dep}` is not an initiative"
                            + (f" (did you mean `{near[0]}`?)" if near else ""))
            elif dep in initiatives:
                if (initiatives[dep]["status"] in ("cancelled", "postponed")
                        and init["status"] not in ("done", "cancelled", "postponed")):
                    checker.add("depends-on-dropped", init["file"],
                                f"`{dep}` is {initiatives[dep]['status']}")
                own, theirs = init["period"], initiatives[dep]["period"]
                if own != "year" and theirs != "year" and theirs > own:
                    checker.add("dependency-order", init["file"], f"`{dep}` is later ({theirs})")
        if init["deadline"] is not None:
            start, end = period_range(init["period"], year)
            if not start <= init["deadline"] <= end:
                checker.add("deadline-outside-period", init["file"],
                            f"the deadline {init['deadline']} is outside {init['period']}")
    # Loops: iterative depth-first search, each loop reported once.
    state = {}
    seen_loops = set()
    for start in sorted(initiatives):
        if start in state:
            continue
        stack, path = [(start, 0)], [start]
        state[start] = 1
        while stack:
            node, i = stack[-1]
            deps = initiatives[node]["depends_on"]
            if i >= len(deps):
                state[node] = 2
                stack.pop()
                path.pop()
                continue
            stack[-1] = (node, i + 1)
            dep = deps[i]
            if dep not in initiatives:
                continue
            if dep not in state:
                state[dep] = 1
                stack.append((dep, 0))
                path.append(dep)
            elif state[dep] == 1:
                loop = path[path.index(dep):]
                k = loop.index(min(loop))
                key = tuple(loop[k:] + loop[:k])
                if key not in seen_loops:
                    seen_loops.add(key)
                    checker.add("dependency-cycle", initiatives[key[0]]["file"],
                                "loop: " + " → ".join(key + (key[0],)))
    minimum = rules.get("min_per_track", 3)
    counts_cross = rules.get("cross_cutting_counts", False)
    for t in manifest.get("track", []):
        n = sum(1 for i in initiatives.values() if i["status"] != "cancelled"
                and (t["name"] in i["tracks"] or (i["cross"] and counts_cross)))
        if n < minimum:
            checker.add("min-per-track", None, f"track `{t['name']}` has {n} initiatives")
    if "min_per_location" in rules:
        for p in manifest.get("location", []):
            n = sum(1 for i in initiatives.values() if i["status"] != "cancelled"
                    and p["name"] in i["locations"])
            if n < rules["min_per_location"]:
                checker.add("min-per-location", None, f"`{p['name']}` has {n} initiatives")

    errors = warnings = 0
    out = []
    for rule, file, message in checker.findings:
        severity = "warning" if rule in WARNINGS else "error"
        if severity == "error":
            errors += 1
        else:
            warnings += 1
        out.append(f"{severity}[{rule}]: {file or '(plan)'}: {message}")
    out.append(f"{'failed' if errors else 'ok'}: {len(files_by_id)} initiatives checked, "
               f"{errors} errors, {warnings} warnings")
    sys.stdout.write("\n".join(out) + "\n")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
