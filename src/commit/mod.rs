//! The commit-message pipeline: raw bytes → `message` (git's cleanup) → `parse` (a
//! Conventional Commit) → `lint` (findings, with `suggest` for "did you mean") → `report`
//! (rustc-style text or JSON). Used by the commit-msg hook, `relhook lint`, `relhook check`
//! and pre-push. Knows nothing of history, changelogs or tags.

pub mod advised;
pub mod lint;
pub mod message;
pub mod parse;
pub mod report;
pub mod suggest;
pub mod vocab;
