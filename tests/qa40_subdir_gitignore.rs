//! QA40: run from a folder below the top, relhook's advice for build output left in the work
//! tree (`printf '/out.txt' >> .gitignore && git add .gitignore …`) wrote and committed a
//! `.gitignore` in that folder, and the file stayed untracked: the advice names the top's.

use crate::support::{installed_repo, stderr, text};

#[test]
fn the_gitignore_advice_works_from_a_folder_below_the_top() {
    let repo = installed_repo();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: cfg"]);
    repo.write("report.xml", "x");
    repo.write("src/lib.txt", "x");
    repo.git(&["add", "src/lib.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: src"]);
    let src = repo.path().join("src");
    let out = repo.relhook_in(&src, &["test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    let start = said.find("`printf").expect("the printf step") + 1;
    let line = &said[start..start + said[start..].find('`').unwrap()];
    let run = repo
        .command_in("sh", &src)
        .args(["-c", line])
        .output()
        .unwrap();
    assert!(run.status.success(), "{line}: {}", text(&run));
    assert!(repo.read(".gitignore").contains("/report.xml"), "{line}");
    assert!(!src.join(".gitignore").exists(), "{line}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}
