//! `relhook doctor`'s changelog rows: the root's changelog and every package's, each checked
//! for what makes post-commit add no entry and releases refuse (a path it cannot write, a file
//! that is not Keep a Changelog, unresolved conflict markers), with the fix in the words of the
//! setting that names it (`changelog.path`, or a package's `changelog`).

use crate::Error;
use crate::config::Config;
use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};

/// Where a changelog is set, for the fixes: `[changelog] path`, or a package's `changelog`.
pub(super) struct Setting {
    /// The row's subject: `changelog`, `changelog of package api`.
    pub(super) subject: String,
    /// The key (`changelog.path`, `changelog`).
    key: &'static str,
    /// Where it is: ` in [packages.api]`, or nothing for the root.
    table: String,
}

impl Setting {
    pub(super) fn of(config: &Config) -> Setting {
        match &config.package {
            None => Setting {
                subject: "changelog".into(),
                key: "changelog.path",
                table: String::new(),
            },
            Some(p) => Setting {
                subject: format!("changelog of package {}", p.name),
                key: "changelog",
                table: format!(" in {}", crate::config::toml_text::package_table(&p.name)),
            },
        }
    }

    /// `` `changelog.path` in .relconfig.toml ``.
    fn named(&self) -> String {
        format!("`{}`{} in .relconfig.toml", self.key, self.table)
    }

    /// `` `path = "x"` under [changelog] in .relconfig.toml ``, `value` written as TOML reads
    /// it: the key as its table holds it, since a dotted `changelog.path` line added to a file
    /// with a `[changelog]` table (as `relhook init` writes) is a duplicate key, and one added
    /// at its end falls into the last table.
    fn set_to(&self, value: &str) -> String {
        let value = crate::config::toml_text::string(value);
        match self.key.split_once('.') {
            Some((table, key)) if self.table.is_empty() => {
                format!("`{key} = {value}` under [{table}] in .relconfig.toml")
            }
            _ => format!("`{} = {value}`{} in .relconfig.toml", self.key, self.table),
        }
    }
}

/// One row per changelog (the root's, then each package's) that relhook cannot keep.
pub(super) fn changelog_checks(repo: &Repo, config: &Config) -> Vec<Check> {
    std::iter::once(config.clone())
        .chain(super::doctor::views_of(repo, config))
        .filter_map(|view| one(repo, &view))
        .collect()
}

/// The first problem of `config`'s changelog.
fn one(repo: &Repo, config: &Config) -> Option<Check> {
    let setting = Setting::of(config);
    // Before the uncommitted row, whose `git commit` would commit the deletion.
    if let Some(check) =
        super::doctor_released::missing_from_work_tree(repo, config, &setting.subject)
    {
        return Some(check);
    }
    // A file moved away or deleted with its folder: the setting is to follow it, or the
    // commit's parent to restore both; no folder to make.
    if let Some(check) =
        super::doctor_released::deleted_by_commit(repo, config, &setting.subject, true)
    {
        return Some(check);
    }
    if let Some(check) = unwritable_changelog(repo, config, &setting) {
        return Some(check);
    }
    if let Some((what, fix)) = crate::tag::hand::changelog_case_twin(repo, config) {
        return Some(Check {
            subject: setting.subject,
            status: Status::Invalid,
            detail: format!("{what}: post-commit adds no entries, and releases are refused"),
            fix: Some(fix),
        });
    }
    // A changelog kept under another name (HISTORY.md) and no CHANGELOG.md: post-commit
    // makes no second one, so it adds no entries until the setting names that file.
    let path = &config.changelog.path;
    let in_work_tree = |root: std::path::PathBuf| root.join(path).symlink_metadata().is_ok();
    if !repo.work_tree().is_some_and(in_work_tree)
        && let Some(head) = repo.head()
        && let Ok(Some(other)) = crate::history::sync::kept_under_other_name(repo, head, path)
    {
        use crate::history::changelog::other_name::{other_name_fix, other_name_what};
        return Some(Check {
            subject: setting.subject,
            status: Status::Invalid,
            detail: format!("{}: post-commit adds no entries", other_name_what(&other)),
            fix: Some(other_name_fix(&other)),
        });
    }
    if let Some((why, edit)) = crate::tag::hand::unkept_changelog_and_edit(repo, config) {
        let path = config.changelog.path.display();
        let fix = match edit {
            Some(edit) => format!("in {path}, {edit}; or point {} elsewhere", setting.named()),
            None => format!(
                "make {path} a Keep a Changelog file (https://keepachangelog.com/en/1.1.0/), or point {} elsewhere",
                setting.named()
            ),
        };
        return Some(Check {
            subject: setting.subject,
            status: Status::Invalid,
            detail: format!(
                "{why}: post-commit adds no entries to it, and releases and hand tags are refused"
            ),
            fix: Some(fix),
        });
    }
    conflicted_changelog(repo, config, setting).or_else(|| behind_history(repo, config))
}

