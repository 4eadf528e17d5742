//! "Did you mean": the nearest of a set of names to what the user typed.
//!
//! Names are compared folded (case, repeated spaces, look-alike characters pasted from Word),
//! and in three forms each, so that Danish letters typed without their marks still find their
//! name: as written, with æ/ø/å spelt out in two letters (ae/oe/aa, Danish usage when the
//! letters are missing) and in one (a/o/a, as on a keyboard without them). `Agerup` finds
//! Ågerup, and `Gundsomagle` Gundsømagle, even when the catalogue also lists `Aagerup`.
//!
//! [`nearest`] and [`did_you_mean`] take the names each time; [`Names`] folds a set of names
//! once and answers many look-ups, for the rule that suggests among every initiative id.
//! Up to [`EXACT_UP_TO`] names, every name is compared with what was typed. Above that, only
//! the [`COMPARED`] names that share the most rare three-letter pieces with it are compared
//! (an index built on the first look-up), so that a folder of 100,000 files with thousands
//! of unknown ids is not quadratic; a typo of a letter or two in a long id is still found.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::model::catalogue_fold;
use crate::text::lookalike;

/// Up to this many names, a look-up compares every one (the result is exactly the
/// comparison of all names); above it, the index chooses which to compare.
pub const EXACT_UP_TO: usize = 1_000;

/// Above [`EXACT_UP_TO`] names: how many names a look-up compares at most.
pub const COMPARED: usize = 32;

/// Above [`EXACT_UP_TO`] names: how many index entries a look-up reads at most. Pieces
/// that many names share (`-00`, `lae`) tell little and cost much, so the rarest are read
/// first and the common ones are left out once this many entries have been read.
const READ_AT_MOST: usize = 4_096;

/// Folded for comparison: look-alikes made plain, then the catalogue's folding.
fn fold(name: &str) -> String {
    catalogue_fold(&lookalike::plain(name))
}

/// Whether [`fold`] leaves `name` as it is, told without folding it: printable ASCII but
/// capitals and blanks (most ids), which no step of folding changes. `false` says nothing.
fn folds_to_itself(name: &str) -> bool {
    name.bytes()
        .all(|b| matches!(b, b'!'..=b'~') && !b.is_ascii_uppercase())
}

/// The forms a folded name is compared in: as it is, æ/ø/å → ae/oe/aa, and æ/ø/å → a/o/a.
fn forms(folded: &str) -> [String; 3] {
    let spelt = |two: bool| {
        let mut out = String::with_capacity(folded.len() + 4);
        for c in folded.chars() {
            match (c, two) {
                ('æ', true) => out.push_str("ae"),
                ('ø', true) => out.push_str("oe"),
                ('å', true) => out.push_str("aa"),
                ('æ' | 'å', false) => out.push('a'),
                ('ø', false) => out.push('o'),
                _ => out.push(c),
            }
        }
        out
    };
    [folded.to_string(), spelt(true), spelt(false)]
}

/// Whether two names' forms make them the same name but for Danish letters.
fn same_forms<S: AsRef<str>>(a: &[S; 3], b: &[S; 3]) -> bool {
    (0..3).any(|k| a[k].as_ref() == b[k].as_ref())
}

/// The candidate closest to `typed`, if it is close enough to be a likely typo.
/// Comparison ignores case, repeated spaces, look-alike characters and Danish letters typed
/// without their marks.
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    Names::new(candidates).nearest(typed)
}

/// "did you mean `x`?" or nothing; see [`hint`].
pub fn did_you_mean<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    nearest(typed, candidates).map(|c| hint(typed, c))
}

/// "did you mean `x`?", and when what was typed holds look-alike or invisible characters
/// (pasted from Word), which and where: "`status` has an invisible U+00A0 NO-BREAK SPACE
/// after `status`; type it plainly: `status`" — so that `status` → `status` is not a riddle.
pub fn hint(typed: &str, meant: &str) -> String {
    match lookalike::describe(typed) {
        Some(where_) if fold(typed) == fold(meant) => {
            format!("it has {where_}; type it plainly: `{meant}`")
        }
        Some(where_) => format!("did you mean `{meant}`? (it has {where_})"),
        None => format!("did you mean `{meant}`?"),
    }
}

