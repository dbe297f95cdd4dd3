//! Release tags: the rules a release tag must meet (`rules`), shared by a tag made by hand
//! and by pre-push, and the tag made by hand with `git tag -a` (`hand`), finished through the
//! reference-transaction hook with the same rewrite as `relhook release`.

pub mod hand;
pub mod rules;
