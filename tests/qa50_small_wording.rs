//! QA50: small wording. A release refused for signing under `[release] sign = true` named
//! only git's `tag.gpgSign` when that was set too, and never the way out the project's own
//! setting gives. The lefthook hint said `npm install --save-dev lefthook` where package.json
//! lists lefthook already (installing the project's packages is the fix). And the line on a
//! Ctrl-C that came once the release was made printed after `next:`, which is the last line.

use crate::support::{Repo, make_executable, pending, stderr, stdout, text};

/// Installed, one feature, `[release] sign = true`, and a gpg that has no secret key.
fn signing_without_a_key() -> Repo {
    let repo = crate::support::configured_with_a_feature(|_| "[release]\nsign = true\n".into());
    let dir = repo.scratch("bin");
    std::fs::create_dir_all(&dir).unwrap();
    let gpg = dir.join("gpg");
    std::fs::write(
        &gpg,
        "#!/bin/sh\ncat >/dev/null\necho 'gpg: signing failed: No secret key' >&2\nexit 2\n",
    )
    .unwrap();
    make_executable(&gpg);
    repo.git(&["config", "gpg.program", gpg.to_str().unwrap()]);
    repo
}

#[test]
fn a_release_signed_under_release_sign_names_it_and_the_way_to_release_unsigned() {
    let repo = signing_without_a_key();
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("the release signs its tag (`[release] sign = true` in .relconfig.toml)"),
        "{err}"
    );
    assert!(
        err.contains("`git config user.signingkey <key id>`"),
        "{err}"
    );
    assert!(
        err.ends_with(
            "; or release unsigned: `sign = false` under `[release]` in .relconfig.toml\n"
        ),
        "{err}"
    );
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("`[release] sign = true`"), "{doctor}");
}

#[test]
fn with_tag_gpgsign_too_both_settings_are_named_and_no_half_way_out() {
    let repo = signing_without_a_key();
    repo.git(&["config", "tag.gpgSign", "true"]);
    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "the release signs its tag (`[release] sign = true` in .relconfig.toml, `tag.gpgSign`)"
        ),
        "{err}"
    );
    // `sign = false` alone would not stop git signing the tag.
    assert!(!err.contains("sign = false"), "{err}");
}

/// A repository with a lefthook.yml and `package` as its package.json (and `lock` beside it
/// when given), where no lefthook is on PATH; `None` when one is.
fn lefthook_from_npm(package: &str, lock: Option<&str>) -> Option<Repo> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    if std::env::split_paths(&path).any(|d| d.join("lefthook").is_file()) {
        eprintln!("skipped: lefthook is on PATH here");
        return None;
    }
    let repo = Repo::new();
    repo.write(
        "lefthook.yml",
        "pre-commit:\n  commands:\n    lint:\n      run: echo hi\n",
    );
    repo.write("package.json", package);
    if let Some(lock) = lock {
        repo.write(lock, "");
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: lh"]);
    Some(repo)
}

#[test]
fn lefthook_listed_in_package_json_is_installed_with_the_lock_s_manager_not_added() {
    let listed = "{\"devDependencies\": {\"lefthook\": \"^1.6.0\"}}\n";
    let Some(repo) = lefthook_from_npm(listed, Some("pnpm-lock.yaml")) else {
        return;
    };
    let out = pending(repo.relhook(&["install"]));
    let said = stdout(&out);
    assert!(
        said.contains("lefthook is not on PATH here"),
        "{}",
        text(&out)
    );
    assert!(said.contains("or `pnpm install`, then"), "{said}");
    assert!(!said.contains("--save-dev"), "{said}");
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("or `pnpm install`, then"), "{doctor}");
    assert!(!doctor.contains("--save-dev"), "{doctor}");
}

#[test]
fn lefthook_listed_in_dependencies_without_a_lock_is_npm_install() {
    let listed = "{\"dependencies\": {\"lefthook\": \"1\"}}\n";
    let Some(repo) = lefthook_from_npm(listed, None) else {
        return;
    };
    let said = stdout(&pending(repo.relhook(&["install"])));
    assert!(said.contains("or `npm install`, then"), "{said}");
    let Some(other) = lefthook_from_npm("{\"name\": \"x\"}\n", None) else {
        return;
    };
    let said = stdout(&pending(other.relhook(&["install"])));
    assert!(said.contains("`npm install --save-dev lefthook`"), "{said}");
}

#[test]
fn a_ctrl_c_once_the_release_was_made_is_said_before_next() {
    let repo = crate::support::untested_installed();
    repo.commit_hooked("feat: one");
    let bin = repo.scratch("bin");
    let real = crate::support::git_abs();
    // A `git` that tags, then signals relhook, as a Ctrl-C reaching both can.
    std::fs::write(
        bin.join("git"),
        format!(
            "#!/bin/sh\nif [ \"$1\" = tag ] && [ \"$2\" = -a ]; then\n  '{}' \"$@\" || exit $?\n  kill -INT $PPID\n  exit 130\nfi\nexec '{}' \"$@\"\n",
            real.display(),
            real.display()
        ),
    )
    .unwrap();
    make_executable(&bin.join("git"));
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .env("PATH", crate::support::path_with(&[&bin]))
        .args(["release", "--no-test"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    let complete = lines
        .iter()
        .position(|l| *l == "relhook: SIGINT came once v0.1.0 was made: the release is complete")
        .unwrap_or_else(|| panic!("{err}"));
    assert!(lines.last().unwrap().starts_with("next: "), "{err}");
    assert_eq!(complete + 1, lines.len() - 1, "{err}");
}