/// A changelog without the entries of commits since the last release (a post-commit that did
/// not run: killed, or skipped): said, with the command that adds them. For the root's and
/// each package's; a monorepo's root only when its changelog exists (relhook makes none).
fn behind_history(repo: &Repo, config: &Config) -> Option<Check> {
    if config.package.is_none()
        && !config.packages.is_empty()
        && !repo
            .work_tree()
            .is_some_and(|top| top.join(&config.changelog.path).is_file())
    {
        return None;
    }
    let setting = Setting::of(config);
    let sync = crate::history::sync::changelog_command(config, &config.changelog.path, "--sync");
    // Every commit since the last release, whenever the file last changed: a hand edit after a
    // skipped post-commit (a typo fixed in the file) does not give that commit its entry. A
    // range too long to plan quickly is `--sync`'s to walk, not every doctor's.
    if !crate::history::accumulate::unreleased_within(repo, config, 1000) {
        let many = format!(
            "more than 1000 commits since the last release (or since the first commit, with none yet): doctor does not plan them for entries {} lacks",
            config.changelog.path.display()
        );
        // While no release tag is recognised, `relhook changelog --stdout` fails: a diff with
        // its empty output would show the whole file as deleted. The blocking problem instead,
        // the root's prefix or, for a package's view, its tag template (`api-1.0.0` beside
        // `api-v{version}`).
        let root = repo.work_tree()?;
        if let Err(e) = crate::release::check_tag_prefix(repo, config, &root) {
            // The version row names it as what it is, INVALID with this fix, and that
            // `relhook changelog` stops too: one problem, one row.
            if super::doctor_unfinished::version::version_row_names_tags(repo, config) {
                return None;
            }
            return Some(Check {
                subject: setting.subject,
                status: Status::Warning,
                detail: format!("{many}, nor can `relhook changelog` until this is fixed: {e}"),
                fix: e.hint(),
            });
        }
        return Some(Check {
            subject: setting.subject,
            status: Status::Warning,
            detail: many,
            fix: Some(format!(
                "`relhook changelog --stdout{} | diff {} -` shows what `{sync}` would add",
                sync.strip_prefix("relhook changelog --sync")
                    .unwrap_or_default(),
                crate::shellword::quote(&config.changelog.path.display().to_string())
            )),
        });
    }
    let path = repo.work_tree()?.join(&config.changelog.path);
    // Not made yet: what `--sync` would create it with (a package whose commits all skipped
    // post-commit has none).
    if !path.exists()
        && let Some(check) =
            super::doctor_released::deleted_by_commit(repo, config, &setting.subject, false)
    {
        return Some(check);
    }
    let (text, missing) = match std::fs::read_to_string(&path) {
        Ok(text) => (text, false),
        // Only once relhook is installed here: before, every changelog is yet to be made.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && repo.ever_installed() => {
            (crate::history::changelog::TEMPLATE.to_owned(), true)
        }
        Err(_) => return None,
    };
    let plan = crate::history::sync::plan_sync(repo, config, &text).ok()?;
    let n = plan.added.len();
    let shown = config.changelog.path.display();
    // An unreleased commit's entry inside a release's section: no entry is missing, but the
    // next release would not list it.
    if !plan.landed.is_empty() {
        let m = crate::history::sync::parsed(repo, &text).map_or('-', |l| l.marker());
        let said: Vec<String> = plan.landed.iter().map(|l| l.said(m, false)).collect();
        let more = match n {
            0 => String::new(),
            n => format!("; and it {}", super::doctor_missed::no_entry(n, "commit")),
        };
        return Some(Check {
            subject: setting.subject,
            status: Status::Warning,
            detail: format!("{shown}: {}{more}", said.join("; ")),
            fix: Some(sync),
        });
    }
    let detail = super::doctor_missed::detail(repo, config, &plan, missing, &sync);
    // The entry of an amended-away message, still listed: said with the hand edit, before
    // (or instead of) what `--sync` adds.
    if !plan.amended.is_empty() {
        let stale: Vec<String> = plan
            .amended
            .iter()
            .filter_map(|a| a.said(&config.changelog.path, false))
            .collect();
        let stale = stale.join("; ");
        // Other commits' entries missing, beside the amended ones' (said above).
        let others = plan
            .added
            .iter()
            .filter(|(id, _)| !plan.amended.iter().any(|a| a.commit().to_string() == *id))
            .count();
        let also = format!(
            "; and {shown} {}",
            super::doctor_missed::no_entry(others, "other commit")
        );
        return Some(Check {
            subject: setting.subject,
            status: Status::Warning,
            detail: match others {
                0 => stale,
                _ => format!("{stale}{also}"),
            },
            fix: (others > 0 || plan.amended.iter().any(|a| a.sync_replaces())).then_some(sync),
        });
    }
    (n > 0).then_some(Check {
        subject: setting.subject,
        status: Status::Warning,
        detail,
        fix: Some(sync),
    })
}

