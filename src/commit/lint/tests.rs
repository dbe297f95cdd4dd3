//! Every rule with accepted and rejected messages.

use super::*;
use crate::config::{CommitConfig, Pattern};

fn lint_with(msg: &str, config: &CommitConfig, mode: Mode) -> Verdict {
    let input = Input {
        cleanup: Cleanup::Strip,
        comment: CommentPrefix::default(),
    };
    lint_bytes(msg.as_bytes(), &input, config, mode)
}

fn lint(msg: &str) -> Verdict {
    lint_with(msg, &CommitConfig::default(), Mode::Hook)
}

fn rules_of(v: &Verdict) -> Vec<&'static str> {
    v.diagnostics.iter().map(|d| d.rule.name()).collect()
}

fn only(msg: &str) -> Diagnostic {
    let v = lint(msg);
    assert_eq!(v.diagnostics.len(), 1, "{msg:?}: {:#?}", v.diagnostics);
    v.diagnostics[0].clone()
}

fn all_on() -> CommitConfig {
    let mut c = CommitConfig::default();
    for rule in Rule::ALL {
        if c.levels.of(rule) == Level::Off {
            c.levels.set(rule, Level::Error);
        }
    }
    c
}

#[test]
fn accepts_good_messages() {
    for msg in [
        "feat: add x",
        "fix(parser): handle tabs",
        "feat(api)!: drop v1",
        "feat(a,b): two scopes",
        "docs: x\n\nbody para\n\nmore body\n\nRefs #12\nSigned-off-by: A <a@b.c>",
        "fix: y\n\nBREAKING CHANGE: the flag is gone\n  and a continuation",
        "revert: feat: x\n\nThis reverts commit 1234567.",
        "chore: see https://example.com/a:b",
    ] {
        let v = lint_with(msg, &all_on(), Mode::Hook);
        assert!(v.diagnostics.is_empty(), "{msg:?}: {:#?}", v.diagnostics);
    }
}

#[test]
fn empty_message() {
    assert_eq!(only("# just a comment\n\n").rule, Rule::EmptyMessage);
    assert_eq!(only("").rule, Rule::EmptyMessage);
}

#[test]
fn header_format_with_caret_and_fix() {
    let d = only("feat:x");
    assert_eq!((d.rule, d.line, d.column), (Rule::HeaderFormat, 1, 6));
    assert_eq!(d.suggestion.as_deref(), Some("feat: x"));
    let d = only("Add login page");
    assert_eq!(d.rule, Rule::HeaderFormat);
    assert_eq!(d.suggestion.as_deref(), Some("feat: add login page"));
    assert_eq!(
        only("feat(api!): x").suggestion.as_deref(),
        Some("feat(api)!: x")
    );
}

#[test]
fn header_format_and_type_enum_together() {
    let v = lint("feature:x");
    assert_eq!(rules_of(&v), ["header-format", "type-enum"]);
    assert_eq!(
        v.diagnostics[0].suggestion.as_deref(),
        Some("feat: x"),
        "both faults fixed"
    );
    assert_eq!(v.diagnostics[1].suggestion.as_deref(), Some("feat: x"));
}

#[test]
fn type_enum_suggests_nearest() {
    let d = only("fxi: crash");
    assert_eq!((d.rule, d.column, d.width), (Rule::TypeEnum, 1, 3));
    assert_eq!(d.suggestion.as_deref(), Some("fix: crash"));
    assert_eq!(
        only("feature(ui): x").suggestion.as_deref(),
        Some("feat(ui): x")
    );
    assert_eq!(only("wibble: x").suggestion, None);
}

#[test]
fn type_case_warns() {
    let d = only("Feat: x");
    assert_eq!((d.rule, d.severity), (Rule::TypeCase, Level::Warning));
    assert_eq!(d.suggestion.as_deref(), Some("feat: x"));
    assert!(!lint("Feat: x").failed());
}

#[test]
fn header_whitespace_warns() {
    let d = only("feat:   x");
    assert_eq!((d.rule, d.column, d.width), (Rule::HeaderWhitespace, 7, 2));
    assert_eq!(d.suggestion.as_deref(), Some("feat: x"));
}

