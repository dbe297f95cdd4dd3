//! QA pass 4 of monorepo support: each test is a fault reproduced end to end before it was
//! fixed (notes of a package tag, a moved package at pre-push, silent post-commit, the
//! version grep of a package release, package hints, a dependent's first release).

use std::process::Output;

use crate::support::{Repo, SKELETON, relhook_bin, stderr, stdout, text};

fn release(repo: &Repo, args: &[&str]) -> Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .arg("release")
        .args(args);
    cmd.output().unwrap()
}

fn ok(out: &Output) {
    assert_eq!(out.status.code(), Some(0), "{}", text(out));
}

fn commit_all(repo: &Repo, message: &str) {
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", message]);
}

/// `relhook notes` of a package's tag prints the package's section (what the tag message
/// holds), never the root changelog or the root's commits, and `version` is the version.
#[test]
fn notes_of_a_package_tag_come_from_the_package_changelog() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"workspaces":["packages/*"]}"#,
    );
    repo.write(
        "packages/a/package.json",
        r#"{"name":"@s/a","version":"1.0.0"}"#,
    );
    repo.write(
        ".relconfig.toml",
        "[packages.\"@s/a\"]\npath = \"packages/a\"\ntag = \"@s/a@{version}\"\n",
    );
    commit_all(&repo, "chore: start");
    repo.git(&["tag", "-a", "@s/a@1.0.0", "-m", "a"]);
    repo.commit("fix: root level thing");
    repo.write("packages/a/x.js", "x\n");
    commit_all(&repo, "feat: a thing");
    ok(&release(&repo, &["--package", "@s/a", "--no-test"]));
    let message = repo.git(&["tag", "-l", "--format=%(contents)", "@s/a@1.1.0"]);
    assert!(message.contains("- a thing"), "{message}");

    let out = repo.relhook(&["notes", "@s/a@1.1.0"]);
    ok(&out);
    assert_eq!(stdout(&out), "### Added\n\n- a thing\n", "{}", text(&out));
    assert!(!text(&out).contains("root level thing"), "{}", text(&out));
    assert_eq!(stderr(&out), "", "{}", text(&out));
    let json = repo.relhook(&["notes", "@s/a@1.1.0", "--format", "json"]);
    ok(&json);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(doc["version"], "1.1.0", "{doc}");
    assert_eq!(doc["tag"], "@s/a@1.1.0", "{doc}");
}

/// A package tag made by hand (`{name}-v{version}`) whose package changelog has the section,
/// while the root changelog has none: the package's section is printed.
#[test]
fn notes_of_a_hand_made_package_tag_read_its_section() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(
        "crates/dictgen/Cargo.toml",
        "[package]\nname = \"dictgen\"\nversion = \"0.6.0\"\n",
    );
    repo.write(
        "crates/dictgen/CHANGELOG.md",
        format!("{SKELETON}\n## [0.6.0] - 2026-01-01\n\n### Fixed\n\n- dictgen's fix\n"),
    );
    repo.write(
        ".relconfig.toml",
        "[packages.dictgen]\npath = \"crates/dictgen\"\n",
    );
    commit_all(&repo, "chore: start");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "root"]);
    repo.write("crates/dictgen/src/lib.rs", "\n");
    commit_all(&repo, "fix: dictgen's fix");
    repo.git(&["tag", "-a", "dictgen-v0.6.0", "-m", "dictgen"]);

    let out = repo.relhook(&["notes", "dictgen-v0.6.0"]);
    ok(&out);
    assert_eq!(
        stdout(&out),
        "### Fixed\n\n- dictgen's fix\n",
        "{}",
        text(&out)
    );
}

/// A bare remote `origin` with `main` pushed (hooks off).
fn remote(repo: &Repo) {
    let bare = repo.scratch("remote.git");
    let bare = bare.to_str().unwrap().to_owned();
    let init = repo.git_in(&repo.path(), &["init", "-q", "--bare", &bare], &[]);
    assert!(init.status.success(), "{}", text(&init));
    repo.git(&["remote", "add", "origin", &bare]);
    repo.git(&["push", "-q", "--no-verify", "origin", "main"]);
}

/// One crate `a` at `crates/a`, tests `true`, pre-push installed, a `feat` to release.
fn one_crate(config_extra: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "crates/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.1.0\"\n",
    );
    repo.write(
        ".relconfig.toml",
        format!("[packages.a]\npath = \"crates/a\"\n\n[checks]\ntest = [\"true\"]\n{config_extra}"),
    );
    commit_all(&repo, "chore: init");
    remote(&repo);
    repo.hooks(&["pre-push"]);
    repo.write("crates/a/lib.rs", "x\n");
    commit_all(&repo, "feat: a thing");
    repo
}

