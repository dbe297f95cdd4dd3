//! Round 29: a changelog that is not what relhook expects (`changelog.md` in lower case, a
//! FIFO, a directory). Every command that would write it agrees with post-commit, and each
//! refusal is one line: what relhook did not do, and the command that finishes.

use crate::support::{Repo, dated_release, hand_tag, installed_repo, ok, stderr, text};

/// relhook's own lines in `out`'s stderr (git's `fatal:` and the bypass hint left out).
fn relhook_lines(out: &std::process::Output) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| l.starts_with("relhook: ") && !l.starts_with("relhook: to tag anyway"))
        .map(str::to_owned)
        .collect()
}

/// A FIFO made at `rel` in the work tree, in place of whatever was there.
fn fifo_at(repo: &Repo, rel: &str) {
    let path = repo.path().join(rel);
    let _ = std::fs::remove_file(&path);
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo");
    assert!(made.success());
}

/// `relhook ARGS`, which must end within 20 s.
fn relhook_bounded(repo: &Repo, args: &[&str]) -> std::process::Output {
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21").args(args);
    crate::qa27_faults::within_20s(cmd).unwrap_or_else(|| panic!("relhook {args:?} hung"))
}

/// A project that keeps its changelog as `changelog.md`, released as v1.0.0 before relhook
/// was installed, and a feature committed since with the hooks off.
fn lower_case_changelog_and_a_feature() -> Repo {
    let repo = crate::qa27_first::lower_case_changelog();
    repo.write("w.txt", "w\n");
    repo.git(&["add", "w.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: new widget"]);
    assert!(out.status.success(), "{}", text(&out));
    repo
}

#[test]
fn sync_and_rebuild_make_no_second_changelog_beside_one_named_in_other_case() {
    let repo = lower_case_changelog_and_a_feature();
    let before = repo.read("changelog.md");
    for args in [
        &["changelog", "--sync"][..],
        &["changelog", "--rebuild"][..],
        &["changelog", "--sync", "--stdout"][..],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let said = relhook_lines(&out);
        assert_eq!(said.len(), 1, "{args:?}: one line: {said:?}");
        assert!(
            said[0].contains("changelog.md")
                && said[0].contains(
                    "`git -C \"$(git rev-parse --show-toplevel)\" mv changelog.md CHANGELOG.md`"
                )
                && said[0].contains("run this again"),
            "{args:?}: {said:?}"
        );
        assert!(
            !repo.path().join("CHANGELOG.md").exists(),
            "{args:?} wrote a second changelog beside changelog.md"
        );
        assert_eq!(repo.read("changelog.md"), before);
        assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    }
    // The fix it names works: the rename, then the sync adds the feature.
    repo.git(&["mv", "changelog.md", "CHANGELOG.md"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: rename the changelog",
    ]);
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- new widget"));
}

/// CHANGELOG.md, committed, replaced in the work tree by a FIFO: post-commit's line says to
/// remove it and check the file out again (not `git add`, which cannot add a FIFO), and the
/// sync it names then adds the entry.
#[test]
fn a_fifo_changelog_names_the_command_that_puts_the_file_back() {
    let repo = installed_repo();
    let before = repo.read("CHANGELOG.md");
    fifo_at(&repo, "CHANGELOG.md");
    let said = commit_a_file(&repo, "feat: while a pipe is there");
    assert_eq!(said.len(), 1, "one line: {said:?}");
    assert!(
        said[0].contains("no entry added")
            && said[0].contains("FIFO")
            && said[0].contains("`rm \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md && git checkout -- :/CHANGELOG.md`")
            && said[0].contains("relhook changelog --sync")
            && !said[0].contains("git add"),
        "{said:?}"
    );
    let out = relhook_bounded(&repo, &["changelog", "--sync"]);
    let said = one_refusal(&out);
    assert!(
        said[0].contains("`rm \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md && git checkout -- :/CHANGELOG.md`"),
        "{said:?}"
    );
    // The commands it names finish the job.
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["checkout", "--", "CHANGELOG.md"]);
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("- while a pipe is there")
    );
}

