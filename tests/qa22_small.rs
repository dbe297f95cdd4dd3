//! QA round 22, the small ones: the version a release line says it moves from, the scopes
//! `relhook commit` offers, messages in a legacy `i18n.commitEncoding`, `### Version X.Y.Z`.

use crate::support::{Repo, dated_release, stderr, stdout, text};

/// A repository with relhook installed and a feature committed through its hooks.
fn with_a_feature(config: &str) -> Repo {
    crate::support::configured_with_a_feature(|_| config.to_owned())
}

/// A fix committed through the hooks.
fn fix(repo: &Repo, message: &str) {
    repo.commit_hooked(message);
}

/// The `(from → to)` of `relhook release`'s "releasing" line and of its dry-run plan.
fn transitions(repo: &Repo, args: &[&str]) -> (String, String) {
    let mut dry = vec!["--dry-run"];
    dry.extend_from_slice(args);
    let plan = dated_release(repo, &dry);
    assert_eq!(plan.status.code(), Some(0), "{}", text(&plan));
    let planned = stdout(&plan).lines().next().unwrap_or("").to_owned();
    let out = dated_release(repo, args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stderr(&out)
        .lines()
        .find(|l| l.starts_with("relhook: releasing"))
        .unwrap_or("")
        .to_owned();
    (planned, said)
}

#[test]
fn an_explicit_version_after_a_release_moves_from_that_release() {
    let repo = with_a_feature("");
    assert_eq!(dated_release(&repo, &["1.0.0"]).status.code(), Some(0));
    fix(&repo, "fix: two");
    let (planned, said) = transitions(&repo, &["1.0.1"]);
    assert!(planned.contains("(1.0.0 → 1.0.1,"), "{planned}");
    assert_eq!(said, "relhook: releasing v1.0.1 (1.0.0 → 1.0.1)");
    fix(&repo, "fix: three");
    let (planned, said) = transitions(&repo, &["1.0.2-rc.1"]);
    assert!(planned.contains("(1.0.1 → 1.0.2-rc.1,"), "{planned}");
    assert_eq!(said, "relhook: releasing v1.0.2-rc.1 (1.0.1 → 1.0.2-rc.1)");
}

#[test]
fn an_explicit_version_after_an_unprefixed_release_moves_from_it() {
    let repo = with_a_feature("[version]\ntag_prefix = \"\"\n");
    assert_eq!(dated_release(&repo, &["1.0.0"]).status.code(), Some(0));
    fix(&repo, "fix: two");
    let (planned, said) = transitions(&repo, &["1.0.1"]);
    assert!(planned.contains("(1.0.0 → 1.0.1,"), "{planned}");
    assert_eq!(said, "relhook: releasing 1.0.1 (1.0.0 → 1.0.1)");
}

/// Before any release tag and with no version file, `version.initial` was never released: a
/// first release to another version does not move "from" it (what a `git tag v1.0.0` the
/// hook refused leaves behind looked like `0.1.0 → 1.0.1`).
#[test]
fn a_first_release_to_another_version_moves_from_no_release() {
    let repo = with_a_feature("");
    let (planned, said) = transitions(&repo, &["1.0.1"]);
    assert!(!planned.contains("0.1.0"), "{planned}");
    assert!(planned.contains("(first release;"), "{planned}");
    assert!(!said.contains("0.1.0"), "{said}");
    assert!(
        said.starts_with("relhook: releasing v1.0.1 (first release"),
        "{said}"
    );
}

#[test]
fn a_first_pre_release_moves_from_no_release() {
    let repo = with_a_feature("");
    let (planned, said) = transitions(&repo, &["--pre", "rc"]);
    assert!(
        planned.starts_with("release v0.1.0-rc.1 (first release;"),
        "{planned}"
    );
    assert!(
        said.starts_with("relhook: releasing v0.1.0-rc.1 (first release"),
        "{said}"
    );
}

/// A version file says the version before the first tag: the release bumps it from there.
#[test]
fn a_first_release_above_a_version_file_moves_from_the_file() {
    let repo = with_a_feature("");
    repo.write(
        "package.json",
        "{\"name\": \"x\", \"version\": \"0.3.0\"}\n",
    );
    repo.git(&["add", "package.json"]);
    repo.git(&["commit", "-q", "-m", "chore: package"]);
    let (planned, said) = transitions(&repo, &["1.0.0"]);
    assert!(planned.contains("(0.3.0 → 1.0.0,"), "{planned}");
    assert_eq!(said, "relhook: releasing v1.0.0 (0.3.0 → 1.0.0)");
}

/// relhook's own release commits (`chore(release): 1.0.0`) are no scope a person uses: the
/// scopes `relhook commit` offers leave them out, whatever `release.commit_message` makes.
#[test]
fn commit_offers_no_scope_from_release_commits() {
    for (config, release) in [
        ("", "chore(release): 1.0.0"),
        (
            "[release]\ncommit_message = \"build(ship): {version}\"\n",
            "build(ship): 2.0.0",
        ),
    ] {
        let repo = Repo::new();
        repo.write(".relconfig.toml", config);
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "chore: init"]);
        repo.commit("feat(api): first");
        repo.commit(release);
        repo.commit(release);
        repo.commit("fix(ui): second");
        let mut pty = crate::commit::Pty::spawn(&repo, &["commit"]);
        let mut at = 0;
        pty.expect("type (number or name): ", &mut at);
        pty.send("1\n");
        let start = at;
        pty.expect("scope (empty for none): ", &mut at);
        let offered = pty.screen()[start..at].to_owned();
        pty.stop();
        assert!(offered.contains(") api"), "{offered}");
        assert!(offered.contains(") ui"), "{offered}");
        let own = if config.is_empty() { "release" } else { "ship" };
        assert!(!offered.contains(own), "{offered}");
    }
}
