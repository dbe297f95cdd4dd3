//! A Python requirement and pre-releases: PEP 440 (and Poetry) admit a pre-release only to a
//! specifier that names one, so which pre-release a requirement names is what a stable
//! release built on it would require (`a==1.1.0rc1`), and why a range that spans a
//! pre-release still leaves it out; and, the pre-release finished, the range that names the
//! release instead.

use semver::Version;

use super::deps::{Manifest, meets};

/// A pyproject.toml's own version (`[project] version`, else Poetry's `[tool.poetry]
/// version`) in SemVer's spelling (`1.1.0rc1` is `1.1.0-rc.1`); `None` when it states none
/// SemVer can spell.
pub fn own_version(text: &str) -> Option<Version> {
    super::py_deps::own_version(text)
}

/// The pre-release a Python requirement names (`==1.1.0rc1`, `>=2.0.0b1,<3`, Poetry's
/// `^1.1.0rc1`), in SemVer's spelling; `None` for one that names none, or another kind's.
pub fn pre_named(kind: Manifest, text: &str) -> Option<Version> {
    match kind {
        Manifest::Python => super::py_deps::pre_named(text),
        Manifest::Poetry => super::poetry_deps::pre_named(text),
        Manifest::Cargo | Manifest::Npm => None,
    }
}

/// A Python requirement `text` that names a pre-release and admits its release `v`
/// (`>=1.1.0rc1,<2` of 1.1.0) with `v` named instead (`>=1.1.0,<2`); `None` for another.
pub fn finished(kind: Manifest, text: &str, v: &Version) -> Option<String> {
    let named = match kind {
        Manifest::Python => super::py_deps::pre_versions(text),
        Manifest::Poetry => super::poetry_deps::pre_versions(text),
        Manifest::Cargo | Manifest::Npm => return None,
    };
    // Only a release past the pre-release finishes it.
    if !pre_named(kind, text)?.cmp_precedence(v).is_lt() {
        return None;
    }
    let spelled = super::pep440::spell(&v.to_string())?;
    let mut out = text.to_owned();
    // From the end, so the earlier ranges stay where they are.
    for at in named.into_iter().rev() {
        out.replace_range(at, &spelled);
    }
    (out != text && meets(kind, &out, v)).then_some(out)
}

/// `new` as the manifest spells a version (PEP 440's `1.1.0rc1` in a pyproject.toml).
pub fn spelled(kind: Manifest, new: &Version) -> String {
    match kind {
        Manifest::Python | Manifest::Poetry => super::pep440::spelled(&new.to_string()),
        Manifest::Cargo | Manifest::Npm => new.to_string(),
    }
}

/// Why a Python requirement `text` leaves out the pre-release `new` though its range may span
/// it: pip and uv (PEP 440) take a pre-release for a specifier that names none only when no
/// final release on the index satisfies it, which relhook cannot know; Poetry likewise, unless
/// the dependency's `allow-prereleases` (`prereleases`) says otherwise.
pub fn pre_excluded(
    kind: Manifest,
    text: &str,
    prereleases: Option<bool>,
    new: &Version,
) -> Option<String> {
    if !super::pep440::is_pre_release(&new.to_string()) {
        return None;
    }
    let such = spelled(kind, new);
    let names_none = pre_named(kind, text).is_none();
    match (kind, prereleases) {
        (Manifest::Poetry, Some(false)) => {
            Some("its `allow-prereleases = false` leaves every pre-release out".to_owned())
        }
        (Manifest::Poetry, None) if names_none => Some(format!(
            "Poetry takes a pre-release for a constraint that names none only when no stable release on the index satisfies it, which relhook cannot know; `allow-prereleases = true` on the dependency admits it, as does a constraint that names one, such as `>={such}`"
        )),
        (Manifest::Python, _) if names_none => Some(format!(
            "pip and uv (PEP 440) take a pre-release for a specifier that names none only when no final release on the index satisfies it, which relhook cannot know; one that names a pre-release, such as `>={such}`, admits it"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    #[test]
    fn a_python_range_on_a_pre_release_names_its_release_instead() {
        let at = v("1.1.0");
        let done = |kind, text| finished(kind, text, &at);
        assert_eq!(
            done(Manifest::Python, ">=1.1.0rc1,<2").as_deref(),
            Some(">=1.1.0,<2")
        );
        assert_eq!(
            done(Manifest::Poetry, "^1.1.0rc1").as_deref(),
            Some("^1.1.0")
        );
        assert_eq!(done(Manifest::Python, ">=1.0,<2"), None);
        assert_eq!(finished(Manifest::Python, ">=1.1.0rc1", &v("1.0.0")), None);
        assert_eq!(done(Manifest::Cargo, ">=1.1.0-rc.1"), None);
    }
}