#[test]
fn whitespace_other_than_spaces_before_the_description_is_refused() {
    let d = only("feat: \tx");
    assert_eq!((d.rule, d.column, d.width), (Rule::HeaderFormat, 7, 1));
    assert_eq!(d.message, "the description starts with a tab");
    assert_eq!(d.suggestion.as_deref(), Some("feat: x"));
    // The spaces before it go in the same fix, with no warning of their own.
    let d = only("feat:  \u{3000}x");
    assert_eq!((d.rule, d.column, d.width), (Rule::HeaderFormat, 7, 2));
    assert_eq!(d.message, "the description starts with whitespace (U+3000)");
    assert_eq!(d.suggestion.as_deref(), Some("feat: x"));
}

#[test]
fn scopes_enum_required_and_case() {
    let c = CommitConfig {
        scopes: vec!["parser".into(), "cli".into()],
        require_scope: true,
        ..CommitConfig::default()
    };
    let v = lint_with("feat(parsr): x", &c, Mode::Hook);
    assert_eq!(rules_of(&v), ["scope-enum"]);
    assert_eq!(
        v.diagnostics[0].suggestion.as_deref(),
        Some("feat(parser): x")
    );
    let v = lint_with("feat(cli,parsr): x", &c, Mode::Hook);
    assert_eq!(v.diagnostics[0].column, 10);
    assert_eq!(
        rules_of(&lint_with("feat: x", &c, Mode::Hook)),
        ["scope-required"]
    );
    assert!(
        lint_with("feat(cli): x", &c, Mode::Hook)
            .diagnostics
            .is_empty()
    );
    let v = lint_with("feat(Parser): x", &all_on(), Mode::Hook);
    assert_eq!(rules_of(&v), ["scope-case"]);
}

#[test]
fn description_empty() {
    assert_eq!(only("feat: ").rule, Rule::DescriptionEmpty);
    assert_eq!(only("feat:").rule, Rule::DescriptionEmpty);
}

#[test]
fn header_max_length() {
    let long = format!("feat: {}", "x".repeat(100));
    let d = only(&long);
    assert_eq!((d.rule, d.column, d.width), (Rule::HeaderMaxLength, 101, 6));
    assert!(
        lint(&format!("feat: {}", "x".repeat(94)))
            .diagnostics
            .is_empty()
    );
}

/// git's `Revert "…"` around a header within the limit: its reverted header is judged (QA34:
/// commitlint's history has such reverts git made of 95 to 100 character headers).
#[test]
fn a_revert_is_judged_by_the_length_of_the_header_it_reverts() {
    let header = format!("feat: {}", "x".repeat(94));
    let revert = format!(
        "Revert \"{header}\"\n\nThis reverts commit {}.\n",
        "a".repeat(40)
    );
    assert!(lint(&revert).diagnostics.is_empty(), "{:?}", lint(&revert));
    let over = format!(
        "Revert \"{header}y\"\n\nThis reverts commit {}.\n",
        "a".repeat(40)
    );
    let d = only(&over);
    assert_eq!((d.rule, d.column, d.width), (Rule::HeaderMaxLength, 109, 1));
    // QA36: with the pull request a forge's squash merge appends, which is no part of the
    // reverted header (vuejs/core's `Revert "fix(hmr): …" (#13925)`).
    let merged = format!("Revert \"{header}\" (#13925)\n");
    assert!(lint(&merged).diagnostics.is_empty(), "{:?}", lint(&merged));
    let merged_over = format!("Revert \"{header}yz\" (#13925)\n");
    let d = only(&merged_over);
    assert_eq!((d.rule, d.column, d.width), (Rule::HeaderMaxLength, 109, 2));
    assert!(d.message.contains("102 characters long, 2 over"), "{d:?}");
}

#[test]
fn body_leading_blank() {
    let d = only("feat: x\nbody right away");
    assert_eq!((d.rule, d.line), (Rule::BodyLeadingBlank, 2));
}

