//! QA51: a `.relconfig.toml` link to no file. doctor said "point the link at the
//! configuration, or remove it to use the defaults" but its `fix:` line "make the file
//! readable, or remove it"; a link round a loop got a raw "Too many levels of symbolic links
//! (os error 40)" with that same fix line. Both are now said as links to no file, the way on
//! once, on the `fix:` line, and a commit is refused in the same words.

use crate::support::{installed_repo, stderr, stdout, text};

/// doctor's config row and the line below it, for `.relconfig.toml` a link to `target`.
#[cfg(unix)]
fn doctor_config_rows(target: &str) -> (String, String) {
    let repo = installed_repo();
    std::os::unix::fs::symlink(target, repo.path().join(".relconfig.toml")).unwrap();
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let mut lines = said.lines().skip_while(|l| !l.contains("config:"));
    let row = lines.next().unwrap_or_else(|| panic!("{}", text(&out)));
    let fix = lines.next().unwrap_or_default();
    // A commit is refused in the same words.
    let commit = repo.try_commit("fix: y");
    assert!(!commit.status.success(), "{}", text(&commit));
    assert!(
        stderr(&commit).contains("point the link at the configuration"),
        "{}",
        text(&commit)
    );
    assert!(!stderr(&commit).contains("os error"), "{}", text(&commit));
    (row.trim().to_owned(), fix.trim().to_owned())
}

#[cfg(unix)]
#[test]
fn a_dangling_config_link_gets_the_fix_its_message_gives() {
    let (row, fix) = doctor_config_rows("conf/missing.toml");
    assert!(row.starts_with("INVALID  config: refusing `"), "{row}");
    assert!(
        row.ends_with(
            ".relconfig.toml`: it is a symbolic link to `conf/missing.toml`, a file that does not exist"
        ),
        "{row}"
    );
    assert!(
        fix.starts_with("fix: point the link at the configuration file, or remove it (`rm "),
        "{fix}"
    );
    assert!(
        fix.ends_with(".relconfig.toml`) to use the defaults"),
        "{fix}"
    );
}

#[cfg(unix)]
#[test]
fn a_config_link_round_a_loop_is_said_as_one() {
    let (row, fix) = doctor_config_rows(".relconfig.toml");
    assert!(
        row.ends_with(
            ".relconfig.toml`: it is a symbolic link that leads round a loop of links to no file"
        ),
        "{row}"
    );
    assert!(!row.contains("os error"), "{row}");
    assert!(
        fix.starts_with("fix: point the link at the configuration file, or remove it (`rm "),
        "{fix}"
    );
    assert!(
        fix.ends_with(".relconfig.toml`) to use the defaults"),
        "{fix}"
    );
}
