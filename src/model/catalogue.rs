use std::collections::HashMap;

use chrono::NaiveDate;

use crate::check::rule::{Rule, Severity};

/// The name that marks an initiative as cross-cutting (it touches every track).
pub const CROSS_CUTTING: &str = "Alle spor";
const CROSS_CUTTING_ALIASES: [&str; 3] = ["alle spor", "all", "all tracks"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanInfo {
    pub title: String,
    pub year: i32,
    pub owner: Option<String>,
    pub issued: Option<NaiveDate>,
    /// "da" or "en": the default language of reports.
    pub language: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rules {
    pub min_per_track: u32,
    pub cross_cutting_counts: bool,
    pub min_per_location: Option<u32>,
    /// Per-rule override: `None` turns the rule off.
    pub severity: HashMap<Rule, Option<Severity>>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            min_per_track: 3,
            cross_cutting_counts: false,
            min_per_location: None,
            severity: HashMap::new(),
        }
    }
}

impl Rules {
    /// The severity a finding of `rule` is reported with, or `None` when the rule is off.
    pub fn severity_of(&self, rule: Rule) -> Option<Severity> {
        match self.severity.get(&rule) {
            Some(over) => *over,
            None => Some(rule.default_severity()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Track {
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub name: String,
    pub aliases: Vec<String>,
}

/// The tracks and places an initiative may name.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Catalogue {
    pub tracks: Vec<Track>,
    pub locations: Vec<Location>,
}

/// `plan.toml`: the plan, its rules and its catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    pub plan: PlanInfo,
    pub rules: Rules,
    pub catalogue: Catalogue,
}

/// Case-, space- and Unicode-insensitive form of a name, for matching. Composed (NFC), so
/// that "Ågerup" typed on a Mac (A + combining ring) is the catalogue's "Ågerup".
pub fn fold(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect::<String>()
        .to_lowercase()
}

/// Whether `fold(name) == folded`, without building the folded string: this runs for
/// every name of every file against every entry of the catalogue.
fn folds_to(name: &str, folded: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let mut words = name.split_whitespace();
    let spaced = words.next().into_iter().chain(words.flat_map(|w| [" ", w]));
    spaced
        .flat_map(str::chars)
        .nfc()
        .flat_map(char::to_lowercase)
        .eq(folded.chars())
}

fn find<'a>(
    entries: impl Iterator<Item = (&'a String, &'a Vec<String>)> + Clone,
    name: &str,
) -> Option<&'a str> {
    let wanted = fold(name);
    entries
        .clone()
        .find(|(canonical, _)| folds_to(canonical, &wanted))
        .or_else(|| {
            let mut all = entries;
            all.find(|(_, aliases)| aliases.iter().any(|a| folds_to(a, &wanted)))
        })
        .map(|(canonical, _)| canonical.as_str())
}

/// The catalogue's names folded once, for looking up many names (every file of a plan):
/// the same answers as [`Catalogue::track`] and [`Catalogue::location`].
pub struct CatalogueIndex<'a> {
    pub catalogue: &'a Catalogue,
    tracks: HashMap<String, &'a str>,
    locations: HashMap<String, &'a str>,
    /// The answers for each spelling the catalogue itself uses, as written: most names in
    /// the files are typed exactly so, and need no folding then.
    exact_tracks: HashMap<&'a str, Option<&'a str>>,
    exact_locations: HashMap<&'a str, Option<&'a str>>,
    exact_cross: HashMap<&'a str, bool>,
}

impl<'a> CatalogueIndex<'a> {
    pub fn new(catalogue: &'a Catalogue) -> Self {
        // Canonical names first, then aliases, each in catalogue order; the first wins,
        // as in `find`.
        fn index<'a>(
            entries: impl Iterator<Item = (&'a String, &'a Vec<String>)> + Clone,
        ) -> HashMap<String, &'a str> {
            let mut map = HashMap::new();
            for (canonical, _) in entries.clone() {
                map.entry(fold(canonical)).or_insert(canonical.as_str());
            }
            for (canonical, aliases) in entries {
                for alias in aliases {
                    map.entry(fold(alias)).or_insert(canonical.as_str());
                }
            }
            map
        }
        fn exact<'a>(
            spellings: &[&'a str],
            folded: &HashMap<String, &'a str>,
        ) -> HashMap<&'a str, Option<&'a str>> {
            spellings
                .iter()
                .map(|&s| (s, folded.get(&fold(s)).copied()))
                .collect()
        }
        let tracks = index(catalogue.tracks.iter().map(|t| (&t.name, &t.aliases)));
        let locations = index(catalogue.locations.iter().map(|l| (&l.name, &l.aliases)));
        let track_spellings = catalogue.track_spellings();
        let mut cross_spellings = track_spellings.clone();
        cross_spellings.extend(CROSS_CUTTING_ALIASES);
        CatalogueIndex {
            catalogue,
            exact_tracks: exact(&track_spellings, &tracks),
            exact_locations: exact(&catalogue.location_spellings(), &locations),
            exact_cross: cross_spellings
                .into_iter()
                .map(|s| (s, Catalogue::is_cross_cutting(s)))
                .collect(),
            tracks,
            locations,
        }
    }

    pub fn track(&self, name: &str) -> Option<&'a str> {
        match self.exact_tracks.get(name) {
            Some(answer) => *answer,
            None => self.tracks.get(&fold(name)).copied(),
        }
    }

    pub fn location(&self, name: &str) -> Option<&'a str> {
        match self.exact_locations.get(name) {
            Some(answer) => *answer,
            None => self.locations.get(&fold(name)).copied(),
        }
    }

    /// [`Catalogue::is_cross_cutting`], quicker for names spelt as the catalogue spells them.
    pub fn is_cross_cutting(&self, name: &str) -> bool {
        match self.exact_cross.get(name) {
            Some(answer) => *answer,
            None => Catalogue::is_cross_cutting(name),
        }
    }
}

