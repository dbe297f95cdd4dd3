//! QA44: after a release `--allow-dirty` that kept a drafted changelog entry, `next:` said to
//! "remove, restore or commit CHANGELOG.md (build output: add it to .gitignore)": removed or
//! restored, what --allow-dirty kept is lost, and a tracked file is no build output. Changed
//! tracked files are to be committed or stashed now.

use crate::qa44_allow_dirty_drafts::fix_to_release;
use crate::support::{dated_release, ok, stderr};

#[test]
fn next_says_to_commit_or_stash_what_the_release_left_in_tracked_files() {
    let repo = fix_to_release();
    let at_head = repo.read("CHANGELOG.md");
    repo.write(
        "CHANGELOG.md",
        at_head.replace("- crash on d\n", "- crash on d\n- drafted fix\n"),
    );
    let said = stderr(&ok(dated_release(&repo, &["--allow-dirty"])));
    assert!(
        said.contains("next: commit or stash CHANGELOG.md, then ")
            && !said.contains("restore")
            && !said.contains(".gitignore"),
        "{said}"
    );
    // Beside a new file: `git stash -u`, and .gitignore for build output.
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    repo.git(&["tag", "-d", "v0.1.1"]);
    repo.write(
        "CHANGELOG.md",
        at_head.replace("- crash on d\n", "- crash on d\n- drafted fix\n"),
    );
    repo.write("out.bin", "x");
    let said = stderr(&ok(dated_release(&repo, &["--allow-dirty"])));
    assert!(
        said.contains("commit or stash CHANGELOG.md, out.bin (`git stash -u`"),
        "{said}"
    );
}
