//! QA41: `relhook uninstall` said a `<hook>.relhook-orig` was still there without the command
//! that settles it, and left behind an empty `.git/info` that install had created.

use crate::support::{Repo, make_executable, ok, stdout, text};

#[test]
fn a_kept_hook_left_beside_another_tools_hook_is_named_with_the_commands_that_settle_it() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("pre-push");
    std::fs::create_dir_all(repo.hooks_dir()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\necho first\n").unwrap();
    make_executable(&hook);
    ok(repo.relhook(&["install"]));
    // Another tool writes its own hook over relhook's shim.
    std::fs::write(&hook, "#!/bin/sh\necho second\n").unwrap();
    let out = ok(repo.relhook(&["uninstall"]));
    let said = stdout(&out);
    let line = said
        .lines()
        .find(|l| l.contains("pre-push.relhook-orig"))
        .unwrap_or_else(|| panic!("{}", text(&out)));
    assert!(line.contains("`mv "), "{line}");
    assert!(line.contains("`rm "), "{line}");
    // Both files are as they were.
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\necho second\n"
    );
    let kept = repo.hooks_dir().join("pre-push.relhook-orig");
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        "#!/bin/sh\necho first\n"
    );
    // The command it names settles it: the kept hook is back.
    let mv = line.split('`').find(|s| s.starts_with("mv ")).unwrap();
    ok(repo.sh(mv));
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\necho first\n"
    );
    assert!(!kept.exists());
}

#[test]
fn uninstall_removes_the_info_folder_install_created_and_only_that() {
    let repo = Repo::new();
    let info = repo.path().join(".git/info");
    std::fs::remove_dir_all(&info).unwrap();
    ok(repo.relhook(&["install"]));
    assert!(info.join("attributes").exists());
    let out = ok(repo.relhook(&["uninstall"]));
    assert!(!info.exists(), "{}", text(&out));
    assert!(stdout(&out).contains(".git/info"), "{}", text(&out));
    // No trace of the record of it in git's config.
    let config = repo.git_output(&["config", "--local", "--get-regexp", "^relhook\\."]);
    assert_eq!(stdout(&config), "", "{}", text(&config));

    // Not empty at uninstall (the user put a file there): it stays.
    ok(repo.relhook(&["install"]));
    std::fs::write(info.join("exclude"), "target/\n").unwrap();
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(
        std::fs::read_to_string(info.join("exclude")).unwrap(),
        "target/\n"
    );

    // One relhook did not create: it stays, even empty.
    std::fs::remove_file(info.join("exclude")).unwrap();
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["uninstall"]));
    assert!(info.is_dir());
}