#[test]
fn footer_format() {
    let d = only("fix: x\n\nCloses:#12");
    assert_eq!((d.rule, d.line, d.column), (Rule::FooterFormat, 3, 8));
    assert_eq!(d.suggestion.as_deref(), Some("Closes: #12"));
    assert_eq!(only("fix: x\n\nBREAKING CHANGE:").rule, Rule::FooterFormat);
}

#[test]
fn breaking_near_misses_warn() {
    for msg in [
        "feat: x\n\nbreaking change: lower",
        "feat: x\n\nBREAKING CHANGE without colon",
        "feat: x\n\nBreaking change in the API, beware",
        "feat: x\n\n  BREAKING CHANGE: indented in the body",
    ] {
        let d = only(msg);
        assert_eq!(
            (d.rule, d.severity),
            (Rule::BreakingChangeFormat, Level::Warning),
            "{msg}"
        );
    }
    // QA36: what commitlint and semantic-release's parser takes, and only that, is said to
    // be breaking for them (the uppercase keyword, then `:` or a space).
    let peers = |msg: &str| only(msg).message.contains("semantic-release would");
    assert!(peers("feat: x\n\nBREAKING CHANGE without colon"));
    assert!(!peers("feat: x\n\nbreaking change: lower"));
    assert!(!peers("feat: x\n\nBREAKING CHANGES: the plural"));
}

#[test]
fn a_breaking_note_anywhere_at_column_0_is_breaking_not_a_near_miss() {
    // The same reading as `parse::commit`, which version and changelog use.
    let msg = "feat: x\n\nBREAKING CHANGE: in the body\n\nmore text after it";
    assert!(lint(msg).diagnostics.is_empty());
    assert!(crate::commit::parse::commit(msg).unwrap().breaking);
}

#[test]
fn whitespace_only_breaking_note_is_refused() {
    for msg in [
        "feat: x\n\nBREAKING CHANGE: ",
        "feat: x\n\nBREAKING CHANGE:\t\n\nRefs #1",
    ] {
        let v = lint_with(msg, &CommitConfig::default(), Mode::Hook);
        assert_eq!(rules_of(&v), ["footer-format"], "{msg:?}");
    }
}

#[test]
fn fixups_pass_in_hook_fail_in_check() {
    let c = CommitConfig::default();
    let v = lint_with("fixup! feat: x", &c, Mode::Hook);
    assert!(v.diagnostics.is_empty() && v.ignored.is_some());
    for msg in ["fixup! feat: x", "squash! feat: x", "amend! feat: x"] {
        let v = lint_with(msg, &c, Mode::Check);
        assert_eq!(rules_of(&v), ["fixup"], "{msg}");
    }
}

#[test]
fn merges_are_ignored_and_patterns_configurable() {
    assert!(lint("Merge branch 'x' into main").ignored.is_some());
    let c = CommitConfig {
        ignore: vec![Pattern::new("^WIP").unwrap()],
        ..CommitConfig::default()
    };
    assert!(lint_with("Merge branch 'x'", &c, Mode::Hook).failed());
    assert!(lint_with("WIP stuff", &c, Mode::Hook).ignored.is_some());
}

#[test]
fn git_revert_is_judged_by_the_quoted_header() {
    assert!(
        lint("Revert \"feat: x\"\n\nThis reverts commit abc.")
            .diagnostics
            .is_empty()
    );
    assert!(lint("Revert \"Revert \"fix: y\"\"").diagnostics.is_empty());
    assert!(lint("Reapply \"fix: y\"").diagnostics.is_empty());
    let d = only("Revert \"feature: x\"");
    assert_eq!((d.rule, d.column), (Rule::TypeEnum, 9));
    assert_eq!(d.suggestion.as_deref(), Some("Revert \"feat: x\""));
    assert_eq!(
        only("Revert \"feat:x\"").suggestion.as_deref(),
        Some("Revert \"feat: x\"")
    );
    assert!(lint("Revert \"Merge branch 'x'\"").ignored.is_some());
}

