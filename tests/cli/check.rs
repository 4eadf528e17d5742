//! `plan check`: every rule, positions, formats and exit codes.

use crate::support::*;

#[test]
fn shipped_plan_reports_the_two_short_tracks_and_the_autumn_deadline() {
    let out = plan().args(["check", "--format", "json"]).assert().code(1);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["summary"]["initiatives"], 28);
    assert_eq!(json["summary"]["errors"], 2);
    assert_eq!(json["summary"]["warnings"], 1);
}
