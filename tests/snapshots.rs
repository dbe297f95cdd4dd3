//! Output snapshots: the text and JSON each command prints on one fixed repository (pinned
//! identity, dates and so commit ids; a fixed release date), stored under `tests/snapshots/`.
//! They pin behaviour across refactors: a change in any output shows up as a snapshot diff.
//! Review a deliberate change with `cargo insta review` (or `INSTA_UPDATE=always`).

use crate::support::{Repo, SKELETON};

/// The fixture: a released 0.1.0 with a Cargo.toml, then a feat, a fix with a body, a
/// breaking-free docs commit and a non-conventional commit (so `check` has a failure).
fn fixture() -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.commit("feat(parser): accept tabs in scopes");
    repo.commit("fix: keep the trailing newline\n\nThe writer dropped it.\n\nRefs: #12");
    repo.commit("docs: explain scopes");
    repo
}

/// Exit code, standard output and standard error of `relhook args`, with the temporary
/// directory replaced by `[TMP]`.
fn run(repo: &Repo, args: &[&str]) -> String {
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .env("RELHOOK_DATE", "2026-11-21")
        .args(args)
        .output()
        .expect("run relhook");
    let tmp = repo.dir.path().display().to_string();
    let redact = |b: &[u8]| String::from_utf8_lossy(b).replace(&tmp, "[TMP]");
    format!(
        "$ relhook {}\nexit: {:?}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        out.status.code(),
        redact(&out.stdout),
        redact(&out.stderr)
    )
}

/// Snapshots `relhook args` on `repo` as `name`.
fn snap(name: &str, repo: &Repo, args: &[&str]) {
    insta::assert_snapshot!(name, run(repo, args));
}

#[test]
fn lint_output_is_unchanged() {
    let repo = fixture();
    snap(
        "lint_pass_text",
        &repo,
        &["lint", "-m", "feat(cli): add --dry-run"],
    );
    snap(
        "lint_pass_json",
        &repo,
        &["lint", "--format", "json", "-m", "feat(cli): add --dry-run"],
    );
    snap("lint_fail_text", &repo, &["lint", "-m", "Added stuff."]);
    snap(
        "lint_fail_json",
        &repo,
        &["lint", "--format", "json", "-m", "Added stuff."],
    );
}

#[test]
fn check_output_is_unchanged() {
    let repo = fixture();
    repo.commit("Added stuff.");
    for format in ["text", "json", "github", "gitlab"] {
        snap(
            &format!("check_{format}"),
            &repo,
            &["check", "--format", format, "v0.1.0..HEAD"],
        );
    }
}

#[test]
fn version_output_is_unchanged() {
    let repo = fixture();
    snap("version_text", &repo, &["version"]);
    snap("version_json", &repo, &["version", "--format", "json"]);
    snap("version_next_text", &repo, &["version", "--next"]);
    snap(
        "version_next_explain_text",
        &repo,
        &["version", "--next", "--explain"],
    );
    snap(
        "version_next_explain_json",
        &repo,
        &["version", "--next", "--explain", "--format", "json"],
    );
}

#[test]
fn changelog_release_and_notes_output_is_unchanged() {
    let repo = fixture();
    snap("changelog_stdout", &repo, &["changelog", "--stdout"]);
    snap(
        "release_dry_run_text",
        &repo,
        &["release", "--dry-run", "--no-test"],
    );
    snap(
        "release_dry_run_json",
        &repo,
        &["release", "--dry-run", "--no-test", "--format", "json"],
    );
    snap("notes_unreleased_text", &repo, &["notes"]);
    // The release date pinned too: the release commit's id is in the JSON notes.
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", crate::support::text(&out));
    snap("notes_text", &repo, &["notes", "v0.1.1"]);
    snap(
        "notes_json",
        &repo,
        &["notes", "v0.1.1", "--format", "json"],
    );
}

#[test]
fn doctor_output_is_unchanged() {
    let repo = fixture();
    snap(
        "doctor_json_uninstalled",
        &repo,
        &["doctor", "--format", "json"],
    );
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", crate::support::text(&out));
    snap(
        "doctor_json_installed",
        &repo,
        &["doctor", "--format", "json"],
    );
    snap("doctor_text_installed", &repo, &["doctor"]);
}
