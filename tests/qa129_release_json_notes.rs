//! QA129: `relhook release --dry-run --format json`, with a `v2.0.0-rc.1` tag on a branch main
//! has not merged, printed the note naming that pre-release (and the `git merge` that brings it
//! in) on stderr only: a script reading the JSON planned 1.0.1 with no word of it. The report
//! now has `notes` (and `warnings`), each line as the text prints it; stdout stays one document.

use crate::support::{Repo, ok, stderr, stdout};

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[test]
fn another_branchs_pre_release_line_is_a_note_in_the_json() {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["checkout", "-q", "-b", "next"]);
    repo.commit("feat!: b");
    repo.git(&["tag", "-a", "v2.0.0-rc.1", "-m", "v2.0.0-rc.1"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.commit("fix: c");

    let text = stderr(&ok(repo.relhook(&["release", "--dry-run", "--no-test"])));
    let said = text
        .lines()
        .find_map(|l| l.strip_prefix("relhook: note: "))
        .filter(|n| n.starts_with("v2.0.0-rc.1 is on branch `next`"))
        .unwrap_or_else(|| panic!("{text}"));
    for dry in [true, false] {
        let mut args = vec!["release", "--no-test", "--format", "json"];
        if dry {
            args.push("--dry-run");
        }
        let out = ok(repo.relhook(&args));
        let v = json(&out);
        assert_eq!(v["version"], "1.0.1", "{v}");
        // First, as on stderr; the real run goes on with what it says after tagging.
        assert_eq!(v["notes"][0], said, "{v}");
        assert_eq!(v["warnings"], serde_json::json!([]), "{v}");
        // Said on stderr as well, as the text says it.
        assert!(stderr(&out).contains(said), "{}", stderr(&out));
        if !dry {
            assert_eq!(repo.git(&["tag", "-l", "v1.0.1"]), "v1.0.1");
        }
    }
}

#[test]
fn a_version_below_the_commits_is_a_warning_in_the_json() {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("feat!: b");

    let args = [
        "release",
        "1.0.1",
        "--dry-run",
        "--no-test",
        "--format",
        "json",
    ];
    let out = ok(repo.relhook(&args));
    let v = json(&out);
    let warnings = v["warnings"].as_array().unwrap_or_else(|| panic!("{v}"));
    assert_eq!(warnings.len(), 1, "{v}");
    let warning = warnings[0].as_str().unwrap();
    assert!(
        stderr(&out).contains(&format!("relhook: warning: {warning}")),
        "{}",
        stderr(&out)
    );
    assert_eq!(v["notes"], serde_json::json!([]), "{v}");
}