/// `subject-case` refuses what commitlint's default (config-conventional's `never
/// sentence-case, start-case, pascal-case, upper-case`) refuses: a description starting with
/// a capital letter, a name included; all capitals are said as such.
#[test]
fn subject_case_as_commitlint() {
    let c = all_on();
    for (msg, refused) in [
        ("fix: ADD THING", true),
        ("fix: FIX THE BUG NOW", true),
        ("fix: ADD THING 2", true),
        ("fix: ÉTÉ FINI", true),
        ("fix: V2 API", true),
        ("fix: API change", true),
        ("fix: Add thing", true),
        ("fix: README typo", true),
        ("fix: API", true),
        ("fix: CI: bump", true),
        ("fix: add thing", false),
        ("fix: iOS build", false),
        ("fix: add API docs", false),
        ("fix: 2FA SETUP", false),
        ("fix: `Foo` is gone", false),
        ("fix: 1 2 3", false),
        ("fix: 修复 错误", false),
    ] {
        let v = lint_with(msg, &c, Mode::Hook);
        assert_eq!(
            rules_of(&v).contains(&"subject-case"),
            refused,
            "{msg:?}: {v:#?}"
        );
    }
    // A name's `try:` has the whole word in lowercase, not `aPI`.
    for (msg, tried) in [
        ("fix: API change", "fix: api change"),
        ("fix: README typo", "fix: readme typo"),
        ("fix: V2 API", "fix: v2 api"),
        ("fix: GitHub actions", "fix: github actions"),
        ("fix: Add thing", "fix: add thing"),
    ] {
        let v = lint_with(msg, &c, Mode::Hook);
        assert_eq!(v.diagnostics[0].suggestion.as_deref(), Some(tried), "{msg}");
    }
    let v = lint_with("fix: FIX THE BUG NOW.", &c, Mode::Hook);
    let d = &v.diagnostics[0];
    assert_eq!(d.message, "the description is all capitals");
    assert_eq!(d.suggestion.as_deref(), Some("fix: fix the bug now"));
}

/// `subject-full-stop` accepts an ellipsis (commitlint refuses it; the README says so), and
/// its `try:` takes off every dot of `..`, so that the line it offers is accepted.
#[test]
fn subject_full_stop_ellipsis() {
    let c = all_on();
    for msg in ["fix: x...", "fix: more to come....", "fix: x…"] {
        assert!(
            lint_with(msg, &c, Mode::Hook).diagnostics.is_empty(),
            "{msg:?}"
        );
    }
    for msg in ["fix: x.", "fix: x.."] {
        let v = lint_with(msg, &c, Mode::Hook);
        assert_eq!(rules_of(&v), ["subject-full-stop"], "{msg:?}");
        assert_eq!(
            v.diagnostics[0].suggestion.as_deref(),
            Some("fix: x"),
            "{msg:?}"
        );
    }
}

#[test]
fn opt_in_subject_rules() {
    let c = all_on();
    let v = lint_with("feat: Add thing.", &c, Mode::Hook);
    assert_eq!(rules_of(&v), ["subject-case", "subject-full-stop"]);
    // Each `try:` fixes both rules, so neither refuses it when pasted.
    assert_eq!(
        v.diagnostics[0].suggestion.as_deref(),
        Some("feat: add thing")
    );
    assert_eq!(
        v.diagnostics[1].suggestion.as_deref(),
        Some("feat: add thing")
    );
    // Every header `try:` is the one line with all of them fixed, the type's case too.
    let v = lint_with("Fix: The crash.", &c, Mode::Hook);
    let tries: Vec<_> = v
        .diagnostics
        .iter()
        .map(|d| d.suggestion.as_deref())
        .collect();
    assert_eq!(
        tries,
        [
            Some("fix: the crash"),
            Some("fix: the crash"),
            Some("fix: the crash")
        ]
    );
    assert!(
        lint_with("feat: add API docs...", &c, Mode::Hook)
            .diagnostics
            .is_empty()
    );
    assert!(
        lint("feat: Add thing.").diagnostics.is_empty(),
        "off by default"
    );
}

#[test]
fn opt_in_line_lengths() {
    let c = all_on();
    let long = format!("{} end", "word ".repeat(25));
    let v = lint_with(
        &format!("feat: x\n\n{long}\n\nRefs: {long}"),
        &c,
        Mode::Hook,
    );
    assert_eq!(
        rules_of(&v),
        ["body-max-line-length", "footer-max-line-length"]
    );
    let url = format!("https://example.com/{}", "a".repeat(120));
    assert!(
        lint_with(&format!("feat: x\n\n{url}"), &c, Mode::Hook)
            .diagnostics
            .is_empty()
    );
}