impl Catalogue {
    /// The canonical name of a track, by name or alias, in any case.
    pub fn track(&self, name: &str) -> Option<&str> {
        find(self.tracks.iter().map(|t| (&t.name, &t.aliases)), name)
    }

    /// The canonical name of a place, by name or alias, in any case.
    pub fn location(&self, name: &str) -> Option<&str> {
        find(self.locations.iter().map(|l| (&l.name, &l.aliases)), name)
    }

    pub fn is_cross_cutting(name: &str) -> bool {
        let folded = fold(name);
        CROSS_CUTTING_ALIASES.contains(&folded.as_str())
    }

    /// The spellings that mark cross-cutting work, as an editor's schema lists them: the
    /// canonical `Alle spor`, then the others the tool reads (in any case, as all names).
    pub fn cross_cutting_spellings() -> impl Iterator<Item = &'static str> {
        let canonical = fold(CROSS_CUTTING);
        std::iter::once(CROSS_CUTTING).chain(
            CROSS_CUTTING_ALIASES
                .into_iter()
                .filter(move |a| *a != canonical),
        )
    }

    /// Every spelling a user may type for a track (canonical names first), for suggestions.
    pub fn track_spellings(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.tracks.iter().map(|t| t.name.as_str()).collect();
        names.extend(
            self.tracks
                .iter()
                .flat_map(|t| t.aliases.iter().map(String::as_str)),
        );
        names.push(CROSS_CUTTING);
        names
    }

    pub fn location_spellings(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.locations.iter().map(|l| l.name.as_str()).collect();
        names.extend(
            self.locations
                .iter()
                .flat_map(|l| l.aliases.iter().map(String::as_str)),
        );
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        Catalogue {
            tracks: vec![Track {
                name: "Viden og vejledning".into(),
                aliases: vec!["Viden & vejledning".into()],
            }],
            locations: vec![Location {
                name: "Ågerup".into(),
                aliases: vec![],
            }],
        }
    }

    #[test]
    fn names_match_by_alias_and_in_any_case() {
        let c = catalogue();
        assert_eq!(c.track("viden  OG vejledning"), Some("Viden og vejledning"));
        assert_eq!(c.track("VIDEN & VEJLEDNING"), Some("Viden og vejledning"));
        assert_eq!(c.track("Viden"), None);
        assert_eq!(c.location("ågerup"), Some("Ågerup"));
        assert_eq!(c.location("ÅGERUP"), Some("Ågerup"));
        // Decomposed, as macOS may write it: A + U+030A COMBINING RING ABOVE.
        assert_eq!(c.location("A\u{30A}gerup"), Some("Ågerup"));
    }

    #[test]
    fn folding_in_place_agrees_with_fold() {
        let names = [
            "Viden og vejledning",
            "  viden   OG\tvejledning ",
            "ÅGERUP",
            "A\u{30A}gerup",
            "Ågerup",
            "",
            "   ",
            "İstanbul",
            "a b",
            "ab",
        ];
        for a in names {
            for b in names {
                assert_eq!(folds_to(a, &fold(b)), fold(a) == fold(b), "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn the_index_answers_as_the_catalogue_does() {
        let mut c = catalogue();
        // Clashing spellings: the canonical name wins over another entry's alias, and the
        // first entry wins among equals.
        c.tracks.push(Track {
            name: "Vejledning".into(),
            aliases: vec!["viden og vejledning".into(), "Råd".into()],
        });
        c.tracks.push(Track {
            name: "Råd".into(),
            aliases: vec!["vejledning".into()],
        });
        let index = CatalogueIndex::new(&c);
        for name in [
            "viden og vejledning",
            "Viden og vejledning",
            "VIDEN & VEJLEDNING",
            "Viden & vejledning",
            "vejledning",
            "Vejledning",
            "råd",
            "Råd",
            "RÅD ",
            "ukendt",
            "Alle spor",
            "ALL",
        ] {
            assert_eq!(index.track(name), c.track(name), "{name}");
            assert_eq!(
                index.is_cross_cutting(name),
                Catalogue::is_cross_cutting(name),
                "{name}"
            );
        }
        for name in ["ågerup", "A\u{30A}GERUP", "Aagerup", "Viby"] {
            assert_eq!(index.location(name), c.location(name), "{name}");
        }
    }

    #[test]
    fn cross_cutting_spellings() {
        assert!(Catalogue::is_cross_cutting("Alle spor"));
        assert!(Catalogue::is_cross_cutting("all"));
        assert!(Catalogue::is_cross_cutting("ALLE  SPOR"));
        assert!(!Catalogue::is_cross_cutting("Hygge"));
    }
}
