//! `init`: writes `.relconfig.toml` (every key, commented, at its default, and a
//! `[packages.<name>]` table for each package of a workspace it finds) and a Keep a
//! Changelog `CHANGELOG.md` skeleton, both from `templates/`, and never overwrites either.
//! The configuration text is `config_text`'s; the project's test command, as its files give
//! it away, `test_command`'s.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::history::packages::tag_forms::VersionTag;
use crate::{Result, fsx};

pub mod branches;
mod cog_types;
pub mod commit_types;
mod config_text;
mod js_literal;
mod release_message;
mod test_command;

pub use config_text::{CONFIG_TEMPLATE, render_config, toml_argv};
use config_text::{
    with_changelog_path, with_minor_types, with_order, with_sections, with_tool_releases_ignored,
    with_types, with_version_files,
};
use test_command::guess_test_command;
pub use test_command::{
    NO_TEST_COMMAND, evident_test_command, example_test_command, npm_placeholder_test,
    placeholder_test_script, runs_test_script,
};

/// The changelog's file name (`changelog.path`'s default).
pub const CHANGELOG_FILE: &str = "CHANGELOG.md";

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InitFile {
    /// The file.
    pub path: PathBuf,
    /// `true`: written; `false`: it existed and was left alone.
    pub written: bool,
}

/// What `init` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Initialised {
    /// `.relconfig.toml`, then `CHANGELOG.md` (unless left out).
    pub files: Vec<InitFile>,
    /// Why no `CHANGELOG.md` was written where there is none (a sentence).
    pub changelog_left_out: Option<String>,
    /// The changelog the new configuration names instead of `CHANGELOG.md`: the one the
    /// project keeps under that name in another letter case (`changelog.md`), or under another
    /// common name (HISTORY.md) where there is no CHANGELOG.md.
    pub changelog_adopted: Option<PathBuf>,
    /// What became of cog.toml's `[changelog] path` (a sentence): set as `[changelog] path`,
    /// or why not (a path outside the repository).
    pub cog_changelog: Option<String>,
    /// The test command set in `[checks] test`, when one was guessed from the project.
    pub test_command: Option<String>,
    /// The packages found (a Cargo, npm, yarn or pnpm workspace, Python projects), and their
    /// `[packages.*]` tables: in the new `.relconfig.toml`, or to add to the existing one.
    pub packages: Vec<crate::history::packages::detect::Found>,
    /// Those tables.
    pub package_tables: String,
    /// Why no tables are proposed for a workspace released as one project (a sentence).
    pub one_project: Option<String>,
    /// The `tag_prefix` set from the release tags there (when not the default `v`), and the
    /// greatest of those tags.
    pub tag_prefix: Option<(String, String)>,
    /// The workspace members not proposed because they are never published, and what says so
    /// (a sentence).
    pub left_out: Option<String>,
    /// Why the members the repository's own tags release are not proposed as packages (a
    /// sentence).
    pub root_member: Option<String>,
    /// The packages found but not proposed, as the configuration would refuse them beside the
    /// others (one inside another's directory, tags of one form), and why (a sentence).
    pub set_apart: Option<String>,
    /// For each package whose tags use two forms, the one proposed (its newest release's) and
    /// the older (a sentence).
    pub older_forms: Vec<String>,
    /// The tags left out of the root's as a package's (a package gone from the workspace),
    /// and why (a sentence).
    pub packages_tags: Option<String>,
    /// The manifests below the top that no workspace lists (a standalone crate beside an npm
    /// workspace): no table is proposed for them, and this sentence says so.
    pub unlisted: Option<String>,
    /// Why version file detection is off: the files found hold semantic-release's placeholder
    /// (`0.0.0-development`), so the version comes from tags only (a sentence).
    pub tags_only: Option<String>,
    /// The commit types the project allows already (commitlint's `type-enum`, vue's
    /// `verify-commit.js`), set in `[commit] types` of a new configuration, or why not read.
    pub commit_types: Option<commit_types::ProjectTypes>,
    /// The `[release] branches` set from where the release tags are (pre-release lines on
    /// branches of their own), and why (a sentence); `None`: the default stays.
    pub release_branches: Option<String>,
    /// The `[release] commit_message` set from the project's own release commits, and why (a
    /// sentence); `None`: the default stays.
    pub release_message: Option<String>,
}

