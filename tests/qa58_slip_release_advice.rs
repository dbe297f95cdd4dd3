//! QA55: with a tag that slipped the release tags' prefix (`0.1.1` where they are `v0.1.0`),
//! `relhook release 0.1.1` led with a version above it or `tag_prefix = ""` (both refused,
//! pasted) and `relhook release 0.1.2` sent the user to edit CHANGELOG.md by hand. Now every
//! refusal leads with a command that works pasted: where no remote's branch holds the slip,
//! deleting it and releasing the version asked; where one does (a clone may have fetched it),
//! keeping it and releasing its version under the prefix beside it, which a release of that
//! version is then let do.

use crate::support::{Repo, ok, stderr, stdout, text};

/// relhook installed with a passing test, v0.1.0 released, `fix: b` and `fix: c` committed on
/// top, and `slip` tagged past the hook on them (`annotated` or not).
fn slipped(slip: &str, annotated: bool) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.commit_hooked("fix: b");
    repo.commit_hooked("fix: c");
    let tag = match annotated {
        true => vec!["tag", "-a", slip, "-m", slip],
        false => vec!["tag", slip],
    };
    // The tag hook refuses it: made past the hook, as a script or another tool would.
    assert!(!repo.git_output(&tag).status.success());
    ok(repo.git_skipping_relhook(&tag));
    repo
}

/// [`slipped`], with `main` and the slip on a bare `origin`.
fn published(slip: &str) -> Repo {
    let repo = slipped(slip, true);
    repo.with_origin();
    ok(repo.git_skipping_relhook(&["push", "-q", "--follow-tags", "origin", "main"]));
    repo
}

/// The last command in backquotes in `line`.
fn last_command(line: &str) -> String {
    let words: Vec<&str> = line.split('`').skip(1).step_by(2).collect();
    words
        .last()
        .unwrap_or_else(|| panic!("no command in {line}"))
        .to_string()
}

/// The refusal `relhook release <args>` gives (exit 1), and its fix: the text after the
/// clause that says why (`releases; ` or `again; `).
fn refused(repo: &Repo, args: &[&str]) -> (String, String) {
    let mut all = vec!["release"];
    all.extend(args);
    let out = repo.relhook(&all);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let line = (err.lines())
        .find(|l| l.starts_with("relhook: release refused: "))
        .unwrap_or_else(|| panic!("{err}"))
        .to_owned();
    let fix = ["releases; ", "again; "]
        .iter()
        .find_map(|cut| line.split_once(cut).map(|(_, f)| f.to_owned()))
        .unwrap_or_else(|| panic!("{line}"));
    (line, fix)
}

