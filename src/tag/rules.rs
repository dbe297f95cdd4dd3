//! Is this a valid release tag? Shared by the reference-transaction hook (a tag made by hand)
//! and pre-push (a tag about to be published). Each problem is one sentence with its fix.

use git2::Oid;
use semver::Version;

use super::lightweight::{LIGHTWEIGHT, again_here, lightweight, unreleasable};
pub use super::slip::slipped_prefix;
use super::slip::{Slip, prefix_and_version, slip};
use crate::config::Config;
use crate::git::{ObjectKind, Repo};

/// How far to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth<'a> {
    /// A tag being created: name, kind, ordering.
    Create,
    /// A tag being published: also its commit's changelog and version files; the advice
    /// names a tag made by hand only where one becomes a release. With the remote's branches
    /// once the push is made, which say where the tag stands there.
    Publish(HandTags, RemoteBranches<'a>),
}

/// A remote's branches once a push is made, as far as this clone can tell (each one's name on
/// the remote, and its tip): its remote-tracking branches, with the push's own branch updates.
pub type RemoteBranches<'a> = &'a [(String, Oid)];

/// Whether a tag made by hand (`git tag -a`) becomes a release in this clone: git runs
/// relhook's reference-transaction hook here, which writes the release commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HandTags {
    /// It does.
    #[default]
    Released,
    /// It does not (the hook is not installed here): a hand tag is a plain tag.
    Plain,
}

/// Whether a tag name looks like a release tag (`tag_prefix` + a digit, any script's: an
/// IME's fullwidth `v１.０.０` is refused with its ASCII spelling, not passed in silence), and
/// is not a floating tag that `version.floating_tags` makes a tag of its own.
pub fn is_release_like(config: &Config, name: &str) -> bool {
    let prefix = &config.version.tag_prefix;
    name.strip_prefix(prefix.as_str()).is_some_and(|rest| {
        rest.starts_with(char::is_numeric) && !(config.version.floating_tags && floating(rest))
    })
}

/// Whether `name` is the tag prefix + a SemVer version: the only names a release tag passes
/// under.
pub fn semver_name(config: &Config, name: &str) -> bool {
    name.strip_prefix(config.version.tag_prefix.as_str())
        .is_some_and(|v| Version::parse(v).is_ok())
}

/// The release tag name that PEP 440's spelling `name` (`v1.0.0b1`) has in SemVer's
/// (`v1.0.0-b.1`), or a spelling in another script's digits (`v１.０.０`) in ASCII, if it is one.
pub fn semver_spelled(config: &Config, name: &str) -> Option<String> {
    let prefix = config.version.tag_prefix.as_str();
    let raw = name.strip_prefix(prefix)?;
    let pep440 = || crate::history::version::files::semver_spelling(raw).map(|v| v.to_string());
    (super::digits::semver_in_ascii(raw).or_else(pep440)).map(|v| format!("{prefix}{v}"))
}

