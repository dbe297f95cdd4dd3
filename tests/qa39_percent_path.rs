//! QA39: relhook installed from a folder whose name holds `%A` (`/tmp/b%A x/relhook`): git
//! expands its merge driver's placeholders anywhere in the command, quotes or not, so the
//! driver looked for relhook at a path of git's temporary file and merged CHANGELOG.md line
//! by line (a conflict) although relhook was where it was installed.

use crate::support::{installed_repo, ok, relhook_bin, text};

#[test]
fn a_percent_in_relhooks_path_keeps_the_merge_driver_working() {
    let repo = installed_repo();
    let dir = repo.scratch("b%A x");
    let bin = dir.join("relhook");
    // A link, not a copy: a copy's write handle, inherited by another test's child, makes
    // running it fail (`Text file busy`).
    if std::fs::hard_link(relhook_bin(), &bin).is_err() {
        std::fs::copy(relhook_bin(), &bin).unwrap();
    }
    let mut install = repo.command_in(&bin, &repo.path());
    ok(install.arg("install").output().unwrap());
    for (branch, file, message) in [("side", "s", "feat: side"), ("main", "m", "feat: main")] {
        if branch == "side" {
            repo.git(&["switch", "-qc", "side"]);
        } else {
            repo.git(&["switch", "-q", "main"]);
        }
        repo.write(file, "x\n");
        repo.git(&["add", file]);
        let mut commit = repo.command_in("git", &repo.path());
        ok(commit.args(["commit", "-qm", message]).output().unwrap());
    }
    // No relhook on PATH: the driver has only the path it was installed with.
    let git_dir = crate::support::git_abs().parent().unwrap().to_owned();
    let mut merge = repo.command_in("git", &repo.path());
    let out = merge
        .env(
            "PATH",
            std::env::join_paths([git_dir, "/bin".into()]).unwrap(),
        )
        .args(["merge", "-q", "--no-edit", "side"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("- side\n") && log.contains("- main\n") && !log.contains("<<<<<<<"),
        "{log}"
    );
}