/// Writes the two files into `root` (the top of the work tree) where they do not exist. `tags`
/// are the repository's tags that end in a version: the tag forms proposed are theirs, but for
/// the prefixes `package_s` says are a package's (a package gone from the workspace), which
/// are never the root's. `stored(tag, path)` is a file's text at a tag's commit; `deleted(path)`
/// says which commit deleted the changelog at `path` with what it held (read once the
/// configuration is written); `tracked(path)`, whether HEAD holds a file. `tool_releases`: the
/// history holds release commits another tool made, which `[commit] ignore` then passes.
/// `branches(prefix)`: the release branches the tags under `prefix` show; `released(prefix)`,
/// the newest release tags under `prefix` (newest first), each as its version and the header
/// of its commit.
#[allow(clippy::too_many_arguments)]
pub fn init(
    root: &Path,
    tags: &[VersionTag],
    package_s: &dyn Fn(&str) -> bool,
    stored: &dyn Fn(&str, &Path) -> Option<String>,
    deleted: &dyn Fn(&Path) -> Option<String>,
    tracked: &dyn Fn(&Path) -> bool,
    tool_releases: bool,
    branches: &dyn Fn(&str) -> Option<branches::Proposed>,
    released: &dyn Fn(&str) -> Vec<(String, String)>,
) -> Result<Initialised> {
    let test_command = guess_test_command(root);
    let mut packages = crate::history::packages::detect::detect(root);
    // Crates of one version released under the repository's own tags: one project.
    let others: Vec<String> = packages
        .iter()
        .filter(|f| f.from != "Cargo workspace")
        .map(|f| f.name.clone())
        .collect();
    let lockstep = crate::history::packages::lockstep::lockstep(root, tags, &others);
    if lockstep.is_some() {
        packages.retain(|f| f.from != "Cargo workspace");
    }
    // A crate whose changelog release-plz keeps at the top: its tags are the root's.
    let plz_names = crate::history::packages::release_plz::root_changelog_packages(root);
    let (plz, rest): (Vec<_>, Vec<_>) = packages
        .into_iter()
        .partition(|f| plz_names.contains(&f.name));
    packages = rest;
    let adopted = crate::history::packages::tag_forms::adopt(&mut packages, tags, package_s);
    let tag_prefix = adopted.root;
    let packages_tags = crate::history::packages::former::sentence(root, &adopted.packages_tags);
    let prefix = tag_prefix.as_ref().map_or("v", |p| p.0.as_str());
    // The members released under the repository's own tags: the root project's.
    let root_members = match lockstep {
        None => crate::history::packages::root_member::root_members(
            root, &packages, tags, prefix, stored,
        ),
        Some(_) => Vec::new(),
    };
    packages.retain(|f| !root_members.iter().any(|m| m.name == f.name));
    let mut root_member = crate::history::packages::root_member::sentence(&root_members);
    let plz_members = plz_root_members(plz, &mut packages, tags, prefix);
    if let Some(sentence) = crate::history::packages::release_plz::sentence(&plz_members) {
        root_member = Some(root_member.map_or(sentence.clone(), |s| format!("{s} {sentence}")));
    }
    let root_members = [root_members, plz_members].concat();
    // What the configuration would refuse beside the rest (a member inside another's
    // directory, one tag form for two): proposed, no command would load it.
    let set_apart = crate::history::packages::apart::set_apart(&mut packages, prefix);
    let lockstep = lockstep.map(|l| {
        let files = l.manifests.iter().map(|m| (m.clone(), "package.version"));
        (l.sentence(prefix), files.collect::<Vec<_>>())
    });
    // Packages at the root package.json's version: a release bumps theirs with it.
    let npm_files = match lockstep {
        None if root_members.is_empty() => {
            crate::history::packages::npm_lockstep::member_manifests(root)
        }
        _ => Vec::new(),
    };
    let one_project = lockstep
        .as_ref()
        .map(|(sentence, _)| sentence.clone())
        .or_else(|| crate::history::packages::detect::one_project(root))
        .map(|sentence| match npm_files.is_empty() {
            true => sentence,
            false => format!(
                "{sentence} A release bumps the root package.json and the packages' package.json files, listed in `[version] files`."
            ),
        });
    let mut passed_over = match (&lockstep, &one_project) {
        (Some(_), Some(sentence)) => crate::history::packages::detect::comment(sentence),
        (None, Some(sentence)) if !npm_files.is_empty() => {
            crate::history::packages::detect::comment(sentence)
        }
        _ => crate::history::packages::detect::passed_over(root),
    };
    if let Some(sentence) = &root_member {
        passed_over += &crate::history::packages::detect::comment(sentence);
    }
    // Only the packages still proposed.
    let older_forms: Vec<String> = adopted
        .older_forms
        .into_iter()
        .filter(|(name, _)| packages.iter().any(|f| f.name == *name))
        .map(|(_, sentence)| sentence)
        .collect();
    let root_version = tags
        .iter()
        .filter(|(p, _, _)| p == prefix)
        .map(|(_, _, v)| v)
        .max();
    let root_version = root_version.map(ToString::to_string);
    let unlisted =
        crate::history::packages::unlisted::unlisted(root, &packages, root_version.as_deref());
    let said = set_apart.iter().chain(&older_forms).chain(&packages_tags);
    for sentence in said.chain(&unlisted) {
        passed_over += &crate::history::packages::detect::comment(sentence);
    }
    let package_tables = crate::history::packages::detect::render(&packages) + &passed_over;
    let config = root.join(crate::config::FILE_NAME);
    let prefix = tag_prefix.as_ref().map(|p| p.0.as_str());
    let mut text = render_config(test_command.as_deref(), prefix);
    // Not evident: the commented example is one for this project (`go test ./...` for a Go
    // module), not the template's `cargo test`.
    if test_command.is_none() {
        let example = toml_argv(&example_test_command(root, None));
        text = text.replacen(
            "# test = [\"cargo\", \"test\"]\n",
            &format!("# test = {example}\n"),
            1,
        );
    }
    if tool_releases {
        text = with_tool_releases_ignored(&text);
    }
    let project_types = commit_types::project_types(root);
    if let Some(commit_types::ProjectTypes::Read {
        types,
        from,
        sections,
        order,
        minor_types,
    }) = &project_types
    {
        text = with_types(&text, types, from);
        if let Some(sections) = sections {
            text = with_sections(&text, sections, from);
        }
        if let Some(order) = order {
            text = with_order(&text, order, from);
        }
        if let Some(minor) = minor_types {
            text = with_minor_types(&text, minor, from);
        }
    }
    if let Some((_, manifests)) = &lockstep {
        text = with_version_files(&text, manifests);
    } else if !npm_files.is_empty() {
        let files: Vec<_> = npm_files.iter().map(|m| (m.clone(), "version")).collect();
        text = with_version_files(&text, &files);
    } else if !root_members.is_empty() {
        let files: Vec<_> = root_members
            .iter()
            .map(|m| (m.manifest.clone(), m.key))
            .collect();
        text = with_version_files(&text, &files);
    }
    let release_branches = branches(prefix.unwrap_or("v"));
    if let Some(p) = &release_branches {
        let listed: Vec<String> = (p.branches.iter())
            .map(|b| crate::config::toml_text::string(b))
            .collect();
        text = text.replacen(
            "\nbranches = [\"main\", \"master\"]\n",
            &format!("\nbranches = [{}]\n", listed.join(", ")),
            1,
        );
        if !p.channels.is_empty() {
            text = text.replacen(CHANNELS_EXAMPLE, &channels_table(&p.channels), 1);
        }
    }
    let released = released(prefix.unwrap_or("v"));
    let release_message = release_message::proposed(&released);
    if let Some(message) = &release_message {
        text = text.replacen(
            "\ncommit_message = \"chore(release): {version}\"\n",
            &format!(
                "\ncommit_message = {}\n",
                crate::config::toml_text::string(message)
            ),
            1,
        );
    }
    let tags_only = tags_only(root);
    if tags_only.is_some() {
        text = text.replacen("\ndetect = true\n", "\ndetect = false\n", 1);
    }
    let text = text + &package_tables;
    // A changelog kept as `changelog.md` is the project's: a new configuration names it, as a
    // CHANGELOG.md beside it would be a second changelog, and one file with it where letter
    // case does not count (macOS, Windows).
    // So is one kept under another common name (HISTORY.md) that reads as a changelog, where
    // there is no CHANGELOG.md.
    // cog.toml's `[changelog] path` says where the project keeps it: carried, when it stays
    // inside the repository.
    let (text, cog_changelog) = match config.symlink_metadata() {
        Ok(_) => (text, None),
        Err(_) => cog_types::with_changelog(text, &config),
    };
    let adopted = match config.symlink_metadata() {
        Ok(_) => None,
        Err(_) if cog_changelog.as_ref().is_some_and(|c| c.is_ok()) => None,
        Err(_) => crate::history::changelog::case_twin_on_disk(root, Path::new(CHANGELOG_FILE))
            .or_else(|| other_name_kept(root, Path::new(CHANGELOG_FILE)).map(PathBuf::from)),
    };
    let text = match &adopted {
        Some(twin) => with_changelog_path(&text, twin),
        None => text,
    };
    debug_assert!(
        crate::config::Config::parse(&config, &text).is_ok(),
        "init proposes a configuration it refuses: {:?}",
        crate::config::Config::parse(&config, &text).err()
    );
    // A killed `relhook init` left its temporary copy beside the file it was writing.
    crate::git::txn::sweep_beside(root, crate::git::txn::alive);
    let config_written = fsx::write_new(&config, text.as_bytes())?;
    let rel = configured_changelog(&config);
    // A file there already is left as it is; a new one stays inside the work tree.
    let changelog = match root.join(&rel).symlink_metadata() {
        Ok(_) => root.join(&rel),
        Err(_) => fsx::confine_creating(root, &rel)?,
    };
    // A new file where doctor and every release would refuse it, or nobody releases it.
    let root_released = lockstep.is_some() || !npm_files.is_empty() || !root_members.is_empty();
    // A configuration kept from before that names CHANGELOG.md beside a `changelog.md`: no
    // second file (asked by name, a case-insensitive file system finds the other one).
    let twin = crate::history::changelog::case_twin_on_disk(root, &rel);
    let kept_out = match (twin, changelog.symlink_metadata()) {
        (Some(twin), _) => Some(twin_left_out(&rel, &twin, tracked(&twin))),
        (None, Ok(_)) => None,
        (None, Err(_)) if let Some(other) = other_name_kept(root, &rel) => Some(format!(
            "wrote no {}: {}",
            rel.display(),
            crate::history::changelog::other_name::other_name_what_fix(&other)
        )),
        (None, Err(_)) => left_out_changelog(root, &config, &rel, root_released, deleted),
    };
    let mut files = vec![InitFile {
        path: config,
        written: config_written,
    }];
    if kept_out.is_none() {
        let written = fsx::write_new(&changelog, crate::history::changelog::TEMPLATE.as_bytes())?;
        files.push(InitFile {
            path: changelog,
            written,
        });
    }
    Ok(Initialised {
        files,
        changelog_left_out: kept_out,
        changelog_adopted: adopted.filter(|_| config_written),
        cog_changelog: cog_changelog
            .filter(|_| config_written)
            .map(|c| c.unwrap_or_else(|e| e)),
        test_command: test_command.filter(|_| config_written),
        tag_prefix,
        packages,
        package_tables,
        one_project,
        left_out: crate::history::packages::detect::left_out(root),
        root_member,
        set_apart,
        older_forms,
        packages_tags,
        unlisted,
        tags_only,
        commit_types: project_types,
        release_branches: release_branches
            .filter(|_| config_written)
            .map(|p| p.sentence),
        release_message: release_message
            .filter(|_| config_written)
            .zip(released.first())
            .map(|(m, (_, example))| release_message::sentence(&m, example)),
    })
}

