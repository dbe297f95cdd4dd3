//! The first ten minutes: from `git init`, only `relhook install` and ordinary git commands.
//! Install leaves the tree clean, the first changelog-worthy commit creates CHANGELOG.md, and
//! whenever a hook decides not to act where a user would expect it to, it says why in one line.

use crate::support::{Repo, stderr, text};

fn installed() -> Repo {
    let repo = Repo::new();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

/// `git commit -m` of a new file, through the hooks; returns git's output.
fn commit(repo: &Repo, file: &str, message: &str) -> std::process::Output {
    repo.write(file, format!("{message}\n"));
    repo.git(&["add", file]);
    let out = repo.git_output(&["commit", "-q", "-m", message]);
    assert!(out.status.success(), "{}", text(&out));
    out
}

#[test]
fn install_leaves_the_work_tree_clean_so_a_hand_tag_works_at_once() {
    let repo = Repo::new();
    repo.write("README.md", "hello\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let said = crate::support::stdout(&out);
    assert!(said.contains(".gitattributes"), "how to share it: {said}");
    assert!(
        repo.read(".git/info/attributes")
            .contains("/CHANGELOG.md merge=relhook-changelog")
    );
}

#[test]
fn the_first_feat_commit_creates_the_changelog_inside_that_commit() {
    let repo = installed();
    commit(&repo, "a.txt", "chore: start");
    assert!(
        !repo.path().join("CHANGELOG.md").exists(),
        "chore: no entry"
    );
    let out = commit(&repo, "b.txt", "feat(api): add search");
    assert!(
        stderr(&out).contains("created it"),
        "says it created the file: {}",
        text(&out)
    );
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(committed.starts_with("# Changelog\n"), "{committed}");
    assert!(
        committed.ends_with("## [Unreleased]\n\n### Added\n\n- **api:** add search"),
        "{committed}"
    );
    assert_eq!(repo.read("CHANGELOG.md"), format!("{committed}\n"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "CHANGELOG.md\nb.txt",
        "the entry is in the feat commit itself"
    );
    commit(&repo, "c.txt", "fix: handle empty input");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("### Fixed\n\n- handle empty input\n"), "{log}");
    assert!(repo.is_clean());
}

#[test]
fn an_untracked_changelog_is_left_alone_with_a_one_line_notice() {
    let repo = installed();
    commit(&repo, "a.txt", "chore: start");
    repo.write("CHANGELOG.md", crate::support::SKELETON);
    let out = commit(&repo, "b.txt", "feat: add search");
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("CHANGELOG.md is not committed yet"))
        .unwrap_or_else(|| panic!("no notice: {err}"));
    assert!(line.contains("git add :/CHANGELOG.md"), "{line}");
    assert_eq!(repo.read("CHANGELOG.md"), crate::support::SKELETON);
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "b.txt"
    );
}

#[test]
fn a_changelog_that_is_not_keep_a_changelog_stays_byte_identical() {
    let repo = installed();
    let wiki = "Our release notes live on the wiki. Do not touch.\n";
    repo.write("CHANGELOG.md", wiki);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "docs: point to the wiki",
    ]);
    let out = commit(&repo, "b.txt", "feat: add search");
    assert!(
        stderr(&out).contains("not a Keep a Changelog file"),
        "{}",
        text(&out)
    );
    assert_eq!(stderr(&out).lines().count(), 1, "{}", text(&out));
    assert_eq!(repo.read("CHANGELOG.md"), wiki);
    assert_eq!(repo.git(&["show", "HEAD:CHANGELOG.md"]), wiki.trim_end());
    // Sync and release refuse it too, rather than adding an Unreleased section.
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(2), "{}", text(&sync));
    assert_eq!(repo.read("CHANGELOG.md"), wiki);
}

