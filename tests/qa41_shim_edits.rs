//! QA41: a line added inside relhook's shim (between its lines, not below them) was lost on
//! the next `relhook install` or `relhook uninstall`. Both now leave such a shim alone and say
//! so in one line, naming the file and how to settle it.

use crate::support::{Repo, ok, stdout, text};

/// The pre-push shim with `line` put in after its `chain=` line.
fn edit_inside(repo: &Repo, line: &str) -> String {
    let hook = repo.hooks_dir().join("pre-push");
    let shim = std::fs::read_to_string(&hook).unwrap();
    let edited = shim.replacen("\nchain=", &format!("\n{line}\nchain="), 1);
    assert_ne!(edited, shim);
    std::fs::write(&hook, &edited).unwrap();
    edited
}

#[test]
fn install_and_uninstall_keep_lines_added_inside_the_shim() {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    let hook = repo.hooks_dir().join("pre-push");
    let edited = edit_inside(&repo, "echo mine >&2");

    for args in [&["install"][..], &["install"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert_eq!(std::fs::read_to_string(&hook).unwrap(), edited);
        let said = stdout(&out);
        let line = said
            .lines()
            .find(|l| l.starts_with("pre-push: NOT updated"))
            .unwrap_or_else(|| panic!("{said}"));
        assert!(line.contains(".git/hooks/pre-push"), "{line}");
        assert!(line.contains("echo mine"), "{line}");
        assert!(line.contains("relhook install"), "{line}");
    }

    let out = repo.relhook(&["doctor"]);
    assert!(
        stdout(&out).contains("lines relhook did not write inside its shim"),
        "{}",
        text(&out)
    );

    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), edited);
    let said = stdout(&out);
    let line = said
        .lines()
        .find(|l| l.starts_with("pre-push: NOT removed"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(line.contains("echo mine"), "{line}");
    assert!(line.contains("relhook uninstall"), "{line}");
    // The other hooks went as usual.
    assert!(!repo.hooks_dir().join("commit-msg").exists());
}

#[test]
fn a_hook_chained_beside_an_edited_shim_is_kept_too() {
    let repo = Repo::new();
    let hook = repo.hooks_dir().join("pre-push");
    std::fs::create_dir_all(repo.hooks_dir()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\nexit 0\n").unwrap();
    crate::support::make_executable(&hook);
    ok(repo.relhook(&["install"]));
    edit_inside(&repo, "# my note");
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        std::fs::read_to_string(&hook)
            .unwrap()
            .contains("# my note")
    );
    let kept = repo.hooks_dir().join("pre-push.relhook-orig");
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        "#!/bin/sh\nexit 0\n"
    );
    // Once the user has dealt with it, uninstall puts the kept hook back.
    std::fs::remove_file(&hook).unwrap();
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\nexit 0\n"
    );
}
