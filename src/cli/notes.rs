//! `relhook notes [TAG]`: a release's notes from its changelog section.

use std::io::Write;

use super::args::{Format, NotesArgs};
use super::{Context, Outcome, write_out};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::release::notes::{self, Section};
use crate::{Error, Result};

/// `relhook notes [TAG]`.
pub(super) fn notes(ctx: &Context, args: &NotesArgs) -> Result<Outcome> {
    let (repo, root, config) = ctx.open()?;
    super::huge_changelog::refuse(&repo, &config, "read a release's notes from it")?;
    let head = repo.head().ok_or_else(|| {
        Error::Refused(Refusal::new(
            Reason::NoCommits,
            "nothing is committed yet, so no release has notes",
            "commit your work and release it (`relhook release`), then ask again",
        ))
    })?;
    let tag = match &args.tag {
        Some(t) if t.is_empty() => {
            return Err(Error::Usage(
                "name a release tag (`relhook notes v1.2.0`), or none for the latest".into(),
            ));
        }
        Some(t) => t.clone(),
        None => repo
            .latest_release_tag(head, &config.version.tag_prefix)
            .map(|t| t.0)
            .ok_or_else(|| {
                // History cut short may hold the tag below its boundary: say how to fetch it.
                let prefix = &config.version.tag_prefix;
                if repo.is_shallow() {
                    crate::history::tags::shallow(prefix, None)
                } else if let Err(e) = crate::history::tags::check_tag_prefix(
                    &repo,
                    &config,
                    None,
                    &crate::history::tags::Advise {
                        above: &crate::release::version_above_former(&repo, &config, &root),
                        first: &|| crate::release::first_version(&config, &root),
                    },
                ) {
                    // Release tags under another prefix (`1.2.0` with `tag_prefix = "v"`): the
                    // reason and the `tag_prefix` that reads them, as `version` says.
                    e
                } else if let Some(named) = package_tags(&repo, &config, head) {
                    // A monorepo whose packages are released, the repository itself not.
                    Error::Usage(format!(
                        "the repository has no release tag of its own ({prefix}X.Y.Z), and its packages' notes are asked for by tag: {named}"
                    ))
                } else if let Some((what, remote)) =
                    crate::history::tags::tags_not_fetched(&repo, prefix, None)
                {
                    // A `--no-tags` clone: upstream's releases are not here, not none made.
                    Error::IncompleteHistory {
                        message: format!("{what}, so relhook cannot tell which release's notes"),
                        fix: format!("run `git fetch --tags {remote}` and ask again"),
                    }
                } else if repo.release_tag_candidates(prefix).is_empty() {
                    // Not "name one": there is none to name.
                    Error::Usage(format!(
                        "there is no release tag yet, so no release notes; `{}` makes the first release, whose notes this prints",
                        config.release_command()
                    ))
                } else {
                    Error::Usage("no release tag is reachable from HEAD; name one".into())
                }
            })?,
    };
    let (tag, commit) = tag_commit(&repo, &tag, &release_prefixes(&config, None))?;
    // A package's tag: its notes are the package's (its changelog, as the package was laid out
    // at the tag), and its version is what follows the package's tag prefix.
    let (config, version) = match crate::tag::package_of(&config, &tag) {
        Some(p) => {
            let prefix = p.tag.prefix().len();
            let view = match crate::tag::config_at(&repo, &config, &root, &tag, commit) {
                Some(view) => view,
                None => crate::history::packages::view(&config, &p.name, &root)?,
            };
            (view, tag[prefix..].to_owned())
        }
        None => {
            // A release under a former prefix (`release-1.0.1` before `tag_prefix` became `v`)
            // is read as the release and version and file commands read it: its section.
            let config = match tag.starts_with(config.version.tag_prefix.as_str()) {
                true => config,
                false => under_former_prefix(&repo, &config, &tag, commit).unwrap_or(config),
            };
            let prefix = config.version.tag_prefix.as_str();
            // A version tag without the prefix (`0.1.1` where tags are `v0.1.1`): not one of
            // this project's release tags, whose notes would start at its first commit.
            let Some(version) = tag.strip_prefix(prefix).map(str::to_owned) else {
                // A package's tag of a monorepo no `[packages]` table names (commitlint's
                // `@commitlint/cli@22.0.0`): the table is the way, not the root's prefix.
                if let Some((name, v)) = package_tag(&tag) {
                    return Err(Error::Usage(format!(
                        "{tag} reads as package `{name}`'s tag of {v}, and no `[packages]` table in .relconfig.toml names that package: add `{table}` with its directory as `path` and `tag = {template}` (`relhook init` proposes the packages it finds)",
                        table = crate::config::toml_text::package_table(name),
                        template = crate::config::toml_text::string(&format!(
                            "{name}{}{{version}}",
                            &tag[name.len()..tag.len() - v.len()]
                        )),
                    )));
                }
                return Err(Error::Usage(format!(
                    "{tag} is not a release tag here: release tags are `{prefix}1.2.0` ({}); if this project's tags have no prefix, set `tag_prefix = \"\"` under [version] in {}",
                    config.tag_prefix_origin(),
                    config.file_to_edit()
                )));
            };
            // A tag that names no version (`v` alone, `vnext`) is no release: it has no notes.
            // (A PEP 440 one, `v1.0.0b1`, names one.)
            if !version.starts_with(|c: char| c.is_ascii_digit()) {
                let list = crate::shellword::quote(&format!("{prefix}[0-9]*"));
                let form = match prefix {
                    "" => "a SemVer version (`1.2.0`; `tag_prefix` is empty)".to_owned(),
                    p => format!("`{p}` and a SemVer version (`{p}1.2.0`)"),
                };
                return Err(Error::Usage(format!(
                    "{tag} is not a release tag: release tags are {form}; name one (`git tag -l {list}` lists them)"
                )));
            }
            // A floating tag (`v2`, which GitHub Actions move to each release of that line) is
            // no release: its notes are those of the release it is on.
            if crate::tag::rules::floating(&version) {
                let on = (repo.release_tag_candidates(prefix).into_iter())
                    .filter(|t| t.commit == commit)
                    .max_by(|a, b| a.version.cmp_precedence(&b.version))
                    .map(|t| {
                        let q = crate::shellword::quote(&t.name);
                        format!(
                            "; it is on {}, whose notes `relhook notes {q}` prints",
                            t.name
                        )
                    });
                return Err(Error::Usage(format!(
                    "{tag} is a floating tag (`{prefix}N` or `{prefix}N.M`, which GitHub Actions move to each release), not a release{}",
                    on.unwrap_or_default()
                )));
            }
            (config, version)
        }
    };
    let version = version.as_str();
    let notes = release_notes(&repo, &config, commit, &tag, version)?;
    repo.all_fetched()?;
    if args.format == Format::Json {
        super::json::print(&super::json::NotesReport {
            schema_version: super::json::SCHEMA_VERSION,
            tag: &tag,
            version,
            commit: commit.to_string(),
            notes: &notes,
        })?;
    } else {
        write_out(|out| out.write_all(notes.as_bytes()))?;
    }
    Ok(Outcome::Ok)
}

