//! The history pipeline: commits (walked by `git`) → entries (`changelog::entry`) →
//! CHANGELOG.md (`changelog`, kept current by `accumulate` in post-commit and by `sync`) →
//! the next version (`version`). `release` and `tag` build on it.

pub mod accumulate;
pub mod adoption;
pub mod changelog;
pub mod copies;
pub mod fixup_chain;
pub mod older_line;
pub mod packages;
pub mod passed_over;
pub mod prefix_ways;
pub mod reverts;
pub mod rules_since;
pub mod scope_rule;
pub mod shallow_cut;
pub mod slip;
pub mod sync;
pub mod tag_prefixes;
pub mod tags;
pub mod tool_releases;
pub mod unlinted;
mod unsectioned;
pub mod version;
