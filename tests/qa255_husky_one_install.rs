//! QA255: `relhook install` in a fresh clone of a husky 9 project, before husky's `prepare`
//! (`npm install` runs `husky`, which points `core.hooksPath` at `.husky/_` and writes its
//! runners there, for its own list of hooks only): hand tags were not checked until a second
//! `relhook install` added the reference-transaction runner. install now writes that runner
//! ahead (husky's own text, beside husky's own `.gitignore`), so husky's `prepare` is all that
//! is left.

use crate::hook_files::husky_9_runners;
use crate::support::{Repo, stdout, text};

#[test]
fn one_install_before_huskys_prepare_is_enough() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{ \"name\": \"demo\", \"version\": \"0.1.0\", \"scripts\": { \"prepare\": \"husky\" }, \"devDependencies\": { \"husky\": \"^9.1.7\" } }\n",
    );
    repo.write(".husky/pre-commit", "true\n");
    repo.commit("chore: husky");
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    assert!(
        said.contains("then run `npx husky`;") && !said.contains("&& relhook install"),
        "{}",
        text(&out)
    );
    // Ahead of husky, only the runners husky does not write, kept out of `git status` as husky
    // keeps its own.
    let mut ahead: Vec<String> = std::fs::read_dir(repo.path().join(".husky/_"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    ahead.sort();
    assert_eq!(
        ahead,
        [".gitignore", "post-applypatch", "reference-transaction"]
    );
    let status = repo.git(&["status", "--porcelain", "--untracked-files=all"]);
    assert!(!status.contains(".husky/_"), "{status}");
    // npm install's `prepare`: `husky` writes what husky 9 writes, and nothing more is needed.
    husky_9_runners(&repo);
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        said.contains("ok  hook reference-transaction (via husky): husky runs relhook for it")
            && !said.contains("MISSING"),
        "{}",
        text(&out)
    );
}

/// QA255: `relhook uninstall` before husky ever ran left the `.husky/_/.gitignore` install wrote
/// ahead of husky, and the directory; it takes out what install wrote, and only that.
#[test]
fn uninstall_before_husky_ran_takes_out_what_install_wrote_ahead() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{ \"name\": \"demo\", \"version\": \"0.1.0\", \"scripts\": { \"prepare\": \"husky\" }, \"devDependencies\": { \"husky\": \"^9.1.7\" } }\n",
    );
    repo.write(".husky/pre-commit", "true\n");
    repo.commit("chore: husky");
    repo.relhook(&["install"]);
    assert!(repo.path().join(".husky/_/.gitignore").is_file());
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!repo.path().join(".husky/_").exists(), "{}", text(&out));
    assert_eq!(repo.read(".husky/pre-commit"), "true\n");

    // A file someone else put there keeps the directory, and the ignore file with it.
    repo.relhook(&["install"]);
    repo.write(".husky/_/notes", "mine\n");
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read(".husky/_/notes"), "mine\n");
    assert!(repo.path().join(".husky/_/.gitignore").is_file());
    assert!(!repo.path().join(".husky/_/reference-transaction").exists());

    // Once husky ran, its own `.gitignore` stays.
    std::fs::remove_file(repo.path().join(".husky/_/notes")).unwrap();
    husky_9_runners(&repo);
    repo.relhook(&["install"]);
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.path().join(".husky/_/.gitignore").is_file());
    assert!(repo.path().join(".husky/_/h").is_file());
}
