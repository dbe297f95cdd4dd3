//! QA138: `relhook release --format json` (with `--dry-run` or not) said on stderr only that
//! commits since the last release are not Conventional Commits, so each counts as a patch and
//! gets no changelog entry: a script reading the JSON saw an empty `warnings`. The report now
//! carries that warning as printed, its commits listed on lines of their own.

use crate::support::{Repo, ok, stderr, stdout};

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[test]
fn commits_that_are_not_conventional_are_a_warning_in_the_json() {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("Update stuff");
    let odd = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.commit("fix: c");

    let said = format!(
        "1 commit since v1.0.0 is not a Conventional Commit; each counts as a patch and gets no changelog entry:\n  {odd} Update stuff"
    );
    for dry in [true, false] {
        let mut args = vec![
            "release",
            "--no-test",
            "--allow-unlinted",
            "--format",
            "json",
        ];
        if dry {
            args.push("--dry-run");
        }
        let out = ok(repo.relhook(&args));
        let v = json(&out);
        assert_eq!(v["version"], "1.0.1", "{v}");
        assert_eq!(v["warnings"], serde_json::json!([said]), "{v}");
        // A warning, never a note (the real run's notes say what follows its tag).
        let notes = v["notes"].as_array().unwrap();
        assert!(dry == notes.is_empty(), "{v}");
        assert!(!notes.contains(&serde_json::json!(said)), "{v}");
        // Said on stderr as well, as the text says it.
        let err = stderr(&out);
        assert!(
            err.contains(&format!("relhook: warning: {said}\n")),
            "{err}"
        );
        assert_eq!(
            err.matches("is not a Conventional Commit").count(),
            1,
            "{err}"
        );
    }
    assert_eq!(repo.git(&["tag", "-l", "v1.0.1"]), "v1.0.1");
}