#[test]
fn accumulate_off_and_an_operation_in_progress_are_said_and_quiet_silences_them() {
    let repo = installed();
    commit(&repo, "a.txt", "chore: start");
    repo.write(".relconfig.toml", "[changelog]\naccumulate = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: config"]);
    let out = commit(&repo, "b.txt", "feat: add search");
    assert!(
        stderr(&out).contains("`changelog.accumulate` is off"),
        "{}",
        text(&out)
    );
    // Nothing to say for a commit that would get no entry anyway.
    let out = commit(&repo, "c.txt", "docs: typo");
    assert_eq!(stderr(&out), "", "{}", text(&out));
    repo.write("d.txt", "d\n");
    repo.git(&["add", "d.txt"]);
    let out = repo.git_env(
        &["commit", "-q", "-m", "feat: quiet"],
        &[("RELHOOK_QUIET", "1")],
    );
    assert_eq!(out, "");
    let quiet = repo.git_in(
        &repo.path(),
        &["commit", "-q", "--allow-empty", "-m", "feat: quiet too"],
        &[("RELHOOK_QUIET", "1")],
    );
    assert!(quiet.status.success());
    assert_eq!(stderr(&quiet), "", "{}", text(&quiet));

    // A plain `git commit` while a rebase stops for editing is new to history: its entry goes
    // into it, as outside the rebase, and the rebase goes on from there.
    repo.git(&["rm", "-q", ".relconfig.toml"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: accumulate again",
    ]);
    let edit = repo.git_in(
        &repo.path(),
        &["rebase", "-q", "-i", "HEAD~1"],
        &[("GIT_SEQUENCE_EDITOR", "sed -i -e 1s/^pick/edit/")],
    );
    assert!(edit.status.success(), "{}", text(&edit));
    let out = commit(&repo, "e.txt", "feat: during the rebase");
    assert!(
        stderr(&out).contains("added `- during the rebase` under Added"),
        "{}",
        text(&out)
    );
    let done = repo.git_output(&["rebase", "--continue"]);
    assert!(done.status.success(), "{}", text(&done));
    assert!(repo.is_clean());
    assert!(repo.read("CHANGELOG.md").contains("- during the rebase\n"));
}

/// The environment a project's own tools need inside the hermetic test environment: rustup
/// and cargo find their homes, builds share one cached target directory, and `extra_path`
/// (a directory of stand-in tools) comes first on PATH.
fn tool_env(extra_path: Option<&std::path::Path>) -> Vec<(String, std::ffi::OsString)> {
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let mut env = Vec::new();
    for (var, dir) in [("RUSTUP_HOME", ".rustup"), ("CARGO_HOME", ".cargo")] {
        let value = std::env::var_os(var).or_else(|| home.as_ref().map(|h| h.join(dir).into()));
        if let Some(v) = value {
            env.push((var.to_owned(), v));
        }
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    env.push((
        "CARGO_TARGET_DIR".to_owned(),
        target.join("tool-cache/firstrun-target").into(),
    ));
    let mut path =
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).collect::<Vec<_>>();
    if let Some(p) = extra_path {
        path.insert(0, p.to_owned());
    }
    env.push(("PATH".to_owned(), std::env::join_paths(path).expect("PATH")));
    env
}

fn run(
    repo: &Repo,
    program: impl AsRef<std::ffi::OsStr>,
    args: &[&str],
    env: &[(String, std::ffi::OsString)],
) -> std::process::Output {
    let mut cmd = repo.command_in(program, &repo.path());
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run")
}