/// The template's commented `[release.channels]` example, which init replaces with the
/// channels the release tags show.
const CHANNELS_EXAMPLE: &str = "\n# [release.channels]\n# beta = \"beta\"\n# next = \"rc\"\n";

/// `[release.channels]` with `channels` (branch, identifier), in place of [`CHANNELS_EXAMPLE`].
fn channels_table(channels: &[(String, String)]) -> String {
    let lines: String = (channels.iter())
        .map(|(branch, id)| {
            let c = crate::config::Channel {
                branch: branch.clone(),
                id: id.clone(),
            };
            format!("{}\n", c.setting())
        })
        .collect();
    format!("\n[release.channels]\n{lines}")
}

/// Why detection is turned off, when every version file relhook would find at `root` holds
/// semantic-release's placeholder (package.json and its lock file at `0.0.0-development`):
/// its versions live in tags only, and a detected file would be one to bump or check.
fn tags_only(root: &Path) -> Option<String> {
    let found = crate::history::version::files::detect(root);
    let mut read = Vec::new();
    for f in &found {
        read.push((
            f,
            crate::history::version::files::read_version(root, f).ok()?,
        ));
    }
    let (first, old) = read.first()?;
    if !read
        .iter()
        .all(|(_, v)| crate::history::version::placeholder::tags_only_placeholder(v))
    {
        return None;
    }
    Some(format!(
        "set `[version] detect = false`: {} holds semantic-release's placeholder {old}, so versions come from tags only",
        first.path.display()
    ))
}

