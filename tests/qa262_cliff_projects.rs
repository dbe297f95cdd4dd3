//! QA262: projects whose `cliff.toml` lists a group's commits by scope (git-cliff's own,
//! `tests/support/fixtures/git-cliff.cliff.toml`, copied from orhun/git-cliff at 5963160d),
//! with relhook keeping CHANGELOG.md. Where a rebuild, post-commit and `--sync` agree on each
//! entry's place, every other edit must too:
//! - `--sync` put an older commit's entry after newer entries of its scope (the rebuild lists
//!   a scope's entries in history's order);
//! - an amend that changed only the scope reworded the entry where it stood;
//! - a stable release listed its pre-releases' entries after Unreleased's, not by scope;
//! - git-cliff's capital (`upper_first`) was decided by the first entry of a section that
//!   links its commit, however old, not by the newest.

use crate::support::{Repo, ok, stdout};

/// git-cliff's own `cliff.toml`.
const CLIFF_TOML: &str = include_str!("support/fixtures/git-cliff.cliff.toml");

/// A git-cliff project released at `v1.0.0` (its changelog `log`), post-commit installed.
fn cliff_project(log: &str) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", log);
    repo.write("cliff.toml", CLIFF_TOML);
    repo.hooks(&["post-commit"]);
    repo.git(&["add", "-A"]);
    let skip = [("RELHOOK_SKIP", "1")];
    repo.git_env(&["commit", "-q", "-m", "feat(core): add import"], &skip);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo
}

const RELEASED: &str =
    "## [unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### ⛰️  Features\n\n- *(core)* Add import\n";

/// A commit whose post-commit is skipped (`RELHOOK_SKIP=1`): no entry; returns its id.
fn commit_skipped(repo: &Repo, message: &str) -> String {
    let file = format!("s{}.txt", repo.git(&["rev-list", "--count", "HEAD"]));
    repo.write(&file, format!("{message}\n"));
    repo.git(&["add", &file]);
    repo.git_env(&["commit", "-q", "-m", message], &[("RELHOOK_SKIP", "1")]);
    repo.git(&["rev-parse", "HEAD"])
}

/// The part of `text` above the section of `version`.
fn above(text: &str, version: &str) -> String {
    let heading = format!("## [{version}]");
    text.split(&heading).next().unwrap_or_default().to_owned()
}

fn rebuilt_unreleased(repo: &Repo) -> String {
    let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    above(&rebuilt, "1.0.0")
}

/// The entry lines of `text` in order.
fn entries(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with("- ")).collect()
}

#[test]
fn sync_puts_an_older_commit_before_the_newer_entries_of_its_scope() {
    let repo = cliff_project(RELEASED);
    commit_skipped(&repo, "feat(cli): add the older one");
    ok(repo.commit_with_hooks("feat(cli): add the newer one"));
    ok(repo.commit_with_hooks("feat(api): add api"));
    ok(repo.relhook(&["changelog", "--sync"]));
    let file = above(&repo.read("CHANGELOG.md"), "1.0.0");
    assert_eq!(
        entries(&file),
        [
            "- *(api)* add api",
            "- *(cli)* add the older one",
            "- *(cli)* add the newer one"
        ],
        "{file}"
    );
    assert_eq!(file, rebuilt_unreleased(&repo));
}

#[test]
fn an_amend_of_the_scope_or_the_type_moves_the_entry_to_its_place() {
    let repo = cliff_project(RELEASED);
    for message in [
        "feat(bob): add bob",
        "fix(api): handle api",
        "fix(zed): handle zed",
    ] {
        ok(repo.commit_with_hooks(message));
    }
    ok(repo.commit_with_hooks("feat(dog): add dog"));
    ok(repo.git_output(&["commit", "-q", "--amend", "-m", "feat(ant): add dog"]));
    let file = above(&repo.read("CHANGELOG.md"), "1.0.0");
    assert_eq!(
        entries(&file)[..2],
        ["- *(ant)* add dog", "- *(bob)* add bob"],
        "{file}"
    );
    assert_eq!(file, rebuilt_unreleased(&repo));
    ok(repo.git_output(&["commit", "-q", "--amend", "-m", "fix(cli): handle dog"]));
    let file = above(&repo.read("CHANGELOG.md"), "1.0.0");
    assert_eq!(
        entries(&file)[1..],
        [
            "- *(api)* handle api",
            "- *(cli)* handle dog",
            "- *(zed)* handle zed"
        ],
        "{file}"
    );
    assert_eq!(file, rebuilt_unreleased(&repo));
}

