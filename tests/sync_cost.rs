//! The cost of `changelog --sync` (and of release and notes, which plan a sync) is the
//! commits since the last release plus the file size, never their product. Guarded by
//! counting work, not by timing: a history of commits that each add one entry to a large
//! changelog must read each version once and only the lines around each change.

use crate::support::Repo;

const COMMITS: usize = 40;
const OLD_ENTRIES: usize = 3_000;

/// The changelog after `n` of the new entries.
fn changelog(n: usize) -> String {
    let mut t = String::from("# Changelog\n\n## [Unreleased]\n");
    if n > 0 {
        t.push_str("\n### Added\n\n");
        for i in 0..n {
            t.push_str(&format!("- new entry {i}\n"));
        }
    }
    t.push_str("\n## [1.0.0] - 2026-01-01\n\n### Added\n\n");
    for i in 0..OLD_ENTRIES {
        t.push_str(&format!("- old entry {i} with a few words\n"));
    }
    t
}

/// One `git fast-import`: a release, then `COMMITS` commits each adding an entry, then one
/// `feat` commit made with hooks off (its entry is missing).
fn history(repo: &Repo) {
    let mut stream = String::new();
    let mut mark = 0;
    let mut commit = |stream: &mut String, message: &str, file: &str, text: &str| {
        mark += 1;
        stream.push_str(&format!(
            "commit refs/heads/main\nmark :{mark}\ncommitter T <t@x> 1767268800 +0000\ndata {}\n{message}\n",
            message.len()
        ));
        if mark > 1 {
            stream.push_str(&format!("from :{}\n", mark - 1));
        }
        stream.push_str(&format!(
            "M 100644 inline {file}\ndata {}\n{text}\n",
            text.len()
        ));
    };
    commit(
        &mut stream,
        "chore(release): 1.0.0",
        "CHANGELOG.md",
        &changelog(0),
    );
    stream.push_str("tag v1.0.0\nfrom :1\ntagger T <t@x> 1767268800 +0000\ndata 6\nv1.0.0\n");
    for i in 0..COMMITS {
        let message = format!("feat: new entry {i}");
        commit(&mut stream, &message, "CHANGELOG.md", &changelog(i + 1));
    }
    commit(&mut stream, "feat: made with hooks off", "x.txt", "x");
    repo.fast_import(&stream);
}

#[test]
fn sync_reads_each_change_once_not_the_whole_file_per_commit() {
    let repo = Repo::new();
    history(&repo);
    let current = repo.read("CHANGELOG.md");
    let git = relhook::git::Repo::open(&repo.path()).expect("open");
    let config = relhook::config::Config::default();
    let parsed = relhook::history::changelog::lines_parsed();
    let plan = relhook::history::sync::plan_sync(&git, &config, &current).expect("plan");
    let parsed = relhook::history::changelog::lines_parsed() - parsed;
    // The result: only the commit made with hooks off gets an entry.
    let added: Vec<&str> = plan.added.iter().map(|(_, e)| e.text.as_str()).collect();
    assert_eq!(added, ["made with hooks off"]);
    // The work: each version of the file read once, and a few lines per change — a
    // whole-file comparison per commit would read COMMITS × OLD_ENTRIES lines.
    assert!(plan.work.blobs_read <= COMMITS + 1, "{:?}", plan.work);
    let file_lines = current.lines().count();
    assert!(
        parsed <= file_lines + 1,
        "{parsed} lines parsed for a {file_lines}-line file: parsed once per commit?"
    );
    assert!(
        plan.work.diff.lines_read <= 12 * COMMITS,
        "{:?}: the per-commit work grows with the file",
        plan.work
    );
}
