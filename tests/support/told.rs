//! A `--format json` report beside what the command says on stderr: every line said for
//! people (beside the progress) must be in the report, for the scripts that read it.

use super::{Repo, ok, stderr, text};

/// The JSON report of `relhook ARGS` (exit 0), after checking that every line its stderr
/// says beside the progress (`progress`: how such a line starts or what it holds) is in it:
/// a warning in `warnings`, the `next:` step in `next`, any other in `notes`, each with the
/// lines indented under it. Also returns stderr.
pub fn reported_with(repo: &Repo, args: &[&str], progress: &[&str]) -> (serde_json::Value, String) {
    let out = ok(repo.relhook(args));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", text(&out)));
    let (notes, warnings) = (strings(&v, "notes"), strings(&v, "warnings"));
    let err = stderr(&out);
    let mut said: Vec<String> = Vec::new();
    for line in err.lines() {
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
    (v, err)
}

/// [`reported_with`]'s report alone.
pub fn reported(repo: &Repo, args: &[&str], progress: &[&str]) -> serde_json::Value {
    reported_with(repo, args, progress).0
}

/// The strings of the report's array `key`.
pub fn strings(v: &serde_json::Value, key: &str) -> Vec<String> {
    let list = v[key]
        .as_array()
        .unwrap_or_else(|| panic!("no `{key}`: {v}"));
    list.iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

/// Whether the report's array `key` holds a string starting with `start`.
pub fn has(v: &serde_json::Value, key: &str, start: &str) -> bool {
    strings(v, key).iter().any(|s| s.starts_with(start))
}

/// Packages a (at `p/a`, `a_settings` added to its table) and b (at `p/b`), both package.json
/// at 1.0.0, committed with relhook installed; released with `release --all --no-test` when
/// `released`.
pub fn two_packages(a_settings: &str, released: bool) -> Repo {
    let repo = Repo::new();
    repo.write("p/a/package.json", r#"{"name":"a","version":"1.0.0"}"#);
    repo.write("p/b/package.json", r#"{"name":"b","version":"1.0.0"}"#);
    repo.write(
        ".relconfig.toml",
        format!("[packages.a]\npath = \"p/a\"\n{a_settings}[packages.b]\npath = \"p/b\"\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    ok(repo.relhook(&["install"]));
    if released {
        ok(repo.relhook(&["release", "--all", "--no-test"]));
    }
    repo
}
