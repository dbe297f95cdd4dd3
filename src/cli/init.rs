//! `relhook init`: reports the files `crate::init` wrote or left alone, the packages it found
//! and the test command it set.

use std::path::Path;

use super::install::{rel, rel_path};
use super::{Context, Outcome, write_shown};
use crate::{Error, Result};

/// The newest release tags under `prefix` (newest first, at most five), each as its version
/// and the header of its commit: the release commit message they share is init's to propose.
fn released(
    repo: Option<&crate::git::Repo>,
    found: &[(String, crate::git::ReleaseTag)],
    prefix: &str,
) -> Vec<(String, String)> {
    let Some(repo) = repo else {
        return Vec::new();
    };
    let mut tags: Vec<_> = found.iter().filter(|(p, _)| p == prefix).collect();
    tags.sort_by(|(_, a), (_, b)| b.version.cmp_precedence(&a.version));
    (tags.into_iter().take(5))
        .filter_map(|(_, t)| {
            let text = repo.commit_text(t.commit)?;
            Some((t.version.to_string(), text.lines().next()?.to_owned()))
        })
        .collect()
}

/// `relhook init`.
pub(super) fn init(ctx: &Context) -> Result<Outcome> {
    let root = ctx
        .locate()
        .and_then(|l| l.work_tree)
        .unwrap_or_else(|| ctx.cwd.clone());
    // The tags that end in a version: init proposes the forms they use.
    let repo = ctx.repo().ok();
    let found = repo
        .as_ref()
        .map(|repo| repo.version_suffixed_tags())
        .unwrap_or_default();
    // Whether a prefix's tags are a package's: its greatest tag's commit says.
    let mut greatest: std::collections::HashMap<&str, &crate::git::ReleaseTag> = Default::default();
    for (prefix, t) in &found {
        let e = greatest.entry(prefix).or_insert(t);
        if t.version.cmp_precedence(&e.version).is_gt() {
            *e = t;
        }
    }
    let package_s = |prefix: &str| {
        greatest
            .get(prefix)
            .zip(repo.as_ref())
            .is_some_and(|(t, repo)| {
                crate::history::packages::former::a_package_s(repo, prefix, t.commit)
            })
    };
    let tags: Vec<_> = found
        .iter()
        .map(|(prefix, t)| (prefix.clone(), t.name.clone(), t.version.clone()))
        .collect();
    // A file as a tag's commit holds it.
    let stored = |tag: &str, path: &Path| {
        let (_, t) = found.iter().find(|(_, t)| t.name == tag)?;
        let file = repo.as_ref()?.file_at(t.commit, path).ok()??;
        String::from_utf8(file.bytes).ok()
    };
    // A `.relconfig.toml` link every hook refuses: said as they say it, before anything is
    // written, so no advice follows that the commit-msg hook would refuse.
    if let Err(mut e) = crate::config::Config::refuse_link(&root) {
        if let Error::ConfigLinkedOutside { fix, .. } | Error::ConfigLinkBroken { fix, .. } = &mut e
        {
            fix.push_str(", then run `relhook init` again (it wrote nothing)");
        }
        return Err(e);
    }
    // A changelog a commit deleted with what it held: said as doctor says it, not started anew.
    let deleted = |rel: &Path| {
        let repo = repo.as_ref()?;
        let config = crate::config::Config::load(&root).ok()?;
        let gone =
            crate::history::sync::changelog_deleted(repo, &config, rel, crate::git::Reach::Line)?;
        // Moved to be a package's changelog (the repository became a monorepo): its releases
        // are that package's now, and no setting can point the root's at it.
        let package = config.packages.iter().find(|p| {
            matches!(&gone.kind, crate::history::sync::DeletionKind::Moved(to) if *to == p.changelog)
        });
        let fix = match package {
            Some(p) => format!("its releases are package {}'s now", p.name),
            None => gone.committed_fix(&config, rel),
        };
        Some(format!("{}; {fix}", gone.what(rel)))
    };
    // Release commits lerna or `npm version` made: ignored from the start, not refused at the
    // first release (a history's releases are not reworded).
    let tool_releases = repo
        .as_ref()
        .and_then(|repo| crate::history::tool_releases::find(repo).ok().flatten());
    let tracked = |rel: &Path| repo.as_ref().is_some_and(|r| r.tracked_at_head(rel));
    let done = crate::init::init(
        &root,
        &tags,
        &package_s,
        &stored,
        &deleted,
        &tracked,
        tool_releases.is_some(),
        &|prefix| crate::init::branches::proposed(repo.as_ref()?, &found, prefix),
        &|prefix| released(repo.as_ref(), &found, prefix),
    )?;
    // Named from where init ran: outside the work tree (GIT_DIR and GIT_WORK_TREE set) or
    // below its top, a name relative to the top would not find the file.
    let base = match same_dir(&root, &ctx.cwd) {
        true => root.as_path(),
        false => ctx.cwd.as_path(),
    };
    write_shown(|out| {
        for f in &done.files {
            let name = rel(&f.path, base);
            if f.written {
                writeln!(out, "wrote {name}")?;
            } else {
                writeln!(out, "left {name} alone: it already exists")?;
            }
        }
        // A shallow clone hides older release tags and settings: what init set came from a
        // cut history, so said, with the way to write it again from the whole one.
        let config_written = done.files.first().filter(|f| f.written);
        if let Some(f) = config_written.filter(|_| repo.as_ref().is_some_and(|r| r.is_shallow())) {
            let config = f.path.strip_prefix(&root).unwrap_or(&f.path);
            writeln!(
                out,
                "note: this clone is shallow, so init read only the history within it (older release tags and settings unseen) and what it set may differ from a full clone's: `git fetch --tags --unshallow && rm {} && relhook init` writes it again from the whole history",
                crate::shellword::below_top(config)
            )?;
        }
        if let Some(twin) = &done.changelog_adopted {
            let value = serde_json::Value::from(twin.to_string_lossy().as_ref()).to_string();
            // A name in another letter case only is one file with CHANGELOG.md on some systems.
            let why = match twin.as_os_str().eq_ignore_ascii_case("CHANGELOG.md") {
                true => " (one file with it where case does not count, as on macOS and Windows)",
                false => "",
            };
            writeln!(
                out,
                "set `[changelog] path = {value}`: the changelog here is {}, and relhook makes no second one named CHANGELOG.md beside it{why}",
                twin.display()
            )?;
        }
        if let Some(sentence) = &done.cog_changelog {
            writeln!(out, "{sentence}")?;
        }
        if let Some(sentence) = &done.changelog_left_out {
            writeln!(out, "{sentence}")?;
        }
        match (&done.one_project, &done.left_out) {
            (Some(sentence), _) | (None, Some(sentence)) => writeln!(out, "{sentence}")?,
            (None, None) => {}
        }
        let said = done.root_member.iter().chain(&done.set_apart);
        let said = said.chain(&done.unlisted).chain(&done.tags_only);
        let said = said.chain(&done.release_branches);
        for sentence in said.chain(&done.release_message) {
            writeln!(out, "{sentence}")?;
        }
        if !done.packages.is_empty() {
            let names: Vec<String> = done
                .packages
                .iter()
                .map(|p| format!("{} ({})", p.name, p.path.display()))
                .collect();
            let config_written = done.files.first().is_some_and(|f| f.written);
            if config_written {
                writeln!(
                    out,
                    "found {}, each with its own changelog, version and tags: {}; their [packages.*] tables are in .relconfig.toml",
                    packages(names.len()),
                    names.join(", ")
                )?;
            } else {
                // Only the tables the existing file lacks: adding one it has is a duplicate key.
                let have: Vec<String> = crate::config::Config::load(&root)
                    .map(|c| c.packages.into_iter().map(|p| p.name).collect())
                    .unwrap_or_default();
                let missing: Vec<_> = done
                    .packages
                    .iter()
                    .filter(|p| !have.contains(&p.name))
                    .cloned()
                    .collect();
                let found = format!("found {}: {}", packages(names.len()), names.join(", "));
                if missing.is_empty() {
                    writeln!(
                        out,
                        "{found}; .relconfig.toml already has a [packages.*] table for each"
                    )?;
                } else if missing.len() == done.packages.len() {
                    writeln!(
                        out,
                        "{found}; to give each its own changelog, version and tags, add these tables to .relconfig.toml:\n{}",
                        done.package_tables
                    )?;
                } else {
                    let names: Vec<&str> = missing.iter().map(|p| p.name.as_str()).collect();
                    writeln!(
                        out,
                        "{found}; .relconfig.toml has no table for {}: add these to it:\n{}",
                        names.join(", "),
                        crate::history::packages::detect::render(&missing)
                    )?;
                }
            }
        }
        for sentence in done.older_forms.iter().chain(&done.packages_tags) {
            writeln!(out, "{sentence}")?;
        }
        if let Some((prefix, example)) = &done.tag_prefix {
            let prefix = crate::config::toml_text::string(prefix);
            let config_written = done.files.first().is_some_and(|f| f.written);
            if config_written {
                writeln!(
                    out,
                    "set `[version] tag_prefix = {prefix}`: the release tags here use it (`{example}`)"
                )?;
            } else {
                writeln!(
                    out,
                    "the release tags here use tag_prefix {prefix} (`{example}`): set `tag_prefix = {prefix}` under [version] in .relconfig.toml if it does not"
                )?;
            }
        }
        let config_written = done.files.first().is_some_and(|f| f.written);
        // A configuration kept from before that allows the project's types already: nothing to do.
        let kept_types = done
            .files
            .first()
            .filter(|_| !config_written)
            .and_then(|f| crate::fsx::regular_text(&f.path).map(|t| (f, t)))
            .and_then(|(f, t)| crate::config::Config::parse(&f.path, &t).ok())
            .map(|c| c.commit.types);
        say_commit_types(out, done.commit_types.as_ref(), config_written, kept_types)?;
        if let Some(found) = tool_releases.as_ref().filter(|_| config_written) {
            writeln!(out, "{}", found.sentence())?;
        }
        // The lint the hook applies from now on, tried on the history made without it.
        let config = ctx.config(&root).ok();
        let refused = repo.as_ref().zip(config.as_ref());
        if let Some(line) = refused.and_then(|(r, c)| super::init_refused::line(r, c)) {
            writeln!(out, "{line}")?;
        }
        if let Some(argv) = &done.test_command {
            writeln!(
                out,
                "set `[checks] test = {argv}`: `relhook test` and `relhook release` run it; edit it if your tests run otherwise"
            )?;
        }
        // Files written where no hook can be installed: said, so the set-up is not taken
        // for done.
        if let Some(why) = repo
            .is_none()
            .then(|| crate::git::unworkable(&ctx.cwd))
            .flatten()
        {
            writeln!(
                out,
                "note: relhook cannot work in this repository: {why}; `relhook install` cannot install its hooks here"
            )?;
        }
        if let Some(next) = commit_command(ctx, &root, &done) {
            writeln!(out, "next: {next}")?;
        }
        // The hooks came first: the packages' changelogs have no merge driver line yet.
        if let Some((name, path)) = package_needs_install(ctx) {
            writeln!(
                out,
                "then: relhook install (installed before the packages, the merge driver has no line for package {name}'s {} yet)",
                path.display()
            )?;
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

/// The command that commits the files init wrote, which git does not track until then (and
/// the team gets only then), and the configuration it left alone where git does not hold it
/// as it is (untracked, edited), which the first release would refuse as a dirty tree:
/// `None` when there are none, or in a repository with no work tree. Named from the top
/// (`:/`) when this ran below it; `-- <paths>` leaves anything else staged out.
fn commit_command(ctx: &Context, root: &Path, done: &crate::init::Initialised) -> Option<String> {
    // Outside any repository (init run before `git init`), the files are the first commit's.
    let repo = ctx.repo();
    let start = match &repo {
        Ok(_) => "",
        Err(_) if ctx.locate().is_none() => "git init && ",
        Err(_) => return None,
    };
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    let below = !same(&ctx.cwd, root);
    // The configuration is init's first file; the changelog a user keeps is theirs.
    let config_left = |f: &crate::init::InitFile| {
        let at = f.path.strip_prefix(root).unwrap_or(&f.path);
        match &repo {
            Ok(repo) => repo.path_uncommitted(at).unwrap_or(false),
            Err(_) => true,
        }
    };
    let paths: Vec<String> = (done.files.iter().enumerate())
        .filter(|(i, f)| f.written || *i == 0 && config_left(f))
        .map(|(_, f)| crate::shellword::pathspec(Path::new(&rel_path(&f.path, root)), below))
        .collect();
    if paths.is_empty() {
        return None;
    }
    let paths = paths.join(" ");
    // The rules of the configuration just written (or kept), which the commit-msg hook applies.
    let config = ctx.config(root).unwrap_or_default();
    let commit = crate::commit::advised::commit(&config.commit, "chore", None, "adopt relhook");
    Some(format!("{start}git add {paths} && {commit} -- {paths}"))
}

/// A package the installed hooks' merge driver does not cover yet (see `doctor`).
fn package_needs_install(ctx: &Context) -> Option<(String, std::path::PathBuf)> {
    let loc = ctx.hooks().ok()?;
    let config = ctx.open().ok()?.2;
    if config.packages.is_empty() {
        return None;
    }
    crate::hooks::doctor::package_needs_install(&loc, &config)
}

/// `1 package`, `3 packages`.
fn packages(n: usize) -> String {
    if n == 1 {
        "1 package".into()
    } else {
        format!("{n} packages")
    }
}

/// Whether `a` and `b` name one folder (a symbolic link or a relative path aside).
fn same_dir(a: &Path, b: &Path) -> bool {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    canon(a) == canon(b)
}

/// One line on the commit types the project allowed before relhook: where the ones set in
/// `[commit] types` came from (or the line to set them by, beside a configuration left alone),
/// or why a file that holds them was not read. `kept`: the types of a configuration left
/// alone, which need no line when they allow every one of the project's.
fn say_commit_types(
    out: &mut dyn std::io::Write,
    found: Option<&crate::init::commit_types::ProjectTypes>,
    config_written: bool,
    kept: Option<Vec<String>>,
) -> std::io::Result<()> {
    use crate::init::commit_types::ProjectTypes;
    match (found, config_written) {
        (Some(ProjectTypes::Read { types, .. }), false)
            if kept.is_some_and(|k| types.iter().all(|t| k.contains(t))) =>
        {
            Ok(())
        }
        (
            Some(ProjectTypes::Read {
                types,
                from,
                sections,
                order,
                minor_types,
            }),
            true,
        ) => writeln!(
            out,
            "set `[commit] types = {}`{}{}: the project's own, from {from}",
            crate::init::toml_argv(types),
            match (sections, order) {
                (Some(_), _) => " and the `[changelog.sections]` they go under",
                (None, Some(_)) => " and the `[changelog] order` of their sub-sections",
                (None, None) => "",
            },
            match minor_types {
                Some(m) => format!(
                    ", with `[version] minor_types = {}`",
                    crate::init::toml_argv(m)
                ),
                None => String::new(),
            }
        ),
        (Some(ProjectTypes::Read { types, from, .. }), false) => writeln!(
            out,
            "the project's commit types, from {from}, are {}: set `types = {0}` under [commit] in .relconfig.toml if it does not say them",
            crate::init::toml_argv(types)
        ),
        (Some(ProjectTypes::Conventional { from }), true) => writeln!(
            out,
            "kept the default `[commit] types`: {from} extends @commitlint/config-conventional, whose types they are"
        ),
        (Some(ProjectTypes::Unread(sentence)), _) => writeln!(out, "{sentence}"),
        _ => Ok(()),
    }
}
