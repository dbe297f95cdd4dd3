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
        // Nothing is staged: `--allow-empty` gets the questions asked.
        let mut pty = crate::commit::Pty::spawn(&repo, &["commit", "--allow-empty"]);
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

/// A commit whose message file holds `bytes`, through the hooks, in a repository whose
/// `i18n.commitEncoding` is `encoding`.
fn commit_encoded(encoding: &str, bytes: &[u8]) -> (Repo, std::process::Output) {
    let repo = crate::support::installed_repo();
    repo.git(&["config", "i18n.commitEncoding", encoding]);
    repo.write("two.txt", "2\n");
    repo.git(&["add", "two.txt"]);
    let file = repo.scratch("msg").join("message");
    std::fs::write(&file, bytes).unwrap();
    let out = repo.git_output(&["commit", "-q", "-F", file.to_str().unwrap()]);
    (repo, out)
}

/// `i18n.commitEncoding = ISO-8859-1` (older projects): the message file is Latin-1, which
/// commit-msg decodes as git will label it, post-commit's entry is `café` in the UTF-8
/// changelog, and `relhook check` reads the stored commit the same way.
#[test]
fn a_latin1_message_is_linted_and_entered_decoded() {
    let (repo, out) = commit_encoded("ISO-8859-1", b"feat: caf\xe9\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.git(&["log", "-1", "--encoding=UTF-8", "--format=%s"]),
        "feat: café"
    );
    // post-commit's amend keeps git's label on the bytes.
    assert_eq!(repo.git(&["log", "-1", "--format=%e"]), "ISO-8859-1");
    let changelog = repo.read("CHANGELOG.md");
    assert!(changelog.contains("- café\n"), "{changelog}");
    let check = repo.relhook(&["check", "HEAD~1..HEAD"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    // The Latin-1 header is still linted: a wrong type is refused as such, not as bytes.
    repo.write("three.txt", "3\n");
    repo.git(&["add", "three.txt"]);
    let file = repo.scratch("msg").join("bad");
    std::fs::write(&file, b"feature: caf\xe9\n").unwrap();
    let bad = repo.git_output(&["commit", "-q", "-F", file.to_str().unwrap()]);
    assert_ne!(bad.status.code(), Some(0), "{}", text(&bad));
    let err = stderr(&bad);
    assert!(err.contains("type-enum"), "{err}");
    assert!(!err.contains("UTF-8"), "{err}");
    assert!(err.contains("feature: café"), "{err}");
}

/// An encoding relhook cannot decode is said to be one, in a line naming it.
#[test]
fn a_message_in_an_encoding_relhook_cannot_read_is_said_so() {
    let (repo, out) = commit_encoded("Shift_JIS", b"feat: \x83\x65\x83\x58\x83\x67\n");
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("Shift_JIS"))
        .unwrap_or_else(|| panic!("no line names Shift_JIS:\n{err}"));
    assert!(line.contains("cannot"), "{line}");
    assert!(!err.contains("not valid UTF-8"), "{err}");
    assert_eq!(
        repo.git(&["rev-list", "--count", "HEAD"]),
        "1",
        "nothing committed"
    );
}

/// `### Version 1.2.3` heads 1.2.3's section for `relhook notes`, and for the changelog keeper
/// too: post-commit's entry goes above it, and the next release's notes leave it out (read as
/// a part of Unreleased, it was released again with the next version).
#[test]
fn a_version_heading_after_a_word_at_level_3_is_that_release_for_every_reader() {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n### Version 1.2.3 (2024-05-01)\n\n- old thing\n\n### Version 1.2.2\n\n#### Fixed\n\n- older\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.2.3", "-m", "v1.2.3"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let notes = repo.relhook(&["notes", "v1.2.3"]);
    assert_eq!(notes.status.code(), Some(0), "{}", text(&notes));
    assert_eq!(stdout(&notes), "- old thing\n");
    repo.commit_hooked("feat: new thing");
    let changelog = repo.read("CHANGELOG.md");
    assert!(
        changelog.contains("## [Unreleased]\n\n### Added\n\n- new thing\n\n### Version 1.2.3"),
        "{changelog}"
    );
    let plan = dated_release(&repo, &["--dry-run"]);
    assert_eq!(plan.status.code(), Some(0), "{}", text(&plan));
    let said = stdout(&plan);
    assert!(said.starts_with("release v1.3.0 "), "{said}");
    assert!(said.contains("- new thing"), "{said}");
    assert!(
        !said.contains("old thing") && !said.contains("older"),
        "{said}"
    );
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let notes = repo.relhook(&["notes", "v1.3.0"]);
    assert_eq!(
        stdout(&notes),
        "### Added\n\n- new thing\n",
        "{}",
        text(&notes)
    );
    let notes = repo.relhook(&["notes", "v1.2.3"]);
    assert_eq!(stdout(&notes), "- old thing\n", "{}", text(&notes));
}
