//! QA66: in a monorepo with a released root crate (release-plz's layout: a top Cargo.toml with
//! `[package]` and `[workspace]`), a root release that moved the root's own requirement on a
//! crate it releases with it (`macros`, in `[version] files`) gave the package requiring the
//! root its `**deps:**` entry, but the root's own section, and so its notes, said nothing of
//! the requirement its release commit changed in the root's manifest. It now lists it, as a
//! package dependent's section does; a requirement the root crate does not ship (only in
//! `[workspace.dependencies]` for the members, a dev-dependency) is not its entry.

use super::qa50_root_dependents::{adopted, change};
use crate::support::{ok, stdout, text};

const CONFIG: &str = "[checks]\nrequire_tested_tags = false\n\n[version]\nfiles = [\n  { path = \"Cargo.toml\", key = \"package.version\" },\n  { path = \"crates/macros/Cargo.toml\", key = \"package.version\" },\n]\n\n[packages.cli]\npath = \"crates/cli\"\n";

const ROOT: &str = "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\nmembers = [\"crates/cli\", \"crates/macros\"]\n\n[workspace.dependencies]\napp = { path = \".\", version = \"0.1.0\" }\n\n[dependencies]\nmacros = { path = \"crates/macros\", version = \"0.1.0\" }\n\n[dev-dependencies]\ndev-macros = { package = \"macros\", path = \"crates/macros\", version = \"0.1.0\" }\n";

const LOG: &str =
    "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2024-01-01\n\n### Added\n\n- start\n";

const OWN: &str = "- **deps:** require macros 0.2.0 (`0.1.0` → `0.2.0` in Cargo.toml)";

#[test]
fn root_release_lists_its_own_moved_requirement() {
    let repo = adopted(
        &[
            ("Cargo.toml", ROOT),
            ("src/lib.rs", "pub fn f() {}\n"),
            (
                "crates/macros/Cargo.toml",
                "[package]\nname = \"macros\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            ),
            ("crates/macros/src/lib.rs", "\n"),
            (
                "crates/cli/Cargo.toml",
                "[package]\nname = \"cli\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\napp = { workspace = true }\n",
            ),
            ("crates/cli/src/lib.rs", "\n"),
            ("CHANGELOG.md", LOG),
            ("crates/cli/CHANGELOG.md", LOG),
        ],
        CONFIG,
    );
    for tag in ["v0.1.0", "cli-v0.1.0"] {
        repo.git(&["tag", "-a", tag, "-m", tag]);
    }
    change(&repo, "src/lib.rs", "feat: root thing");
    let out = repo.relhook(&["release", "minor", "--no-test"]);
    ok(out.clone());
    // The release commit moved the root's requirement...
    let manifest = repo.read("Cargo.toml");
    assert!(
        manifest.contains("macros = { path = \"crates/macros\", version = \"0.2.0\" }"),
        "{manifest}"
    );
    // ...and the root's section says so, once, beside its commit's entry; not the
    // `[workspace.dependencies]` line only cli inherits, nor the dev-dependency.
    let log = repo.read("CHANGELOG.md");
    let section = &log[log.find("## [0.2.0]").unwrap_or_else(|| panic!("{log}"))..];
    assert_eq!(section.matches(OWN).count(), 1, "{log}");
    assert!(section.contains("- root thing"), "{log}");
    assert!(!section.contains("require app"), "{log}");
    assert!(!section.contains("dev-dependencies"), "{log}");
    let notes = repo.relhook(&["notes", "v0.2.0"]);
    assert!(stdout(&notes).contains(OWN), "{}", text(&notes));
    // The package requiring the root still gets its own entry.
    let cli = repo.read("crates/cli/CHANGELOG.md");
    assert!(
        cli.contains("- **deps:** require app 0.2.0 (`0.1.0` → `0.2.0` in Cargo.toml)"),
        "{cli}"
    );
    // Nothing left for doctor to flag in the root's changelog.
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("INVALID"), "{doctor}");
}
