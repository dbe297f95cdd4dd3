//! QA152: after `v1.3.0-beta.1`, `relhook release --pre rc` with no commit since was refused
//! as "nothing to release", though promoting the same content to the next channel is how
//! release candidates are made. A promotion to a later channel (beta → rc) is now a release
//! whose section and notes carry what the pre-release shipped, once; the same channel again
//! with nothing new is still refused, in the same one line.

use crate::support::{
    dated_release, hand_tag, hand_tag_refused, ok, stderr, text, untested_installed,
};

/// Released as 1.2.0, then `v1.3.0-beta.1` of a feature, with nothing since.
fn on_beta() -> crate::support::Repo {
    let repo = untested_installed();
    repo.commit_hooked("fix: zero");
    ok(dated_release(&repo, &["1.2.0"]));
    repo.commit_hooked("feat(api): one");
    ok(dated_release(&repo, &["--pre", "beta"]));
    assert!(repo.git(&["tag", "-l"]).contains("v1.3.0-beta.1"));
    repo
}

/// The lines of `log`'s section of `version`, up to the next section.
fn section(log: &str, version: &str) -> String {
    let head = format!("## [{version}]");
    let rest = &log[log.find(&head).unwrap_or_else(|| panic!("{head}: {log}"))..];
    let end = rest[1..].find("\n## ").map_or(rest.len(), |e| e + 1);
    rest[..end].to_owned()
}

#[test]
fn the_same_channel_with_nothing_new_is_still_refused_in_one_line() {
    let repo = on_beta();
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = dated_release(&repo, &["--pre", "beta"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("nothing to release: no commits since v1.3.0-beta.1"),
        "{err}"
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(!repo.git(&["tag", "-l"]).contains("beta.2"));
}

#[test]
fn beta_is_promoted_to_rc_then_final_with_its_entries_once_each() {
    let repo = on_beta();
    let out = dated_release(&repo, &["--pre", "rc"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("v1.3.0-rc.1"));
    let log = repo.read("CHANGELOG.md");
    let entry = "- **api:** one";
    let rc = section(&log, "1.3.0-rc.1");
    assert_eq!(rc.matches(entry).count(), 1, "{log}");
    // The beta's section keeps what it shipped.
    assert_eq!(
        section(&log, "1.3.0-beta.1").matches(entry).count(),
        1,
        "{log}"
    );
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v1.3.0-rc.1"]);
    assert!(notes.contains(entry), "{notes}");
    assert!(repo.is_clean());

    // rc → final, nothing new either: the release carries the entry once.
    let out = dated_release(&repo, &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("v1.3.0\n"));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(section(&log, "1.3.0").matches(entry).count(), 1, "{log}");
    assert_eq!(log.matches(entry).count(), 3, "{log}");
}

#[test]
fn a_hand_tag_promotes_the_beta_as_the_release_does() {
    let repo = on_beta();
    let out = hand_tag(&repo, &["-a", "v1.3.0-rc.1", "-m", "release 1.3.0-rc.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("v1.3.0-rc.1"));
    let log = repo.read("CHANGELOG.md");
    assert_eq!(
        section(&log, "1.3.0-rc.1")
            .matches("- **api:** one")
            .count(),
        1,
        "{log}"
    );
    assert!(repo.is_clean());
    // The same channel by hand with nothing new: still refused.
    let err = hand_tag_refused(&repo, "v1.3.0-rc.2");
    assert!(err.contains("nothing"), "{err}");
}
