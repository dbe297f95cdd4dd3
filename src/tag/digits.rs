//! A release tag spelled with another script's digits (`v１.０.０` from an IME's fullwidth
//! mode, `v١.0.0` in Arabic-Indic): SemVer reads ASCII digits only, so such a tag would be
//! passed over by every `relhook version` and release. Refused with its ASCII spelling.

use std::sync::LazyLock;

use regex::Regex;
use semver::Version;

use crate::config::Config;

/// Unicode's decimal digits (general category Nd), of any script.
static DECIMAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Nd}$").expect("static regex"));

/// The refusal of tag `name`, whose version part `raw` (after the tag prefix) holds a digit
/// that is not ASCII; `None` when it holds none.
pub(super) fn refusal(config: &Config, name: &str, raw: &str) -> Option<String> {
    let prefix = &config.version.tag_prefix;
    let odd = raw.chars().find(|c| !c.is_ascii() && c.is_numeric())?;
    Some(match semver_in_ascii(raw) {
        Some(v) => format!(
            "`{name}` is spelled with digits that are not ASCII (`{odd}`), which SemVer does not read; write `{}`",
            config.hand_tag_command(&format!("{prefix}{v}"))
        ),
        None => format!(
            "`{name}` holds `{odd}`, a digit that is not ASCII, which SemVer does not read; release tags are `{prefix}` + a SemVer version in ASCII digits, e.g. `{prefix}1.2.3`"
        ),
    })
}

/// The SemVer version `raw` spells in digits that are not all ASCII, in ASCII; `None` when it
/// has no such digit or is no version so spelled.
pub(super) fn semver_in_ascii(raw: &str) -> Option<String> {
    raw.contains(|c: char| !c.is_ascii() && c.is_numeric())
        .then(|| ascii_spelling(raw))
        .flatten()
        .filter(|v| Version::parse(v).is_ok())
}

/// `raw` with each decimal digit in ASCII and each fullwidth form (`．`, `－`) as the ASCII
/// character it stands for; `None` when a character has no ASCII spelling.
fn ascii_spelling(raw: &str) -> Option<String> {
    raw.chars()
        .map(|c| match c {
            c if c.is_ascii() => Some(c),
            // Fullwidth forms of `!`..`~` (its digits among them) sit 0xFEE0 above them.
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
            c => digit_value(c).and_then(|d| char::from_digit(d, 10)),
        })
        .collect()
}

/// The value of decimal digit `c` of any script. Unicode encodes each script's digits as a
/// run from 0 to 9 (a stability policy; the mathematical digits as five such runs in a row):
/// a digit's value is how far into its run it is, modulo 10.
fn digit_value(c: char) -> Option<u32> {
    let decimal = |c: char| DECIMAL.is_match(c.encode_utf8(&mut [0u8; 4]));
    if !decimal(c) {
        return None;
    }
    let before = (1..)
        .map_while(|k| (c as u32).checked_sub(k).and_then(char::from_u32))
        .take_while(|&p| decimal(p))
        .count();
    Some(before as u32 % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_any_script_are_spelled_in_ascii() {
        assert_eq!(ascii_spelling("１.０.０").as_deref(), Some("1.0.0"));
        assert_eq!(ascii_spelling("١.٢.٩").as_deref(), Some("1.2.9"));
        assert_eq!(
            ascii_spelling("１．２．３－ｒｃ.1").as_deref(),
            Some("1.2.3-rc.1")
        );
        // Devanagari, Thai, mathematical bold (the second of five runs: monospace's 7).
        assert_eq!(ascii_spelling("१.๒.𝟽").as_deref(), Some("1.2.7"));
        assert_eq!(ascii_spelling("①.0.0"), None);
        assert_eq!(ascii_spelling("½"), None);
    }

    #[test]
    fn a_tag_with_such_digits_is_refused_with_its_ascii_spelling() {
        let v = &Config::default();
        assert_eq!(
            refusal(v, "v１.０.０", "１.０.０").unwrap(),
            "`v１.０.０` is spelled with digits that are not ASCII (`１`), which SemVer does not read; write `git tag -a v1.0.0 -m v1.0.0`"
        );
        assert!(
            refusal(v, "v١.0.0", "١.0.0")
                .unwrap()
                .ends_with("`git tag -a v1.0.0 -m v1.0.0`")
        );
        assert!(
            refusal(v, "v①.0.0", "①.0.0")
                .unwrap()
                .ends_with("e.g. `v1.2.3`")
        );
        assert_eq!(refusal(v, "v1.0.0", "1.0.0"), None);
        assert_eq!(refusal(v, "v1.0.0-été", "1.0.0-été"), None);
    }
}
