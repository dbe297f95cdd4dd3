//! git's pre-push standard input: never a panic; accepted lines round-trip field for field.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relhook::prepush::parse_updates;

fuzz_target!(|text: &str| {
    let Ok(updates) = parse_updates(text) else {
        return;
    };
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(updates.len(), lines.len());
    for (u, line) in updates.iter().zip(lines) {
        let f: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(f[0], u.local_ref);
        assert_eq!(f[1].to_ascii_lowercase(), u.local.to_string());
        assert_eq!(f[2], u.remote_ref);
        assert_eq!(f[3].to_ascii_lowercase(), u.remote.to_string());
    }
});
