//! Property harnesses for every parser that reads what a user or git hands relhook: the
//! commit message (clean → parse → lint), the Keep a Changelog parser and editor, the
//! version-file editors and the pre-push line parser. They run in CI with every `cargo test`,
//! with case counts small enough to keep the suite fast; `fuzz/` holds the same entry points
//! as `cargo fuzz` targets for long runs (docs/fuzzing.md). Each input mixes shapes that look
//! like the real thing (so the interesting paths are reached) with arbitrary bytes.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::Config as Cases;

use relhook::commit::lint::{Input, Mode, Rule, Verdict, lint_bytes, lint_stored};
use relhook::commit::message::{Cleanup, CommentPrefix, clean};
use relhook::config::CommitConfig;
use relhook::history::changelog::{Changelog, SUBSECTIONS, normalize};
use relhook::history::version::files::{Locator, VersionFile, apply, plan_bump, read_version};
use relhook::prepush::parse_updates;

/// `n` cases, or `RELHOOK_FUZZ_CASES` of them for a longer run.
fn cases(n: u32) -> Cases {
    let n = std::env::var("RELHOOK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n);
    Cases::with_cases(n)
}

// ------------------------------------------------------------------ commit messages

fn header() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![
            "feat",
            "fix",
            "Feat",
            "docs",
            "fxi",
            "feature",
            "",
            "chore",
            "fixup! feat",
            "Merge",
        ]),
        prop::sample::select(vec!["", "(cli)", "(Parser)", "()", "(a b)", "(x"]),
        prop::sample::select(vec!["", "!"]),
        prop::sample::select(vec![": ", ":", ":  ", " : ", " ", ""]),
        "\\PC{0,24}|[A-Za-z .#]{0,110}",
    )
        .prop_map(|(t, s, b, sep, d)| format!("{t}{s}{b}{sep}{d}"))
}

fn message_line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z .,]{0,120}",
        1 => Just(String::new()),
        1 => Just("  ".to_string()),
        1 => "# [a-z ]{0,10}",
        1 => "; [a-z ]{0,10}",
        1 => Just("# ------------------------ >8 ------------------------".to_string()),
        1 => "(BREAKING CHANGE|BREAKING-CHANGE|Refs|Closes|Signed-off-by|breaking change)(: | #|:)[a-z0-9 ]{0,12}",
        1 => "\\PC{0,30}",
    ]
}

/// A commit message as an editor or `-m` leaves it: a header, lines, mixed line endings,
/// sometimes a NUL or bytes that are not UTF-8.
fn raw_message() -> impl Strategy<Value = Vec<u8>> {
    let shaped = (
        header(),
        prop::collection::vec(message_line(), 0..8),
        prop::collection::vec(prop::sample::select(vec!["\n", "\r\n", "\n\n"]), 8),
        prop::sample::select(vec![&b""[..], b"\n", b"\0", b"\xff\xfe", b"\xc3"]),
    )
        .prop_map(|(h, lines, eols, tail)| {
            let mut out = h.into_bytes();
            for (i, l) in lines.iter().enumerate() {
                out.extend_from_slice(eols[i % eols.len()].as_bytes());
                out.extend_from_slice(l.as_bytes());
            }
            out.extend_from_slice(tail);
            out
        });
    prop_oneof![4 => shaped, 1 => prop::collection::vec(any::<u8>(), 0..200)]
}

/// What a verdict says, without line numbers (the stored message has lost the comments and
/// blank lines that the raw file's line numbers count).
fn findings(v: &Verdict) -> Vec<(Rule, String, usize, usize, String)> {
    v.diagnostics
        .iter()
        .filter(|d| d.rule != Rule::Encoding)
        .map(|d| {
            (
                d.rule,
                d.message.clone(),
                d.column,
                d.width,
                d.source_line.clone(),
            )
        })
        .collect()
}

const CLEANUPS: [Cleanup; 4] = [
    Cleanup::Strip,
    Cleanup::Whitespace,
    Cleanup::Scissors,
    Cleanup::Verbatim,
];