/// The notes of `tag`: its changelog section as written, or, where the changelog has none,
/// built from its commits (said on stderr). Never empty: a release with nothing to say, or a
/// section relhook cannot tell for sure, is refused in one line, so that `relhook notes |
/// gh release create --notes-file -` does not publish an empty or wrong release.
fn release_notes(
    repo: &Repo,
    config: &Config,
    commit: git2::Oid,
    tag: &str,
    version: &str,
) -> Result<String> {
    let path = config.changelog.path.display().to_string();
    let by_hand =
        format!("write this release's notes by hand (`gh release create {tag} --notes-file FILE`)");
    let refuse =
        |what: String, fix: String| Error::Refused(Refusal::new(Reason::NoNotes, what, fix));
    let doing = "read this release's notes from it";
    super::huge_changelog::refuse_stored(repo, config, (commit, tag), doing, &by_hand)?;
    let file = repo.file_at(commit, &config.changelog.path)?;
    let file = file.map(|f| String::from_utf8_lossy(&f.bytes).into_owned());
    let found = file.as_deref().map(|f| notes::section(f, version));
    if let Some(line) = file.as_deref().and_then(|f| notes::conflict_in(f, version)) {
        return Err(refuse(
            format!(
                "{path}:{line} at {tag}: the section for {version} has unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`), which are no release notes"
            ),
            format!("{by_hand}, and resolve the conflict in {path}"),
        ));
    }
    let why = match found {
        Some(Section::Found { text, .. }) if !text.is_empty() => return Ok(text),
        Some(Section::Found { line, .. }) => {
            return Err(refuse(
                format!(
                    "{path} at {tag}: the section for {version} (line {line}) is empty, so there are no notes to print"
                ),
                by_hand,
            ));
        }
        Some(Section::Ambiguous(lines)) => {
            // As the hooks and `relhook doctor` refuse it.
            let (what, fix) = crate::history::changelog::repeated_version(version, &lines);
            return Err(refuse(
                format!("{path} at {tag}: {what}"),
                format!("{by_hand}, and in {path}, {fix}"),
            ));
        }
        Some(Section::Missing {
            mention: Some(line),
        }) => format!(
            "{path} at {tag} has no section for {version} (line {line} names it, but not in a heading relhook reads as a version's)"
        ),
        Some(Section::Missing { mention: None }) => {
            format!("{path} at {tag} has no section for {version}")
        }
        None => format!("{path} is not in {tag}"),
    };
    let (built, since) = notes::from_history(repo, config, tag).map_err(|e| match e {
        // Which notes could not be built, and why they were to be built from commits.
        Error::IncompleteHistory { message, fix } => Error::IncompleteHistory {
            message: format!("no notes for {tag}: {why}, and {message}"),
            fix,
        },
        e => e,
    })?;
    if built.is_empty() {
        return Err(refuse(
            format!("no notes for {tag}: {why}, and no commit since {since} has a changelog entry"),
            by_hand,
        ));
    }
    let _ = writeln!(
        crate::cli::stream::stderr(),
        "relhook: note: {why}; these notes are built from the commits since {since}"
    );
    Ok(built)
}

