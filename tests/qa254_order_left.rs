//! QA254: what `[changelog] order` (QA249) left out. post-commit's edit of a changelog copy
//! the user has modified (unstaged, or staged and left out of the commit) placed a new
//! sub-section in the vocabulary's order, not the configured one.

use crate::support::{Repo, ok, text};

/// The sub-section headings of `log`, top to bottom.
fn headings(log: &str) -> Vec<&str> {
    log.lines().filter_map(|l| l.strip_prefix("### ")).collect()
}

/// An initialised, hooked repository whose `[changelog] order` puts `Fixed` above `Added`,
/// with one `feat` entry under `Added`.
fn fixed_first() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml").replacen(
        "accumulate = true\n",
        "accumulate = true\norder = [\"Fixed\", \"Added\"]\n",
        1,
    );
    assert!(config.contains("order = [\"Fixed\""), "{config}");
    repo.write(".relconfig.toml", &config);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.commit_hooked("feat: add");
    assert_eq!(headings(&repo.read("CHANGELOG.md")), ["Added"]);
    repo
}

/// The changelog with a line of the user's own in its intro.
fn edited(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md").replacen(
        "## [Unreleased]",
        "Our own note.\n\n## [Unreleased]",
        1,
    );
    repo.write("CHANGELOG.md", &log);
    log
}

#[test]
fn an_unstaged_copy_gets_a_new_sub_section_in_the_configured_order() {
    let repo = fixed_first();
    edited(&repo);
    repo.commit_hooked("fix: mend");
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(headings(&committed), ["Fixed", "Added"], "{committed}");
    let copy = repo.read("CHANGELOG.md");
    assert!(copy.contains("Our own note."), "{copy}");
    assert_eq!(headings(&copy), ["Fixed", "Added"], "{copy}");
}

#[test]
fn a_staged_copy_left_out_of_the_commit_gets_it_in_the_configured_order() {
    let repo = fixed_first();
    edited(&repo);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.write("other.txt", "other\n");
    repo.git(&["add", "other.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: mend", "--", "other.txt"]);
    assert!(out.status.success(), "{}", text(&out));
    let committed = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(headings(&committed), ["Fixed", "Added"], "{committed}");
    let staged = repo.git(&["show", ":CHANGELOG.md"]);
    assert!(staged.contains("Our own note."), "{staged}");
    assert_eq!(headings(&staged), ["Fixed", "Added"], "{staged}");
}

/// A cog.toml whose sections are relhook's four defaults still gives cocogitto's order of
/// them (`order` keys, and its default order of the rest): `init` carries it.
#[test]
fn init_carries_cocogitto_s_order_of_relhook_s_default_sections() {
    let repo = Repo::new();
    let omitted: String = ["docs", "test", "build", "ci", "refactor", "chore", "style"]
        .iter()
        .map(|t| format!("{t} = {{ omit_from_changelog = true }}\n"))
        .collect();
    repo.write(
        "cog.toml",
        format!("[commit_types]\nfix = {{ changelog_title = \"Fixed\", order = 0 }}\n{omitted}"),
    );
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("\norder = [\"Fixed\", \"Added\", \"Changed\", \"Removed\"]\n"),
        "{}\n{config}",
        text(&out)
    );
    assert!(
        text(&out)
            .contains(" and the `[changelog] order` of their sub-sections: the project's own"),
        "{}",
        text(&out)
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    repo.hooks(&["commit-msg", "post-commit"]);
    for message in ["perf: speed", "feat: add", "fix: mend"] {
        repo.commit_hooked(message);
    }
    let log = repo.read("CHANGELOG.md");
    assert_eq!(headings(&log), ["Fixed", "Added", "Changed"], "{log}");
}
