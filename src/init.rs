//! `init`: writes `.relconfig.toml` (every key, commented, at its default, and a
//! `[packages.<name>]` table for each package of a workspace it finds) and a Keep a
//! Changelog `CHANGELOG.md` skeleton, both from `templates/`, and never overwrites either.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::history::packages::tag_forms::VersionTag;
use crate::{Result, fsx};

/// The configuration template: every key at its default (a unit test holds it to that).
pub const CONFIG_TEMPLATE: &str = include_str!("../templates/relconfig.toml");

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
}

/// Writes the two files into `root` (the top of the work tree) where they do not exist. `tags`
/// are the repository's tags that end in a version: the tag forms proposed are theirs, but for
/// the prefixes `package_s` says are a package's (a package gone from the workspace), which
/// are never the root's. `stored(tag, path)` is a file's text at a tag's commit; `deleted(path)`
/// says which commit deleted the changelog at `path` with what it held (read once the
/// configuration is written).
pub fn init(
    root: &Path,
    tags: &[VersionTag],
    package_s: &dyn Fn(&str) -> bool,
    stored: &dyn Fn(&str, &Path) -> Option<String>,
    deleted: &dyn Fn(&Path) -> Option<String>,
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
    let text = text + &package_tables;
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
    let kept_out = match changelog.symlink_metadata() {
        Ok(_) => None,
        Err(_) => left_out_changelog(root, &config, &rel, root_released, deleted),
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
    })
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

/// The configuration text, with `[checks] test` set when the project's test command is
/// evident (`cargo test` for a Cargo.toml...), else left as a commented example, and
/// `tag_prefix` when the release tags there use another than `v`.
pub fn render_config(test_command: Option<&str>, tag_prefix: Option<&str>) -> String {
    let placeholder = "# test = [\"cargo\", \"test\"]\n";
    let text = match test_command {
        Some(argv) => CONFIG_TEMPLATE.replacen(placeholder, &format!("test = {argv}\n"), 1),
        None => CONFIG_TEMPLATE.to_owned(),
    };
    match tag_prefix {
        Some(prefix) => {
            let value = serde_json::Value::from(prefix).to_string();
            text.replacen(
                "\ntag_prefix = \"v\"\n",
                &format!("\ntag_prefix = {value}\n"),
                1,
            )
        }
        None => text,
    }
}

/// The template's commented `files` example under `[version]`.
const FILES_EXAMPLE: &str = "# files = [\n#   { path = \"VERSION\", pattern = '{version}' },\n#   { path = \"docs/install.md\", pattern = 'relhook {version}' },\n# ]\n";

/// The configuration `text` with `[version] files` set to the `manifests` (each with the key
/// of its version: a crate's `package.version`) in place of the commented example.
fn with_version_files(text: &str, manifests: &[(PathBuf, &str)]) -> String {
    let mut files = String::from("files = [\n");
    for (m, key) in manifests {
        let path = serde_json::Value::from(m.to_string_lossy().replace('\\', "/")).to_string();
        files.push_str(&format!("  {{ path = {path}, key = \"{key}\" }},\n"));
    }
    files.push_str("]\n");
    text.replacen(FILES_EXAMPLE, &files, 1)
}

/// The projects whose test command is evident from a manifest, in the order they are tried.
const EVIDENT: [(&str, &[&str]); 5] = [
    ("Cargo.toml", &["cargo", "test"]),
    ("package.json", &["npm", "test"]),
    ("pyproject.toml", &["pytest"]),
    ("setup.py", &["pytest"]),
    ("setup.cfg", &["pytest"]),
];

