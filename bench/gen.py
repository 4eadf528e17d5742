#!/usr/bin/env python3
"""Writes a synthetic plan folder: realistic Danish initiatives for a network of libraries,
with dependencies, deadlines and 1-3 tracks each. Seeded and deterministic: the same
arguments give the same bytes.

    python3 bench/gen.py OUT_DIR COUNT [--seed N] [--kind typical|clean|broken|chains]

The folder gets the 2017 catalogue as plan.toml (seven tracks, the Roskilde places plus
twenty more branch libraries) and COUNT initiative files in q1/ .. q4/ and aar/, with
sub-folders of at most 1,000 files. The kind of data:

- `typical` (the default): about one file in 200 has a finding (an unknown place, a
  deadline outside its quarter, a dependency on a later quarter): a real plan in CI is
  mostly clean, and the checkers must still find and report what is wrong;
- `clean`: no file has a finding;
- `broken`: one file in ten has one finding, of seven kinds: a dangling `depends_on` (a
  typo of an earlier id, three times as often as each other kind, so that "did you mean"
  searches every id), an unknown place, a deadline outside its period, a dependency on a
  later quarter, an unknown field, an unknown track beside known ones, a syntax error;
- `chains`: no finding, and the initiatives form dependency chains of 1,000 (each depends
  on the one before; a chain runs through the quarters in order), so that the dependency
  rules and "blocked by" go deep.
"""

import argparse
import os
import random
import shutil

TRACKS = [
    ("Indgang til fællesskab", ["Indgang til fællesskaber"]),
    ("Viden og vejledning", ["Viden & vejledning"]),
    ("En lokal aktør", []),
    ("Hygge", []),
    ("Struktur for livet", []),
    ("Fordybelse", []),
    ("Digitale forbindelser", []),
]
PLACES = [
    ("Jyllinge", []), ("Viby", []), ("Gadstrup", []), ("Gundsømagle", ["Gundsoemagle"]),
    ("Ågerup", ["Aagerup"]), ("Bogbussen", ["bogbus", "bogbussen"]),
    ("Himmelev", []), ("Svogerslev", []), ("Vindinge", []), ("Kirke Hyllinge", []),
    ("Lejre", []), ("Hvalsø", []), ("Kirke Såby", []), ("Osted", []), ("Gevninge", []),
    ("Borup", []), ("Ølstykke", []), ("Stenløse", []), ("Ganløse", []), ("Veksø", []),
    ("Slangerup", []), ("Jægerspris", []), ("Frederikssund", []), ("Skibby", []),
    ("Køge", []), ("Herfølge", []),
]
VERBS = [
    "Styrke", "Udvikle", "Afprøve", "Etablere", "Synliggøre", "Gentænke", "Understøtte",
    "Opbygge", "Samle", "Udbrede", "Evaluere", "Forankre",
]
OBJECTS = [
    ("læsekredse for voksne", "laesekredse"),
    ("samarbejdet med skolerne", "skolesamarbejde"),
    ("lektiecaféer for unge", "lektiecafe"),
    ("IT-hjælp til ældre borgere", "it-hjaelp"),
    ("frivillignetværket", "frivillige"),
    ("lokalhistoriske fortællinger", "lokalhistorie"),
    ("familiearrangementer i weekenden", "familie"),
    ("udstillinger om bæredygtighed", "udstillinger"),
    ("de ubemandede åbningstider", "aabningstider"),
    ("makerspace og værksteder", "makerspace"),
    ("sprogcaféer for nye danskere", "sprogcafe"),
    ("digitale borgerservicetilbud", "borgerservice"),
    ("bogbussens ruter og stop", "bogbus-ruter"),
    ("partnerskaber med foreningerne", "foreninger"),
    ("formidlingen på sociale medier", "sociale-medier"),
    ("højtlæsning for de mindste", "hoejtlaesning"),
]
PARTNERS = [
    "KulturCosmos", "Roskilde Kommune", "Ældresagen", "Dansk Flygtningehjælp", "Lokalrådet",
    "Skolebestyrelsen", "Roskilde Festival", "Museum Sydøstdanmark", "Ungdomsskolen",
    "Borgerforeningen", "Idrætsforeningen", "FOF", "AOF", "Spejderne",
]
TAGS = [
    "samskabelse", "frivillige", "netværk", "synlighed", "digital", "børn", "unge", "ældre",
    "formidling", "partnerskab", "læselyst", "fællesskab",
]
SENTENCES = [
    "Indsatsen bygger på erfaringerne fra {place} og udvikles sammen med {partner}.",
    "Der holdes et opstartsmøde med medarbejdere og frivillige, hvorefter aktiviteterne planlægges.",
    "Målet er at flere borgere oplever biblioteket som et naturligt mødested i lokalområdet.",
    "Aktiviteterne evalueres løbende, og resultaterne deles med de øvrige lokalbiblioteker.",
    "Forløbet afsluttes med en fælles opsamling, der danner grundlag for næste års handleplan.",
    "Borgerne inddrages gennem korte interviews og en enkel spørgeskemaundersøgelse.",
    "Indsatsen skal synliggøres i lokale fora, på biblioteket.dk og i lokalavisen.",
]
STATUSES = ["planned"] * 5 + ["active"] * 3 + ["done"] * 3 + ["postponed", "cancelled"]
FUNDING = ["none", "pending", "granted", "denied"]
PERIODS = ["year", "Q1", "Q2", "Q3", "Q4"]
FOLDER = {"year": "aar", "Q1": "q1", "Q2": "q2", "Q3": "q3", "Q4": "q4"}
QUARTER_DAYS = {  # (first month, last day of last month)
    "Q1": (1, [31, 28, 31]), "Q2": (4, [30, 31, 30]),
    "Q3": (7, [31, 31, 30]), "Q4": (10, [31, 30, 31]),
}
YEAR = 2017


