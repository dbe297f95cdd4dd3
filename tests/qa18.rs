//! Found in the session after qa17: the old-version notes read in-process, as `git grep`
//! reads the tree.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// A project at 1.0.0 with the old version left in files git names unusually.
fn project_with_stale_files() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    // git grep quotes such a name ("docs/versi\303\263n 1.md") unless told -z.
    repo.write("docs/versión 1.md", "Install 1.0.0 first.\n");
    // Binary: a NUL early on (git grep -I leaves it out), or `-diff` in .gitattributes.
    repo.write("assets/logo.bin", "\0PNG 1.0.0\n");
    repo.write("assets/blob.txt", "1.0.0 data\n");
    repo.write(".gitattributes", "assets/blob.txt -diff\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: y");
    repo
}

#[test]
fn the_old_version_notes_name_files_with_unusual_names_and_skip_binaries() {
    let repo = project_with_stale_files();
    for out in [
        repo.relhook(&["release", "--dry-run", "--no-test"]),
        hand_tag(&repo, &["-a", "v1.0.1", "-m", "v1.0.1"]),
    ] {
        assert!(out.status.success(), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains("relhook: note: docs/versión 1.md:1 ")
                && err.contains("`Install 1.0.0 first.`"),
            "{err}"
        );
        assert!(!err.contains("assets/"), "{err}");
    }
    assert_eq!(repo.head_subject(), "chore(release): 1.0.1");
}

/// The reference-transaction shim of `repo` made to log each start of relhook in `log`.
fn count_starts(repo: &Repo) -> std::path::PathBuf {
    let log = repo.dir.path().join("starts.log");
    let wrapper = repo.dir.path().join("relhook-logged");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\necho \"$*\" >>'{}'\nexec '{}' \"$@\"\n",
            log.display(),
            crate::support::relhook_bin().display()
        ),
    )
    .unwrap();
    let mut perms = std::fs::metadata(&wrapper).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&wrapper, perms).unwrap();
    let hook = repo
        .dir
        .path()
        .join("repo/.git/hooks/reference-transaction");
    let shim = std::fs::read_to_string(&hook).unwrap();
    let line = shim.lines().find(|l| l.starts_with("relhook=")).unwrap();
    let shim = shim.replace(line, &format!("relhook='{}'", wrapper.display()));
    std::fs::write(&hook, shim).unwrap();
    log
}

fn starts(log: &std::path::Path) -> usize {
    std::fs::read_to_string(log).map_or(0, |t| t.lines().count())
}

/// git 2.46 and later fetch each ref in a transaction of its own: a fetch of many new tags
/// starts relhook once, not twice per tag, and a hand tag afterwards is still a release.
#[test]
fn a_fetch_of_many_new_tags_starts_relhook_once() {
    let repo = crate::support::installed_repo();
    let up = repo.scratch("up");
    let git_up = |args: &[&str]| {
        let out = repo.git_in(&up, args, &[]);
        assert!(out.status.success(), "{}", text(&out));
    };
    git_up(&["init", "-q", "-b", "main"]);
    git_up(&["commit", "-q", "--allow-empty", "-m", "chore: up"]);
    for i in 1..=40 {
        git_up(&["tag", &format!("v1.0.{i}")]);
    }
    let log = count_starts(&repo);
    let up_path = up.to_str().unwrap();
    let out = repo.git_output(&["fetch", "-q", up_path, "refs/tags/*:refs/tags/*"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v1.0.*"]).lines().count(), 40);
    let fetched = starts(&log);
    assert!(fetched <= 2, "relhook started {fetched} times for 40 tags");

    // A tag moved upstream and fetched with force: a fetch's tags are not relhook's to judge.
    git_up(&["commit", "-q", "--allow-empty", "-m", "chore: moved"]);
    git_up(&["tag", "-f", "v1.0.1"]);
    let out = repo.git_output(&["fetch", "-q", "--force", up_path, "refs/tags/*:refs/tags/*"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(starts(&log) <= fetched + 2, "{}", starts(&log));
    let upstream = repo.git_in(&up, &["rev-parse", "v1.0.1"], &[]);
    assert_eq!(
        repo.git(&["rev-parse", "v1.0.1"]),
        String::from_utf8_lossy(&upstream.stdout).trim()
    );

    // A hand tag is still a release.
    repo.commit_hooked("feat: later");
    let out = hand_tag(&repo, &["-a", "v1.1.0", "-m", "v1.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 1.1.0");
}
