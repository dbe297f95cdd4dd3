//! A stable release of a package whose manifest requires another package's pre-release
//! (`cli 0.3.0` with `core = "1.1.0-rc.1"`, left by a release of core's rc): it would ship a
//! stable version built on a release candidate. A pyproject.toml's requirement
//! (`a==1.1.0rc1`, Poetry's `a = "1.1.0rc1"`) is one too. Refused, naming the ways on: the stable
//! release to require instead when one finished that pre-release (a hand tag, which rewrites
//! no requirement), else releasing the dependency as stable first.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use semver::Version;

use super::{PackagePlan, Selection};
use crate::Result;
use crate::config::Config;
use crate::error::{Error, Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::deps::{self, Manifest, Rewrite};
use crate::history::version::files::py_pre;
use crate::release::dependents::{Change, Member, Read};

const KINDS: [Manifest; 4] = [
    Manifest::Cargo,
    Manifest::Npm,
    Manifest::Python,
    Manifest::Poetry,
];

/// A requirement of one package of the workspace on another's pre-release, as a release
/// leaves it.
struct OnPre {
    /// The package whose manifest states it (or inherits it).
    dependent: String,
    /// The package it requires.
    dependency: String,
    kind: Manifest,
    /// The file that states it, relative to the top.
    file: PathBuf,
    /// The requirement (`1.1.0-rc.1`, `workspace:^1.1.0-rc.1`, `workspace:*`).
    text: String,
    /// The pre-release it requires.
    pre: Version,
    /// The dependency's version as the release leaves it: its new one, else its manifest's.
    current: Option<Version>,
}

impl OnPre {
    /// What a stable `version` of the dependent would ship.
    fn what(&self, version: &Version) -> String {
        // Named by file and version: the file may spell it as an inline table. The workspace
        // protocol without a range is published as the dependency's version: named too.
        let published = if follows_workspace(&self.text) {
            format!(", published as `{}`", self.pre)
        } else {
            String::new()
        };
        format!(
            "{} {version} would be a stable release that requires a pre-release of {} (`{}` in {}{published})",
            self.dependent,
            self.dependency,
            self.text.trim(),
            self.file.display()
        )
    }

    /// The dependency's stable release past the pre-release (a hand tag's, which leaves this
    /// requirement as it was), with the requirement on it: `tagged` says a release tag exists.
    fn finished(&self, tagged: &dyn Fn(&str, &Version) -> bool) -> Option<(Version, String)> {
        let v = self.current.as_ref().filter(|v| v.pre.is_empty())?;
        if !v.cmp_precedence(&self.pre).is_gt() || !tagged(&self.dependency, v) {
            return None;
        }
        match deps::rewrite(self.kind, &self.text, v) {
            Rewrite::To(after) => Some((v.clone(), after)),
            // A range that names the pre-release and admits the release (`>=1.1.0-rc.1`,
            // `>=1.1.0rc1,<2`), which the release leaves: named as the release instead.
            Rewrite::Same => py_pre::finished(self.kind, &self.text, v)
                .or_else(|| range_finished(self.kind, &self.text, &self.pre, v))
                .map(|after| (v.clone(), after)),
            Rewrite::Unsupported => None,
        }
    }

    /// The edit that requires the stable release `after` names instead (`` `1.0.1-rc.1` →
    /// `1.0.1` in crates/cli/Cargo.toml ``), and the install that brings the lock along.
    fn edit(&self, after: &str, read: Read<'_>) -> Result<String> {
        let install = match self.kind {
            Manifest::Npm => lock_install(read)?
                .map(|c| format!(", then `{c}`"))
                .unwrap_or_default(),
            Manifest::Cargo | Manifest::Python | Manifest::Poetry => String::new(),
        };
        Ok(format!(
            "`{}` → `{after}` in {}{install}",
            self.text.trim(),
            self.file.display()
        ))
    }
}

/// Refuses a stable release in `chosen` that would require a pre-release of another package
/// of the workspace (after the requirement changes `changes` this release makes).
pub(super) fn refuse(
    (repo, config, selection): (&Repo, &Config, &Selection),
    read: Read<'_>,
    chosen: &BTreeMap<String, PackagePlan>,
    changes: &[Change],
) -> Result<()> {
    let members = super::left_behind::members(config);
    let released: Vec<(&str, &Version)> = chosen
        .values()
        .map(|p| (p.name.as_str(), &p.version))
        .collect();
    let Some((version, on)) = stable_requiring_pre(&members, read, &released, changes)? else {
        return Ok(());
    };
    let name = &on.dependent;
    let pre_too = format!(
        "{name} as a pre-release too (`{} --pre rc`)",
        crate::resume_advice::release_of(Some(name))
    );
    let taken = |t: &str| repo.tag_target(t).is_some();
    let fix = match on.finished(&tagged_in(config, &taken)) {
        Some((v, after)) => format!(
            "{} {v} is released: require it instead ({}) and commit, then run `{}` again; or release {pre_too}",
            on.dependency,
            on.edit(&after, read)?,
            super::inherited::again(selection)
        ),
        None => format!(
            "release {} as stable first (`{}`), or {pre_too}",
            on.dependency,
            crate::resume_advice::release_of(Some(&on.dependency))
        ),
    };
    Err(Error::Refused(Refusal::new(
        Reason::Dependent,
        on.what(&version),
        fix,
    )))
}

/// What a hand tag would make, for [`hand_tag_on_pre`]: the package's tag form, its
/// `[version] pre_release_start`, and whether a tag name is taken already.
pub struct HandTag<'a> {
    /// The package's tag form.
    pub form: &'a crate::config::TagTemplate,
    /// The first pre-release number (`rc.1`).
    pub pre_start: u64,
    /// Whether a tag of that name exists already.
    pub taken: &'a dyn Fn(&str) -> bool,
}

