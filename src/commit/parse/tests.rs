use super::*;

fn kind(line: &str) -> FaultKind {
    header(line).unwrap_err().kind
}

#[test]
fn accepts_the_grammar() {
    let h = header("feat(api)!: add x").unwrap();
    assert_eq!(h.ty, "feat");
    assert_eq!(h.scope.as_ref().unwrap().0, "api");
    assert!(h.bang);
    assert_eq!(h.description, "add x");
    assert_eq!(header("fix: y").unwrap().scope, None);
    assert_eq!(header("feat(a,b): z").unwrap().scope.unwrap().0, "a,b");
    // Any text without parentheses is a scope: spaces and commas included.
    let h = header("feat(changelog, config)!: z").unwrap();
    assert_eq!((h.scope.unwrap().0, h.bang), ("changelog, config", true));
    assert_eq!(
        header("docs(GitHub Actions): z").unwrap().scope.unwrap().0,
        "GitHub Actions"
    );
}

#[test]
fn faults_with_positions_and_fixes() {
    let f = header("feat:x").unwrap_err();
    assert_eq!(
        (f.kind, f.span.clone(), f.fix.as_deref()),
        (FaultKind::MissingSpace, 5..6, Some("feat: x"))
    );
    let f = header("feat(api!): x").unwrap_err();
    assert_eq!(
        (f.kind, f.fix.as_deref()),
        (FaultKind::BangInScope, Some("feat(api)!: x"))
    );
    let f = header("feat(a,,b): x").unwrap_err();
    assert_eq!(
        (f.kind, f.fix.as_deref()),
        (FaultKind::EmptyScopePart, Some("feat(a, b): x"))
    );
    assert_eq!(kind("feat(a, ): x"), FaultKind::EmptyScopePart);
    assert_eq!(kind("feat(,a): x"), FaultKind::EmptyScopePart);
    assert_eq!(kind("feat(  ): x"), FaultKind::EmptyScope);
    let f = header("feat (api): x").unwrap_err();
    assert_eq!(
        (f.kind, f.fix.as_deref()),
        (FaultKind::SpaceAfterType, Some("feat(api): x"))
    );
    let f = header("feat : x").unwrap_err();
    assert_eq!(
        (f.kind, f.fix.as_deref()),
        (FaultKind::SpaceBeforeColon, Some("feat: x"))
    );
    assert_eq!(kind("feat(): x"), FaultKind::EmptyScope);
    assert_eq!(kind("feat(api: x"), FaultKind::UnclosedScope);
    assert_eq!(kind("feat(a(b)): x"), FaultKind::NestedParen);
    assert_eq!(kind("feat:"), FaultKind::EmptyDescription);
    assert_eq!(kind("feat:   "), FaultKind::EmptyDescription);
    assert_eq!(kind(": x"), FaultKind::MissingType);
    assert_eq!(kind(" feat: x"), FaultKind::MissingType);
    assert_eq!(kind("Add login page"), FaultKind::NotConventional);
}

#[test]
fn not_conventional_suggests_a_type_from_the_first_word() {
    let f = header("Fix the login crash").unwrap_err();
    assert_eq!(f.fix.as_deref(), Some("fix: the login crash"));
    // A verb that says what was done is the description's: dropping it loses the meaning.
    let f = header("Resolve relative URLs for local sources").unwrap_err();
    assert_eq!(
        f.fix.as_deref(),
        Some("fix: resolve relative URLs for local sources")
    );
    let f = header("Corrected the totals").unwrap_err();
    assert_eq!(f.fix.as_deref(), Some("fix: correct the totals"));
}

#[test]
fn a_space_before_the_scope_and_no_colon_keeps_the_scope() {
    let fix = |line: &str| {
        let f = header(line).unwrap_err();
        (f.kind, f.fix)
    };
    let space = |s: &str| (FaultKind::SpaceAfterType, Some(s.to_owned()));
    assert_eq!(fix("feat (api) x"), space("feat(api): x"));
    assert_eq!(fix("feat (api)x"), space("feat(api): x"));
    assert_eq!(fix("feat (a, b)! x"), space("feat(a, b)!: x"));
    // A parenthesis that reads as a sentence's, or after a verb, is no scope.
    assert_eq!(kind("feat (see the issue) x"), FaultKind::NotConventional);
    assert_eq!(kind("Added (api) x"), FaultKind::NotConventional);
    assert_eq!(kind("feat (api)"), FaultKind::NotConventional);
}

#[test]
fn a_tab_for_the_space_after_the_colon_is_replaced_not_kept() {
    let f = header("feat:\tx").unwrap_err();
    assert_eq!(
        (f.kind, f.fix.as_deref()),
        (FaultKind::MissingSpace, Some("feat: x"))
    );
}

#[test]
fn extra_spaces_are_counted() {
    let h = header("feat:   x").unwrap();
    assert_eq!((h.extra_spaces, h.description), (2, "x"));
}

