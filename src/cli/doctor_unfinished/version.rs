//! Doctor's version rows: what stops `relhook version` and every release here, said before a
//! release trips on it; HEAD released already (nothing to release) is no error.

use crate::cli::doctor::views_of;
use crate::error::Reason;
use crate::hooks::doctor::{self, Status};

/// The version row of the root and of each package whose version cannot be told (and a
/// package's tags missing where the root's tag released its version).
pub(in crate::cli) fn version_rows(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
    out: &mut Vec<doctor::Check>,
) {
    // What stops `relhook version` and every release here (tags of another scheme, `0.1.0`
    // where they are `v0.1.0`; a version file no SemVer reads): said before a release trips on it.
    if let Some(root) = repo.work_tree() {
        for view in std::iter::once(config.clone()).chain(views_of(repo, config)) {
            if let Err(e) = crate::release::current_version(repo, &view, &root) {
                let subject = match &view.package {
                    Some(p) => format!("version of {}", p.name),
                    None => "version".into(),
                };
                // HEAD released already (a worktree of a merged, released branch): nothing
                // to fix; why, in one line.
                let released =
                    matches!(&e, crate::Error::Refused(r) if r.reason == Reason::NothingToRelease);
                // A refusal's fix on its own line, as every row gives it.
                let (what, fix) = match e {
                    crate::Error::Refused(r) => (r.what, r.fix),
                    crate::Error::VersionFile(v) => (v.to_string(), v.fix()),
                    e => (e.to_string(), e.hint()),
                };
                let row = match fix {
                    _ if released => doctor::Check {
                        subject,
                        status: Status::Ok,
                        detail: what,
                        fix: None,
                    },
                    // Every INVALID row has a fix: one the error does not name is a generic one.
                    fix => doctor::Check {
                        subject,
                        status: Status::Invalid,
                        detail: format!("{what}: {}", stopped(repo, &view, &root)),
                        fix: Some(fix.unwrap_or_else(|| {
                            "fix what it names, then run `relhook doctor` again".to_owned()
                        })),
                    },
                };
                out.push(row);
            }
            // A package's tags missing where the root's tag released its version.
            if let Some(r) = crate::release::packages::released_at_root(repo, config, &view, &root)
                && let Some(p) = &view.package
            {
                out.push(doctor::Check {
                    subject: format!("package {}", p.name),
                    status: Status::Invalid,
                    detail: format!("{}; its release is refused", r.what),
                    fix: r.fix,
                });
            }
        }
    }
}

/// Whether `view`'s version row names tags relhook cannot read as releases (`2.4.1` where
/// they are `v…`): the changelog's rows leave that problem to it, one problem in one row.
pub(in crate::cli) fn version_row_names_tags(
    repo: &crate::git::Repo,
    view: &crate::config::Config,
) -> bool {
    let Some(root) = repo.work_tree() else {
        return false;
    };
    let Err(tags) = crate::release::check_tag_prefix(repo, view, &root) else {
        return false;
    };
    crate::release::current_version(repo, view, &root)
        .is_err_and(|e| e.to_string() == tags.to_string())
}

/// What a version that cannot be told stops: the changelog's command too when the tags are
/// what it cannot read (the changelog's row then leaves the problem to the version's).
fn stopped(
    repo: &crate::git::Repo,
    view: &crate::config::Config,
    root: &std::path::Path,
) -> String {
    if crate::release::check_tag_prefix(repo, view, root).is_ok() {
        return "`relhook version` and releases stop here".to_owned();
    }
    let named = (view.package.as_ref()).map(|p| crate::shellword::quote(&p.name));
    let named = named.map(|n| format!(" --package {n}")).unwrap_or_default();
    format!("`relhook version`, `relhook changelog{named}` and releases stop here")
}