/// [`refuse`] for a hand tag of package `name` at `version` (nothing else released, no
/// requirement rewritten): the refusal's words and fix, in one line, the pre-release way on
/// as the tag to make instead.
pub fn hand_tag_on_pre(
    config: &Config,
    root: &Path,
    (name, version): (&str, &Version),
    tag: &HandTag<'_>,
) -> Option<String> {
    if !version.pre.is_empty() {
        return None;
    }
    let members = super::left_behind::members(config);
    let disk = |rel: &Path| super::read_text(root, rel);
    let (_, on) = stable_requiring_pre(&members, &disk, &[(name, version)], &[]).ok()??;
    let dependency = &on.dependency;
    // The first rc of the version whose tag is free: `git tag` takes no `--pre`.
    let pre = (tag.pre_start..)
        .map(|n| {
            let mut v = version.clone();
            v.pre = semver::Prerelease::new(&format!("rc.{n}")).unwrap_or_default();
            v
        })
        .find(|v| !(tag.taken)(&tag.form.format(v)))?;
    let pre_tag = tag.form.format(&pre);
    let message = crate::shellword::quote(&format!("{name} {pre}"));
    let first = match on.finished(&tagged_in(config, tag.taken)) {
        Some((v, after)) => format!(
            "{dependency} {v} is released: require it instead ({}) and commit, then make the tag again",
            on.edit(&after, &disk).ok()?
        ),
        None => format!(
            "release {dependency} as stable first (`relhook release --package {dependency}`)"
        ),
    };
    Some(format!(
        "{}; {first}, or tag {name} as a pre-release instead (`git tag -a {pre_tag} -m {message}`, or `relhook release --package {name} --pre rc`)",
        on.what(version)
    ))
}

/// After a stable hand tag of `name` at `version`, which rewrites no requirement: each package
/// that still requires a pre-release that version finishes, with the edit to make before that
/// package's next stable release (refused until then). One line each.
pub fn hand_tag_leaves_pre(
    config: &Config,
    root: &Path,
    name: &str,
    version: &Version,
) -> Vec<String> {
    if !version.pre.is_empty() {
        return Vec::new();
    }
    let members = super::left_behind::members(config);
    let disk = |rel: &Path| super::read_text(root, rel);
    let Ok(all) = on_pre(&members, &disk, &[(name, version)], &[]) else {
        return Vec::new();
    };
    all.into_iter()
        .filter(|on| on.dependency == name)
        .filter_map(|on| {
            // The tag just made is the release.
            let (v, after) = on.finished(&|_, _| true)?;
            Some(format!(
                "{} still requires a pre-release of {name} (a hand tag rewrites no requirement): before {}'s next stable release, require {name} {v} instead ({}) and commit",
                on.dependent,
                on.dependent,
                on.edit(&after, &disk).ok()?
            ))
        })
        .collect()
}

/// The first stable release of `released` that requires a pre-release, with its version.
fn stable_requiring_pre(
    members: &[Member],
    read: Read<'_>,
    released: &[(&str, &Version)],
    changes: &[Change],
) -> Result<Option<(Version, OnPre)>> {
    let mut all = on_pre(members, read, released, changes)?;
    for &(name, version) in released.iter().filter(|(_, v)| v.pre.is_empty()) {
        if let Some(i) = all.iter().position(|on| on.dependent == name) {
            return Ok(Some((version.clone(), all.swap_remove(i))));
        }
    }
    Ok(None)
}

