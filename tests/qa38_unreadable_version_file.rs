//! QA38: before the first release tag the version files say the current version. One relhook
//! cannot read (a key written twice, a manifest that does not parse, a listed file through a
//! symbolic link out of the work tree) was passed over: `relhook version` printed
//! `version.initial` (0.1.0) and exited 0 while the release refused the same file. Now both
//! fail alike, naming the file.

use crate::support::{Repo, stderr, text};

fn versioned(file: &str, contents: &str) -> Repo {
    let repo = Repo::new();
    repo.write(file, contents);
    repo.git(&["add", "-A"]);
    repo.commit("chore: init");
    repo.commit("fix: x");
    repo
}

fn refused_alike(repo: &Repo, said: &str) {
    for args in [
        &["version"][..],
        &["version", "--next"],
        &["version", "--next", "--explain"],
        &["release", "--no-test", "--dry-run"],
    ] {
        let out = repo.relhook(args);
        assert!(!out.status.success(), "{args:?}: {}", text(&out));
        assert!(stderr(&out).contains(said), "{args:?}: {}", text(&out));
        assert!(
            !String::from_utf8_lossy(&out.stdout).contains("0.1.0"),
            "{args:?}: {}",
            text(&out)
        );
    }
}

#[test]
fn a_json_version_written_twice_fails_version_as_it_fails_the_release() {
    let repo = versioned(
        "package.json",
        "{\"name\":\"p\",\"version\":\"1.0.0\",\"version\":\"1.0.0\"}\n",
    );
    refused_alike(
        &repo,
        "package.json: JSON key `version` appears more than once",
    );
}

#[test]
fn a_manifest_that_does_not_parse_fails_version() {
    let repo = versioned(
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"1.0.0\"\n[[\n",
    );
    refused_alike(&repo, "Cargo.toml");
}

#[test]
fn a_listed_file_through_a_link_out_of_the_work_tree_fails_version() {
    let repo = Repo::new();
    let outside = repo.scratch("outside");
    std::fs::write(outside.join("package.json"), "{\"version\":\"1.0.0\"}\n").unwrap();
    std::os::unix::fs::symlink(&outside, repo.path().join("out")).unwrap();
    repo.write(
        ".relconfig.toml",
        "[version]\nfiles = [{ path = \"out/package.json\", key = \"version\" }]\n",
    );
    repo.git(&["add", "-A"]);
    repo.commit("chore: init");
    repo.commit("fix: x");
    refused_alike(&repo, "out/package.json");
}

/// Once a release tag says the version, the files are the release's to bump: `version` reads
/// the tag.
#[test]
fn after_a_release_tag_version_reads_the_tag() {
    let repo = versioned(
        "package.json",
        "{\"name\":\"p\",\"version\":\"1.0.0\",\"version\":\"1.0.0\"}\n",
    );
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let out = repo.relhook(&["version"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "1.0.0",
        "{}",
        text(&out)
    );
}
