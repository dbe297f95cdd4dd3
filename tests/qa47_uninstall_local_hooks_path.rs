//! QA47: with core.hooksPath in the global git config, install (and uninstall) advise
//! `git config core.hooksPath <repo>/.git/hooks` for this repository alone. After
//! `relhook uninstall` that local setting stayed, silently keeping the machine's hooks from
//! running here. Uninstall now says so in one line, with the command that unsets it; it never
//! unsets it itself (install did not set it, the user did).

use crate::support::{Repo, make_executable, ok, stdout, text};

fn first_command(line: &str) -> String {
    line.split('`')
        .skip(1)
        .step_by(2)
        .find(|c| c.starts_with("git config"))
        .unwrap_or_else(|| panic!("no command in: {line}"))
        .to_owned()
}

#[test]
fn uninstall_names_the_local_hooks_path_that_shadows_the_global_one() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let global = repo.scratch("global-hooks");
    let marker = repo.scratch("m").join("ran");
    let hook = global.join("post-commit");
    std::fs::write(&hook, format!("#!/bin/sh\ntouch '{}'\n", marker.display())).unwrap();
    make_executable(&hook);
    repo.git(&[
        "config",
        "--global",
        "core.hooksPath",
        global.to_str().unwrap(),
    ]);
    let refused = repo.relhook(&["install"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    let own = first_command(&text(&refused));
    ok(repo.sh(&own));
    ok(repo.relhook(&["install"]));

    let out = ok(repo.relhook(&["uninstall"]));
    let said = stdout(&out);
    let lines: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("core.hooksPath"))
        .collect();
    assert_eq!(lines.len(), 1, "{said}");
    assert!(lines[0].contains("still set"), "{said}");
    assert!(lines[0].contains(global.to_str().unwrap()), "{said}");
    assert!(
        repo.read(".git/config").contains("hooksPath"),
        "left as the user set it"
    );
    ok(repo.sh(&first_command(lines[0])));
    assert!(!repo.read(".git/config").contains("hooksPath"));
    repo.commit_hooked("anything goes again");
    assert!(marker.exists(), "the machine's hooks run here again");
    // Nothing is said where no global setting is shadowed.
    let out = ok(repo.relhook(&["uninstall"]));
    assert!(!stdout(&out).contains("core.hooksPath"), "{}", text(&out));
}

#[test]
fn a_local_hooks_path_shadowing_nothing_is_not_mentioned() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let own = repo.path().join(".git/hooks");
    repo.git(&["config", "core.hooksPath", own.to_str().unwrap()]);
    ok(repo.relhook(&["install"]));
    let out = ok(repo.relhook(&["uninstall"]));
    assert!(!stdout(&out).contains("core.hooksPath"), "{}", text(&out));
}

/// Where the machine's hooks are relhook's (`install --shared`), the local setting is what
/// uninstall's refusal advised to keep them out of this repository: not undone.
#[test]
fn a_local_hooks_path_keeping_relhooks_shared_hooks_out_is_not_mentioned() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let global = repo.scratch("global-hooks");
    repo.git(&[
        "config",
        "--global",
        "core.hooksPath",
        global.to_str().unwrap(),
    ]);
    ok(repo.relhook(&["install", "--shared"]));
    let refused = repo.relhook(&["uninstall"]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    ok(repo.sh(&first_command(&text(&refused))));
    let out = ok(repo.relhook(&["uninstall"]));
    assert!(!stdout(&out).contains("core.hooksPath"), "{}", text(&out));
}
