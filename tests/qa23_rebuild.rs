//! QA23: `changelog --rebuild` against what the hooks wrote commit by commit. A package whose
//! directory moved keeps its older entries; a released change reverted and then reapplied
//! through a merge is listed as the hooks listed it; a merge whose changelog conflict was
//! resolved by hand, reverted with `git revert -m 1`, gets its revert entry.

use std::process::Output;

use crate::support::{Repo, SKELETON, relhook_bin, stderr, stdout, text};

fn ok(out: Output) -> Output {
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    out
}

/// `relhook release ARGS` with the date pinned to the tags' own (the tests' committer date),
/// so that a rebuilt heading (dated by its tag) and the written one agree.
fn release(repo: &Repo, args: &[&str]) -> Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-01-01")
        .arg("release")
        .args(args);
    cmd.output().expect("run relhook release")
}

/// Stages everything and commits through the hooks.
fn commit_all(repo: &Repo, message: &str) {
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", message]);
    assert!(out.status.success(), "{message:?}: {}", text(&out));
}

fn rebuilt(repo: &Repo, args: &[&str]) -> String {
    let mut all = vec!["changelog", "--rebuild", "--stdout"];
    all.extend_from_slice(args);
    stdout(&ok(repo.relhook(&all)))
}

/// The file from `## [Unreleased]` on: a rebuild writes the template's preamble, not the one
/// the file started with.
fn from_unreleased(log: &str) -> String {
    log[log.find("## [Unreleased]").expect("an Unreleased section")..].to_owned()
}

/// A monorepo with package `a` at `packages/a` and a root changelog, relhook installed.
fn monorepo() -> Repo {
    let repo = Repo::new();
    repo.write(
        "packages/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"1.0.0\"\n",
    );
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"packages/a\"\n\n[checks]\ntest = [\"true\"]\n",
    );
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo
}

/// The package directory moved (`git mv`, the configuration's `path` updated in the same
/// commit): the commits made at the old path are still the package's. The rebuild of its
/// changelog equals what the hooks wrote, and the root's gets none of them.
#[test]
fn a_rebuild_follows_a_package_across_a_move() {
    let repo = monorepo();
    repo.write("packages/a/one.rs", "1\n");
    commit_all(&repo, "feat: a one");
    ok(release(&repo, &["--package", "a"]));
    repo.write("packages/a/two.rs", "2\n");
    commit_all(&repo, "feat: a two");
    repo.write("root.txt", "r\n");
    commit_all(&repo, "fix: root thing");
    std::fs::create_dir_all(repo.path().join("libs")).unwrap();
    repo.git(&["mv", "packages/a", "libs/a"]);
    let config = repo
        .read(".relconfig.toml")
        .replace("\"packages/a\"", "\"libs/a\"");
    repo.write(".relconfig.toml", config);
    commit_all(&repo, "refactor: move a to libs/a");
    repo.write("libs/a/three.rs", "3\n");
    commit_all(&repo, "fix: a three");

    let written = repo.read("libs/a/CHANGELOG.md");
    assert!(
        written.contains("- a one") && written.contains("- a two") && written.contains("- a three"),
        "{written}"
    );
    assert_eq!(rebuilt(&repo, &["--package", "a"]), written);
    let root = repo.read("CHANGELOG.md");
    assert!(
        root.contains("- root thing") && !root.contains("- a "),
        "{root}"
    );
    assert_eq!(
        from_unreleased(&rebuilt(&repo, &[])),
        from_unreleased(&root)
    );
    // The next version and the sync read the same commits: the feature made at the old
    // place makes it a minor release.
    let out = ok(repo.relhook(&["version", "--package", "a", "--next"]));
    assert_eq!(stdout(&out).trim(), "1.1.0", "{}", text(&out));
    let out = ok(repo.relhook(&["changelog", "--sync", "--package", "a"]));
    assert_eq!(
        repo.read("libs/a/CHANGELOG.md"),
        written,
        "{}",
        stderr(&out)
    );
}