/// No CHANGELOG.md committed yet, and a FIFO there: not "not committed yet, `git add` it".
#[test]
fn a_fifo_where_no_changelog_was_committed_is_not_to_be_added() {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit("chore: start");
    fifo_at(&repo, "CHANGELOG.md");
    let said = commit_a_file(&repo, "feat: a");
    assert_eq!(said.len(), 1, "one line: {said:?}");
    assert!(
        said[0].contains("FIFO")
            && said[0].contains("`rm \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md`"),
        "{said:?}"
    );
    assert!(!said[0].contains("git add"), "{said:?}");
}

/// A hand tag over a FIFO changelog: refused before the tag exists, in one line naming the
/// command that puts the file back and the ones that then make the release; not "commit or
/// stash", which a FIFO is not.
#[test]
fn a_hand_tag_over_a_fifo_changelog_names_what_makes_the_release() {
    let repo = installed_repo();
    fifo_at(&repo, "CHANGELOG.md");
    let mut tag = repo.command_in("git", &repo.path());
    tag.env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.1.0", "-m", "release"]);
    let out = crate::qa27_faults::within_20s(tag).expect("git tag -a hung in relhook's hook");
    assert!(!out.status.success(), "{}", text(&out));
    let said = relhook_lines(&out);
    assert_eq!(said.len(), 1, "one line: {said:?}");
    assert!(
        said[0].contains("FIFO")
            && said[0].contains("`rm \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md && git checkout -- :/CHANGELOG.md`")
            && said[0].contains("tag again")
            && said[0].contains("`relhook release 0.1.0`"),
        "{said:?}"
    );
    assert!(!said[0].contains("stash"), "{said:?}");
    assert_eq!(repo.git(&["tag"]), "", "no tag was left");
    // Following it makes the release.
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["checkout", "--", "CHANGELOG.md"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "release"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("## [0.1.0] - 2026-11-21")
    );
}

/// `relhook release` over a directory where CHANGELOG.md was committed: one line with the fix
/// (not "commit or stash first"), and the release then made.
#[test]
fn a_release_over_a_changelog_directory_names_the_fix() {
    let repo = installed_repo();
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    std::fs::create_dir(repo.path().join("CHANGELOG.md")).unwrap();
    let out = dated_release(&repo, &["--no-test"]);
    let said = one_refusal(&out);
    assert!(
        said[0].contains("is a directory")
            && said[0].contains("`rmdir \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md && git checkout -- :/CHANGELOG.md`")
            && said[0].contains("release again"),
        "{said:?}"
    );
    assert!(!said[0].contains("stash"), "{said:?}");
    assert_eq!(repo.git(&["tag"]), "");
    std::fs::remove_dir(repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["checkout", "--", "CHANGELOG.md"]);
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// A directory committed as CHANGELOG.md, with files in it: the release names the setting
/// to point at a file (nothing to remove).
#[test]
fn a_release_over_a_committed_changelog_directory_names_the_setting() {
    let repo = installed_repo();
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    repo.write("CHANGELOG.md/x", "x\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: a folder"]);
    let out = dated_release(&repo, &["--no-test"]);
    let said = one_refusal(&out);
    assert!(
        said[0].contains("is a directory")
            && said[0].contains("`changelog.path` in .relconfig.toml")
            && said[0].contains("CHANGELOG.md/CHANGELOG.md")
            && said[0].contains("release again"),
        "{said:?}"
    );
    assert!(repo.is_clean());
}

/// A package's committed changelog replaced by a FIFO: `relhook release --package` names the
/// fix, as the root's would, not "commit or stash first".
#[test]
fn a_package_release_over_a_fifo_changelog_names_the_fix() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[packages.a]\npath = \"a\"\n");
    repo.write("a/f", "1\n");
    repo.write("a/CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("a/f", "2\n");
    repo.git(&["add", "a/f"]);
    repo.git(&["commit", "-q", "-m", "feat(a): two"]);
    fifo_at(&repo, "a/CHANGELOG.md");
    let out = relhook_bounded(&repo, &["release", "--package", "a", "--no-test"]);
    let said = one_refusal(&out);
    assert!(
        said[0].contains("a/CHANGELOG.md is a FIFO")
            && said[0].contains("`rm \"$(git rev-parse --show-toplevel)\"/a/CHANGELOG.md && git checkout -- :/a/CHANGELOG.md`")
            && said[0].contains("release again"),
        "{said:?}"
    );
    assert_eq!(repo.git(&["tag"]), "");
}

