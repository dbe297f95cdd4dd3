//! QA145: a hand tag relhook refused ended on "to tag anyway: RELHOOK_SKIP=1 git tag ...",
//! dots for the user to fill. It now names the `git tag` that was refused, which, pasted,
//! makes that tag: lightweight or annotated, with its message.

use crate::support::{installed_repo, ok, stderr, text};

#[test]
fn a_refused_hand_tag_names_the_git_tag_that_makes_it_anyway() {
    let repo = installed_repo();
    repo.git(&["checkout", "-q", "-b", "topic"]);
    repo.commit_hooked("feat: topic thing");
    let message = "v0.1.0: it's here";
    let out = repo.git_output(&["tag", "-a", "v0.1.0", "-m", message]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let command = err
        .lines()
        .find_map(|l| l.strip_prefix("relhook: to tag anyway: "))
        .unwrap_or_else(|| panic!("{err}"));
    assert_eq!(
        command, "RELHOOK_SKIP=1 git tag -a v0.1.0 -m 'v0.1.0: it'\\''s here'",
        "{err}"
    );
    ok(repo.sh(command));
    assert_eq!(repo.git(&["cat-file", "-t", "v0.1.0"]), "tag");
    assert_eq!(
        repo.git(&["tag", "-l", "--format=%(contents:subject)", "v0.1.0"]),
        message
    );
    let out = repo.git_output(&["tag", "v0.2.0"]);
    let err = stderr(&out);
    let command = err
        .lines()
        .find_map(|l| l.strip_prefix("relhook: to tag anyway: "))
        .unwrap_or_else(|| panic!("{err}"));
    assert_eq!(command, "RELHOOK_SKIP=1 git tag v0.2.0", "{err}");
    ok(repo.sh(command));
    assert_eq!(repo.git(&["cat-file", "-t", "v0.2.0"]), "commit");
}