/// One newcomer's first release, start to finish, with only `relhook install` and ordinary
/// git commands (and `relhook test` when pre-push asks for it).
fn first_release(repo: &Repo, env: &[(String, std::ffi::OsString)]) {
    let git = |args: &[&str]| run(repo, "git", args, env);
    let remote = repo.scratch("remote.git");
    assert!(
        git(&["init", "-q", "--bare", remote.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        git(&["remote", "add", "origin", remote.to_str().unwrap()])
            .status
            .success()
    );
    assert!(git(&["add", "."]).status.success());
    let start = git(&["commit", "-q", "-m", "chore: start"]);
    assert!(start.status.success(), "{}", text(&start));

    let install = run(repo, crate::support::relhook_bin(), &["install"], env);
    assert_eq!(install.status.code(), Some(0), "{}", text(&install));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    // README's first-run section shows this output verbatim (but for the binary's path).
    let readme = include_str!("../README.md");
    for line in crate::support::stdout(&install).lines() {
        if !line.starts_with("the hooks run ") {
            assert!(readme.lines().any(|l| l == line), "README lacks `{line}`");
        }
    }

    repo.write("NOTES.txt", "two\n");
    assert!(git(&["add", "NOTES.txt"]).status.success());
    let feat = git(&["commit", "-q", "-m", "feat: add two"]);
    assert!(feat.status.success(), "{}", text(&feat));
    assert!(stderr(&feat).contains("created it"), "{}", text(&feat));
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "CHANGELOG.md\nNOTES.txt"
    );
    repo.write("NOTES.txt", "two, fixed\n");
    let fix = git(&["commit", "-q", "-am", "fix: count to two"]);
    assert!(fix.status.success(), "{}", text(&fix));
    assert_eq!(
        repo.git(&["show", "--format=", "--name-only", "HEAD"]),
        "CHANGELOG.md\nNOTES.txt"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));

    let tag = git(&["tag", "-a", "v0.1.0", "-m", "first release"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [0.1.0] - ")
            && log.contains("- add two")
            && log.contains("- count to two"),
        "{log}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));

    let refused = git(&["push", "--follow-tags", "origin", "main"]);
    assert!(!refused.status.success(), "{}", text(&refused));
    assert!(
        stderr(&refused).contains("untested") && stderr(&refused).contains("relhook test"),
        "{}",
        text(&refused)
    );
    let tested = run(repo, crate::support::relhook_bin(), &["test"], env);
    assert_eq!(tested.status.code(), Some(0), "{}", text(&tested));
    let pushed = git(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(pushed.status.success(), "{}", text(&pushed));
    let remote_tags = repo.git(&["ls-remote", "--tags", remote.to_str().unwrap()]);
    assert!(remote_tags.contains("refs/tags/v0.1.0"), "{remote_tags}");
}

#[test]
fn first_release_of_a_rust_project() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write(
        "src/lib.rs",
        "pub fn two() -> u32 {\n    2\n}\n\n#[test]\nfn two_is_two() {\n    assert_eq!(two(), 2);\n}\n",
    );
    repo.write(".gitignore", "/target\n");
    let env = tool_env(None);
    let lock = run(&repo, "cargo", &["generate-lockfile", "--offline"], &env);
    assert!(lock.status.success(), "{}", text(&lock));
    first_release(&repo, &env);
}

#[test]
fn first_release_of_a_python_project() {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"demo\"\nversion = \"0.1.0\"\n",
    );
    repo.write("src/demo/__init__.py", "def two():\n    return 2\n");
    // The project's pytest, as the developer has it (the test is about relhook, not pytest).
    let bin = repo.scratch("bin");
    std::fs::write(bin.join("pytest"), "#!/bin/sh\necho '1 passed'\n").unwrap();
    crate::support::make_executable(&bin.join("pytest"));
    first_release(&repo, &tool_env(Some(&bin)));
}

#[test]
fn first_release_of_a_node_project() {
    let env = tool_env(None);
    let repo = Repo::new();
    if !run(&repo, "npm", &["--version"], &env).status.success() {
        eprintln!("skipped: npm is not installed here (the Node leg needs `npm test`)");
        return;
    }
    repo.write(
        "package.json",
        "{\n  \"name\": \"demo\",\n  \"version\": \"0.1.0\",\n  \"scripts\": {\n    \"test\": \"node -e \\\"process.exit(0)\\\"\"\n  }\n}\n",
    );
    repo.write("index.js", "module.exports = () => 2;\n");
    first_release(&repo, &env);
}

#[test]
fn git_am_of_patches_that_add_changelog_entries_works_without_three_way_flag() {
    let repo = installed();
    commit(&repo, "a.txt", "chore: start");
    commit(&repo, "b.txt", "feat: base entry");
    repo.git(&["checkout", "-q", "-b", "side"]);
    commit(&repo, "s.txt", "feat: from side");
    let patches = repo.scratch("patches");
    repo.git(&["format-patch", "-q", "-1", "-o", patches.to_str().unwrap()]);
    let patch = std::fs::read_dir(&patches)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    repo.git(&["checkout", "-q", "main"]);
    commit(&repo, "m.txt", "feat: from main");
    // Without relhook's setting, git am fails on CHANGELOG.md.
    let plain = repo.git_output(&[
        "-c",
        "am.threeWay=false",
        "am",
        "-q",
        patch.to_str().unwrap(),
    ]);
    assert!(!plain.status.success(), "{}", text(&plain));
    repo.git(&["am", "--abort"]);
    let am = repo.git_output(&["am", "-q", patch.to_str().unwrap()]);
    assert!(am.status.success(), "{}", text(&am));
    assert_eq!(repo.head_subject(), "feat: from side");
    let log = repo.read("CHANGELOG.md");
    for entry in ["- base entry", "- from side", "- from main"] {
        assert_eq!(log.matches(entry).count(), 1, "{entry}: {log}");
    }
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    // A choice of the user's own is kept, and uninstall takes out only relhook's.
    let out = repo.relhook(&["uninstall"]);
    assert!(
        crate::support::stdout(&out).contains("am.threeWay"),
        "{}",
        text(&out)
    );
    assert!(
        repo.git_output(&["config", "am.threeWay"])
            .stdout
            .is_empty()
    );
    repo.git(&["config", "am.threeWay", "false"]);
    let out = repo.relhook(&["install"]);
    assert!(
        !crate::support::stdout(&out).contains("am.threeWay"),
        "{}",
        text(&out)
    );
    repo.relhook(&["uninstall"]);
    assert_eq!(repo.git(&["config", "am.threeWay"]), "false");
}

#[test]
fn a_branch_push_that_leaves_its_release_tag_behind_says_so() {
    let repo = installed();
    let remote = repo.scratch("remote.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    commit(&repo, "a.txt", "chore: start");
    let first = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(first.status.success(), "{}", text(&first));
    assert_eq!(stderr(&first), "", "a plain branch push stays quiet");
    commit(&repo, "b.txt", "feat: add search");
    repo.git(&["tag", "-a", "v0.1.0", "-m", "first release"]);
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("release tag v0.1.0")
            && err.contains("relhook test")
            && err.contains("`git push origin v0.1.0`")
            && err.contains("--follow-tags"),
        "{err}"
    );
    // Without the test requirement, the line names only the push; once pushed, nothing is said.
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    commit(&repo, "c.txt", "feat: more");
    repo.git(&["tag", "-a", "v0.2.0", "-m", "second release"]);
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert!(
        !stderr(&out).contains("relhook test") && stderr(&out).contains("`git push origin v0.2.0`"),
        "{}",
        text(&out)
    );
    let tags = repo.git_output(&["push", "-q", "origin", "v0.1.0", "v0.2.0"]);
    assert!(tags.status.success(), "{}", text(&tags));
    commit(&repo, "d.txt", "docs: again");
    let out = repo.git_output(&["push", "-q", "origin", "main"]);
    assert_eq!(stderr(&out), "", "{}", text(&out));
}

#[test]
fn first_release_of_a_node_project_at_1_4_2_with_a_breaking_change() {
    let repo = installed();
    repo.write(
        "package.json",
        "{\n  \"name\": \"app\",\n  \"version\": \"1.4.2\",\n  \"scripts\": { \"test\": \"node --test\" }\n}\n",
    );
    let lock = "{\n  \"name\": \"app\",\n  \"version\": \"1.4.2\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {\n      \"name\": \"app\",\n      \"version\": \"1.4.2\"\n    }\n  }\n}\n";
    repo.write("package-lock.json", lock);
    repo.write(
        "README.md",
        "# App\n\nVersion: 1.4.2\n\nInstall app 1.4.2 from npm.\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    commit(&repo, "a.txt", "feat!: drop the old API");
    let explain = repo.relhook(&["version", "--next", "--explain"]);
    assert!(explain.status.success(), "{}", text(&explain));
    let said = crate::support::stdout(&explain);
    assert!(said.starts_with("2.0.0\n"), "{said}");
    assert!(
        said.contains("is a breaking change made after")
            && said.contains("last set the version in package.json"),
        "--explain names the rule: {said}"
    );
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 2.0.0");
    assert!(repo.read("package.json").contains("\"version\": \"2.0.0\""));
    assert_eq!(
        repo.read("package-lock.json"),
        lock.replace("1.4.2", "2.0.0")
    );
    assert!(repo.read("README.md").contains("Version: 2.0.0\n"));
    let err = stderr(&out);
    assert!(
        err.contains("README.md:5 still says 1.4.2: `Install app 1.4.2 from npm.`"),
        "the runbook's grep: {err}"
    );
    assert!(!err.contains("package-lock.json:"), "{err}");
    assert!(
        err.contains("next: relhook test") && !err.contains("next: git push"),
        "no push advice pre-push would refuse: {err}"
    );
}

#[test]
fn configured_files_add_to_detection_and_python_dunder_version_is_bumped() {
    let repo = installed();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"pkg\"\nversion = \"0.3.0\"\n",
    );
    repo.write("src/pkg/__init__.py", "__version__ = \"0.3.0\"\n");
    repo.write("VERSION", "0.3.0\n");
    repo.write(
        ".relconfig.toml",
        "[version]\nfiles = [{ path = \"VERSION\", pattern = '{version}' }]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    // An earlier release, tagged as it was (no notes: the hand tag would refuse it).
    let out = repo.git_skipping_relhook(&["tag", "-a", "v0.3.0", "-m", "v0.3.0"]);
    assert!(out.status.success(), "{}", text(&out));
    commit(&repo, "a.txt", "fix: handle tabs");
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("pyproject.toml").contains("version = \"0.3.1\""));
    assert_eq!(
        repo.read("src/pkg/__init__.py"),
        "__version__ = \"0.3.1\"\n"
    );
    assert_eq!(repo.read("VERSION"), "0.3.1\n");
    // `detect = false` leaves only the configured files.
    repo.write(
        ".relconfig.toml",
        "[version]\ndetect = false\nfiles = [{ path = \"VERSION\", pattern = '{version}' }]\n",
    );
    repo.git(&["commit", "-q", "--no-verify", "-am", "chore: only VERSION"]);
    commit(&repo, "b.txt", "fix: more tabs");
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("VERSION"), "0.3.2\n");
    assert!(repo.read("pyproject.toml").contains("version = \"0.3.1\""));
}

