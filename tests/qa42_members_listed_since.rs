//! QA42: after a hand tag released a workspace as one project, doctor's fix listed the members
//! in `[version] files` (set to the new version, committed); pre-push then judged the tag by
//! those files, which its release never bumped, and refused it with a fix that looped back.

use crate::support::{Repo, hand_tag, ok, text};

#[test]
fn files_listed_after_a_release_do_not_judge_its_tag() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"root\",\n  \"version\": \"1.0.0\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n",
    );
    for p in ["a", "b"] {
        repo.write(
            &format!("packages/{p}/package.json"),
            format!("{{\n  \"name\": \"{p}\",\n  \"version\": \"1.0.0\"\n}}\n"),
        );
    }
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- init\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.with_origin();
    ok(repo.relhook(&["install"]));
    repo.write("packages/a/x", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat(a): x"]);
    ok(hand_tag(&repo, &["-a", "v1.1.0", "-m", "v1.1.0"]));
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("packages/a/package.json"), "{doctor}");
    // Doctor's fix, followed: the members at the new version, listed, committed.
    for p in ["a", "b"] {
        repo.write(
            &format!("packages/{p}/package.json"),
            format!("{{\n  \"name\": \"{p}\",\n  \"version\": \"1.1.0\"\n}}\n"),
        );
    }
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n\n[version]\nfiles = [\n  { path = \"packages/a/package.json\", key = \"version\" },\n  { path = \"packages/b/package.json\", key = \"version\" },\n]\n",
    );
    repo.git(&[
        "commit",
        "-q",
        "-am",
        "build: bump the packages with the root",
    ]);
    assert!(text(&repo.relhook(&["doctor"])).contains("all is well"));
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
}
