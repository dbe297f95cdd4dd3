//! QA43: lefthook's hooks installed, `lefthook.yml` calling relhook, and no lefthook to run
//! (not on PATH, not in node_modules): its runner says "Can't find lefthook in PATH" and lets
//! every commit and push through, relhook unrun, while doctor said "all is well". It says
//! the hooks run nothing until lefthook is installed.

use crate::support::{Repo, make_executable, pending, stdout, text};

#[test]
fn lefthooks_runner_without_lefthook_is_said_by_doctor() {
    let repo = Repo::new();
    repo.write(
        "lefthook.yml",
        "pre-commit:\n  commands:\n    lint:\n      run: echo lint\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    pending(repo.relhook(&["install"]));
    repo.git(&["add", "-A"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: relhook through lefthook",
    ]);
    // The runners `lefthook install` writes.
    for hook in ["commit-msg", "post-commit", "pre-push"] {
        let path = repo.hooks_dir().join(hook);
        std::fs::write(
            &path,
            format!("#!/bin/sh\n\ncall_lefthook()\n{{\n  if command -v lefthook >/dev/null 2>&1; then\n    lefthook \"$@\"\n  else\n    echo \"Can't find lefthook in PATH\"\n  fi\n}}\n\ncall_lefthook run \"{hook}\" \"$@\"\n"),
        )
        .unwrap();
        make_executable(&path);
    }
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let doctor = stdout(&out);
    let row = doctor
        .lines()
        .find(|l| l.contains("hook commit-msg (via lefthook)"))
        .unwrap_or_else(|| panic!("{doctor}"));
    assert!(row.contains("finds no lefthook"), "{doctor}");
    // lefthook installed with npm: the runner finds it there.
    let bin = repo.path().join("node_modules/.bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(bin.join("lefthook"), "#!/bin/sh\n").unwrap();
    make_executable(&bin.join("lefthook"));
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("finds no lefthook"), "{doctor}");
}
