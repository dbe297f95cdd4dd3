//! QA53: errors and refusals showed a control character in a name git gave relhook, but the
//! plain lines did not: a tracked file named with ESC, `\r` or a line break reached the
//! terminal raw in a release's notes (the runbook's old-version check), post-commit's note on
//! a moved changelog and doctor's row for it, and a `core.hooksPath` so named in every line
//! of install, doctor and uninstall. relhook's messages now pass through the same stand-ins
//! (`␛`, `␍`, `␊`) wherever they go.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text, untested_installed};

/// `s` holds no control character a terminal acts on (ESC, CR, BEL, a C1 CSI).
fn inert(s: &str) -> &str {
    assert!(
        !s.contains(['\u{1b}', '\r', '\u{7}', '\u{9b}']),
        "raw control character: {s:?}"
    );
    s
}

#[test]
fn a_release_note_names_a_tracked_file_with_control_characters_shown() {
    let repo = untested_installed();
    repo.write("ev\u{1b}[31mil\r\nx.txt", "version 0.1.0 here\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: ship the file"]);
    for args in [
        &["release", "0.2.0", "--dry-run"][..],
        &["release", "0.2.0"],
    ] {
        let out = ok(repo.relhook(args));
        let err = inert(&stderr(&out)).to_owned();
        let note = err
            .lines()
            .find(|l| l.contains("the runbook's `grep -r` check"))
            .unwrap_or_else(|| panic!("no note:\n{}", text(&out)));
        assert!(
            note.starts_with("relhook: note: ev␛[31mil␍␊x.txt:1 ")
                && note.contains("0.1.0: `version 0.1.0 here`"),
            "{note}"
        );
    }
}

#[test]
fn post_commit_and_doctor_name_a_moved_changelog_with_control_characters_shown() {
    let repo = installed_repo();
    assert!(repo.path().join("CHANGELOG.md").exists());
    let to = "CL\u{1b}[31m\r\n.md";
    repo.git(&["mv", "CHANGELOG.md", to]);
    let out = repo.git_output(&["commit", "-q", "-m", "docs: move the changelog"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = inert(&stderr(&out)).to_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("this commit moves CHANGELOG.md to CL␛[31m␍␊.md; point `changelog.path`"),
        "{err}"
    );
    let out = repo.relhook(&["doctor"]);
    let said = inert(&stdout(&out)).to_owned();
    assert!(
        said.contains("CHANGELOG.md was moved to CL␛[31m␍␊.md by commit"),
        "{said}"
    );
}

#[test]
fn install_doctor_and_uninstall_show_a_hooks_path_with_control_characters() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["config", "core.hooksPath", "ho\u{1b}[31mks\rdir"]);
    let out = ok(repo.relhook(&["install"]));
    let said = inert(&stdout(&out)).to_owned();
    inert(&stderr(&out));
    assert!(
        said.contains("installed commit-msg in ho␛[31mks␍dir\n"),
        "{said}"
    );
    let out = repo.relhook(&["doctor"]);
    let said = inert(&stdout(&out)).to_owned();
    inert(&stderr(&out));
    assert!(said.contains("core.hooksPath: ho␛[31mks␍dir "), "{said}");
    assert!(said.contains("installed in /"), "{said}");
    let out = ok(repo.relhook(&["uninstall"]));
    let said = inert(&stdout(&out)).to_owned();
    inert(&stderr(&out));
    assert!(
        said.contains("removed commit-msg from ho␛[31mks␍dir\n"),
        "{said}"
    );
}
