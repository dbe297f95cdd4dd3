//! QA203: with git's commit-graph file (`git gc`, `git maintenance`), generation numbers came
//! from it for the commits asked about only; the commits a walk met below them had none and
//! were taken for "not above" the tag asked about, so the walk stopped short. `relhook release
//! --dry-run` then said nothing of a release tag above on another branch when that branch had
//! a commit on top of the tag. Each commit met now gets its level from the file when needed.

use crate::support::fast_import::fix_commit as commit;
use crate::support::{Repo, ok, relhook_bin, text};

/// Commits on main, a release tag every `EVERY` of them but the last, the changelog on it.
const COMMITS: usize = 300;
const EVERY: usize = 20;
const BASE: usize = 1_600_000_000;

/// Main's `fix:` commits tagged `v1.K.0` every `EVERY`th but the last, which adds CHANGELOG.md;
/// branch `next`, from main's last but ten, has `v2.0.0` on its third commit and two on top.
fn history(repo: &Repo) {
    let mut stream = String::new();
    for i in 1..=COMMITS {
        commit(
            &mut stream,
            "refs/heads/main",
            i,
            BASE + 60 * i,
            (i > 1).then(|| i - 1),
        );
        if i == COMMITS {
            let log = "# Changelog\n\n## [Unreleased]\n";
            stream.push_str(&format!(
                "M 644 inline CHANGELOG.md\ndata {}\n{log}\n",
                log.len()
            ));
        }
        if i % EVERY == 0 && i < COMMITS {
            let name = format!("v1.{}.0", i / EVERY);
            tag(&mut stream, &name, i);
        }
    }
    for j in 1..=5 {
        let mark = COMMITS + j;
        let from = if j == 1 { COMMITS - 10 } else { mark - 1 };
        commit(
            &mut stream,
            "refs/heads/next",
            mark,
            BASE + 60 * mark,
            Some(from),
        );
    }
    tag(&mut stream, "v2.0.0", COMMITS + 3);
    repo.fast_import(&stream);
}

fn tag(stream: &mut String, name: &str, mark: usize) {
    stream.push_str(&format!(
        "tag {name}\nfrom :{mark}\ntagger A <a@example.com> {} +0000\ndata 7\nrelease\n",
        BASE + 60 * mark
    ));
}

fn dry_run(repo: &Repo) -> String {
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .env("RELHOOK_DATE", "2026-11-21")
        .args(["release", "--dry-run"])
        .output()
        .expect("run relhook");
    assert!(out.status.success(), "{}", text(&out));
    text(&out)
}

#[test]
fn a_tag_below_another_branch_tip_is_found_with_a_commit_graph_file() {
    let repo = Repo::new();
    history(&repo);
    ok(repo.relhook(&["install"]));
    let without = dry_run(&repo);
    assert!(without.contains("v2.0.0 is on branch `next`"), "{without}");
    repo.git(&["commit-graph", "write", "--reachable"]);
    let with = dry_run(&repo);
    assert!(with.contains("v2.0.0 is on branch `next`"), "{with}");
}
