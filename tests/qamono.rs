//! QA of monorepo support (issue 14), as a user with a real monorepo finds it: each test is a
//! bug that was reproduced end to end before it was fixed.

use std::process::Output;

use crate::support::{Repo, SKELETON, relhook_bin, stderr, stdout, text};

fn release(repo: &Repo, args: &[&str]) -> Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .arg("release")
        .args(args);
    cmd.output().unwrap()
}

/// A compact, one-line `package.json` (as tools write them) in a dependent that gets both a new
/// requirement and a patch release: the two edits of the same line are combined, not refused.
#[test]
fn one_line_package_json_dependent_is_released() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\":\"acme\",\"private\":true,\"workspaces\":[\"packages/*\"]}\n",
    );
    repo.write(
        "packages/ui/package.json",
        "{\"name\":\"@acme/ui\",\"version\":\"1.0.0\"}\n",
    );
    repo.write(
        "packages/web/package.json",
        "{\"name\":\"@acme/web\",\"version\":\"0.4.0\",\"dependencies\":{\"@acme/ui\":\"^1.0.0\"}}",
    );
    let released =
        |v: &str| format!("{SKELETON}\n## [{v}] - 2026-01-01\n\n### Added\n\n- the start\n");
    repo.write("packages/ui/CHANGELOG.md", released("1.0.0"));
    repo.write("packages/web/CHANGELOG.md", released("0.4.0"));
    repo.write(
        ".relconfig.toml",
        "[packages.ui]\npath = \"packages/ui\"\ntag = \"@acme/ui@{version}\"\n\n[packages.web]\npath = \"packages/web\"\ntag = \"@acme/web@{version}\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "@acme/ui@1.0.0", "-m", "ui"]);
    repo.git(&["tag", "-a", "@acme/web@0.4.0", "-m", "web"]);
    repo.write("packages/ui/x.js", "x\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat(ui): x"]);

    let out = release(&repo, &["--package", "ui", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.read("packages/web/package.json"),
        "{\"name\":\"@acme/web\",\"version\":\"0.4.1\",\"dependencies\":{\"@acme/ui\":\"^1.1.0\"}}"
    );
    assert_eq!(
        repo.read("packages/ui/package.json"),
        "{\"name\":\"@acme/ui\",\"version\":\"1.1.0\"}\n"
    );
    let tags = repo.git(&["tag", "--points-at", "HEAD"]);
    assert!(tags.contains("@acme/web@0.4.1"), "{tags}");
    assert!(repo.is_clean());
}

