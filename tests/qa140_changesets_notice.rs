//! QA140: a CHANGELOG.md that @changesets/cli writes (`## 3.0.1` over `### Patch Changes`,
//! no `## [Unreleased]`) is adopted (qa66, qa75): relhook's first write puts `## [Unreleased]`
//! above its versions. That write now says so in its one line, with the setting that keeps
//! the file as changesets writes it (relhook given a file of its own); later writes say
//! nothing more, and doctor still finds the file valid.

use crate::support::{Repo, ok, stderr, stdout, text};

/// A package whose changelog changesets wrote and whose 3.0.1 is tagged, relhook installed,
/// a change of the package staged.
fn changesets_package() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[packages.\"@x/cli\"]\npath = \"pkgs/cli\"\ntag = \"@x/cli@{version}\"\n",
    );
    repo.write(
        "pkgs/cli/package.json",
        "{\"name\": \"@x/cli\", \"version\": \"3.0.1\"}\n",
    );
    repo.write(
        "pkgs/cli/CHANGELOG.md",
        "# @x/cli\n\n## 3.0.1\n\n### Patch Changes\n\n- a fix\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    repo.git_skipping_relhook(&["tag", "-a", "@x/cli@3.0.1", "-m", "@x/cli@3.0.1"]);
    ok(repo.relhook(&["install"]));
    repo.write("pkgs/cli/index.js", "// new\n");
    repo.git(&["add", "-A"]);
    repo
}

const SAID: &str = "pkgs/cli/CHANGELOG.md: put `## [Unreleased]` above `## 3.0.1` for relhook's entries (changesets writes none; to keep the file as changesets writes it, give relhook a file of its own: `changelog = \"…\"` in `[packages.\"@x/cli\"]` in .relconfig.toml), and added `- **cli:** a flag` under Added; the commit is now";

#[test]
fn the_first_commit_says_what_it_did_to_a_changesets_file() {
    let repo = changesets_package();
    let out = repo.git_output(&["commit", "-q", "-m", "feat(cli): a flag"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("relhook: {SAID}")), "{}", text(&out));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        repo.read("pkgs/cli/CHANGELOG.md"),
        "# @x/cli\n\n## [Unreleased]\n\n### Added\n\n- **cli:** a flag\n\n## 3.0.1\n\n### Patch Changes\n\n- a fix\n"
    );
    // Said once: the next write finds Unreleased there.
    repo.write("pkgs/cli/b.js", "// b\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix(cli): b"]);
    assert!(
        !stderr(&out).contains("put `## [Unreleased]`"),
        "{}",
        text(&out)
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("INVALID"), "{doctor}");
}

#[test]
fn a_sync_that_first_writes_a_changesets_file_says_so() {
    let repo = changesets_package();
    repo.git_env(
        &["commit", "-q", "-m", "feat(cli): a flag"],
        &[("RELHOOK_SKIP", "1")],
    );
    let sync = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&sync).contains(
            "relhook: pkgs/cli/CHANGELOG.md: put `## [Unreleased]` above `## 3.0.1` for relhook's entries (changesets writes none; to keep the file as changesets writes it, give relhook a file of its own: `changelog = \"…\"` in `[packages.\"@x/cli\"]` in .relconfig.toml)\nrelhook: wrote pkgs/cli/CHANGELOG.md"
        ),
        "{}",
        text(&sync)
    );
}

/// The root's own changelog in changesets' form: the root's setting is named.
#[test]
fn a_root_changesets_file_names_the_roots_setting() {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# pkg\n\n## 1.2.0\n\n### Minor Changes\n\n- abc1234: thing\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    repo.git_skipping_relhook(&["tag", "-a", "v1.2.0", "-m", "v1.2.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("a", "a\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: a"]);
    assert!(
        stderr(&out).contains(
            "relhook: CHANGELOG.md: put `## [Unreleased]` above `## 1.2.0` for relhook's entries (changesets writes none; to keep the file as changesets writes it, give relhook a file of its own: `path = \"…\"` under `[changelog]` in .relconfig.toml), and added `- a` under Fixed"
        ),
        "{}",
        text(&out)
    );
}