proptest! {
    #![proptest_config(cases(192))]

    /// Linting never panics, is deterministic, and the hook's verdict on the raw file is the
    /// verdict `check` and pre-push give the message once git has stored it.
    #[test]
    fn message_lint_never_panics_and_its_verdict_survives_storage(raw in raw_message()) {
        let config = CommitConfig::default();
        for cleanup in CLEANUPS {
            for comment in [CommentPrefix::default(), CommentPrefix::Auto, CommentPrefix::Fixed(";".into())] {
                let input = Input { cleanup, comment: comment.clone() };
                for mode in [Mode::Hook, Mode::Check] {
                    let first = lint_bytes(&raw, &input, &config, mode);
                    prop_assert_eq!(&first, &lint_bytes(&raw, &input, &config, mode));
                    prop_assert_eq!(first.failed(), first.diagnostics.iter().any(|d| d.severity == relhook::commit::lint::Level::Error));
                }
                let text = String::from_utf8_lossy(&raw).replace('\0', "\u{FFFD}");
                let cleaned = clean(&text, cleanup, &comment);
                // Every kept line comes from a line of the input, in order.
                let kept = if cleaned.text.is_empty() { 0 } else { cleaned.text.split('\n').count() };
                prop_assert!(cleaned.origin.len() == kept || (kept == 0 && cleaned.origin.len() == 1));
                prop_assert!(cleaned.origin.windows(2).all(|w| w[0] < w[1]));
                prop_assert!(cleanup == Cleanup::Verbatim || !cleaned.text.split('\n').any(|l| l.ends_with(char::is_whitespace)));
                if cleanup != Cleanup::Verbatim && matches!(comment, CommentPrefix::Fixed(_)) {
                    // git's cleanup is idempotent, so relhook's must be.
                    prop_assert_eq!(&clean(&cleaned.text, cleanup, &comment).text, &cleaned.text);
                }
                if cleanup != Cleanup::Verbatim && !cleaned.text.is_empty() {
                    let hook = lint_bytes(&raw, &input, &config, Mode::Check);
                    let stored = lint_stored(&cleaned.text, &config, Mode::Check);
                    prop_assert_eq!(findings(&hook), findings(&stored));
                    prop_assert_eq!(&hook.header, &stored.header);
                }
            }
        }
    }

    /// The Conventional Commits parser never panics and its parts are pieces of the header.
    #[test]
    fn message_parse_never_panics_and_parts_come_from_the_header(h in header(), rest in prop::collection::vec(message_line(), 0..6)) {
        if let Ok(parsed) = relhook::commit::parse::header(&h) {
            prop_assert!(h.starts_with(parsed.ty));
            prop_assert_eq!(h.get(parsed.description_at..), Some(parsed.description));
            if let Some((scope, at)) = parsed.scope {
                prop_assert_eq!(h.get(at), Some(scope));
            }
        }
        let message = std::iter::once(h).chain(rest).collect::<Vec<_>>().join("\n");
        let _ = relhook::commit::parse::commit(&message);
    }
}

// ------------------------------------------------------------------ Keep a Changelog

fn changelog_line() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        1 => Just("# Changelog".to_string()),
        1 => "[A-Za-z ,.]{1,40}",
        1 => Just("## [Unreleased]".to_string()),
        1 => "## \\[[0-9]\\.[0-9]\\.[0-9]\\] - 20[0-9]{2}-[01][0-9]-[0-3][0-9]",
        1 => "## (v?[0-9]\\.[0-9]\\.[0-9]|\\[[a-z]+\\]|[a-z ]{0,8})( - [0-9-]{0,10})?",
        2 => "### (Added|Changed|Deprecated|Removed|Fixed|Security|Other|added|)",
        4 => "[-*+] [a-z `*_\\[\\]()]{0,30}",
        1 => "  [a-z ]{0,20}",
        1 => "\\[[a-z0-9.]+\\]: https://[a-z./]{1,20}",
        1 => "<!-- [a-z ]{0,10} -->",
        1 => "```|~~~|> [a-z]{0,5}|\\PC{0,20}",
    ]
}

/// A changelog-shaped text: lines joined with mixed line endings, final newline or not.
fn changelog_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(changelog_line(), 0..30),
        prop::collection::vec(prop::sample::select(vec!["\n", "\n", "\r\n", "\r"]), 30),
        prop::sample::select(vec!["", "\n", "\r\n"]),
    )
        .prop_map(|(lines, eols, end)| {
            let mut out = String::new();
            for (i, l) in lines.iter().enumerate() {
                if i > 0 {
                    out.push_str(eols[i % eols.len()]);
                }
                out.push_str(l);
            }
            out.push_str(end);
            out
        })
}

