//! QA42: lines added below relhook's shim while relhook keeps the hook it replaced as
//! `<hook>.relhook-orig`: install said to put a hook of one's own in the shim's place, which the
//! next install refused beside the kept one. It now says to move them into the kept hook, and
//! doing so settles: the next install changes nothing and the lines run.

use crate::support::{Repo, make_executable, ok, stdout, text};

#[test]
fn following_the_advice_for_appended_lines_settles() {
    let repo = Repo::new();
    let hooks = repo.hooks_dir();
    std::fs::write(
        hooks.join("commit-msg"),
        "#!/bin/sh\necho MINE >> mine.log\n",
    )
    .unwrap();
    make_executable(&hooks.join("commit-msg"));
    ok(repo.relhook(&["install"]));
    let shim = std::fs::read_to_string(hooks.join("commit-msg")).unwrap();
    let added = "echo APPENDED >> mine.log\n";
    std::fs::write(hooks.join("commit-msg"), format!("{shim}{added}")).unwrap();

    let out = repo.relhook(&["install"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stdout(&out);
    let line = said.lines().find(|l| l.starts_with("commit-msg:")).unwrap();
    assert!(
        line.contains("move them into .git/hooks/commit-msg.relhook-orig")
            && !line.contains("a hook of your own"),
        "{line}"
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("move them into"), "{doctor}");

    // Followed as said.
    let kept = hooks.join("commit-msg.relhook-orig");
    let before = std::fs::read_to_string(&kept).unwrap();
    std::fs::write(&kept, format!("{before}{added}")).unwrap();
    std::fs::write(hooks.join("commit-msg"), &shim).unwrap();
    let again = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&again).contains("commit-msg: already installed"),
        "{}",
        text(&again)
    );
    repo.commit_hooked("feat: a thing");
    assert_eq!(repo.read("mine.log"), "MINE\nAPPENDED\n");
}
