//! QA238: on a channel's branch (`[release] channels`), no advice leads into another refusal.
//! Pre-push's fix for a stable tag pushed alone named `relhook release 2.0.0`, which the
//! branch refuses; a refused hand tag named the `RELHOOK_SKIP=1 git tag` whose tag pre-push
//! then refuses. (A refused release that first said it would make the channel's pre-release
//! is tested in qa231's `after_another_pre_release_the_channels_refusal_names_no_loop`.)

use crate::qa224_release_channels::{CONFIG, on_beta};
use crate::support::{dated_release, hand_tag_refused, ok, stderr, text};

#[test]
fn a_stable_tag_pushed_alone_is_fixed_by_a_release_the_branch_makes() {
    let repo = on_beta(CONFIG);
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main", "v1.0.0"]));
    ok(repo.git_skipping_relhook(&["tag", "-a", "v2.0.0", "-m", "x"]));
    let out = repo.git_output(&["push", "origin", "v2.0.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    let fix = (said.lines())
        .find(|l| l.trim_start().starts_with("fix:"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        fix.contains("`relhook release 2.0.0 --allow-stable`")
            && !fix.contains("`relhook release 2.0.0`")
            && !fix.contains("git tag -a v2.0.0"),
        "{said}"
    );
    // The way named is taken, and the tag it makes goes.
    ok(repo.git_output(&["tag", "-d", "v2.0.0"]));
    ok(dated_release(&repo, &["2.0.0", "--allow-stable"]));
    ok(repo.git_output(&["push", "-q", "origin", "beta", "v2.0.0"]));
}

#[test]
fn a_refused_stable_hand_tag_names_no_way_past_the_hook() {
    let repo = on_beta(CONFIG);
    let said = hand_tag_refused(&repo, "v2.0.0");
    assert!(!said.contains("RELHOOK_SKIP=1 git tag"), "{said}");
    assert!(
        said.contains("pre-push refuses") && said.contains("relhook release 2.0.0 --allow-stable"),
        "{said}"
    );
}
