//! QA51: a hand tag spelled with digits that are not ASCII (`v１.０.０` from an IME's
//! fullwidth mode, `v١.0.0` in Arabic-Indic) went through in silence: no release, and pre-push
//! let it through, as only an ASCII digit after the prefix made a tag release-like (and the
//! launcher and sh shim handed relhook only names with one). The tag hook and pre-push now
//! refuse it in one line naming its ASCII spelling.

use crate::support::{Repo, hand_tag, hand_tag_refused, installed_repo, relhook_bin, stderr};

const FULLWIDTH: &str = "v１.０.０";
const ARABIC_INDIC: &str = "v١.0.0";

fn said(name: &str) -> String {
    let first = name.chars().nth(1).unwrap();
    format!(
        "relhook: refusing tag {name}: `{name}` is spelled with digits that are not ASCII (`{first}`), which SemVer does not read; write `git tag -a v1.0.0 -m v1.0.0`"
    )
}

/// Both names refused by the hook installed in `repo`; an ordinary name without a digit
/// still made, and `v1.0.0`, as written in the refusal, released.
fn refused_then_released(repo: &Repo) {
    for name in [FULLWIDTH, ARABIC_INDIC] {
        let err = hand_tag_refused(repo, name);
        assert_eq!(err.lines().next().unwrap(), said(name), "{err}");
    }
    let plain = hand_tag(repo, &["-a", "latest", "-m", "x"]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    let out = hand_tag(repo, &["-a", "v1.0.0", "-m", "x"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(repo.head_subject(), "chore(release): 1.0.0");
}

#[test]
fn the_tag_hook_refuses_digits_that_are_not_ascii() {
    let repo = installed_repo();
    refused_then_released(&repo);
}

/// The sh shim (written where the launcher is not: another platform, `install --force`).
#[test]
fn the_sh_shim_hands_such_a_tag_to_relhook() {
    let repo = installed_repo();
    let shim = include_str!("../hooks/reference-transaction")
        .replace("@RELHOOK_BIN@", &relhook_bin().display().to_string())
        .replace("@RELHOOK_CHAIN@", "0");
    let hook = repo.hooks_dir().join("reference-transaction");
    std::fs::remove_file(&hook).unwrap();
    repo.write(".git/hooks/reference-transaction", shim);
    crate::support::make_executable(&hook);
    refused_then_released(&repo);
}

#[test]
fn pre_push_refuses_such_a_tag_made_past_the_hook() {
    let repo = installed_repo();
    let remote = repo.scratch("remote.git");
    repo.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    repo.git_env(
        &["tag", "-a", FULLWIDTH, "-m", "x"],
        &[("RELHOOK_SKIP", "1")],
    );
    let out = repo.git_output(&["push", "-q", remote.to_str().unwrap(), "main", FULLWIDTH]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "- `{FULLWIDTH}` is spelled with digits that are not ASCII (`１`), which SemVer does not read; write `git tag -a v1.0.0 -m v1.0.0`"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "delete it (`git tag -d '{FULLWIDTH}'`) and make a release tag named `v` + a SemVer version: `relhook release`, or a hand tag of such a name (`git tag -a v1.0.0 -m v1.0.0`)"
        )),
        "{err}"
    );
    let tags = repo.git(&["--git-dir", remote.to_str().unwrap(), "tag", "-l"]);
    assert_eq!(tags, "");
}
