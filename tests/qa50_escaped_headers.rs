//! QA50: a commit header's terminal escape sequences (ESC, BEL) reached the terminal raw from
//! `relhook check` (its `✗` line, and the GitHub and GitLab reports) and `relhook version
//! --explain`, while the snippet line, pre-push and doctor showed them as `␛`/`␇`. Now all
//! show them so.

use crate::support::{Repo, stderr, stdout};

/// A repository whose second commit's header carries a screen clear and a title change.
fn with_escapes() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.commit("bad \u{1b}[2J\u{1b}]0;pwned\u{7} header");
    repo.commit("feat: something");
    repo
}

fn assert_shown(said: &str) {
    assert!(
        !said.contains('\u{1b}') && !said.contains('\u{7}'),
        "{said:?}"
    );
}

#[test]
fn check_and_version_show_a_header_s_escape_sequences() {
    let repo = with_escapes();
    let out = repo.relhook(&["check", "--all"]);
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(said.contains("✗ "), "{said}");
    assert!(said.contains("bad ␛[2J␛]0;pwned␇ header"), "{said}");
    assert_shown(&said);
    for format in ["github", "gitlab"] {
        let out = repo.relhook(&["check", "--all", "--format", format]);
        let said = format!("{}{}", stdout(&out), stderr(&out));
        assert!(said.contains("bad ␛[2J"), "{format}: {said}");
        assert_shown(&said);
    }
    let out = repo.relhook(&["version", "--next", "--explain"]);
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(said.contains("bad ␛[2J␛]0;pwned␇ header"), "{said}");
    assert_shown(&said);
}