/// A CRLF changelog rebuilt from history stays CRLF: the lines it had are left as they were,
/// not every one rewritten for its line end.
#[test]
fn a_rebuild_keeps_a_crlf_changelog_crlf() {
    let repo = installed_repo();
    let crlf = repo.read("CHANGELOG.md").replace('\n', "\r\n");
    repo.write("CHANGELOG.md", &crlf);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-am",
        "chore: windows line ends",
    ]);
    repo.write("two.txt", "2\n");
    repo.git(&["add", "two.txt"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: two"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["changelog", "--rebuild"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let now = repo.read("CHANGELOG.md");
    assert!(now.contains("- two\r\n"), "{now:?}");
    assert_eq!(
        now.matches('\n').count(),
        now.matches("\r\n").count(),
        "a line lost its CRLF: {now:?}"
    );
    let numstat = repo.git(&["diff", "--numstat", "--", "CHANGELOG.md"]);
    assert!(
        numstat.split_whitespace().nth(1) == Some("0"),
        "lines were rewritten: {numstat}"
    );
}

/// doctor names the same fix for a FIFO where CHANGELOG.md is committed as every command does:
/// the file checked out again (a rebuild from history would drop what was written by hand).
#[test]
fn doctor_names_the_checkout_that_puts_a_fifo_changelog_back() {
    let repo = installed_repo();
    fifo_at(&repo, "CHANGELOG.md");
    let out = relhook_bounded(&repo, &["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = crate::support::stdout(&out);
    assert!(
        said.contains("CHANGELOG.md is a FIFO")
            && said.contains("fix: `rm \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md && git checkout -- :/CHANGELOG.md`"),
        "{said}"
    );
}

/// CHANGELOG.md a symbolic link to a file outside the repository: doctor's fix is not a
/// `changelog.path` leading out of it (which the configuration refuses) but a copy of the file
/// in the link's place, and the command it names does that.
#[test]
fn doctor_replaces_a_changelog_link_out_of_the_repository_with_a_copy() {
    let repo = installed_repo();
    let outside = repo.scratch("elsewhere").join("CHANGELOG.md");
    std::fs::rename(repo.path().join("CHANGELOG.md"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, repo.path().join("CHANGELOG.md")).unwrap();
    let out = relhook_bounded(&repo, &["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = crate::support::stdout(&out);
    let fix = said
        .lines()
        .skip_while(|l| !l.contains("CHANGELOG.md is a symbolic link"))
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    assert!(!fix.contains("changelog.path"), "{said}");
    let command = fix.split('`').nth(1).unwrap_or_else(|| panic!("{said}"));
    assert!(
        command.starts_with("rm \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md && cp "),
        "{said}"
    );
    let out = repo.sh(command);
    assert!(out.status.success(), "{command}: {}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let out = relhook_bounded(&repo, &["doctor"]);
    assert!(
        !crate::support::stdout(&out).contains("symbolic link"),
        "{}",
        text(&out)
    );
}

/// A monorepo package that keeps `a/changelog.md`: its release makes no second changelog
/// beside it, and the fix names the package's own setting, as post-commit's does.
#[test]
fn a_package_release_makes_no_second_changelog_beside_one_named_in_other_case() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[packages.a]\npath = \"a\"\n");
    repo.write("a/f", "1\n");
    repo.write(
        "a/changelog.md",
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- one\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("a/f", "2\n");
    repo.git(&["add", "a/f"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(a): two"]);
    assert!(out.status.success(), "{}", text(&out));
    let hook = relhook_lines(&out);
    let out = dated_release(&repo, &["--package", "a", "--no-test"]);
    let said = one_refusal(&out);
    let setting = "point `changelog` in [packages.a] of .relconfig.toml at a/changelog.md";
    assert!(
        said[0].contains(
            "`git -C \"$(git rev-parse --show-toplevel)\" mv a/changelog.md a/CHANGELOG.md`"
        ) && said[0].contains(setting),
        "{said:?}"
    );
    assert!(
        hook.iter().any(|l| l.contains(setting)),
        "post-commit agrees: {hook:?}"
    );
    assert_eq!(repo.git(&["tag"]), "", "no release was made");
    assert!(!repo.path().join("a/CHANGELOG.md").exists());
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// CHANGELOG.md, uncommitted, a symbolic link to a file outside the repository: post-commit's
/// fix is a copy in the link's place (a setting leading out of the repository is refused), and
/// the sync it names then adds the entry.
#[test]
fn post_commit_replaces_a_changelog_link_out_of_the_repository_with_a_copy() {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.commit("chore: start");
    let outside = repo.scratch("elsewhere").join("CHANGELOG.md");
    std::fs::write(&outside, "# Changelog\n\n## [Unreleased]\n").unwrap();
    std::os::unix::fs::symlink(&outside, repo.path().join("CHANGELOG.md")).unwrap();
    let out = repo.try_commit("feat: through the link");
    assert!(out.status.success(), "{}", text(&out));
    let said = relhook_lines(&out);
    assert_eq!(said.len(), 1, "one line: {said:?}");
    assert!(!said[0].contains("point the configuration"), "{said:?}");
    let command = said[0]
        .split('`')
        .find(|c| c.starts_with("rm \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md && cp "))
        .unwrap_or_else(|| panic!("{said:?}"));
    let out = repo.sh(command);
    assert!(out.status.success(), "{command}: {}", text(&out));
    let out = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("- through the link"));
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        "# Changelog\n\n## [Unreleased]\n",
        "the file outside was not written"
    );
}

/// Commits a new file with `message` (within 20 s: post-commit must not hang on what stands
/// where the changelog should be) and gives relhook's lines.
fn commit_a_file(repo: &Repo, message: &str) -> Vec<String> {
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    let mut commit = repo.command_in("git", &repo.path());
    commit.args(["commit", "-q", "-m", message]);
    let out = crate::qa27_faults::within_20s(commit).expect("git commit hung in post-commit");
    assert!(out.status.success(), "{}", text(&out));
    relhook_lines(&out)
}

/// CHANGELOG.md, committed, replaced in the work tree by a link to a file that is gone (moved,
/// or a checkout on another machine): post-commit, a release and doctor name the command that
/// puts the file back (not a copy of the missing file, not "commit or stash"), and it works.
#[test]
fn a_changelog_link_to_nothing_names_the_checkout_that_puts_the_file_back() {
    let repo = installed_repo();
    let before = repo.read("CHANGELOG.md");
    let path = repo.path().join("CHANGELOG.md");
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(repo.path().join("gone/CHANGELOG.md"), &path).unwrap();
    let fix =
        "`rm \"$(git rev-parse --show-toplevel)\"/CHANGELOG.md && git checkout -- :/CHANGELOG.md`";
    let said = commit_a_file(&repo, "feat: while the link leads nowhere");
    assert_eq!(said.len(), 1, "one line: {said:?}");
    assert!(
        said[0].contains("no entry added") && said[0].contains(fix),
        "{said:?}"
    );
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stderr(&out).contains(fix), "{}", text(&out));
    assert!(!stderr(&out).contains("commit or stash"), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert!(crate::support::stdout(&out).contains(fix), "{}", text(&out));

    // The fix, then the sync post-commit named: the entry is there, the rest as it was.
    std::fs::remove_file(&path).unwrap();
    repo.git(&["checkout", "--", "CHANGELOG.md"]);
    assert_eq!(repo.read("CHANGELOG.md"), before);
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("- while the link leads nowhere"),
        "{}",
        repo.read("CHANGELOG.md")
    );
}

/// relhook's lines of a refusal (exit 1), which are one.
fn one_refusal(out: &std::process::Output) -> Vec<String> {
    assert_eq!(out.status.code(), Some(1), "{}", text(out));
    let said = relhook_lines(out);
    assert_eq!(said.len(), 1, "one line: {said:?}");
    said
}
