//! QA137: semantic-release's docs have every user keep `"version": "0.0.0-development"` in
//! package.json, the version living in tags only. Straight after `relhook init` and `relhook
//! install`, doctor said INVALID (package.json says neither the tags' version nor one to bump)
//! and every release and hand tag was refused. `init` now turns detection off for such a file,
//! saying why, and with no configuration a found file at the placeholder is left as it is.

use crate::support::{Repo, ok, stdout, text};

/// A semantic-release project: package.json and its lock at the placeholder, released as
/// v1.0.0 by tag alone, and a fix since.
fn semantic_release_repo(placeholder: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        format!("{{\n  \"name\": \"x\",\n  \"version\": \"{placeholder}\"\n}}\n"),
    );
    repo.write(
        "package-lock.json",
        format!(
            "{{\n  \"name\": \"x\",\n  \"version\": \"{placeholder}\",\n  \"lockfileVersion\": 3,\n  \"packages\": {{\n    \"\": {{\n      \"name\": \"x\",\n      \"version\": \"{placeholder}\"\n    }}\n  }}\n}}\n"
        ),
    );
    repo.git(&["add", "-A"]);
    repo.commit("feat: start");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("fix: a");
    repo
}

/// Doctor's report has no INVALID row.
fn doctor_clean(repo: &Repo) {
    let report = text(&repo.relhook(&["doctor"]));
    assert!(!report.contains("INVALID"), "{report}");
}

#[test]
fn init_takes_the_version_from_tags_and_doctor_and_release_pass_the_placeholder() {
    for placeholder in [
        "0.0.0-development",
        "0.0.0-semantically-released",
        "0.0.0-semantic-release",
    ] {
        let repo = semantic_release_repo(placeholder);
        let out = ok(repo.relhook(&["init"]));
        let said = format!(
            "set `[version] detect = false`: package.json holds semantic-release's placeholder {placeholder}, so versions come from tags only"
        );
        assert!(stdout(&out).contains(&said), "{}", text(&out));
        assert!(repo.read(".relconfig.toml").contains("\ndetect = false\n"));
        ok(repo.relhook(&["install"]));
        ok(repo.relhook(&["changelog", "--sync"]));
        repo.git(&["add", "-A"]);
        repo.commit("chore: adopt relhook");
        doctor_clean(&repo);

        let out = ok(repo.relhook(&["release", "--dry-run"]));
        let plan = text(&out);
        assert!(plan.contains("release v1.0.1 (1.0.0 → 1.0.1"), "{plan}");
        assert!(!plan.contains("package.json"), "{plan}");
        let out = repo.relhook(&["release"]);
        assert!(out.status.success(), "{}", text(&out));
        assert_eq!(repo.git(&["tag", "-l", "v1.0.1"]), "v1.0.1");
        assert!(repo.read("package.json").contains(placeholder));
        assert!(repo.read("package-lock.json").contains(placeholder));
    }
}

#[test]
fn without_a_configuration_a_found_placeholder_is_left_as_it_is() {
    let repo = semantic_release_repo("0.0.0-development");
    ok(repo.relhook(&["install"]));
    doctor_clean(&repo);
    let out = ok(repo.relhook(&["release", "--dry-run"]));
    let plan = text(&out);
    assert!(
        plan.contains("package.json holds semantic-release's placeholder 0.0.0-development: versions come from tags, so the release leaves it as it is"),
        "{plan}"
    );
    assert!(plan.contains("release v1.0.1 (1.0.0 → 1.0.1"), "{plan}");
    assert!(!plan.contains("+++ b/package.json"), "{plan}");
}

#[test]
fn another_pre_release_of_0_0_0_is_no_placeholder_of_semantic_release() {
    // Only semantic-release's words: `0.0.0-alpha.1` may be a version someone bumps.
    let repo = semantic_release_repo("0.0.0-alpha.1");
    let out = ok(repo.relhook(&["init"]));
    assert!(!stdout(&out).contains("semantic-release"), "{}", text(&out));
    assert!(repo.read(".relconfig.toml").contains("\ndetect = true\n"));
}
