//! A workspace's outputs: the network dashboard (`status.rs`), the list across members
//! (`list.rs`) and the network memo (`memo.rs`). Plan text is cleaned in the assess phase
//! and escaped here for each format, as in the single-plan renderers.

pub mod list;
pub mod memo;
pub mod status;

use crate::assess::network::LeftOut;
use crate::i18n::network::NetworkWords;
use crate::i18n::Words;

/// What the dashboard or the memo leaves out, a sentence each, in the memo's language:
/// every member left out whole ([`NetworkWords::member_left_out`]), then, with `files`
/// (the memo), the members' files with errors together and their nested plans together, as
/// a single plan's memo names them ([`Words::sentence_left_out`],
/// [`Words::sentence_nested_plans`]; the dashboard, like a single plan's, leaves those to
/// standard error). Empty when nothing is left out.
/// For each member with statuses the memo counts from the year's start (no dated change
/// behind them), the sentence a plan's memo gives ([`Words::sentence_undated`]), after the
/// member's name: `plans: 3 statusser i notatet har ingen dato …`.
pub(crate) fn undated_sentences(
    members: &[crate::assess::network::MemberQuarter],
    w: &Words,
) -> Vec<String> {
    members
        .iter()
        .filter(|m| m.undated > 0)
        .map(|m| {
            format!(
                "{}: {}",
                m.member,
                (w.sentence_undated)(w.count(w.n_statuses, m.undated))
            )
        })
        .collect()
}

pub(crate) fn left_out_sentences(
    left_out: &[LeftOut],
    files: bool,
    nw: &NetworkWords,
    w: &Words,
) -> Vec<String> {
    let mut sentences: Vec<String> = left_out
        .iter()
        .filter(|l| l.whole)
        .map(|l| (nw.member_left_out)(&l.member, &l.files.join(", ")))
        .collect();
    let in_files: Vec<&str> = left_out
        .iter()
        .filter(|l| !l.whole)
        .flat_map(|l| l.files.iter().map(String::as_str))
        .collect();
    if files && !in_files.is_empty() {
        sentences.push((w.sentence_left_out)(
            w.count(w.n_files, in_files.len()),
            &in_files.join(", "),
        ));
    }
    let nested: Vec<&str> = left_out
        .iter()
        .flat_map(|l| l.nested_plans.iter().map(String::as_str))
        .collect();
    if files && !nested.is_empty() {
        sentences.push((w.sentence_nested_plans)(nested.len(), &nested.join(", ")));
    }
    sentences
}
