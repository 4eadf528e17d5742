//! "Did you mean": the nearest of a set of names to what the user typed.
//!
//! [`nearest`] and [`did_you_mean`] take the names each time; [`Names`] folds a set of names
//! once and answers many look-ups, for the rules that suggest among every initiative id.
//! Up to [`EXACT_UP_TO`] names, every name is compared with what was typed. Above that, only
//! the [`COMPARED`] names that share the most rare three-letter pieces with it are compared
//! (an index built on the first look-up), so that a folder of 100,000 files with thousands
//! of unknown ids is not quadratic; a typo of one or two letters in a long id is still found.

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::model::catalogue_fold as fold;

/// Up to this many names, a look-up compares every one (the result is exactly the
/// comparison of all names); above it, the index chooses which to compare.
pub const EXACT_UP_TO: usize = 1_000;

/// Above [`EXACT_UP_TO`] names: how many names a look-up compares at most.
pub const COMPARED: usize = 32;

/// Above [`EXACT_UP_TO`] names: how many index entries a look-up reads at most. Pieces
/// that many names share (`-00`, `lae`) tell little and cost much, so the rarest are read
/// first and the common ones are left out once this many entries have been read.
const READ_AT_MOST: usize = 4_096;

/// The candidate closest to `typed`, if it is close enough to be a likely typo.
/// Comparison ignores case and repeated spaces.
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    Names::new(candidates).nearest(typed)
}

/// "did you mean `x`?" or nothing.
pub fn did_you_mean<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    nearest(typed, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// A set of names to suggest from, each folded once. Build it once and look up many
/// typed names: the rule on unknown dependencies suggests among every id of the plan.
pub struct Names<'a> {
    /// Each name as given, with its folded form and that form's length in characters.
    names: Vec<Name<'a>>,
    /// Three-letter pieces of the folded names → the names holding them (indices into
    /// `names`, ascending); built on the first look-up, and only above [`EXACT_UP_TO`].
    index: OnceCell<HashMap<[char; 3], Vec<u32>>>,
}

impl<'a> Names<'a> {
    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Names<'a> {
        Names {
            names: candidates
                .into_iter()
                .map(|given| {
                    let folded = fold(given);
                    let chars = folded.chars().count();
                    Name {
                        given,
                        folded,
                        chars,
                    }
                })
                .collect(),
            index: OnceCell::new(),
        }
    }

    /// The name closest to `typed` (see [`nearest`]).
    pub fn nearest(&self, typed: &str) -> Option<&'a str> {
        self.nearest_except(typed, None)
    }

    /// "did you mean `x`?" or nothing, leaving out the name `except` (an initiative does
    /// not depend on itself).
    pub fn did_you_mean_except(&self, typed: &str, except: &str) -> Option<String> {
        self.nearest_except(typed, Some(except))
            .map(|c| format!("did you mean `{c}`?"))
    }

    fn nearest_except(&self, typed: &str, except: Option<&str>) -> Option<&'a str> {
        let typed = fold(typed);
        if typed.is_empty() {
            return None;
        }
        let chosen: Vec<usize> = if self.names.len() <= EXACT_UP_TO {
            (0..self.names.len()).collect()
        } else {
            self.likeliest(&typed)
        };
        let compared = chosen
            .into_iter()
            .map(|i| &self.names[i])
            .filter(|name| Some(name.given) != except);
        best_of(&typed, compared)
    }

    /// Above [`EXACT_UP_TO`] names: the (at most [`COMPARED`]) names sharing the most
    /// three-letter pieces with `typed`, counting the rarest pieces first.
    fn likeliest(&self, typed: &str) -> Vec<usize> {
        let index = self.index.get_or_init(|| {
            let mut index: HashMap<[char; 3], Vec<u32>> = HashMap::new();
            for (i, name) in self.names.iter().enumerate() {
                let mut grams = pieces(&name.folded);
                grams.sort_unstable();
                grams.dedup();
                for gram in grams {
                    index.entry(gram).or_default().push(i as u32);
                }
            }
            index
        });
        let mut grams = pieces(typed);
        grams.sort_unstable();
        grams.dedup();
        let mut lists: Vec<&[u32]> = grams
            .iter()
            .filter_map(|g| index.get(g).map(Vec::as_slice))
            .collect();
        lists.sort_by_key(|l| l.len());
        let mut shared: HashMap<u32, u32> = HashMap::new();
        let mut read = 0;
        for list in lists {
            if read > 0 && read + list.len() > READ_AT_MOST {
                break;
            }
            for &i in &list[..list.len().min(READ_AT_MOST)] {
                *shared.entry(i).or_default() += 1;
            }
            read += list.len();
        }
        let mut ranked: Vec<(u32, u32)> = shared.into_iter().collect();
        // Most pieces shared first; among equals, the name listed first.
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(COMPARED);
        let mut chosen: Vec<usize> = ranked.into_iter().map(|(i, _)| i as usize).collect();
        chosen.sort_unstable();
        chosen
    }
}