/// Why no root changelog is written at `rel` (a sentence): in a monorepo whose root is never
/// released (its package.json private, no version of the root's proposed: `root_released`
/// false), and where a commit deleted the one there with what it held (`deleted`'s sentence),
/// which no writer starts anew (doctor and every release would refuse the new file).
fn left_out_changelog(
    root: &Path,
    config: &Path,
    rel: &Path,
    root_released: bool,
    deleted: &dyn Fn(&Path) -> Option<String>,
) -> Option<String> {
    let monorepo = fsx::regular_text(config)
        .and_then(|text| crate::config::Config::parse(config, &text).ok())
        .is_some_and(|c| !c.packages.is_empty());
    let unreleased = crate::history::packages::private_root::unreleased(root)
        .filter(|_| monorepo && !root_released);
    let why = match unreleased {
        Some(why) => format!("{why}, and each package keeps its own changelog"),
        None => deleted(rel)?,
    };
    Some(format!("wrote no {}: {why}", rel.display()))
}

/// The changelog the project keeps at the top under another common name (HISTORY.md), when
/// `rel` is the top's CHANGELOG.md and it is not there: read only then.
fn other_name_kept(root: &Path, rel: &Path) -> Option<String> {
    if rel != Path::new(CHANGELOG_FILE) || root.join(rel).symlink_metadata().is_ok() {
        return None;
    }
    crate::history::changelog::other_name::kept_under_other_name_on_disk(root)
}

