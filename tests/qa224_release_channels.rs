//! QA224: per-branch pre-release channels. `[release] channels = { beta = "beta" }` makes
//! every release on `beta` a beta pre-release (v2.0.0-beta.1, then beta.2) without `--pre`,
//! says which setting chose it, shows it in `--dry-run`, and refuses a stable release from
//! the branch (a forgotten `--pre` made one before) with the command that makes it on purpose
//! (`--allow-stable`): `relhook release`, a hand tag and pre-push alike (QA231: a hand tag of
//! another identifier's pre-release is made, as `--pre rc` is). `relhook init` writes
//! the setting for the pre-release lines it finds.

use crate::qa139_init_release_branches::channels;
use crate::support::{Repo, dated_release, hand_tag, hand_tag_refused, ok, stderr, stdout, text};

pub(crate) const CONFIG: &str = "[checks]\nrequire_tested_tags = false\n\n[release]\nbranches = [\"main\"]\nchannels = { beta = \"beta\" }\n";

/// relhook installed under `config`, v1.0.0 released on main, and a breaking change on `beta`.
pub(crate) fn on_beta(config: &str) -> Repo {
    let repo = Repo::new();
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    ok(dated_release(&repo, &["1.0.0"]));
    repo.git(&["switch", "-q", "-c", "beta"]);
    repo.commit_hooked("feat!: new api");
    repo
}

fn tags(repo: &Repo) -> String {
    repo.git(&["tag", "-l"])
}

#[test]
fn a_release_on_a_channel_branch_is_its_pre_release_and_says_why() {
    let repo = on_beta(CONFIG);
    let out = ok(dated_release(&repo, &[]));
    assert!(tags(&repo).contains("v2.0.0-beta.1"), "{}", text(&out));
    let said = stderr(&out);
    let line = said
        .lines()
        .find(|l| l.contains("[release] channels"))
        .unwrap_or_else(|| panic!("no line names the setting:\n{said}"));
    assert!(
        line.contains("beta = \"beta\"") && line.contains("branch beta"),
        "{said}"
    );
    repo.commit_hooked("fix: api");
    ok(dated_release(&repo, &[]));
    assert!(tags(&repo).contains("v2.0.0-beta.2"), "{}", tags(&repo));
    // Back on main, a release is a stable one, as before.
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("fix: on main");
    let out = ok(dated_release(&repo, &[]));
    assert!(tags(&repo).contains("v1.0.1"), "{}", text(&out));
    assert!(!stderr(&out).contains("channels"), "{}", text(&out));
}

#[test]
fn the_dry_run_shows_the_channel() {
    let repo = on_beta(
        "[checks]\nrequire_tested_tags = false\n\n[release]\nbranches = [\"main\"]\n\n[release.channels]\nbeta = \"beta\"\n",
    );
    let out = ok(dated_release(&repo, &["--dry-run"]));
    let said = text(&out);
    assert!(said.contains("v2.0.0-beta.1"), "{said}");
    let plan = stdout(&out);
    assert!(
        plan.lines()
            .any(|l| l.contains("channel") && l.contains("beta")),
        "{plan}"
    );
    assert!(!tags(&repo).contains("beta"), "a dry run makes nothing");
}

#[test]
fn a_stable_release_from_a_channel_branch_is_refused_with_the_deliberate_command() {
    let repo = on_beta(CONFIG);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = dated_release(&repo, &["2.0.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("relhook release 2.0.0 --allow-stable") && said.contains("channels"),
        "{said}"
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "nothing was made");
    assert!(!tags(&repo).contains("v2.0.0"), "{}", tags(&repo));
    // Asked on purpose, it is made, and pre-push lets it go.
    let out = ok(dated_release(&repo, &["2.0.0", "--allow-stable"]));
    assert!(tags(&repo).contains("v2.0.0"), "{}", text(&out));
    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "origin", "beta", "v2.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn another_pre_release_id_on_a_channel_branch_is_made_and_said() {
    let repo = on_beta(CONFIG);
    let out = ok(dated_release(&repo, &["--pre", "rc"]));
    assert!(tags(&repo).contains("v2.0.0-rc.1"), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.lines()
            .any(|l| l.contains("--pre rc") && l.contains("beta = \"beta\"")),
        "{said}"
    );
}

#[test]
fn a_stable_hand_tag_is_refused_and_the_channels_made() {
    let repo = on_beta(CONFIG);
    let said = hand_tag_refused(&repo, "v2.0.0");
    assert!(
        said.contains("channels") && said.contains("relhook release 2.0.0 --allow-stable"),
        "{said}"
    );
    let out = hand_tag(&repo, &["-a", "v2.0.0-beta.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").contains("## [2.0.0-beta.1]"));
}

#[test]
fn pre_push_refuses_a_stable_tag_made_past_the_hook_on_a_channel_branch() {
    let repo = on_beta(CONFIG);
    ok(dated_release(&repo, &[]));
    repo.commit_hooked("fix: api");
    let made = repo.git_skipping_relhook(&["tag", "-a", "v2.0.0", "-m", "x"]);
    assert!(made.status.success(), "{}", text(&made));
    repo.with_origin();
    let out = repo.git_output(&["push", "origin", "beta", "v2.0.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("v2.0.0")
            && said.contains("beta = \"beta\"")
            && said.contains("relhook release 2.0.0 --allow-stable"),
        "{said}"
    );
    // The beta pre-release alone goes.
    let out = repo.git_output(&["push", "-q", "origin", "beta", "v2.0.0-beta.1"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn a_bad_identifier_or_a_stable_branch_is_a_configuration_error() {
    for (channels, said) in [
        (
            "{ beta = \"be ta\" }",
            "`release.channels.beta`: `be ta` is no pre-release",
        ),
        ("{ beta = \"\" }", "it is empty"),
        ("{ beta = \"01\" }", "it is a number"),
        ("{ main = \"beta\" }", "release.branches"),
        ("{ \"ma in\" = \"beta\" }", "space"),
    ] {
        let repo = Repo::new();
        repo.write(
            ".relconfig.toml",
            format!("[release]\nbranches = [\"main\"]\nchannels = {channels}\n"),
        );
        repo.commit("feat: a");
        let out = repo.relhook(&["version"]);
        assert_eq!(out.status.code(), Some(2), "{channels}: {}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains(said) && err.contains(".relconfig.toml:3"),
            "{channels}: {err}"
        );
    }
}

#[test]
fn init_writes_the_channel_of_a_pre_release_line_and_release_follows_it() {
    let repo = channels();
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(config.contains("\nbeta = \"beta\"\n"), "{config}");
    assert!(
        !stdout(&out).contains("no per-branch channel setting"),
        "{}",
        text(&out)
    );
    // Adopted on the beta line, where the next fix is its next beta.
    repo.git(&["switch", "-q", "beta"]);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: adopt relhook"]);
    repo.commit("fix: more api");
    let out = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(text(&out).contains("v2.0.0-beta.3"), "{}", text(&out));
}