/// A name to suggest, folded once.
struct Name<'a> {
    given: &'a str,
    folded: String,
    chars: usize,
}

/// The three-letter pieces of a folded name, its start and end marked, so that
/// `ab` has `^ab` and `ab$`.
fn pieces(folded: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> = std::iter::once('\u{2}')
        .chain(folded.chars())
        .chain(std::iter::once('\u{3}'))
        .collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

/// The one nearest of `candidates` to `typed` (folded), in the order given.
fn best_of<'a, 'n>(typed: &str, candidates: impl Iterator<Item = &'n Name<'a>>) -> Option<&'a str>
where
    'a: 'n,
{
    let typed_len = typed.chars().count();
    let limit = (typed_len / 3).max(2);
    let candidates: Vec<&Name<'a>> = candidates.collect();
    let scored: Vec<(usize, &Name<'a>)> = candidates
        .iter()
        .copied()
        // The distance is at least the difference in length: skip those without comparing.
        .filter(|c| c.chars.abs_diff(typed_len) <= limit)
        .map(|c| (strsim::damerau_levenshtein(typed, &c.folded), c))
        .filter(|(d, _)| *d <= limit)
        .collect();
    let Some(best) = scored.iter().map(|(d, _)| *d).min() else {
        return only_one_containing(typed, &candidates);
    };
    let mut at_best = scored.iter().filter(|(d, _)| *d == best).map(|(_, c)| *c);
    let first = at_best.next()?;
    // Two equally near names (`Q5` → Q1? Q4?): a guess would mislead, so make none,
    // unless they are spellings of the same name.
    match at_best.find(|c| c.folded != first.folded) {
        Some(_) => None,
        None => Some(first.given),
    }
}

/// A start of a name (`digitale`, `modelteater`) names it when no other name contains it.
fn only_one_containing<'a>(typed: &str, candidates: &[&Name<'a>]) -> Option<&'a str> {
    if typed.chars().count() < 4 {
        return None;
    }
    let mut found = candidates
        .iter()
        .copied()
        .filter(|c| c.folded.contains(typed));
    let first = found.next()?;
    match found.find(|c| c.folded != first.folded) {
        Some(_) => None,
        None => Some(first.given),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The comparison of every name, as `nearest` was written before the index: the
    /// reference the fast paths are tested against.
    fn nearest_by_comparing_all<'a>(typed: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let typed_folded = fold(typed);
        if typed_folded.is_empty() {
            return None;
        }
        let limit = (typed_folded.chars().count() / 3).max(2);
        let scored: Vec<(usize, &str)> = candidates
            .iter()
            .copied()
            .map(|c| (strsim::damerau_levenshtein(&typed_folded, &fold(c)), c))
            .filter(|(d, _)| *d <= limit)
            .collect();
        let Some(best) = scored.iter().map(|(d, _)| *d).min() else {
            if typed_folded.chars().count() < 4 {
                return None;
            }
            let mut found = candidates
                .iter()
                .copied()
                .filter(|c| fold(c).contains(&typed_folded));
            let first = found.next()?;
            return match found.find(|c| fold(c) != fold(first)) {
                Some(_) => None,
                None => Some(first),
            };
        };
        let mut at_best = scored.iter().filter(|(d, _)| *d == best).map(|(_, c)| *c);
        let first = at_best.next()?;
        match at_best.find(|c| fold(c) != fold(first)) {
            Some(_) => None,
            None => Some(first),
        }
    }

    #[test]
    fn finds_typos_and_ignores_far_names() {
        assert_eq!(
            nearest("trakcs", ["title", "tracks", "tags"]),
            Some("tracks")
        );
        assert_eq!(nearest("Hyge", ["Hygge", "Fordybelse"]), Some("Hygge"));
        assert_eq!(
            nearest("gundsomagle", ["Gundsømagle", "Viby"]),
            Some("Gundsømagle")
        );
        assert_eq!(nearest("xyzzy", ["Hygge", "Fordybelse"]), None);
        assert_eq!(nearest("", ["a"]), None);
        assert_eq!(nearest("Q5", ["Q1", "Q2", "Q3", "Q4"]), None);
        assert_eq!(
            nearest("digitale", ["Hygge", "Digitale forbindelser"]),
            Some("Digitale forbindelser")
        );
        assert_eq!(
            nearest("relationer", ["relationer-a", "relationer-b"]),
            None
        );
    }

    /// Typed names of every kind against the shipped plan's ids, the catalogue's names and
    /// the fields: the folded-once comparison gives what comparing every name gave.
    #[test]
    fn up_to_the_limit_the_same_suggestions_as_comparing_every_name() {
        let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
        let plan = crate::parse::plan::load_plan(&shipped).unwrap();
        let ids: Vec<&str> = plan.all_ids.iter().map(String::as_str).collect();
        let tracks: Vec<&str> = plan.manifest.catalogue.track_spellings();
        let places: Vec<&str> = plan.manifest.catalogue.location_spellings();
        let mut typed: Vec<String> = Vec::new();
        for name in ids.iter().chain(&tracks).chain(&places) {
            let chars: Vec<char> = name.chars().collect();
            for k in 0..chars.len() {
                let mut dropped = chars.clone();
                dropped.remove(k);
                typed.push(dropped.iter().collect());
                let mut swapped = chars.clone();
                if k + 1 < chars.len() {
                    swapped.swap(k, k + 1);
                    typed.push(swapped.iter().collect());
                }
            }
            typed.push(name.to_uppercase());
            typed.push(chars[..chars.len().min(5)].iter().collect());
        }
        typed.extend(
            ["", "x", "Q5", "hyge", "  Viden   og vejledning ", "digital"].map(String::from),
        );
        let mut suggested = 0;
        for set in [&ids, &tracks, &places] {
            let names = Names::new(set.iter().copied());
            for t in &typed {
                let fast = names.nearest(t);
                assert_eq!(fast, nearest_by_comparing_all(t, set), "{t:?}");
                suggested += usize::from(fast.is_some());
            }
        }
        assert!(suggested > 1_000, "only {suggested} suggestions were made");
    }

    /// Ids as a large generated plan has them (`slug-NNNNNN`), typed with a letter left
    /// out, doubled or changed: above the limit the index gives what comparing every id
    /// gives, for every one of them.
    #[test]
    fn above_the_limit_the_same_suggestions_as_comparing_every_name() {
        let slugs = [
            "laesekredse",
            "skolesamarbejde",
            "lektiecafe",
            "it-hjaelp",
            "frivillige",
            "lokalhistorie",
            "sprogcafe",
            "bogbus-ruter",
        ];
        let ids: Vec<String> = (0..1_500)
            .map(|n| format!("{}-{n:06}", slugs[(n * 7 + n / 13) % slugs.len()]))
            .collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert!(ids.len() > EXACT_UP_TO);
        let names = Names::new(ids.iter().copied());
        let mut found = 0;
        for (n, id) in ids.iter().enumerate().step_by(23) {
            let k = n % 9;
            let typos = [
                format!("{}{}", &id[..k], &id[k + 1..]),
                format!("{}{}", &id[..k], &id[k..]),
                format!("{}x{}", &id[..k], &id[k + 1..]),
                id.to_uppercase(),
            ];
            for typed in &typos {
                let fast = names.nearest(typed);
                assert_eq!(fast, nearest_by_comparing_all(typed, &ids), "{typed:?}");
                found += usize::from(fast == Some(*id));
            }
        }
        assert!(found > 150, "only {found} typos found their id");
        // The id itself is left out when asked (no initiative depends on itself).
        for id in ids.iter().step_by(251) {
            let typed = format!("{id}x");
            let others: Vec<&str> = ids.iter().copied().filter(|i| i != id).collect();
            let expected = nearest_by_comparing_all(&typed, &others);
            assert_eq!(
                names.did_you_mean_except(&typed, id),
                expected.map(|c| format!("did you mean `{c}`?"))
            );
            assert_eq!(names.nearest(&typed), Some(*id));
        }
    }
}
