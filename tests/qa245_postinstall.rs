//! QA245: `"postinstall": "relhook install"` in package.json, with husky not set up yet in a
//! fresh clone (its `prepare` runs after `postinstall`). install wires relhook into husky's
//! files and says what is pending; run by the package manager it exits 0 so that
//! `npm install` goes on, and run by hand it still exits 1 (as doctor's MISSING does).

use crate::support::{Repo, pending, relhook_bin, stdout, text};

/// A project that uses husky (`.husky/`), before `npx husky` ran in this clone.
fn husky_project(scripts: &str) -> Repo {
    let repo = Repo::new();
    std::fs::create_dir_all(repo.path().join(".husky")).unwrap();
    repo.write(
        "package.json",
        format!("{{ \"name\": \"demo\", \"version\": \"0.1.0\", \"scripts\": {{ {scripts} }} }}\n"),
    );
    repo
}

#[test]
fn npm_install_runs_a_postinstall_relhook_install_to_the_end() {
    let Some(npm) = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|d| d.join("npm"))
        .find(|p| p.is_file())
    else {
        return eprintln!("skipped: npm is not on PATH");
    };
    let repo = husky_project("\"postinstall\": \"relhook install\"");
    let out = repo
        .command_in(&npm, &repo.path())
        .env(
            "PATH",
            crate::support::path_with(&[&repo.relhook_on_path()]),
        )
        .env("npm_config_update_notifier", "false")
        .args(["install", "--offline", "--no-audit", "--no-fund"])
        .output()
        .expect("run npm");
    assert!(out.status.success(), "npm install failed: {}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("then run `npx husky`")
            && said.contains("note: exit 0 as the package manager's `postinstall` script"),
        "{said}"
    );
    assert!(
        repo.read(".husky/commit-msg").contains("relhook"),
        "wired in husky's file"
    );
}

#[test]
fn run_by_hand_the_pending_install_still_exits_1() {
    let repo = husky_project("\"prepare\": \"husky\"");
    let out = pending(repo.relhook(&["install"]));
    assert!(!stdout(&out).contains("exit 0"), "{}", text(&out));
    // The same install as npm's `postinstall` script: exit 0, one line saying why.
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .env("npm_lifecycle_event", "postinstall")
        .arg("install")
        .output()
        .expect("run relhook");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stdout(&out);
    let notes: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("exit 0"))
        .map(str::trim)
        .collect::<Vec<_>>();
    assert_eq!(
        notes,
        [
            "note: exit 0 as the package manager's `postinstall` script, so that the install goes on; the hooks wait for `npx husky`, then `relhook doctor` checks them"
        ],
        "{}",
        text(&out)
    );
}