/// Runs `line` as the user would paste it, through bash, with the binary under test first on
/// PATH as `relhook`.
fn paste(repo: &Repo, line: &str) {
    let path = format!(
        "{}:{}",
        repo.relhook_on_path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = (repo.command_in("bash", &repo.path()).env("PATH", path))
        .args(["-c", line])
        .output()
        .expect("run bash");
    assert!(out.status.success(), "{line}:\n{}", text(&out));
}

fn tags(repo: &Repo) -> String {
    repo.git(&["tag", "-l"])
}

fn all_is_well(repo: &Repo) {
    assert!(stdout(&ok(repo.relhook(&["doctor"]))).contains("all is well"));
}

#[test]
fn releasing_the_slipped_version_leads_with_deleting_it_and_that_works_pasted() {
    for annotated in [false, true] {
        let repo = slipped("0.1.1", annotated);
        let (line, fix) = refused(&repo, &["0.1.1"]);
        assert!(
            fix.starts_with("`0.1.1` is on no remote's branch here"),
            "{line}"
        );
        assert!(!line.contains("tag a version above"), "{line}");
        assert!(!line.contains("0.1.2"), "{line}");
        let cmd = last_command(&fix);
        assert_eq!(cmd, "git tag -d 0.1.1 && relhook release 0.1.1");
        paste(&repo, &cmd);
        assert_eq!(tags(&repo), "v0.1.0\nv0.1.1");
        all_is_well(&repo);
    }
}

#[test]
fn releasing_above_the_slip_gives_a_command_not_an_edit_of_the_changelog() {
    let repo = slipped("0.1.1", true);
    let (line, fix) = refused(&repo, &["0.1.2"]);
    assert!(line.contains("`b`, `c`"), "{line}");
    assert!(!line.contains("## [0.1.1] -"), "{line}");
    assert!(!line.contains("move them"), "{line}");
    let cmd = last_command(&fix);
    assert_eq!(cmd, "git tag -d 0.1.1 && relhook release 0.1.2");
    paste(&repo, &cmd);
    assert_eq!(tags(&repo), "v0.1.0\nv0.1.2");
    let log = repo.read("CHANGELOG.md");
    let section = log.split("## [0.1.2]").nth(1).unwrap();
    let section = section.split("## [0.1.0]").next().unwrap();
    assert!(section.contains("- b\n- c"), "{log}");
    all_is_well(&repo);
}

#[test]
fn a_pre_release_slip_is_deleted_for_the_version_asked_or_its_own() {
    let repo = slipped("1.0.0-rc.1", true);
    let (_, fix) = refused(&repo, &["1.0.0"]);
    assert_eq!(
        last_command(&fix),
        "git tag -d 1.0.0-rc.1 && relhook release 1.0.0"
    );
    let (_, fix) = refused(&repo, &["0.1.2"]);
    assert_eq!(
        last_command(&fix),
        "git tag -d 1.0.0-rc.1 && relhook release 0.1.2"
    );
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    let hint = (err.lines())
        .find_map(|l| l.strip_prefix("hint: "))
        .unwrap_or_else(|| panic!("{err}"));
    let cmd = last_command(hint);
    assert_eq!(cmd, "git tag -d 1.0.0-rc.1 && relhook release 1.0.0-rc.1");
    paste(&repo, &cmd);
    assert_eq!(tags(&repo), "v0.1.0\nv1.0.0-rc.1");
    all_is_well(&repo);
}

#[test]
fn a_published_slip_is_kept_and_its_version_released_beside_it() {
    let repo = published("0.1.1");
    let (line, fix) = refused(&repo, &["0.1.2"]);
    assert!(!line.contains("git tag -d"), "{line}");
    assert!(!line.contains("move them"), "{line}");
    assert!(fix.starts_with("a remote's branch holds `0.1.1`"), "{line}");
    let cmd = last_command(&fix);
    assert_eq!(cmd, "relhook release 0.1.1");
    for args in [&["version"][..], &["release"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains("hint: a remote's branch holds `0.1.1`"),
            "{err}"
        );
        assert!(!err.contains("git tag -d"), "{err}");
        let hint = err.lines().find_map(|l| l.strip_prefix("hint: ")).unwrap();
        assert_eq!(last_command(hint), cmd);
    }
    paste(&repo, &cmd);
    assert_eq!(tags(&repo), "0.1.1\nv0.1.0\nv0.1.1");
    let log = repo.read("CHANGELOG.md");
    let section = log.split("## [0.1.1] - ").nth(1).unwrap();
    assert!(section.contains("### Fixed\n\n- b\n- c\n"), "{log}");
    assert_eq!(repo.git(&["describe", "--match", "v*"]), "v0.1.1");
    all_is_well(&repo);
    assert_eq!(stdout(&ok(repo.relhook(&["version"]))).trim(), "0.1.1");
}

#[test]
fn a_published_pre_release_slip_is_released_then_the_version_asked() {
    let repo = published("1.0.0-rc.1");
    let (line, fix) = refused(&repo, &["1.0.0"]);
    assert!(!line.contains("git tag -d"), "{line}");
    let cmd = last_command(&fix);
    assert_eq!(cmd, "relhook release 1.0.0-rc.1 && relhook release 1.0.0");
    paste(&repo, &cmd);
    assert_eq!(tags(&repo), "1.0.0-rc.1\nv0.1.0\nv1.0.0\nv1.0.0-rc.1");
    all_is_well(&repo);
}
