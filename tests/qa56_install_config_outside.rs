//! QA55: `relhook install` warned of a `.relconfig.toml` link to nothing but not of one to a
//! file outside the repository, which the hooks refuse on every commit. Now install says it
//! in one line, as the hooks do, with the fix that works pasted.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn install_warns_of_a_config_link_leading_out_of_the_repository() {
    let repo = Repo::new();
    let outside = repo.scratch("shared").join("relconfig.toml");
    std::fs::write(&outside, "[checks]\n").unwrap();
    std::os::unix::fs::symlink(&outside, repo.path().join(".relconfig.toml")).unwrap();
    let out = ok(repo.relhook(&["install"]));
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 1, "{}", text(&out));
    let line = warnings[0];
    assert!(line.contains("outside the repository"), "{line}");
    assert!(line.contains(&outside.display().to_string()), "{line}");
    assert!(line.contains("the hooks refuse every commit"), "{line}");
    // Its fix, pasted, makes a configuration the hooks read.
    let fix = line
        .split('`')
        .find(|w| w.starts_with("rm "))
        .unwrap_or_else(|| panic!("{line}"));
    ok(repo.sh(fix));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    let out = repo.try_commit("feat: a");
    assert!(out.status.success(), "{}", text(&out));
}
