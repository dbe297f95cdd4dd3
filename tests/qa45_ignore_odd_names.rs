//! QA45: the "build output goes in .gitignore" command printed names unquoted: pasted, a name
//! with a space became two lines, `$HOME` was expanded and `[1]` read as a pattern, so nothing
//! was ignored. Each line is one shell word and a pattern matching only its file.

use crate::support::{installed_repo, ok, stderr, text};

#[test]
fn the_gitignore_hint_for_odd_names_ignores_them_when_pasted() {
    let repo = installed_repo();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    ok(repo.git_output(&["add", "."]));
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", "chore: cfg"]));
    for name in ["build out.log", "$HOME.txt", "out[1].log", "tail  "] {
        repo.write(name, "x\n");
    }
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    let start = said.find("`printf").expect("the hint") + 1;
    let command = &said[start..start + said[start..].find('`').unwrap()];
    assert!(command.contains("'/build out.log'"), "{said}");
    ok(repo.sh(command));
    // A file the patterns must not catch (`out[1].log` read as a pattern would).
    repo.write("out1.log", "kept\n");
    assert_eq!(
        repo.git(&["status", "--porcelain"]),
        "?? out1.log",
        "only the file no pattern names is left"
    );
}
