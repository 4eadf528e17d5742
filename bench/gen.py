#!/usr/bin/env python3
"""Writes a synthetic plan folder: realistic Danish initiatives for a network of libraries,
with dependencies, deadlines and 1-3 tracks each. Seeded and deterministic: the same
arguments give the same bytes.

    python3 bench/gen.py OUT_DIR COUNT [--seed N]

The folder gets the 2017 catalogue as plan.toml (seven tracks, the Roskilde places plus
twenty more branch libraries) and COUNT initiative files in q1/ .. q4/ and aar/, with
sub-folders of at most 1,000 files. About one file in 200 has a finding (an unknown place,
a deadline outside its quarter, a dependency on a later quarter): a real plan in CI is
mostly clean, and the checkers must still find and report what is wrong.
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


def generate(out, count, seed):
    rng = random.Random(seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "plan.toml"), "w", encoding="utf-8") as f:
        f.write(manifest())
    made = []  # (id, period) of the initiatives so far, for dependencies
    per_folder = {}
    for n in range(count):
        period = rng.choices(PERIODS, weights=[2, 3, 3, 3, 3])[0]
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
        lines.append(f"tracks = {toml_list(tracks)}")
        places = [place] + [p[0] for p in rng.sample(PLACES, rng.randint(0, 2)) if p[0] != place]
        flaw = rng.random() < 0.005
        flaw_kind = rng.randint(0, 2) if flaw else None
        if flaw_kind == 0:
            places.append(place[:-1] + "x")  # a typo: an unknown place (a warning)
        lines.append(f"locations = {toml_list(places)}")
        if rng.random() < 0.4:
            lines.append(f"partners = {toml_list(rng.sample(PARTNERS, rng.randint(1, 2)))}")
        # Dependencies on earlier initiatives that run no later than this one.
        deps = []
        if made and rng.random() < 0.35:
            for _ in range(rng.randint(1, 2)):
                other, theirs = made[rng.randint(max(0, len(made) - 500), len(made) - 1)]
                fits = period == "year" or theirs == "year" or theirs <= period
                if (fits or flaw_kind == 2) and other not in deps:
                    deps.append(other)
        if deps:
            lines.append(f"depends_on = {toml_list(deps)}")
        lines.append(f'status = "{rng.choice(STATUSES)}"')
        if rng.random() < 0.6:
            deadline = day_in(rng, period)
            if flaw_kind == 1:
                deadline = f"{YEAR + 1}-01-15"  # outside the plan year (a warning)
            lines.append(f"deadline = {deadline}")
        if rng.random() < 0.3:
            lines.append(f'funding = "{rng.choice(FUNDING)}"')
        if rng.random() < 0.5:
            lines.append('owner = "Lokalbibliotekets leder"')
        lines.append(f"tags = {toml_list(rng.sample(TAGS, rng.randint(0, 3)))}")
        for _ in range(rng.choice([0, 0, 1, 2])):
            lines += ["", "[[log]]", f"date = {day_in(rng, 'year')}",
                      f"text = {q('Møde holdt med ' + rng.choice(PARTNERS) + '.')}"]
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
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