def q(text):
    """A TOML basic string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items):
    return "[" + ", ".join(q(i) for i in items) + "]"


def day_in(rng, period):
    if period == "year":
        month = rng.randint(1, 12)
        last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    else:
        first, lasts = QUARTER_DAYS[period]
        k = rng.randint(0, 2)
        month, last = first + k, lasts[k]
    return f"{YEAR}-{month:02d}-{rng.randint(1, last):02d}"


def manifest():
    lines = [
        "# Synthetic plan for the benchmark (bench/gen.py).",
        "[plan]",
        'title = "Handleplan for Bibliotekernes Rolle i Lokalsamfundet 2017"',
        "year = 2017",
        'owner = "Biblioteks- og borgerservicechef"',
        "issued = 2016-12-14",
        'language = "da"',
        "",
        "[rules]",
        "min_per_track = 3",
        "cross_cutting_counts = false",
    ]
    for kind, entries in (("track", TRACKS), ("location", PLACES)):
        for name, aliases in entries:
            lines += ["", f"[[{kind}]]", f"name = {q(name)}", f"aliases = {toml_list(aliases)}"]
    return "\n".join(lines) + "\n"


# The broken kind's findings, and how often each comes (weights).
FLAWS = ["dangling", "place", "deadline", "order", "field", "track", "syntax"]
FLAW_WEIGHTS = [3, 1, 1, 1, 1, 1, 1]
CHAIN = 1000


def typo(ident):
    """An id that is no initiative's: a letter of its slug left out (`laesekrese-000123`)."""
    k = len(ident.rsplit("-", 1)[0]) // 2
    return ident[:k] + ident[k + 1:]


def flaw_of(rng, kind, made):
    """The one finding this file gets (a name from FLAWS), or None."""
    if kind == "typical":
        # Drawn as the first version of this script did, so that its folders stay the same.
        if rng.random() < 0.005:
            return ["place", "deadline", "order"][rng.randint(0, 2)]
        return None
    if kind == "broken" and rng.random() < 0.10:
        flaw = rng.choices(FLAWS, weights=FLAW_WEIGHTS)[0]
        if flaw in ("dangling", "order") and not made:
            return "field"  # nothing to depend on yet
        return flaw
    return None


