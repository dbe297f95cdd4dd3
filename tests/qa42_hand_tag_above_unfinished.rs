//! QA42: a hand tag was accepted above an interrupted release (its release commit made, its
//! tag missing or left on the commit before), which every later check then passed over: doctor
//! and `--resume` look above the last release only, and pre-push let the tags through. The tag
//! is now refused as `relhook release` refuses, naming `relhook release --resume`.

use crate::support::{Repo, hand_tag, hand_tag_refused, ok, stderr, text};

fn released_then(package_json: bool) -> Repo {
    let repo = Repo::new();
    if package_json {
        repo.write(
            "package.json",
            "{\n  \"name\": \"x\",\n  \"version\": \"0.1.0\"\n}\n",
        );
    }
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    ok(repo.relhook(&["install"]));
    repo.git(&["commit", "-q", "-m", "feat: one"]);
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]));
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: two"]);
    ok(repo.relhook(&["release", "--no-test"]));
    repo
}

#[test]
fn a_hand_tag_above_a_release_commit_without_its_tag_is_refused() {
    for package_json in [false, true] {
        let repo = released_then(package_json);
        // What a release killed before its tag leaves, then a commit on top: post-commit says
        // so at once, the next commit no more.
        repo.git(&["tag", "-d", "v0.1.1"]);
        let warning = "relhook: warning: a commit below HEAD (";
        repo.write("three.txt", "3\n");
        repo.git(&["add", "three.txt"]);
        let out = repo.try_commit("fix: three");
        assert!(
            stderr(&out).contains(warning)
                && stderr(&out).contains("tag v0.1.1 is missing (an interrupted release); `relhook release --resume` finishes it"),
            "{}",
            text(&out)
        );
        repo.write("four.txt", "4\n");
        repo.git(&["add", "four.txt"]);
        let out = repo.try_commit("docs: four");
        assert!(!stderr(&out).contains(warning), "{}", text(&out));
        let said = hand_tag_refused(&repo, "v0.2.0");
        assert!(
            said.contains("refusing tag v0.2.0: a commit below HEAD (")
                && said.contains(
                    "is the release commit of 0.1.1 but tag v0.1.1 is missing (an interrupted release); `relhook release --resume` finishes it"
                )
                && said.contains("then tag again"),
            "{said}"
        );
        // Followed: the release finished, the tag then makes the next one.
        ok(repo.relhook(&["release", "--resume", "--no-test"]));
        ok(hand_tag(&repo, &["-a", "v0.2.0", "-m", "v0.2.0"]));
        assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0\nv0.1.1\nv0.2.0");
        let log = repo.read("CHANGELOG.md");
        assert!(
            log.contains("## [0.2.0]") && log.contains("## [0.1.1]"),
            "{log}"
        );
    }
}

#[test]
fn a_hand_tag_above_a_release_whose_tag_stayed_on_the_commit_before_is_refused() {
    let repo = released_then(true);
    // A hand tag's rewrite interrupted: the tag left on the commit before the release commit.
    let before = repo.git(&["rev-parse", "HEAD~1"]);
    let out = repo.git_in(
        &repo.path(),
        &["tag", "-f", "-a", "v0.1.1", "-m", "v0.1.1", &before],
        &[("RELHOOK_SKIP", "1")],
    );
    assert!(out.status.success(), "{}", text(&out));
    // On HEAD itself: not "git tag -a v0.1.1", which git refuses as taken.
    let said = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        said.contains("HEAD (")
            && said.contains("tag v0.1.1 is still on the commit before it")
            && !said.contains("`git tag -a v0.1.1"),
        "{said}"
    );
    repo.git(&["commit", "-q", "--allow-empty", "-m", "feat: three"]);
    let said = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        said.contains("a commit below HEAD (")
            && said.contains("tag v0.1.1 is still on the commit before it (an interrupted release); `relhook release --resume` finishes it, then tag again"),
        "{said}"
    );
    ok(repo.relhook(&["release", "--resume", "--no-test"]));
    ok(hand_tag(&repo, &["-a", "v0.2.0", "-m", "v0.2.0"]));
    let released = repo.git(&["rev-list", "-n1", "v0.1.1"]);
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s", &released]),
        "chore(release): 0.1.1"
    );
}

/// QA42, again: a release commit amended after tagging (its tag left on the old one), then a
/// commit on top: the next version's hand tag went through, and the half-made release with it.
/// And a version file the interrupted release bumped was named as the problem, whose advice,
/// followed, let the tag through: the interrupted release is said first.
#[test]
fn a_hand_tag_above_a_release_commit_amended_after_tagging_is_refused() {
    let repo = released_then(true);
    repo.git(&[
        "commit",
        "-q",
        "--amend",
        "-m",
        "chore(release): 0.1.1",
        "-m",
        "body",
    ]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: three"]);
    let said = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        said.contains("refusing tag v0.2.0: below HEAD, the release commit of 0.1.1 (")
            && said.contains("`relhook release --resume`")
            && said.contains("then tag again"),
        "{said}"
    );
    ok(repo.relhook(&["release", "--resume", "--no-test"]));
    ok(hand_tag(&repo, &["-a", "v0.2.0", "-m", "v0.2.0"]));

    let repo = released_then(true);
    repo.git(&["tag", "-d", "v0.1.1"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "fix: three"]);
    let said = hand_tag_refused(&repo, "v0.2.0");
    assert!(
        said.contains("tag v0.1.1 is missing (an interrupted release)")
            && !said.contains("package.json says"),
        "{said}"
    );
}

/// QA42, again: in a monorepo a package's hand tag above its own interrupted release was
/// refused for the version its manifest says, whose advice, followed, let the tag through.
#[test]
fn a_packages_hand_tag_above_its_interrupted_release_is_refused() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    for p in ["a", "b"] {
        repo.write(
            &format!("crates/{p}/Cargo.toml"),
            format!("[package]\nname = \"{p}\"\nversion = \"1.0.0\"\nedition = \"2021\"\n"),
        );
        repo.write(&format!("crates/{p}/src/lib.rs"), "");
    }
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"crates/a\"\n[packages.b]\npath = \"crates/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    for (n, message) in [(1, "feat(a): one"), (2, "fix(a): two")] {
        repo.write("crates/a/src/lib.rs", "//\n".repeat(n));
        repo.git(&["commit", "-q", "-am", message]);
        ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    }
    repo.git(&["tag", "-d", "a-v1.0.1"]);
    repo.write("crates/a/src/lib.rs", "//\n//\n//\n");
    repo.git(&["commit", "-q", "-am", "fix(a): three"]);
    let said = hand_tag_refused(&repo, "a-v1.0.2");
    assert!(
        said.contains("tag a-v1.0.1 is missing (an interrupted release); `relhook release --resume` finishes it, then tag again"),
        "{said}"
    );
    // Another package's tag is not held up by it.
    repo.write("crates/b/src/lib.rs", "//\n");
    repo.git(&["commit", "-q", "-am", "fix(b): one"]);
    ok(hand_tag(&repo, &["-a", "b-v1.0.0", "-m", "b-v1.0.0"]));
}