#[test]
fn a_last_paragraph_opening_with_a_path_is_body_not_a_footer() {
    for msg in [
        "refactor: x\n\ncommit::vocab holds the rule names, so config\nno longer imports lint.",
        "refactor: x\n\nstd::fs::rename is atomic on one file system.",
        "docs: x\n\nhttps://example.com explains it.",
    ] {
        assert!(lint(msg).diagnostics.is_empty(), "{msg}: {:?}", lint(msg));
    }
    // A footer without its space is still one.
    assert_eq!(rules_of(&lint("fix: x\n\nRefs:#12")), ["footer-format"]);
}

#[test]
fn levels_can_turn_rules_off_or_down() {
    let mut c = CommitConfig::default();
    c.levels.set(Rule::TypeEnum, Level::Warning);
    let v = lint_with("wibble: x", &c, Mode::Hook);
    assert!(!v.failed() && v.diagnostics.len() == 1);
    c.levels.set(Rule::TypeEnum, Level::Off);
    assert!(
        lint_with("wibble: x", &c, Mode::Hook)
            .diagnostics
            .is_empty()
    );
}

#[test]
fn encoding_and_nul_get_a_verdict() {
    let input = Input {
        cleanup: Cleanup::Strip,
        comment: CommentPrefix::default(),
    };
    let c = CommitConfig::default();
    let v = lint_bytes(b"feat: caf\xe9\n", &input, &c, Mode::Hook);
    assert_eq!(rules_of(&v), ["encoding"]);
    assert_eq!((v.diagnostics[0].line, v.diagnostics[0].column), (1, 10));
    let v = lint_bytes(b"feat: a\0b\n", &input, &c, Mode::Hook);
    assert_eq!(rules_of(&v), ["encoding"]);
    // QA51: the NUL is said, not UTF-8, whose text this is.
    let d = &v.diagnostics[0];
    assert_eq!(d.expected.as_deref(), Some("text without a NUL byte"));
    let help = d.help.as_deref().unwrap();
    assert!(
        help.starts_with("delete the NUL byte") && !help.contains("UTF-8"),
        "{help}"
    );
}

#[test]
fn positions_follow_the_raw_file() {
    let d = only("# leading comment\n\nfxi: x\n");
    assert_eq!(d.line, 3);
}

#[test]
fn huge_message_is_linear() {
    let body = "line of body text that goes on\n".repeat(170_000);
    let msg = format!("feat: x\n\n{body}");
    assert!(msg.len() > 5_000_000);
    let v = lint_with(&msg, &all_on(), Mode::Hook);
    assert!(!v.failed());
}

#[test]
fn lint_version_and_changelog_agree_on_the_tricky_cases() {
    // (message, breaking for all three)
    let cases = [
        ("feat: x\n\nBREAKING CHANGE: in the last paragraph", true),
        (
            "feat: x\n\nBREAKING CHANGE: first\n\nmore text after it",
            true,
        ),
        (
            "feat: x\n\nbody\n\nBREAKING-CHANGE: dash form\nRefs #1",
            true,
        ),
        ("feat: x\n\nBREAKING CHANGE: a\n\n- list\n\nclose #12", true),
        ("fix(a, b)!: bang with a spaced scope", true),
        ("feat: x\n\n  BREAKING CHANGE: indented", false),
        ("feat: x\n\nbreaking change: lowercase", false),
        ("feat: x\n\nBREAKING CHANGE without colon", false),
        ("feat: x\n\nBreaking change in the API", false),
    ];
    let config = crate::config::ChangelogConfig::default();
    for (msg, breaking) in cases {
        let meaning = crate::commit::parse::commit(msg).expect(msg);
        assert_eq!(meaning.breaking, breaking, "version: {msg:?}");
        let entry =
            crate::history::changelog::entry::entry_for(&meaning, &config, None).expect(msg);
        assert_eq!(entry.breaking, breaking, "changelog: {msg:?}");
        let warned = lint(msg)
            .diagnostics
            .iter()
            .any(|d| d.rule == Rule::BreakingChangeFormat);
        assert_eq!(warned, !breaking, "lint: {msg:?}");
    }
}

