//! Found by QA of a new user's path: a `[version] files` entry that is a symbolic link to a
//! file outside the work tree. doctor's row had no `fix:` line though its summary said "see
//! `fix:` above", and the refusal said only "replace the link with a copy of the file it
//! names". Both now name the commands that do it, and pasted (in a folder below the top) they
//! make the release possible.

use crate::support::{Repo, dated_release, ok, stderr, stdout, text};

#[cfg(unix)]
#[test]
fn a_version_file_linked_out_of_the_tree_gets_the_commands_that_copy_it_in() {
    let repo = Repo::new();
    let outside = repo.scratch("outside");
    std::fs::write(outside.join("VERSION"), "1.0.0\n").unwrap();
    std::os::unix::fs::symlink(outside.join("VERSION"), repo.path().join("VERSION")).unwrap();
    repo.write(
        ".relconfig.toml",
        "[version]\nfiles = [{ path = \"VERSION\", pattern = \"{version}\" }]\n[checks]\nrequire_tested_tags = false\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: one");

    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    let fix = said
        .lines()
        .find(|l| l.contains("fix: replace the link with a copy"))
        .unwrap_or_else(|| panic!("no fix line for the link:\n{said}"));
    let line = fix.split('`').nth(1).unwrap().to_owned();
    let refused = dated_release(&repo, &["--no-test", "--dry-run"]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(stderr(&refused).contains(&line), "{}", text(&refused));

    // Pasted in a folder below the top, it copies the file in and commits it.
    let below = repo.path().join("docs");
    std::fs::create_dir_all(&below).unwrap();
    let mut sh = repo.command_in("sh", &below);
    let done = sh.args(["-c", &line]).output().unwrap();
    assert!(done.status.success(), "{line}: {}", text(&done));
    assert_eq!(repo.read("VERSION"), "1.0.0\n");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("VERSION"), "1.0.1\n");
    assert_eq!(
        std::fs::read_to_string(outside.join("VERSION")).unwrap(),
        "1.0.0\n",
        "the file outside is left alone"
    );
}
