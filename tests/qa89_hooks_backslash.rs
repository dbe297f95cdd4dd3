//! QA89: a hooks folder named with a backslash (`core.hooksPath = ho\tks`, a backslash then
//! `t`) was taken as `ho/tks`: install's note named that other folder, and its ignore line
//! (`echo /ho/tks/ >> …`) left the hooks showing in `git status`; doctor found no relhook
//! files there and gave no hooks-directory row at all. On Linux a backslash is part of the
//! name: both name the folder as it is, and the ignore line pasted makes `git status` clean.

use crate::support::{Repo, ok, stdout, text};

/// A repository with one commit whose `core.hooksPath` is `name`, relhook installed there.
fn installed_in(name: &str) -> (Repo, String) {
    let repo = Repo::new();
    repo.commit("chore: init");
    repo.git(&["config", "core.hooksPath", name]);
    let out = ok(repo.relhook(&["install"]));
    (repo, text(&out))
}

/// The command in the first backquotes after `marker` in `out`.
fn command_after(out: &str, marker: &str) -> String {
    let at = out
        .find(marker)
        .unwrap_or_else(|| panic!("{marker}: {out}"));
    out[at..].split('`').nth(1).unwrap().to_owned()
}

#[test]
fn install_writes_into_the_folder_named_and_its_ignore_line_works_pasted() {
    let name = r"ho\tks";
    let (repo, said) = installed_in(name);
    assert!(
        repo.path().join(name).join("commit-msg").is_file(),
        "{said}"
    );
    assert!(!repo.path().join("ho").exists(), "{said}");
    assert!(!said.contains("ho/tks"), "{said}");
    assert!(said.contains(r"note: ho\tks is in the work tree"), "{said}");
    let line = command_after(&said, "until you ignore it in this clone");
    // Pasted in a folder below the top, through both a POSIX sh and bash.
    std::fs::create_dir_all(repo.path().join("sub")).unwrap();
    for shell in ["sh", "bash"] {
        std::fs::write(repo.path().join(".git/info/exclude"), "").unwrap();
        let ran = (repo.command_in(shell, &repo.path().join("sub")))
            .args(["-c", &line])
            .output()
            .unwrap();
        assert!(ran.status.success(), "{shell}: {line}: {}", text(&ran));
        let status = repo.git(&["status", "--porcelain", "--untracked-files=all"]);
        assert_eq!(status, "", "{shell}: {line}");
    }
}

#[test]
fn doctor_names_an_untracked_hooks_folder_with_a_backslash_and_its_fix_works() {
    for name in [r"ho\tks", r"ho\nks"] {
        let (repo, _) = installed_in(name);
        let out = repo.relhook(&["doctor"]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out));
        let doctor = stdout(&out);
        let row = (doctor.lines())
            .find(|l| l.trim_start().starts_with("INVALID  hooks directory:"))
            .unwrap_or_else(|| panic!("{name}: {doctor}"));
        assert!(
            row.contains(&format!("relhook's hooks in {name} are not committed")),
            "{row}"
        );
        assert!(row.contains(&format!("{name}/commit-msg")), "{row}");
        let fix = (doctor.lines())
            .skip_while(|l| !l.contains("INVALID  hooks directory:"))
            .find_map(|l| l.trim_start().strip_prefix("fix: "))
            .unwrap_or_else(|| panic!("{doctor}"));
        let ignore = fix.split(" (this clone only)").next().unwrap();
        let ran = repo.sh(ignore);
        assert!(ran.status.success(), "{ignore}: {}", text(&ran));
        let status = repo.git(&["status", "--porcelain", "--untracked-files=all"]);
        assert_eq!(status, "", "{name}: {ignore}");
        let again = text(&repo.relhook(&["doctor"]));
        assert!(!again.contains("INVALID  hooks directory"), "{again}");
        assert!(!again.contains("ho/"), "{again}");
    }
}
