//! QA159: `relhook release --resume --format json` (a monorepo's, and a single project's)
//! reported the tags it made, but not what it says on stderr after them: a tag pre-push will
//! refuse as untested and the `next:` step were on stderr only. The report now carries them in
//! `notes`, `warnings` and `next`, as the release's own report does.

use crate::support::{Repo, ok, stderr, text};

/// The JSON report of `relhook ARGS` (exit 0), after checking that every line its stderr
/// says beside the progress (`progress`: how such a line starts or what it holds) is in it:
/// a warning in `warnings`, the `next:` step in `next`, any other in `notes`, each with the
/// lines indented under it.
pub(crate) fn reported(repo: &Repo, args: &[&str], progress: &[&str]) -> serde_json::Value {
    let out = ok(repo.relhook(args));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", text(&out)));
    let (notes, warnings) = (strings(&v, "notes"), strings(&v, "warnings"));
    let mut said: Vec<String> = Vec::new();
    for line in stderr(&out).lines() {
        match said.last_mut() {
            Some(last) if line.starts_with("  ") => {
                last.push('\n');
                last.push_str(line);
            }
            _ => said.push(line.to_owned()),
        }
    }
    for line in &said {
        if progress
            .iter()
            .any(|p| line.starts_with(p) || line.contains(p))
        {
            continue;
        }
        if let Some(w) = line.strip_prefix("relhook: warning: ") {
            assert!(warnings.contains(&w.to_owned()), "{line:?} not in {v:#}");
        } else if let Some(n) = line.strip_prefix("next: ") {
            assert_eq!(v["next"], n, "{v:#}");
        } else {
            let n = line.strip_prefix("relhook: ").unwrap_or(line);
            let n = n.strip_prefix("note: ").unwrap_or(n);
            assert!(notes.contains(&n.to_owned()), "{line:?} not in {v:#}");
        }
    }
    v
}

/// The strings of the report's array `key`.
pub(crate) fn strings(v: &serde_json::Value, key: &str) -> Vec<String> {
    let list = v[key]
        .as_array()
        .unwrap_or_else(|| panic!("no `{key}`: {v}"));
    list.iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

const PROGRESS: &[&str] = &["relhook: finishing the release of ", " tagged on "];

#[test]
fn a_monorepo_resume_s_report_carries_the_untested_tag_and_the_next_step() {
    let repo = Repo::new();
    repo.write("p/a/package.json", r#"{"name":"a","version":"1.0.0"}"#);
    repo.write("p/b/package.json", r#"{"name":"b","version":"1.0.0"}"#);
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    ok(repo.relhook(&["install"]));
    // A release commit whose tags are missing, as a kill leaves it.
    ok(repo.relhook(&["release", "--all", "--no-test"]));
    repo.git(&["tag", "-d", "a-v1.0.0", "b-v1.0.0"]);
    let args = ["release", "--resume", "--no-test", "--format", "json"];
    let v = reported(&repo, &args, PROGRESS);
    assert_eq!(repo.git(&["tag", "-l", "a-v1.0.0"]), "a-v1.0.0");
    let notes = strings(&v, "notes");
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("a-v1.0.0 was not tested (--no-test)")),
        "{v:#}"
    );
    let next = v["next"].as_str().unwrap_or_else(|| panic!("{v:#}"));
    assert!(next.contains("relhook test"), "{v:#}");
}

#[test]
fn a_single_resume_s_report_carries_them_too() {
    let repo = Repo::new();
    repo.write("package.json", r#"{"name":"x","version":"1.0.0"}"#);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["release", "--no-test"]));
    repo.git(&["tag", "-d", "v1.0.0"]);
    let args = ["release", "--resume", "--no-test", "--format", "json"];
    let v = reported(&repo, &args, PROGRESS);
    assert!(
        strings(&v, "notes")
            .iter()
            .any(|n| n.starts_with("v1.0.0 was not tested (--no-test)")),
        "{v:#}"
    );
    assert!(v["next"].as_str().is_some(), "{v:#}");
}
