//! QA264 (follow-up): what relhook does with the merge driver's lines in git's config beyond
//! writing its own. Uninstall took out `merge.relhook-changelog.*` whoever had set it (a
//! driver line or a name set by hand went with relhook's); doctor, under a git before 2.44,
//! called a line that only lacks git's marker size (`%L`) one that predates git 2.44's labels;
//! install upgraded an old line with the words of a first registration; and the tests' own
//! set-up (`Repo::hooks`) registered relhook's first line, which doctor calls stale.

use std::path::PathBuf;

use crate::support::{Repo, git_abs, installed_repo, path_with, relhook_bin, stdout, text};

const DRIVER: &str = "merge.relhook-changelog.driver";
const NAME: &str = "merge.relhook-changelog.name";

/// The line relhook registered before it passed git's marker size (`%L`).
fn line_before_marker_size() -> String {
    let bin = relhook_bin().display().to_string().replace('\'', r"'\''");
    format!(
        "b='{bin}'; [ -x \"$b\" ] || b=$(command -v relhook) || b=; if [ -n \"$b\" ]; then exec \"$b\" hook merge-changelog %O %A %B %P; fi; echo 'relhook: '%P': the merge driver found no relhook (gone, and none on PATH), so git merged it line by line; fix: `relhook install` with the relhook you use' >&2; exec git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B"
    )
}

/// A folder with a `git` that says it is 2.43 and is the real git for everything else.
fn git_2_43(repo: &Repo) -> PathBuf {
    let dir = repo.scratch("git-2.43");
    let git = dir.join("git");
    let real = git_abs().display().to_string().replace('\'', r"'\''");
    std::fs::write(
        &git,
        format!(
            "#!/bin/sh\nif [ \"$1\" = version ]; then echo 'git version 2.43.0'; exit 0; fi\nexec '{real}' \"$@\"\n"
        ),
    )
    .unwrap();
    crate::support::make_executable(&git);
    dir
}

/// `relhook ARGS` with the git of [`git_2_43`] on PATH.
fn relhook_under_2_43(repo: &Repo, args: &[&str]) -> std::process::Output {
    let dir = git_2_43(repo);
    repo.command_in(relhook_bin(), &repo.path())
        .env("PATH", path_with(&[&dir]))
        .args(args)
        .output()
        .expect("run relhook")
}

fn lines_naming_the_driver(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| l.contains("relhook-changelog"))
        .collect()
}

#[test]
fn uninstall_leaves_a_driver_line_and_a_name_set_by_hand_and_says_so_in_one_line() {
    let repo = installed_repo();
    let mine = "my-wrapper relhook hook merge-changelog %O %A %B %P";
    repo.git(&["config", DRIVER, mine]);
    repo.git(&["config", NAME, "our changelog merge"]);
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["config", DRIVER]), mine);
    assert_eq!(repo.git(&["config", NAME]), "our changelog merge");
    let said = stdout(&out);
    let driver = lines_naming_the_driver(&said);
    assert_eq!(driver.len(), 1, "{said}");
    assert!(
        driver[0].starts_with("left merge.relhook-changelog.driver in git's config: set by hand"),
        "{said}"
    );
    assert!(driver[0].contains("git config --remove-section merge.relhook-changelog"));
    // The rest of what relhook wrote is out.
    assert!(!repo.hooks_dir().join("post-commit").exists(), "{said}");
    assert!(!repo.path().join(".git/info/attributes").exists(), "{said}");
}

#[test]
fn uninstall_takes_out_relhook_s_driver_line_and_leaves_a_name_set_by_hand() {
    let repo = installed_repo();
    repo.git(&["config", NAME, "our changelog merge"]);
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!repo.git_output(&["config", DRIVER]).status.success());
    assert_eq!(repo.git(&["config", NAME]), "our changelog merge");
    let said = stdout(&out);
    assert!(
        said.contains("removed the relhook-changelog merge driver from git's config"),
        "{said}"
    );
    assert!(
        said.contains("left merge.relhook-changelog.name in git's config: set by hand"),
        "{said}"
    );
}

#[test]
fn uninstall_takes_out_every_line_relhook_registered_and_its_name() {
    let repo = installed_repo();
    for line in [
        line_before_marker_size(),
        format!(
            "'{}' hook merge-changelog %O %A %B %P",
            relhook_bin().display()
        ),
    ] {
        repo.git(&["config", DRIVER, &line]);
        repo.git(&[
            "config",
            NAME,
            "relhook: union of CHANGELOG.md Unreleased entries",
        ]);
        let out = repo.relhook(&["uninstall"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let config = repo.read(".git/config");
        assert!(!config.contains("relhook-changelog"), "{config}");
        assert!(!stdout(&out).contains("left merge."), "{}", text(&out));
        let out = repo.relhook(&["install"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    }
}

#[test]
fn doctor_under_a_git_before_2_44_names_the_marker_size_an_old_line_lacks() {
    let repo = installed_repo();
    repo.git(&["config", DRIVER, &line_before_marker_size()]);
    let doctor = stdout(&relhook_under_2_43(&repo, &["doctor"]));
    let row = doctor
        .lines()
        .find(|l| l.contains("merge driver"))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(
        row.contains("STALE  merge driver: its line predates git's conflict marker size (`%L`)"),
        "{doctor}"
    );
    assert!(!row.contains("2.44"), "{doctor}");
    assert!(!row.contains("label"), "{doctor}");
    // With git 2.44 or later the same line lacks both.
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains(
            "its line predates git's conflict labels (`%S %X %Y`, git 2.44) and marker size (`%L`)"
        ),
        "{doctor}"
    );
}

#[test]
fn install_says_it_upgraded_an_old_line() {
    let repo = installed_repo();
    let current = repo.git(&["config", DRIVER]);
    for under_2_43 in [false, true] {
        repo.git(&["config", DRIVER, &line_before_marker_size()]);
        let out = match under_2_43 {
            true => relhook_under_2_43(&repo, &["install"]),
            false => repo.relhook(&["install"]),
        };
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let said = stdout(&out);
        let driver = lines_naming_the_driver(&said);
        assert_eq!(driver.len(), 1, "{said}");
        assert!(
            driver[0].starts_with(
                "upgraded the relhook-changelog merge driver's line in git's config (merge.relhook-changelog.driver)"
            ),
            "{said}"
        );
        assert!(!said.contains("registered the"), "{said}");
        if !under_2_43 {
            assert_eq!(repo.git(&["config", DRIVER]), current);
        }
    }
}

/// The tests' own set-up registers the line install registers, which doctor finds current.
#[test]
fn the_tests_hooks_register_the_line_install_registers() {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    let installed = installed_repo();
    let line = |r: &Repo| r.git(&["config", DRIVER]);
    assert_eq!(line(&repo), line(&installed));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("STALE  merge driver"), "{doctor}");
}
