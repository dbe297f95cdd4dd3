//! QA48: a Cargo root with its own `[package] version` beside the `[workspace.package]
//! version` that member `util` inherits (`version.workspace = true`): init says such crates
//! release as one project, the root's, but the root's release bumped `package.version` alone,
//! leaving util's version where it was, and no note or doctor row said so. Now that version is
//! bumped with the root's when it says the same (Cargo.lock's util entry too); at another
//! version, the release notes it, naming util and the `files` line that bumps it, as doctor
//! does, and that line works as pasted. With `[packages]` tables (a crate of its own version)
//! and without.

use crate::support::{Repo, ok, stderr, stdout, text};

const FILES: &str = r#"files = [{ path = "Cargo.toml", key = "package.version" }, { path = "Cargo.toml", key = "workspace.package.version" }]"#;

/// app at 0.5.0 with `[workspace.package] version = shared`, util inheriting it, core (a
/// package with `packages`) at 0.2.0; released as v0.5.0, then a feature of util's.
fn workspace(shared: &str, packages: bool) -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        format!(
            "[package]\nname = \"app\"\nversion = \"0.5.0\"\n\n[workspace]\nmembers = [\".\", \"crates/*\"]\n\n[workspace.package]\nversion = \"{shared}\"\n"
        ),
    );
    repo.write(
        "crates/util/Cargo.toml",
        "[package]\nname = \"util\"\nversion.workspace = true\n",
    );
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.2.0\"\n",
    );
    repo.write(
        "Cargo.lock",
        format!(
            "version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.5.0\"\n\n[[package]]\nname = \"core\"\nversion = \"0.2.0\"\n\n[[package]]\nname = \"util\"\nversion = \"{shared}\"\n"
        ),
    );
    let mut config = String::from("[checks]\ntest = [\"true\"]\n");
    if packages {
        config.push_str("\n[packages.core]\npath = \"crates/core\"\n");
    }
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v0.5.0", "-m", "0.5.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/util/src/lib.rs", "pub fn g() {}\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(util): add g");
    repo
}

fn lock_version(repo: &Repo, name: &str) -> String {
    let lock = repo.read("Cargo.lock");
    let at = lock
        .find(&format!("name = \"{name}\"\nversion = \""))
        .unwrap();
    let rest = &lock[at..];
    rest.lines().nth(1).unwrap().to_owned()
}

#[test]
fn a_shared_version_at_the_root_s_is_bumped_with_it() {
    for packages in [false, true] {
        let repo = workspace("0.5.0", packages);
        let out = ok(repo.relhook(&["release"]));
        assert!(
            !stderr(&out).contains("workspace.package"),
            "{}",
            text(&out)
        );
        let manifest = repo.read("Cargo.toml");
        assert!(
            manifest.contains("[package]\nname = \"app\"\nversion = \"0.5.1\"")
                && manifest.contains("[workspace.package]\nversion = \"0.5.1\""),
            "{manifest}"
        );
        assert_eq!(lock_version(&repo, "util"), "version = \"0.5.1\"");
        assert_eq!(lock_version(&repo, "core"), "version = \"0.2.0\"");
    }
}

#[test]
fn a_shared_version_left_behind_is_named_with_the_files_line_that_bumps_it() {
    for packages in [false, true] {
        let repo = workspace("0.9.0", packages);
        let doctor = repo.relhook(&["doctor"]);
        let said = stdout(&doctor) + &stderr(&doctor);
        assert!(
            said.contains("[workspace.package] version is 0.9.0")
                && said.contains("crates/util (`version.workspace = true`)")
                && said.contains(FILES),
            "{said}"
        );
        let out = ok(repo.relhook(&["release"]));
        let err = stderr(&out);
        let notes: Vec<&str> = err.lines().filter(|l| l.contains("crates/util")).collect();
        assert_eq!(notes.len(), 1, "{err}");
        assert!(
            notes[0].contains("leaves it, and crates/util") && notes[0].contains(FILES),
            "{err}"
        );
        assert!(repo.read("Cargo.toml").contains("version = \"0.9.0\""));
        // The line works as pasted: the next release bumps util with the root.
        let config = repo.read(".relconfig.toml");
        repo.write(".relconfig.toml", format!("{config}\n[version]\n{FILES}\n"));
        repo.git(&["add", "-A"]);
        repo.commit_hooked("build: release util with the root");
        repo.write("crates/util/src/lib.rs", "pub fn h() {}\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked("feat(util): add h");
        // 0.9.0 is above the root's 0.5.1: the plain release would write it down, and is
        // refused; the version the note names takes both along.
        assert!(notes[0].contains("`relhook release 0.10.0`"), "{err}");
        let refused = repo.relhook(&["release"]);
        assert!(!refused.status.success(), "{}", text(&refused));
        assert!(text(&refused).contains("never writes a version file's version down"));
        let out = ok(repo.relhook(&["release", "0.10.0"]));
        assert!(!stderr(&out).contains("crates/util"), "{}", text(&out));
        let manifest = repo.read("Cargo.toml");
        assert!(
            manifest.contains("[workspace.package]\nversion = \"0.10.0\""),
            "{manifest}"
        );
        assert_eq!(lock_version(&repo, "util"), "version = \"0.10.0\"");
        let doctor = repo.relhook(&["doctor"]);
        assert!(
            !stdout(&doctor).contains("crates/util"),
            "{}",
            text(&doctor)
        );
    }
}
