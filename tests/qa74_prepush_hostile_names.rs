//! QA74: pre-push's refusal of a release pushed from a dirty tree names the files git lists,
//! and a name is the user's own: one with a line break (`a\nFAKE: ok.lock`) split the fix's
//! `git commit -m "build: add …"` over two lines, the second one relhook never wrote; one
//! not UTF-8 was shown as `?` and left out of the new files, so the fix said `commit or
//! stash them`, which leaves new files where they are. Every name now stays on its line,
//! shown as errors show it, and advice naming it pastes as one shell word.

use std::os::unix::ffi::OsStrExt;

use crate::support::{Repo, ok, stderr, text};

/// relhook installed with a passing test, v0.1.0 released with `tracked.txt`, a bare origin.
fn released() -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.write("tracked.txt", "one\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.with_origin();
    repo
}

/// `git push origin main --tags`, refused: its stderr, checked to hold no raw control
/// character a terminal acts on and no line relhook did not write.
fn refused_push(repo: &Repo) -> String {
    let out = repo.git_output(&["push", "origin", "main", "--tags"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        !err.contains(['\u{1b}', '\r', '\u{9b}']),
        "raw control character: {err:?}"
    );
    for line in err.lines() {
        let ours = [
            "relhook: ",
            "✗ ",
            "    - ",
            "    fix: ",
            "Nothing was pushed",
            "error: ",
        ]
        .iter()
        .any(|p| line.starts_with(p));
        assert!(
            ours || line.is_empty(),
            "a line relhook did not write: {line:?}\n{err}"
        );
    }
    err
}

fn line_of<'a>(err: &'a str, prefix: &str) -> &'a str {
    err.lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix:?} line:\n{err}"))
}

#[test]
fn a_lock_file_named_with_a_line_break_keeps_the_fix_on_one_line_and_it_pastes() {
    let repo = released();
    repo.write("a\nFAKE: ok.lock", "lock\n");
    let err = refused_push(&repo);
    let fix = line_of(&err, "    fix: ");
    assert!(
        fix.contains(
            r#"`git add "$(printf ':/a\nFAKE: ok.lock')" && git commit -m "build: add the lock file" && notes=$(git tag -l"#
        ),
        "{err}"
    );
    // The quoted name as bash reads it.
    let command = fix.split('`').nth(1).unwrap();
    let path = crate::support::path_with(&[&repo.relhook_on_path()]);
    let out = repo
        .command_in("bash", &repo.path())
        .env("PATH", path)
        .args(["-c", command])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let files = repo.git(&["show", "--name-only", "--format=%s", "v0.1.0^{commit}"]);
    assert!(files.starts_with("build: add the lock file\n"), "{files}");
    assert!(files.contains("\"a\\nFAKE: ok.lock\""), "{files}");
}

#[test]
fn names_with_line_breaks_returns_and_escapes_are_shown_on_the_problems_line() {
    let repo = released();
    repo.write("tracked.txt", "two\n");
    repo.write("staged.txt", "s\n");
    repo.git(&["add", "staged.txt"]);
    repo.write("a\nb.txt", "");
    repo.write("x\rFAKE: all good", "");
    let err = refused_push(&repo);
    let problem = line_of(&err, "    - the working tree has uncommitted changes");
    for shown in ["a␊b.txt", "staged.txt", "tracked.txt", "x␍FAKE: all good"] {
        assert!(problem.contains(shown), "{shown}: {err}");
    }
    let repo = released();
    repo.write("e\u{1b}[2Kz.txt", "");
    repo.write("a\nb.txt", "");
    let err = refused_push(&repo);
    assert!(
        line_of(&err, "    - ").contains("(a␊b.txt, e␛[2Kz.txt)"),
        "{err}"
    );
    assert!(
        line_of(&err, "    fix: ").contains(r#"`printf '%s\n' "$(printf '/e\033\\[2Kz.txt')" >>"#),
        "{err}"
    );
}

#[test]
fn a_name_not_utf8_is_shown_and_counted_as_a_new_file() {
    let repo = released();
    let name = std::ffi::OsStr::from_bytes(b"t\tab\xff.txt");
    std::fs::write(repo.path().join(name), "").unwrap();
    let err = refused_push(&repo);
    assert!(
        line_of(&err, "    - ").contains("uncommitted changes (t\tab\u{FFFD}.txt)"),
        "{err}"
    );
    let fix = line_of(&err, "    fix: ");
    assert!(
        fix.contains("1 file with a line break or a byte not UTF-8 in its name cannot be named"),
        "{err}"
    );
    assert!(!fix.contains("commit or stash them;"), "{err}");
}
