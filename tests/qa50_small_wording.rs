//! QA50: small wording. A release refused for signing under `[release] sign = true` named
//! only git's `tag.gpgSign` when that was set too, and never the way out the project's own
//! setting gives.

use crate::support::{Repo, make_executable, stderr, stdout, text};

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
