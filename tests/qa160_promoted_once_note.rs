//! QA160: after `v1.3.0-beta.1` promoted to `1.3.0-rc.1` with nothing new (whose section
//! carries the beta's entries, as each pre-release's section lists what it ships), the final
//! 1.3.0 said "1.3.0 carries once `- **api:** one`, which its pre-releases … list more than
//! once": noise, the repetition being the promotion's. A promotion's repeats are no longer
//! said; an entry a later pre-release lists again (not a promotion) still is.

use crate::support::{dated_release, ok, stderr, text, untested_installed};

const ENTRY: &str = "- **api:** one";

/// Released as 1.2.0, then `v1.3.0-beta.1` of a feature promoted to `v1.3.0-rc.1`.
fn promoted() -> crate::support::Repo {
    let repo = untested_installed();
    repo.commit_hooked("fix: zero");
    ok(dated_release(&repo, &["1.2.0"]));
    repo.commit_hooked("feat(api): one");
    ok(dated_release(&repo, &["--pre", "beta"]));
    ok(dated_release(&repo, &["--pre", "rc"]));
    assert!(repo.git(&["tag", "-l"]).contains("v1.3.0-rc.1"));
    repo
}

/// The lines of `out`'s stderr that say an entry is carried once.
fn carried_once(out: &std::process::Output) -> Vec<String> {
    let err = stderr(out);
    let said = err.lines().filter(|l| l.contains("carries once"));
    said.map(str::to_owned).collect()
}

#[test]
fn the_final_release_after_a_promotion_says_nothing_of_its_repeats() {
    let repo = promoted();
    let dry = dated_release(&repo, &["--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry));
    assert_eq!(carried_once(&dry), Vec::<String>::new(), "{}", text(&dry));
    let out = dated_release(&repo, &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(carried_once(&out), Vec::<String>::new(), "{}", text(&out));
    assert!(repo.git(&["tag", "-l"]).contains("v1.3.0\n"));
    let log = repo.read("CHANGELOG.md");
    let stable = &log[log.find("## [1.3.0]").expect("section")..];
    let stable = &stable[..stable.find("## [1.3.0-rc.1]").expect("rc section")];
    assert_eq!(stable.matches(ENTRY).count(), 1, "{log}");
}

#[test]
fn an_entry_a_later_pre_release_lists_again_is_still_said() {
    let repo = promoted();
    // rc.2 lists the feature again, in the same words: no promotion, a repeat.
    repo.commit_hooked("feat(api): one");
    ok(dated_release(&repo, &["--pre", "rc"]));
    let log = repo.read("CHANGELOG.md");
    let rc2 = &log[log.find("## [1.3.0-rc.2]").expect("rc.2 section")..];
    let rc2 = &rc2[..rc2.find("## [1.3.0-rc.1]").expect("rc.1 section")];
    assert!(rc2.contains(ENTRY), "{log}");
    let out = dated_release(&repo, &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        carried_once(&out),
        [format!(
            "relhook: note: CHANGELOG.md: 1.3.0 carries once `{ENTRY}`, which its pre-releases \
             or Unreleased list more than once in the same words, naming the same commit or none"
        )],
        "{}",
        text(&out)
    );
}
