//! QA of 2026-12-02: what new users met on the first run and on real histories.

use crate::support::{hand_tag, hand_tag_refused, installed_repo, stderr, stdout, text};

/// An untracked file refused the hand tag with "commit or stash first", and plain `git stash`
/// leaves new files where they are: the refusal names `git stash -u` and `.gitignore`, and
/// after `git stash -u` the tag goes.
#[test]
fn a_hand_tag_refused_for_a_new_file_names_stash_u() {
    let repo = installed_repo();
    repo.write("untracked.txt", "u\n");
    let err = hand_tag_refused(&repo, "v0.1.0");
    assert!(
        err.contains("(untracked.txt)")
            && err.contains("`git stash -u`")
            && err.contains(".gitignore"),
        "{err}"
    );
    repo.git(&["stash", "-q", "-u"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("now points at release commit"),
        "{}",
        text(&out)
    );
}

/// QA (commitlint's history): `relhook notes v`, a tag named `v` alone, printed notes "since
/// v0.1.3" for version "": a tag that names no version is refused.
#[test]
fn notes_of_a_tag_that_names_no_version_is_refused() {
    let repo = installed_repo();
    repo.git(&["-c", "core.hooksPath=/dev/null", "tag", "v"]);
    let out = repo.relhook(&["notes", "v"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("v is not a release tag") && err.contains("git tag -l 'v[0-9]*'"),
        "{err}"
    );
    assert!(stdout(&out).is_empty(), "{}", text(&out));
}

/// QA (commitlint's tags without their `v`): `relhook notes` said "there is no release tag
/// yet" over 223 tags; it now says what `version` says: the tags lack the prefix, and the
/// setting that reads them.
#[test]
fn notes_without_a_tag_names_the_prefix_unprefixed_tags_lack() {
    let repo = installed_repo();
    repo.git(&[
        "-c",
        "core.hooksPath=/dev/null",
        "tag",
        "-a",
        "1.0.0",
        "-m",
        "1.0.0",
    ]);
    repo.commit_hooked("fix: later");
    let out = repo.relhook(&["notes"]);
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("no release tag yet"), "{err}");
    assert!(err.contains("tag_prefix"), "{err}");
    let version = repo.relhook(&["version"]);
    let said = stderr(&version);
    assert!(said.contains("tag_prefix"), "{said}");
}

/// After `relhook install --force`, a plain install said "nothing changed" and never how to
/// run the replaced hook again: it says so, and the way it names works.
#[test]
fn a_plain_install_after_force_names_the_way_back_to_the_kept_hook() {
    let repo = crate::support::Repo::new();
    let hook = repo.hooks_dir().join("commit-msg");
    std::fs::write(&hook, "#!/bin/sh\necho MINE >&2\n").unwrap();
    crate::support::make_executable(&hook);
    let out = repo.relhook(&["install", "--force"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["install"]);
    let said = stdout(&out);
    assert!(
        said.contains("commit-msg: already installed")
            && said.contains("kept as commit-msg.relhook-orig, does not run")
            && said.contains("`relhook uninstall && relhook install`"),
        "{said}"
    );
    let out = repo.sh("relhook uninstall && relhook install");
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: x"]);
    assert!(stderr(&out).contains("MINE"), "{}", text(&out));
    let said = stdout(&repo.relhook(&["install"]));
    assert!(!said.contains("does not run"), "{said}");
}

/// husky's runners live in `.husky/_`, a relative `core.hooksPath` the repository ignores: a
/// linked worktree has no such directory and runs no hook, relhook's included. Plain install
/// said nothing (only `--force` did); with linked worktrees it warns, naming husky's own fix,
/// which makes the worktree's commits checked. Without any, it says nothing of them.
#[test]
fn install_under_husky_warns_that_linked_worktrees_run_no_hooks() {
    let repo = crate::support::Repo::new();
    // husky 9's runner: `.husky/_/<hook>` sources `h`, which runs `.husky/<hook>`.
    let h = "#!/usr/bin/env sh\nn=$(basename \"$0\")\ns=$(dirname \"$(dirname \"$0\")\")/$n\n[ ! -f \"$s\" ] && exit 0\nsh -e \"$s\" \"$@\"\n";
    // What `npx husky` writes into a work tree.
    let husky = |top: &std::path::Path| {
        let dir = top.join(".husky/_");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("h"), h).unwrap();
        std::fs::write(dir.join(".gitignore"), "*\n").unwrap();
        crate::support::make_executable(&dir.join("h"));
        for hook in ["commit-msg", "post-commit", "pre-push"] {
            let runner = dir.join(hook);
            std::fs::write(&runner, "#!/usr/bin/env sh\n. \"$(dirname \"$0\")/h\"\n").unwrap();
            crate::support::make_executable(&runner);
        }
    };
    husky(&repo.path());
    repo.git(&["config", "core.hooksPath", ".husky/_"]);
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stdout(&out).contains("worktree"), "{}", text(&out));
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: husky and relhook");

    let wt = repo.scratch("wt");
    repo.git(&["worktree", "add", "-q", wt.to_str().unwrap()]);
    let out = repo.relhook(&["install"]);
    let said = stdout(&out);
    assert!(
        said.contains("a linked worktree")
            && said.contains("/wt)")
            && said.contains("fix: `npx husky && relhook install` in each"),
        "{said}"
    );
    let bad = || {
        repo.command_in("git", &wt)
            .args(["commit", "--allow-empty", "-m", "bad message"])
            .output()
            .unwrap()
    };
    assert!(bad().status.success(), "unchecked before the fix");
    repo.command_in("git", &wt)
        .args(["reset", "-q", "--hard", "HEAD~1"])
        .output()
        .unwrap();
    husky(&wt);
    let out = bad();
    assert!(!out.status.success(), "{}", text(&out));
    // Every linked worktree has husky's runners now: nothing more to say.
    let said = stdout(&repo.relhook(&["install"]));
    assert!(!said.contains("worktree"), "{said}");
}

