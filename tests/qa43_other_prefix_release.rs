//! QA43: a project tagged `v1.0.0`, then `1.0.1` without the prefix (by hand, as an older
//! tool would), and went on under `v` as relhook's own advice says ("name a version above
//! it: `relhook release 1.0.2`"). The 1.0.2 section listed the change 1.0.1 had shipped:
//! its entry still under Unreleased (no `## [1.0.1]` section), or added again from history
//! (the range started at v1.0.0). The commits `1.0.1` tags count as released; an entry of
//! theirs still under Unreleased is refused before the release, naming the section to write.

use crate::support::{Repo, hand_tag, ok, stderr, text, untested_installed};

/// `v1.0.0` by hand over `fix: a`, then `fix: b` (`RELHOOK_SKIP=1` for its commit when
/// `skip_b`: no entry) tagged `1.0.1` with relhook skipped, then `fix: c`.
fn unprefixed_above(skip_b: bool) -> Repo {
    let repo = untested_installed();
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    repo.commit_hooked("fix: a");
    ok(hand_tag(&repo, &["-a", "v1.0.0", "-m", "release 1.0.0"]));
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    let skip: &[(&str, &str)] = if skip_b {
        &[("RELHOOK_SKIP", "1")]
    } else {
        &[]
    };
    ok(repo.git_in(&repo.path(), &["commit", "-q", "-m", "fix: b"], skip));
    let env = [("RELHOOK_SKIP", "1")];
    ok(repo.git_in(&repo.path(), &["tag", "-a", "1.0.1", "-m", "1.0.1"], &env));
    repo.write("c", "c\n");
    repo.git(&["add", "c"]);
    repo.commit_hooked("fix: c");
    repo
}

/// The text of the `## [1.0.2]` section.
fn section_102(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    let rest = log
        .split("## [1.0.2]")
        .nth(1)
        .unwrap_or_else(|| panic!("{log}"));
    rest.split("\n## [").next().unwrap().to_owned()
}

#[test]
fn an_entry_the_unprefixed_release_shipped_is_refused_until_its_section_is_written() {
    let repo = unprefixed_above(false);
    let out = repo.relhook(&["release", "1.0.2"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("`1.0.1` released 1 change"), "{err}");
    assert!(err.contains("(`b`)"), "{err}");
    // This clone's own (no remote): deleting it leads (QA55), a section written works too.
    assert!(
        err.contains("`git tag -d 1.0.1 && relhook release 1.0.2`"),
        "{err}"
    );
    assert!(repo.git(&["tag", "-l", "v1.0.2"]).is_empty());
    let tag = hand_tag(&repo, &["-a", "v1.0.2", "-m", "release 1.0.2"]);
    assert!(!tag.status.success(), "{}", text(&tag));
    assert!(stderr(&tag).contains("(`b`)"), "{}", text(&tag));
    // The section written as said: the release lists only what came after 1.0.1.
    let log = repo.read("CHANGELOG.md");
    let unreleased = "## [Unreleased]\n\n### Fixed\n\n- b\n- c\n";
    assert!(log.contains(unreleased), "{log}");
    let date = repo.git(&["log", "-1", "--format=%as", "1.0.1"]);
    let fixed = format!(
        "## [Unreleased]\n\n### Fixed\n\n- c\n\n## [1.0.1] - {}\n\n### Fixed\n\n- b\n",
        date.trim()
    );
    repo.write("CHANGELOG.md", log.replace(unreleased, &fixed));
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "docs: the section of 1.0.1"]));
    ok(repo.relhook(&["release", "1.0.2"]));
    let section = section_102(&repo);
    assert!(section.contains("- c"), "{section}");
    assert!(!section.contains("- b"), "{section}");
}

#[test]
fn a_change_the_unprefixed_release_shipped_is_not_listed_again_from_history() {
    let repo = unprefixed_above(true);
    ok(repo.relhook(&["release", "1.0.2"]));
    let section = section_102(&repo);
    assert!(section.contains("- c"), "{section}");
    assert!(!section.contains("- b"), "{section}");
}

/// `tag_prefix` changed from "v" to "" after `v0.1.0`: its release commit was taken for an
/// interrupted release of 0.1.0, and `--resume` tagged it a second time (`0.1.0`).
#[test]
fn a_release_tagged_under_the_old_prefix_is_no_interrupted_release() {
    let repo = untested_installed();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[version]\ntag_prefix = \"\"\n",
    );
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "chore: tags without a prefix"]));
    let out = repo.relhook(&["release", "--resume"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["tag", "-l", "0.1.0"]).is_empty(),
        "{}",
        text(&out)
    );
    let doctor = crate::support::stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("--resume"), "{doctor}");
}
