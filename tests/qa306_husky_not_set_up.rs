//! QA306: in a project whose hooks husky runs (`.husky/<hook>` committed, husky in
//! package.json) but whose clone husky has not set up (no `.husky/_`, no `core.hooksPath`),
//! doctor's fix on every row was `relhook install`, which writes relhook's calls into husky's
//! files and exits 1: git runs none of them until `npx husky`. The fix named is now the one
//! that works, `npx husky && relhook install`, once for all rows.

use crate::hook_files::husky_9_runners;
use crate::support::{Repo, ok, stdout, text};

/// husky's files committed, as a fresh clone has them before husky's `prepare` ran.
fn unset_husky(husky: &str, hook: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        format!(
            "{{\"name\":\"x\",\"version\":\"1.0.0\",\"scripts\":{{\"prepare\":\"husky\"}},\"devDependencies\":{{\"husky\":\"{husky}\"}}}}\n"
        ),
    );
    repo.write(".husky/pre-commit", hook);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: husky"]);
    repo
}

/// Every `fix:` doctor names, and its closing line.
fn doctor_fixes(repo: &Repo) -> (Vec<String>, String, Option<i32>) {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let fixes = said
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("fix: "))
        .map(str::to_owned)
        .collect();
    let last = said.lines().last().unwrap_or_default().to_owned();
    (fixes, last, out.status.code())
}

#[test]
fn doctor_names_huskys_set_up_before_relhook_install() {
    let repo = unset_husky("^9.1.0", "npm test\n");
    let (fixes, last, code) = doctor_fixes(&repo);
    assert_eq!(code, Some(1));
    assert_eq!(
        fixes.first().map(String::as_str),
        Some("npx husky && relhook install"),
        "{fixes:?}"
    );
    assert_eq!(
        last,
        "something needs fixing: `npx husky && relhook install` fixes all of it (see `fix:` above)"
    );
    // Done as it says (`npx husky` as husky 9 does it), every hook runs relhook.
    husky_9_runners(&repo);
    let out = ok(repo.relhook(&["install"]));
    let (fixes, last, code) = doctor_fixes(&repo);
    assert_eq!(code, Some(0), "{}", text(&out));
    assert!(
        fixes.iter().all(|f| f.starts_with("git add ")),
        "only the commit of husky's files is left: {fixes:?} {last}"
    );
}

#[test]
fn husky_8_is_set_up_with_husky_install() {
    let hook = "#!/usr/bin/env sh\n. \"$(dirname -- \"$0\")/_/husky.sh\"\nnpm test\n";
    let repo = unset_husky("^8.0.3", hook);
    let (fixes, _, _) = doctor_fixes(&repo);
    assert_eq!(
        fixes.first().map(String::as_str),
        Some("npx husky install && relhook install"),
        "{fixes:?}"
    );
}