/// A changelog committed with unresolved conflict markers: post-commit adds nothing to it and
/// every release, hand tag and sync refuses it, so the first command that says so should not
/// be the release.
fn conflicted_changelog(repo: &Repo, config: &Config, setting: Setting) -> Option<Check> {
    let path = &config.changelog.path;
    let bytes = crate::fsx::read_regular_optional(&repo.work_tree()?.join(path)).ok()??;
    let line = crate::history::changelog::conflict_markers(&String::from_utf8_lossy(&bytes))?;
    Some(Check {
        subject: setting.subject,
        status: Status::Invalid,
        detail: format!(
            "{}:{line} has unresolved conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`): post-commit adds no entries to it, and releases and hand tags are refused",
            path.display()
        ),
        fix: Some(format!(
            "resolve them in {} (keep both sides' entries) and commit, then `relhook changelog --sync`",
            path.display()
        )),
    })
}

/// A changelog path post-commit cannot write (a directory, a symbolic link, a path leading
/// out of the work tree, a file it may not read): every commit warns "no entry added", so doctor says so, with the fix
/// post-commit names.
fn unwritable_changelog(repo: &Repo, config: &Config, setting: &Setting) -> Option<Check> {
    let root = repo.work_tree()?;
    let path = &config.changelog.path;
    let shown = path.display();
    let meta = std::fs::symlink_metadata(root.join(path)).ok();
    let dangling = crate::history::changelog::not_a_file(&root, path)
        == Some(crate::history::changelog::NotAFile::DanglingLink);
    let (what, fix) = if repo.working_tree_encoding(path).is_some() {
        // The same refusal every command gives (named by `changelog_not_a_file`).
        let (what, fix) = crate::history::sync::changelog_not_a_file(repo, config, path)?;
        (what, format!("{fix}, then `relhook changelog --sync`"))
    } else if (dangling || crate::history::changelog::unreadable(&root, path))
        && let Some((what, fix)) = crate::history::sync::changelog_not_a_file(repo, config, path)
    {
        // A link to nothing where the file was, a file relhook may not read: the fix every
        // command names.
        (what, format!("{fix}, then `relhook changelog --sync`"))
    } else if meta.as_ref().is_some_and(|m| m.file_type().is_symlink()) {
        let to = std::fs::read_link(root.join(path)).ok()?;
        let to = match path.parent() {
            Some(dir) if to.is_relative() => dir.join(to),
            _ => to,
        };
        let what = format!(
            "{shown} is a symbolic link (to `{}`), which relhook does not write through",
            to.display()
        );
        let fix = super::doctor_link::fix(&root, path, &to, |v| setting.set_to(v));
        (what, fix)
    } else if let Some((what, fix)) = crate::history::changelog::not_a_file(&root, path)
        .filter(|k| *k != crate::history::changelog::NotAFile::Directory { empty: false })
        .and_then(|_| crate::history::sync::changelog_not_a_file(repo, config, path))
    {
        // A FIFO, or an empty directory, where a file was: the fix every command names.
        (what, format!("{fix}, then `relhook changelog --sync`"))
    } else if meta.as_ref().is_some_and(std::fs::Metadata::is_dir) {
        (
            format!("{shown} is a directory"),
            format!(
                "point the changelog at a file (e.g. {})",
                setting.set_to(&format!("{shown}/CHANGELOG.md"))
            ),
        )
    } else {
        match crate::fsx::confine(&root, path) {
            Err(e @ Error::UnsafePath { .. }) if !e.to_string().contains("does not exist") => (
                e.to_string(),
                format!("point {} at a file inside the work tree", setting.named()),
            ),
            // A folder not made yet (`changelog.path = "docs/CHANGELOG.md"`); a monorepo's
            // root changelog is optional, its folder too.
            Err(e @ Error::UnsafePath { .. })
                if config.package.is_some() || config.packages.is_empty() =>
            {
                let dir = path.parent().unwrap_or(path);
                return Some(Check {
                    subject: setting.subject.clone(),
                    status: Status::Warning,
                    detail: format!("{e}: post-commit adds no entries until it does"),
                    fix: Some(format!(
                        "`mkdir -p {}`, then `relhook changelog --sync`",
                        crate::shellword::below_top(dir)
                    )),
                });
            }
            _ => return None,
        }
    };
    Some(Check {
        subject: setting.subject.clone(),
        status: Status::Invalid,
        detail: format!(
            "{what}: post-commit adds no entries to it, and releases and hand tags are refused"
        ),
        fix: Some(fix),
    })
}

