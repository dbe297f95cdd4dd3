//! QA51: doctor said "all is well" with `.relconfig.toml` not committed (new, or edited), and
//! `relhook release` then refused the tree as dirty. doctor warns for an uncommitted
//! CHANGELOG.md; now for the settings too, with the command that commits them.

use crate::support::{Repo, ok, stdout, text};

/// A released feature and a fix, relhook installed: `relhook release` would go.
fn ready() -> Repo {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: b");
    repo
}

/// The warning row and its fix, which, pasted, lets the release go.
fn warned_then_fixed(repo: &Repo) {
    let out = repo.relhook(&["doctor"]);
    let report = stdout(&out);
    assert!(!report.contains("all is well"), "{report}");
    assert!(
        report.contains("WARNING  config file: .relconfig.toml has changes not committed"),
        "{report}"
    );
    let fix = report
        .lines()
        .skip_while(|l| !l.contains("config file:"))
        .find_map(|l| l.trim().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(
        fix.starts_with("git add :/.relconfig.toml && git commit -m "),
        "{fix}"
    );
    ok(repo.sh(fix));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let after = stdout(&repo.relhook(&["doctor"]));
    assert!(!after.contains("config file"), "{after}");
    let out = repo.relhook(&["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn a_new_relconfig_not_committed_is_a_warning() {
    let repo = ready();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    warned_then_fixed(&repo);
}

#[test]
fn an_edited_relconfig_not_committed_is_a_warning() {
    let repo = ready();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: settings"]);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = true\n");
    warned_then_fixed(&repo);
}
