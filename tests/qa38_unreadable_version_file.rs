//! QA38: before the first release tag the version files say the current version. One relhook
//! cannot read (a key written twice, a manifest that does not parse, a listed file through a
//! symbolic link out of the work tree) was passed over: `relhook version` printed
//! `version.initial` (0.1.0) and exited 0 while the release refused the same file. Now both
//! fail alike, naming the file.

use crate::support::{Repo, ok, stderr, text};

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

/// Refused as the release refuses it: `kind` and `reason` in JSON, and doctor's row with the
/// fix the hand tag names.
#[test]
fn the_refusal_has_the_releases_shape_and_doctor_names_the_fix() {
    let repo = versioned(
        "package.json",
        "{\"name\":\"p\",\"version\":\"1.0.0\",\"version\":\"1.0.1\"}\n",
    );
    let out = repo.relhook(&["version", "--next", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["error"]["kind"], "refused", "{v}");
    assert_eq!(v["error"]["reason"], "version-file", "{v}");
    ok(repo.relhook(&["install"]));
    let doctor = crate::support::stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains(
            "fix: correct package.json (or, if it does not hold the version, set `[version] detect = false` in .relconfig.toml and list the files that do in `[version] files`)"
        ),
        "{doctor}"
    );
}

/// In a monorepo, one package's unreadable file hides no other package's version.
#[test]
fn one_packages_unreadable_file_leaves_the_others_listed() {
    let repo = crate::support::two_packages(
        "{\"name\":\"a\",\"version\":\"1.0.0\"}\n",
        "{\"name\":\"b\",\"version\":\"2.0.0\",\"version\":\"2.0.1\"}\n",
    );
    repo.write("p/a/x.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: a x"]);
    for args in [&["version", "--all"][..], &["version", "--all", "--next"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let listed = crate::support::stdout(&out);
        assert!(listed.starts_with("a 1.0.0"), "{args:?}: {listed}");
        assert!(
            listed.contains("b ? (its release is refused)"),
            "{args:?}: {listed}"
        );
        assert!(
            stderr(&out).contains("p/b/package.json: JSON key `version` appears more than once"),
            "{args:?}: {}",
            text(&out)
        );
    }
}
