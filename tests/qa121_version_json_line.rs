//! QA121: `relhook version --next --explain` says why the next version is a pre-release's line
//! though the commits alone call for less (`v0.9.0`, a feature, `v1.0.0-rc.1`: next 1.0.0, "the
//! release finishes that line"), and `version --next` notes a line that already shipped a
//! breaking change (next 2.0.0, `relhook release 1.1.0` finishes the line instead). The JSON
//! carried neither: a script saw `next` with no reason. It now has `pre_release_line` and
//! `shipped_in_line`, each with the sentence the text prints; the other fields stay as they were.

use crate::support::{Repo, ok, stdout, untested_installed};

fn json(repo: &Repo, args: &[&str]) -> serde_json::Value {
    let out = ok(repo.relhook(args));
    serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)))
}

fn released(repo: &Repo, version: &str) {
    ok(repo.relhook(&["release", version]));
}

#[test]
fn a_finished_pre_release_line_is_in_the_json() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    released(&repo, "0.9.0");
    repo.commit_hooked("feat: b");
    released(&repo, "1.0.0-rc.1");
    let explained = stdout(&ok(repo.relhook(&["version", "--next", "--explain"])));
    let said = explained
        .lines()
        .find(|l| l.starts_with("that is "))
        .unwrap_or_else(|| panic!("{explained}"));
    for args in [
        &["version", "--next", "--format", "json"][..],
        &["version", "--format", "json"],
    ] {
        let v = json(&repo, args);
        assert_eq!(v["next"], "1.0.0", "{v}");
        assert_eq!(v["current_tag"], "v1.0.0-rc.1", "{v}");
        let line = &v["pre_release_line"];
        assert_eq!(line["tag"], "v1.0.0-rc.1", "{v}");
        assert_eq!(line["commits_call_for"], "0.9.1", "{v}");
        assert_eq!(line["finishes"], true, "{v}");
        assert_eq!(line["message"], said, "{v}");
        assert!(v.get("shipped_in_line").is_none(), "{v}");
    }
    // Going on with the line (`--pre rc`) is said as such.
    repo.commit_hooked("fix: c");
    let v = json(&repo, &["version", "--pre", "rc", "--format", "json"]);
    assert_eq!(v["next"], "1.0.0-rc.2", "{v}");
    assert_eq!(v["pre_release_line"]["finishes"], false, "{v}");
    let message = v["pre_release_line"]["message"].as_str().unwrap();
    assert!(message.contains("goes on with that line"), "{v}");
}

#[test]
fn a_line_that_shipped_the_breaking_change_is_in_the_json() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    released(&repo, "1.0.0");
    repo.commit_hooked("feat!: b");
    released(&repo, "1.1.0-rc.1");
    repo.commit_hooked("fix: c");
    let out = ok(repo.relhook(&["version", "--next"]));
    let note = crate::support::stderr(&out);
    let v = json(&repo, &["version", "--next", "--format", "json"]);
    assert_eq!(v["next"], "2.0.0", "{v}");
    assert!(v.get("pre_release_line").is_none(), "{v}");
    let shipped = &v["shipped_in_line"];
    assert_eq!(shipped["tag"], "v1.1.0-rc.1", "{v}");
    assert_eq!(shipped["level"], "major", "{v}");
    assert_eq!(shipped["headers"], serde_json::json!(["feat!: b"]), "{v}");
    assert_eq!(shipped["instead"], "1.1.0", "{v}");
    assert_eq!(shipped["command"], "relhook release 1.1.0", "{v}");
    let message = shipped["message"].as_str().unwrap();
    assert!(note.contains(message), "{note}\n{v}");
    // The command pasted finishes the line.
    let command = shipped["command"].as_str().unwrap();
    let out = repo.sh(command);
    assert!(out.status.success(), "{}", crate::support::text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v1.1.0"]), "v1.1.0");
}
