//! What the opt-in `package-scope` rule needs to know: which packages a commit touches. The
//! commit-msg hook reads the staged files (through `git diff --cached`, which honours the
//! temporary index of `git commit -a`); `check` and pre-push read the commit's own diff.
//! Nothing is read unless the rule is on and there are packages.

use std::path::Path;

use crate::commit::lint::package_scope::{self, Touched};
use crate::commit::lint::{Level, Rule, Verdict};
use crate::config::{Config, Package};
use crate::git::Repo;

/// Whether the rule is on in a monorepo.
pub fn wanted(config: &Config) -> bool {
    !config.packages.is_empty() && config.commit.levels.of(Rule::PackageScope) != Level::Off
}

/// The packages whose directories hold one of `paths`, in configuration order. Their
/// changelogs are bookkeeping, not a change to the package: the commit `changelog --sync
/// --all` names (`docs(changelog): sync with history`, every package's file) touches none.
fn holding<'c>(packages: &'c [Package], paths: &[&Path]) -> Vec<&'c Package> {
    let changelog = |f: &Path| packages.iter().any(|p| f == p.changelog.as_path());
    packages
        .iter()
        .filter(|p| {
            paths
                .iter()
                .any(|f| f.starts_with(&p.path) && !changelog(f))
        })
        .collect()
}

fn judge(verdict: &mut Verdict, config: &Config, touched: &[&Package]) {
    let touched: Vec<Touched<'_>> = touched
        .iter()
        .map(|p| Touched {
            name: &p.name,
            scopes: &p.scopes,
        })
        .collect();
    package_scope::check(verdict, &config.commit, &touched);
}

/// The commit-msg hook: judges the message against the files staged for this commit.
pub fn staged(cwd: &Path, config: &Config, verdict: &mut Verdict) {
    if !wanted(config) || verdict.ignored.is_some() {
        return;
    }
    let Ok(repo) = Repo::open(cwd) else { return };
    let Ok(listed) = repo.run_git(
        &["diff", "--cached", "--name-only", "-z", "--no-renames"],
        None,
    ) else {
        return;
    };
    let paths: Vec<&Path> = listed
        .split('\0')
        .filter(|p| !p.is_empty())
        .map(Path::new)
        .collect();
    judge(verdict, config, &holding(&config.packages, &paths));
}

/// `check` and pre-push: judges a stored commit against its own changes.
pub fn stored(repo: &Repo, config: &Config, commit: git2::Oid, verdict: &mut Verdict) {
    if !wanted(config) || verdict.ignored.is_some() {
        return;
    }
    let Ok(changed) = repo.changed_paths(commit, &[]) else {
        return;
    };
    let paths: Vec<&Path> = changed.iter().map(|p| p.as_path()).collect();
    judge(verdict, config, &holding(&config.packages, &paths));
}
