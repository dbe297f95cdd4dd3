//! The work a command did, counted for tests: each `RELHOOK_TEST_*` variable set in the
//! environment prints one counter on stderr once the command is done, so that a test bounds
//! the work of a command by it (a timed test would be flaky).

use std::io::Write;

/// A counter: the variable that asks for it, how it is read, and what it counts.
type Counter = (&'static str, fn() -> u64, &'static str);

/// Every counter, in the order they are printed:
/// - `RELHOOK_TEST_WALK_COUNT`: the commits the command's history walks stepped through;
/// - `RELHOOK_TEST_TAG_LISTINGS`: the times it listed a prefix's release tags;
/// - `RELHOOK_TEST_TAG_REF_LISTINGS`: the times it listed `refs/tags` at all;
/// - `RELHOOK_TEST_ATTR_LOOKUPS`: the gitattributes lookups it made;
/// - `RELHOOK_TEST_TREE_DIFFS`: the tree-to-tree diffs it made;
/// - `RELHOOK_TEST_SYNCS`: the files it forced to disk;
/// - `RELHOOK_TEST_VERSION_READS`: the times it read a version file;
/// - `RELHOOK_TEST_VERSION_SORTS`: the times it sorted the version files a release writes;
/// - `RELHOOK_TEST_TOML_PARSES`: the times it parsed a TOML manifest;
/// - `RELHOOK_TEST_REFLOG_READS`: the times it parsed HEAD's reflog;
/// - `RELHOOK_TEST_HALF_MADE`: the times it looked for a half-made release;
/// - `RELHOOK_TEST_CONFIG_PARSES`: the configuration texts it parsed;
/// - `RELHOOK_TEST_REMOTE_ASKS`: the `git ls-remote` and `git fetch` it started;
/// - `RELHOOK_TEST_OBJECT_FETCHES`: the times it asked git for objects a partial clone lacks;
/// - `RELHOOK_TEST_NORMALIZED`: the entry texts it normalised;
/// - `RELHOOK_TEST_TREE_READS`: the trees it read whole;
/// - `RELHOOK_TEST_TOP_ENTRY_LOOKUPS`: the times it looked a file up at the top of a tree (a
///   commit's stored `.relconfig.toml`), once per tree a walk meets in a row;
/// - `RELHOOK_TEST_REMOTE_LOOKUPS`: the times it worked out a remote's URL;
/// - `RELHOOK_TEST_LINES_PARSED`: the changelog lines it parsed;
/// - `RELHOOK_TEST_PARSE_COUNT`: the times it parsed a changelog;
/// - `RELHOOK_TEST_LINES_ANALYZED`: the changelog lines it read for their structure, when
///   parsed and again after each edit;
/// - `RELHOOK_TEST_COMMIT_LINK_READS`: the entry lines it read in full for a commit link;
/// - `RELHOOK_TEST_ENTRIES_READ`: the changelog entries it read out of their sections;
/// - `RELHOOK_TEST_OBJECT_HASHES`: the objects it hashed (those it hashed before not again);
/// - `RELHOOK_TEST_OBJECT_WRITES`: the objects it handed to the object store, written there
///   or found there already.
/// - `RELHOOK_TEST_REMEMBERED_READS`: the commits HEAD's reflog remembers whose message it
///   read for the entry it calls for, looking for Unreleased entries of commits history lost.
/// - `RELHOOK_TEST_CLIFF_PARSES`: the git-cliff configuration texts it parsed.
/// - `RELHOOK_TEST_JOURNAL_OPENS`: the times it opened a transaction journal to write to it.
const COUNTERS: &[Counter] = &[
    (
        "RELHOOK_TEST_WALK_COUNT",
        crate::git::walk::steps,
        "commits walked",
    ),
    (
        "RELHOOK_TEST_TAG_LISTINGS",
        || crate::git::tag_listings() as u64,
        "release tag listings",
    ),
    (
        "RELHOOK_TEST_TAG_REF_LISTINGS",
        || crate::git::tag_ref_listings() as u64,
        "tag ref listings",
    ),
    (
        "RELHOOK_TEST_ATTR_LOOKUPS",
        || crate::git::attr_lookups() as u64,
        "attribute lookups",
    ),
    (
        "RELHOOK_TEST_TREE_DIFFS",
        || crate::git::tree_diffs() as u64,
        "tree diffs",
    ),
    (
        "RELHOOK_TEST_SYNCS",
        || crate::fsx::syncs() as u64,
        "files synced",
    ),
    (
        "RELHOOK_TEST_VERSION_READS",
        || crate::history::version::files::reads() as u64,
        "version file reads",
    ),
    (
        "RELHOOK_TEST_VERSION_SORTS",
        || crate::release::version_sorts() as u64,
        "version file sorts",
    ),
    (
        "RELHOOK_TEST_TOML_PARSES",
        || crate::history::version::files::toml_parses() as u64,
        "toml parses",
    ),
    (
        "RELHOOK_TEST_REFLOG_READS",
        || crate::git::head_log_reads() as u64,
        "reflog reads",
    ),
    (
        "RELHOOK_TEST_HALF_MADE",
        || crate::release::half_made_searches() as u64,
        "half-made release searches",
    ),
    (
        "RELHOOK_TEST_CONFIG_PARSES",
        || crate::config::parses() as u64,
        "configuration parses",
    ),
    (
        "RELHOOK_TEST_REMOTE_ASKS",
        || crate::git::run::remote_asks() as u64,
        "remote asks",
    ),
    (
        "RELHOOK_TEST_OBJECT_FETCHES",
        || crate::git::object_fetches() as u64,
        "object fetches",
    ),
    (
        "RELHOOK_TEST_NORMALIZED",
        || crate::history::changelog::normalized() as u64,
        "entry texts normalised",
    ),
    (
        "RELHOOK_TEST_TREE_READS",
        || crate::git::tree_reads() as u64,
        "trees read whole",
    ),
    (
        "RELHOOK_TEST_TOP_ENTRY_LOOKUPS",
        || crate::git::top_entry_lookups() as u64,
        "top entry lookups",
    ),
    (
        "RELHOOK_TEST_REMOTE_LOOKUPS",
        || crate::git::remote_lookups() as u64,
        "remote lookups",
    ),
    (
        "RELHOOK_TEST_LINES_PARSED",
        || crate::history::changelog::lines_parsed() as u64,
        "changelog lines parsed",
    ),
    (
        "RELHOOK_TEST_PARSE_COUNT",
        || crate::history::changelog::parses() as u64,
        "changelog parses",
    ),
    (
        "RELHOOK_TEST_LINES_ANALYZED",
        || crate::history::changelog::lines_analyzed() as u64,
        "changelog lines analysed",
    ),
    (
        "RELHOOK_TEST_COMMIT_LINK_READS",
        || crate::history::changelog::commit_link_reads() as u64,
        "commit link reads",
    ),
    (
        "RELHOOK_TEST_ENTRIES_READ",
        || crate::history::changelog::entries_read() as u64,
        "changelog entries read",
    ),
    (
        "RELHOOK_TEST_OBJECT_HASHES",
        || crate::git::object_hashes() as u64,
        "objects hashed",
    ),
    (
        "RELHOOK_TEST_OBJECT_WRITES",
        || crate::git::object_writes() as u64,
        "object writes",
    ),
    (
        "RELHOOK_TEST_REMEMBERED_READS",
        || crate::history::sync::remembered_reads() as u64,
        "remembered commits read",
    ),
    (
        "RELHOOK_TEST_CLIFF_PARSES",
        || crate::config::cliff::parses() as u64,
        "cliff.toml parses",
    ),
    (
        "RELHOOK_TEST_JOURNAL_OPENS",
        || crate::git::txn::journal_opens() as u64,
        "journal opens",
    ),
];

/// Prints, on stderr, each counter whose variable is set: `relhook: test: N what`.
pub(super) fn print() {
    for (variable, count, what) in COUNTERS {
        if std::env::var_os(variable).is_some() {
            let _ = writeln!(std::io::stderr(), "relhook: test: {} {what}", count());
        }
    }
}
