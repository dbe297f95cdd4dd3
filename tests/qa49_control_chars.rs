//! QA49: config values and file names reached the terminal raw, so an escape sequence in
//! `.relconfig.toml` or in an untracked file's name cleared the screen or set the window
//! title when relhook quoted it; and a description starting with a code fence became an
//! empty code block in CHANGELOG.md. Values written into files (section names, the
//! changelog's path) and names git never takes (branches, types) are refused with file:line,
//! shown escaped; file names and commands are shown with the ESC as `␛` or in `$'…'`; a
//! leading fence is escaped.

use crate::support::{Repo, ok, stderr};

/// A repository with relhook installed and one commit.
fn installed() -> Repo {
    let repo = Repo::new();
    repo.commit("chore: start");
    ok(repo.relhook(&["install"]));
    repo
}

/// `out`'s stderr, asserting it holds no raw ESC or BEL.
fn shown(out: &std::process::Output) -> String {
    let err = stderr(out);
    assert!(
        !err.contains(['\u{1b}', '\u{7}']),
        "raw control character: {err:?}"
    );
    err
}

#[test]
fn config_values_with_control_characters_are_refused_with_their_line() {
    let cases = [
        (
            "[changelog]\npath = \"\\u001b[2Jx.md\"\n",
            "`changelog.path`",
        ),
        (
            "[changelog.sections]\nfeat = \"Add\\u001b]0;pwned\\u0007ed\"\n",
            "`changelog.sections.feat`",
        ),
        (
            "[release]\nbranches = [\"ma\\u001b[5min\"]\n",
            "`release.branches`",
        ),
        (
            "[commit]\ntypes = [\"feat\", \"fi\\u001b[2Jx\"]\n",
            "`commit.types`",
        ),
    ];
    for (config, key) in cases {
        let repo = installed();
        repo.write(".relconfig.toml", config);
        let out = repo.relhook(&["changelog", "--sync"]);
        assert_eq!(out.status.code(), Some(2), "{config}: {}", stderr(&out));
        let err = shown(&out);
        assert!(err.contains(".relconfig.toml:2:"), "{err}");
        assert!(err.contains(key) && err.contains('␛'), "{err}");
    }
}

#[test]
fn an_untracked_file_with_an_escape_sequence_is_shown_not_obeyed() {
    let repo = installed();
    repo.write("evil\u{1b}[2Jname", "x");
    let out = repo.relhook(&["release", "--dry-run"]);
    let err = shown(&out);
    assert!(err.contains("not clean (evil␛[2Jname)"), "{err}");
    // A hand tag refuses the same tree in the same words.
    let tag = repo.git_output(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let err = shown(&tag);
    assert!(err.contains("not clean (evil␛[2Jname)"), "{err}");
}

#[test]
fn the_running_line_quotes_a_control_character_for_the_shell() {
    let repo = installed();
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\", \"a\\u001b[2Jb\"]\n",
    );
    let out = repo.relhook(&["test"]);
    let err = shown(&out);
    assert!(
        err.contains(r#"relhook: running `true "$(printf 'a\033[2Jb')"`"#),
        "{err}"
    );
}

#[test]
fn a_description_starting_with_a_fence_is_escaped_and_stays_in_sync() {
    let repo = installed();
    repo.commit_hooked("feat: ```yaml blocks are now highlighted");
    repo.commit_hooked("fix: ~~~ fences no longer crash the parser");
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("\n- \\```yaml blocks are now highlighted\n"),
        "{log}"
    );
    assert!(
        log.contains("\n- \\~~~ fences no longer crash the parser\n"),
        "{log}"
    );
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("up to date"), "{}", stderr(&out));
    ok(repo.relhook(&["changelog", "--rebuild"]));
    assert_eq!(repo.read("CHANGELOG.md"), log);
    // An entry written before the escape is the same entry: not added again.
    repo.write("CHANGELOG.md", log.replace("- \\```", "- ```"));
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        !repo.read("CHANGELOG.md").contains("\\```"),
        "{}",
        stderr(&out)
    );
}
