//! QA round 25: a configuration or setup relhook refuses to release under must be refused
//! alike by every way of asking: `relhook version`, a hand tag (`git tag -a`), and the release.
//!
//! A Cargo workspace whose crates share one version and are released under the repository's
//! own tags (`v1.4.0`), configured with a `[packages.*]` table per crate (what `relhook init`
//! proposed before); and a hand tag under `commit.gpgSign` with a key that cannot sign.

use std::path::PathBuf;

use crate::support::{Repo, Signer, hand_tag, make_executable, stderr, stdout, text};

/// Two crates at 1.4.0, released as one project (`v1.4.0`), configured as two packages whose
/// own tags (`app-v…`, `core-v…`) do not exist; relhook installed, one fix since.
fn packages_over_root_tags() -> Repo {
    let repo = crate::qa23_history::one_version_released(&["v1.4.0"]);
    repo.write(
        ".relconfig.toml",
        "[packages.app]\npath = \"app\"\n\n[packages.core]\npath = \"core\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("core/src/lib.rs", "pub fn f() {}\n// x\n");
    repo.git(&["commit", "-q", "-am", "fix(core): one fix after 1.4.0"]);
    repo
}

/// `relhook version --all --next` does not call a release of 1.4.0 again a first release: it
/// says what `relhook release --all` and doctor say, and exits as the release does.
#[test]
fn version_all_next_says_the_root_tag_released_it_not_first_release() {
    let repo = packages_over_root_tags();
    let release = repo.relhook(&["release", "--all", "--dry-run", "--no-test"]);
    assert_eq!(release.status.code(), Some(1), "{}", text(&release));
    for args in [
        &["version", "--all", "--next"][..],
        &["version", "--all", "--next", "--explain"][..],
        &["version", "--all", "--format", "json"][..],
        &["version", "--package", "core", "--next"][..],
    ] {
        let out = repo.relhook(args);
        let said = text(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {said}");
        assert!(!stdout(&out).contains("(first release"), "{args:?}: {said}");
        assert!(
            stderr(&out).contains("v1.4.0, the repository's own"),
            "{args:?}: {said}"
        );
        assert!(
            stderr(&out).contains("out of .relconfig.toml and list "),
            "{args:?}: {said}"
        );
    }
    // The current versions are still told: nothing is released by asking them.
    let out = repo.relhook(&["version", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(stdout(&out), "app 1.4.0\ncore 1.4.0\n");
}

/// A hand tag of such a package, of the version its files hold or the next one, is refused
/// before git writes it, in one line with the fix `relhook release` gives.
#[test]
fn a_hand_tag_of_a_package_the_root_tag_released_is_refused() {
    let repo = packages_over_root_tags();
    let release = repo.relhook(&["release", "--package", "core", "--no-test"]);
    assert_eq!(release.status.code(), Some(1), "{}", text(&release));
    let fix =
        "take [packages.core] out of .relconfig.toml and list core/Cargo.toml in `[version] files`";
    assert!(stderr(&release).contains(fix), "{}", text(&release));
    let fix = "out of .relconfig.toml and list ";
    for tag in ["core-v1.4.0", "core-v1.4.1", "app-v1.4.0"] {
        let head = repo.git(&["rev-parse", "HEAD"]);
        let out = hand_tag(&repo, &["-a", tag, "-m", tag]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(128), "{tag}: {}", text(&out));
        assert_eq!(repo.git(&["tag", "-l", tag]), "", "{tag}: no tag was made");
        assert_eq!(
            repo.git(&["rev-parse", "HEAD"]),
            head,
            "{tag}: no release commit"
        );
        let refusals: Vec<&str> = err
            .lines()
            .filter(|l| l.starts_with(&format!("relhook: refusing tag {tag}")))
            .collect();
        assert_eq!(refusals.len(), 1, "{tag}: one line:\n{err}");
        assert!(
            refusals[0].contains("v1.4.0, the repository's own"),
            "{tag}: {err}"
        );
        assert!(refusals[0].contains(fix), "{tag}: {err}");
    }
}

/// A stand-in gpg that cannot sign (no secret key), as gpg says it.
fn gpg_that_cannot_sign(repo: &Repo) -> PathBuf {
    let dir = repo.scratch("fake-gpg");
    std::fs::create_dir_all(&dir).unwrap();
    let gpg = dir.join("gpg");
    std::fs::write(
        &gpg,
        "#!/bin/sh\ncat >/dev/null\necho 'gpg: signing failed: No secret key' >&2\nexit 2\n",
    )
    .unwrap();
    make_executable(&gpg);
    gpg
}

/// relhook installed, a feature to release, and git set to sign commits with a key it has not.
fn signing_repo() -> Repo {
    let repo = crate::support::configured_with_a_feature(|_| String::new());
    let gpg = gpg_that_cannot_sign(&repo);
    repo.git(&["config", "gpg.program", gpg.to_str().unwrap()]);
    repo.git(&["config", "commit.gpgSign", "true"]);
    repo
}

/// A hand tag whose release commit git cannot sign (`commit.gpgSign`, a key gpg has not) is
/// refused before git writes it, naming the signing problem and its fix, not
/// `relhook release`, which refuses the same way.
#[test]
fn a_hand_tag_whose_release_commit_cannot_be_signed_names_the_signing_fix() {
    let repo = signing_repo();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    let err = stderr(&out);
    assert_eq!(
        repo.git(&["tag", "-l", "v0.1.0"]),
        "",
        "no tag is left: {err}"
    );
    assert_eq!(
        repo.git(&["rev-parse", "HEAD"]),
        head,
        "no release commit: {err}"
    );
    assert_eq!(
        out.status.code(),
        Some(128),
        "refused before git wrote it: {err}"
    );
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("relhook: refusing tag v0.1.0"))
        .collect();
    assert_eq!(lines.len(), 1, "one line:\n{err}");
    let line = lines[0];
    assert!(line.contains("`commit.gpgSign`"), "{line}");
    assert!(line.contains("No secret key"), "{line}");
    assert!(line.contains("`git config user.signingkey"), "{line}");
    assert!(
        !line.contains("`relhook release"),
        "a fix that refuses alike: {line}"
    );
    // The other way it names: an unsigned release commit, which relhook then makes.
    assert!(
        line.contains("`git -c commit.gpgSign=false tag -a v0.1.0"),
        "{line}"
    );
    let out = crate::qa17::hand_tag_unsigned(&repo, "v0.1.0", "v0.1.0");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("v0.1.0 now points at release commit"),
        "{}",
        text(&out)
    );
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [0.1.0] - 2026-11-21")
    );
}

/// A key that signs the check `prepared` makes, then stops (a smartcard pulled out): the
/// release commit cannot be signed, the tag git wrote is withdrawn, and the line says so with
/// the signing problem, not `relhook release`, which cannot sign either.
#[test]
fn a_hand_tag_whose_signing_stops_after_the_check_is_withdrawn_with_the_signing_fix() {
    let repo = crate::support::configured_with_a_feature(|_| String::new());
    let signer = Signer::failing_after(&repo, 1);
    signer.configure(&repo);
    repo.git(&["config", "commit.gpgSign", "true"]);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    let err = stderr(&out);
    assert_eq!(repo.git(&["tag", "-l", "v0.1.0"]), "", "withdrawn: {err}");
    assert_eq!(
        repo.git(&["rev-parse", "HEAD"]),
        head,
        "no release commit: {err}"
    );
    let line = err
        .lines()
        .find(|l| l.starts_with("relhook: tag v0.1.0 was removed"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains("`commit.gpgSign`"), "{line}");
    assert!(line.contains("Card removed"), "{line}");
    assert!(
        !line.contains("`relhook release"),
        "a fix that fails alike: {line}"
    );
    assert!(
        line.contains("`git -c commit.gpgSign=false tag -a v0.1.0"),
        "{line}"
    );
}

/// `git tag -a v0.1.0` ended (Ctrl-C, a kill) after git wrote the tag and before relhook's
/// `committed` run made its release commit: played by killing the whole `git tag` at the
/// start of that run, which leaves what git leaves (the tag on HEAD, the hook's note of it).
fn tag_interrupted_before_its_release_commit(repo: &Repo) {
    repo.git_killed_at(
        "hand-started",
        &["tag", "-a", "v0.1.0", "-m", "v0.1.0"],
        &[("RELHOOK_DATE", "2026-11-21")],
    );
    assert_eq!(
        repo.git(&["tag", "-l", "v0.1.0"]),
        "v0.1.0",
        "git wrote the tag"
    );
}

/// After such a tag, the next hand tag is not refused as if v0.1.0 were released ("nothing
/// was committed since"): it names the unfinished tag and `relhook release --resume`, which
/// then finishes it.
#[test]
fn the_next_hand_tag_names_an_interrupted_one_and_the_resume() {
    let repo = crate::support::configured_with_a_feature(|_| String::new());
    tag_interrupted_before_its_release_commit(&repo);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "v0.2.0"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v0.2.0"]), "", "{err}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{err}");
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("relhook: refusing tag v0.2.0"))
        .collect();
    assert_eq!(lines.len(), 1, "one line:\n{err}");
    assert!(lines[0].contains("tag v0.1.0 is on HEAD"), "{err}");
    assert!(lines[0].contains("`relhook release --resume`"), "{err}");
    assert!(!lines[0].contains("already release v0.1.0's"), "{err}");
    // The command it names finishes v0.1.0.
    let out = crate::support::dated_release(&repo, &["--resume", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [0.1.0] - 2026-11-21")
    );
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}
