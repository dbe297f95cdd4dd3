//! `relhook install` under husky or lefthook writes the team's files (`.husky/<hook>`,
//! `lefthook.yml`); left uncommitted, hand tags and releases refuse the tree. doctor warns,
//! naming them, with a commit that works pasted in a folder below the top.

use crate::managers::{env_with, npm_tools, run};
use crate::support::{Repo, ok, pending, relhook_bin, stdout, text};

/// doctor's warning row and its fix line, with exit code 0 (a warning needs no fix now).
fn warning(repo: &Repo, env: &[(String, std::ffi::OsString)], manager: &str) -> (String, String) {
    let d = run(repo, relhook_bin(), &["doctor"], env);
    assert_eq!(d.status.code(), Some(0), "{}", text(&d));
    let out = stdout(&d);
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(&format!("WARNING  {manager} files:")))
        .unwrap_or_else(|| panic!("no {manager} warning: {out}"));
    let fix = lines[at + 1].trim().strip_prefix("fix: ").unwrap();
    (lines[at].to_owned(), fix.to_owned())
}

/// Pastes `fix` in a folder below the top, then doctor says all is well.
fn paste(repo: &Repo, env: &[(String, std::ffi::OsString)], fix: &str) {
    std::fs::create_dir_all(repo.path().join("sub")).unwrap();
    let mut sh = repo.command_in("sh", &repo.path().join("sub"));
    sh.args(["-c", fix]);
    for (k, v) in env {
        sh.env(k, v);
    }
    ok(sh.output().unwrap());
    let d = ok(run(repo, relhook_bin(), &["doctor"], env));
    assert!(stdout(&d).contains("all is well"), "{}", text(&d));
    assert!(!stdout(&d).contains("WARNING"), "{}", text(&d));
}

#[test]
fn husky_files_install_wrote_are_named_until_committed() {
    let bin = match npm_tools() {
        Ok(b) => b,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let env = env_with(&[&bin], &[]);
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\"name\":\"x\",\"version\":\"0.1.0\",\"scripts\":{\"test\":\"true\",\"prepare\":\"husky\"}}\n",
    );
    ok(run(&repo, bin.join("husky"), &[], &env));
    repo.write(".husky/pre-commit", "npm test\n");
    ok(run(&repo, "git", &["add", "-A"], &env));
    ok(run(
        &repo,
        "git",
        &["commit", "-q", "-m", "chore: init"],
        &env,
    ));
    ok(run(&repo, relhook_bin(), &["install"], &env));

    let (row, fix) = warning(&repo, &env, "husky");
    assert!(
        row.contains(".husky/commit-msg, .husky/post-applypatch, .husky/post-commit, and 2 more call relhook for husky, and `git status` shows them"),
        "{row}"
    );
    assert!(row.contains("hand tags are refused"), "{row}");
    assert_eq!(
        fix,
        "git add :/.husky/commit-msg :/.husky/post-applypatch :/.husky/post-commit :/.husky/pre-push :/.husky/reference-transaction && git commit -m 'chore: run relhook'\\''s hooks through husky'"
    );
    paste(&repo, &env, &fix);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));

    // The hand tag the uncommitted files refused goes through now.
    repo.write("x", "x\n");
    ok(run(&repo, "git", &["add", "x"], &env));
    ok(run(&repo, "git", &["commit", "-q", "-m", "feat: x"], &env));
    ok(run(&repo, "git", &["tag", "-a", "v0.1.0", "-m", "v"], &env));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
}

#[test]
fn lefthook_yml_install_changed_is_named_until_committed() {
    let bin = match npm_tools() {
        Ok(b) => b,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let env = env_with(&[&bin], &[]);
    let repo = Repo::new();
    repo.write(
        "lefthook.yml",
        "pre-commit:\n  commands:\n    t:\n      run: \"true\"\n",
    );
    ok(run(&repo, "git", &["add", "-A"], &env));
    ok(run(
        &repo,
        "git",
        &["commit", "-q", "-m", "chore: init"],
        &env,
    ));
    pending(run(&repo, relhook_bin(), &["install"], &env));
    ok(run(&repo, bin.join("lefthook"), &["install"], &env));

    let (row, fix) = warning(&repo, &env, "lefthook");
    assert!(
        row.contains("lefthook.yml calls relhook for lefthook, and `git status` shows it"),
        "{row}"
    );
    assert_eq!(
        fix,
        "git add :/lefthook.yml && git commit -m 'chore: run relhook'\\''s hooks through lefthook'"
    );
    paste(&repo, &env, &fix);
    assert_eq!(
        repo.head_subject(),
        "chore: run relhook's hooks through lefthook"
    );
}