/// A valid changelog with an Unreleased section, so that edits have somewhere to go.
fn valid_changelog() -> impl Strategy<Value = String> {
    changelog_text().prop_map(|body| {
        format!("# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- one\n\n{body}\n## [0.1.0] - 2026-01-01\n\n- first\n")
    })
}

/// `after` is `before` with one contiguous run of bytes inserted: nothing else changed.
fn is_one_insertion(before: &str, after: &str) -> bool {
    let (b, a) = (before.as_bytes(), after.as_bytes());
    if a.len() < b.len() {
        return false;
    }
    let prefix = b.iter().zip(a).take_while(|(x, y)| x == y).count();
    let suffix = b
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    prefix + suffix >= b.len()
}

fn entry_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z ]{0,20}",
        "[a-z][a-z ]{0,10}\n[a-z ]{1,10}",
        "\\*\\*cli\\*\\*: [a-z]{1,8} \\(\\[#[0-9]{1,3}\\]\\(https://x/[0-9]\\)\\)",
    ]
}

proptest! {
    #![proptest_config(cases(256))]

    /// Whatever the text, parsing never panics and what parses renders back byte for byte.
    #[test]
    fn changelog_parse_render_is_identity(text in prop_oneof![changelog_text(), valid_changelog(), any::<String>()]) {
        if let Ok(log) = Changelog::parse(&text) {
            prop_assert_eq!(log.render(), text);
        }
    }

    /// Adding an entry inserts text in one place and changes no other byte of the file; the
    /// result parses and holds the entry in Unreleased.
    #[test]
    fn changelog_insert_changes_no_byte_outside_the_insertion(
        text in prop_oneof![valid_changelog(), changelog_text()],
        section in prop::sample::select(SUBSECTIONS.iter().copied().chain(["Other", ""]).collect::<Vec<_>>()),
        entry in entry_text(),
        first in any::<bool>(),
    ) {
        let Ok(log) = Changelog::parse(&text) else { return Ok(()); };
        // Creating Unreleased is one insertion, adding the entry another.
        let mut with_section = log.clone();
        with_section.ensure_unreleased();
        let middle = with_section.render();
        prop_assert!(is_one_insertion(&text, &middle), "not one insertion:\n{text:?}\n→\n{middle:?}");
        prop_assert!(log.has_unreleased() == (middle == text));
        let mut edited = log.clone();
        edited.add_entry(section, &entry, first);
        let out = edited.render();
        prop_assert!(is_one_insertion(&middle, &out), "not one insertion:\n{middle:?}\n→\n{out:?}");
        let reparsed = Changelog::parse(&out).map_err(|e| TestCaseError::fail(format!("{e}: {out:?}")))?;
        prop_assert_eq!(reparsed.render(), out);
        let want = normalize(&entry);
        prop_assert!(reparsed.unreleased_entries().iter().any(|e| normalize(&e.text) == want));
        // The released sections are untouched.
        for v in log.versions() {
            prop_assert_eq!(log.entries_of(&v).map(|e| e.len()), reparsed.entries_of(&v).map(|e| e.len()));
        }
    }
}

// ------------------------------------------------------------------ version files

const NEW: &str = "97531.86420.1";

fn toml_doc() -> impl Strategy<Value = (String, Locator)> {
    (
        prop::sample::select(vec![
            "package",
            "project",
            "workspace.package",
            "tool.poetry",
        ]),
        prop::sample::select(vec![
            "version = ",
            "version=",
            "version =  ",
            "\"version\" = ",
        ]),
        prop::sample::select(vec![
            "\"1.2.3\"",
            "'1.2.3'",
            "\"1.2.3-rc.1+b\"",
            "\"\"\"1.2.3\"\"\"",
            "1",
            "{ workspace = true }",
            "\"1.\\u0032.3\"",
        ]),
        "(#[ -~]{0,10}\n|\n|\r\n|name = \"x\"\n|\\[deps\\]\nversion = \"1.2.3\"\n|a.b = 1\n)*",
        "(#[ -~]{0,10}\n|\n|\r\n|name = \"x\"\n|version = \"1.2.3\"\n)*",
        prop::sample::select(vec!["", " # the version", "\n", "\r\n"]),
    )
        .prop_map(|(table, key, value, before, after, tail)| {
            (
                format!("{before}[{table}]\n{after}{key}{value}{tail}"),
                Locator::TomlKey(format!("{table}.version")),
            )
        })
}