#[test]
fn a_stable_release_lists_its_pre_releases_entries_by_scope() {
    let repo = cliff_project(RELEASED);
    ok(repo.commit_with_hooks("feat(zed): add zed"));
    ok(repo.commit_with_hooks("feat(cli): add cli"));
    ok(repo.relhook(&["release", "--pre", "rc", "--no-test"]));
    ok(repo.commit_with_hooks("feat(cli): add cli two"));
    ok(repo.commit_with_hooks("feat(api): add api"));
    ok(repo.relhook(&["release", "--no-test"]));
    let log = repo.read("CHANGELOG.md");
    let section = above(&log, "1.1.0-rc.1");
    let section = section.split("## [1.1.0]").nth(1).unwrap_or_default();
    assert_eq!(
        entries(section),
        [
            "- *(api)* add api",
            "- *(cli)* add cli",
            "- *(cli)* add cli two",
            "- *(zed)* add zed"
        ],
        "{log}"
    );
}

/// A changelog whose Unreleased lists `lines` (`{A}`, `{B}`, `{C}`: the links to the commits
/// `feat(api): add api`, `feat(cli): add cli` and `feat(zed): add zed`, made in that order),
/// committed; then `feat(cli): add export` through post-commit. Returns the export's entry.
fn export_entry_below(lines: [&str; 3]) -> String {
    let repo = cliff_project(RELEASED);
    let ids: Vec<String> = [
        "feat(api): add api",
        "feat(cli): add cli",
        "feat(zed): add zed",
    ]
    .iter()
    .map(|m| commit_skipped(&repo, m))
    .collect();
    let link = |id: &str| format!(" - ([{}](https://github.com/o/r/commit/{id}))", &id[..7]);
    let listed: String = (lines.iter())
        .map(|l| {
            let l = l.replace("{A}", &link(&ids[0]));
            let l = l.replace("{B}", &link(&ids[1]));
            format!("{}\n", l.replace("{C}", &link(&ids[2])))
        })
        .collect();
    let log = RELEASED.replace(
        "## [unreleased]\n",
        &format!("## [unreleased]\n\n### ⛰️  Features\n\n{listed}"),
    );
    repo.write("CHANGELOG.md", log);
    repo.git_env(
        &["commit", "-q", "-am", "docs(changelog): sync with history"],
        &[("RELHOOK_SKIP", "1")],
    );
    ok(repo.commit_with_hooks("feat(cli): add export"));
    let file = repo.read("CHANGELOG.md");
    let found = file
        .lines()
        .find(|l| l.to_lowercase().contains("add export"));
    found
        .unwrap_or_else(|| panic!("no entry:\n{file}"))
        .to_owned()
}

#[test]
fn the_newest_entry_that_links_its_commit_decides_git_cliff_s_capital() {
    // Written in lower case before relhook took git-cliff's capital, then one in its case.
    let upper = export_entry_below([
        "- *(api)* add api{A}",
        "- *(cli)* add cli{B}",
        "- *(zed)* Add zed{C}",
    ]);
    assert_eq!(upper, "- *(cli)* Add export");
    // And the other way round: the newest in lower case decides lower case.
    let lower = export_entry_below([
        "- *(api)* Add api{A}",
        "- *(cli)* Add cli{B}",
        "- *(zed)* add zed{C}",
    ]);
    assert_eq!(lower, "- *(cli)* add export");
}
