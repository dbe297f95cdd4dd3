//! QA39 (left open): `relhook changelog --rebuild` of a package released as a dependent
//! refused its `**deps:** require …` entries as "not from history", and with --force dropped
//! them: relhook's own release commit wrote them, and the rebuild now takes them from the
//! changelog as each release tagged it.

use crate::support::{Repo, ok};

#[test]
fn a_rebuild_keeps_the_requirement_entries_of_dependent_releases() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    repo.write(
        "crates/api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"1.2.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/api/src/lib.rs", "pub fn a() {}\n");
    repo.write(
        "crates/cli/Cargo.toml",
        "[package]\nname = \"cli\"\nversion = \"0.4.0\"\nedition = \"2021\"\n\n[dependencies]\napi = { path = \"../api\", version = \"1.2\" }\n",
    );
    repo.write("crates/cli/src/main.rs", "fn main() {}\n");
    repo.write(
        ".relconfig.toml",
        "[packages.api]\npath = \"crates/api\"\n\n[packages.cli]\npath = \"crates/cli\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    ok(repo.relhook(&["install"]));
    let change = |file: &str, message: &str| {
        let mut t = repo.read(file);
        t.push_str("// more\n");
        repo.write(file, t);
        repo.git(&["add", file]);
        repo.commit_hooked(message);
    };
    change("crates/api/src/lib.rs", "feat(api): stream");
    ok(repo.relhook(&["release", "--no-test", "--package", "api"]));
    change("crates/api/src/lib.rs", "feat(api): more");
    change("crates/cli/src/main.rs", "fix(cli): crash");
    ok(repo.relhook(&["release", "--no-test", "--all"]));
    let before = repo.read("crates/cli/CHANGELOG.md");
    assert!(before.contains("- **deps:** require api 1.3.0"), "{before}");

    // Nothing is lost (the rebuild refused to drop them before).
    ok(repo.relhook(&["changelog", "--rebuild", "--package", "cli"]));
    // Rebuilt from nothing, the entries come back where the releases put them (the date is
    // the tag's, which the tests pin).
    repo.write("crates/cli/CHANGELOG.md", "");
    ok(repo.relhook(&["changelog", "--rebuild", "--package", "cli", "--force"]));
    assert_eq!(
        undated(&repo.read("crates/cli/CHANGELOG.md")),
        undated(&before)
    );
}

fn undated(log: &str) -> String {
    log.lines()
        .map(|l| match l.split_once("] - ") {
            Some((v, _)) if l.starts_with("## [") => format!("{v}]"),
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// QA40, second round: the package's changelog renamed since its release; the rebuild reads
/// each release's entries where that release's configuration put the file.
#[test]
fn a_rebuild_finds_them_in_a_changelog_renamed_since() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\":\"root\",\"private\":true,\"workspaces\":[\"packages/*\"]}\n",
    );
    repo.write(
        "packages/core/package.json",
        "{\"name\":\"core\",\"version\":\"1.0.0\"}\n",
    );
    repo.write(
        "packages/app/package.json",
        "{\"name\":\"app\",\"version\":\"1.0.0\",\"dependencies\":{\"core\":\"^1.0.0\"}}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[packages.core]\npath = \"packages/core\"\n\n[packages.app]\npath = \"packages/app\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: init"]);
    ok(repo.relhook(&["install"]));
    for (file, message) in [("a.js", "feat: core a"), ("b.js", "feat: core b")] {
        repo.write(&format!("packages/core/{file}"), "1\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked(message);
        ok(repo.relhook(&["release", "--no-test", "--package", "core"]));
    }
    let before = repo.read("packages/app/CHANGELOG.md");
    assert!(
        before.contains("- **deps:** require core 1.1.0"),
        "{before}"
    );
    repo.git(&["mv", "packages/app/CHANGELOG.md", "packages/app/CHANGES.md"]);
    let config = repo.read(".relconfig.toml").replace(
        "path = \"packages/app\"\n",
        "path = \"packages/app\"\nchangelog = \"packages/app/CHANGES.md\"\n",
    );
    repo.write(".relconfig.toml", config);
    repo.git(&["commit", "-qam", "chore: rename app's changelog"]);
    ok(repo.relhook(&["changelog", "--rebuild", "--package", "app"]));
    assert_eq!(
        undated(&repo.read("packages/app/CHANGES.md")),
        undated(&before)
    );
}
