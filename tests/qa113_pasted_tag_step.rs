//! QA113: the rebase way for a hand-written section whose commit leaves the version files
//! behind ended in "then tag that commit" (pre-push, doctor) or "then tag it" (`relhook
//! release`): a step with no command, whose commit the rebase had just given a new id. The
//! advice now ends with the tag command, naming the commit by its place under HEAD after the
//! rebase, and each step pasted in order releases it.

use crate::qa98_moved_unset::section_written_by_hand;
use crate::qa104_moved_unset_doctor::quoted;
use crate::support::{Repo, ok, stderr, stdout, text};

/// The `fix:` line of a refused push of the tag.
fn prepush_fix(repo: &Repo) -> String {
    let out = repo.git_output(&["push", "-q", "origin", "main", "v0.1.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    err.lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{err}"))
        .to_owned()
}

/// Every `fix:` line doctor prints.
fn doctor_fixes(repo: &Repo) -> Vec<String> {
    let report = stdout(&repo.relhook(&["doctor"]));
    report
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("fix: "))
        .map(str::to_owned)
        .collect()
}

/// Runs an advice's commands as printed: `git rebase -i` with the todo edited as `todo` says
/// (the `edit`/`drop` marks), package.json set to 0.1.0 in the commit it stops on, and every
/// other command pasted into a shell; the last must be the tag command.
fn follow(repo: &Repo, advice: &str, todo: &str) {
    let commands: Vec<&str> = quoted(advice)
        .into_iter()
        .filter(|c| !matches!(*c, "edit" | "drop"))
        .collect();
    let last = commands.last().unwrap_or_else(|| panic!("{advice}"));
    assert!(last.starts_with("git tag -a v0.1.0 "), "{advice}");
    for command in commands {
        if command.starts_with("git rebase -i ") {
            let out = repo.sh(&format!("GIT_SEQUENCE_EDITOR=\"{todo}\" {command}"));
            assert!(out.status.success(), "{command}: {}", text(&out));
            let json = repo.read("package.json").replace("0.0.0", "0.1.0");
            repo.write("package.json", json);
            ok(repo.git_output(&["commit", "-q", "-a", "--amend", "--no-edit"]));
            let out = repo.git_output(&["rebase", "--continue"]);
            assert!(out.status.success(), "{}", text(&out));
        } else {
            let out = repo.sh(command);
            assert!(out.status.success(), "{command}: {}", text(&out));
        }
    }
    let tagged = repo.git(&["rev-parse", "v0.1.0^{commit}"]);
    let message = repo.git(&["log", "-1", "--format=%s", &tagged]);
    assert_eq!(message, "docs: write the 0.1.0 notes", "{advice}");
}

/// Pushed, the tag with its branch.
fn pushes(repo: &Repo) {
    let out = repo.sh("git push -q origin main v0.1.0");
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn pre_push_advice_ends_with_the_tag_command_and_pastes() {
    let (repo, section) = section_written_by_hand();
    repo.commit_hooked("fix: b");
    repo.commit_hooked("fix: c");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));

    let fix = prepush_fix(&repo);
    assert!(fix.contains(&format!("git rebase -i {section}~1")), "{fix}");
    assert!(!fix.contains("then tag that commit,"), "{fix}");
    follow(&repo, &fix, "sed -i 1s/^pick/edit/");
    assert!(doctor_fixes(&repo).is_empty());
    pushes(&repo);
}

#[test]
fn doctor_advice_with_a_dropped_commit_names_the_section_commit_under_head() {
    let (repo, _) = section_written_by_hand();
    repo.commit_hooked("fix: b");
    let json = repo.read("package.json").replace("0.0.0", "0.1.0");
    repo.write("package.json", json);
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: set version"]));
    repo.commit_hooked("fix: c");
    ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]));

    let fixes = doctor_fixes(&repo);
    let [fix] = fixes.as_slice() else {
        panic!("one fix expected: {fixes:#?}");
    };
    // The commit that only sets the version is dropped: two commits stay above the section.
    assert!(
        fix.ends_with("`git tag -a v0.1.0 -m 'release 0.1.0' HEAD~2`"),
        "{fix}"
    );
    let todo = "sed -i -e 1s/^pick/edit/ -e '/chore: set version/s/^pick/drop/'";
    follow(&repo, fix, todo);
    pushes(&repo);
}

#[test]
fn release_refusal_ends_with_the_tag_command_and_pastes() {
    let (repo, _) = section_written_by_hand();
    repo.commit_hooked("fix: b");

    let out = repo.relhook(&["release"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("then tag it\n"), "{err}");
    assert!(
        err.contains("`git tag -a v0.1.0 -m 'release 0.1.0' HEAD~1`"),
        "{err}"
    );
    follow(&repo, &err, "sed -i 1s/^pick/edit/");
    pushes(&repo);
}