/// The project's evident test command (`cargo test` for a Cargo.toml, `npm test` for a
/// package.json, `pytest` for a Python project) and the manifest that gave it away. `relhook
/// test` runs it when `[checks] test` is not set, and says so; `init` writes it into the config.
pub fn evident_test_command(root: &Path) -> Option<(Vec<String>, &'static str)> {
    let (manifest, argv) = EVIDENT
        .iter()
        .find(|(manifest, _)| evident(root, manifest))?;
    let argv = match *manifest {
        "package.json" => script_runner(root),
        _ => argv,
    };
    Some((argv.iter().map(|a| (*a).to_owned()).collect(), *manifest))
}

/// What runs package.json's `test` script: the package manager its `packageManager` field
/// names (`"pnpm@9.1.0"`, corepack's), as the per-package proposals do; else the one whose
/// lock file or workspace file is there, as the managers tell one another's; else npm.
fn script_runner(root: &Path) -> &'static [&'static str] {
    let manager = std::fs::read(root.join("package.json"))
        .ok()
        .and_then(|b| crate::history::version::files::json_value(&b))
        .and_then(|v| v.get("packageManager")?.as_str().map(str::to_owned))
        .or_else(|| {
            let locks = [
                ("pnpm", "pnpm-lock.yaml"),
                ("pnpm", "pnpm-workspace.yaml"),
                ("yarn", "yarn.lock"),
                ("bun", "bun.lock"),
                ("bun", "bun.lockb"),
            ];
            let found = locks.iter().find(|(_, f)| root.join(f).is_file());
            found.map(|(manager, _)| (*manager).to_owned())
        })
        .unwrap_or_default();
    match manager.split('@').next().unwrap_or_default() {
        "pnpm" => &["pnpm", "test"],
        "yarn" => &["yarn", "test"],
        // `bun test` is bun's own test runner, not the script.
        "bun" => &["bun", "run", "test"],
        _ => &["npm", "test"],
    }
}

/// A test command to offer as an example where none is set, for the project's ecosystem:
/// for the package at `package` (a directory below `root`) the command `relhook init` proposes
/// for it (`pnpm --filter @x/b test`); else the evident one (`cargo test`); else one the
/// files point at (`pnpm test` in a pnpm workspace, `go test ./...`, `make test` with a
/// Makefile's `test` target); else a placeholder ([`NO_TEST_COMMAND`]): an invented command,
/// pasted as told, would only fail.
pub fn example_test_command(root: &Path, package: Option<&Path>) -> Vec<String> {
    let owned = |parts: &[&str]| parts.iter().map(|p| (*p).to_owned()).collect();
    if let Some(dir) = package {
        let proposed = crate::history::packages::detect::detect(root)
            .into_iter()
            .find(|f| f.path == dir)
            .and_then(|f| f.test);
        if let Some((argv, _)) = proposed {
            return argv;
        }
    }
    if let Some((argv, _)) = evident_test_command(root) {
        return argv;
    }
    let has = |file: &str| root.join(file).is_file();
    // A package.json with a `test` script is evident above; without one, `npm test` and
    // `yarn test` fail (`Missing script: "test"`): no command is offered for it.
    if has("pnpm-workspace.yaml") || has("pnpm-lock.yaml") {
        owned(&["pnpm", "-r", "test"])
    } else if has("go.mod") {
        owned(&["go", "test", "./..."])
    } else if make_test_target(root) {
        owned(&["make", "test"])
    } else {
        owned(&[NO_TEST_COMMAND])
    }
}

/// What an example test command says where the project shows none.
pub const NO_TEST_COMMAND: &str = "<your test command>";