/// What is said of a new tag that is no release tag here but ends in a version, or `None`
/// when it is another scheme's business (a package's template). `Err` refuses it, as it would
/// stop every later `relhook version` and release (see `history::tag_prefixes`) or is a slip
/// of the release tag's name; `Ok` is the one line that says no release is made. Each names
/// the tag to make instead:
/// - a bare version (`0.1.0`) where release tags carry a prefix, or a `v` one where they carry
///   none: refused;
/// - a slip of the prefix (`V0.1.0`, `v-0.1.0`, `v.0.1.0`): refused;
/// - a package's tag in another form than its template (`web-1.0.0` beside `web-v{version}`),
///   before the package's first release in HEAD's history: refused;
/// - any other scheme (`ver0.1.0`, `docs-1.0.0`) before the project's first release in HEAD's
///   history: refused; after it, said.
pub fn not_a_release(
    repo: &Repo,
    config: &Config,
    name: &str,
    target: Oid,
) -> Option<Result<String, String>> {
    let ours = config.version.tag_prefix.as_str();
    let (prefix, version) = prefix_and_version(config, name)?;
    if prefix == ours || config.packages.iter().any(|k| k.tag.prefix() == prefix) {
        return None;
    }
    // Where the prefix comes from, and the file to change it in: the defaults are said to
    // be the defaults, not a setting of a file that may not exist.
    let origin = config.tag_prefix_origin();
    let file = config.file_to_edit();
    // The tag named for the release where it would pass; else the release command, and why.
    let ours_named = |why: &str| {
        format!(
            "release tags here are named {ours}{version} ({origin}), so {name} makes no release{why}; for the release: {}",
            super::instead::command(repo, config, &version, target, None).unwrap_or_else(|e| e)
        )
    };
    match slip(ours, prefix) {
        Some(Slip::Bare) => {
            return Some(Err(ours_named(&format!(
                ", and every later `relhook version` and release would stop at it; if this project's releases have no prefix, set `tag_prefix = \"\"` under [version] in {file}"
            ))));
        }
        // The other way round (`v7.3.0` where releases are `7.3.0`): the same stop.
        Some(Slip::V) => {
            return Some(Err(ours_named(&format!(
                ", and every later `relhook version` and release would stop at it; if this project's releases are named so, set `tag_prefix = {}` under [version] in {file}",
                crate::config::toml_text::string(prefix)
            ))));
        }
        Some(Slip::Spelled) => return Some(Err(ours_named(""))),
        None => {}
    }
    // A package's tag in the form it had before a rename: the package's, not the root's.
    if let Some(said) = super::former::former_form(repo, config, name, prefix, &version, target) {
        return Some(said);
    }
    // What `relhook version` reads: the tags in HEAD's history, the new one among them.
    let head = repo.head()?;
    let in_history = repo
        .peel_to_commit(target)
        .is_some_and(|c| c == head || repo.reaches(head, c));
    let package = config
        .packages
        .iter()
        .find(|k| crate::history::packages::names_package(&k.name, prefix));
    if let Some(p) = package {
        let template = p.tag.prefix();
        let first = in_history && repo.latest_release_tag(head, template).is_none();
        return first.then(|| {
            Err(format!(
                "package {}'s release tags are named `{template}{version}` (its `tag` template), so {name} makes no release, and every later `relhook version` and release of it would stop at it; tag `{}`, or set `tag = {}` in {} in .relconfig.toml if its releases are named so",
                p.name,
                config.hand_tag_command(&format!("{template}{version}")),
                crate::config::toml_text::string(&format!("{prefix}{{version}}")),
                crate::config::toml_text::package_table(&p.name)
            ))
        });
    }
    if in_history && repo.latest_release_tag(head, ours).is_none() {
        return Some(Err(ours_named(&format!(
            ", and as there is no release yet every later `relhook version` and release would stop at it; if this project's releases are named so, set `tag_prefix = {}` under [version] in {file}",
            crate::config::toml_text::string(prefix)
        ))));
    }
    Some(Ok(format!(
        "{name} is no release tag here (they are named `{ours}{version}`): no release commit made; for the release: {}",
        super::instead::command(repo, config, &version, target, Some(name)).unwrap_or_else(|e| e)
    )))
}

