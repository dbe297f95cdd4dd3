//! QA49: hostile input in small places, each answered in its own words: a changelog line's
//! own line ending, a configured path or version file key that names nothing, a tag with a
//! character SemVer does not allow.

use crate::support::{
    Repo, dated_release, hand_tag_refused, installed_repo, ok, stderr, text, untested_installed,
};

const LOG: &str =
    "# Changelog\n\n## [Unreleased]\r\n\n### Added\n\n- keep\n\n## [0.0.1] - 2020-01-01\n\n- x\n";

/// Installed, CHANGELOG.md as `log` committed and released as v0.0.1 by hand.
fn released_once(log: &str) -> Repo {
    let repo = untested_installed();
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "-A"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: start"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_skipping_relhook(&["tag", "-a", "v0.0.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

/// The changelog, its CRs written `\r` so that a failed assertion shows them.
fn bytes(repo: &Repo) -> String {
    repo.read("CHANGELOG.md").replace('\r', "\\r")
}

/// A `## [Unreleased]\r\n` line in an LF file lost its CR to the release's new heading (the
/// heading was written into that line): the line keeps its bytes, new lines are LF.
#[test]
fn the_unreleased_lines_own_cr_stays_on_it_through_post_commit_and_the_release() {
    let repo = released_once(LOG);
    repo.commit_hooked("fix: bug");
    let after = bytes(&repo);
    let entry = "## [Unreleased]\\r\n\n### Added\n\n- keep\n\n### Fixed\n\n- bug\n\n## [0.0.1]";
    assert!(after.contains(entry), "{after}");
    ok(dated_release(&repo, &["--no-test"]));
    let after = bytes(&repo);
    assert!(
        after.starts_with(
            "# Changelog\n\n## [Unreleased]\\r\n\n## [0.0.2] - 2026-11-21\n\n### Added\n\n- keep\n"
        ),
        "{after}"
    );
    assert_eq!(after.matches("\\r").count(), 1, "{after}");
}

#[test]
fn sync_keeps_the_unreleased_lines_own_cr() {
    let repo = released_once(LOG);
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: bug"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["changelog", "--sync"]));
    let after = bytes(&repo);
    assert!(
        after.contains("## [Unreleased]\\r\n\n### Added\n\n- keep\n\n### Fixed\n\n- bug\n\n##"),
        "{after}"
    );
    assert_eq!(after.matches("\\r").count(), 1, "{after}");
}

#[test]
fn a_crlf_changelog_stays_crlf_through_the_release() {
    let repo = released_once(&LOG.replace("\r\n", "\n").replace('\n', "\r\n"));
    repo.commit_hooked("fix: bug");
    ok(dated_release(&repo, &["--no-test"]));
    let after = repo.read("CHANGELOG.md");
    assert!(after.contains("## [0.0.2] - 2026-11-21\r\n"), "{after:?}");
    assert!(!after.replace("\r\n", "").contains('\n'), "{after:?}");
}

/// `relhook doctor` and `release --dry-run` on a committed `.relconfig.toml` of `config`.
fn refusals(config: &str) -> Vec<String> {
    let repo = untested_installed();
    repo.write(".relconfig.toml", config);
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.1.0\"\n",
    );
    repo.git(&["add", "-A"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: a"]);
    assert!(out.status.success(), "{}", text(&out));
    let mut said = vec![];
    for (args, code) in [(&["doctor"][..], 1), (&["release", "--dry-run"], 2)] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", text(&out));
        said.push(text(&out));
    }
    said
}

/// `"CHANGELOG.md\r"` was said to have "a space at its start or end".
#[test]
fn a_changelog_path_with_a_carriage_return_is_named_so() {
    for said in refusals("[changelog]\npath = \"CHANGELOG.md\\r\"\n") {
        assert!(
            said.contains(".relconfig.toml:2:8")
                && said.contains(
                    "`changelog.path`: `CHANGELOG.md\\r` has a control character (a carriage return) at its start or end; write `CHANGELOG.md`"
                )
                && !said.contains("space"),
            "{said}"
        );
    }
}

/// `key = ""` was refused only by the release ("TOML key `` not found").
#[test]
fn an_empty_version_file_key_is_refused_at_its_line() {
    let config = "[version]\nfiles = [{ path = \"Cargo.toml\", key = \"\" }]\n";
    for said in refusals(config) {
        assert!(
            said.contains(".relconfig.toml:2:10")
                && said.contains("`Cargo.toml` has an empty `key`")
                && said.contains("(e.g. `key = \"package.version\"`)"),
            "{said}"
        );
    }
    let config = "[version]\nfiles = [{ path = \"Cargo.toml\", key = \"package.version|\" }]\n";
    for said in refusals(config) {
        assert!(
            said.contains(".relconfig.toml:2:10")
                && said.contains("has an empty alternative; write `key = \"package.version\"`"),
            "{said}"
        );
    }
}

/// `v1.0.0-é` and `v1.0.0-$(id)` were refused for an "empty identifier segment".
#[test]
fn a_tag_with_a_character_semver_does_not_allow_names_it() {
    let repo = installed_repo();
    for (tag, bad) in [("v1.0.0-é", "`é`"), ("v1.0.0-$(id)", "`$`")] {
        let err = hand_tag_refused(&repo, tag);
        assert!(
            err.contains(&format!(
                "({bad} is not allowed in a pre-release: its identifiers are [0-9A-Za-z-] separated by dots)"
            )) && !err.contains("empty identifier"),
            "{err}"
        );
    }
    let out = repo.relhook(&["release", "1.0.0-é", "--dry-run"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("`é` is not allowed"),
        "{}",
        text(&out)
    );
}
