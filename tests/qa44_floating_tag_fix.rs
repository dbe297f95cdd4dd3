//! QA44: a floating tag (`v2`, made with the hooks skipped) pushed while `[version]
//! floating_tags` is off. pre-push's fix said to delete it and `relhook release`, or make
//! `v2` again on a commit that passes, which it never can. The fix names only the setting or
//! deleting the tag; and `relhook notes v2` says v2 is a floating tag, not a release with no
//! section.

use crate::support::{ok, stderr, text, untested_installed};

fn floating_tag_made() -> crate::support::Repo {
    let repo = untested_installed();
    repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release", "2.0.0"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", "v2", "-m", "v2"]));
    repo
}

#[test]
fn a_floating_tags_fix_is_the_setting_or_deleting_it() {
    let repo = floating_tag_made();
    let out = repo.git_output(&["push", "origin", "v2"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "fix: origin does not have it yet: if this project moves floating tags, set `[version] floating_tags = true` in .relconfig.toml and commit it on this branch; else delete the tag (`git tag -d v2`); then push again"
        ),
        "{err}"
    );
    assert!(!err.contains("on a commit that passes"), "{err}");
    // The setting, committed on this branch: the tag goes.
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[version]\nfloating_tags = true\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: floating tags");
    ok(repo.git_output(&["push", "-q", "origin", "main", "v2"]));
}

#[test]
fn notes_of_a_floating_tag_name_the_release_it_is_on() {
    let repo = floating_tag_made();
    let out = repo.relhook(&["notes", "v2"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        stderr(&out).contains(
            "v2 is a floating tag (`vN` or `vN.M`, which GitHub Actions move to each release), not a release; it is on v2.0.0, whose notes `relhook notes v2.0.0` prints"
        ),
        "{}",
        text(&out)
    );
}
