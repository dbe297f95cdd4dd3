//! QA249: relhook placed a release's sub-sections in Keep a Changelog's order (or the file's
//! vocabulary's), names it does not know last: a project moved from cocogitto got `Changed`
//! above `Fixed` and `Miscellaneous Chores` above `Documentation`, against its types' `order`.
//! `[changelog] order` now sets the order, and `relhook init` writes cocogitto's there.

use crate::support::{Repo, ok, stdout, text};

/// The sub-section headings of `log`, top to bottom.
pub(crate) fn headings(log: &str) -> Vec<&str> {
    log.lines().filter_map(|l| l.strip_prefix("### ")).collect()
}

/// An initialised repository, commit-msg and post-commit hooked, whose committed
/// `[changelog] order` puts `Fixed` above `Added` (the vocabulary's the other way).
pub(crate) fn fixed_above_added() -> Repo {
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
    repo
}

#[test]
fn init_from_cog_toml_keeps_cocogitto_s_order_of_sub_sections() {
    let repo = Repo::new();
    repo.write("cog.toml", "branch_whitelist = [\"main\"]\n");
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("\norder = [\"Added\", \"Fixed\", \"Changed\", \"Removed\", \"Documentation\", \"Tests\", \"Build system\", \"Continuous Integration\", \"Refactoring\", \"Miscellaneous Chores\", \"Style\"]\n"),
        "{}\n{config}",
        text(&out)
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    ok(repo.relhook(&["install"]));
    for message in [
        "chore: tidy",
        "docs: explain",
        "fix: mend",
        "perf: speed",
        "feat: add",
    ] {
        repo.commit_hooked(message);
    }
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        headings(&log),
        [
            "Added",
            "Fixed",
            "Changed",
            "Documentation",
            "Miscellaneous Chores"
        ],
        "{log}"
    );
    // A rebuild from history writes them in the same order.
    let rebuilt = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert_eq!(
        headings(&stdout(&rebuilt)),
        headings(&log),
        "{}",
        text(&rebuilt)
    );
}

#[test]
fn a_hand_written_order_places_sub_sections_with_unlisted_ones_after() {
    let repo = fixed_above_added();
    for message in ["perf: speed", "feat: add", "fix: mend"] {
        repo.commit_hooked(message);
    }
    let log = repo.read("CHANGELOG.md");
    assert_eq!(headings(&log), ["Fixed", "Added", "Changed"], "{log}");
    // Release notes from history, and a rebuild, follow it too.
    repo.git(&["tag", "-a", "v0.2.0", "-m", "v0.2.0"]);
    let rebuilt = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    assert_eq!(
        headings(&stdout(&rebuilt)),
        ["Fixed", "Added", "Changed"],
        "{}",
        text(&rebuilt)
    );
}

#[test]
fn an_order_naming_a_sub_section_twice_is_refused_in_one_line() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[changelog]\norder = [\"Added\", \"Fixed\", \"added\"]\n",
    );
    let out = repo.relhook(&["changelog", "--sync"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = text(&out);
    let line = said
        .lines()
        .find(|l| l.contains("`changelog.order`"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(line.contains("`added` is listed twice"), "{said}");
}