/// Whether what follows a tag prefix is `N` or `N.M` (digits only): a floating tag's shape
/// (`v1`, `v1.2`, which GitHub Actions move to each new release of that line).
pub fn floating(rest: &str) -> bool {
    let parts: Vec<&str> = rest.split('.').collect();
    parts.len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The version of `raw` (tag `name` without its prefix) when it is PEP 440's spelling of a
/// pre-release (`1.2.0rc1`) and another release tag under the prefix is spelled so: the
/// project tags its pre-releases as PEP 440 does, and relhook reads them as releases.
fn pep440_spelled_here(repo: &Repo, config: &Config, name: &str, raw: &str) -> Option<Version> {
    let version = crate::git::pep440_pre(raw)?;
    let prefix = &config.version.tag_prefix;
    let spelled = |t: &str| {
        let rest = t.get(prefix.len()..).unwrap_or("");
        Version::parse(rest).is_err() && crate::git::pep440_pre(rest).is_some()
    };
    let tags = repo.tags_under(prefix);
    tags.iter()
        .any(|(t, _)| t != name && spelled(t))
        .then_some(version)
}

/// The fix for floating tag `name` (`v2`) while `[version] floating_tags` is off: a tag of that
/// name never passes, made again or not, and no release makes one, so the setting or the tag
/// goes. `None` for any other name.
pub fn floating_fix(config: &Config, name: &str) -> Option<String> {
    let rest = name.strip_prefix(config.version.tag_prefix.as_str())?;
    (!config.version.floating_tags && floating(rest)).then(|| {
        format!(
            "if this project moves floating tags, set `[version] floating_tags = true` in .relconfig.toml and commit it on this branch; else delete the tag (`git tag -d {}`)",
            crate::shellword::quote(name)
        )
    })
}

/// The command that makes a release of what `config` releases: `relhook release`, or in a
/// package's view `relhook release --package NAME`.
pub fn release_command(config: &Config) -> String {
    config.release_command()
}

/// The problems with release tag `name` pointing at `target` (a tag object or a commit).
pub fn problems(
    repo: &Repo,
    config: &Config,
    name: &str,
    target: Oid,
    depth: Depth<'_>,
) -> Vec<String> {
    let prefix = &config.version.tag_prefix;
    let raw = &name[prefix.len().min(name.len())..];
    // Digits of another script, or a leading zero: said with the tag to make instead.
    let odd = super::digits::refusal(config, name, raw);
    if let Some(said) = odd.or_else(|| super::zeros::refusal((repo, target), config, name, raw)) {
        return vec![said];
    }
    let version = match Version::parse(raw) {
        Ok(v) => v,
        // PEP 440's pre-release (`1.2.0rc1`) where the release tags are spelled so (poetry's):
        // read as the pre-release it stands for, as every listing of release tags reads it.
        Err(_) if let Some(v) = pep440_spelled_here(repo, config, name, raw) => v,
        Err(_) if floating(raw) => {
            return vec![format!(
                "`{name}` is not `{prefix}` + a SemVer version but a floating tag (`{prefix}N` or `{prefix}N.M`, which GitHub Actions move to each release); to make and move such tags, set `[version] floating_tags = true` in .relconfig.toml"
            )];
        }
        // PEP 440's spelling (`v1.0.0b1`) where no release tag is: SemVer's is named (one
        // that orders otherwise, `.dev1`, relhook would pass over).
        Err(_) if let Some(v) = crate::history::version::files::semver_spelling(raw) => {
            let why = match crate::git::pep440_pre(raw) {
                Some(_) => "this project's release tags spell versions as SemVer",
                None => {
                    "relhook reads release tags as SemVer, and PEP 440's pre-releases only as `1.2.0a1`, `1.2.0b1`, `1.2.0rc1`, so it would pass it over"
                }
            };
            return vec![format!(
                "`{name}` is PEP 440's spelling of {v}, and {why}; tag {prefix}{v} instead: `git tag -a {prefix}{v} -m \"release {v}\"`"
            )];
        }
        Err(e) => {
            return vec![format!(
                "`{name}` is not `{prefix}` + a SemVer version ({}); e.g. `{prefix}1.2.3` or `{prefix}1.3.0-rc.1`",
                crate::history::version::unparsed::why_not(raw, &e)
            )];
        }
    };
    // 0.0.0 says "no version yet" (semantic-release's placeholder), never a release.
    if depth == Depth::Create && crate::release::is_placeholder(&version) {
        return vec![format!(
            "{version} is no version: relhook reads 0.0.0 as \"no version yet\", never as a release; tag `{prefix}{}` or above, or let the commits decide: `{}`",
            config.version.initial,
            release_command(config)
        )];
    }
    // SemVer precedence ignores build metadata: `v0.2.0+build.5` would stand for 0.2.0 and
    // block `v0.2.0` for good. Not made, nor published (one made past the hook); no listing
    // of release tags counts one (see `git::release_version`). Published at or below the
    // release it descends from, that is what is said (its version is past).
    if !version.build.is_empty() {
        let below = |c| greatest_below(repo, config, c, name);
        let past = depth != Depth::Create
            && (repo.peel_to_commit(target))
                .and_then(below)
                .is_some_and(|g| version.cmp_precedence(&g.1).is_le());
        if !past {
            return vec![build_metadata(prefix, name, &version)];
        }
    }
    let mut out = Vec::new();
    let kind = repo.object_kind(target);
    if kind == Some(ObjectKind::Commit) && !config.release.allow_lightweight_tags {
        out.push(lightweight(config, name, Depth::Create, None, None));
    }
    let Some(commit) = repo.peel_to_commit(target) else {
        out.push(format!("`{name}` does not point at a commit"));
        return out;
    };
    let mut past = false;
    if let Some(greatest) = greatest_below(repo, config, commit, name) {
        if version.cmp_precedence(&greatest.1).is_le() {
            past = true;
            // A package's next version is its own, not the repository's.
            let next = match &config.package {
                Some(p) => format!("relhook version --next --package {}", p.name),
                None => "relhook version --next".to_owned(),
            };
            out.push(format!(
                "`{name}` is not greater than {} which it descends from; versions only go up (the next one is `{next}`)",
                greatest.0
            ));
        }
    }
    // A channel's branch makes its own pre-releases (`[release] channels`).
    let on = (name, &version);
    out.extend(super::channel::problem(
        repo,
        config,
        on,
        (target, commit),
        depth,
    ));
    if out.is_empty() {
        out.extend(below_a_section(repo, config, &version, commit));
    }
    out.extend(repeated_section(repo, config, &version, commit));
    // Made again above its release commit: what came after would be released as this version.
    let made = matches!(depth, Depth::Publish(..));
    let later = super::later::past_release_commit(repo, config, name, &version, commit, made);
    // On the commit that wrote the section, shipping a change that commit left in Unreleased.
    let shipped = later
        .is_none()
        .then(|| crate::release::shipped_unlisted(repo, config, (name, &version), commit, made));
    out.extend(later.map(|(why, _, _)| why));
    out.extend(shipped.flatten().map(|(why, fix)| {
        let at = crate::git::short_id(commit);
        // Pre-push names the fix on its own line; the hand tag's refusal has only this one.
        match made {
            true => format!("{name} is on {at}, {why}"),
            false => format!("{name} would be on {at}, {why}; {fix}"),
        }
    }));
    // On its release commit, rebased over changes a release made now would tell: made again.
    out.extend(crate::release::stale_tagged(repo, config, name, commit, made).map(|(why, _)| why));
    if let Depth::Publish(..) = depth {
        // On another release's commit, nothing since: no release makes it, as the hand-tag
        // hook says (its section and files would send to a release that refuses).
        let released = (!past)
            .then(|| super::nothing_since::on_released(repo, config, name, &version, commit))
            .flatten();
        let unreleased = released.is_none();
        if let Some(why) = released {
            out.push(why);
        } else {
            // A past version is made by no release: its section is no way to it.
            if !past {
                out.extend(section_problems(
                    repo, config, name, &version, commit, depth,
                ));
            }
            out.extend(version_file_problems(repo, config, name, &version, commit));
        }
        // The tag is there already (`git tag -a` of its name fails): made again annotated
        // where it is when nothing else is wrong there, else deleted and released; a past
        // version is released by no command, so the release names none.
        // A commit no release makes it on (released, nothing since) names no way to one.
        if out.first().is_some_and(|l| l.contains(LIGHTWEIGHT)) {
            let alone = (out.len() == 1).then_some(commit);
            let version = (!past).then(|| version.to_string());
            out[0] = match unreleased {
                true => lightweight(config, name, depth, alone, version.as_deref()),
                false => unreleasable(name),
            };
        }
    }
    out
}

/// Why release tag `name` of `version`, which has build metadata, is no release name.
fn build_metadata(prefix: &str, name: &str, version: &Version) -> String {
    let mut plain = version.clone();
    plain.build = semver::BuildMetadata::EMPTY;
    format!(
        "`{name}` has build metadata (`+{}`), which SemVer precedence ignores, so as a release it would block `{prefix}{plain}` for good; tag `{prefix}{plain}` and put the build in the tag message",
        version.build
    )
}

/// A version below a release section of the changelog at `commit` (released before, its tag
/// perhaps left on a commit rewritten since): versions only go up.
fn below_a_section(repo: &Repo, config: &Config, version: &Version, commit: Oid) -> Option<String> {
    let stored = crate::history::sync::stored_at(repo, commit, &config.changelog.path)?;
    let greatest = crate::release::above::greatest_of(stored.log.as_deref()?)?;
    let command = release_command(config);
    let r =
        crate::release::above::refusal(repo, config, commit, &greatest, version, false, &command)?;
    Some(format!("{}; {}", r.what, r.fix.unwrap_or_default()))
}

/// The version headed more than once in the changelog at `commit`: which section is the
/// release's (its notes, its tag message) cannot be told.
fn repeated_section(
    repo: &Repo,
    config: &Config,
    version: &Version,
    commit: Oid,
) -> Option<String> {
    let path = config.changelog.path.display();
    let log = crate::history::sync::changelog_at(repo, commit, &config.changelog.path)?;
    let at = log.repeated_lines(&version.to_string())?;
    let (what, fix) = crate::history::changelog::repeated_version(&version.to_string(), &at);
    Some(format!("{path}: {what}; in {path}, {fix}"))
}

/// The greatest other release tag reachable from `commit`.
pub(super) fn greatest_below(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    except: &str,
) -> Option<(String, Version)> {
    let prefix = &config.version.tag_prefix;
    let (name, _) = repo.latest_release_tag_except(commit, prefix, Some(except))?;
    let version = Version::parse(&name[prefix.len()..]).ok()?;
    Some((name, version))
}

/// The command that makes lightweight release tag `name` on `commit`, found by pre-push with
/// `problems`, again annotated where it is: when that is all that is wrong with it (a release
/// made now would find its version released and refuse).
pub fn annotated_here(
    config: &Config,
    name: &str,
    commit: Oid,
    problems: &[String],
) -> Option<String> {
    let alone = matches!(problems, [only] if only.contains(LIGHTWEIGHT));
    alone.then(|| again_here(config, name, commit))
}

/// At the tagged commit, the changelog has the version's section, and it is not empty: a
/// release never has empty notes (`relhook notes` would refuse them). `depth`: `Create` for a
/// hand tag being made (the hook runs, the tag is not there yet), `Publish` for one made
/// already; the hook that writes the section for a hand tag is named only where it runs.
pub fn section_problems(
    repo: &Repo,
    config: &Config,
    name: &str,
    version: &Version,
    commit: Oid,
    depth: Depth<'_>,
) -> Vec<String> {
    let (hand, made) = match depth {
        Depth::Create => (HandTags::Released, false),
        Depth::Publish(hand, _) => (hand, true),
    };
    let path = &config.changelog.path;
    let section = crate::history::sync::has_section_at(repo, commit, path, version);
    // The mark of a package's last release that the root's tag made has none by nature.
    if !section && crate::release::packages::marks_root_release(repo, config, version, commit) {
        return Vec::new();
    }
    if !section {
        // On a channel's branch, the releases it takes (a stable one on purpose, which no
        // hand tag makes there); a tag pushed from elsewhere, its channel's.
        let (release, refused) =
            super::channel::releases_taken(repo, config, (name, version), (commit, depth));
        let hook = match hand {
            _ if refused => "",
            HandTags::Released => ", or let the hook write it when you tag",
            HandTags::Plain => "",
        };
        return vec![format!(
            "{} at `{name}` has no `## [{version}]` section; release {release}{hook}",
            path.display(),
        )];
    }
    // A conflict or nothing in it: the hand tag (not made yet) says the fix; pre-push, on
    // a tag made already, says it on its own line (see `section_fix`).
    let Some(fault) = crate::release::notes::fault_at(repo, config, version, commit) else {
        return Vec::new();
    };
    let problem = fault.problem(config, name);
    match made {
        true => vec![problem],
        false => vec![format!(
            "{problem}; {}",
            fault.fix(config, name, version, false)
        )],
    }
}

/// Pre-push's fix for release tag `name` (made already) whose section at `commit` has
/// unresolved conflict markers or nothing in it, when `problems` name that; else `None`.
pub fn section_fix(
    repo: &Repo,
    config: &Config,
    (name, version, commit): (&str, &Version, Oid),
    problems: &[String],
) -> Option<String> {
    let fault = crate::release::notes::fault_at(repo, config, version, commit)?;
    let problem = fault.problem(config, name);
    problems
        .contains(&problem)
        .then(|| fault.fix(config, name, version, true))
}

/// At the tagged commit, every version file says the version: those that do not, in one line.
pub fn version_file_problems(
    repo: &Repo,
    config: &Config,
    name: &str,
    version: &Version,
    commit: Oid,
) -> Option<String> {
    let files = crate::release::unset::files_not_at(repo, config, version, commit);
    (!files.is_empty()).then(|| {
        format!(
            "{} at `{name}`, not {version}",
            crate::release::unset::saying(&files)
        )
    })
}

/// Whether a tag name holds a version (`v1.2.3`, `api-v0.3.0`, `web@1.0.0-rc.1`): with no
/// configuration to tell its prefix, what any release tag would look like.
pub fn names_a_version(name: &str) -> bool {
    let b = name.as_bytes();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    (0..b.len())
        .filter(|&i| crate::git::version_starts_at(b, i))
        .any(|i| {
            let mut parts = name[i..].splitn(3, '.');
            let (major, minor, patch) = (parts.next(), parts.next(), parts.next());
            major.is_some_and(digits)
                && minor.is_some_and(digits)
                && patch.is_some_and(|p| p.starts_with(|c: char| c.is_ascii_digit()))
        })
}

#[cfg(test)]
mod version_name_tests {
    use super::names_a_version;

    #[test]
    fn names_that_hold_a_version() {
        for n in [
            "v1.2.3",
            "1.2.3",
            "api-v0.3.0",
            "web@1.0.0-rc.1",
            "release-10.20.30",
            "v.0.1.0",
        ] {
            assert!(names_a_version(n), "{n}");
        }
        for n in ["nightly", "v1.2", "build-42", "v1.x.3", "2024-01-01"] {
            assert!(!names_a_version(n), "{n}");
        }
    }
}
