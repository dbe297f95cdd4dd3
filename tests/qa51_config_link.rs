//! QA51: a `.relconfig.toml` that is a symbolic link to a file outside the repository was
//! followed, though every path the configuration gives must stay inside it. It is refused
//! now, in one line naming where it leads and the way on, by every command and hook (the
//! commit-msg hook names its bypass, as for any broken configuration). A link to a file
//! inside the repository is followed, and so is a `--config` path, wherever it leads.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// A configuration that allows `chore` commits alone: read, it fails `fix: x`.
const CHORES_ONLY: &str = "[commit]\ntypes = [\"chore\"]\n";

/// Whether the configuration read (`args` go before `lint`) is [`CHORES_ONLY`]: `fix: x`
/// passes the defaults.
fn reads_chores_only(repo: &Repo, args: &[&str]) -> bool {
    let mut all = args.to_vec();
    all.extend(["lint", "--message", "fix: x"]);
    let out = repo.relhook(&all);
    match out.status.code() {
        Some(0) => false,
        Some(1) => true,
        _ => panic!("{all:?}: {}", text(&out)),
    }
}

/// The refusal's first line, with the link and where it leads.
fn said_outside(err: &str) -> &str {
    let line = err
        .lines()
        .find(|l| l.contains("is a symbolic link to"))
        .unwrap_or_else(|| panic!("no refusal of the link:\n{err}"));
    assert!(line.contains(".relconfig.toml`"), "{line}");
    assert!(
        line.contains("shared.toml`, outside the repository"),
        "{line}"
    );
    line
}

#[cfg(unix)]
#[test]
fn a_config_link_leading_out_of_the_repository_is_refused_everywhere() {
    let repo = installed_repo();
    let away = repo.scratch("elsewhere");
    std::fs::write(away.join("shared.toml"), CHORES_ONLY).unwrap();
    let link = repo.path().join(".relconfig.toml");
    std::os::unix::fs::symlink(away.join("shared.toml"), &link).unwrap();

    for args in [
        &["lint", "--message", "fix: x"][..],
        &["check", "--all"],
        &["version"],
        &["release", "--no-test"],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        said_outside(&err);
        assert!(!err.contains("hint:"), "one line: {err}");
    }
    assert!(repo.git(&["tag", "-l"]).is_empty());
    let out = repo.relhook(&["doctor"]);
    let fix = stdout(&out)
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: ").map(str::to_owned))
        .unwrap_or_else(|| panic!("no fix:\n{}", text(&out)));
    said_outside(&stdout(&out));
    // No `--config`: the hooks, which cannot take it, give the same fix (QA52).
    assert!(!fix.contains("--config"), "{fix}");

    // The commit-msg hook stops the commit, as for any broken configuration, and says how
    // to commit without relhook until it is fixed.
    let out = repo.try_commit("feat: two");
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    said_outside(&err);
    assert!(err.contains("git commit --no-verify"), "{err}");

    // The copy the refusal names, pasted, is read.
    let copy = fix.split('`').nth(1).expect("a command");
    ok(repo.sh(copy));
    assert!(!link.is_symlink());
    assert!(reads_chores_only(&repo, &[]));
}

#[cfg(unix)]
#[test]
fn a_config_link_inside_the_repository_and_config_given_anywhere_are_read() {
    let repo = installed_repo();
    repo.write("conf/rel.toml", CHORES_ONLY);
    std::os::unix::fs::symlink("conf/rel.toml", repo.path().join(".relconfig.toml")).unwrap();
    assert!(reads_chores_only(&repo, &[]));

    // `--config` names a file outside, on purpose.
    let away = repo.scratch("elsewhere");
    std::fs::write(away.join("shared.toml"), CHORES_ONLY).unwrap();
    std::fs::remove_file(repo.path().join(".relconfig.toml")).unwrap();
    let given = away.join("shared.toml");
    let given = given.to_str().unwrap();
    assert!(!reads_chores_only(&repo, &[]));
    assert!(reads_chores_only(&repo, &["--config", given]));
}