fn json_doc() -> impl Strategy<Value = (String, Locator)> {
    (
        prop::sample::select(vec!["version", "a.version", "packages..version"]),
        "[ \\t\\r\\n]{0,3}",
        prop::sample::select(vec![
            "\"1.2.3\"",
            "\"1.2.3\\n\"",
            "1.2",
            "null",
            "[\"1.2.3\"]",
            "{\"version\": \"1.2.3\"}",
        ]),
        "(\"[a-z\\\\\"]{0,4}\": (\"[a-z]{0,3}\"|[0-9]{1,3}|true|\\[\\]|\\{\\}), )*",
    )
        .prop_map(|(key, pad, value, others)| {
            let mut doc = format!("{pad}\"version\"{pad}:{pad}{value}{pad}");
            for part in key.rsplit('.').skip(1) {
                doc = format!("{{{others}{doc}}}");
                if !part.is_empty() {
                    doc = format!("\"{part}\": {doc}");
                }
            }
            (
                format!("{{{others}{doc}}}\n"),
                Locator::JsonKey(key.replace("..", ".")),
            )
        })
}

fn pattern_doc() -> impl Strategy<Value = (String, Locator)> {
    (
        prop::sample::select(vec![
            "__version__ = \"{version}\"",
            "ARG VERSION={version}",
            "v{version}",
            "version: {version}",
            "(unclosed {version}",
            "no placeholder",
            "{version}",
        ]),
        "([ -~]{0,20}\n|__version__ = \"1.2.3\"\n|ARG VERSION=1.2.3\n|v1.2.3 \n|version: 1.2.4\n|\n)*",
    )
        .prop_map(|(pattern, text)| (text, Locator::Pattern(pattern.to_string())))
}

/// Every place `NEW` appears in `after`, put back to `old`, gives `before`: the bump changed
/// the version's bytes and nothing else.
fn only_version_changed(before: &str, after: &str, old: &str) -> bool {
    !before.contains(NEW) && after.contains(NEW) && after.replace(NEW, old) == before
}

fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().to_path_buf();
    (dir, path)
}

proptest! {
    #![proptest_config(cases(160))]

    /// The TOML, JSON and pattern editors never panic on any text, and a bump changes only
    /// the bytes of the version: comments, order, spacing and line endings stay.
    #[test]
    fn version_file_bump_changes_only_the_version_bytes(
        (text, locator) in prop_oneof![toml_doc(), json_doc(), pattern_doc(),
            (any::<String>(), prop::sample::select(vec![
                Locator::TomlKey("package.version".into()),
                Locator::JsonKey("version".into()),
                Locator::Pattern("v{version}".into()),
            ]))],
    ) {
        let (_dir, root) = scratch();
        std::fs::write(root.join("f"), &text).expect("write");
        let file = VersionFile { path: Path::new("f").into(), locator };
        let Ok(old) = read_version(&root, &file) else {
            prop_assert!(plan_bump(&root, &file, "1.2.3", NEW).is_err());
            return Ok(());
        };
        prop_assert!(text.contains(&old));
        let edit = plan_bump(&root, &file, &old, NEW).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(edit.before.as_slice(), text.as_bytes());
        let after = String::from_utf8(edit.after.clone()).expect("UTF-8 in, UTF-8 out");
        prop_assert!(only_version_changed(&text, &after, &old), "{text:?} → {after:?}");
        apply(&root, std::slice::from_ref(&edit)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(std::fs::read(root.join("f")).expect("read"), edit.after);
        let now = read_version(&root, &file).ok();
        prop_assert_eq!(now.as_deref(), Some(NEW));
        // A wrong "from" version is refused, never spliced.
        prop_assert!(plan_bump(&root, &file, &old, "1.0.0").is_err());
    }
}

// ------------------------------------------------------------------ pre-push lines

fn oid() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[0-9a-f]{40}",
        1 => Just("0".repeat(40)),
        1 => "[0-9a-fA-F]{0,41}|[g-z]{40}|\\PC{0,8}",
    ]
}

fn update_line() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![
            "refs/heads/main",
            "HEAD",
            "(delete)",
            "refs/tags/v1.0.0",
        ]),
        oid(),
        prop::sample::select(vec![
            "refs/heads/main",
            "refs/tags/v1.0.0",
            "refs/tags/$(touch x)",
        ]),
        oid(),
        prop::sample::select(vec![" ", "\t", "  "]),
        prop::sample::select(vec!["", " extra"]),
    )
        .prop_map(|(l, lo, r, ro, sep, extra)| format!("{l}{sep}{lo}{sep}{r}{sep}{ro}{extra}"))
}

