//! QA20: setext release headings written with a date after the version (Express's
//! History.md `1.0.0 / 2020-01-01` over `===`), which relhook read as text and so released
//! with the next version; `relhook version --next` and `relhook release` agreeing on a branch
//! cut below a tag; the hint for tagging an older commit.

use crate::support::{Repo, hand_tag, hand_tag_refused, stderr, stdout, text};

/// A repository with `log` as CHANGELOG.md and tag v1.0.0, then relhook installed (tests not
/// required for tags): QA's steps.
pub(crate) fn adopting(log: &str) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", log);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags=false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

/// A setext heading that starts with a version, whatever follows it (a date after ` / `, in
/// parentheses, after ` - `; a link), is a release heading relhook does not edit around: the
/// fix commit's entry is not added, the hand tag is refused naming the one line to write,
/// and nothing of 1.0.0 is moved into a new release.
#[test]
fn setext_release_headings_with_a_date_are_refused_never_released_again() {
    for (heading, want) in [
        (
            "1.0.0 / 2020-01-01\n==================",
            "## [1.0.0] - 2020-01-01",
        ),
        (
            "1.0.0 / 2020-01-01\n------------------",
            "## [1.0.0] - 2020-01-01",
        ),
        (
            "v1.0.0 (2020-01-01)\n-------------------",
            "## v1.0.0 (2020-01-01)",
        ),
        (
            "1.0.0 - 2020-01-01\n==================",
            "## 1.0.0 - 2020-01-01",
        ),
        (
            "[1.0.0](https://x/v1.0.0) / 2020-01-01\n===",
            "## [1.0.0](https://x/v1.0.0) - 2020-01-01",
        ),
        ("v1.0.0 \"First\"\n========", "## [1.0.0]"),
    ] {
        let log = format!("# Changelog\n\n## [Unreleased]\n\n{heading}\n\n- Initial release\n");
        let repo = adopting(&log);
        let out = repo.try_commit("fix: new thing");
        assert!(out.status.success(), "{}", text(&out));
        let said = stderr(&out);
        assert!(said.contains("CHANGELOG.md:5"), "{heading}: {said}");
        assert!(said.contains(&format!("`{want}`")), "{heading}: {said}");
        assert_eq!(repo.read("CHANGELOG.md"), log, "{heading}: left as it was");
        let refused = hand_tag_refused(&repo, "v1.0.1");
        assert!(refused.contains("setext heading"), "{heading}: {refused}");
        let notes = repo.relhook(&["notes", "v1.0.0"]);
        assert!(!stdout(&notes).contains("new thing"), "{}", text(&notes));
    }
}

/// A History.md without `## [Unreleased]` or a title (Express's): its setext release headings
/// are named with the line to write, not "no `# ` title".
#[test]
fn a_history_md_without_unreleased_is_told_to_convert_its_setext_headings() {
    let log = "unreleased\n==========\n\n- deps: a\n\n1.0.0 / 2020-01-01\n==================\n\n- Initial release\n";
    let repo = adopting(log);
    let out = repo.try_commit("fix: new thing");
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("write lines 1 and 2 as the one line `## [Unreleased]`"),
        "{said}"
    );
    assert!(said.contains("`## [1.0.0] - 2020-01-01`"), "{said}");
    assert_eq!(repo.read("CHANGELOG.md"), log);
}

/// Setext headings that name no version (months) in a file without Unreleased: the hint to
/// add `## [Unreleased]` also says to write them as `## ` lines, naming the first.
#[test]
fn the_unreleased_hint_names_setext_headings_to_convert() {
    let log = "# Changelog\n\nJanuary 2020\n------------\n\n- Initial release\n";
    let repo = adopting(log);
    let out = repo.try_commit("fix: new thing");
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert!(said.contains("add `## [Unreleased]`"), "{said}");
    assert!(said.contains("setext heading"), "{said}");
    assert!(
        said.contains("lines 3 and 4 as `## January 2020`"),
        "{said}"
    );
    // Without setext headings the hint is as before.
    let plain = adopting("# Changelog\n\nJanuary 2020\n\n- Initial release\n");
    let out = plain.try_commit("fix: new thing");
    assert!(!stderr(&out).contains("setext"), "{}", text(&out));
}