/// The tag `name` names and its commit. A version without the release prefix (`0.1.0` where
/// the tag is `v0.1.0`) names the one tag of that version under `prefixes`: the prefix makes
/// it plain which tag is meant. Several such tags are refused, naming them.
pub(super) fn tag_commit(
    repo: &crate::git::Repo,
    name: &str,
    prefixes: &[&str],
) -> Result<(String, git2::Oid)> {
    let tag = version_tag(repo, name, prefixes)?.unwrap_or_else(|| name.to_owned());
    let commit = repo
        .revparse_commit(&format!("refs/tags/{tag}^{{commit}}"))
        .map_err(|e| match e {
            // A tag, not a range: the range hint (`main..HEAD`) would mislead.
            // A tag of a tree or a blob (`git tag v1 HEAD^{tree}`) is here, but names no commit.
            Error::Range { .. } if repo.tag_target(&tag).is_some() => Error::Usage(format!(
                "tag `{tag}` names no commit (it points at a tree or a blob), so it is no release to take notes of"
            )),
            Error::Range { .. } => {
                // Not a version (`next` beside `vnext`): named, not taken for it.
                let prefixed = (prefixes.iter())
                    .filter(|p| !p.is_empty())
                    .map(|p| format!("{p}{tag}"))
                    .find(|t| repo.tag_target(t).is_some());
                let hint = match prefixed {
                    Some(prefixed) => format!("did you mean `{prefixed}`?"),
                    None => "`git tag -l` lists the tags; `git fetch --tags` brings the remote's"
                        .to_owned(),
                };
                Error::Usage(format!("no tag `{tag}` here ({hint})"))
            }
            e => e,
        })?;
    Ok((tag, commit))
}

