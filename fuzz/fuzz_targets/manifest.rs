//! `plan.toml` from arbitrary bytes, with a few valid initiatives beside it so that the
//! catalogue, the rules and their severities all come into play.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

const INITIATIVES: [(&str, &str); 3] = [
    (
        "laesehold.toml",
        "title = \"Læsehold i Viby\"\nperiod = \"Q1\"\ntracks = [\"Fordybelse\", \"Hygge\"]\nlocations = [\"Viby\"]\ndeadline = 2017-03-31\nfunding = \"pending\"\n",
    ),
    (
        "q2/it-cafe.toml",
        "title = \"IT-café\"\nperiod = \"Q2\"\ntracks = [\"Digitale forbindelser\"]\nlocations = [\"Bogbussen\"]\ndepends_on = [\"laesehold\"]\nstatus = \"active\"\n",
    ),
    (
        "aarsplan.toml",
        "title = \"Årsplan\"\nperiod = \"year\"\ntracks = [\"Alle spor\"]\ndepends_on = [\"it-cafe\"]\n",
    ),
];

fuzz_target!(|data: &[u8]| {
    let files: Vec<(&str, &[u8])> = INITIATIVES
        .iter()
        .map(|(path, text)| (*path, text.as_bytes()))
        .collect();
    common::exercise(Some(data), &files);
});