/// A package whose `changelog` names a directory: post-commit says so (not "not committed
/// yet, `git add` it"), and nothing is written.
#[test]
fn package_changelog_that_is_a_directory_is_named_as_such() {
    let repo = Repo::new();
    repo.write("a/f", "1\n");
    repo.write("notes/keep", "\n");
    repo.write(
        ".relconfig.toml",
        "[packages.x]\npath = \"a\"\nchangelog = \"notes\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    repo.hooks(&["post-commit"]);
    repo.write("a/f", "2\n");
    repo.git(&["add", "a/f"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: two"]);
    let err = stderr(&out);
    assert!(err.contains("notes is a directory"), "{err}");
    assert!(!err.contains("git add"), "{err}");
    assert_eq!(
        repo.git(&["status", "--porcelain", "--untracked-files=no"]),
        ""
    );
    assert_eq!(
        repo.git(&["show", "--name-only", "--format=", "HEAD"]),
        "a/f"
    );
}

/// `relhook install` in a monorepo registers the CHANGELOG.md merge driver for every
/// package's changelog too: two branches that each add an entry to the same package merge
/// without a conflict, and uninstall takes every line out again.
#[test]
fn install_registers_the_merge_driver_for_package_changelogs() {
    let repo = Repo::new();
    repo.write("crates/api/src/lib.rs", "\n");
    repo.write(".relconfig.toml", "[packages.api]\npath = \"crates/api\"\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stdout(&out).contains("CHANGELOG.md, crates/api/CHANGELOG.md"),
        "{}",
        text(&out)
    );
    let line = |file: &str, text: &str| {
        repo.write(file, text);
        repo.git(&["add", file]);
    };
    line("crates/api/src/lib.rs", "// base\n");
    repo.git(&["commit", "-q", "-m", "feat(api): base"]);
    repo.git(&["checkout", "-q", "-b", "side"]);
    line("crates/api/src/side.rs", "\n");
    repo.git(&["commit", "-q", "-m", "feat(api): from the side"]);
    repo.git(&["checkout", "-q", "main"]);
    line("crates/api/src/main.rs", "\n");
    repo.git(&["commit", "-q", "-m", "fix(api): on main"]);
    let merged = repo.git_output(&["merge", "--no-edit", "side"]);
    assert_eq!(merged.status.code(), Some(0), "{}", text(&merged));
    let log = repo.read("crates/api/CHANGELOG.md");
    for entry in [
        "- **api:** base",
        "- **api:** from the side",
        "- **api:** on main",
    ] {
        assert!(log.contains(entry), "{log}");
    }
    assert!(!log.contains("<<<<<<<"), "{log}");

    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!repo.path().join(".git/info/attributes").exists());
}

/// An amend that moves a change from one package to another, as a user makes it (the first
/// package's changelog already existed, so its entry is simply carried by the amend): the entry
/// leaves that changelog and goes to the other one.
#[test]
fn an_amend_moves_the_entry_out_of_an_existing_changelog() {
    let repo = Repo::new();
    for dir in ["crates/api", "crates/core"] {
        repo.write(&format!("{dir}/src/lib.rs"), "\n");
        repo.write(&format!("{dir}/CHANGELOG.md"), SKELETON);
    }
    repo.write(
        ".relconfig.toml",
        "[packages.api]\npath = \"crates/api\"\n\n[packages.core]\npath = \"crates/core\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    repo.hooks(&["post-commit"]);
    repo.write("crates/core/src/mv.rs", "\n");
    repo.git(&["add", "crates/core/src/mv.rs"]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: moving"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("crates/core/CHANGELOG.md").contains("- moving"));

    repo.git(&["rm", "-q", "crates/core/src/mv.rs"]);
    repo.write("crates/api/src/mv.rs", "\n");
    repo.git(&["add", "crates/api/src/mv.rs"]);
    let out = repo.git_output(&["commit", "-q", "--amend", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    let at_head = |file: &str| repo.git(&["show", &format!("HEAD:{file}")]);
    assert!(!at_head("crates/core/CHANGELOG.md").contains("moving"));
    assert!(at_head("crates/api/CHANGELOG.md").contains("- moving"));
    assert_eq!(
        repo.git(&["show", "--name-only", "--format=", "HEAD"]),
        "crates/api/CHANGELOG.md\ncrates/api/src/mv.rs"
    );
    // The amended commit is api's only: a sync finds nothing missing in core.
    let out = repo.relhook(&["changelog", "--sync", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!repo.read("crates/core/CHANGELOG.md").contains("moving"));
}

/// `relhook init` in an npm workspace whose root `package.json` has no `test` script does not
/// set `[checks] test = ["npm", "test"]`: that command only fails there ("Missing script"), and
/// every package without a test command of its own would run it, so the first
/// `relhook release --all` failed out of the box.
#[test]
fn init_in_a_workspace_root_without_a_test_script_proposes_no_root_test() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\":\"root\",\"private\":true,\"workspaces\":[\"packages/*\"]}\n",
    );
    repo.write(
        "packages/core/package.json",
        "{\"name\":\"@acme/core\",\"version\":\"1.0.0\",\"scripts\":{\"test\":\"true\"}}\n",
    );
    repo.write(
        "packages/web/package.json",
        "{\"name\":\"@acme/web\",\"version\":\"0.4.0\"}\n",
    );
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!text(&out).contains("set `[checks] test"), "{}", text(&out));
    let config = repo.read(".relconfig.toml");
    assert!(
        !config.contains("\ntest = [\"npm\", \"test\"]\n"),
        "{config}"
    );
    assert!(
        config.contains("test = [\"npm\", \"test\", \"--workspace\", \"@acme/core\"]"),
        "{config}"
    );
}

/// A commit that deletes a package's folder still stands; post-commit and doctor both name
/// the two ways out (restore the folder, or remove the package's table).
#[test]
fn a_deleted_package_folder_is_named_with_its_fix() {
    let repo = Repo::new();
    repo.write("a/f", "1\n");
    repo.write("b/f", "1\n");
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"a\"\n\n[packages.b]\npath = \"b\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.git(&["rm", "-rq", "b"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(a)!: b is gone"]);
    assert!(out.status.success(), "the commit stands: {}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("restore it, or remove the `[packages.b]` table"),
        "{err}"
    );
    let doctor = repo.relhook(&["doctor"]);
    assert_ne!(doctor.status.code(), Some(0), "{}", text(&doctor));
    let said = stdout(&doctor);
    assert!(said.contains("INVALID  package b:"), "{said}");
    assert!(said.contains("fix: edit "), "{said}");
}

/// A package added to the configuration after `relhook install` has no attribute line for
/// the CHANGELOG.md merge driver: doctor says so and names `relhook install`, which adds it.
#[test]
fn doctor_names_a_package_added_after_install_that_the_merge_driver_misses() {
    let repo = Repo::new();
    repo.write("a/f", "1\n");
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(".relconfig.toml", "[packages.a]\npath = \"a\"\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));

    repo.write("b/f", "1\n");
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"a\"\n\n[packages.b]\npath = \"b\"\n",
    );
    let doctor = repo.relhook(&["doctor"]);
    let said = stdout(&doctor);
    assert_ne!(doctor.status.code(), Some(0), "{said}");
    assert!(
        said.contains("package b's b/CHANGELOG.md has no attribute line"),
        "{said}"
    );
    assert!(said.contains("fix: relhook install"), "{said}");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
}
