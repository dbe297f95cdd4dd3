//! A release tag with a leading zero in a number (`v1.3.0-rc.01`, `v1.03.0`): SemVer forbids
//! one in the core's numbers and in a numeric pre-release identifier, so relhook would pass
//! such a tag over. Refused with the reason and the tag without the zeros.

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;

/// The refusal of tag `name`, whose version part `raw` (after the tag prefix) is SemVer but
/// for leading zeros; `None` for anything else.
pub(super) fn refusal(
    (repo, target): (&Repo, Oid),
    config: &Config,
    name: &str,
    raw: &str,
) -> Option<String> {
    if Version::parse(raw).is_ok() {
        return None;
    }
    let (fixed, first) = without_zeros(raw)?;
    let version = Version::parse(&fixed).ok()?;
    let prefix = &config.version.tag_prefix;
    let (rule, part) = match first {
        Part::Core => ("a version number", "the version"),
        Part::Pre => ("a numeric pre-release identifier", "the pre-release"),
    };
    let zeroed = raw_number(raw, first)?;
    // That tag where it would pass; else the release (it is there already, or below).
    let instead = match super::instead::command(repo, config, &version, target, None) {
        Ok(tag) => format!("tag {prefix}{version} instead: {tag}"),
        Err(release) => format!("release instead: {release}"),
    };
    Some(format!(
        "`{name}` is no SemVer version: {rule} must not have leading zeros (`{zeroed}` in {part}), so relhook would pass it over; {instead}"
    ))
}

/// Where a leading zero is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Core,
    Pre,
}

/// `raw` with the leading zeros of its core's numbers and numeric pre-release identifiers
/// dropped (build metadata may have them), and where the first one was; `None` when it has
/// none.
fn without_zeros(raw: &str) -> Option<(String, Part)> {
    let (rest, build) = match raw.split_once('+') {
        Some((r, b)) => (r, Some(b)),
        None => (raw, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (rest, None),
    };
    let mut first = None;
    let mut trim = |ids: &str, part: Part| -> String {
        let out: Vec<String> = ids
            .split('.')
            .map(|id| match zeroed(id) {
                true => {
                    first.get_or_insert(part);
                    id.trim_start_matches('0').to_owned()
                }
                false => id.to_owned(),
            })
            .map(|id| if id.is_empty() { "0".to_owned() } else { id })
            .collect();
        out.join(".")
    };
    let mut out = trim(core, Part::Core);
    if let Some(pre) = pre {
        out.push('-');
        out.push_str(&trim(pre, Part::Pre));
    }
    if let Some(build) = build {
        out.push('+');
        out.push_str(build);
    }
    first.map(|f| (out, f))
}

/// Whether `id` is a number written with a leading zero (`01`, `00`).
fn zeroed(id: &str) -> bool {
    id.len() > 1 && id.starts_with('0') && id.bytes().all(|b| b.is_ascii_digit())
}

/// The first number of `part` in `raw` written with a leading zero, as written.
fn raw_number(raw: &str, part: Part) -> Option<&str> {
    let rest = raw.split('+').next()?;
    let ids = match part {
        Part::Core => rest.split('-').next()?,
        Part::Pre => rest.split_once('-')?.1,
    };
    ids.split('.').find(|id| zeroed(id))
}

#[cfg(test)]
mod tests {
    use super::{Part, without_zeros};

    #[test]
    fn leading_zeros_go_where_semver_forbids_them_only() {
        let fixed = without_zeros;
        assert_eq!(
            fixed("1.3.0-rc.01"),
            Some(("1.3.0-rc.1".to_owned(), Part::Pre))
        );
        assert_eq!(fixed("1.03.0"), Some(("1.3.0".to_owned(), Part::Core)));
        assert_eq!(
            fixed("01.0.0-00+build.01"),
            Some(("1.0.0-0+build.01".to_owned(), Part::Core))
        );
        // An alphanumeric identifier may start with a zero.
        assert_eq!(fixed("1.0.0-0a.1"), None);
        assert_eq!(fixed("1.0.0-rc.1"), None);
    }
}