/// Why no changelog is written at `rel` beside `twin`, its name in another letter case
/// (`tracked`: HEAD holds `twin`, which `git mv` renames), with the fix (a sentence).
fn twin_left_out(rel: &Path, twin: &Path, tracked: bool) -> String {
    use crate::history::changelog::{case_twin_fix, case_twin_untracked_fix};
    let key = "`changelog.path` in .relconfig.toml";
    let fix = match tracked {
        true => case_twin_fix(rel, twin, key),
        false => case_twin_untracked_fix(rel, twin, key),
    };
    format!(
        "wrote no {}: {} is there, the same name in another letter case (one file where case does not count, as on macOS and Windows), and relhook makes no second changelog beside it: {fix}",
        rel.display(),
        twin.display()
    )
}

/// The changelog the configuration at `config` names (`changelog.path`), kept when it was
/// there before init: CHANGELOG.md when it names none or cannot be read.
fn configured_changelog(config: &Path) -> PathBuf {
    fsx::regular_text(config)
        .and_then(|text| crate::config::Config::parse(config, &text).ok())
        .map_or_else(|| PathBuf::from(CHANGELOG_FILE), |c| c.changelog.path)
}

/// The crates of `plz` (release-plz keeps their changelog at the top) whose tags are the
/// root's (`prefix`): the root project's; any other goes back to `packages`.
fn plz_root_members(
    plz: Vec<crate::history::packages::detect::Found>,
    packages: &mut Vec<crate::history::packages::detect::Found>,
    tags: &[VersionTag],
    prefix: &str,
) -> Vec<crate::history::packages::root_member::RootMember> {
    let mut members = Vec::new();
    for f in plz {
        match crate::history::packages::release_plz::as_root_member(&f, tags, prefix) {
            Some(m) => members.push(m),
            None => packages.push(f),
        }
    }
    packages.sort_by(|a, b| a.path.cmp(&b.path));
    members
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_writes_once_and_then_leaves_files_alone() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join("package.json"),
            r#"{"scripts":{"test":"jest"}}"#,
        )
        .unwrap();
        // A history without tags, packages, stored or deleted files.
        let run = || {
            init(
                tmp.path(),
                &[],
                &|_| false,
                &|_, _| None,
                &|_| None,
                &|_| false,
                false,
                &|_| None,
                &|_| Vec::new(),
            )
            .unwrap()
        };
        let first = run();
        assert!(first.files.iter().all(|f| f.written));
        assert_eq!(first.test_command.as_deref(), Some(r#"["npm", "test"]"#));
        std::fs::write(tmp.path().join("CHANGELOG.md"), "mine").unwrap();
        let second = run();
        assert!(second.files.iter().all(|f| !f.written));
        assert_eq!(
            std::fs::read(tmp.path().join("CHANGELOG.md")).unwrap(),
            b"mine"
        );
    }
}
