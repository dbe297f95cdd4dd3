//! QA263: a package's release writes the `**deps:**` entry of the root project that requires
//! it into the root's `## [Unreleased]` under `Changed`: that sub-section went where Keep a
//! Changelog puts it (below `Added`), not where the configured `[changelog] order` does.

use crate::qa50_root_dependents::{adopted, change};
use crate::qa249_changelog_order::headings;
use crate::support::ok;

#[test]
fn the_roots_deps_entry_goes_where_the_configured_order_puts_changed() {
    let repo = adopted(
        &[
            (
                "Cargo.toml",
                "[package]\nname = \"app\"\nversion = \"3.0.0\"\nedition = \"2021\"\n\n[dependencies]\ncore = { path = \"crates/core\", version = \"1.0\" }\n\n[workspace]\nmembers = [\".\", \"crates/*\"]\n",
            ),
            ("src/main.rs", "fn main() {}\n"),
            (
                "crates/core/Cargo.toml",
                "[package]\nname = \"core\"\nversion = \"1.0.0\"\nedition = \"2021\"\n",
            ),
            ("crates/core/src/lib.rs", "pub fn c() {}\n"),
        ],
        "[checks]\nrequire_tested_tags = false\n[changelog]\norder = [\"Changed\", \"Added\"]\n[packages.core]\npath = \"crates/core\"\n",
    );
    change(&repo, "src/main.rs", "fix: app fix");
    ok(repo.relhook(&["release", "--no-test"]));
    change(&repo, "crates/core/src/lib.rs", "fix(core): core fix");
    ok(repo.relhook(&["release", "--package", "core", "--no-test"]));
    // The root's Unreleased holds an `Added` entry (the post-commit hook's) when core's
    // breaking release comes.
    change(&repo, "src/main.rs", "feat: app feature");
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        headings(&log[..log.find("## [3.0.0]").unwrap()]),
        ["Added"],
        "{log}"
    );
    change(&repo, "crates/core/src/lib.rs", "feat(core)!: core break");
    ok(repo.relhook(&["release", "--package", "core", "--no-test"]));
    let log = repo.read("CHANGELOG.md");
    let unreleased = &log[..log.find("## [3.0.0]").unwrap_or_else(|| panic!("{log}"))];
    assert!(
        unreleased.contains("- **deps:** require core 2.0.0"),
        "{log}"
    );
    assert!(unreleased.contains("- app feature"), "{log}");
    assert_eq!(headings(unreleased), ["Changed", "Added"], "{log}");
}