/// Every shipped requirement of a member on another member's pre-release, as a release of
/// `released` leaves it (after its requirement changes `changes`).
fn on_pre(
    members: &[Member],
    read: Read<'_>,
    released: &[(&str, &Version)],
    changes: &[Change],
) -> Result<Vec<OnPre>> {
    // Each member's published name, by manifest kind, with its version after the release.
    let mut package_of = BTreeMap::new();
    for m in members {
        for kind in KINDS {
            if let Some(text) = read(&m.dir.join(kind.file_name()))?
                && let Some(name) = deps::package_name(kind, &text)
            {
                let current = released
                    .iter()
                    .find(|(n, _)| *n == m.package)
                    .map(|(_, v)| (*v).clone())
                    .or_else(|| manifest_version(kind, &text));
                let of = (m.package.clone(), m.dir.clone(), current);
                package_of.insert((kind.file_name(), name), of);
            }
        }
    }
    let mut found = Vec::new();
    for m in members {
        let name = m.package.as_str();
        for kind in KINDS {
            let file = m.dir.join(kind.file_name());
            let Some(text) = read(&file)? else { continue };
            let mut listed: Vec<(deps::Requirement, PathBuf)> = deps::requirements(kind, &text)
                .unwrap_or_default()
                .into_iter()
                .map(|r| (r, file.clone()))
                .collect();
            // `key = { workspace = true }`: the requirement the root's
            // `[workspace.dependencies]` states.
            if kind == Manifest::Cargo {
                listed.extend(inherited(read, &text)?);
            }
            for (r, file) in listed {
                let Some((dependency, dir, current)) =
                    package_of.get(&(kind.file_name(), r.name.clone()))
                else {
                    continue;
                };
                let stated_in = file.parent().unwrap_or(Path::new(""));
                if !deps::points_at(&r, stated_in, dir) || r.dev || dependency == name {
                    continue;
                }
                // As this release leaves it.
                let after = changes
                    .iter()
                    .find(|c| c.dependent == name && c.name == r.name && c.file == file)
                    .map_or(r.text.as_str(), |c| c.after.as_str());
                let Some(pre) = pre_named(kind, after, current.as_ref()) else {
                    continue;
                };
                found.push(OnPre {
                    dependent: name.to_owned(),
                    dependency: dependency.clone(),
                    kind,
                    file,
                    text: after.to_owned(),
                    pre,
                    current: current.clone(),
                });
            }
        }
    }
    Ok(found)
}

/// Whether package `name`'s release tag of `v` exists (`taken`: whether a tag of a name does).
fn tagged_in<'a>(
    config: &'a Config,
    taken: &'a dyn Fn(&str) -> bool,
) -> impl Fn(&str, &Version) -> bool + 'a {
    move |name, v| {
        config
            .packages
            .iter()
            .find(|p| p.name == name)
            .is_some_and(|p| taken(&p.tag.format(v)))
    }
}

