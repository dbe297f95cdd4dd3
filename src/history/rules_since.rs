//! The rules a commit fails now that were not in force when it was made: a rule turned on (or
//! made stricter) in `.relconfig.toml` since. Such a commit may well have met the commit-msg
//! hook, which judged it by the file as it was: the one committed with it (the hook reads the
//! work tree's, which that commit recorded).

use std::collections::HashMap;
use std::path::Path;

use git2::Oid;

use crate::commit::vocab::{Level, Rule};
use crate::config::Config;
use crate::git::{Repo, StoredCommit};

/// A rule `c` fails under `config` but not under the configuration committed with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Since {
    /// The rule.
    pub rule: Rule,
    /// Whether it was off then (else its setting was laxer: a longer header allowed).
    pub was_off: bool,
}

/// The configurations committed with the commits asked about, by blob: a long history of
/// refused commits shares a few versions of the file, each parsed once.
pub type Configs = HashMap<Oid, Option<Config>>;

/// The rules `c` fails under `config` that the `.relconfig.toml` committed with it did not hold
/// it to; `None` when that file is missing or unreadable, or when `c` fails it too (a commit
/// the hook as it was then would have refused: it skipped the hook).
pub fn rules_since(
    repo: &Repo,
    config: &Config,
    c: &StoredCommit,
    configs: &mut Configs,
) -> Option<Vec<Since>> {
    let file = Path::new(crate::config::FILE_NAME);
    let blob = repo.blob_at(c.id, file)?;
    let then = configs.entry(blob).or_insert_with(|| {
        let stored = repo.file_at(c.id, file).ok()??;
        Config::parse(file, std::str::from_utf8(&stored.bytes).ok()?).ok()
    });
    let then = then.as_ref()?;
    let verdict = |config: &Config| super::unlinted::verdict(repo, config, c, c.parents);
    if verdict(then).is_some_and(|v| v.failed()) {
        return None;
    }
    let now = verdict(config)?;
    let mut out: Vec<Since> = Vec::new();
    for d in now
        .diagnostics
        .iter()
        .filter(|d| d.severity == Level::Error)
    {
        if !out.iter().any(|s| s.rule == d.rule) {
            out.push(Since {
                rule: d.rule,
                was_off: then.commit.levels.of(d.rule) == Level::Off,
            });
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The clause that says so: "`package-scope` was off", "`header-max-length` was laxer".
pub fn describe(since: &[Since]) -> String {
    since
        .iter()
        .map(|s| {
            let then = if s.was_off { "was off" } else { "was laxer" };
            format!("`{}` {then}", s.rule.name())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_says_how_it_stood_then() {
        let since = [
            Since {
                rule: Rule::PackageScope,
                was_off: true,
            },
            Since {
                rule: Rule::HeaderMaxLength,
                was_off: false,
            },
        ];
        assert_eq!(
            describe(&since),
            "`package-scope` was off, `header-max-length` was laxer"
        );
    }
}