def generate(out, count, seed, kind="typical"):
    rng = random.Random(seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "plan.toml"), "w", encoding="utf-8") as f:
        f.write(manifest())
    made = []  # (id, period) of the initiatives so far, for dependencies
    broken_syntax = set()  # ids of the files given a syntax error
    dropped = set()  # ids of cancelled and postponed initiatives
    per_folder = {}
    for n in range(count):
        period = rng.choices(PERIODS, weights=[2, 3, 3, 3, 3])[0]
        if kind == "chains":
            # Along a chain the periods run Q1..Q4 in order, so that no link is a finding.
            period = PERIODS[1 + (n % CHAIN) * 4 // CHAIN]
        verb = rng.choice(VERBS)
        obj, slug = rng.choice(OBJECTS)
        place = rng.choice(PLACES)[0]
        ident = f"{slug}-{n:06d}"
        title = f"{verb} {obj} i {place}"
        partner = rng.choice(PARTNERS)
        sentences = [rng.choice(SENTENCES).format(place=place, partner=partner)
                     for _ in range(rng.randint(1, 3))]
        lines = [f"# {title}", f"title = {q(title)}"]
        lines.append('description = """\n' + " ".join(sentences) + '"""')
        lines.append(f'period = "{period}"')
        if rng.random() < 0.03:
            tracks = ["Alle spor"]
        else:
            tracks = [t[0] for t in rng.sample(TRACKS, rng.randint(1, 3))]
        places = [place] + [p[0] for p in rng.sample(PLACES, rng.randint(0, 2)) if p[0] != place]
        flaw = flaw_of(rng, kind, made)
        if flaw == "track":
            tracks.append("Fordybelsen i " + place)  # an unknown track beside known ones
        lines.append(f"tracks = {toml_list(tracks)}")
        if flaw == "place":
            places.append(place[:-1] + "x")  # a typo: an unknown place (a warning)
        lines.append(f"locations = {toml_list(places)}")
        if rng.random() < 0.4:
            lines.append(f"partners = {toml_list(rng.sample(PARTNERS, rng.randint(1, 2)))}")
        # Dependencies on earlier initiatives that run no later than this one.
        deps = []
        if kind == "chains":
            if n % CHAIN:
                deps.append(made[-1][0])
        elif made and rng.random() < 0.35:
            for _ in range(rng.randint(1, 2)):
                other, theirs = made[rng.randint(max(0, len(made) - 500), len(made) - 1)]
                fits = period == "year" or theirs == "year" or theirs <= period
                # Work that will not happen (cancelled, postponed) is no dependency in a
                # clean plan: `plan check` warns of it (depends-on-dropped).
                if (fits or flaw == "order") and other not in deps and other not in dropped:
                    deps.append(other)
        if kind == "broken" and flaw == "order":
            # A dependency on a later quarter, whatever was drawn above.
            period = "Q1"
            lines[3] = 'period = "Q1"'
            # Not a file with a syntax error: `plan` still reads its period and reports the
            # order, Python's tomllib reads nothing of it, and the counts would differ.
            later = [m for m in made[-500:]
                     if m[1] in ("Q2", "Q3", "Q4") and m[0] not in broken_syntax]
            deps = [later[-1][0]] if later else []
            if not later:
                flaw = None
        if flaw == "dangling":
            deps.append(typo(made[rng.randint(max(0, len(made) - 500), len(made) - 1)][0]))
        if deps:
            lines.append(f"depends_on = {toml_list(deps)}")
        status = rng.choice(STATUSES)
        if flaw == "syntax":
            lines.append(f"status = {status}")  # no quotes: a TOML syntax error
            broken_syntax.add(ident)
        else:
            lines.append(f'status = "{status}"')
        if rng.random() < 0.6:
            deadline = day_in(rng, period)
            if flaw == "deadline":
                deadline = f"{YEAR + 1}-01-15"  # outside the plan year (a warning)
            lines.append(f"deadline = {deadline}")
        elif flaw == "deadline" and kind == "broken":
            lines.append(f"deadline = {YEAR + 1}-01-15")
        if rng.random() < 0.3:
            lines.append(f'funding = "{rng.choice(FUNDING)}"')
        if rng.random() < 0.5:
            lines.append('owner = "Lokalbibliotekets leder"')
        if flaw == "field":
            lines.append('responsible = "Lokalbibliotekets leder"')  # not a field
        lines.append(f"tags = {toml_list(rng.sample(TAGS, rng.randint(0, 3)))}")
        # The dated history, in date order (as `plan set` and `plan note` keep it): notes,
        # and the status change behind a status other than `planned`, so that the status is
        # dated (no `undated-status` warning in a clean plan).
        log = [(day_in(rng, 'year'), f"text = {q('Møde holdt med ' + rng.choice(PARTNERS) + '.')}")
               for _ in range(rng.choice([0, 0, 1, 2]))]
        if status != "planned":
            log.append((day_in(rng, period),
                        f'status = {{ from = "planned", to = "{status}" }}'))
        if status in ("cancelled", "postponed"):
            dropped.add(ident)
        for date, line in sorted(log, key=lambda entry: entry[0]):
            lines += ["", "[[log]]", f"date = {date}", line]
        folder = FOLDER[period]
        k = per_folder.get(folder, 0)
        per_folder[folder] = k + 1
        sub = os.path.join(out, folder, f"del-{k // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, ident + ".toml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        made.append((ident, period))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--kind", choices=["typical", "clean", "broken", "chains"],
                        default="typical")
    args = parser.parse_args()
    generate(args.out, args.count, args.seed, args.kind)


if __name__ == "__main__":
    main()