/// A bare `BREAKING CHANGE` heading with its text on the line below (commitlint's own history):
/// the suggestion takes that text, not an empty note that would itself be refused.
#[test]
fn bare_breaking_change_heading_suggests_the_text_below() {
    let v = lint("feat: x\n\nBREAKING CHANGE\nthe api changed\n");
    let d = v
        .diagnostics
        .iter()
        .find(|d| d.rule == Rule::BreakingChangeFormat)
        .expect("warned");
    assert_eq!(
        d.suggestion.as_deref(),
        Some("BREAKING CHANGE: the api changed")
    );
    let v = lint("feat: x\n\nbreaking change: it did\n");
    let d = v
        .diagnostics
        .iter()
        .find(|d| d.rule == Rule::BreakingChangeFormat)
        .expect("warned");
    assert_eq!(d.suggestion.as_deref(), Some("BREAKING CHANGE: it did"));
}

/// A header fixed into shape gets the description rules that are on too: the line had no
/// description to judge before, so `try:` must not offer one they refuse.
#[test]
fn fixed_header_follows_the_description_rules() {
    let c = all_on();
    for (msg, want) in [
        ("Fixed the crash.", "fix: the crash"),
        ("feat(ui) Add thing.", "feat(ui): add thing"),
        ("fix crash...", "fix: crash..."),
        ("Fixed README.", "fix: fixed README"),
    ] {
        let v = lint_with(msg, &c, Mode::Hook);
        assert_eq!(v.diagnostics[0].rule.name(), "header-format", "{msg:?}");
        assert_eq!(
            v.diagnostics[0].suggestion.as_deref(),
            Some(want),
            "{msg:?}"
        );
    }
    // With the rules off (the default) the description is left as written.
    assert_eq!(
        only("Fixed the crash.").suggestion.as_deref(),
        Some("fix: the crash.")
    );
}

/// Every `try:` relhook prints is a line that the lint then accepts: the suggestion put in
/// place of the line it is for leaves no finding there but those the line had before (a suggestion such as
/// `BREAKING CHANGE: ` for a bare heading was itself refused by footer-format).
#[test]
fn every_suggestion_passes_its_own_rule() {
    let c = CommitConfig {
        scopes: ["parser", "cli", "api", "ui"].map(String::from).to_vec(),
        ..all_on()
    };
    let mut suggested = 0;
    for msg in [
        "feat:x",
        "Add login page",
        "feat(api!): x",
        "feature:x",
        "fxi: crash",
        "feature(ui): x",
        "Feat: x",
        "feat:   x",
        "feat(parsr): x",
        "fix: x\n\nCloses:#12",
        "feat: x\n\nbreaking change: lower",
        "feat: x\n\nBREAKING CHANGE without colon",
        "feat: x\n\nBreaking change in the API, beware",
        "feat: x\n\n  BREAKING CHANGE: indented in the body",
        "feat: x\n\nBREAKING CHANGE\nthe text below",
        "feat: x\n\nBREAKING CHANGE\n\nTL;DR the chore type is gone",
        "feat: x\n\nbreaking changes:\n\nRefs: #1",
        "feat: x\n\nBody.\n\nBREAKING CHANGE",
        "Fixed the crash.",
        "feat(ui) Add thing.",
    ] {
        let v = lint_with(msg, &c, Mode::Hook);
        for d in v.diagnostics.iter() {
            let Some(s) = d.suggestion.as_deref() else {
                continue;
            };
            suggested += 1;
            let mut lines: Vec<&str> = msg.lines().collect();
            lines[d.line - 1] = s;
            let again = lint_with(&lines.join("\n"), &c, Mode::Hook);
            // Its own finding is gone, and no other is new there (`feat(api)!:` still has the
            // unknown scope the original had).
            let before: Vec<Rule> = v
                .diagnostics
                .iter()
                .filter(|e| e.line == d.line)
                .map(|e| e.rule)
                .collect();
            let left: Vec<_> = again
                .diagnostics
                .iter()
                .filter(|e| e.line == d.line && (e.rule == d.rule || !before.contains(&e.rule)))
                .collect();
            assert!(left.is_empty(), "{msg:?} → {s:?}: {left:#?}");
        }
        if msg.ends_with("Refs: #1") || msg.ends_with("\n\nBREAKING CHANGE") {
            assert!(
                v.diagnostics.iter().all(|d| d.suggestion.is_none()),
                "{msg:?}"
            );
        }
    }
    assert!(suggested >= 14, "{suggested}");
}

