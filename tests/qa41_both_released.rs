//! QA41: two clones of one origin released the same version; B pushed first. A's push of its
//! tag was refused as moving the published tag, with the advice to fetch B's tag and run
//! `relhook release`, which called B's tag this clone's release commit before an amend and
//! sent to `relhook release --resume`, which replaced B's tag again. The advice is now a path
//! that ends with A's work released above B's release, pushable.

use std::path::PathBuf;

use crate::support::{Repo, clone_installed, ok, stderr, text, untested_installed};

/// Origin holds v0.1.0; clone B then releases and pushes v0.1.1, and this clone (A) makes its
/// own v0.1.1 of other work. Returns A and B's folder.
pub(crate) fn both_released() -> (Repo, PathBuf) {
    both_released_with("fix: from b")
}

/// [`both_released`], B's change committed as `b_message` (`feat!: …`: B's release is of
/// another version than A's).
pub(crate) fn both_released_with(b_message: &str) -> (Repo, PathBuf) {
    let repo = untested_installed();
    let origin = repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    let b = clone_installed(&repo, &origin, "b");
    std::fs::write(b.join("b.txt"), "b\n").unwrap();
    ok(repo.git_in(&b, &["add", "b.txt"], &[]));
    ok(repo.git_in(&b, &["commit", "-q", "-m", b_message], &[]));
    ok(repo.relhook_in(&b, &["release"]));
    ok(repo.git_in(&b, &["push", "-q", "--follow-tags", "origin", "main"], &[]));
    repo.commit_hooked("fix: from a");
    ok(repo.relhook(&["release"]));
    (repo, b)
}

/// The commands a `fix:` line names, in order (its backticked spans).
fn commands(err: &str) -> Vec<String> {
    let fix = err
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix: {err}"));
    fix.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_tag_push_refused_for_another_release_names_a_way_that_ends_pushable() {
    let (repo, b) = both_released();
    let theirs = String::from_utf8_lossy(&repo.git_in(&b, &["rev-parse", "v0.1.1"], &[]).stdout)
        .trim()
        .to_owned();
    let out = repo.git_output(&["push", "origin", "v0.1.1"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("another release of that version"), "{err}");
    assert!(!err.contains("git fetch --force"), "{err}");
    // The branch push leaves the tag behind and is refused with the same way on.
    let branch = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert_eq!(branch.status.code(), Some(1), "{}", text(&branch));
    let way = commands(&err);
    assert_eq!(way, commands(&stderr(&branch)), "{}", text(&branch));
    assert!(
        way.last().is_some_and(|c| c == "relhook release"),
        "{way:?}"
    );
    for command in &way {
        let out = repo.sh(command);
        assert!(out.status.success(), "{command}: {}", text(&out));
    }
    // B's release stays as published, and A's work is released above it.
    assert_eq!(repo.git(&["rev-parse", "v0.1.1"]), theirs);
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("## [0.1.1]").count(), 1, "{log}");
    let newest = log
        .split("## [0.1.2]")
        .nth(1)
        .unwrap_or_else(|| panic!("{log}"));
    assert!(
        newest
            .split("## [0.1.1]")
            .next()
            .unwrap()
            .contains("from a"),
        "{log}"
    );
    assert!(repo.is_clean());
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    let remote = repo.git(&["ls-remote", "--tags", "origin", "v0.1.1"]);
    assert!(remote.starts_with(&theirs), "{remote}");
}

/// The old advice followed (the remote's tag fetched over this clone's): `relhook release`
/// took it for this clone's release commit before an amend and named `--resume`, which made
/// the tag again here, over the published one. It is another clone's release: kept, and the
/// way named takes this clone's release commit out and releases the work above it.
#[test]
fn the_remote_tag_fetched_over_this_clones_is_kept_and_the_work_released_above_it() {
    let (repo, b) = both_released();
    let theirs = String::from_utf8_lossy(&repo.git_in(&b, &["rev-parse", "v0.1.1"], &[]).stdout)
        .trim()
        .to_owned();
    ok(repo.git_output(&["fetch", "-q", "--force", "origin", "tag", "v0.1.1"]));
    let out = repo.relhook(&["release", "--resume"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "v0.1.1"]), theirs, "{}", text(&out));
    let out = repo.relhook(&["release"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("another clone's release"), "{err}");
    assert!(!err.contains("--resume"), "{err}");
    let doctor = crate::support::stdout(&repo.relhook(&["doctor"]));
    let fix = doctor
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(
        err.contains(&format!("`{fix}`")),
        "doctor: {fix}\nrelease: {err}"
    );
    let out = repo.sh(fix);
    assert!(out.status.success(), "{fix}: {}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "v0.1.1"]), theirs);
    assert!(repo.read("CHANGELOG.md").contains("## [0.1.2]"));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
}