/// The install that brings the workspace's lock file along after a package.json edit (pnpm's
/// and npm's locks record each requirement), when there is one.
fn lock_install(read: Read<'_>) -> Result<Option<&'static str>> {
    for (lock, command) in [
        ("pnpm-lock.yaml", "pnpm install"),
        ("package-lock.json", "npm install"),
        ("yarn.lock", "yarn install"),
    ] {
        if read(Path::new(lock))?.is_some() {
            return Ok(Some(command));
        }
    }
    Ok(None)
}

/// A manifest's own version (`[package] version`, `"version"`); `None` when it inherits one or
/// states none.
fn manifest_version(kind: Manifest, text: &str) -> Option<Version> {
    let version = match kind {
        Manifest::Cargo => {
            let doc = crate::history::version::files::parsed_toml(text)?;
            doc.as_item()
                .get("package")?
                .get("version")?
                .as_str()?
                .to_owned()
        }
        Manifest::Npm => {
            let doc = crate::history::version::files::json_value(text.as_bytes())?;
            doc.get("version")?.as_str()?.to_owned()
        }
        Manifest::Python | Manifest::Poetry => return py_pre::own_version(text),
    };
    Version::parse(version.trim()).ok()
}

/// The requirements a member's Cargo.toml (`text`) inherits from the workspace root's
/// `[workspace.dependencies]`, each with the file that states it; development-only ones
/// marked so.
fn inherited(read: Read<'_>, text: &str) -> Result<Vec<(deps::Requirement, PathBuf)>> {
    let keys = deps::inherited(text).unwrap_or_default();
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let root = Path::new("Cargo.toml");
    let Some(top) = read(root)? else {
        return Ok(Vec::new());
    };
    let stated = deps::workspace_requirements(&top).unwrap_or_default();
    Ok(keys
        .into_iter()
        .filter_map(|(key, dev)| {
            let mut r = stated.iter().find(|r| r.key == key)?.clone();
            r.dev |= dev;
            Some((r, root.to_path_buf()))
        })
        .collect())
}

/// Whether a requirement is pnpm's and yarn's workspace protocol without a range
/// (`workspace:*`, `workspace:^`, `workspace:~`): published as the dependency's own version.
fn follows_workspace(req: &str) -> bool {
    matches!(
        req.trim().strip_prefix("workspace:"),
        Some("" | "*" | "^" | "~")
    )
}

/// The pre-release a requirement requires: one its comparators name (`1.1.0-rc.1`,
/// `^2.0.0-beta.3`, `workspace:^1.1.0-rc.1`, published as `^1.1.0-rc.1`), or, for the
/// workspace protocol without a range, the dependency's version `current` when it is one; of a
/// Python requirement, the pre-release a clause that can admit one names (`==1.1.0rc1`).
fn pre_named(kind: Manifest, req: &str, current: Option<&Version>) -> Option<Version> {
    if matches!(kind, Manifest::Python | Manifest::Poetry) {
        return py_pre::pre_named(kind, req);
    }
    if follows_workspace(req) {
        return current.filter(|v| !v.pre.is_empty()).cloned();
    }
    let req = req.trim();
    let range = req.strip_prefix("workspace:").unwrap_or(req);
    let parsed = semver::VersionReq::parse(range.trim()).ok()?;
    let c = parsed.comparators.iter().find(|c| !c.pre.is_empty())?;
    let mut v = Version::new(c.major, c.minor.unwrap_or(0), c.patch.unwrap_or(0));
    v.pre = c.pre.clone();
    Some(v)
}

/// A Cargo or npm range `req` that names the pre-release `pre` and admits its release `v`
/// (`>=1.1.0-rc.1` of 1.1.0) with `v` named instead (`>=1.1.0`): Cargo and npm admit a
/// pre-release only to a comparator that names one, so the range would go on requiring it.
fn range_finished(kind: Manifest, req: &str, pre: &Version, v: &Version) -> Option<String> {
    if !matches!(kind, Manifest::Cargo | Manifest::Npm) || follows_workspace(req) {
        return None;
    }
    let (named, release) = (pre.to_string(), v.to_string());
    let mut out = String::new();
    let mut rest = req;
    while let Some(at) = rest.find(&named) {
        let end = at + named.len();
        // Whole versions only: `1.1.0-rc.1` is no part of `1.1.0-rc.10`.
        let whole = !rest[end..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.')
            && !rest[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.');
        out.push_str(&rest[..at]);
        out.push_str(if whole { &release } else { &named });
        rest = &rest[end..];
    }
    out.push_str(rest);
    let range = out.trim();
    let range = range.strip_prefix("workspace:").unwrap_or(range);
    (out != req && pre_named(kind, &out, None).is_none() && deps::meets(kind, range, v))
        .then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_tag_is_told_the_first_free_pre_release_tag() {
        let tmp = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = tmp.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "core/Cargo.toml",
            "[package]\nname = \"core\"\nversion = \"1.0.0-rc.1\"\n",
        );
        write(
            "api/Cargo.toml",
            "[package]\nname = \"api\"\nversion = \"0.3.0\"\n[dependencies]\ncore = { path = \"../core\", version = \"1.0.0-rc.1\" }\n",
        );
        let text = "[packages.core]\npath = \"core\"\n[packages.api]\npath = \"api\"\n";
        let at = tmp.path().join(".relconfig.toml");
        let config = crate::config::Config::parse(&at, text).unwrap();
        let api = config.packages.iter().find(|p| p.name == "api").unwrap();
        let tag = HandTag {
            form: &api.tag,
            pre_start: 1,
            taken: &|t: &str| t == "api-v0.3.1-rc.1",
        };
        let v = semver::Version::new(0, 3, 1);
        let said = hand_tag_on_pre(&config, tmp.path(), ("api", &v), &tag).unwrap();
        assert!(said.contains("(`1.0.0-rc.1` in api/Cargo.toml)"), "{said}");
        assert!(
            said.contains("`git tag -a api-v0.3.1-rc.2 -m 'api 0.3.1-rc.2'`"),
            "{said}"
        );
        assert!(
            said.contains("`relhook release --package api --pre rc`"),
            "{said}"
        );
    }

    #[test]
    fn a_requirement_names_a_pre_release_by_its_comparators() {
        let named = |req: &str| pre_named(Manifest::Cargo, req, None).map(|v| v.to_string());
        assert_eq!(named("1.1.0-rc.1").as_deref(), Some("1.1.0-rc.1"));
        assert_eq!(named("^2.0.0-beta.3").as_deref(), Some("2.0.0-beta.3"));
        assert_eq!(
            named("workspace:^1.1.1-rc.1").as_deref(),
            Some("1.1.1-rc.1")
        );
        assert_eq!(
            named("workspace:~1.1.1-rc.1").as_deref(),
            Some("1.1.1-rc.1")
        );
        assert_eq!(named("workspace:1.1.1-rc.1").as_deref(), Some("1.1.1-rc.1"));
        assert_eq!(named("^1.1.0"), None);
        assert_eq!(named("workspace:^1.1.0"), None);
        assert_eq!(named("1.2"), None);
    }

    #[test]
    fn the_workspace_protocol_without_a_range_requires_the_version_it_links() {
        let rc = Version::parse("1.1.1-rc.1").unwrap();
        let stable = Version::new(1, 1, 1);
        for req in ["workspace:*", "workspace:^", "workspace:~"] {
            assert_eq!(
                pre_named(Manifest::Npm, req, Some(&rc)),
                Some(rc.clone()),
                "{req}"
            );
            assert_eq!(pre_named(Manifest::Npm, req, Some(&stable)), None, "{req}");
            assert_eq!(pre_named(Manifest::Cargo, req, None), None, "{req}");
        }
    }

    fn cli_on(text: &str, current: &str) -> OnPre {
        OnPre {
            dependent: "cli".into(),
            dependency: "api".into(),
            kind: Manifest::Cargo,
            file: "crates/cli/Cargo.toml".into(),
            text: text.into(),
            pre: pre_named(Manifest::Cargo, text, None).unwrap(),
            current: Version::parse(current).ok(),
        }
    }

    #[test]
    fn a_released_stable_version_past_the_pre_release_finishes_it() {
        let tagged = |_: &str, _: &Version| true;
        let on = cli_on("1.0.1-rc.1", "1.0.1");
        assert_eq!(
            on.finished(&tagged),
            Some((Version::new(1, 0, 1), "1.0.1".to_owned()))
        );
        let read = |_: &Path| Ok(None);
        assert_eq!(
            on.edit("1.0.1", &read).unwrap(),
            "`1.0.1-rc.1` → `1.0.1` in crates/cli/Cargo.toml"
        );
        // Untagged, still a pre-release, or below it: no release finished it.
        assert_eq!(on.finished(&|_: &str, _: &Version| false), None);
        assert_eq!(cli_on("1.0.1-rc.1", "1.0.1-rc.2").finished(&tagged), None);
        assert_eq!(cli_on("1.0.1-rc.1", "1.0.0").finished(&tagged), None);
    }

    #[test]
    fn a_range_on_a_finished_pre_release_names_the_release_instead() {
        let v = Version::new(1, 1, 0);
        let done = |kind, req: &str| {
            let pre = pre_named(kind, req, None).unwrap();
            range_finished(kind, req, &pre, &v)
        };
        assert_eq!(
            done(Manifest::Cargo, ">=1.1.0-rc.1").as_deref(),
            Some(">=1.1.0")
        );
        assert_eq!(
            done(Manifest::Cargo, ">=1.1.0-rc.1, <2").as_deref(),
            Some(">=1.1.0, <2")
        );
        assert_eq!(
            done(Manifest::Npm, "^1.1.0-rc.1").as_deref(),
            Some("^1.1.0")
        );
        assert_eq!(
            done(Manifest::Npm, "workspace:>=1.1.0-rc.1").as_deref(),
            Some("workspace:>=1.1.0")
        );
        // Still a pre-release named elsewhere: not the release's.
        assert_eq!(done(Manifest::Cargo, ">=1.1.0-rc.1, <1.1.0-rc.10"), None);
        let on = cli_on(">=1.1.0-rc.1", "1.1.0");
        assert_eq!(
            on.finished(&|_: &str, _: &Version| true),
            Some((v.clone(), ">=1.1.0".to_owned()))
        );
    }
}