/// The release tag a bare version (`3.5.41`) stands for when no tag has that name: the one
/// tag of it under `prefixes`; `None` when there is none (or `name` is no version).
fn version_tag(repo: &crate::git::Repo, name: &str, prefixes: &[&str]) -> Result<Option<String>> {
    if repo.tag_target(name).is_some() || !name.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(None);
    }
    let mut found: Vec<String> = (prefixes.iter())
        .filter(|p| !p.is_empty())
        .map(|p| format!("{p}{name}"))
        .filter(|t| repo.tag_target(t).is_some())
        .collect();
    found.sort();
    found.dedup();
    if found.len() > 1 {
        let list = found.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>();
        return Err(Error::Usage(format!(
            "no tag `{name}` here, and {name} is the version of several release tags ({}): name the one meant",
            list.join(", ")
        )));
    }
    Ok(found.pop())
}

/// The tag prefixes a bare version is looked up under: package `package`'s alone, else the
/// repository's own and every package's.
pub(super) fn release_prefixes<'c>(config: &'c Config, package: Option<&str>) -> Vec<&'c str> {
    let named = package.and_then(|n| config.packages.iter().find(|p| p.name == n));
    if let Some(p) = named {
        return vec![p.tag.prefix()];
    }
    let packages = config.packages.iter().map(|p| p.tag.prefix());
    std::iter::once(config.version.tag_prefix.as_str())
        .chain(packages)
        .collect()
}

/// A tag under a former `tag_prefix` of this project (one a configuration committed before
/// set, as the one stored at the tag's own commit): the configuration that reads it, with that
/// prefix. Not the other usual prefix alone: `0.1.1` beside `v0.1.0` is a
/// slip of the prefix, no release. The longest prefix that leaves a SemVer version wins.
fn under_former_prefix(
    repo: &Repo,
    config: &Config,
    tag: &str,
    commit: git2::Oid,
) -> Option<Config> {
    let mut prefixes = crate::history::tags::configured_before(repo, config);
    prefixes.extend(crate::history::tags::stored_prefix(repo, commit));
    let prefix = (prefixes.into_iter())
        .filter(|p| {
            let version = tag.strip_prefix(p.as_str());
            version.is_some_and(|v| semver::Version::parse(v).is_ok())
        })
        .max_by_key(String::len)?;
    let mut view = config.clone();
    view.version.tag_prefix = prefix;
    Some(view)
}

/// The latest release tag of each package reachable from `head`, as the commands that print
/// their notes (`relhook notes api-v1.2.0`); `None` without packages or package tags.
fn package_tags(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
    head: git2::Oid,
) -> Option<String> {
    let named: Vec<String> = config
        .packages
        .iter()
        .filter_map(|p| repo.latest_release_tag(head, p.tag.prefix()))
        .map(|(tag, _)| format!("`relhook notes {}`", crate::shellword::quote(&tag)))
        .collect();
    (!named.is_empty()).then(|| named.join(", "))
}

/// The package and version a monorepo's tag names (`@scope/cli@1.2.0`, `cli-v1.2.0`,
/// `cli@1.2.0`): the name before the last `@` or `-v`, a SemVer version after it.
fn package_tag(tag: &str) -> Option<(&str, &str)> {
    ["@", "-v"].iter().find_map(|sep| {
        let at = tag.rfind(sep)?;
        let (name, version) = (&tag[..at], &tag[at + sep.len()..]);
        (!name.is_empty() && semver::Version::parse(version).is_ok()).then_some((name, version))
    })
}

#[cfg(test)]
mod tests {
    use super::package_tag;

    #[test]
    fn a_monorepos_tags_name_their_package_and_version() {
        assert_eq!(
            package_tag("@commitlint/cli@22.0.0"),
            Some(("@commitlint/cli", "22.0.0"))
        );
        assert_eq!(package_tag("api-v1.2.0-rc.1"), Some(("api", "1.2.0-rc.1")));
        assert_eq!(package_tag("core@0.3.0"), Some(("core", "0.3.0")));
        for not in ["1.2.0", "v1.2.0", "@1.2.0", "x@latest", "nightly"] {
            assert_eq!(package_tag(not), None, "{not}");
        }
    }
}
