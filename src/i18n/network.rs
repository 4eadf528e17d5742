//! The fixed texts of a workspace's dashboard (`plan status` at a workspace root) and of the
//! network memo (`plan report` there), in Danish and English. Kept beside the plan's own
//! texts (`da.rs`, `en.rs`) but apart, as only workspaces use them.

use crate::cli::Lang;

/// The network texts of one language.
pub struct NetworkWords {
    /// Heading of the dashboard: "Netværk" / "Network".
    pub network: &'static str,
    /// Default title when the manifest has none.
    pub untitled: &'static str,
    pub col_member: &'static str,
    pub col_title: &'static str,
    pub col_year: &'static str,
    pub col_initiatives: &'static str,
    pub col_done: &'static str,
    pub col_late: &'static str,
    pub col_blocked: &'static str,
    pub col_at_risk: &'static str,
    /// "Spor nået" / "Tracks met": tracks meeting the minimum, of all.
    pub col_tracks_met: &'static str,
    pub col_status: &'static str,
    pub col_track: &'static str,
    pub col_theme: &'static str,
    pub col_id: &'static str,
    pub col_period: &'static str,
    pub col_file: &'static str,
    pub total: &'static str,
    /// "Fælles temaer" / "Shared themes".
    pub themes: &'static str,
    /// "spor" / "track", the kind of a theme.
    pub kind_track: &'static str,
    /// "emne" / "tag".
    pub kind_tag: &'static str,
    /// When no track or tag is shared.
    pub no_themes: &'static str,
    /// The memo's title: "Netværksnotat" / "Network memo".
    pub memo_title: &'static str,
    /// "Bibliotekerne" / "The libraries".
    pub members_heading: &'static str,
    /// "Pr. spor" / "By track".
    pub by_track: &'static str,
    /// "Fælles temaer" / "Shared themes".
    pub by_theme: &'static str,
    /// A member's track through the quarter, and the year's plan its minimum is judged by,
    /// as the plan's memo judges it: "7 på sporet til og med kvartalet, 2 færdige; 8 i årets
    /// plan, minimum 3 ✓", or "…; 2 i årets plan, mangler 1 til minimum 3" (a ✓ beside "2 på
    /// sporet … minimum 3" read as an error).
    pub reached: fn(done: usize, to_date: usize, year: usize, minimum: usize, met: bool) -> String,
    /// A member's initiatives on a shared theme this quarter: "2 i kvartalet, 1 færdig".
    pub theme_reached: fn(done: usize, running: usize) -> String,
    /// "Intet i kvartalet" / "Nothing this quarter".
    pub nothing: &'static str,
    /// "Status pr." / "As of".
    pub as_of: &'static str,
    /// "Også i:" / "Also in:" — other spellings of one track.
    pub spelled: &'static str,
    /// A member left out of the dashboard and the memo, as its `plan.toml` (`file`, as
    /// shown) has errors: "hvalsoe er ikke med: hvalsoe/plan.toml har fejl, …".
    pub member_left_out: fn(member: &str, file: &str) -> String,
}

pub const DA: NetworkWords = NetworkWords {
    network: "Netværk",
    untitled: "Netværk",
    col_member: "Medlem",
    col_title: "Titel",
    col_year: "År",
    col_initiatives: "Indsatser",
    col_done: "Færdige",
    col_late: "Forsinkede",
    col_blocked: "Blokerede",
    col_at_risk: "I risiko",
    col_tracks_met: "Spor nået",
    col_status: "Status",
    col_track: "Spor",
    col_theme: "Tema",
    col_id: "Id",
    col_period: "Periode",
    col_file: "Fil",
    total: "I alt",
    themes: "Fælles temaer",
    kind_track: "spor",
    kind_tag: "emne",
    no_themes: "Ingen spor eller emner deles af flere medlemmer.",
    memo_title: "Netværksnotat",
    members_heading: "Bibliotekerne",
    by_track: "Pr. spor",
    by_theme: "Fælles temaer",
    reached: |done, to_date, year, minimum, met| {
        let judged = if met {
            format!("minimum {minimum} ✓")
        } else {
            format!(
                "mangler {} til minimum {minimum}",
                minimum.saturating_sub(year)
            )
        };
        format!(
            "{to_date} på sporet til og med kvartalet, {done} {}; {year} i årets plan, {judged}",
            if done == 1 { "færdig" } else { "færdige" },
        )
    },
    theme_reached: |done, running| {
        let word = if done == 1 { "færdig" } else { "færdige" };
        format!("{running} i kvartalet, {done} {word}")
    },
    nothing: "Intet i kvartalet",
    as_of: "Status pr.",
    spelled: "stavet",
    member_left_out: |member, file| {
        format!("{member} er ikke med: {file} har fejl, så planens år og regler kan ikke bruges (plan check viser, hvad der skal rettes).")
    },
};

pub const EN: NetworkWords = NetworkWords {
    network: "Network",
    untitled: "Network",
    col_member: "Member",
    col_title: "Title",
    col_year: "Year",
    col_initiatives: "Initiatives",
    col_done: "Done",
    col_late: "Late",
    col_blocked: "Blocked",
    col_at_risk: "At risk",
    col_tracks_met: "Tracks met",
    col_status: "Status",
    col_track: "Track",
    col_theme: "Theme",
    col_id: "Id",
    col_period: "Period",
    col_file: "File",
    total: "Total",
    themes: "Shared themes",
    kind_track: "track",
    kind_tag: "tag",
    no_themes: "No track or tag is shared by several members.",
    memo_title: "Network memo",
    members_heading: "The libraries",
    by_track: "By track",
    by_theme: "Shared themes",
    reached: |done, to_date, year, minimum, met| {
        let judged = if met {
            format!("minimum {minimum} ✓")
        } else {
            format!(
                "{} short of the minimum of {minimum}",
                minimum.saturating_sub(year)
            )
        };
        format!(
            "{to_date} on the track through the quarter, {done} done; {year} in the year's plan, {judged}"
        )
    },
    theme_reached: |done, running| format!("{running} this quarter, {done} done"),
    nothing: "Nothing this quarter",
    as_of: "As of",
    spelled: "spelled",
    member_left_out: |member, file| {
        format!("{member} is not included: {file} has errors, so its year and rules cannot be used (plan check shows what to fix).")
    },
};

/// The network texts of `lang`.
pub fn network_words(lang: Lang) -> &'static NetworkWords {
    match lang {
        Lang::Da => &DA,
        Lang::En => &EN,
    }
}
