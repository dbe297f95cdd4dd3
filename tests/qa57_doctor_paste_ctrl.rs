//! QA57: a `relhook doctor` fix naming a path with a control character in it (a tab, a line
//! break) printed the name raw in single quotes, or not quoted at all: a tab pasted into an
//! interactive shell completes instead, a line break split the fix over lines, and an ESC
//! became its stand-in, so the pasted command named another file. Every fix now spells such
//! a name as `$'…'` (shellword's one quoter), which bash and zsh read back byte for byte.

use crate::support::{Repo, installed_repo, ok, stdout, text};

/// The first command in backquotes on the `fix:` line under the row whose line contains
/// `row`, or the whole fix when it has none.
fn fix_under(doctor: &str, row: &str) -> String {
    let fix = doctor
        .lines()
        .skip_while(|l| !l.contains(row))
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix under {row:?} in:\n{doctor}"));
    match fix.split('`').nth(1) {
        Some(command) => command.to_owned(),
        None => fix.to_owned(),
    }
}

/// `line` run by bash in the repository, as a user pasting it would.
fn bash(repo: &Repo, line: &str) {
    let out = repo
        .command_in("bash", &repo.path())
        .args(["-c", line])
        .output()
        .expect("run bash");
    assert!(out.status.success(), "{line}: {}", text(&out));
}

/// relhook installed into a relative `core.hooksPath` named `name`.
fn hooks_in(name: &str) -> Repo {
    let repo = installed_repo();
    repo.git(&["config", "core.hooksPath", name]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_hooks_path_with_a_tab_is_fixed_by_the_pasted_commands() {
    let repo = hooks_in("ho\tks");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let set = fix_under(
        &doctor,
        "core.hooksPath: core.hooksPath = ho\tks is relative",
    );
    assert!(
        !set.contains('\t'),
        "a raw tab completes when pasted: {set:?}"
    );
    bash(&repo, &set);
    let want = repo.path().join("ho\tks");
    assert_eq!(
        repo.git(&["config", "core.hooksPath"]),
        want.to_str().unwrap()
    );
    // The untracked hooks: ignored in this clone by the pasted line, `git status` is clean.
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let ignore = fix_under(&doctor, "INVALID  hooks directory");
    let ignore = ignore.split(" (this clone only)").next().unwrap();
    assert_eq!(
        ignore,
        r#"echo "$(printf '/ho\tks/')" >> "$(git rev-parse --show-toplevel)"/.git/info/exclude"#
    );
    bash(&repo, ignore);
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    assert!(stdout(&ok(repo.relhook(&["doctor"]))).contains("all is well"));
}

#[test]
fn a_hooks_path_with_a_line_break_is_fixed_on_one_line() {
    let repo = hooks_in("ho\nks");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let row = "core.hooksPath: core.hooksPath = ho␊ks is relative";
    let set = fix_under(&doctor, row);
    assert!(set.ends_with(r#"/ho\nks')""#), "{doctor}");
    bash(&repo, &set);
    let want = repo.path().join("ho\nks");
    assert_eq!(
        repo.git(&["config", "core.hooksPath"]),
        want.to_str().unwrap()
    );
}

#[test]
fn hidden_changes_in_a_changelog_named_with_a_tab_are_shown_again_by_the_fix() {
    let repo = installed_repo();
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = \"CHANGE\\tLOG.md\"\n",
    );
    repo.git(&["mv", "CHANGELOG.md", "CHANGE\tLOG.md"]);
    repo.git(&["add", ".relconfig.toml"]);
    ok(repo.git_skipping_relhook(&["commit", "-qm", "chore: name the changelog"]));
    repo.git(&["update-index", "--skip-worktree", "CHANGE\tLOG.md"]);
    let log = repo.read("CHANGE\tLOG.md");
    repo.write("CHANGE\tLOG.md", format!("{log}\nlocal note\n"));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    let fix = fix_under(&doctor, "INVALID  hidden changes");
    assert_eq!(
        fix,
        r#"git update-index --no-skip-worktree "$(printf 'CHANGE\tLOG.md')""#
    );
    bash(&repo, &fix);
    assert_eq!(
        repo.git(&["ls-files", "-v", "CHANGE\tLOG.md"]),
        "H \"CHANGE\\tLOG.md\""
    );
    assert_eq!(
        repo.git(&["status", "--porcelain"]),
        " M \"CHANGE\\tLOG.md\""
    );
}
