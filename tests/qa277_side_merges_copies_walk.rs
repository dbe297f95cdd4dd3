//! QA277: the commits a branch's changes are compared with to tell copies (a fix picked onto
//! main, then merged back) were gathered by one walk from the last release per point where the
//! branch left its history: on a branch that merges main again and again (vuejs/core's
//! `minor`, 78 merges), each merge cost a walk down to it, about 97,000 commits for one hand
//! tag. A merged point the others reach adds nothing to compare, so it costs no walk: the work
//! does not grow with the number of merges. Guarded by counting walked commits
//! (`RELHOOK_TEST_WALK_COUNT`), never by timing.

use crate::qa23_history_cost::{main_history, tag_commit};
use crate::support::{Repo, relhook_bin, stderr, text};

/// Commits on main; `v1.0.0` tags the last.
const MAIN: usize = 300;

/// Main's history, `v1.0.0` on its last commit, and branch `side` forked from its first
/// commit, with a feature and a merge of main (at evenly spaced points) `merges` times, then
/// a merge of `v1.0.0`.
fn side_merging_main(merges: usize) -> Repo {
    let repo = Repo::new();
    let mut stream =
        String::from("blob\nmark :1\ndata 31\n{\"name\":\"x\",\"version\":\"1.0.0\"}\n");
    main_history(&mut stream, MAIN, "M 644 :1 package.json\n", None);
    tag_commit(&mut stream, "v1.0.0", MAIN, 1_600_000_000 + 60 * MAIN);
    let mut side = 11;
    let mut mark = 100_000;
    let points = (1..=merges).map(|j| j * MAIN / (merges + 1)).chain([MAIN]);
    for (j, point) in points.enumerate() {
        let when = 1_600_000_000 + 60 * point + 30;
        let message = format!("feat: side change {j}\n");
        stream.push_str(&format!(
            "commit refs/heads/side\nmark :{mark}\ncommitter A <a@example.com> {when} +0000\ndata {}\n{message}from :{side}\nM 644 inline s{j}\ndata 2\n{j}\n\n",
            message.len()
        ));
        let message = format!("Merge branch 'main' into side ({j})\n");
        stream.push_str(&format!(
            "commit refs/heads/side\nmark :{}\ncommitter A <a@example.com> {} +0000\ndata {}\n{message}from :{mark}\nmerge :{}\n",
            mark + 1,
            when + 1,
            message.len(),
            point + 10
        ));
        side = mark + 1;
        mark += 2;
    }
    repo.fast_import(&stream);
    repo.git(&["checkout", "-q", "-f", "side"]);
    repo
}

/// The commits `relhook version --next` walks on `side`, and what it says.
fn next_walked(repo: &Repo) -> (usize, String) {
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["version", "--next"])
        .env("RELHOOK_TEST_WALK_COUNT", "1")
        .output()
        .expect("run relhook");
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let walked = err
        .lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" commits walked"))
        .map(|n| n.parse::<usize>().expect("a count"))
        .sum();
    (
        walked,
        String::from_utf8_lossy(&out.stdout).trim().to_owned(),
    )
}

#[test]
fn the_walks_for_copies_do_not_grow_with_the_merges_from_main() {
    let (few, said) = next_walked(&side_merging_main(2));
    assert_eq!(said, "1.1.0");
    let (many, said) = next_walked(&side_merging_main(20));
    assert_eq!(said, "1.1.0");
    // Each merge adds two commits of the branch's own (walked a few times over); a walk per
    // merged point adds about half of main's history each.
    assert!(
        many <= few + 8 * 18,
        "2 merges from main: {few} commits walked; 20 merges: {many}"
    );
}
