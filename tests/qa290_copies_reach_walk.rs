//! QA290: a change picked onto main and released, then made on a branch that merges main now
//! and then (vuejs/core's `minor`), is a copy the next version leaves out unless the copy's
//! parent already had the original (a change made again after its revert). That question was
//! a walk per copy, from the copy's parent down past the point the branch last merged main:
//! about 8,000 commits for five copies on `minor`. Everything a path from the copy to the
//! original can pass through is read already (the branch's range, and what the release
//! reaches beyond the points the branch left it at), so it is answered there, with no walk.
//! The range since the last release (`HEAD ^v1.1.0`) was walked again for each question asked
//! of it (the older lines merged in, the commits that decide the version): walked once now.
//! Guarded by counting walked commits (`RELHOOK_TEST_WALK_COUNT`), never by timing.

use crate::support::{Repo, relhook_bin, stderr, text};

/// Commits on main, an hour apart; `v1.0.0` tags the last.
const MAIN: usize = 400;
/// The main commit the branch merges before its copies.
const MERGED: usize = 100;
/// The first of the main commits the branch copies, and how many it copies.
const PICKED: usize = 300;
const COPIES: usize = 8;

/// The date of main's commit `i`.
fn main_date(i: usize) -> usize {
    1_600_000_000 + 3600 * i
}

/// One commit of a fast-import stream: on `branch`, mark `mark`, dated `when`, after `from`
/// (and merging `merge`), with `files` (fast-import file lines).
fn commit(stream: &mut String, at: (&str, usize, usize), message: &str, from: &str, files: &str) {
    let (branch, mark, when) = at;
    stream.push_str(&format!(
        "commit refs/heads/{branch}\nmark :{mark}\ncommitter A <a@example.com> {when} +0000\ndata {}\n{message}{from}{files}\n",
        message.len()
    ));
}

/// A file line adding `path` with `body`.
fn file(path: &str, body: &str) -> String {
    format!("M 644 inline {path}\ndata {}\n{body}", body.len())
}

/// Main's history (commit `i` marked `i + 10`; commits `PICKED..PICKED + COPIES` add a file
/// `pick{j}` each, as `feat: picked change {j}`), `v1.0.0` on its last commit, and branch
/// `side`: forked from main's first commit with a fix of its own, merging main's commit
/// `MERGED`, then making each picked change again (the same patch when `copied`, else another
/// one), then merging `v1.0.0`.
fn side_with_picks(copied: bool) -> Repo {
    let repo = Repo::new();
    let mut stream =
        String::from("blob\nmark :1\ndata 31\n{\"name\":\"x\",\"version\":\"1.0.0\"}\n");
    for i in 1..=MAIN {
        let from = if i > 1 {
            format!("from :{}\n", i + 9)
        } else {
            "M 644 :1 package.json\n".to_owned()
        };
        let (message, files) = match i.checked_sub(PICKED).filter(|j| *j < COPIES) {
            Some(j) => (
                format!("feat: picked change {j}\n"),
                file(&format!("pick{j}"), &format!("{j}\n")),
            ),
            None => (
                format!("fix: change number {i}\n"),
                file(&format!("f{}", i % 50), &format!("{i}\n")),
            ),
        };
        commit(
            &mut stream,
            ("main", i + 10, main_date(i)),
            &message,
            &from,
            &files,
        );
    }
    stream.push_str(&format!(
        "tag v1.0.0\nfrom :{}\ntagger A <a@example.com> {} +0000\ndata 7\nv1.0.0\n",
        MAIN + 10,
        main_date(MAIN)
    ));
    let half = 1800;
    let mut mark = 100_000;
    let own = file("own", "own\n");
    let at = ("side", mark, main_date(1) + half);
    commit(
        &mut stream,
        at,
        "fix: the side's own change\n",
        "from :11\n",
        &own,
    );
    let merge = format!("from :{mark}\nmerge :{}\n", MERGED + 10);
    mark += 1;
    let at = ("side", mark, main_date(MERGED) + half);
    commit(
        &mut stream,
        at,
        "Merge branch 'main' into side\n",
        &merge,
        "",
    );
    for j in 0..COPIES {
        let body = if copied {
            format!("{j}\n")
        } else {
            format!("other {j}\n")
        };
        let files = file(&format!("pick{j}"), &body);
        let from = format!("from :{mark}\n");
        mark += 1;
        let at = ("side", mark, main_date(PICKED + j) + half);
        commit(
            &mut stream,
            at,
            &format!("feat: picked change {j}\n"),
            &from,
            &files,
        );
    }
    let merge = format!("from :{mark}\nmerge :{}\n", MAIN + 10);
    let at = ("side", mark + 1, main_date(MAIN) + half);
    commit(
        &mut stream,
        at,
        "Merge tag 'v1.0.0' into side\n",
        &merge,
        "",
    );
    repo.fast_import(&stream);
    repo.git(&["checkout", "-q", "-f", "side"]);
    repo
}

/// The commits `relhook version --next` walks on `side`, and the version it says.
fn next_walked(repo: &Repo) -> (usize, String) {
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["version", "--next"])
        .env("RELHOOK_TEST_WALK_COUNT", "1")
        .output()
        .expect("run relhook");
    assert!(out.status.success(), "{}", text(&out));
    let walked = stderr(&out)
        .lines()
        .filter_map(|l| l.strip_prefix("relhook: test: "))
        .filter_map(|l| l.strip_suffix(" commits walked"))
        .map(|n| n.parse::<usize>().expect("a count"))
        .sum();
    let said = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    (walked, said)
}

#[test]
fn copies_of_released_changes_cost_no_walk_each() {
    // Changes of their own: the features call for a minor release.
    let (own, said) = next_walked(&side_with_picks(false));
    assert_eq!(said, "1.1.0");
    // Copies of what v1.0.0 shipped: left out, the side's fix alone calls for a patch.
    let (copies, said) = next_walked(&side_with_picks(true));
    assert_eq!(said, "1.0.1");
    // A walk per copy from its parent down past main's commit `MERGED` is about
    // `MAIN - MERGED` commits each.
    assert!(
        copies <= own + 2 * COPIES,
        "changes of their own: {own} commits walked; copies: {copies}"
    );
}

/// Commits since the last release in [`since_release`].
const SINCE: usize = 1_000;

/// `fix:` commits on main, `v1.0.0` on the 100th and `v1.1.0` on the 200th, then `SINCE` more.
fn since_release() -> Repo {
    use crate::qa23_history_cost::{main_history, tag_commit};
    let repo = Repo::new();
    let mut stream =
        String::from("blob\nmark :1\ndata 31\n{\"name\":\"x\",\"version\":\"1.1.0\"}\n");
    main_history(&mut stream, 200 + SINCE, "M 644 :1 package.json\n", None);
    for (name, i) in [("v1.0.0", 100), ("v1.1.0", 200)] {
        tag_commit(&mut stream, name, i, 1_600_000_000 + 60 * i);
    }
    repo.fast_import(&stream);
    repo.git(&["checkout", "-q", "-f", "main"]);
    repo
}

#[test]
fn the_range_since_the_release_is_walked_once_for_the_next_version() {
    let (walked, said) = next_walked(&since_release());
    assert_eq!(said, "1.1.1");
    // HEAD's walk down to v1.1.0 (is it the latest release?), then the range since it once,
    // not once for the older lines' releases merged in and again for the deciding commits.
    assert!(
        walked <= 2 * SINCE + SINCE / 2,
        "{walked} commits walked for {SINCE} commits since the release"
    );
}
