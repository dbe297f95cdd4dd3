//! QA74: a tracked file left as a FIFO is named in the steps that put it back, and in
//! pre-push's fix (whose line breaks are kept) its name with a line break split the fix over
//! two lines, the second one relhook never wrote. The name is now shown as errors show it.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn a_fifo_named_with_a_line_break_keeps_pre_pushs_fix_on_its_line() {
    let name = "p\nFAKE: ok";
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.write(name, "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: cfg"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    repo.with_origin();
    let path = repo.path().join(name);
    std::fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    let out = repo.git_output(&["push", "origin", "main", "--tags"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.lines().any(|l| l.starts_with("FAKE")), "{err}");
    let fix = err
        .lines()
        .find(|l| l.starts_with("    fix: "))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        fix.contains(
            r#"`rm "$(git rev-parse --show-toplevel)"/"$(printf 'p\nFAKE: ok')" && git checkout -- "$(printf ':/p\nFAKE: ok')"` (p␊FAKE: ok is a FIFO"#
        ),
        "{err}"
    );
}
