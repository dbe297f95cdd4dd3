//! QA48: a hand tag `core-v0.6.0` whose version a dependant's range (`>=0.5, <0.6`, beside a
//! `path`) does not admit was refused with "cannot read the packages that depend on core: …
//! edit it by hand, or set `[release] bump_dependents = false`". Following the second way out,
//! the tag (and `relhook release --package core`) went through and the tagged workspace no
//! longer resolved. A requirement within the workspace that a new version leaves unmet is now
//! refused in both modes, the way out being to edit it by hand; `bump_dependents = false` is
//! offered only where it cannot break the build (an npm sibling outside any workspace).

use crate::qa22_cargo_inherit::resolves;
use crate::support::{Repo, dated_release, hand_tag, hand_tag_refused, listing, stderr, text};

const RANGE: &str = "core = { path = \"../core\", version = \">=0.5, <0.6\" }";

/// A Cargo workspace of `core` 0.5.0 and `b`, whose requirement on core is `requirement`, with
/// `extra` in .relconfig.toml, relhook installed and a breaking change of core on top.
fn workspace(requirement: &str, extra: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.5.0\"\nedition = \"2021\"\n",
    );
    repo.write(
        "crates/b/Cargo.toml",
        format!(
            "[package]\nname = \"b\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n[dependencies]\n{requirement}\n"
        ),
    );
    repo.write("crates/core/src/lib.rs", "\n");
    repo.write("crates/b/src/lib.rs", "\n");
    repo.write(".gitignore", "/target\n");
    repo.write(
        ".relconfig.toml",
        format!(
            "[checks]\nrequire_tested_tags = false\n\n[packages.core]\npath = \"crates/core\"\n\n[packages.b]\npath = \"crates/b\"\n{extra}"
        ),
    );
    let out = crate::qa22_cargo_inherit::cargo(&repo, &["generate-lockfile"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("crates/core/src/lib.rs", "pub fn x() {}\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(core)!: x");
    resolves(&repo);
    repo
}

/// `relhook release ARGS` refused: exit 1, one line, nothing changed; its stderr.
fn release_refused(repo: &Repo, args: &[&str]) -> String {
    let before = listing(&repo.path());
    let refs = repo.git(&["for-each-ref"]);
    let out = dated_release(repo, args);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(listing(&repo.path()) == before, "the refusal changed files");
    assert_eq!(repo.git(&["for-each-ref"]), refs);
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    err
}

/// Tags `core-v0.6.0` by hand and checks the release commit resolves.
fn tag_goes_through(repo: &Repo) {
    let out = hand_tag(repo, &["-a", "core-v0.6.0", "-m", "core 0.6.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "core-v0.6.0");
    resolves(repo);
}

#[test]
fn a_range_left_unmet_is_refused_with_editing_it_as_the_way_out() {
    let repo = workspace(RANGE, "");
    let err = hand_tag_refused(&repo, "core-v0.6.0");
    for says in [
        "crates/b/Cargo.toml requires core `>=0.5, <0.6`, which 0.6.0 does not meet",
        "relhook cannot rewrite a range",
        "edit it by hand so that it admits 0.6.0",
    ] {
        assert!(err.contains(says), "{says}: {err}");
    }
    assert!(!err.contains("cannot read"), "{err}");
    assert!(!err.contains("bump_dependents"), "{err}");
    let err = release_refused(&repo, &["--package", "core", "--no-test"]);
    assert!(err.contains("crates/b/Cargo.toml"), "{err}");
    assert!(err.contains("`>=0.5, <0.6`"), "{err}");
    assert!(err.contains("by hand"), "{err}");
    assert!(!err.contains("bump_dependents"), "{err}");
}

#[test]
fn with_bump_dependents_off_a_range_left_unmet_is_still_refused() {
    let repo = workspace(RANGE, "\n[release]\nbump_dependents = false\n");
    let err = hand_tag_refused(&repo, "core-v0.6.0");
    assert!(
        err.contains("crates/b/Cargo.toml requires core `>=0.5, <0.6`"),
        "{err}"
    );
    assert!(err.contains("edit it by hand"), "{err}");
    let err = release_refused(&repo, &["--package", "core", "--no-test"]);
    for says in [
        "crates/b/Cargo.toml: the requirement `>=0.5, <0.6` on core (dependencies) does not admit 0.6.0",
        "nothing was released",
        "edit it by hand so that it admits 0.6.0",
        "`relhook release --package core --no-test`",
    ] {
        assert!(err.contains(says), "{says}: {err}");
    }
    // The way out works: edited by hand, the tag goes through and the workspace resolves.
    let b = repo.read("crates/b/Cargo.toml").replace("<0.6", "<0.7");
    repo.write("crates/b/Cargo.toml", b);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("build(b): admit core 0.6");
    tag_goes_through(&repo);
}

#[test]
fn with_bump_dependents_off_a_plain_requirement_left_unmet_is_refused() {
    let plain = "core = { path = \"../core\", version = \"0.5\" }";
    let repo = workspace(plain, "\n[release]\nbump_dependents = false\n");
    let err = hand_tag_refused(&repo, "core-v0.6.0");
    assert!(
        err.contains("crates/b/Cargo.toml requires core `0.5`"),
        "{err}"
    );
    assert!(
        err.contains("edit it by hand so that it admits 0.6.0"),
        "{err}"
    );
    let err = release_refused(&repo, &["--package", "core", "--no-test"]);
    assert!(err.contains("the requirement `0.5` on core"), "{err}");
    // A release that leaves it met goes through.
    let out = dated_release(&repo, &["--package", "core", "--no-test", "0.5.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    resolves(&repo);
}

/// npm siblings outside any workspace: a range left unmet breaks nothing (the dependent keeps
/// the published version it requires), so `bump_dependents = false` is offered, and works.
#[test]
fn outside_a_workspace_bump_dependents_off_is_offered_and_works() {
    let repo = crate::support::two_packages(
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"a\": \">=1.0.0 <2.0.0\"\n  }\n}\n",
    );
    repo.write("p/a/index.js", "exports.x = 1;\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: x");
    let err = release_refused(&repo, &["--package", "a", "--no-test"]);
    assert!(err.contains("p/b/package.json"), "{err}");
    assert!(
        err.contains("or set `[release] bump_dependents = false`"),
        "{err}"
    );
    let config = repo.read(".relconfig.toml") + "[release]\nbump_dependents = false\n";
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: dependents keep their requirements");
    let out = dated_release(&repo, &["--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "a-v2.0.0");
    assert!(repo.read("p/b/package.json").contains(">=1.0.0 <2.0.0"));
}

/// The same siblings in an npm workspace link each other: not offered, and refused when off.
#[test]
fn in_an_npm_workspace_bump_dependents_off_is_not_offered() {
    let repo = crate::support::two_packages(
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"a\": \">=1.0.0 <2.0.0\"\n  }\n}\n",
    );
    repo.write(
        "package.json",
        "{\n  \"private\": true,\n  \"workspaces\": [\"p/*\"]\n}\n",
    );
    repo.write("p/a/index.js", "exports.x = 1;\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: x");
    let err = release_refused(&repo, &["--package", "a", "--no-test"]);
    assert!(err.contains("p/b/package.json"), "{err}");
    assert!(!err.contains("bump_dependents"), "{err}");
    let config = repo.read(".relconfig.toml") + "[release]\nbump_dependents = false\n";
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: dependents keep their requirements");
    let err = release_refused(&repo, &["--package", "a", "--no-test"]);
    assert!(err.contains("p/b/package.json"), "{err}");
    assert!(
        err.contains("edit it by hand so that it admits 2.0.0"),
        "{err}"
    );
    let err = hand_tag_refused(&repo, "a-v2.0.0");
    assert!(
        err.contains("p/b/package.json requires a `>=1.0.0 <2.0.0`"),
        "{err}"
    );
}
