//! QA199: `relhook release --dry-run` on vuejs/core says which branch holds a release tag
//! above the one it makes, and tells it by generation numbers: one pass over the whole history
//! (9,291 of its 10,548 steps). git's commit-graph file (`git commit-graph write`, as
//! `git gc` and `git maintenance` do) stores them; relhook now reads them from it and reads no
//! history for them. A file that is not valid (here cut short) is not used: the pass, and the
//! same plan.

use crate::qa23_history_cost::walked;
use crate::support::fast_import::{BASE, changelog, fix_commit as commit, main_line, tag};
use crate::support::{Repo, ok, relhook_bin, text};

/// Commits on main, a release tag every `EVERY` of them but the last, the changelog on it.
const COMMITS: usize = 300;
const EVERY: usize = 20;

/// Main's `fix:` commits tagged `v1.K.0` every `EVERY`th but the last, which adds CHANGELOG.md;
/// branch `next`, from main's last but ten, has `v2.0.0` on a commit of its own.
fn history(repo: &Repo) {
    let mut stream = String::new();
    main_line(&mut stream, COMMITS, |stream, i| {
        if i == COMMITS {
            changelog(stream);
        }
        if i % EVERY == 0 && i < COMMITS {
            tag(
                stream,
                &format!("v1.{}.0", i / EVERY),
                i,
                BASE + 60 * i,
                "release",
            );
        }
    });
    for j in 1..=3 {
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
    let last = COMMITS + 3;
    tag(&mut stream, "v2.0.0", last, BASE + 60 * last, "release");
    repo.fast_import(&stream);
}

fn dry_run(repo: &Repo) -> std::process::Output {
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .env("RELHOOK_TEST_WALK_COUNT", "1")
        .env("RELHOOK_DATE", "2026-11-21")
        .args(["release", "--dry-run"])
        .output()
        .expect("run relhook");
    assert!(out.status.success(), "{}", text(&out));
    out
}

#[test]
fn release_dry_run_reads_generation_numbers_from_the_commit_graph_file() {
    let repo = Repo::new();
    history(&repo);
    ok(repo.relhook(&["install"]));
    repo.git(&["commit-graph", "write", "--reachable"]);
    let file = repo.path().join(".git/objects/info/commit-graph");
    let out = dry_run(&repo);
    // The tag on `next` is named, as without the file.
    assert!(
        text(&out).contains("v2.0.0 is on branch `next`"),
        "{}",
        text(&out)
    );
    // The walks that answer which tags HEAD reaches and which branch holds v2.0.0 (main's
    // history about once, 441 steps), not a generation pass over it on top (750).
    let steps = walked(&out);
    assert!(
        steps <= COMMITS * 3 / 2,
        "with a commit-graph file, `release --dry-run` stepped through {steps} commits \
         ({COMMITS} on main): a generation pass over the history:\n{}",
        text(&out)
    );

    // Cut short, the file is not used: the same plan, by the pass.
    let data = std::fs::read(&file).unwrap();
    std::fs::remove_file(&file).unwrap();
    std::fs::write(&file, &data[..data.len() / 2]).unwrap();
    let cut = dry_run(&repo);
    assert_eq!(
        String::from_utf8_lossy(&cut.stdout),
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(walked(&cut) >= steps + COMMITS, "{}", text(&cut));
}