/// A set of names to suggest from, each folded once. Build it once and look up many
/// typed names: the rule on unknown dependencies suggests among every id of the plan.
pub struct Names<'a> {
    names: Vec<Name<'a>>,
    /// Three-letter pieces of the names' forms → the names holding them (indices into
    /// `names`, ascending); built on the first look-up, and only above [`EXACT_UP_TO`].
    index: OnceLock<FxHashMap<u64, Vec<u32>>>,
}

/// A name to suggest, folded once: its forms ([`forms`]), and each form's length in
/// characters. The first form borrows the name when folding leaves it as it is (most ids:
/// lowercase ASCII), and the other two are kept only when they differ from it (a name with
/// æ, ø or å): among 100,000 ids, a look-up holds no copy of most of them.
struct Name<'a> {
    given: &'a str,
    first: Cow<'a, str>,
    spelt: Option<Box<[String; 2]>>,
    lens: [usize; 3],
}

impl<'a> Name<'a> {
    fn new(given: &'a str) -> Name<'a> {
        let first = if folds_to_itself(given) {
            Cow::Borrowed(given)
        } else {
            let folded = fold(given);
            if folded == given {
                Cow::Borrowed(given)
            } else {
                Cow::Owned(folded)
            }
        };
        let spelt = first.contains(['æ', 'ø', 'å']).then(|| {
            let [_, two, one] = forms(&first);
            Box::new([two, one])
        });
        let mut name = Name {
            given,
            first,
            spelt,
            lens: [0; 3],
        };
        name.lens = name.forms().map(|f| f.chars().count());
        name
    }

    /// The three forms: as folded, æ/ø/å spelt in two letters, and in one.
    fn forms(&self) -> [&str; 3] {
        match &self.spelt {
            Some(spelt) => [&self.first, &spelt[0], &spelt[1]],
            None => [&self.first; 3],
        }
    }

    /// The pairs of forms, one of `self` and one of `other`, whose edit distance may be at
    /// most `limit`, each with a lower bound of that distance (the forms' lengths, or their
    /// letters counted as [`letters_apart`] does, differ by that much). A form equal to an
    /// earlier one is left out: it gives the same distances.
    fn near_pairs<'s>(
        &'s self,
        other: &'s Name<'_>,
        limit: usize,
    ) -> impl Iterator<Item = (&'s str, &'s str, usize)> + 's {
        let (ours, theirs) = (self.forms(), other.forms());
        (0..3)
            .filter(move |&i| !ours[..i].contains(&ours[i]))
            .flat_map(move |i| {
                (0..3)
                    .filter(move |&j| !theirs[..j].contains(&theirs[j]))
                    .filter_map(move |j| {
                        let apart = self.lens[i].abs_diff(other.lens[j]);
                        if apart > limit {
                            return None;
                        }
                        let bound = apart.max(letters_apart(ours[i], theirs[j]));
                        (bound <= limit).then_some((ours[i], theirs[j], bound))
                    })
            })
    }

    /// The smallest edit distance between any form of `self` and any of `other`, or None
    /// when it is surely above `limit`: as comparing every pair, without comparing pairs
    /// that cannot be near ([`Name::near_pairs`]).
    fn distance(&self, other: &Name<'_>, limit: usize) -> Option<usize> {
        self.near_pairs(other, limit)
            .map(|(ours, theirs, _)| strsim::damerau_levenshtein(ours, theirs))
            .min()
    }

    /// A lower bound of [`Name::distance`], cheap to compute; None when it is above `limit`.
    fn distance_at_least(&self, other: &Name<'_>, limit: usize) -> Option<usize> {
        self.near_pairs(other, limit)
            .map(|(_, _, bound)| bound)
            .min()
    }
}