/// The file from Unreleased on, in the documented differences' terms: release headings
/// without their dates (a hand tag's heading is dated by relhook's clock, a rebuilt one by
/// its tag), and each release's entries as sorted `### Section: - entry` lines (the hooks list
/// a merged branch's entries and sub-sections as the merge combined them, a rebuild in the
/// order of history's dates, which are all the same here). An entry reworded by hand
/// (`(reworded)`) is the person's, not history's, and left out.
fn normalized(log: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut entries: Vec<String> = Vec::new();
    let mut section = String::new();
    for l in from_unreleased(log).lines() {
        if let Some(name) = l.strip_prefix("### ") {
            section = name.to_owned();
        } else if l.starts_with("- ") && !l.contains("(reworded)") {
            entries.push(format!("{section}: {l}"));
        } else if let Some((v, _)) = l.strip_prefix("## [").and_then(|r| r.split_once(']')) {
            entries.sort();
            out.append(&mut entries);
            out.push(format!("## [{v}]"));
        }
    }
    entries.sort();
    out.append(&mut entries);
    out.join("\n")
}

/// A file change committed through the hooks.
fn change(repo: &Repo, file: &str, message: &str) {
    repo.write(file, format!("{message}\n"));
    commit_all(repo, message);
}

fn run_git(repo: &Repo, args: &[&str]) {
    let out = repo.git_output(args);
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
}