proptest! {
    #![proptest_config(cases(256))]

    /// git's pre-push lines: never a panic; an accepted input has one update per non-blank
    /// line, each with full object ids as written, in order.
    #[test]
    fn prepush_lines_parse_exactly_or_are_refused(
        lines in prop::collection::vec(prop_oneof![4 => update_line(), 1 => "\\PC{0,60}", 1 => Just(String::new())], 0..5),
        eol in prop::sample::select(vec!["\n", "\r\n"]),
    ) {
        let text = lines.join(eol);
        let Ok(updates) = parse_updates(&text) else { return Ok(()); };
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        prop_assert_eq!(updates.len(), lines.len());
        for (u, line) in updates.iter().zip(lines) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            prop_assert_eq!(fields.len(), 4);
            prop_assert_eq!(fields[0], u.local_ref.as_str());
            prop_assert_eq!(fields[1].to_ascii_lowercase(), u.local.to_string());
            prop_assert_eq!(fields[2], u.remote_ref.as_str());
            prop_assert_eq!(fields[3].to_ascii_lowercase(), u.remote.to_string());
        }
    }
}

// ------------------------------------------------------------------ regressions found by fuzzing

/// Found by `prepush_lines_parse_exactly_or_are_refused`: `0` was read as the zero id (git's
/// own lines always carry full ids, so a short one means the input is not git's).
#[test]
fn prepush_line_with_a_short_object_id_is_refused() {
    let full = "a".repeat(40);
    for line in [
        format!("refs/heads/main {full} refs/heads/main 0"),
        format!("refs/heads/main abc refs/heads/main {full}"),
        format!("refs/heads/main {full}0 refs/heads/main {full}"),
    ] {
        assert!(parse_updates(&line).is_err(), "{line}");
    }
    let ok = parse_updates(&format!(
        "refs/heads/main {full} refs/heads/main {}",
        "0".repeat(40)
    ));
    assert!(ok.is_ok_and(|u| u.len() == 1 && u[0].remote.is_zero()));
}

/// Found by `message_lint_never_panics_and_its_verdict_survives_storage`: `check` cut a stored
/// message at a scissors line, which git only cuts before storing; what followed went unlinted.
#[test]
fn stored_message_is_linted_past_a_scissors_line() {
    let stored = "feat: x\n# ------------------------ >8 ------------------------\nmore";
    let verdict = lint_stored(stored, &CommitConfig::default(), Mode::Check);
    assert!(
        verdict
            .diagnostics
            .iter()
            .any(|d| d.rule == Rule::BodyLeadingBlank),
        "{verdict:?}"
    );
    // The hook cuts there only where git does before storing: a verbose commit, where git
    // wrote its own comment below the line (QA43: a typed scissors line is kept by git).
    let input = Input {
        cleanup: Cleanup::Strip,
        comment: CommentPrefix::default(),
    };
    let hook = |raw: &str| lint_bytes(raw.as_bytes(), &input, &CommitConfig::default(), Mode::Hook);
    assert!(hook(stored).failed());
    let verbose = "feat: x\n# ------------------------ >8 ------------------------\n# Do not modify or remove the line above.\nmore";
    assert!(!hook(verbose).failed());
}

/// Found by `changelog_insert_changes_no_byte_outside_the_insertion`: after an unclosed code
/// fence (or HTML comment) everything is code to a Markdown reader, so an entry added there
/// was invisible, and every sync added it again. Such a file is refused, naming the line.
#[test]
fn changelog_with_an_unclosed_fence_or_comment_is_refused() {
    for (text, line) in [
        ("# Changelog\n\n```\n", 3),
        (
            "# Changelog\n\n## [Unreleased]\n\n~~~sh\nx\n## [1.0.0] - 2026-01-01\n",
            5,
        ),
        ("# Changelog\n<!-- note\n\n## [Unreleased]\n", 2),
    ] {
        let err = Changelog::parse(text).expect_err(text);
        assert_eq!(err.line, line, "{text}");
        assert!(err.message.contains("never closed"), "{err}");
    }
    assert!(Changelog::parse("# Changelog\n\n```\n## x\n```\n<!-- a -->\n").is_ok());
}