#[test]
fn release_refusals_end_with_the_command_that_gets_past_them() {
    let repo = installed();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"pkg\"\nversion = \"0.3.0\"\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"relhook-test-no-such-pytest\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    // An earlier release, tagged as it was (no notes: the hand tag would refuse it).
    let out = repo.git_skipping_relhook(&["tag", "-a", "v0.3.0", "-m", "v0.3.0"]);
    assert!(out.status.success(), "{}", text(&out));
    commit(&repo, "a.txt", "fix: handle tabs");
    let missing = repo.relhook(&["release"]);
    assert_eq!(missing.status.code(), Some(1), "{}", text(&missing));
    let err = stderr(&missing);
    assert!(err.contains("was not found"), "{err}");
    assert!(
        err.lines()
            .last()
            .unwrap_or("")
            .starts_with("next: `relhook release --no-test`")
            && err.contains("`[checks] test`"),
        "{err}"
    );
    assert!(repo.is_clean(), "nothing left behind");
    repo.write(".relconfig.toml", "[checks]\ntest = [\"false\"]\n");
    repo.git(&["commit", "-q", "--no-verify", "-am", "chore: failing tests"]);
    let failing = repo.relhook(&["release"]);
    assert_eq!(failing.status.code(), Some(1), "{}", text(&failing));
    let err = stderr(&failing);
    assert!(
        err.lines()
            .last()
            .unwrap_or("")
            .starts_with("next: fix them (`relhook test` runs them alone)"),
        "{err}"
    );
    let dirty_branch = {
        repo.git(&["checkout", "-q", "-b", "topic"]);
        repo.relhook(&["release", "--no-test"])
    };
    assert!(
        stderr(&dirty_branch).contains("pass --allow-branch"),
        "{}",
        text(&dirty_branch)
    );
}