/// A lower bound of the edit distance of two ASCII strings, cheap to compute: how many
/// more of some letters one has than the other (the larger of the two sides' excess).
/// Each insertion, deletion or substitution changes it by at most one and a transposition
/// not at all, so pairs it puts above the limit need no full comparison. 0 (no bound) when
/// either is not ASCII.
fn letters_apart(a: &str, b: &str) -> usize {
    if !a.is_ascii() || !b.is_ascii() {
        return 0;
    }
    let mut counts = [0i32; 128];
    for &c in a.as_bytes() {
        counts[usize::from(c)] += 1;
    }
    for &c in b.as_bytes() {
        counts[usize::from(c)] -= 1;
    }
    let (mut more_in_a, mut more_in_b) = (0usize, 0usize);
    for c in counts {
        if c > 0 {
            more_in_a += c as usize;
        } else {
            more_in_b += c.unsigned_abs() as usize;
        }
    }
    more_in_a.max(more_in_b)
}

/// What one look-up above [`EXACT_UP_TO`] counts in: how many pieces each name shares with
/// the typed name, and which names were touched (to reset only those). Kept between
/// look-ups of one thread.
struct Tally {
    shared: Vec<u32>,
    touched: Vec<u32>,
}

impl Tally {
    fn new() -> Tally {
        Tally {
            shared: Vec::new(),
            touched: Vec::new(),
        }
    }
}

/// From how many look-ups [`Names::nearest_each`] spreads them over two cores.
const IN_PARALLEL_FROM: usize = 64;

impl<'a> Names<'a> {
    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Names<'a> {
        Names {
            names: candidates.into_iter().map(Name::new).collect(),
            index: OnceLock::new(),
        }
    }

    /// The name closest to `typed` (see [`nearest`]).
    pub fn nearest(&self, typed: &str) -> Option<&'a str> {
        self.nearest_except(typed, None)
    }

    /// "did you mean `x`?" or nothing (see [`hint`]), leaving out the name `except` (an
    /// initiative does not depend on itself).
    pub fn did_you_mean_except(&self, typed: &str, except: &str) -> Option<String> {
        self.nearest_except(typed, Some(except))
            .map(|c| hint(typed, c))
    }

    /// The name closest to `typed`, leaving out the name `except`.
    pub fn nearest_other_than(&self, typed: &str, except: &str) -> Option<&'a str> {
        self.nearest_except(typed, Some(except))
    }

    /// For each `(typed, except)`, the name closest to `typed` other than `except`, as
    /// [`Names::nearest_other_than`] gives it, in the order given; many look-ups are spread
    /// over two cores.
    pub fn nearest_each(&self, queries: &[(&str, &str)]) -> Vec<Option<&'a str>> {
        let look_up = |part: &[(&str, &str)]| {
            let mut tally = Tally::new();
            part.iter()
                .map(|(typed, except)| self.look_up(typed, Some(except), &mut tally))
                .collect::<Vec<_>>()
        };
        if queries.len() < IN_PARALLEL_FROM {
            return look_up(queries);
        }
        // The index (used above EXACT_UP_TO names) is built once, before the two halves
        // look up in it.
        if self.names.len() > EXACT_UP_TO {
            self.index();
        }
        let (first, second) = queries.split_at(queries.len() / 2);
        std::thread::scope(|scope| {
            let later = scope.spawn(|| look_up(second));
            let mut found = look_up(first);
            found.extend(later.join().expect("a look-up thread panicked"));
            found
        })
    }

    fn nearest_except(&self, typed: &str, except: Option<&str>) -> Option<&'a str> {
        self.look_up(typed, except, &mut Tally::new())
    }

    fn look_up(&self, typed: &str, except: Option<&str>, tally: &mut Tally) -> Option<&'a str> {
        let typed = Name::new(typed);
        if typed.first.is_empty() {
            return None;
        }
        let chosen: Vec<usize> = if self.names.len() <= EXACT_UP_TO {
            (0..self.names.len()).collect()
        } else {
            self.likeliest(&typed, tally)
        };
        let compared: Vec<&Name<'a>> = chosen
            .into_iter()
            .map(|i| &self.names[i])
            .filter(|name| Some(name.given) != except)
            .collect();
        best_of(&typed, &compared)
    }

    /// Above [`EXACT_UP_TO`] names: the (at most [`COMPARED`]) names sharing the most
    /// three-letter pieces with `typed`, counting the rarest pieces first.
    fn likeliest(&self, typed: &Name<'_>, tally: &mut Tally) -> Vec<usize> {
        let index = self.index();
        let mut lists: Vec<&[u32]> = pieces(&typed.forms())
            .iter()
            .filter_map(|g| index.get(g).map(Vec::as_slice))
            .collect();
        lists.sort_by_key(|l| l.len());
        if tally.shared.len() != self.names.len() {
            tally.shared = vec![0; self.names.len()];
        }
        let mut read = 0;
        for list in lists {
            if read > 0 && read + list.len() > READ_AT_MOST {
                break;
            }
            for &i in &list[..list.len().min(READ_AT_MOST)] {
                let count = &mut tally.shared[i as usize];
                if *count == 0 {
                    tally.touched.push(i);
                }
                *count += 1;
            }
            read += list.len();
        }
        let mut ranked: Vec<(u32, u32)> = tally
            .touched
            .drain(..)
            .map(|i| (i, std::mem::take(&mut tally.shared[i as usize])))
            .collect();
        // Most pieces shared first; among equals, the name listed first.
        let order = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > COMPARED {
            ranked.select_nth_unstable_by(COMPARED - 1, order);
            ranked.truncate(COMPARED);
        }
        let mut chosen: Vec<usize> = ranked.into_iter().map(|(i, _)| i as usize).collect();
        chosen.sort_unstable();
        chosen
    }

    /// The index of three-letter pieces, built on first use.
    fn index(&self) -> &FxHashMap<u64, Vec<u32>> {
        self.index.get_or_init(|| {
            let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
            // One list of pieces, made again for each name.
            let mut grams = Vec::new();
            for (i, name) in self.names.iter().enumerate() {
                pieces_into(&name.forms(), &mut grams);
                for &gram in &grams {
                    index.entry(gram).or_default().push(i as u32);
                }
            }
            index
        })
    }
}

