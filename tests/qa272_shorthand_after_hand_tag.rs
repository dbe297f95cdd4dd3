//! QA272: after a hand tag of a package with a `workspace:*` dependent (`git tag -a a-v1.0.1`
//! after a fix to a), the reference-transaction hook names the dependent's release
//! (`relhook release --package b`), while `relhook doctor`, `relhook version --all --next` and
//! `relhook release --all` called b up to date, and `relhook release --package b` had nothing
//! to release. Each now judges b as the hook does: b's published copy (its last release's
//! `workspace:*`, published as `1.0.0`) no longer admits a 1.0.1.

use crate::support::{Repo, ok, text};

/// Packages a (`@p/core` 1.0.0) and b (`@p/ui` 2.1.0, requiring it as `req`) of a pnpm
/// workspace, both released, a fix committed in a, and a released by hand (`a-v1.0.1`).
pub(crate) fn hand_tagged(req: &str) -> Repo {
    let repo = workspace(req);
    let out = crate::support::hand_tag(&repo, &["-a", "a-v1.0.1", "-m", "a-v1.0.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("relhook release --package b"),
        "{}",
        text(&out)
    );
    repo
}

/// Packages a (`@p/core` 1.0.0) and b (`@p/ui` 2.1.0, requiring it as `req`) of a pnpm
/// workspace, both released, and a fix committed in a.
fn workspace(req: &str) -> Repo {
    let repo = crate::support::two_packages(
        "{\n  \"name\": \"@p/core\",\n  \"version\": \"1.0.0\"\n}\n",
        &format!(
            "{{\n  \"name\": \"@p/ui\",\n  \"version\": \"2.1.0\",\n  \"dependencies\": {{\"@p/core\": \"{req}\"}}\n}}\n"
        ),
    );
    repo.write("pnpm-workspace.yaml", "packages:\n  - \"p/*\"\n");
    repo.write(
        "package.json",
        "{\n  \"name\": \"mono\",\n  \"private\": true\n}\n",
    );
    for (dir, version) in [("p/a", "1.0.0"), ("p/b", "2.1.0")] {
        repo.write(
            &format!("{dir}/CHANGELOG.md"),
            format!("# Changelog\n\n## [Unreleased]\n\n## [{version}] - 2020-01-01\n\n### Added\n\n- start\n"),
        );
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: pnpm workspace"]);
    for tag in ["a-v1.0.0", "b-v2.1.0"] {
        ok(repo.git_skipping_relhook(&["tag", "-a", tag, "-m", tag]));
    }
    repo.write("p/a/x.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): x");
    repo
}

/// The same with a requirement the hand tag leaves met: the hook names no release.
fn hand_tagged_quietly(req: &str) -> Repo {
    let repo = workspace(req);
    let out = crate::support::hand_tag(&repo, &["-a", "a-v1.0.1", "-m", "a-v1.0.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!text(&out).contains("--package b"), "{}", text(&out));
    repo
}

const ENTRY: &str =
    "**deps:** require a 1.0.1 (`workspace:*` in p/b/package.json publishes `1.0.1`, not `1.0.0`)";

#[test]
fn version_doctor_and_release_all_agree_with_the_hook() {
    let repo = hand_tagged("workspace:*");
    let next = ok(repo.relhook(&["version", "--all", "--next"]));
    let lines = repo_lines(&next.stdout);
    assert!(
        lines.contains(&"a 1.0.1 (nothing to release)".to_owned()),
        "{}",
        text(&next)
    );
    assert!(
        lines.iter().any(|l| l.starts_with("b 2.1.0 -> 2.1.1")),
        "{}",
        text(&next)
    );
    let doctor = repo.relhook(&["doctor"]);
    let said = String::from_utf8_lossy(&doctor.stdout).into_owned();
    assert!(said.contains("package b"), "{}", text(&doctor));
    assert!(
        said.contains("`relhook release --package b`"),
        "{}",
        text(&doctor)
    );
    assert!(!said.contains("all is well"), "{}", text(&doctor));
    let plan = ok(repo.relhook(&["release", "--all", "--dry-run", "--no-test"]));
    assert!(text(&plan).contains("b-v2.1.1"), "{}", text(&plan));
    assert!(text(&plan).contains(ENTRY), "{}", text(&plan));
    assert!(!text(&plan).contains("a-v1.0.2"), "{}", text(&plan));
}

#[test]
fn the_release_the_hook_names_works_as_pasted() {
    let repo = hand_tagged("workspace:*");
    let out = ok(repo.relhook(&["release", "--package", "b", "--no-test"]));
    let tags = repo.git(&["tag", "-l", "--points-at", "HEAD"]);
    assert_eq!(tags, "b-v2.1.1", "{}", text(&out));
    let b = repo.read("p/b/package.json");
    assert!(
        b.contains("\"version\": \"2.1.1\"") && b.contains("\"@p/core\": \"workspace:*\""),
        "{b}"
    );
    assert!(repo.read("p/b/CHANGELOG.md").contains(ENTRY));
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    // Released: nothing is due any more, and doctor says nothing of it.
    let next = ok(repo.relhook(&["version", "--all", "--next"]));
    assert_eq!(
        repo_lines(&next.stdout),
        [
            "a 1.0.1 (nothing to release)",
            "b 2.1.1 (nothing to release)"
        ],
        "{}",
        text(&next)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(!text(&doctor).contains("package b"), "{}", text(&doctor));
}

/// Published as `^1.0.0`, b still admits a 1.0.1: nothing is due, as the hook said nothing.
#[test]
fn a_caret_shorthand_still_met_is_due_nothing() {
    let repo = hand_tagged_quietly("workspace:^");
    let next = ok(repo.relhook(&["version", "--all", "--next"]));
    assert!(
        repo_lines(&next.stdout).contains(&"b 2.1.0 (nothing to release)".to_owned()),
        "{}",
        text(&next)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(!text(&doctor).contains("package b"), "{}", text(&doctor));
    let out = repo.relhook(&["release", "--package", "b", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("nothing to release"), "{}", text(&out));
}

fn repo_lines(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The sibling moved to another folder after b's release (its table's `path` changed with it):
/// what b published is still read where the configuration of b's release had a.
#[test]
fn a_sibling_moved_since_is_read_where_it_was() {
    let repo = workspace("workspace:*");
    repo.git(&["mv", "p/a", "p/k"]);
    let config = repo.read(".relconfig.toml").replace("\"p/a\"", "\"p/k\"");
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("refactor(a): move a to p/k");
    let out = crate::support::hand_tag(&repo, &["-a", "a-v1.0.1", "-m", "a-v1.0.1"]);
    assert!(
        text(&out).contains("relhook release --package b"),
        "{}",
        text(&out)
    );
    let next = ok(repo.relhook(&["version", "--all", "--next"]));
    assert!(
        repo_lines(&next.stdout)
            .iter()
            .any(|l| l.starts_with("b 2.1.0 -> 2.1.1")),
        "{}",
        text(&next)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        text(&doctor).contains("`relhook release --package b`"),
        "{}",
        text(&doctor)
    );
}

/// A pre-release hand tag of a: `workspace:*` links whatever version a has, so it leaves no
/// requirement unmet. The tag was refused ("edit it by hand so that it admits 1.0.1-rc.1",
/// which no edit of `workspace:*` does); now it is made, and b's release is named.
#[test]
fn a_pre_release_hand_tag_is_not_refused_for_a_workspace_star() {
    let repo = workspace("workspace:*");
    let out = crate::support::hand_tag(&repo, &["-a", "a-v1.0.1-rc.1", "-m", "a-v1.0.1-rc.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("relhook release --package b"),
        "{}",
        text(&out)
    );
}
