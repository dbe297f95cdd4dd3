//! QA36: husky's `.husky/post-commit` with lines of the team's: relhook's block went at the
//! end, so a line that acts on HEAD (a note, a log, a push) saw the commit before relhook's
//! amend gave it its changelog entry, a commit no branch keeps.

use crate::hook_files::husky_9_runners_in;
use crate::support::{Repo, ok, stdout, text};

/// The team's post-commit line: it records the commit it sees.
const RECORD: &str = "git rev-parse HEAD > \"$(git rev-parse --git-dir)/seen\"\n";

fn husky_repo() -> Repo {
    let repo = Repo::new();
    husky_9_runners_in(&repo, ".husky");
    repo.write(".husky/post-commit", RECORD);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: husky"]);
    repo
}

/// Commits a feature and asserts the team's line saw the commit that stays, with its entry.
fn the_team_line_sees_the_amended_commit(repo: &Repo) {
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: x"]));
    assert!(repo.read("CHANGELOG.md").contains("- x"));
    let head = repo.git(&["rev-parse", "HEAD"]);
    assert_eq!(repo.read(".git/seen").trim(), head.trim());
}

#[test]
fn relhooks_block_goes_above_the_teams_post_commit_lines() {
    let repo = husky_repo();
    let out = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&out).contains("so the lines below it act on the commit that stays"),
        "{}",
        text(&out)
    );
    let file = repo.read(".husky/post-commit");
    assert!(file.ends_with(RECORD), "{file}");
    assert!(file.starts_with("# >>> relhook"), "{file}");
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: wire relhook"]));
    the_team_line_sees_the_amended_commit(&repo);
}

#[test]
fn a_block_below_the_teams_lines_is_named_by_doctor_and_moved_by_install() {
    let repo = husky_repo();
    ok(repo.relhook(&["install"]));
    // As an earlier relhook wrote it: the team's line first, relhook's block at the end.
    let file = repo.read(".husky/post-commit");
    let block = file.strip_suffix(RECORD).unwrap().to_owned();
    repo.write(".husky/post-commit", format!("{RECORD}{block}"));
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: wire relhook"]));

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains(".husky/post-commit calls relhook below line 1 (`git rev-parse HEAD"),
        "{}",
        text(&out)
    );
    assert!(
        said.contains("relhook install (moves the call to the top)"),
        "{said}"
    );
    ok(repo.relhook(&["install"]));
    assert_eq!(repo.read(".husky/post-commit"), file);
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("below line"), "{}", text(&out));
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: move relhook's call"]));
    the_team_line_sees_the_amended_commit(&repo);
}

/// QA36: `(git log -1 --oneline || true) >> .git/log.txt`, a common husky line, was "not
/// followed as shell" (its last word read as a function's name): the hook stayed unwired and
/// commits got no entries.
#[test]
fn a_subshell_line_is_wired_around() {
    let repo = Repo::new();
    husky_9_runners_in(&repo, ".husky");
    let line = "(git log -1 --oneline || true) >> \"$(git rev-parse --git-dir)/log.txt\"\n";
    repo.write(".husky/post-commit", line);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: husky"]);
    let out = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&out).contains("post-commit: wired in .husky/post-commit"),
        "{}",
        text(&out)
    );
    assert!(repo.read(".husky/post-commit").ends_with(line));
    repo.git(&["add", "-A"]);
    ok(repo.git_output(&["commit", "-q", "-m", "chore: wire relhook"]));
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    ok(repo.git_output(&["commit", "-q", "-m", "feat: x"]));
    assert!(repo.read("CHANGELOG.md").contains("- x"));
    assert!(repo.read(".git/log.txt").contains("feat: x"));
}
