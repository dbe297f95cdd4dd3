//! Found by the sixth QA pass (the sync and hand-tag shortcuts): what a sync gives the
//! commits that never met the hook, and the hand tag's refusals that must come before the tag
//! exists, each with a fix that works.

use crate::support::{
    Repo, dated_release, hand_tag as tag, hand_tag_refused, installed_repo, ok, stderr, stdout,
    text,
};

/// A commit of a new file with the hooks off (`RELHOOK_SKIP=1`): it never meets the hook.
fn commit_unhooked(repo: &Repo, file: &str, message: &str) {
    repo.write(file, "x\n");
    repo.git(&["add", file]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", message]));
}

/// The Unreleased section of a changelog text (up to the next `## ` heading).
fn unreleased(log: &str) -> String {
    let start = log.find("## [Unreleased]").expect("an Unreleased section");
    let rest = &log[start + 3..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    rest[..end].to_owned()
}

/// F1: a commit that never met the hook got no entry from a sync (nor from the release or the
/// hand tag's release commit) when an older, released section had an entry of the same
/// wording; post-commit and `--rebuild` give it one. A `fix: typo` again is another fix.
#[test]
fn sync_adds_an_unhooked_commit_whose_words_an_older_release_has() {
    let repo = installed_repo();
    repo.commit_hooked("fix: typo");
    ok(tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    commit_unhooked(&repo, "again.txt", "fix: typo");
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert!(
        unreleased(&stdout(&out)).contains("### Fixed\n\n- typo\n"),
        "{}",
        text(&out)
    );
    // The hand tag's release commit syncs the same way: the release lists the fix once.
    ok(tag(&repo, &["-a", "v0.2.0", "-m", "second"]));
    let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    assert!(
        log.contains("## [0.2.0] - 2026-11-21\n\n### Fixed\n\n- typo\n\n## [0.1.0]"),
        "{log}"
    );
}

/// What F1's fix must keep: an entry deleted or reworded by hand in Unreleased is not added
/// back, two commits of one wording get one entry, and a release commit whose tag is still to
/// come (an interrupted release) accounts for the entries it moved into its section.
#[test]
fn sync_still_keeps_hand_edits_and_untagged_release_sections() {
    let repo = installed_repo();
    repo.commit_hooked("fix: typo");
    ok(tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    commit_unhooked(&repo, "a.txt", "fix: typo");
    commit_unhooked(&repo, "b.txt", "fix: typo");
    commit_unhooked(&repo, "c.txt", "feat: gone by hand");
    commit_unhooked(&repo, "d.txt", "feat: said badly");
    ok(repo.relhook(&["changelog", "--sync"]));
    repo.git(&["commit", "-q", "-am", "docs: sync the changelog"]);
    let log = repo.read("CHANGELOG.md");
    assert_eq!(unreleased(&log).matches("- typo\n").count(), 1, "{log}");
    let edited = log
        .replace("- gone by hand\n", "")
        .replace("- said badly\n", "- said well\n");
    repo.write("CHANGELOG.md", &edited);
    repo.git(&["commit", "-q", "-am", "docs: edit the entries"]);
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert_eq!(
        stdout(&out),
        repo.read("CHANGELOG.md"),
        "nothing added back"
    );
    // A release commit whose tag is not made yet: its section holds the range's entries.
    repo.relhook_killed_at("release-committed", &["release", "--no-test"]);
    let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    let now = stdout(&out);
    assert!(
        unreleased(&now).trim_end() == "[Unreleased]",
        "nothing re-added:\n{now}"
    );
}

/// F4: a `[version] files` entry that does not exist. The hand tag was accepted, then removed
/// once git had made it (git exited 0), with advice (`relhook release 0.2.0`) that failed the
/// same way; doctor said all is well. Now the tag is refused before it exists, release and its
/// dry run refuse with the same fix, doctor names it, and following the fix releases.
#[test]
fn a_listed_version_file_that_does_not_exist_is_refused_before_the_tag() {
    let repo = installed_repo();
    ok(tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    repo.write(
        ".relconfig.toml",
        "[version]\nfiles = [{ path = \"nothere.txt\", pattern = \"v{version}\" }]\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("feat: one");
    let fix = "create nothere.txt or remove it from `[version] files` in .relconfig.toml";
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(err.contains(fix), "{err}");
    assert_eq!(err.lines().count(), 3, "one line, the bypass, git's: {err}");
    for args in [
        vec!["0.2.0", "--no-test", "--dry-run"],
        vec!["0.2.0", "--no-test"],
    ] {
        let out = dated_release(&repo, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(stderr(&out).contains(fix), "{args:?}: {}", text(&out));
    }
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report = stdout(&out);
    assert!(
        report.contains("INVALID  version files: nothere.txt") && report.contains(fix),
        "{report}"
    );
    // Following the fix releases.
    repo.write("nothere.txt", "v0.1.0\n");
    repo.git(&["add", "nothere.txt"]);
    repo.git(&["commit", "-q", "-m", "chore: the version file"]);
    ok(tag(&repo, &["-a", "v0.2.0", "-m", "second"]));
    assert_eq!(repo.git(&["show", "v0.2.0:nothere.txt"]), "v0.2.0");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// A repository released once, with `link` a symbolic link to `target` (written with
/// `contents`) committed with the hooks off, and a feature since: Unreleased has an entry, so
/// the hand tag's `prepared` takes its shortcut that reads no history.
#[cfg(unix)]
fn linked(files: &[(&str, &str)], link: &str, target: &str) -> Repo {
    let repo = installed_repo();
    ok(tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    for (path, contents) in files {
        repo.write(path, contents);
    }
    std::os::unix::fs::symlink(target, repo.path().join(link)).unwrap();
    repo.git(&["add", "-A"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: the manifest"]));
    repo.commit_hooked("feat: one");
    repo
}

const CARGO_TOML: &str = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

/// F2 and F5: a manifest that detection finds (Cargo.toml, package.json) being a symbolic
/// link was refused only once the tag existed (git exited 0), with "point the configuration at
/// the file the link names", which does not work: detection goes on finding the link. Now the
/// tag is refused before it exists, naming the target and the settings that work; the dry run
/// says the same; following it releases, bumping the target and keeping the link.
#[cfg(unix)]
#[test]
fn a_detected_manifest_that_is_a_link_is_refused_before_the_tag_with_settings_that_work() {
    let package = "{\n  \"name\": \"demo\",\n  \"version\": \"0.1.0\"\n}\n";
    let repo = linked(
        &[("real/package.json", package)],
        "package.json",
        "real/package.json",
    );
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        err.contains("symbolic link to `real/package.json`")
            && err.contains(
                "`[version] detect = false` and `files = [{ path = \"real/package.json\", key = \"version\" }]`"
            ),
        "{err}"
    );
    let repo = linked(
        &[("real/Cargo.toml", CARGO_TOML)],
        "Cargo.toml",
        "real/Cargo.toml",
    );
    let settings = "[version]\ndetect = false\nfiles = [{ path = \"real/Cargo.toml\", key = \"package.version\" }]\n";
    let fix = "set `[version] detect = false` and `files = [{ path = \"real/Cargo.toml\", key = \"package.version\" }]` in .relconfig.toml";
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(err.contains("symbolic link to `real/Cargo.toml`"), "{err}");
    assert!(err.contains(fix), "{err}");
    assert!(!err.contains("the file the link names"), "{err}");
    let out = dated_release(&repo, &["0.2.0", "--no-test", "--dry-run"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stderr(&out).contains(fix), "{}", text(&out));
    repo.write(".relconfig.toml", settings);
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: the real manifest"]);
    ok(tag(&repo, &["-a", "v0.2.0", "-m", "second"]));
    assert!(
        repo.git(&["show", "v0.2.0:real/Cargo.toml"])
            .contains("version = \"0.2.0\"")
    );
    assert!(
        repo.git(&["ls-tree", "v0.2.0", "Cargo.toml"])
            .starts_with("120000 ")
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// A release refused for a detected manifest that is a symbolic link is a refusal like every
/// other (exit 1, JSON `reason` `version-file`), not a breakdown (exit 2), with its message.
#[cfg(unix)]
#[test]
fn a_release_refused_for_a_linked_manifest_exits_1() {
    let repo = linked(
        &[("real/Cargo.toml", CARGO_TOML)],
        "Cargo.toml",
        "real/Cargo.toml",
    );
    for args in [&["--no-test", "--dry-run"][..], &["--no-test"]] {
        let out = dated_release(&repo, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(
            stderr(&out).contains(
                "Cargo.toml: it is a symbolic link to `real/Cargo.toml`, and relhook writes no file through a link; version-file detection found it"
            ),
            "{args:?}: {}",
            text(&out)
        );
    }
    let out = dated_release(&repo, &["--no-test", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains("\"reason\": \"version-file\""),
        "{}",
        text(&out)
    );
}

/// F5: a symbolic link as Cargo.lock (which no setting names) was refused with "point the
/// configuration at the file the link names". Now refused before the tag with the target and
/// the fix that works: a copy in the link's place.
#[cfg(unix)]
#[test]
fn a_linked_cargo_lock_is_refused_with_the_copy_that_fixes_it() {
    let lock = "version = 3\n\n[[package]]\nname = \"demo\"\nversion = \"0.1.0\"\n";
    let repo = linked(
        &[("Cargo.toml", CARGO_TOML), ("real/Cargo.lock", lock)],
        "Cargo.lock",
        "real/Cargo.lock",
    );
    let top = "\"$(git rev-parse --show-toplevel)\"";
    let copy = format!(
        "rm {top}/Cargo.lock && cp {top}/real/Cargo.lock {top}/Cargo.lock && git commit -m \"build: copy Cargo.lock in place of its link\" -- :/Cargo.lock"
    );
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(err.contains("symbolic link to `real/Cargo.lock`"), "{err}");
    assert!(err.contains(&format!("(`{copy}`)")), "{err}");
    ok(repo.sh(&copy));
    ok(tag(&repo, &["-a", "v0.2.0", "-m", "second"]));
    assert!(
        repo.git(&["show", "v0.2.0:Cargo.lock"])
            .contains("version = \"0.2.0\"")
    );
}

/// The QA 6 verdict: a change whose revert was committed with the hooks off leaves its entry
/// in Unreleased. The tag was caught only once it existed (removed again), and the message
/// said "write what this release changes" beside the stale `- keep me`. With a revert since
/// the last release, `prepared` now makes the section as the release would, so the tag is
/// refused before it exists, naming the entry and `relhook changelog --sync`, which takes it
/// out; then the next feature releases without the reverted change.
#[test]
fn a_hand_tag_after_a_hooks_off_revert_names_the_sync_that_drops_the_stale_entry() {
    let repo = installed_repo();
    ok(tag(&repo, &["-a", "v0.1.0", "-m", "first"]));
    repo.write("keep.txt", "x\n");
    repo.git(&["add", "keep.txt"]);
    repo.git(&["commit", "-q", "-m", "feat: keep me"]);
    assert!(unreleased(&repo.read("CHANGELOG.md")).contains("- keep me\n"));
    let id = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["rm", "-q", "keep.txt"]);
    let message = format!("Revert \"feat: keep me\"\n\nThis reverts commit {id}.");
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", &message]));
    let err = hand_tag_refused(&repo, "v0.2.0");
    assert!(!err.contains("was removed"), "{err}");
    assert!(err.contains("(`- keep me`)"), "{err}");
    assert!(
        err.contains("`relhook changelog --sync` takes the reverted entries out"),
        "{err}"
    );
    assert!(!err.contains("write what this release changes"), "{err}");
    // The advice works: the entry goes, and the empty release is refused before the tag.
    ok(repo.relhook(&["changelog", "--sync"]));
    repo.git(&["commit", "-q", "-am", "docs: drop the reverted entry"]);
    assert!(!repo.read("CHANGELOG.md").contains("keep me"));
    assert!(hand_tag_refused(&repo, "v0.2.0").contains("nothing for the changelog"));
    repo.commit_hooked("feat: kept");
    ok(tag(&repo, &["-a", "v0.2.0", "-m", "second"]));
    let log = repo.git(&["show", "v0.2.0:CHANGELOG.md"]);
    assert!(
        log.contains("## [0.2.0] - 2026-11-21\n\n### Added\n\n- kept\n\n## [0.1.0]"),
        "{log}"
    );
}
