//! QA46: pre-commit hides a passing hook's output unless its entry has `verbose: true`, so
//! with relhook run through `.pre-commit-config.yaml` nothing relhook printed on success was
//! seen: the amended commit's new hash (git's `[main …]` names the one it replaced), lint
//! warnings, why a commit got no changelog entry. relhook's `.pre-commit-hooks.yaml` and the
//! README's `repo: local` entries carry `verbose: true`, and install and doctor name an entry
//! that lacks it, in one line with the fix.

use crate::managers::{pre_commit_env, pre_commit_tools, run};
use crate::support::{Repo, ok, pending, relhook_bin, stdout, text};

/// find1.sh's configuration: relhook's commit-msg and post-commit as `repo: local` entries.
const QUIET: &str = "repos:
  - repo: local
    hooks:
      - id: relhook
        name: relhook (Conventional Commits)
        language: system
        entry: relhook hook commit-msg
        stages: [commit-msg]
      - id: relhook-post-commit
        name: relhook (changelog entry)
        language: system
        entry: relhook hook post-commit
        stages: [post-commit]
        always_run: true
        pass_filenames: false
";

const HIDDEN: &str = ".pre-commit-config.yaml's entries `relhook` (lines 4-8) and `relhook-post-commit` (lines 9-15) have no `verbose: true`, so pre-commit hides what relhook prints when it passes (warnings, notes, the amended commit's new hash)";

/// The README's `repo: local` configuration, as a user pastes it.
fn readme_local_config() -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let block = readme
        .split("```yaml\n")
        .skip(1)
        .filter_map(|b| b.split_once("```").map(|(yaml, _)| yaml))
        .find(|yaml| yaml.contains("- repo: local") && yaml.contains("relhook hook commit-msg"))
        .expect("README's `repo: local` snippet");
    let indent = block.len() - block.trim_start().len();
    block
        .lines()
        .map(|l| l.get(indent..).unwrap_or("").to_owned() + "\n")
        .collect()
}

#[test]
fn an_entry_without_verbose_is_named_by_install_and_doctor() {
    let repo = Repo::new();
    repo.write(".pre-commit-config.yaml", QUIET);
    let install = stdout(&pending(repo.relhook(&["install"])));
    assert!(
        install.contains(&format!(
            "note: {HIDDEN}: add `verbose: true` to each in .pre-commit-config.yaml\n"
        )),
        "{install}"
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let fix = "          fix: add `verbose: true` to each in .pre-commit-config.yaml";
    assert!(
        doctor.contains(&format!(" WARNING  pre-commit: {HIDDEN}\n{fix}\n")),
        "{doctor}"
    );
    // With the key, nothing is said.
    let verbose = QUIET.replace("stages: [", "verbose: true\n        stages: [");
    repo.write(".pre-commit-config.yaml", &verbose);
    let install = stdout(&pending(repo.relhook(&["install"])));
    assert!(!install.contains("verbose"), "{install}");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("verbose"), "{doctor}");
}

#[test]
fn relhooks_manifest_and_readme_entries_carry_verbose() {
    let manifest = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.pre-commit-hooks.yaml"
    ))
    .unwrap();
    let hooks = manifest.matches("\n- id: ").count();
    assert_eq!(hooks, 3, "{manifest}");
    assert_eq!(manifest.matches("\n  verbose: true\n").count(), hooks);
    // relhook's own ids, from its repository, take `verbose: true` from the manifest.
    let repo = Repo::new();
    repo.write(
        ".pre-commit-config.yaml",
        "repos:\n  - repo: https://example.com/relhook\n    rev: v1.0.0\n    hooks:\n      - id: relhook\n      - id: relhook-post-commit\n",
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("verbose"), "{doctor}");
    // The README's `repo: local` entries run relhook, output shown (pre-push stays with
    // relhook's own shim, which runs pre-commit's).
    let config = readme_local_config();
    assert!(config.starts_with("repos:\n"), "{config}");
    let repo = Repo::new();
    repo.write(".pre-commit-config.yaml", &config);
    let install = stdout(&pending(repo.relhook(&["install"])));
    for hook in ["commit-msg", "post-commit"] {
        assert!(
            install.contains(&format!(
                "{hook}: .pre-commit-config.yaml runs relhook for it"
            )),
            "{install}"
        );
    }
    assert!(!install.contains("verbose"), "{install}");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("pre-commit: "), "{doctor}");
}

/// Through pre-commit itself (skipped where it cannot be installed): the README's entries show
/// what relhook prints on a passing hook.
#[test]
fn pre_commit_shows_what_relhook_prints_with_the_readme_entries() {
    let py = match pre_commit_tools() {
        Ok(p) => p,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let repo = Repo::new();
    let env = pre_commit_env(&repo, &py);
    repo.write(".pre-commit-config.yaml", readme_local_config());
    let hook_types = ["--hook-type", "commit-msg", "--hook-type", "post-commit"];
    let install: Vec<&str> = ["-m", "pre_commit", "install"]
        .into_iter()
        .chain(hook_types)
        .collect();
    ok(run(&repo, "python3", &install, &env));
    ok(run(&repo, relhook_bin(), &["install"], &env));
    ok(run(&repo, "git", &["add", "."], &env));
    let commit = |message: &str| {
        let args = ["commit", "--allow-empty", "-m", message];
        ok(run(&repo, "git", &args, &env))
    };
    let chore = text(&commit("chore: start"));
    assert!(
        chore.contains("no changelog entry: `chore:` commits"),
        "{chore}"
    );
    let feat = text(&commit("feat: add a"));
    assert!(feat.contains("the commit is now"), "{feat}");
    let head = repo.git(&["rev-parse", "--short", "HEAD"]);
    assert!(feat.contains(&head), "{feat}");
}
