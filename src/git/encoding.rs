//! A commit message as text. git stores a message in the encoding `i18n.commitEncoding` named
//! when it was written and says which in the commit's `encoding` header (none for UTF-8); its
//! own rewrites (a rebase, an amend, a cherry-pick) re-encode the message into the encoding
//! configured then. Everything in relhook that reads a stored message reads it through
//! [`decode_message`] ([`super::StoredCommit::text`], [`super::Repo::commit_text`]), so the
//! same message reads the same whatever bytes it is stored in.

use std::borrow::Cow;

/// `bytes` as text: UTF-8 as is; otherwise decoded from `encoding` (the commit's header, or
/// `i18n.commitEncoding` for a message being written) when relhook knows it (ISO-8859-1,
/// Windows-1252), else lossily (each bad sequence becomes U+FFFD) so history stays readable.
pub fn decode_message<'a>(bytes: &'a [u8], encoding: Option<&str>) -> Cow<'a, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    match encoding.and_then(|e| decode_known(bytes, e)) {
        Some(text) => Cow::Owned(text),
        None => String::from_utf8_lossy(bytes),
    }
}

/// `bytes` decoded exactly from encoding `name` (git's spelling, any case), when relhook
/// knows it: ISO-8859-1 and Windows-1252 (what `i18n.commitEncoding` names in the projects
/// that set it). `None` for any other, UTF-8 included.
pub fn decode_known(bytes: &[u8], name: &str) -> Option<String> {
    let name = name.to_ascii_lowercase().replace('_', "-");
    match name.as_str() {
        "iso-8859-1" | "iso8859-1" | "latin1" | "latin-1" | "l1" => {
            Some(bytes.iter().map(|b| char::from(*b)).collect())
        }
        "windows-1252" | "cp1252" => Some(bytes.iter().map(|b| cp1252(*b)).collect()),
        _ => None,
    }
}

/// `text` in encoding `name` (git's spelling, any case) when relhook knows it (ISO-8859-1,
/// Windows-1252) and every character of `text` has a byte there; `None` otherwise.
pub fn encode_known(text: &str, name: &str) -> Option<Vec<u8>> {
    let name = name.to_ascii_lowercase().replace('_', "-");
    match name.as_str() {
        "iso-8859-1" | "iso8859-1" | "latin1" | "latin-1" | "l1" => text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).ok())
            .collect(),
        "windows-1252" | "cp1252" => text
            .chars()
            .map(|c| (0..=u8::MAX).find(|b| cp1252(*b) == c))
            .collect(),
        _ => None,
    }
}

/// A message relhook wrote (UTF-8 text), as it goes to git for a new commit in a repository
/// whose `i18n.commitEncoding` is `configured`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMessage {
    /// The bytes git is given.
    pub bytes: Vec<u8>,
    /// A `-c` value git needs to label them truthfully (`i18n.commitEncoding=UTF-8`).
    pub config: Option<&'static str>,
}

/// `text` for a new commit: in the configured encoding when relhook knows it and it holds
/// every character (as git would write a message typed there); else UTF-8, with git told so,
/// where git would otherwise label UTF-8 bytes with the configured encoding.
pub fn new_message(text: &str, configured: Option<&str>) -> NewMessage {
    let Some(name) = configured.filter(|n| !is_utf8_name(n)) else {
        return NewMessage {
            bytes: text.as_bytes().to_vec(),
            config: None,
        };
    };
    match encode_known(text, name) {
        Some(bytes) => NewMessage {
            bytes,
            config: None,
        },
        None => NewMessage {
            bytes: text.as_bytes().to_vec(),
            config: Some("i18n.commitEncoding=UTF-8"),
        },
    }
}

/// Whether `name` is UTF-8 as git spells it (`is_encoding_utf8`: `UTF-8`, `utf8`, any case).
pub fn is_utf8_name(name: &str) -> bool {
    name.eq_ignore_ascii_case("utf-8") || name.eq_ignore_ascii_case("utf8")
}

/// Windows-1252: ISO-8859-1 but for the printable characters it puts at 0x80–0x9F.
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_reads_in_the_encoding_it_declares() {
        let latin1 = Some("ISO-8859-1");
        assert_eq!(decode_message(b"fix: caf\xe9", latin1), "fix: café");
        assert_eq!(
            decode_message(b"fix: \x93q\x94 \x80", Some("windows-1252")),
            "fix: “q” €"
        );
        assert_eq!(decode_message(b"fix: caf\xe9", None), "fix: caf\u{fffd}");
        // UTF-8 bytes stay UTF-8 whatever the label (git labels what it is given).
        assert_eq!(decode_message("fix: café".as_bytes(), latin1), "fix: café");
        assert_eq!(
            decode_message(b"fix: \x83\x65", Some("Shift_JIS")),
            "fix: \u{fffd}e"
        );
        assert!(is_utf8_name("utf8") && is_utf8_name("UTF-8") && !is_utf8_name("latin1"));
    }

    #[test]
    fn a_new_message_is_written_in_the_configured_encoding_or_labelled_utf8() {
        let latin1 = new_message("feat: café", Some("ISO-8859-1"));
        assert_eq!(latin1.bytes, b"feat: caf\xe9");
        assert_eq!(latin1.config, None);
        let cp = new_message("feat: “q” €", Some("cp1252"));
        assert_eq!(cp.bytes, b"feat: \x93q\x94 \x80");
        // `€` has no Latin-1 byte; Shift_JIS relhook cannot write: UTF-8, said so.
        for (text, name) in [("feat: 5 €", "ISO-8859-1"), ("feat: x", "Shift_JIS")] {
            let m = new_message(text, Some(name));
            assert_eq!(m.bytes, text.as_bytes());
            assert_eq!(m.config, Some("i18n.commitEncoding=UTF-8"));
        }
        assert_eq!(new_message("feat: é", Some("utf8")).config, None);
        assert_eq!(new_message("feat: é", None).bytes, "feat: é".as_bytes());
    }
}
