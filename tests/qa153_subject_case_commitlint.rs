//! QA153: with the opt-in `subject-case` on, relhook accepted `fix: API change` and `fix:
//! README typo` (a capital followed by a capital read as a name), which commitlint's default
//! (config-conventional: `never` sentence-case, start-case, pascal-case, upper-case) refuses:
//! any description that starts with a capital letter is sentence case there. relhook now
//! refuses and accepts what commitlint does, and a name's `try:` lowercases the whole word.

use crate::support::{Repo, text};

fn repo() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[commit.rules]\nsubject-case = \"error\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.hooks(&["commit-msg"]);
    repo
}

#[test]
fn subject_case_refuses_and_accepts_what_commitlint_does() {
    let repo = repo();
    for (message, tried) in [
        ("fix: V2 API", "fix: v2 api"),
        ("fix: API change", "fix: api change"),
        ("fix: Add thing", "fix: add thing"),
        ("fix: README typo", "fix: readme typo"),
    ] {
        let out = repo.relhook(&["lint", "--message", message]);
        assert_eq!(out.status.code(), Some(1), "{message}: {}", text(&out));
        let err = text(&out);
        assert!(err.contains("error[subject-case]"), "{message}: {err}");
        assert!(err.contains(&format!("try: {tried}\n")), "{message}: {err}");
        // Pasted, the `try:` is accepted.
        let out = repo.relhook(&["lint", "--message", tried]);
        assert!(out.status.success(), "{tried}: {}", text(&out));
        // The hook refuses it as lint does.
        let out = repo.try_commit(message);
        assert!(!out.status.success(), "{message}: {}", text(&out));
    }
    for message in ["fix: add thing", "fix: iOS build"] {
        let out = repo.relhook(&["lint", "--message", message]);
        assert!(out.status.success(), "{message}: {}", text(&out));
        repo.commit_hooked(message);
        assert_eq!(repo.head_subject(), message);
    }
}