/// The distinct three-letter pieces of a name's forms, each form's start and end marked,
/// so that `ab` has `^ab` and `ab$`; a piece's three characters packed in one number (21
/// bits each: every `char` fits).
fn pieces(forms: &[&str; 3]) -> Vec<u64> {
    let mut out = Vec::new();
    pieces_into(forms, &mut out);
    out
}

/// [`pieces`] into `out`, which is emptied first and sized once for all of them (its room
/// is kept from one name to the next).
fn pieces_into(forms: &[&str; 3], out: &mut Vec<u64>) {
    out.clear();
    // A form of n characters has n pieces (the two marks make the windows, not more of
    // them): at most one per byte.
    out.reserve(forms.iter().map(|form| form.len() + 2).sum());
    for (k, form) in forms.iter().enumerate() {
        // A form equal to an earlier one has the same pieces (a name without æ, ø or å has
        // one form three times).
        if forms[..k].contains(form) {
            continue;
        }
        let mut marked = std::iter::once('\u{2}')
            .chain(form.chars())
            .chain(std::iter::once('\u{3}'));
        let (mut a, mut b) = (
            marked.next().expect("the start mark"),
            marked.next().expect("the end mark or a character"),
        );
        for c in marked {
            out.push((u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c));
            (a, b) = (b, c);
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// The one nearest of `candidates` to `typed`, in the order given.
///
/// Only the distances at most the nearest one matter (the nearest, and a tie with it), so
/// the candidates are compared in the order of a cheap lower bound of their distance, and
/// the comparing stops at the first whose bound is above the nearest distance found: the
/// full edit distance is computed for a few of them, not for all.
fn best_of<'a>(typed: &Name<'_>, candidates: &[&Name<'a>]) -> Option<&'a str> {
    let limit = (typed.lens[0] / 3).max(2);
    let mut by_bound: Vec<(usize, usize)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(k, c)| typed.distance_at_least(c, limit).map(|bound| (bound, k)))
        .collect();
    by_bound.sort_unstable();
    let mut nearest: Option<usize> = None;
    let mut distances: Vec<Option<usize>> = vec![None; candidates.len()];
    for (bound, k) in by_bound {
        let within = nearest.unwrap_or(limit);
        if bound > within {
            break;
        }
        let Some(d) = typed.distance(candidates[k], within) else {
            continue;
        };
        if d <= within {
            distances[k] = Some(d);
            nearest = Some(d);
        }
    }
    let Some(best) = nearest else {
        return only_one_containing(&typed.first, candidates);
    };
    let mut at_best = candidates
        .iter()
        .zip(&distances)
        .filter(|(_, d)| **d == Some(best))
        .map(|(c, _)| *c);
    let first = at_best.next()?;
    // Two equally near names (`Q5` → Q1? Q4?): a guess would mislead, so make none,
    // unless they are spellings of the same name.
    match at_best.find(|c| !same_forms(&c.forms(), &first.forms())) {
        Some(_) => None,
        None => Some(first.given),
    }
}

/// A start of a name (`digitale`, `modelteater`) names it when no other name contains it.
fn only_one_containing<'a>(typed_folded: &str, candidates: &[&Name<'a>]) -> Option<&'a str> {
    if typed_folded.chars().count() < 4 {
        return None;
    }
    let mut found = candidates.iter().filter(|c| c.first.contains(typed_folded));
    let first = found.next()?;
    match found.find(|c| c.first != first.first) {
        Some(_) => None,
        None => Some(first.given),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The letters apart never exceed the edit distance, so no pair it leaves out was
        /// near enough to be suggested.
        #[test]
        fn letters_apart_is_a_lower_bound_of_the_edit_distance(
            a in "[a-e0-9-]{0,12}",
            b in "[a-e0-9-]{0,12}",
        ) {
            proptest::prop_assert!(letters_apart(&a, &b) <= strsim::damerau_levenshtein(&a, &b));
        }

        /// Comparing the names nearest-bound first, and stopping at the first bound above
        /// the nearest distance found, suggests what comparing every name suggests: names
        /// near each other (a few letters of a small alphabet, Danish letters and their
        /// spellings), ties and names no typed text is near.
        #[test]
        fn comparing_the_likeliest_first_suggests_as_comparing_all(
            typed in "[abeæøå1-]{0,9}",
            names in proptest::collection::vec("[abeæøå1-]{1,9}|aa[be1]{0,4}|oe[ab]{0,4}|ae[b1]{0,4}", 1..24),
        ) {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(
                Names::new(names.iter().copied()).nearest(&typed),
                nearest_by_comparing_all(&typed, &names)
            );
        }

        /// A name told to fold to itself without folding does: every printable ASCII
        /// character but capitals and blanks is drawn (and some that are not, which must
        /// not be told so).
        #[test]
        fn a_name_told_to_fold_to_itself_does(name in "([!-~]|[A-Z ]|\u{A0}|\u{2013}|å|Ø){0,16}") {
            if folds_to_itself(&name) {
                proptest::prop_assert_eq!(fold(&name), name);
            }
        }

        /// The pieces of a name's forms, each form read once, are those of every window of
        /// three characters of all three forms, as first written.
        #[test]
        fn pieces_as_first_written(name in "[a-cæøå1 -]{0,8}") {
            let folded = fold(&name);
            let [one, two, three] = forms(&folded);
            for given in [[&one, &two, &three], [&one, &one, &one], [&one, &two, &one]] {
                let given = given.map(String::as_str);
                let mut first: Vec<u64> = Vec::new();
                for form in given {
                    let chars: Vec<char> = std::iter::once('\u{2}')
                        .chain(form.chars())
                        .chain(std::iter::once('\u{3}'))
                        .collect();
                    first.extend(chars.windows(3).map(|w| {
                        (u64::from(w[0]) << 42) | (u64::from(w[1]) << 21) | u64::from(w[2])
                    }));
                }
                first.sort_unstable();
                first.dedup();
                proptest::prop_assert_eq!(pieces(&given), first);
            }
        }
    }

    /// Ids as the plan's files name them fold to themselves without folding.
    #[test]
    fn ids_are_told_to_fold_to_themselves() {
        assert!(folds_to_itself("laeseklub-2017_q2.1"));
        assert!(!folds_to_itself("Læseklub"));
        assert!(!folds_to_itself("Laeseklub"));
        assert!(!folds_to_itself("a b"));
    }

    /// At the limit (two edits in a short id), the typo still finds its id among many.
    #[test]
    fn two_edits_in_a_short_id_are_still_suggested() {
        let ids: Vec<String> = (0..1_200)
            .map(|n| format!("id-{n:05}"))
            .chain(["hygge".to_string()])
            .collect();
        let names = Names::new(ids.iter().map(String::as_str));
        assert_eq!(names.nearest("hyxxe"), Some("hygge"));
        assert_eq!(nearest("hxgye", ["hygge", "fordybelse"]), Some("hygge"));
    }

    /// The comparison of every name, as `nearest` was written before the index and the
    /// folding once: the reference the fast paths are tested against.
    fn nearest_by_comparing_all<'a>(typed: &str, candidates: &[&'a str]) -> Option<&'a str> {
        fn distance(a: &[String; 3], b: &[String; 3]) -> usize {
            a.iter()
                .flat_map(|x| b.iter().map(move |y| strsim::damerau_levenshtein(x, y)))
                .min()
                .unwrap_or(usize::MAX)
        }
        let same_name = |a: &str, b: &str| same_forms(&forms(&fold(a)), &forms(&fold(b)));
        let typed_folded = fold(typed);
        if typed_folded.is_empty() {
            return None;
        }
        let typed_forms = forms(&typed_folded);
        let limit = (typed_folded.chars().count() / 3).max(2);
        let scored: Vec<(usize, &str)> = candidates
            .iter()
            .copied()
            .map(|c| (distance(&typed_forms, &forms(&fold(c))), c))
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
        match at_best.find(|c| !same_name(c, first)) {
            Some(_) => None,
            None => Some(first),
        }
    }

    fn same_name(a: &str, b: &str) -> bool {
        same_forms(&forms(&fold(a)), &forms(&fold(b)))
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

    #[test]
    fn danish_letters_typed_without_marks() {
        let places = [
            "Ågerup",
            "Aagerup",
            "Gundsømagle",
            "Gundsoemagle",
            "Viby",
            "Ærø",
        ];
        for (typed, meant) in [
            ("Agerup", "Ågerup"),
            ("aagerup", "Aagerup"),
            ("Gundsomagle", "Gundsømagle"),
            ("gundsoemagle", "Gundsoemagle"),
            ("Aero", "Ærø"),
            ("Aeroe", "Ærø"),
            ("Ero", "Ærø"),
        ] {
            let found = nearest(typed, places).map(fold);
            assert!(
                found.is_some() && same_name(&found.clone().unwrap(), meant),
                "{typed} → {found:?}"
            );
        }
        assert_eq!(nearest("Agerup", ["Ågerup", "Aagerup"]), Some("Ågerup"));
    }

    #[test]
    fn look_alikes_are_named() {
        assert_eq!(nearest("status\u{a0}", ["status", "title"]), Some("status"));
        assert_eq!(
            hint("status\u{a0}", "status"),
            "it has an invisible U+00A0 NO-BREAK SPACE after `status`; type it plainly: `status`"
        );
        assert_eq!(hint("trakcs", "tracks"), "did you mean `tracks`?");
        assert_eq!(nearest("depends–on", ["depends-on"]), Some("depends-on"));
    }

    /// Typed names of every kind against the shipped plan's ids, the catalogue's names and
    /// the fields: the folded-once comparison gives what comparing every name gave.
    #[test]
    fn up_to_the_limit_the_same_suggestions_as_comparing_every_name() {
        let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
        let plan = crate::parse::plan::load_plan(&shipped).unwrap();
        let ids: Vec<&str> = plan.all_ids().collect();
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
            typed.push(name.replace('ø', "o").replace('å', "aa"));
            typed.push(chars[..chars.len().min(5)].iter().collect());
        }
        typed.extend(
            [
                "",
                "x",
                "Q5",
                "hyge",
                "  Viden   og vejledning ",
                "digital",
                "Agerup",
            ]
            .map(String::from),
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
                expected.map(|c| hint(&typed, c))
            );
            assert_eq!(names.nearest(&typed), Some(*id));
        }
    }
}