/// Whether a Makefile at `root` has a `test` target.
fn make_test_target(root: &Path) -> bool {
    ["GNUmakefile", "makefile", "Makefile"].iter().any(|name| {
        std::fs::read_to_string(root.join(name)).is_ok_and(|text| {
            text.lines().any(|l| {
                l.strip_prefix("test")
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
        })
    })
}

/// An argv as a TOML array, for a hint to paste into `.relconfig.toml`.
pub fn toml_argv(argv: &[String]) -> String {
    let items: Vec<String> = argv
        .iter()
        .map(|a| serde_json::Value::from(a.as_str()).to_string())
        .collect();
    format!("[{}]", items.join(", "))
}

/// [`evident_test_command`] as a TOML argv, for the config template.
fn guess_test_command(root: &Path) -> Option<String> {
    evident_test_command(root).map(|(argv, _)| toml_argv(&argv))
}

/// Whether `manifest` in `root` gives its test command away. The root `package.json` of an
/// npm, yarn or pnpm workspace without a `test` script does not: `npm test` there only fails
/// ("Missing script"), and every package without a test command of its own would run it.
fn evident(root: &Path, manifest: &str) -> bool {
    let path = root.join(manifest);
    if !path.is_file() {
        return false;
    }
    if manifest != "package.json" {
        return true;
    }
    let Some(json) = std::fs::read(&path)
        .ok()
        .and_then(|b| crate::history::version::files::json_value(&b))
    else {
        return false;
    };
    // `npm test` runs the `test` script: without one it fails (`Missing script: "test"`), and
    // `npm init`'s placeholder fails on purpose.
    json.pointer("/scripts/test")
        .and_then(|t| t.as_str())
        .is_some_and(|t| !t.contains("no test specified"))
}

/// Whether `dir`'s package.json has `npm init`'s placeholder `test` script (`echo "Error: no
/// test specified" && exit 1`), which fails on purpose: no test command to propose as it is.
pub fn npm_placeholder_test(dir: &Path) -> bool {
    std::fs::read(dir.join("package.json")).is_ok_and(|b| placeholder_test_script(&b))
}

/// [`npm_placeholder_test`] for a package.json's bytes (as a commit holds them).
pub fn placeholder_test_script(package_json: &[u8]) -> bool {
    crate::history::version::files::json_value(package_json)
        .and_then(|json| {
            json.pointer("/scripts/test")
                .and_then(|t| t.as_str())
                .map(|t| t.contains("no test specified"))
        })
        .unwrap_or(false)
}

/// Whether `argv` runs package.json's `test` script (`npm test`, `pnpm test`, `yarn test`,
/// `bun run test`), which is then what a test of a commit's tree runs.
pub fn runs_test_script(argv: &[String]) -> bool {
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    matches!(
        argv.as_slice(),
        ["npm" | "pnpm" | "yarn", "test"] | ["npm" | "pnpm" | "yarn" | "bun", "run", "test"]
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commit::lint::Rule;
    use crate::config::{Config, Pattern};

    fn pattern_source(p: &Pattern) -> String {
        match p {
            Pattern::Prefix(s) => format!("^{s}"),
            Pattern::Regex(r) => r.as_str().to_owned(),
        }
    }

    #[test]
    fn example_test_commands_follow_the_ecosystem() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |rel: &str, text: &str| {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        let example =
            |package: Option<&str>| example_test_command(root, package.map(Path::new)).join(" ");
        assert_eq!(example(None), NO_TEST_COMMAND);
        write("Makefile", "all:\n\techo\ntest: all\n\t./t.sh\n");
        assert_eq!(example(None), "make test");
        write("go.mod", "module example.com/x\n");
        assert_eq!(example(None), "go test ./...");
        write("package.json", r#"{"name": "root", "private": true}"#);
        write("pnpm-workspace.yaml", "packages:\n  - \"packages/*\"\n");
        assert_eq!(
            example(None),
            "pnpm -r test",
            "not cargo in a pnpm workspace"
        );
        write(
            "packages/b/package.json",
            r#"{"name": "@x/b", "version": "2.0.0"}"#,
        );
        assert_eq!(example(Some("packages/b")), "pnpm --filter @x/b test");
        assert_eq!(
            toml_argv(&["pnpm".into(), "say \"hi\"".into()]),
            r#"["pnpm", "say \"hi\""]"#
        );
    }

    #[test]
    fn template_parses_to_exactly_the_defaults() {
        let parsed = Config::parse(Path::new("template"), CONFIG_TEMPLATE).unwrap();
        let (got, want) = (&parsed.commit, &Config::default().commit);
        assert_eq!(got.types, want.types);
        assert_eq!(got.scopes, want.scopes);
        assert_eq!(got.require_scope, want.require_scope);
        assert_eq!(got.header_max_length, want.header_max_length);
        assert_eq!(got.body_max_line_length, want.body_max_line_length);
        assert_eq!(got.footer_max_line_length, want.footer_max_line_length);
        let sources = |c: &crate::config::CommitConfig| {
            c.ignore.iter().map(pattern_source).collect::<Vec<_>>()
        };
        assert_eq!(sources(got), sources(want));
        assert_eq!(got.ignore_merge_commits, want.ignore_merge_commits);
        assert_eq!(got.fixup_in_hook, want.fixup_in_hook);
        assert_eq!(got.fixup_in_check, want.fixup_in_check);
        for rule in Rule::ALL {
            assert_eq!(got.levels.of(rule), want.levels.of(rule), "{}", rule.name());
        }
        let d = Config::default();
        assert_eq!(parsed.version.tag_prefix, d.version.tag_prefix);
        assert_eq!(parsed.version.initial, d.version.initial);
        assert!(parsed.version.files.is_none());
        assert_eq!(parsed.version.detect, d.version.detect);
        assert_eq!(parsed.version.floating_tags, d.version.floating_tags);
        assert_eq!(
            parsed.version.zero_major_breaking_bumps_minor,
            d.version.zero_major_breaking_bumps_minor
        );
        assert_eq!(
            parsed.version.zero_major_feat_bumps_patch,
            d.version.zero_major_feat_bumps_patch
        );
        assert_eq!(parsed.changelog.path, d.changelog.path);
        assert_eq!(parsed.changelog.accumulate, d.changelog.accumulate);
        assert_eq!(parsed.changelog.sections, d.changelog.sections);
        assert_eq!(parsed.release.branches, d.release.branches);
        assert_eq!(parsed.release.commit_message, d.release.commit_message);
        assert_eq!(parsed.release.sign, d.release.sign);
        assert_eq!(
            parsed.release.allow_lightweight_tags,
            d.release.allow_lightweight_tags
        );
        assert_eq!(parsed.release.bump_dependents, d.release.bump_dependents);
        assert_eq!(parsed.checks.test, d.checks.test);
        assert_eq!(
            parsed.checks.require_tested_tags,
            d.checks.require_tested_tags
        );
        assert_eq!(parsed.checks.run_tests_on_push, d.checks.run_tests_on_push);
    }

    #[test]
    fn template_names_every_key() {
        let value: toml::Table = CONFIG_TEMPLATE.parse().unwrap();
        let commit = value["commit"].as_table().unwrap();
        for key in [
            "types",
            "scopes",
            "require_scope",
            "header_max_length",
            "body_max_line_length",
            "footer_max_line_length",
            "ignore",
            "ignore_merge_commits",
            "fixup_in_hook",
            "fixup_in_check",
            "rules",
        ] {
            assert!(commit.contains_key(key), "[commit] {key} is missing");
        }
        let rules = commit["rules"].as_table().unwrap();
        for rule in Rule::ALL {
            assert!(rules.contains_key(rule.name()), "rule {}", rule.name());
        }
        assert!(
            value["version"]
                .as_table()
                .unwrap()
                .contains_key("tag_prefix")
        );
        assert!(value["version"]["floating_tags"].is_bool());
    }

    #[test]
    fn proposal_sets_the_test_command_and_still_parses() {
        let text = render_config(Some(r#"["npm", "test"]"#), Some("hatch-v"));
        assert!(text.contains("\ntag_prefix = \"hatch-v\"\n"), "{text}");
        assert!(text.contains("\ntest = [\"npm\", \"test\"]\n"), "{text}");
        let c = Config::parse(Path::new("x"), &text).unwrap();
        assert_eq!(c.checks.test.unwrap(), ["npm", "test"]);
        assert_eq!(c.version.tag_prefix, "hatch-v");
    }

    #[test]
    fn the_evident_test_command_agrees_with_the_proposal() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(evident_test_command(tmp.path()), None);
        for (manifest, argv) in EVIDENT {
            let dir = tempfile::tempdir().unwrap();
            // A package.json is evident by its `test` script.
            let text = match manifest {
                "package.json" => r#"{"scripts":{"test":"jest"}}"#,
                _ => "",
            };
            std::fs::write(dir.path().join(manifest), text).unwrap();
            let (got, from) = evident_test_command(dir.path()).unwrap();
            assert_eq!(
                (got.as_slice(), from),
                (
                    argv.iter()
                        .map(|a| a.to_string())
                        .collect::<Vec<_>>()
                        .as_slice(),
                    manifest
                )
            );
            let toml: toml::Table = format!("t = {}", guess_test_command(dir.path()).unwrap())
                .parse()
                .unwrap();
            let proposed: Vec<String> = toml["t"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            assert_eq!(proposed, got);
        }
    }

    #[test]
    fn a_workspace_root_without_a_test_script_has_no_evident_test_command() {
        let tmp = tempfile::tempdir().unwrap();
        let json = |text: &str| std::fs::write(tmp.path().join("package.json"), text).unwrap();
        json(r#"{"private":true,"workspaces":["packages/*"]}"#);
        assert_eq!(evident_test_command(tmp.path()), None);
        assert_eq!(guess_test_command(tmp.path()), None);
        json(r#"{"private":true,"workspaces":["p/*"],"scripts":{"test":"jest"}}"#);
        assert!(evident_test_command(tmp.path()).is_some());
        json(r#"{"private":true,"scripts":{"test":"jest"}}"#);
        assert!(evident_test_command(tmp.path()).is_some());
        // No test script, or `npm init`'s placeholder: `npm test` would only fail.
        json(r#"{"private":true}"#);
        assert_eq!(evident_test_command(tmp.path()), None);
        json(r#"{"scripts":{"test":"echo \"Error: no test specified\" && exit 1"}}"#);
        assert_eq!(evident_test_command(tmp.path()), None);
        json(r#"{"private":true}"#);
        std::fs::write(tmp.path().join("pnpm-workspace.yaml"), "packages: [p/*]\n").unwrap();
        assert_eq!(evident_test_command(tmp.path()), None);
    }

    #[test]
    fn version_files_replace_the_template_s_example() {
        assert!(CONFIG_TEMPLATE.contains(FILES_EXAMPLE));
        let text = with_version_files(
            CONFIG_TEMPLATE,
            &[(PathBuf::from("a/Cargo.toml"), "package.version")],
        );
        let parsed = Config::parse(Path::new("template"), &text).unwrap();
        let files = parsed.version.files.unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].path, PathBuf::from("a/Cargo.toml"));
    }

    #[test]
    fn init_writes_once_and_then_leaves_files_alone() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join("package.json"),
            r#"{"scripts":{"test":"jest"}}"#,
        )
        .unwrap();
        let first = init(tmp.path(), &[], &|_| false, &|_, _| None, &|_| None).unwrap();
        assert!(first.files.iter().all(|f| f.written));
        assert_eq!(first.test_command.as_deref(), Some(r#"["npm", "test"]"#));
        std::fs::write(tmp.path().join("CHANGELOG.md"), "mine").unwrap();
        let second = init(tmp.path(), &[], &|_| false, &|_, _| None, &|_| None).unwrap();
        assert!(second.files.iter().all(|f| !f.written));
        assert_eq!(
            std::fs::read(tmp.path().join("CHANGELOG.md")).unwrap(),
            b"mine"
        );
    }
}