/// What only looks like a setext heading is not one: a version paragraph before a blank line
/// and a thematic break, a version line in a fenced code block, a list item over `---`. The
/// fix's entry goes into Unreleased and the tag is made.
#[test]
fn thematic_breaks_and_code_are_not_setext_headings() {
    let log = "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2020-01-01\n\n- Initial release\n- 1.0.0 / 2020-01-01\n---\n\nUpgrading to 1.0.0:\n\n```\n1.0.0 / 2020-01-01\n==================\n```\n\n1.0.0 / 2020-01-01 was the first.\n\n---\n";
    let repo = adopting(log);
    repo.commit_hooked("fix: new thing");
    let now = repo.read("CHANGELOG.md");
    assert!(
        now.starts_with("# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- new thing\n\n## [1.0.0]"),
        "{now}"
    );
    let out = hand_tag(&repo, &["-a", "v1.0.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    let notes = repo.relhook(&["notes", "v1.0.1"]);
    assert_eq!(
        stdout(&notes),
        "### Fixed\n\n- new thing\n",
        "{}",
        text(&notes)
    );
}

/// A branch cut below a release (semantic-release: `maint` at `v25.0.9~1`) with a new fix:
/// v25.0.9 is taken on main, so `relhook version --next` prints the version `relhook release`
/// can make, 25.0.10, saying on stderr why 25.0.9 was skipped; releasing what it printed works.
#[test]
fn version_next_skips_a_tag_taken_on_another_line() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags=false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v25.0.8", "-m", "v25.0.8"]);
    repo.commit("fix: a");
    repo.commit("fix: b");
    repo.git(&["tag", "-a", "v25.0.9", "-m", "v25.0.9"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.git(&["switch", "-q", "-c", "maint", "v25.0.9~1"]);
    repo.commit_hooked("fix: c");
    let next = repo.relhook(&["version", "--next"]);
    assert_eq!(next.status.code(), Some(0), "{}", text(&next));
    assert_eq!(stdout(&next), "25.0.10\n", "{}", text(&next));
    let note = stderr(&next);
    assert_eq!(note.lines().count(), 1, "{note}");
    assert!(note.contains("v25.0.9 already exists"), "{note}");
    let json = repo.relhook(&["version", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["next"], "25.0.10", "{}", text(&json));
    assert_eq!(doc["next_tag"], "v25.0.10", "{}", text(&json));
    // What `release` says to run is what `version --next` printed, and it releases.
    let refused = repo.relhook(&["release", "--allow-branch"]);
    assert!(
        stderr(&refused).contains("`relhook release --allow-branch 25.0.10`"),
        "{}",
        text(&refused)
    );
    let made = repo.relhook(&["release", "--allow-branch", "25.0.10"]);
    assert_eq!(made.status.code(), Some(0), "{}", text(&made));
    assert_eq!(repo.git(&["tag", "--points-at", "HEAD"]), "v25.0.10");
}

/// The commands in backticks in `said` after "on a branch of its own" that start with
/// `git switch` or `relhook release`, in order, joined with ` && `.
fn commands_named(said: &str) -> String {
    let way = said
        .split_once("on a branch of its own")
        .map_or("", |(_, w)| w);
    let quoted = way.split('`').skip(1).step_by(2);
    let runnable =
        quoted.filter(|c| c.starts_with("git switch -c") || c.starts_with("relhook release"));
    runnable.collect::<Vec<_>>().join(" && ")
}

/// Tagging an older commit (`git tag v0.2.0 HEAD~1`), or that commit checked out (HEAD
/// detached), is refused with a way that works: run as said, it releases that commit on a
/// branch of its own, and merging that branch back files the released entries under 0.2.0.
#[test]
fn tagging_an_older_commit_names_a_way_that_works() {
    for detached in [false, true] {
        let repo = Repo::new();
        repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags=false\n");
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "chore: init"]);
        repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
        let out = repo.relhook(&["install"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        repo.commit_hooked("feat: one");
        repo.commit_hooked("fix: two");
        let one = repo.git(&["rev-parse", "HEAD~1"]);
        let said = if detached {
            repo.git(&["checkout", "-q", "HEAD~1"]);
            hand_tag_refused(&repo, "v0.2.0")
        } else {
            let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "x", "HEAD~1"]);
            assert_eq!(out.status.code(), Some(128), "{}", text(&out));
            stderr(&out)
        };
        let commands = commands_named(&said);
        assert!(commands.contains("--allow-branch"), "{said}");
        let out = repo.sh(&commands);
        assert!(out.status.success(), "{commands}: {}", text(&out));
        assert_eq!(repo.git(&["rev-parse", "v0.2.0^{commit}~1"]), one, "{said}");
        let branch = repo.git(&["branch", "--show-current"]);
        repo.git(&["switch", "-q", "main"]);
        repo.git(&["merge", "-q", "--no-edit", &branch]);
        let log = repo.read("CHANGELOG.md");
        let unreleased =
            &log[log.find("## [Unreleased]").unwrap()..log.find("## [0.2.0]").unwrap()];
        assert!(
            unreleased.contains("- two") && !unreleased.contains("- one"),
            "{log}"
        );
    }
}