/// A project whose CHANGELOG.md is not Keep a Changelog (`History.md`'s `## 1.0.0 / date`
/// headings): install and doctor say so up front, and a hand release tag is refused before git
/// writes it, rather than made and then withdrawn.
#[test]
fn a_foreign_changelog_is_said_up_front_and_a_hand_tag_refused_before_it_exists() {
    let repo = Repo::new();
    let foreign = "# Changelog\n\n## 1.0.0 / 2020-01-01\n\n* thing\n";
    repo.write("CHANGELOG.md", foreign);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "docs: changelog"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("warning: CHANGELOG.md:3 is not a Keep a Changelog file"),
        "{}",
        text(&out)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_ne!(doctor.status.code(), Some(0), "{}", text(&doctor));
    assert!(
        text(&doctor).contains("INVALID  changelog: CHANGELOG.md:3"),
        "{}",
        text(&doctor)
    );
    commit(&repo, "a.txt", "feat: a");
    let tag = repo.git_output(&["tag", "-a", "v1.1.0", "-m", "v1.1.0"]);
    assert!(!tag.status.success(), "{}", text(&tag));
    assert!(
        stderr(&tag).contains("refusing tag v1.1.0: CHANGELOG.md:3 is not a Keep a Changelog file"),
        "{}",
        text(&tag)
    );
    assert_eq!(repo.git(&["tag", "--list"]), "");
    assert_eq!(repo.read("CHANGELOG.md"), foreign);
}