/// The newest release heading has no date nor tag (`## [0.2.0]`, the release worked
/// towards): taken for released, it gets `## [Unreleased]` above it.
pub(super) fn undated_newest(repo: &Repo, config: &Config) -> Option<Check> {
    let bytes = crate::fsx::read_regular_optional(&repo.work_tree()?.join(&config.changelog.path))
        .ok()??;
    let log = crate::history::changelog::Changelog::from_utf8(bytes)?;
    let path = &config.changelog.path;
    let (what, fix) =
        crate::history::changelog::undated::undated_untagged(repo, config, path, &log)?;
    Some(Check {
        subject: "changelog".into(),
        status: Status::Warning,
        detail: what,
        fix: Some(fix),
    })
}

/// Each version the changelog heads more than once (release-please's `### [13.16.3]`, three
/// times): entries and other releases go on, but its notes, its release and a tag of it are
/// refused, naming the lines.
pub(super) fn repeated_versions(repo: &Repo, config: &Config) -> Vec<Check> {
    let path = &config.changelog.path;
    let read = repo
        .work_tree()
        .map(|w| crate::fsx::read_regular_optional(&w.join(path)));
    let Some(Ok(Some(bytes))) = read else {
        return Vec::new();
    };
    let Some(log) = crate::history::changelog::Changelog::from_utf8(bytes) else {
        return Vec::new();
    };
    let checks = log.repeated().into_iter().map(|(version, at)| {
        let (what, fix) = crate::history::changelog::repeated_version(&version, &at);
        Check {
            subject: "changelog".into(),
            status: Status::Warning,
            detail: format!(
                "{}: {what}: `relhook notes` of it is refused; entries and other releases are not held up",
                path.display()
            ),
            fix: Some(format!("in {}, {fix}", path.display())),
        }
    });
    checks.collect()
}

/// A release tag made past the hook on a commit whose changelog lacks its section (see
/// `tag::hand::sectionless`): every command took it for released.
pub(super) fn sectionless_tag(
    repo: &Repo,
    view: &Config,
    installed: &dyn Fn() -> bool,
) -> Option<Check> {
    let s = crate::tag::hand::sectionless(repo, view, installed)?;
    Some(Check {
        subject: format!("tag {}", s.tag),
        status: Status::Invalid,
        detail: crate::tag::hand::describe_sectionless(view, &s),
        fix: Some(crate::tag::hand::sectionless_fix(view, &s)),
    })
}

/// A release tag moved past the hook above its release commit (see `tag::later::moved`).
pub(super) fn moved_tag(repo: &Repo, view: &Config, installed: &dyn Fn() -> bool) -> Option<Check> {
    let m = crate::tag::later::moved(repo, view, installed)?;
    Some(Check {
        subject: format!("tag {}", m.tag),
        status: Status::Invalid,
        detail: m.why,
        fix: Some(m.back.fix),
    })
}
