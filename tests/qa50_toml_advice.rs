//! QA50: advice that prints TOML quoted file names and tag prefixes into `"…"` without
//! escaping (`changelog.path = "docs/CH"A\NGES.md"`, `tag_prefix = "rel"x-"`): pasted, the
//! configuration was invalid. Now each value is written as TOML reads it.

use crate::support::{Repo, hand_tag, ok, stderr, stdout};

/// The text between the backticks that follow `lead` in `said`.
fn quoted_after<'a>(said: &'a str, lead: &str) -> &'a str {
    said.split(lead)
        .nth(1)
        .and_then(|s| s.split('`').next())
        .unwrap_or_else(|| panic!("no `{lead}` in:\n{said}"))
}

/// Doctor finds the pasted .relconfig.toml valid.
fn assert_valid(repo: &Repo) {
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(
        said.lines()
            .any(|l| l.contains(" ok  config: ") && l.contains("is valid")),
        "{said}"
    );
}

/// A repository with relhook installed and one commit.
fn installed() -> Repo {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn doctor_s_changelog_path_for_a_link_pastes_as_valid_toml() {
    let repo = installed();
    let target = "docs/CH\"A\\NGES.md";
    repo.write(target, "# Changelog\n\n## [Unreleased]\n");
    std::os::unix::fs::symlink(target, repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: link"]);
    let said = stdout(&repo.relhook(&["doctor"]));
    let line = quoted_after(&said, "the file the link names: `");
    assert!(line.starts_with("path = "), "{said}");
    assert!(
        said.contains("` under [changelog] in .relconfig.toml"),
        "{said}"
    );
    let parsed: toml::Table = toml::from_str(line).expect("valid TOML");
    assert_eq!(parsed["path"].as_str(), Some(target), "{line}");
    repo.write(".relconfig.toml", format!("[changelog]\n{line}\n"));
    assert_valid(&repo);
}

#[test]
fn a_hand_tag_s_tag_prefix_advice_pastes_as_valid_toml() {
    let repo = installed();
    repo.commit("feat: a");
    let out = hand_tag(&repo, &["-a", "rel\"x-1.2.3", "-m", "x"]);
    assert!(!out.status.success());
    let said = stderr(&out);
    let line = quoted_after(&said, "if this project's releases are named so, set `");
    assert_eq!(line, "tag_prefix = 'rel\"x-'", "{said}");
    let parsed: toml::Table = toml::from_str(line).expect("valid TOML");
    assert_eq!(parsed["tag_prefix"].as_str(), Some("rel\"x-"), "{line}");
    repo.write(".relconfig.toml", format!("[version]\n{line}\n"));
    assert_valid(&repo);
}