fn tag(repo: &Repo, name: &str) {
    let out = crate::support::hand_tag(repo, &["-a", name, "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// A branch `topic` from main with two changes, merged with `--no-ff` through the hooks.
fn merge_topic(repo: &Repo) {
    run_git(repo, &["switch", "-q", "-c", "topic"]);
    change(repo, "t1.txt", "feat: topic one");
    change(repo, "t2.txt", "fix: topic two");
    run_git(repo, &["switch", "-q", "main"]);
    change(repo, "m.txt", "fix: main meanwhile");
    run_git(repo, &["merge", "-q", "--no-ff", "--no-edit", "topic"]);
}

type Script = fn(&Repo);

/// Makes each scripted history through the hooks, one git command at a time, in a fresh
/// installed repository, and returns the differences between what the hooks wrote and what
/// `--rebuild` writes from history (release headings' dates and entry order aside), one per
/// script that differs; with each repository, for more checks.
fn hooks_against_rebuild(scripts: &[(&str, Script)]) -> (Vec<String>, Vec<Repo>) {
    let mut differ = Vec::new();
    let mut repos = Vec::new();
    for (name, script) in scripts {
        let repo = Repo::new();
        ok(repo.relhook(&["install"]));
        change(&repo, "a.txt", "feat: start");
        script(&repo);
        assert!(
            repo.is_clean(),
            "{name}: {}",
            repo.git(&["status", "--porcelain"])
        );
        let written = normalized(&repo.read("CHANGELOG.md"));
        let rebuilt = normalized(&rebuilt(&repo, &[]));
        if written != rebuilt {
            differ.push(format!(
                "{name}:\n--- hooks\n{written}\n--- rebuild\n{rebuilt}\n--- history\n{}",
                repo.git(&["log", "--graph", "--format=%s"])
            ));
        }
        // Nor has `--sync` anything to change.
        let before = repo.read("CHANGELOG.md");
        let out = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
        if stdout(&out) != before {
            differ.push(format!(
                "{name}: --sync would write:\n{}\n--- over\n{before}",
                stdout(&out)
            ));
        }
        repos.push(repo);
    }
    (differ, repos)
}

/// Reverts and reapplies of released merges and changes, on main and through branches: what
/// the hooks wrote is what `--rebuild` writes. The first failed: a merge reverted with `git
/// revert -m 1`, released, then reapplied (`Reapply "Merge branch …"`) lost the branch's
/// entries in a rebuild (and in notes built from history), while post-commit and `--sync`
/// gave them back.
#[test]
fn the_hooks_and_a_rebuild_agree_on_reverted_and_reapplied_releases() {
    let scripts: &[(&str, Script)] = &[
        ("merge released, reverted, released, reapplied", |repo| {
            merge_topic(repo);
            tag(repo, "v0.1.0");
            run_git(repo, &["revert", "--no-edit", "-m", "1", ":/^Merge branch"]);
            tag(repo, "v0.1.1");
            run_git(repo, &["revert", "--no-edit", "HEAD~1"]);
        }),
        ("merge released, reverted, reapplied", |repo| {
            merge_topic(repo);
            tag(repo, "v0.1.0");
            run_git(repo, &["revert", "--no-edit", "-m", "1", "HEAD~1"]);
            run_git(repo, &["revert", "--no-edit", "HEAD"]);
        }),
        (
            "merge and its revert released together, reapplied",
            |repo| {
                merge_topic(repo);
                run_git(repo, &["revert", "--no-edit", "-m", "1", "HEAD"]);
                tag(repo, "v0.1.0");
                run_git(repo, &["revert", "--no-edit", "HEAD~1"]);
            },
        ),
        (
            "change released, reverted, reapplied on a branch merged",
            |repo| {
                change(repo, "x.txt", "feat: x");
                tag(repo, "v0.1.0");
                run_git(repo, &["revert", "--no-edit", "HEAD~1"]);
                run_git(repo, &["switch", "-q", "-c", "again"]);
                run_git(repo, &["revert", "--no-edit", "HEAD"]);
                run_git(repo, &["switch", "-q", "main"]);
                change(repo, "m2.txt", "fix: main again");
                run_git(repo, &["merge", "-q", "--no-ff", "--no-edit", "again"]);
            },
        ),
        (
            "branch released, reverted, released, merged again with more",
            |repo| {
                merge_topic(repo);
                tag(repo, "v0.1.0");
                run_git(repo, &["revert", "--no-edit", "-m", "1", "HEAD~1"]);
                tag(repo, "v0.1.1");
                run_git(repo, &["switch", "-q", "topic"]);
                change(repo, "t3.txt", "fix: topic three");
                run_git(repo, &["switch", "-q", "main"]);
                run_git(repo, &["merge", "-q", "--no-ff", "--no-edit", "topic"]);
            },
        ),
    ];
    let (differ, repos) = hooks_against_rebuild(scripts);
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
    // Notes built from history (a tag without a section) list the reapplied branch too.
    let repo = &repos[0];
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.2.0", "-m", "r"]));
    let notes = stdout(&ok(repo.relhook(&["notes", "v0.2.0"])));
    assert_eq!(
        notes, "### Added\n\n- topic one\n\n### Fixed\n\n- topic two\n",
        "{notes}"
    );
}

/// A released change reapplied on a branch (git's `Reapply`, which post-commit gives the
/// change's entry back), or made again there with the same wording (another fix, as
/// post-commit sees it), then merged: the merge driver dropped the branch's entry because an
/// older release lists the same text, while `--rebuild` (rightly) lists it. A merged entry
/// is stale only when the branch had it before the release: not when it is new on the branch.
#[test]
fn a_merge_keeps_a_released_entry_the_branch_added_again() {
    let scripts: &[(&str, Script)] = &[
        (
            "released merge reverted on a branch, merged, released, reapplied there",
            |repo| {
                merge_topic(repo);
                tag(repo, "v0.1.0");
                run_git(repo, &["switch", "-q", "-c", "undo"]);
                run_git(repo, &["revert", "--no-edit", "-m", "1", "HEAD~1"]);
                run_git(repo, &["switch", "-q", "main"]);
                run_git(repo, &["merge", "-q", "--no-ff", "--no-edit", "undo"]);
                tag(repo, "v0.1.1");
                run_git(repo, &["switch", "-q", "undo"]);
                run_git(repo, &["revert", "--no-edit", "HEAD"]);
                run_git(repo, &["switch", "-q", "main"]);
                run_git(repo, &["merge", "-q", "--no-ff", "--no-edit", "undo"]);
            },
        ),
        (
            "merge released, reverted, released, reapplied on a branch merged",
            |repo| {
                merge_topic(repo);
                tag(repo, "v0.1.0");
                run_git(repo, &["revert", "--no-edit", "-m", "1", "HEAD~1"]);
                tag(repo, "v0.1.1");
                run_git(repo, &["switch", "-q", "-c", "again"]);
                run_git(repo, &["revert", "--no-edit", "HEAD~1"]);
                run_git(repo, &["switch", "-q", "main"]);
                change(repo, "m2.txt", "fix: main again");
                run_git(repo, &["merge", "-q", "--no-ff", "--no-edit", "again"]);
            },
        ),
        (
            "change released, reverted, released, reapplied on a branch merged",
            |repo| {
                change(repo, "x.txt", "feat: x");
                tag(repo, "v0.1.0");
                run_git(repo, &["revert", "--no-edit", "HEAD~1"]);
                tag(repo, "v0.1.1");
                run_git(repo, &["switch", "-q", "-c", "again"]);
                run_git(repo, &["revert", "--no-edit", "HEAD~1"]);
                run_git(repo, &["switch", "-q", "main"]);
                change(repo, "m2.txt", "fix: main again");
                run_git(repo, &["merge", "-q", "--no-ff", "--no-edit", "again"]);
            },
        ),
        (
            "the same wording again on a branch after a release",
            |repo| {
                change(repo, "x.txt", "fix: typo");
                tag(repo, "v0.1.0");
                run_git(repo, &["switch", "-q", "-c", "again"]);
                change(repo, "y.txt", "fix: typo");
                run_git(repo, &["switch", "-q", "main"]);
                change(repo, "m2.txt", "fix: main again");
                run_git(repo, &["merge", "-q", "--no-ff", "--no-edit", "again"]);
            },
        ),
        (
            "a stale branch merged after the release of its entry",
            |repo| {
                run_git(repo, &["switch", "-q", "-c", "stale"]);
                change(repo, "s.txt", "fix: stale one");
                run_git(repo, &["switch", "-q", "main"]);
                run_git(repo, &["merge", "-q", "--no-ff", "--no-edit", "stale"]);
                tag(repo, "v0.1.0");
                run_git(repo, &["switch", "-q", "stale"]);
                change(repo, "s2.txt", "fix: stale two");
                run_git(repo, &["switch", "-q", "main"]);
                run_git(repo, &["merge", "-q", "--no-ff", "--no-edit", "stale"]);
            },
        ),
    ];
    let (differ, _) = hooks_against_rebuild(scripts);
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
}

/// A merge whose CHANGELOG.md the driver could not combine (main released while the branch
/// reworded an entry and added one), concluded by keeping the marked blocks of `keep`
/// (`ours`, `theirs` or `both`), or with `git checkout --ours` for `file`.
fn conflicted_merge(repo: &Repo, keep: &str) {
    run_git(repo, &["switch", "-q", "-c", "topic"]);
    change(repo, "t1.txt", "feat: topic one");
    let log = repo
        .read("CHANGELOG.md")
        .replace("- start", "- start (reworded)");
    repo.write("CHANGELOG.md", log);
    commit_all(repo, "docs: reword the start");
    run_git(repo, &["switch", "-q", "main"]);
    tag(repo, "v0.1.0");
    change(repo, "m.txt", "fix: main meanwhile");
    let out = repo.git_output(&["merge", "-q", "--no-ff", "--no-edit", "topic"]);
    assert!(
        !out.status.success(),
        "the driver marks the conflict: {}",
        text(&out)
    );
    if keep == "file" {
        run_git(repo, &["checkout", "--ours", "CHANGELOG.md"]);
    } else {
        let mut block = "";
        let mut kept = String::new();
        for l in repo.read("CHANGELOG.md").lines() {
            if l.starts_with("<<<<<<<") {
                block = "ours";
            } else if l.starts_with("=======") {
                block = "theirs";
            } else if l.starts_with(">>>>>>>") {
                block = "";
            } else if block.is_empty() || keep == "both" || keep == block {
                kept.push_str(l);
                kept.push('\n');
            }
        }
        repo.write("CHANGELOG.md", kept);
    }
    run_git(repo, &["add", "CHANGELOG.md"]);
    run_git(repo, &["commit", "-q", "--no-edit"]);
}

/// The id git printed for the merge it concluded (`[main b1b3872] Merge branch 'topic'`),
/// from HEAD's reflog: post-commit's amend that put entries back made another commit since.
fn git_named_merge(repo: &Repo) -> String {
    let reflog = repo.git(&["log", "-g", "--format=%H %gs", "HEAD"]);
    let line = reflog
        .lines()
        .find(|l| l.contains(" commit (merge): "))
        .expect("a merge in HEAD's reflog");
    line[..40].to_owned()
}

/// A merge concluded after a changelog conflict, then reverted with `git revert -m 1`, after a
/// release or before: the revert records what any other reverted merge gets (`revert "…"`
/// once released, the branch's entries gone before), whether it names the merge history has
/// or the one git printed when the merge was concluded, which post-commit rewrote to put
/// back the entries the resolution dropped. QA's case was the latter: no revert entry, and
/// before a release the branch's entries stayed in Unreleased, in the hooks' file and in a
/// rebuild alike.
#[test]
fn a_revert_of_a_merge_concluded_after_a_changelog_conflict_is_recorded() {
    let scripts: &[(&str, Script)] = &[
        ("checkout --ours, released, git's id reverted", |repo| {
            conflicted_merge(repo, "file");
            let named = git_named_merge(repo);
            assert_ne!(
                named,
                repo.git(&["rev-parse", "HEAD"]),
                "post-commit amended it"
            );
            tag(repo, "v0.2.0");
            run_git(repo, &["revert", "--no-edit", "-m", "1", &named]);
            let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
            assert!(
                log.contains("### Removed\n\n- revert \"topic one\"\n"),
                "{log}"
            );
        }),
        ("checkout --ours, git's id reverted", |repo| {
            conflicted_merge(repo, "file");
            let named = git_named_merge(repo);
            let out = repo.git_output(&["revert", "--no-edit", "-m", "1", &named]);
            assert!(
                stderr(&out).contains("removed `- topic one`: this commit reverts the merge"),
                "{}",
                text(&out)
            );
            let log = repo.read("CHANGELOG.md");
            assert!(!log.contains("topic one"), "{log}");
        }),
        ("checkout --ours, released, reverted", |repo| {
            conflicted_merge(repo, "file");
            tag(repo, "v0.2.0");
            run_git(repo, &["revert", "--no-edit", "-m", "1", ":/^Merge branch"]);
        }),
        ("ours, released, reverted", |repo| {
            conflicted_merge(repo, "ours");
            tag(repo, "v0.2.0");
            run_git(repo, &["revert", "--no-edit", "-m", "1", ":/^Merge branch"]);
        }),
        ("theirs, released, reverted", |repo| {
            conflicted_merge(repo, "theirs");
            tag(repo, "v0.2.0");
            run_git(repo, &["revert", "--no-edit", "-m", "1", ":/^Merge branch"]);
        }),
        ("both, released, reverted", |repo| {
            conflicted_merge(repo, "both");
            tag(repo, "v0.2.0");
            run_git(repo, &["revert", "--no-edit", "-m", "1", ":/^Merge branch"]);
        }),
        ("checkout --ours, reverted", |repo| {
            conflicted_merge(repo, "file");
            run_git(repo, &["revert", "--no-edit", "-m", "1", "HEAD"]);
        }),
        ("both, reverted", |repo| {
            conflicted_merge(repo, "both");
            run_git(repo, &["revert", "--no-edit", "-m", "1", "HEAD"]);
        }),
        (
            "ours, released, reverted with another file in conflict",
            |repo| {
                conflicted_merge(repo, "ours");
                tag(repo, "v0.2.0");
                change(repo, "t1.txt", "fix: main changes t1");
                let out = repo.git_output(&["revert", "--no-edit", "-m", "1", ":/^Merge branch"]);
                assert!(!out.status.success(), "{}", text(&out));
                run_git(repo, &["rm", "-q", "t1.txt"]);
                let mut cmd = repo.command_in("git", &repo.path());
                let out = cmd
                    .env("GIT_EDITOR", "true")
                    .args(["revert", "--continue"])
                    .output();
                ok(out.unwrap());
            },
        ),
    ];
    let (differ, repos) = hooks_against_rebuild(scripts);
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
    // A clone has no copy of the commit git's id names: the merge of the same mainline parent
    // stands for it, and the clone's rebuild is the same.
    let repo = &repos[0];
    let clone = Repo::new();
    std::fs::remove_dir_all(clone.path()).unwrap();
    let url = format!("file://{}", repo.path().display());
    let out = clone
        .command_in("git", clone.dir.path())
        .args(["clone", "-q", &url, "repo"])
        .output()
        .unwrap();
    ok(out);
    assert!(
        !clone
            .git_output(&["cat-file", "-e", &git_named_merge(repo)])
            .status
            .success()
    );
    assert_eq!(rebuilt(&clone, &[]), rebuilt(repo, &[]));
}