/// A package directory moved after its release: pre-push judges the existing, tested tag by
/// the package as it was at the tag (the configuration stored there), and lets it go.
#[test]
fn pre_push_judges_a_moved_package_tag_where_the_package_was() {
    let repo = one_crate("");
    ok(&release(&repo, &["--package", "a", "0.2.0"]));
    repo.git(&["mv", "crates/a", "crates/alpha"]);
    let config = repo
        .read(".relconfig.toml")
        .replace("crates/a\"", "crates/alpha\"");
    repo.write(".relconfig.toml", config);
    commit_all(&repo, "refactor: move a to crates/alpha");

    let out = repo.git_output(&["push", "origin", "main", "--follow-tags"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("git tag -d"), "{}", text(&out));
    let out = repo.relhook(&["notes", "a-v0.2.0"]);
    ok(&out);
    assert_eq!(stdout(&out), "### Added\n\n- a thing\n", "{}", text(&out));
}

/// When the tag's own commit cannot say where the package was (no configuration there, and
/// the package's directory of today is not in it), pre-push refuses to pass what it could not
/// check, and never suggests deleting the tag.
#[test]
fn pre_push_never_suggests_deleting_a_tag_it_cannot_judge() {
    let repo = Repo::new();
    repo.write(
        "crates/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.2.0\"\n",
    );
    repo.write(
        "crates/a/CHANGELOG.md",
        format!("{SKELETON}\n## [0.2.0] - 2026-01-01\n\n### Added\n\n- a thing\n"),
    );
    commit_all(&repo, "feat: a thing");
    repo.git(&["tag", "-a", "a-v0.2.0", "-m", "a"]);
    repo.git(&["mv", "crates/a", "crates/alpha"]);
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"crates/alpha\"\n\n[checks]\ntest = [\"true\"]\n",
    );
    commit_all(&repo, "refactor: move a to crates/alpha");
    remote(&repo);
    repo.hooks(&["pre-push"]);

    let out = repo.git_output(&["push", "origin", "a-v0.2.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let says = stderr(&out);
    assert!(!says.contains("git tag -d"), "{says}");
    assert!(
        says.contains("cannot judge")
            && says.contains("RELHOOK_SKIP=1 git push origin refs/tags/a-v0.2.0"),
        "{says}"
    );
}

/// pre-push's fix for a bad package tag names the package's release command.
#[test]
fn pre_push_fix_for_a_package_tag_releases_the_package() {
    let repo = one_crate("");
    repo.git(&["tag", "-a", "a-v0.2.0", "-m", "a"]);
    let out = repo.git_output(&["push", "origin", "main", "a-v0.2.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let says = stderr(&out);
    assert!(
        says.contains("then `relhook release --package a 0.2.0` (or `relhook release --package a`"),
        "{says}"
    );
    assert!(
        says.contains("release with `relhook release --package a`"),
        "{says}"
    );
}

/// A monorepo commit outside every package, with no root changelog: post-commit says in one
/// line that no entry was added and how to get one, and the command it names works.
#[test]
fn post_commit_says_a_root_entry_has_no_changelog() {
    let repo = Repo::new();
    repo.write(
        "crates/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.1.0\"\n",
    );
    repo.write(".relconfig.toml", "[packages.a]\npath = \"crates/a\"\n");
    commit_all(&repo, "chore: init");
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write("README", "r\n");
    repo.git(&["add", "README"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: root readme feature"]);
    ok(&out);
    let says = stderr(&out);
    assert_eq!(says.lines().count(), 1, "{says}");
    assert!(
        says.contains("no entry added") && says.contains("CHANGELOG.md does not exist"),
        "{says}"
    );
    assert!(
        says.contains("`relhook init` writes it, then `relhook changelog --sync`"),
        "{says}"
    );
    ok(&repo.relhook(&["init"]));
    ok(&repo.relhook(&["changelog", "--sync"]));
    assert!(
        repo.read("CHANGELOG.md").contains("- root readme feature"),
        "{}",
        repo.read("CHANGELOG.md")
    );
}

/// A package whose path leads out of the work tree (a symbolic link): post-commit says so in
/// one line, and doctor does not call the configuration valid beside the INVALID package.
#[test]
fn unusable_package_is_said_by_post_commit_and_doctor_agrees() {
    let repo = Repo::new();
    let outside = repo.scratch("outside");
    std::fs::write(
        outside.join("Cargo.toml"),
        "[package]\nname = \"a\"\nversion = \"0.1.0\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(repo.path().join("crates")).unwrap();
    std::os::unix::fs::symlink(&outside, repo.path().join("crates/a")).unwrap();
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(".relconfig.toml", "[packages.a]\npath = \"crates/a\"\n");
    commit_all(&repo, "chore: init");
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write("README", "r\n");
    repo.git(&["add", "README"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: root readme feature"]);
    ok(&out);
    let says = stderr(&out);
    assert_eq!(says.lines().count(), 1, "{says}");
    assert!(
        says.contains("no entry added") && says.contains("outside the work tree"),
        "{says}"
    );
    let out = repo.relhook(&["doctor"]);
    let says = stdout(&out);
    assert!(says.contains("INVALID  package a"), "{}", text(&out));
    assert!(!says.contains("is valid"), "{}", text(&out));
    assert!(says.contains("INVALID  config"), "{}", text(&out));
}

/// hatch's layout in a package (`[tool.hatch.version] path`): the module named there is the
/// package's version file, and a package release bumps it.
#[test]
fn package_release_bumps_hatch_version_path() {
    let repo = Repo::new();
    repo.write(
        "backend/pyproject.toml",
        "[project]\nname = \"app\"\ndynamic = [\"version\"]\n\n[tool.hatch.version]\npath = \"src/app/__about__.py\"\n",
    );
    repo.write("backend/src/app/__about__.py", "__version__ = \"1.4.2\"\n");
    repo.write(".relconfig.toml", "[packages.app]\npath = \"backend\"\n");
    commit_all(&repo, "chore: init");
    repo.git(&["tag", "-a", "app-v1.4.2", "-m", "app"]);
    repo.write("backend/src/app/core.py", "y = 1\n");
    commit_all(&repo, "fix: y");
    ok(&release(&repo, &["--package", "app", "--no-test"]));
    assert_eq!(
        repo.read("backend/src/app/__about__.py"),
        "__version__ = \"1.4.3\"\n"
    );
}

/// A package release runs the runbook's grep within the package, as a single-package release
/// does: a file of the package that still says the old version is named (dry run and real),
/// a file outside the package is not.
#[test]
fn package_release_names_files_that_still_say_the_old_version() {
    let repo = Repo::new();
    repo.write(
        "crates/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.3.1\"\n",
    );
    repo.write("crates/a/docs/install.md", "cargo install a@0.3.1\n");
    repo.write("docs/other.md", "other tool 0.3.1\n");
    repo.write(".relconfig.toml", "[packages.a]\npath = \"crates/a\"\n");
    commit_all(&repo, "chore: init");
    repo.git(&["tag", "-a", "a-v0.3.1", "-m", "a"]);
    repo.write("crates/a/lib.rs", "x\n");
    commit_all(&repo, "fix: y");

    let dry = release(&repo, &["--package", "a", "--no-test", "--dry-run"]);
    ok(&dry);
    let says = stderr(&dry);
    assert!(
        says.contains("crates/a/docs/install.md:1 would still say 0.3.1"),
        "{says}"
    );
    assert!(!says.contains("docs/other.md"), "{says}");
    assert!(!says.contains("Cargo.toml"), "{says}");
    let out = release(&repo, &["--package", "a", "--no-test"]);
    ok(&out);
    let says = stderr(&out);
    assert!(
        says.contains("crates/a/docs/install.md:1 still says 0.3.1"),
        "{says}"
    );
    assert!(!says.contains("docs/other.md"), "{says}");
}

/// `relhook init` where .relconfig.toml already has the packages' tables: it does not ask to
/// add them again (a duplicate key), and names only a table that is missing.
#[test]
fn init_prints_only_missing_package_tables() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    for name in ["a", "b"] {
        repo.write(
            &format!("crates/{name}/Cargo.toml"),
            format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\n"),
        );
    }
    let out = repo.relhook(&["init"]);
    ok(&out);
    assert!(stdout(&out).contains("found 2 packages"), "{}", text(&out));
    let out = repo.relhook(&["init"]);
    ok(&out);
    let says = stdout(&out);
    assert!(
        !says.contains("[packages.a]") && !says.contains("path ="),
        "{says}"
    );
    assert!(
        says.contains("already has a [packages.*] table for each"),
        "{says}"
    );

    let config = repo.read(".relconfig.toml");
    let start = config.find("[packages.b]").unwrap();
    repo.write(".relconfig.toml", &config[..start]);
    let out = repo.relhook(&["init"]);
    ok(&out);
    let says = stdout(&out);
    assert!(
        says.contains("[packages.b]") && !says.contains("[packages.a]"),
        "{says}"
    );
}

/// A never-released dependent brought along by a release is released at its first version
/// (the one it has written, which `version --all` names), with its own entries, not a patch
/// above a version that never existed.
#[test]
fn never_released_dependent_gets_its_first_version() {
    let repo = Repo::new();
    repo.write(
        "crates/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.1.0\"\n",
    );
    repo.write(
        "crates/b/Cargo.toml",
        "[package]\nname = \"b\"\nversion = \"0.2.0\"\n\n[dependencies]\na = { path = \"../a\", version = \"0.1\" }\n",
    );
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"crates/a\"\n\n[packages.b]\npath = \"crates/b\"\n",
    );
    commit_all(&repo, "chore: init");
    repo.write("crates/b/lib.rs", "x\n");
    commit_all(&repo, "feat(b): add b");
    repo.write("crates/a/lib.rs", "x\n");
    commit_all(&repo, "feat!: a breaks");
    let out = repo.relhook(&["version", "--all", "--next"]);
    assert!(
        stdout(&out).contains("b 0.2.0 (first release)"),
        "{}",
        text(&out)
    );

    let out = release(&repo, &["--package", "a", "0.2.0", "--no-test"]);
    ok(&out);
    let tags = repo.git(&["tag", "--list"]);
    assert_eq!(tags, "a-v0.2.0\nb-v0.2.0", "{}", text(&out));
    assert!(
        stderr(&out).contains("b-v0.2.0 (first release"),
        "{}",
        text(&out)
    );
    let changelog = repo.read("crates/b/CHANGELOG.md");
    let section = &changelog[changelog.find("## [0.2.0]").unwrap()..];
    assert!(
        section.contains("- **b:** add b") && section.contains("require a 0.2.0"),
        "{changelog}"
    );
    assert!(
        repo.read("crates/b/Cargo.toml")
            .contains("version = \"0.2.0\"")
    );
}

/// A package's release tag moved by `git update-ref` is refused, and the refusal's way on
/// is the package's own release (a plain `relhook release` refuses in a monorepo).
#[test]
fn a_moved_package_tag_names_the_packages_release() {
    let repo = one_crate("");
    repo.hooks(&["reference-transaction"]);
    ok(&release(&repo, &["--package", "a", "0.2.0"]));
    repo.write("crates/a/more.rs", "x\n");
    commit_all(&repo, "fix: more");
    let out = repo.git_output(&["update-ref", "refs/tags/a-v0.2.0", "HEAD"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("refusing tag a-v0.2.0") && err.contains("(`relhook release --package a`)"),
        "{err}"
    );
}

/// A package's release commit amended after tagging (a note added by hand to its section): the
/// amend said nothing, pre-push sent the branch without its tag, and doctor was silent. Now the
/// amend says so, pre-push refuses, and `relhook release --resume` makes the tag again on it,
/// with its notes, in place of the old.
#[test]
fn an_amended_package_release_commit_is_not_pushed_without_its_tag() {
    let repo = one_crate("");
    repo.hooks(&["post-commit"]);
    ok(&release(&repo, &["--package", "a"]));
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "a-v0.1.0"]);
    assert!(notes.contains("a thing"), "{notes}");
    let old = repo.git(&["rev-parse", "--short=9", "a-v0.1.0^{commit}"]);
    // A note added by hand to the release's section, amended in.
    let log = repo.read("crates/a/CHANGELOG.md");
    assert!(log.contains("- a thing\n"), "{log}");
    repo.write(
        "crates/a/CHANGELOG.md",
        log.replacen("- a thing\n", "- a thing\n- and a note by hand\n", 1),
    );
    let out = repo.git_output(&["commit", "-qa", "--amend", "--no-edit"]);
    ok(&out);
    assert!(
        stderr(&out).contains("this amend rewrote a release commit")
            && stderr(&out).contains(&format!("tag a-v0.1.0 is on {old}"))
            && stderr(&out).contains("relhook release --resume"),
        "{}",
        text(&out)
    );
    let out = repo.git_output(&["push", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains(&format!("tag a-v0.1.0 is on {old}")),
        "{}",
        text(&out)
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        stdout(&doctor).contains("relhook release --resume"),
        "{}",
        text(&doctor)
    );
    ok(&release(&repo, &["--resume"]));
    assert_eq!(
        repo.git(&["rev-parse", "a-v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    let renewed = repo.git(&["tag", "-l", "--format=%(contents)", "a-v0.1.0"]);
    assert!(
        renewed.contains("a thing") && renewed.contains("and a note by hand"),
        "{renewed}"
    );
    ok(&repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}