/// `relhook init` writes `initial = "0.1.0"` into .relconfig.toml: a setting, never the
/// released version, so the runbook's "still says the old version" note leaves it out (it
/// said to bump it after every release from 0.1.0, which would break the configuration).
#[test]
fn the_configurations_initial_version_is_not_called_stale() {
    let repo = Repo::new();
    let out = repo.relhook(&["init"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read(".relconfig.toml").contains("initial = \"0.1.0\""));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    commit(&repo, "a.txt", "feat: one");
    let out = repo.relhook(&["release", "--no-test", "0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    commit(&repo, "b.txt", "feat: two");
    let out = repo.relhook(&["release", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("0.1.0 →"), "{err}");
    assert!(!err.contains(".relconfig.toml:"), "{err}");
}

/// A project with no test command: the push refuses the hand-made release tag and says how
/// to finish. Followed word for word (commit a test command, test the tag with it), it gets
/// the tag pushed where it was made.
#[test]
fn the_untested_tags_fix_followed_word_for_word_gets_it_pushed() {
    let repo = installed();
    let remote = repo.with_origin();
    commit(&repo, "a.txt", "feat: first thing");
    let tag = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    let released = repo.git(&["rev-parse", "HEAD"]);
    let refused = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(!refused.status.success(), "{}", text(&refused));
    let said = stderr(&refused);
    assert!(said.contains("commit `[checks] test = "), "{said}");
    assert!(said.contains("`relhook test --tag v0.1.0`"), "{said}");

    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: test command"]);
    let tested = repo.relhook(&["test", "--tag", "v0.1.0"]);
    assert_eq!(tested.status.code(), Some(0), "{}", text(&tested));
    let pushed = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(pushed.status.success(), "{}", text(&pushed));
    let tags = repo.git(&["ls-remote", "--tags", remote.to_str().unwrap()]);
    assert!(tags.contains("refs/tags/v0.1.0"), "{tags}");
    assert_eq!(repo.git(&["rev-parse", "v0.1.0^{commit}"]), released);
}

/// A release tag deleted and made again above its release commit (the commit already has its
/// section): no second release commit, and the hook says so in one line instead of nothing.
#[test]
fn a_tag_made_again_above_its_release_makes_no_second_release_and_says_so() {
    let repo = installed();
    commit(&repo, "a.txt", "feat: first thing");
    let tag = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(tag.status.success(), "{}", text(&tag));
    repo.git(&["tag", "-d", "v0.1.0"]);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: test command"]);
    let again = repo.git_output(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(again.status.success(), "{}", text(&again));
    assert_eq!(
        repo.head_subject(),
        "chore: test command",
        "no second release"
    );
    let said = stderr(&again);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("relhook: v0.1.0: CHANGELOG.md at ")
            && lines[0].contains(
                "already has its `## [0.1.0]` section, so relhook makes no release commit"
            ),
        "{lines:?}"
    );
}