/// QA36: `try:` offered ` fix(ssr) ensure x` without its leading space, a line refused again
/// (no colon): a suggestion is the line with every fault fixed, or none.
#[test]
fn a_suggestion_is_a_line_that_passes() {
    let d = only(" fix(compiler-ssr) ensure x");
    assert_eq!(d.rule, Rule::HeaderFormat);
    assert_eq!(d.suggestion.as_deref(), Some("fix(compiler-ssr): ensure x"));
    let d = only("fix(compiler-ssr) ensure x");
    assert_eq!(d.suggestion.as_deref(), Some("fix(compiler-ssr): ensure x"));
    // No scope: `fix ensure x` is no Conventional Commit to complete.
    assert!(lint("fix ensure x").diagnostics.iter().all(|d| {
        d.suggestion
            .as_deref()
            .is_none_or(|s| lint(s).diagnostics.is_empty())
    }));
    // QA36: `Fixup! feat: x` offered `fix! feat: x`, refused again.
    for message in ["Fixup! feat: x", "Revert \"fixup! feat: x\" (#3)"] {
        for d in lint(message).diagnostics {
            let fixed = d.suggestion.unwrap_or_default();
            assert!(
                fixed.is_empty() || lint(&fixed).diagnostics.is_empty(),
                "{fixed}"
            );
        }
    }
    for fixed in lint(" feature(api) add x")
        .diagnostics
        .iter()
        .filter_map(|d| d.suggestion.as_deref())
    {
        assert!(lint(fixed).diagnostics.is_empty(), "{fixed}");
    }
}

/// QA46: `fix(cor): The crash.` offered `fix(core): The crash.` for the scope and
/// `fix(cor): the crash` for the description, each refused by the other rules when pasted:
/// every header `try:` is now the one line with all of them fixed.
#[test]
fn a_header_try_fixes_the_scope_and_the_description_together() {
    let c = CommitConfig {
        scopes: vec!["core".into()],
        ..all_on()
    };
    for msg in [
        "fix(cor): The crash.",
        "fix(Core): The crash.",
        "Fix(cor):  The crash.",
    ] {
        let v = lint_with(msg, &c, Mode::Hook);
        let tries: Vec<_> = v.diagnostics.iter().map(|d| &d.suggestion).collect();
        assert!(tries.len() >= 2, "{msg:?}: {:#?}", v.diagnostics);
        for s in tries {
            assert_eq!(s.as_deref(), Some("fix(core): the crash"), "{msg:?}");
        }
    }
}

/// A line that an unfixable fault keeps refused (a scope near no listed one, a scope required
/// and missing) gets no `try:` at all: each would be refused when pasted.
#[test]
fn no_try_is_offered_that_the_lint_refuses() {
    let c = CommitConfig {
        scopes: vec!["core".into()],
        ..all_on()
    };
    let v = lint_with("fix(zzzz): The crash.", &c, Mode::Hook);
    assert!(rules_of(&v).contains(&"subject-case"), "{v:#?}");
    assert!(
        v.diagnostics.iter().all(|d| d.suggestion.is_none()),
        "{v:#?}"
    );
    let c = CommitConfig {
        require_scope: true,
        ..all_on()
    };
    let v = lint_with("Fix: the crash", &c, Mode::Hook);
    assert!(rules_of(&v).contains(&"scope-required"), "{v:#?}");
    assert!(
        v.diagnostics.iter().all(|d| d.suggestion.is_none()),
        "{v:#?}"
    );
}
