//! QA39: typos adopted. A virtual Cargo workspace whose repository tags (`v1.48.0`) release
//! one member, `crates/typos-cli` at 1.48.0, while its other crates have tags of their own.
//! `relhook init` proposed `[packages.typos-cli]` with tags that do not exist, and doctor then
//! called that INVALID (a first release would release 1.48.0 again with all of history).

use crate::support::{Repo, ok, stdout, text};

/// The layout: `cli` (1.48.0, also built by maturin), `lib` (0.9.0, tagged `lib-v0.9.0`), and
/// the repository's own tags `v1.47.0` and `v1.48.0`.
fn typos_like() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\ndefault-members = [\"crates/cli\"]\n",
    );
    for (name, version) in [("cli", "1.47.0"), ("lib", "0.9.0")] {
        repo.write(
            &format!("crates/{name}/Cargo.toml"),
            format!("[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2021\"\n"),
        );
        repo.write(&format!("crates/{name}/src/lib.rs"), "");
    }
    repo.write(
        "crates/cli/pyproject.toml",
        "[build-system]\nbuild-backend = \"maturin\"\n\n[project]\nname = \"cli\"\ndynamic = [\"version\"]\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: start"]);
    repo.git(&["tag", "-a", "v1.47.0", "-m", "v1.47.0"]);
    repo.git(&["tag", "-a", "lib-v0.9.0", "-m", "lib-v0.9.0"]);
    repo.write(
        "crates/cli/Cargo.toml",
        "[package]\nname = \"cli\"\nversion = \"1.48.0\"\nedition = \"2021\"\n",
    );
    repo.git(&["commit", "-qam", "chore: release 1.48.0"]);
    repo.git(&["tag", "-a", "v1.48.0", "-m", "v1.48.0"]);
    repo
}

#[test]
fn init_makes_the_member_the_repository_tags_release_the_roots() {
    let repo = typos_like();
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert!(
        said.contains(
            "cli (crates/cli) is not proposed as a package: the repository's own release tags (v1.48.0, the greatest) released the version its Cargo.toml declared there"
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "found 1 package, each with its own changelog, version and tags: lib (crates/lib)"
        ),
        "{said}"
    );
    // The maturin build is said to be the crate's, not the crate itself left out.
    assert!(
        said.contains("Not proposed as Python packages")
            && said.contains("crates/cli/pyproject.toml"),
        "{said}"
    );
    let config = repo.read(".relconfig.toml");
    assert!(!config.lines().any(|l| l == "[packages.cli]"), "{config}");
    assert!(config.contains("[packages.lib]"), "{config}");
    assert!(
        config.contains(
            "files = [\n  { path = \"crates/cli/Cargo.toml\", key = \"package.version\" },\n]\n"
        ),
        "{config}"
    );

    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: adopt relhook"]);
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("INVALID"), "{}", text(&out));
    let out = ok(repo.relhook(&["version"]));
    assert_eq!(stdout(&out).trim(), "1.48.0", "{}", text(&out));

    // The next root release bumps the crate, and only it.
    repo.write("crates/cli/src/lib.rs", "pub fn x() {}\n");
    repo.git(&["commit", "-qam", "feat: x"]);
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "1.49.0", "{}", text(&out));
    let out = ok(repo.relhook(&["release", "--no-test"]));
    assert!(
        repo.git(&["tag", "--points-at", "HEAD"])
            .contains("v1.49.0"),
        "{}",
        text(&out)
    );
    assert!(
        repo.read("crates/cli/Cargo.toml")
            .contains("version = \"1.49.0\"")
    );
    assert!(
        repo.read("crates/lib/Cargo.toml")
            .contains("version = \"0.9.0\"")
    );
}

/// When the top declares its own version, a crate its tags released with it is the root's
/// too, but a new crate at that version, added since, is no reason: it is a package.
#[test]
fn a_member_added_since_at_the_version_of_the_tops_own_tags_stays_a_package() {
    let repo = typos_like();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\n\n[package]\nname = \"top\"\nversion = \"1.48.0\"\nedition = \"2021\"\n",
    );
    repo.write("src/lib.rs", "");
    repo.write(
        "crates/new/Cargo.toml",
        "[package]\nname = \"new\"\nversion = \"1.48.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/new/src/lib.rs", "");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: a crate at the top"]);
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("[packages.new]"),
        "{}\n{config}",
        text(&out)
    );
    assert!(
        !config.lines().any(|l| l == "[packages.cli]"),
        "{}\n{config}",
        text(&out)
    );
    assert!(
        stdout(&out).contains("cli (crates/cli) is not proposed as a package"),
        "{}",
        text(&out)
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: adopt relhook"]);
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("INVALID"), "{}", text(&out));
}