#[test]
fn body_footers_and_breaking() {
    let c = commit("feat(api): x\n\nbody text\n\nRefs #12\nBREAKING CHANGE: gone").unwrap();
    assert_eq!(c.body.as_deref(), Some("body text"));
    assert!(c.breaking);
    assert_eq!(c.breaking_description.as_deref(), Some("gone"));
    assert_eq!(c.footers[0].token, "Refs");
    let c = commit("fix!: y").unwrap();
    assert_eq!(c.breaking_description.as_deref(), Some("y"));
    let c = commit("fix: y\n\nbreaking-change: lower").unwrap();
    assert!(!c.breaking, "lowercase token is not breaking (spec §15)");
}

#[test]
fn breaking_note_outside_the_last_paragraph_is_breaking_with_its_paragraphs() {
    let msg = "refactor: adjust APIs\n\nBREAKING CHANGE: adjustments:\n\n- `a` is gone\n  wrapped\n\n```ts\nx()\n```\n\nclose #3102\n\nSigned-off-by: A <a@b.c>";
    let c = commit(msg).unwrap();
    assert!(c.breaking);
    assert_eq!(
        c.breaking_description.as_deref(),
        Some("adjustments:\n\n- `a` is gone\n  wrapped\n\n```ts\nx()\n```")
    );
    // `close #3102` before git's `Signed-off-by:` paragraph is a footer (an issue reference).
    let tokens: Vec<&str> = c.footers.iter().map(|f| f.token.as_str()).collect();
    assert_eq!(tokens, ["BREAKING CHANGE", "close", "Signed-off-by"]);
    assert_eq!(c.body, None);
}

#[test]
fn indented_breaking_text_is_body() {
    let c = commit("fix: y\n\nbody\n  BREAKING CHANGE: not a note").unwrap();
    assert!(!c.breaking);
    assert_eq!(
        c.body.as_deref(),
        Some("body\n  BREAKING CHANGE: not a note")
    );
}

#[test]
fn layout_of_footers_and_notes() {
    let lines = [
        "feat: x",
        "",
        "BREAKING CHANGE: a",
        "more",
        "",
        "Refs #1",
        "Closes #2",
    ];
    let l = Layout::of(&lines);
    assert_eq!(l.footers, Some(5..7));
    assert_eq!(l.breaking, vec![2..4]);
    assert!(l.is_footer_line(3) && !l.is_footer_line(1));
}

/// `git commit -s` puts `Signed-off-by:` in a paragraph of its own after `Fixes #9`: both
/// paragraphs are footers, and the reference is not left in the body.
#[test]
fn footers_before_a_paragraph_of_git_trailers_are_footers() {
    let c = commit("fix: y\n\nbody\n\nFixes #9\n\nSigned-off-by: A <a@b.c>").unwrap();
    let footers: Vec<(&str, &str)> = c
        .footers
        .iter()
        .map(|f| (f.token.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(footers, [("Fixes", "9"), ("Signed-off-by", "A <a@b.c>")]);
    assert_eq!(c.body.as_deref(), Some("body"));
    // A last paragraph that is not git's trailers (`Refs #2`) leaves the one before it body.
    let c = commit("fix: y\n\nFixes #9\n\nRefs #2").unwrap();
    assert_eq!(c.body.as_deref(), Some("Fixes #9"));
}

#[test]
fn git_revert_reads_as_a_revert_of_the_quoted_header() {
    let c = commit(
        "Revert \"fix(api): y\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.",
    )
    .unwrap();
    assert_eq!(
        (c.ty.as_str(), c.description.as_str()),
        ("revert", "fix(api): y")
    );
    let r = c.reverts.unwrap();
    assert_eq!(r.header, "fix(api): y");
    assert_eq!(
        r.commit.as_deref(),
        Some("0123456789abcdef0123456789abcdef01234567")
    );
    assert!(commit("Revert \"Update readme\"").is_none());
    let c = commit("Revert \"fix(sfc): scope the selector (#1…\" (#13406)").unwrap();
    assert_eq!(
        c.reverts.unwrap().header,
        "fix(sfc): scope the selector (#1…"
    );
    assert!(commit("Revert \"fix: y\" and more").is_none());
}

#[test]
fn never_panics_on_odd_unicode() {
    for line in [
        "é(",
        "(é",
        "é(é!",
        "é:é",
        "é !:",
        "\u{a0}feat: x",
        "f(\u{3000}): x",
        "x)",
    ] {
        let _ = header(line);
    }
}

#[test]
fn git_s_reapply_reads_as_the_reapplied_change() {
    let c = commit("Reapply \"fix(api): beta\"\n\nThis reverts commit abcdef1.").unwrap();
    assert_eq!((c.ty.as_str(), c.description.as_str()), ("fix", "beta"));
    assert_eq!(c.scope.as_deref(), Some("api"));
    assert_eq!(c.reverts, None);
    assert!(commit("Reapply \"not conventional\"").is_none());
}
