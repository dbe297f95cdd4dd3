//! QA52 (4): the refusal of a `.relconfig.toml` link out of the repository offered "or name
//! it with `--config …`"; under `--config`, doctor said "nothing needs fixing" and advised
//! committing the link, while every hook, which cannot take `--config`, still refused. The
//! refusal now names only a fix that works in a hook (a copy in the link's place), and doctor
//! under `--config` names the link the hooks refuse, with that fix and no commit of it.

#![cfg(unix)]

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// A repository with a commit, its `.relconfig.toml` a link to `shared.toml` beside it.
fn linked_out() -> (Repo, String) {
    let repo = installed_repo();
    repo.commit("chore: start");
    let away = repo.scratch("elsewhere");
    let shared = away.join("shared.toml");
    std::fs::write(&shared, "[checks]\nrequire_tested_tags = false\n").unwrap();
    std::os::unix::fs::symlink(&shared, repo.path().join(".relconfig.toml")).unwrap();
    (repo, shared.to_str().unwrap().to_owned())
}

#[test]
fn hooks_refusing_a_config_link_name_no_config_flag() {
    let (repo, _) = linked_out();
    let out = repo.try_commit("fix: b");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("shared.toml`, outside the repository"),
        "{err}"
    );
    assert!(!err.contains("--config"), "a hook cannot take it: {err}");
    // Its fix, pasted, and the commit goes through.
    let fix = err
        .split('`')
        .find(|w| w.starts_with("rm ") && w.contains(" && cp "))
        .unwrap_or_else(|| panic!("no copy: {err}"));
    ok(repo.sh(fix));
    repo.git(&["add", ".relconfig.toml"]);
    let out = repo.try_commit("fix: b");
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn doctor_under_config_names_the_link_the_hooks_refuse() {
    let (repo, shared) = linked_out();
    let out = repo.relhook(&["--config", &shared, "doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stdout(&out);
    let mut rows = said
        .lines()
        .skip_while(|l| !l.contains(".relconfig.toml (read by the hooks):"));
    let row = rows.next().unwrap_or_else(|| panic!("{said}"));
    assert!(row.trim_start().starts_with("INVALID"), "{row}");
    assert!(
        row.contains("shared.toml`, outside the repository"),
        "{row}"
    );
    assert!(
        row.contains("`--config` is not read by `git commit`"),
        "{row}"
    );
    assert!(!said.contains("nothing needs fixing"), "{said}");
    assert!(!said.contains("git add"), "no commit of the link: {said}");
    let fix = rows.next().unwrap_or_default().trim();
    let fix = fix
        .strip_prefix("fix: ")
        .and_then(|f| f.split('`').nth(1))
        .unwrap_or_else(|| panic!("{said}"));
    ok(repo.sh(fix));
    let out = repo.relhook(&["--config", &shared, "doctor"]);
    assert!(
        !stdout(&out).contains("read by the hooks"),
        "{}",
        text(&out)
    );
    // The hooks read the copy.
    repo.git(&["add", ".relconfig.toml"]);
    let out = repo.try_commit("fix: b");
    assert!(out.status.success(), "{}", text(&out));
}
