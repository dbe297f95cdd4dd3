//! QA27: relhook on real public histories (vuejs/core, semantic-release, commitlint,
//! git-cliff), as a maintainer adopting it would: install, doctor, changelog, version, release,
//! hand tags, pushes, shallow clones. What did not hold is reduced here.

use crate::support::{Repo, installed_repo, ok, stdout, text};

/// commitlint's 19.0.0: `chore!: minimum node version v20` was rebased (a new id) after
/// `git revert` of its first copy, so the revert's body names a commit this history does not
/// hold. The revert still takes back the change it quotes: the two cancel out, in the next
/// version and in the rebuilt changelog, as a revert of the commit history has does.
#[test]
fn a_revert_naming_a_rebased_away_commit_cancels_its_rebased_copy() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("fix: y");
    let first = repo.commit("feat!: x");
    // The rebase: the same change, committed again (another committer date, another id).
    repo.git_env(
        &["commit", "-q", "--amend", "--no-edit", "--no-verify"],
        &[("GIT_COMMITTER_DATE", "2026-01-02T12:00:00Z")],
    );
    assert_ne!(repo.git(&["rev-parse", "HEAD"]), first);
    repo.git(&["revert", "--no-edit", &first]);
    assert!(
        repo.git(&["log", "-1", "--format=%B"])
            .contains(&format!("This reverts commit {first}.")),
    );

    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "1.0.1", "{}", text(&out));

    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    let log = stdout(&out);
    let unreleased = &log[log.find("## [Unreleased]").expect("Unreleased")..];
    let unreleased = &unreleased[..unreleased.find("## [1.0.0]").expect("1.0.0")];
    assert!(unreleased.contains("- y"), "{log}");
    assert!(!unreleased.contains("**BREAKING**"), "{log}");
    assert!(!unreleased.contains("revert"), "{log}");
}

/// The other side of the rule above: a revert naming a released commit (in its history) of
/// the same header as a newer change does not cancel that newer change.
#[test]
fn a_revert_naming_a_released_commit_leaves_a_newer_change_of_its_header() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let released = repo.commit("fix: typo");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.commit("fix: typo");
    repo.git(&["revert", "--no-edit", &released]);

    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    let log = stdout(&out);
    let unreleased = &log[log.find("## [Unreleased]").expect("Unreleased")..];
    let unreleased = &unreleased[..unreleased.find("## [1.0.0]").expect("1.0.0")];
    assert!(unreleased.contains("- typo"), "{log}");
    assert!(unreleased.contains("- revert \"typo\""), "{log}");
}

/// semantic-release's own repository: release tags, and package.json kept at its
/// `0.0.0-development` placeholder. Doctor said "all is well" while every release was refused,
/// then (QA27) named the refusal; since QA137 the placeholder says the versions come from tags,
/// so nothing is refused and doctor is right to find nothing to fix.
#[test]
fn doctor_finds_nothing_to_fix_in_semantic_releases_placeholder() {
    let repo = crate::version_texts::placeholder_beside_a_tag("v25.0.9");

    let out = repo.relhook(&["doctor"]);
    let all = text(&out);
    assert!(!all.contains("INVALID"), "{all}");
    assert!(!all.contains("package.json says"), "{all}");
}

/// git-cliff: a Cargo workspace of two crates released as one (`v2.13.1`), and `pypi/`, whose
/// pyproject.toml has maturin build the `git-cliff` crate into a Python wheel at that crate's
/// version (no version of its own). `relhook init` proposed `[packages.pypi]`, which would send
/// every commit under `pypi/` to a changelog and tags of its own; it is the crate's build.
#[test]
fn init_does_not_propose_a_maturin_build_of_a_crate_as_a_package() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"cli\", \"core\"]\nresolver = \"2\"\n",
    );
    for (dir, name) in [("cli", "tool"), ("core", "tool-core")] {
        repo.write(
            &format!("{dir}/Cargo.toml"),
            format!("[package]\nname = \"{name}\"\nversion = \"2.13.1\"\nedition = \"2021\"\n"),
        );
        repo.write(&format!("{dir}/src/lib.rs"), "");
    }
    repo.write(
        "pypi/pyproject.toml",
        "[build-system]\nrequires = [\"maturin>=1.5,<2\"]\nbuild-backend = \"maturin\"\n\n\
         [project]\nname = \"tool\"\ndynamic = [\"version\"]\n\n\
         [tool.maturin]\nbindings = \"bin\"\nmanifest-path = \"../cli/Cargo.toml\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: start"]);
    repo.git(&["tag", "-a", "v2.13.1", "-m", "v2.13.1"]);

    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(
        !config.lines().any(|l| l.starts_with("[packages.")),
        "{}\n{config}",
        text(&out)
    );
    assert!(!text(&out).contains("pypi (pypi)"), "{}", text(&out));
}

/// The same rebased revert made through the hooks: post-commit gave the revert a `revert "x"`
/// entry (it judged the change released, since history does not hold the commit the revert
/// names), and the next `relhook changelog` took that entry out again. post-commit now pairs
/// it by header as `--sync` does: no entry, and the sync after it changes nothing.
#[test]
fn post_commit_gives_no_entry_to_a_revert_of_a_rebased_unreleased_change() {
    let repo = installed_repo();
    repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.write("y.txt", "y\n");
    repo.git(&["add", "y.txt"]);
    repo.commit_hooked("fix: y");
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    repo.commit_hooked("feat!: x");
    let first = repo.git(&["rev-parse", "HEAD"]);
    repo.git_env(
        &["commit", "-q", "--amend", "--no-edit"],
        &[("GIT_COMMITTER_DATE", "2026-01-02T12:00:00Z")],
    );
    assert_ne!(repo.git(&["rev-parse", "HEAD"]), first);
    let out = repo.git_output(&["revert", "--no-edit", &first]);
    assert!(out.status.success(), "{}", text(&out));

    let log = repo.read("CHANGELOG.md");
    assert!(!log.contains("revert \"x\""), "{}\n{log}", text(&out));
    assert!(!log.contains("**BREAKING** x"), "{log}");
    assert!(log.contains("- y"), "{log}");
    let out = ok(repo.relhook(&["changelog"]));
    assert!(
        repo.is_clean(),
        "{}\n{}",
        text(&out),
        repo.read("CHANGELOG.md")
    );
}
