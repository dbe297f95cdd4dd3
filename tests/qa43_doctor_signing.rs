//! QA43: `relhook doctor` said "all is well" where every release would be refused because git
//! cannot sign (`[release] sign = true` and a `gpg.program` that is not there). Doctor runs the
//! release's own signing check now and says the same reason with the same fix; a repository
//! whose releases sign nothing gets no such row (and no signing program is started). And a
//! `user.signingkey` set to an empty value is said as that, with the command that unsets it.

use std::path::Path;

use crate::support::{Repo, configured_with_a_feature, make_executable, relhook_bin, stderr};
use crate::support::{stdout, text};

fn release_refusal(repo: &Repo, args: &[&str]) -> String {
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .env("RELHOOK_DATE", "2026-11-21")
        .arg("release")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    err.lines()
        .find(|l| l.starts_with("relhook: release refused: "))
        .unwrap_or_else(|| panic!("{err}"))
        .to_owned()
}

#[test]
fn doctor_says_a_signing_release_would_be_refused_as_the_release_says_it() {
    let repo = configured_with_a_feature(|_| "[release]\nsign = true\n".into());
    let gpg = repo.scratch("bin").join("no-such-gpg");
    repo.git(&["config", "gpg.program", gpg.to_str().unwrap()]);
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(!said.contains("all is well"), "{said}");
    let row = said
        .lines()
        .find(|l| l.contains(" signing: "))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(row.trim_start().starts_with("INVALID"), "{said}");
    assert!(row.contains(&format!("`{}`", gpg.display())), "{said}");
    assert!(
        said.contains("fix: install GnuPG, or tell git where it is: `git config gpg.program "),
        "{said}"
    );
    // The release's own words, no other (doctor adds that it did not run the program).
    let refusal = release_refusal(&repo, &["--dry-run"]);
    let why = row.split_once(" signing: ").unwrap().1;
    let why = why
        .strip_suffix("; the signing program itself was not run")
        .unwrap();
    assert!(refusal.contains(why), "{refusal}\n{said}");
}

#[test]
fn doctor_starts_no_signing_program_where_releases_sign_nothing() {
    let repo = configured_with_a_feature(|_| String::new());
    let dir = repo.scratch("fake-gpg");
    let calls = dir.join("calls");
    let gpg = dir.join("gpg");
    std::fs::write(
        &gpg,
        format!("#!/bin/sh\necho \"$@\" >> '{}'\nexit 2\n", calls.display()),
    )
    .unwrap();
    make_executable(&gpg);
    repo.git(&["config", "gpg.program", gpg.to_str().unwrap()]);
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("signing"), "{}", text(&out));
    assert!(!Path::new(&calls).exists());
    // Under `commit.gpgSign` the release commit signs: said, as the release would say it.
    repo.git(&["config", "commit.gpgSign", "true"]);
    let out = repo.relhook(&["doctor"]);
    assert!(stdout(&out).contains("`commit.gpgSign`"), "{}", text(&out));
}

#[test]
fn an_empty_signing_key_is_said_as_one_with_the_command_that_unsets_it() {
    let repo = configured_with_a_feature(|_| String::new());
    let dir = repo.scratch("fake-gpg");
    // gpg refusing the empty user id as gpg does.
    let gpg = dir.join("gpg");
    std::fs::write(
        &gpg,
        "#!/bin/sh\ncat >/dev/null\necho 'gpg: skipped \"\": Invalid user ID' >&2\necho 'gpg: signing failed: Invalid user ID' >&2\nexit 2\n",
    )
    .unwrap();
    make_executable(&gpg);
    repo.git(&["config", "gpg.program", gpg.to_str().unwrap()]);
    repo.git(&["config", "user.signingkey", ""]);
    let line = release_refusal(&repo, &["--dry-run", "--sign"]);
    assert!(!line.contains("is not set"), "{line}");
    assert!(!line.contains("as the committer:"), "{line}");
    assert!(
        line.contains("`user.signingkey` is set to an empty value"),
        "{line}"
    );
    assert!(
        line.contains("`git config --unset user.signingkey`"),
        "{line}"
    );
}
