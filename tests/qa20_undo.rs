//! A release whose tests fail after the user switched branches while they ran: its commit is
//! still on the branch it was made on, and the message names that branch and the way on.

use std::io::{BufRead, Read};

use crate::support::{configured_with_a_feature, ok, relhook_bin, text};

#[test]
fn a_failed_release_after_a_switch_names_the_branch_that_holds_its_commit() {
    let repo = configured_with_a_feature(|_| "[checks]\ntest = [\"false\"]\n".into());
    let feature = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["branch", "other"]);
    let mut child = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["release"])
        .env("RELHOOK_TEST_FAILPOINT", "release-committed:pause")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run relhook");
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    while !said.contains("pausing") {
        let mut line = String::new();
        if err.read_line(&mut line).unwrap() == 0 {
            panic!("never paused:\n{said}");
        }
        said.push_str(&line);
    }
    repo.git(&["switch", "-q", "other"]);
    err.read_to_string(&mut said).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2), "{said}");
    assert!(!said.contains("nothing was left behind"), "{said}");
    assert!(said.contains("is still on main"), "{said}");
    let drop = said
        .split('`')
        .find(|c| c.starts_with("git branch -f main "))
        .unwrap_or_else(|| panic!("no way to drop it:\n{said}"));
    ok(repo.sh(drop));
    assert_eq!(repo.git(&["rev-parse", "main"]), feature);
    let out = repo.git_output(&["status", "--porcelain"]);
    assert!(out.stdout.is_empty(), "{}", text(&out));
}
