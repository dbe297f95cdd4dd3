//! QA36: relhook read `~/.gitconfig` (libgit2's choice) where git reads the file
//! `GIT_CONFIG_GLOBAL` names, so a release commit (and a hand tag's) was authored under
//! another identity than git's own commits, and with no identity in git's files at all the
//! release commit was still made, its tests run, before `git tag` refused.

use std::process::{Command, Output};

use crate::support::{Repo, ok, relhook_bin, stderr, text, untested_installed};

const HOME_ID: &str = "[user]\n\tname = Home Person\n\temail = home@example.com\n";
const WORK_ID: &str = "[user]\n\tname = Work Person\n\temail = work@corp.example\n";

/// `program` with the hermetic environment but no identity in it: the configuration decides.
fn without_identity(repo: &Repo, program: impl AsRef<std::ffi::OsStr>, global: &str) -> Command {
    let mut cmd = repo.command_in(program, &repo.path());
    for key in [
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
    ] {
        cmd.env_remove(key);
    }
    cmd.env("GIT_CONFIG_GLOBAL", global);
    cmd
}

fn run(mut cmd: Command, args: &[&str]) -> Output {
    cmd.args(args).output().expect("run")
}

fn repo_with_two_ids() -> (Repo, String) {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    // libgit2 would read this one; git reads the file GIT_CONFIG_GLOBAL names.
    std::fs::write(repo.home().join(".gitconfig"), HOME_ID).unwrap();
    let work = repo.home().join("work.gitconfig");
    std::fs::write(&work, WORK_ID).unwrap();
    (repo, work.display().to_string())
}

#[test]
fn the_release_commit_and_tag_are_made_by_the_identity_git_reads() {
    let (repo, work) = repo_with_two_ids();
    let out = run(
        without_identity(&repo, relhook_bin(), &work),
        &["release", "--no-test"],
    );
    ok(out);
    let who = repo.git(&["log", "-1", "--format=%an <%ae> / %cn <%ce>"]);
    assert_eq!(
        who,
        "Work Person <work@corp.example> / Work Person <work@corp.example>"
    );
    let tagger = repo.git(&["for-each-ref", "--format=%(taggername)", "refs/tags/v0.1.0"]);
    assert_eq!(tagger, "Work Person");

    repo.commit_hooked("fix: two");
    ok(run(
        without_identity(&repo, "git", &work),
        &["tag", "-a", "v0.1.1", "-m", "hand"],
    ));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.1");
    let who = repo.git(&["log", "-1", "--format=%an <%ae>"]);
    assert_eq!(who, "Work Person <work@corp.example>");
}

#[test]
fn a_release_without_an_identity_in_gits_files_stops_before_anything() {
    let (repo, _) = repo_with_two_ids();
    // git would otherwise guess one from the host's name.
    repo.git(&["config", "user.useConfigOnly", "true"]);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = run(
        without_identity(&repo, relhook_bin(), "/dev/null"),
        &["release", "--no-test"],
    );
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stderr(&out).contains("user.email"), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no release commit");
    assert_eq!(repo.git(&["tag", "-l"]), "");
}

/// QA36: an `[includeIf "gitdir:…"]` in the file GIT_CONFIG_GLOBAL names (a work identity for
/// the work folder): git took the included identity, relhook's release commit the base one.
#[test]
fn a_conditional_include_in_the_named_file_gives_gits_identity() {
    let repo = untested_installed();
    repo.commit_hooked("feat: one");
    let included = repo.home().join("work-id.inc");
    std::fs::write(&included, WORK_ID).unwrap();
    let global = repo.home().join("conditional.gitconfig");
    let work_tree = repo.path();
    std::fs::write(
        &global,
        format!(
            "{HOME_ID}[includeIf \"gitdir:{}/\"]\n\tpath = {}\n",
            work_tree.display(),
            included.display()
        ),
    )
    .unwrap();
    let global = global.display().to_string();
    let git_says = run(
        without_identity(&repo, "git", &global),
        &["var", "GIT_COMMITTER_IDENT"],
    );
    assert!(
        crate::support::stdout(&git_says).starts_with("Work Person"),
        "{}",
        text(&git_says)
    );
    ok(run(
        without_identity(&repo, relhook_bin(), &global),
        &["release", "--no-test"],
    ));
    let who = repo.git(&["log", "-1", "--format=%s / %an / %cn"]);
    assert_eq!(who, "chore(release): 0.1.0 / Work Person / Work Person");
}
