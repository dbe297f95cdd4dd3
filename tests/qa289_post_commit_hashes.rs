//! QA289 (issue #16): post-commit hashed the whole index it had just written (git-cliff's:
//! 60 KB, every commit) to name it in its journal, though an index file ends with its own
//! SHA-1, which libgit2 computed as it wrote it. The journal names the index by that checksum
//! now. Counted (`RELHOOK_TEST_OBJECT_HASHES`), never timed.

use crate::qa269_first_commit_cost::{cliff_commit, count};

/// What post-commit hashes: the committed changelog it reads, the new one it stores, the
/// amended commit (four before: the index too).
const HASHES: usize = 3;

#[test]
fn a_commit_hashes_no_index() {
    let log = "# Changelog\n\n## [Unreleased]\n\n### 🐛 Bug Fixes\n\n- *(cli)* Handle a\n";
    let (repo, err) = cliff_commit(log, "fix(cli): handle b", "RELHOOK_TEST_OBJECT_HASHES");
    let hashes = count(&err, " objects hashed");
    assert!(
        hashes <= HASHES,
        "post-commit hashed {hashes} objects:\n{err}"
    );
    let log = repo.read("CHANGELOG.md").to_lowercase();
    assert!(log.contains("- *(cli)* handle b\n"), "{log}");
    // The index it wrote is the one git reads.
    repo.git(&["status", "--porcelain"]);
}
