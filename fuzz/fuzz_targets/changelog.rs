//! Keep a Changelog text: parse → render is the identity; creating Unreleased and adding an
//! entry each insert text in one place and change no other byte; the result parses and
//! holds the entry.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relhook::history::changelog::{Changelog, SUBSECTIONS, normalize};

fn is_one_insertion(before: &str, after: &str) -> bool {
    let (b, a) = (before.as_bytes(), after.as_bytes());
    let prefix = b.iter().zip(a).take_while(|(x, y)| x == y).count();
    let suffix = b
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a.len() >= b.len() && prefix + suffix >= b.len()
}

fuzz_target!(|text: &str| {
    let Ok(log) = Changelog::parse(text) else {
        return;
    };
    assert_eq!(log.render(), text);
    let section = SUBSECTIONS[text.len() % SUBSECTIONS.len()];
    let mut middle = log.clone();
    middle.ensure_unreleased();
    let middle_text = middle.render();
    assert!(is_one_insertion(text, &middle_text));
    let mut edited = log.clone();
    edited.add_entry(section, "fuzzed entry\nover two lines", text.len() % 2 == 0);
    let out = edited.render();
    assert!(is_one_insertion(&middle_text, &out));
    let reparsed = Changelog::parse(&out).expect("an edited changelog parses");
    assert!(
        reparsed
            .unreleased_entries()
            .iter()
            .any(|e| normalize(&e.text) == "fuzzed entry over two lines")
    );
    let _ = edited.release("99.0.0", "2026-01-01", "v", Some("https://h/o/r"));
});
