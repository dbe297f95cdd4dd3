//! reference-transaction as the launcher or a link to relhook (`hooks::link`, `cli::linked`): git
//! starts it without a shell on every ref update. What the sh shim did still happens: the hook relhook
//! replaced runs first with the same input and can veto, RELHOOK_SKIP bypasses relhook but not
//! that hook, and an install of an older shim becomes the link.

use crate::support::{Repo, chmod, installed_repo, ok, stderr, text};

fn rt(repo: &Repo) -> std::path::PathBuf {
    repo.hooks_dir().join("reference-transaction")
}

#[test]
fn install_makes_reference_transaction_a_link_and_again_changes_nothing() {
    let repo = installed_repo();
    let hook = rt(&repo);
    assert!(crate::support::is_rt_hook(&hook));
    let again = ok(repo.relhook(&["install"]));
    assert!(
        crate::support::stdout(&again)
            .contains("reference-transaction: already installed in .git/hooks, nothing changed"),
        "{}",
        text(&again)
    );
    assert!(crate::support::is_rt_hook(&hook));
    let doctor = ok(repo.relhook(&["doctor"]));
    assert!(
        crate::support::stdout(&doctor).contains("ok  hook reference-transaction"),
        "{}",
        text(&doctor)
    );
    // A hand tag is a release through the link, and `git branch` says nothing.
    repo.commit_hooked("feat: one");
    let out = repo.git_output(&["branch", "topic"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stderr(&out), "");
    let out = crate::support::hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    // uninstall takes the link away and leaves no hook.
    ok(repo.relhook(&["uninstall"]));
    assert!(hook.symlink_metadata().is_err());
}

#[test]
fn an_older_shim_becomes_the_link_on_install() {
    let repo = Repo::new();
    repo.commit("chore: start");
    // `--force` over a hook of the user's writes the sh shim (the launcher always runs the
    // hook it replaced, and `--force` says not to); made to look like the previous version's
    // default one.
    let hook = rt(&repo);
    std::fs::create_dir_all(hook.parent().unwrap()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\nexit 0\n").unwrap();
    crate::support::chmod(&hook, 0o755);
    ok(repo.relhook(&["install", "--force"]));
    let shim = std::fs::read_to_string(&hook).unwrap();
    assert!(shim.starts_with("#!/bin/sh\n"), "{shim}");
    std::fs::write(
        &hook,
        shim.replace("# relhook-shim v15 ", "# relhook-shim v9 ")
            .replace("\nchain=0\n", "\nchain=1\n"),
    )
    .unwrap();
    let d = repo.relhook(&["doctor"]);
    assert!(
        crate::support::stdout(&d).contains("shim v9 is older"),
        "{}",
        text(&d)
    );
    let out = ok(repo.relhook(&["install"]));
    assert!(text(&out).contains("shim v9 → v15"), "{}", text(&out));
    assert!(crate::support::is_rt_hook(&hook));
}

#[test]
fn the_hook_it_replaced_runs_first_with_the_same_lines_and_can_veto() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let log = repo.scratch("log").join("seen");
    let mine = format!(
        "#!/bin/sh\nwhile read -r old new ref; do echo \"$1 $ref\" >>'{}'; case $ref in refs/tags/veto*) exit 3 ;; esac; done\nexit 0\n",
        log.display()
    );
    let hook = rt(&repo);
    std::fs::write(&hook, &mine).unwrap();
    chmod(&hook, 0o755);
    ok(repo.relhook(&["install"]));
    assert!(crate::support::is_rt_hook(&hook));
    let kept = repo.hooks_dir().join("reference-transaction.relhook-orig");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), mine);

    let out = repo.git_output(&["branch", "topic"]);
    assert!(out.status.success(), "{}", text(&out));
    let seen = std::fs::read_to_string(&log).unwrap();
    assert!(seen.contains("prepared refs/heads/topic"), "{seen}");
    assert!(seen.contains("committed refs/heads/topic"), "{seen}");

    // Its veto stands, with its exit code, RELHOOK_SKIP or not.
    for skip in ["0", "1"] {
        let out = repo.git_in(&repo.path(), &["tag", "veto1"], &[("RELHOOK_SKIP", skip)]);
        assert!(!out.status.success(), "{}", text(&out));
        assert!(
            stderr(&out).contains("aborted by the reference-transaction hook")
                || stderr(&out).contains("aborted by hook"),
            "{}",
            text(&out)
        );
    }
    assert_eq!(repo.git(&["tag", "-l", "veto1"]), "");

    // uninstall puts it back as it was.
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), mine);
    assert!(kept.symlink_metadata().is_err());
}

#[test]
fn relhook_skip_lets_a_moved_release_tag_through_the_link() {
    let repo = installed_repo();
    repo.commit_hooked("feat: one");
    ok(crate::support::hand_tag(
        &repo,
        &["-a", "v0.1.0", "-m", "v0.1.0"],
    ));
    repo.commit_hooked("fix: two");
    let out = repo.git_output(&["update-ref", "refs/tags/v0.1.0", "HEAD"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("refusing tag v0.1.0"),
        "{}",
        text(&out)
    );
    let out = repo.git_in(
        &repo.path(),
        &["update-ref", "refs/tags/v0.1.0", "HEAD"],
        &[("RELHOOK_SKIP", "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
}
