//! The ways on from a tag under the other usual prefix above the releases (`0.1.1` where they
//! are `v0.1.0`) besides a slip's own fix (`slip`): `tag_prefix` set to its prefix, a version
//! named above it, each offered where it works pasted; and a hand tag's refusals for such a tag.

use semver::Version;

use crate::config::Config;
use crate::git::Repo;

use super::tags;

/// Setting `tag_prefix` to the other prefix (`other`), leaving the current prefix's tags out
/// where there are some (`left_out`).
pub(crate) fn set_prefix(config: &Config, other: &str, left_out: bool) -> String {
    let prefix = &config.version.tag_prefix;
    let left_out = match left_out {
        true if prefix.is_empty() => " (leaving the unprefixed tags out)".into(),
        true => format!(" (leaving the `{prefix}` tags out)"),
        false => String::new(),
    };
    format!(
        "set `tag_prefix = {}`{left_out} under [version] in {}",
        crate::config::toml_text::string(other),
        config.file_to_edit(),
    )
}

/// Going on under the current prefix with `above`, a version above the other prefix's tag.
pub(crate) fn name_above(config: &Config, above: &Version) -> String {
    let go_on = match config.version.tag_prefix.as_str() {
        "" => "without a prefix".to_owned(),
        prefix => format!("under {prefix:?}"),
    };
    format!(
        "to go on {go_on}, name a version above it: `{} {above}`",
        config.release_command()
    )
}

/// The ways besides a slip's own fix, those that work: `tag_prefix` set to the slip's where its
/// changelog is not missing its section (no release was made, the prefix aside), a version
/// above it where no change would be listed again.
pub(crate) fn other_ways(
    repo: &Repo,
    config: &Config,
    other: &(String, Version, String),
    above: &Version,
) -> Vec<String> {
    let commit = repo
        .tag_target(&other.0)
        .and_then(|t| repo.peel_to_commit(t));
    let path = &config.changelog.path;
    let released = commit.is_none_or(|c| {
        !matches!(repo.file_at(c, path), Ok(Some(_)))
            || super::sync::has_section_at(repo, c, path, &other.1)
    });
    let again = tags::lists_again_parts(repo, config, above).is_some();
    let ways = [
        (released, set_prefix(config, &other.2, true)),
        (!again, name_above(config, above)),
    ];
    (ways.into_iter().filter(|w| w.0)).map(|w| w.1).collect()
}

/// A hand tag's refusals of `version` for the other usual prefix's tag in its way
/// ([`prefix_conflict`], with `equal_too`, then [`lists_again`] where its section is missing):
/// for a slip of the prefix, what is wrong with the slip's own fix, as a release says it, and
/// none for its version tagged beside a slip a remote's branch holds.
pub fn hand_conflicts(
    repo: &Repo,
    config: &Config,
    version: &Version,
    section_missing: bool,
) -> Vec<String> {
    let other = repo.head().and_then(|head| {
        let other = tags::other_prefix_tag(repo, head, config)?;
        let ours = tags::reachable_tags(repo, head, &config.version.tag_prefix).latest?;
        let slip = tags::other_usual_prefixes(config).contains(&other.2.as_str());
        (slip && other.1.cmp_precedence(&ours.version).is_gt()).then_some(other)
    });
    let Some(slip) = (other.as_ref()).and_then(|o| super::slip::Slip::new(repo, &o.0, &o.1)) else {
        let again = section_missing.then(|| tags::lists_again(repo, config, version));
        let conflict = tags::prefix_conflict(repo, config, version, section_missing);
        return conflict.into_iter().chain(again.flatten()).collect();
    };
    if slip.kept_release(repo, config, version) {
        return Vec::new();
    }
    let what = tags::conflict(repo, config, version, section_missing)
        .map(|c| c.0)
        .or_else(|| {
            section_missing
                .then(|| tags::lists_again_parts(repo, config, version))?
                .map(|p| p.0)
        });
    let fix = |w| format!("{w}; {}", slip.fix(repo, config, Some(version), &[]));
    what.map(fix).into_iter().collect()
}