/// QA (semantic-release at its release tag v25.0.9): doctor judged the version files as the
/// release below HEAD's would ("not 25.0.8, the version of release tag v25.0.8"). A finished
/// release on HEAD is judged as the next one judges the files: from HEAD's own version.
/// (semantic-release's own `0.0.0-development` is left alone since QA137: a file nobody kept.)
#[test]
fn doctor_at_a_release_tag_names_that_releases_version() {
    let repo = crate::support::Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: one"]);
    repo.git(&["tag", "-a", "v25.0.8", "-m", "v25.0.8"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: two"]);
    repo.git(&["tag", "-a", "v25.0.9", "-m", "v25.0.9"]);
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let d = repo.relhook(&["doctor"]);
    let said = stdout(&d);
    let row = said
        .lines()
        .find(|l| l.contains("version files"))
        .unwrap_or_else(|| panic!("no version files row in:\n{said}"));
    assert!(
        row.contains("package.json says 1.0.0")
            && row.contains("not 25.0.9, the version of release tag v25.0.9"),
        "{row}"
    );
}

/// `relhook version` printed `0.1.0` in a repository that never released, which reads as a
/// release already made: the number stays alone on standard output, and a note says that
/// nothing is released yet. Once released, no note.
#[test]
fn version_says_when_nothing_is_released_yet() {
    let repo = installed_repo();
    let out = repo.relhook(&["version"]);
    assert_eq!(stdout(&out), "0.1.0\n", "{}", text(&out));
    assert!(
        stderr(&out).contains("nothing is released yet: 0.1.0 is where the first release starts"),
        "{}",
        text(&out)
    );
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["version"]);
    assert_eq!(stdout(&out), "0.1.0\n", "{}", text(&out));
    assert_eq!(stderr(&out), "", "{}", text(&out));
}

/// A modified tracked file among new ones: not all of them are build output to ignore (a
/// review found the new files counted, not matched).
#[test]
fn a_hand_tag_refused_for_changed_and_new_files_does_not_call_them_all_new() {
    let repo = installed_repo();
    repo.write("tracked.txt", "t\n");
    repo.git(&["add", "tracked.txt"]);
    repo.commit_hooked("feat: tracked");
    repo.write("tracked.txt", "changed\n");
    for i in 0..8 {
        repo.write(&format!("z{i}.log"), "x\n");
    }
    let err = hand_tag_refused(&repo, "v0.1.0");
    assert!(
        err.contains("commit or stash first (`git stash -u`") && !err.contains(".gitignore"),
        "{err}"
    );
}

/// QA (git-cliff): a Cargo workspace whose root has no version, its crates stating theirs, was
/// released with none of them bumped (the tag named a tree whose crates said the old version).
/// The members at the released version are bumped with the requirements on them; a crate at
/// another version is left alone, with a note.
#[test]
fn a_virtual_cargo_workspaces_member_crates_are_bumped() {
    let repo = installed_repo();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"a\", \"b\", \"tools/*\"]\nresolver = \"2\"\n",
    );
    repo.write(
        "a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.3.0\"\nedition = \"2021\"\n",
    );
    repo.write(
        "b/Cargo.toml",
        "[package]\nname = \"b\"\nversion = \"0.3.0\"\nedition = \"2021\"\n\n[dependencies]\na = { path = \"../a\", version = \"0.3.0\" }\n",
    );
    repo.write(
        "tools/c/Cargo.toml",
        "[package]\nname = \"c\"\nversion = \"1.0.0\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: the crates");
    let out = crate::support::dated_release(&repo, &["0.3.0", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("feat: more");
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["describe", "--tags"]), "v0.3.1");
    assert!(repo.read("a/Cargo.toml").contains("version = \"0.3.1\""));
    let b = repo.read("b/Cargo.toml");
    assert!(
        b.contains("version = \"0.3.1\"\nedition") && b.contains("version = \"0.3.1\" }"),
        "{b}"
    );
    assert!(
        repo.read("tools/c/Cargo.toml")
            .contains("version = \"1.0.0\"")
    );
    assert!(
        stderr(&out).contains("tools/c/Cargo.toml"),
        "{}",
        text(&out)
    );
    let files = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    for f in ["CHANGELOG.md", "a/Cargo.toml", "b/Cargo.toml"] {
        assert!(files.lines().any(|l| l == f), "{f}: {files}");
    }
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// QA: `relhook notes 0.1.1`, a tag without the project's `v`, printed notes "built from the
/// commits since the first commit"; `relhook notes ""` suggested the tag `v`. Both are told.
#[test]
fn notes_of_an_unprefixed_tag_or_of_nothing_is_told() {
    let repo = installed_repo();
    repo.git(&[
        "-c",
        "core.hooksPath=/dev/null",
        "tag",
        "-a",
        "0.1.1",
        "-m",
        "0.1.1",
    ]);
    let out = repo.relhook(&["notes", "0.1.1"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("0.1.1 is not a release tag here") && err.contains("tag_prefix = \"\""),
        "{err}"
    );
    // QA36: no file claims a setting nobody made.
    assert!(
        err.contains("(the default `tag_prefix = \"v\"`: there is no .relconfig.toml)"),
        "{err}"
    );
    let out = repo.relhook(&["notes", ""]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains("name a release tag"),
        "{}",
        text(&out)
    );
}
