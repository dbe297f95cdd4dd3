//! QA253: what QA250 left of the advice on a channel's branch (`[release] channels`). Pre-push's
//! way to make a monorepo release commit again over the remote's commits (several package
//! tags on it) named `relhook release --package a 2.0.0` for a stable release made on purpose,
//! which the branch refuses, or a release of the channel's pre-releases in its place; the
//! missing-section line of a tag pushed from a branch with no channel named plain `relhook
//! release`, worked out there and not on the channel's branch that judges the tag; and a
//! package's refused stable release named `relhook release --package a` after another line's
//! pre-release (`a-v2.0.0-rc.1` on `beta`), which is refused in turn.

use crate::qa224_release_channels::CONFIG;
use crate::qa243_channel_advice_accepted::{each_release_taken, rc_on_beta_pushed};
use crate::support::{Repo, dated_release, ok, stderr, text};

/// Packages `a` and `b` released (`b` requiring `a` where `dependent`), pushed to `origin`
/// with `beta`, where a breaking change of `a` and a fix of `b` are.
fn packages_on_beta_pushed(dependent: bool) -> Repo {
    let repo = Repo::new();
    let needs = if dependent {
        r#","dependencies":{"a":"^1.0.0"}"#
    } else {
        ""
    };
    repo.write("p/a/package.json", r#"{"name":"a","version":"1.0.0"}"#);
    repo.write(
        "p/b/package.json",
        format!(r#"{{"name":"b","version":"1.0.0"{needs}}}"#),
    );
    repo.write(
        ".relconfig.toml",
        format!("{CONFIG}\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["release", "--all", "--no-test"]));
    repo.git(&["switch", "-q", "-c", "beta"]);
    repo.write("p/a/x.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: new api");
    repo.write("p/b/y.txt", "y\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(b): y");
    repo.with_origin();
    let tags = ["a-v1.0.0", "b-v1.0.0"];
    ok(repo.git_output(&[&["push", "-q", "origin", "main", "beta"][..], &tags].concat()));
    repo
}

/// Another clone moves `origin`'s beta on; the release of `args` is made here, and its push
/// refused: the way named that drops the release commit and makes the release again.
fn made_again_over_the_remote(repo: &Repo, args: &[&str]) -> (String, String) {
    let other = repo.dir.path().join("other");
    let origin = repo.dir.path().join("origin.git");
    let (o, p) = (origin.to_str().unwrap(), other.to_str().unwrap());
    ok(repo.git_in(repo.dir.path(), &["clone", "-q", "-b", "beta", o, p], &[]));
    let skip = [("RELHOOK_SKIP", "1")];
    ok(repo.git_in(
        &other,
        &["commit", "-q", "--allow-empty", "-m", "fix: there"],
        &skip,
    ));
    ok(repo.git_in(&other, &["push", "-q", "origin", "beta"], &skip));
    ok(dated_release(repo, args));
    ok(repo.git_output(&["fetch", "-q", "origin"]));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "beta"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    let fix = (said.lines())
        .find(|l| l.contains("fix:"))
        .unwrap_or_else(|| panic!("{said}"));
    let redo = (fix.split('`').skip(1).step_by(2))
        .find(|c| c.contains("git reset --keep"))
        .unwrap_or_else(|| panic!("{said}"))
        .to_owned();
    (said, redo)
}

/// `redo` run: it succeeds and makes `tags` again, and the push goes.
fn made(repo: &Repo, (said, redo): (&str, &str), tags: &[&str]) {
    let out = repo.sh(redo);
    assert!(
        out.status.success(),
        "`{redo}`, advised in:\n{said}\nfails:\n{}",
        text(&out)
    );
    let listed = repo.git(&["tag", "-l"]);
    for tag in tags {
        let on = repo.git(&["tag", "-l", "--points-at", "HEAD", tag]);
        assert_eq!(on, *tag, "`{redo}` made:\n{listed}\n{}", text(&out));
    }
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "beta"]));
}

#[test]
fn a_stable_package_release_made_again_is_made_on_purpose() {
    let repo = packages_on_beta_pushed(true);
    let (said, redo) =
        made_again_over_the_remote(&repo, &["--package", "a", "--allow-stable", "--no-test"]);
    assert!(redo.contains("--allow-stable"), "{said}");
    made(&repo, (&said, &redo), &["a-v2.0.0", "b-v1.0.1"]);
}

#[test]
fn stable_releases_of_several_packages_made_again_are_made_on_purpose() {
    let repo = packages_on_beta_pushed(false);
    let (said, redo) = made_again_over_the_remote(&repo, &["--all", "--allow-stable", "--no-test"]);
    assert!(redo.contains("--allow-stable"), "{said}");
    made(&repo, (&said, &redo), &["a-v2.0.0", "b-v1.0.1"]);
}

#[test]
fn another_lines_pre_releases_made_again_stay_on_that_line() {
    let repo = packages_on_beta_pushed(false);
    let (said, redo) = made_again_over_the_remote(&repo, &["--all", "--pre", "rc", "--no-test"]);
    made(&repo, (&said, &redo), &["a-v2.0.0-rc.1", "b-v1.0.1-rc.1"]);
}

#[test]
fn the_missing_section_line_of_a_tag_pushed_from_elsewhere_follows_its_channel() {
    let repo = rc_on_beta_pushed();
    ok(repo.git_skipping_relhook(&["tag", "-a", "v2.0.0", "-m", "x"]));
    repo.git(&["switch", "-q", "main"]);
    let out = repo.git_output(&["push", "origin", "v2.0.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    let marker = "has no `## [2.0.0]` section";
    let line = (said.lines())
        .find(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("no missing-section line:\n{said}"));
    assert!(line.contains("git switch beta"), "{said}");
    // No hand tag makes a stable release on beta.
    assert!(!line.contains("let the hook write it"), "{said}");
    // Taken on the branch the line names.
    repo.git(&["switch", "-q", "beta"]);
    ok(repo.git_output(&["tag", "-d", "v2.0.0"]));
    each_release_taken(&repo, &said, marker);
}

/// `packages_on_beta` with `a-v2.0.0-rc.1` made on `beta` (`--pre rc`) and a fix of `a` above.
fn package_rc_on_beta() -> Repo {
    let repo = crate::qa225_channel_version_resume_packages::packages_on_beta();
    ok(dated_release(
        &repo,
        &["--package", "a", "--pre", "rc", "--no-test"],
    ));
    repo.write("p/a/y.txt", "y\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): y");
    repo
}

#[test]
fn a_packages_release_after_another_lines_pre_release_is_refused_with_ways_taken() {
    let repo = package_rc_on_beta();
    let before = repo.git(&["tag", "-l"]);
    // The channel's beta cannot follow rc: refused, with releases the branch takes.
    let out = dated_release(&repo, &["--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), before, "{}", text(&out));
    each_release_taken(&repo, &stderr(&out), "relhook release");
    // A stable one asked without `--allow-stable`: its refusal names the package's next
    // pre-release, as that line makes it.
    let out = dated_release(&repo, &["2.0.0", "--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("--pre rc"), "{said}");
    each_release_taken(&repo, &said, "relhook release");
}

/// The backticked `relhook release …` commands `said` names, and none of its ways given as a
/// bare flag (`--pre rc` to add to some command): each is the whole command to paste.
fn whole_commands(said: &str) {
    let bare: Vec<&str> = (said.lines())
        .flat_map(|l| l.split('`').skip(1).step_by(2))
        .filter(|c| c.starts_with("--"))
        .collect();
    assert!(bare.is_empty(), "ways given as flags {bare:?}:\n{said}");
}

#[test]
fn several_packages_refused_after_another_lines_pre_release_name_no_refused_way() {
    let repo = package_rc_on_beta();
    // `b` has nothing to release, `a` cannot take the channel's beta after its rc.
    let out = dated_release(&repo, &["--package", "a", "--package", "b", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        !said.contains("`relhook release --package a --package b --no-test`"),
        "{said}"
    );
    each_release_taken(&repo, &said, "relhook release");
}

/// `package_rc_on_beta` with a fix of `b` too: both packages have something to release.
fn packages_rc_on_beta() -> Repo {
    let repo = package_rc_on_beta();
    repo.write("p/b/y.txt", "y\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(b): y");
    repo
}

#[test]
fn a_refused_stable_release_of_several_packages_names_their_next_pre_release() {
    let repo = packages_rc_on_beta();
    for args in [
        &["2.0.0", "--package", "a", "--package", "b", "--no-test"][..],
        &["2.0.0", "--all", "--no-test"][..],
    ] {
        let out = dated_release(&repo, args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let said = stderr(&out);
        assert!(said.contains("--pre rc"), "{said}");
        each_release_taken(&repo, &said, "relhook release");
    }
}

#[test]
fn the_cannot_follow_refusal_names_whole_commands() {
    let repo = package_rc_on_beta();
    let out = dated_release(&repo, &["--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("cannot follow"), "{said}");
    whole_commands(&said);
    assert!(
        said.contains("`relhook release --package a --no-test --pre rc`"),
        "{said}"
    );
    each_release_taken(&repo, &said, "relhook release");
    let repo = crate::qa243_channel_advice_accepted::rc_on_beta();
    let out = dated_release(&repo, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("cannot follow"), "{said}");
    whole_commands(&said);
    each_release_taken(&repo, &said, "relhook release");
}
