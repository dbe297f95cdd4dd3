//! Why a text is no SemVer version, in words that point at the fault: the semver crate reads a
//! pre-release `-é` or `-$(id)` as an empty identifier, where the fault is a character SemVer
//! does not allow there.

/// The reason `text` is no SemVer version, `error` being the semver crate's: a character a
/// pre-release or build metadata cannot hold is named, any other fault is the crate's.
pub fn why_not(text: &str, error: &semver::Error) -> String {
    match stray_char(text) {
        Some((c, part)) => format!(
            "{} is not allowed in {part}: its identifiers are [0-9A-Za-z-] separated by dots",
            shown(c)
        ),
        None => error.to_string(),
    }
}

/// The first character after the core (`1.2.3`) that neither a pre-release nor build metadata
/// can hold, and the part it is in. `None` when the core has a fault of its own (read first).
fn stray_char(text: &str) -> Option<(char, &'static str)> {
    let at = text.find(['-', '+'])?;
    if !text[..at].bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let mut part = match text[at..].starts_with('+') {
        true => "build metadata",
        false => "a pre-release",
    };
    for c in text[at + 1..].chars() {
        if c == '+' && part == "a pre-release" {
            part = "build metadata";
        } else if !(c.is_ascii_alphanumeric() || c == '-' || c == '.') {
            return Some((c, part));
        }
    }
    None
}

/// A character as a message shows it: quoted, or named where quoting would not show it.
fn shown(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        c if c.is_control() || c.is_whitespace() => format!("`{}`", c.escape_default()),
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::why_not;

    fn reason(text: &str) -> String {
        let e = semver::Version::parse(text).expect_err("no version");
        why_not(text, &e)
    }

    #[test]
    fn a_character_semver_does_not_allow_is_named() {
        let pre =
            "is not allowed in a pre-release: its identifiers are [0-9A-Za-z-] separated by dots";
        assert_eq!(reason("1.0.0-é"), format!("`é` {pre}"));
        assert_eq!(reason("1.0.0-$(id)"), format!("`$` {pre}"));
        assert_eq!(reason("1.0.0-rc.1 x"), format!("a space {pre}"));
        assert_eq!(reason("1.0.0-a\tb"), format!("`\\t` {pre}"));
        assert!(reason("1.0.0+b_1").starts_with("`_` is not allowed in build metadata"));
        assert!(reason("1.0.0-a+b+c").starts_with("`+` is not allowed in build metadata"));
    }

    #[test]
    fn other_faults_keep_the_crates_reason() {
        assert_eq!(
            reason("1.0.0-a..b"),
            "empty identifier segment in pre-release identifier"
        );
        assert_eq!(
            reason("1.0.0-01"),
            "invalid leading zero in pre-release identifier"
        );
        assert!(reason("1.0é.0").contains("after minor version number"));
        assert!(reason("1.0é.0-$").contains("after minor version number"));
    }
}
