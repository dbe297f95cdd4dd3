//! `package-scope` (opt-in, off by default): in a monorepo, a commit that changes several
//! packages names in its scope the package it is about (`fix(api): …`), so that each
//! package's changelog entry says where the change is. Which packages a commit touches is
//! decided by the caller (the staged files in commit-msg, the commit's diff in `check` and
//! pre-push); this only judges the header.

use super::{Diagnostic, Verdict};
use crate::commit::vocab::{Level, Rule};
use crate::config::CommitConfig;

/// A package the commit touches: its name and the other scopes that name it.
#[derive(Debug, Clone, Copy)]
pub struct Touched<'a> {
    /// The package's name (`[packages.<name>]`).
    pub name: &'a str,
    /// Its `scopes`.
    pub scopes: &'a [String],
}

/// Adds the `package-scope` finding to `verdict` when the rule is on, the commit touches two
/// packages or more, and its scope names none of them (no finding for a message that is
/// ignored or whose header does not parse: other rules report that; none for relhook's own
/// release commit, which `types` and `scopes` leave alone too).
pub fn check(verdict: &mut Verdict, config: &CommitConfig, touched: &[Touched<'_>]) {
    let level = config.levels.of(Rule::PackageScope);
    if level == Level::Off || touched.len() < 2 || verdict.ignored.is_some() {
        return;
    }
    let header = verdict.header.clone();
    // relhook's own release commit changes every package it releases, and names their tags.
    if config.is_release_header(&header) {
        return;
    }
    let Ok(h) = crate::commit::parse::header(&header) else {
        return;
    };
    let names = |s: &str| {
        touched
            .iter()
            .any(|t| t.name == s || t.scopes.iter().any(|x| x == s))
    };
    let chars = |end: usize| header[..end].chars().count();
    let list: Vec<&str> = touched.iter().map(|t| t.name).collect();
    let (column, width, suggestion) = match &h.scope {
        Some((scope, range)) => {
            if scope.split(',').map(str::trim).any(names) {
                return;
            }
            let width = header[range.clone()].chars().count().max(1);
            (chars(range.start) + 1, width, None)
        }
        None => {
            let at = h.ty.len();
            let fixed = format!("{}({}){}", &header[..at], list[0], &header[at..]);
            (chars(at) + 1, 1, Some(fixed))
        }
    };
    verdict.diagnostics.push(Diagnostic {
        rule: Rule::PackageScope,
        severity: level,
        message: format!(
            "this commit changes {} packages ({}) and its scope names none of them",
            list.len(),
            list.join(", ")
        ),
        line: 1,
        column,
        width,
        source_line: header,
        expected: Some(format!(
            "a scope naming the package the change is about: {}",
            list.iter()
                .map(|n| format!("`({n})`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        suggestion,
        help: Some(
            "`[packages.<name>] scopes` gives a package more names; `[commit.rules] package-scope = \"off\"` turns the rule off"
                .into(),
        ),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commit::lint::{Input, Mode, lint_bytes};
    use crate::commit::message::{Cleanup, CommentPrefix};

    fn verdict(msg: &str, config: &CommitConfig, touched: &[Touched<'_>]) -> Verdict {
        let input = Input {
            cleanup: Cleanup::Stored,
            comment: CommentPrefix::default(),
        };
        let mut v = lint_bytes(msg.as_bytes(), &input, config, Mode::Check);
        check(&mut v, config, touched);
        v
    }

    #[test]
    fn several_packages_want_a_scope_naming_one() {
        let none: [String; 0] = [];
        let web = ["frontend".to_owned()];
        let touched = [
            Touched {
                name: "api",
                scopes: &none,
            },
            Touched {
                name: "web",
                scopes: &web,
            },
        ];
        let mut config = CommitConfig::default();
        assert!(
            verdict("fix: share a clock\n", &config, &touched)
                .diagnostics
                .is_empty()
        );
        config.levels.set(Rule::PackageScope, Level::Error);
        let v = verdict("fix: share a clock\n", &config, &touched);
        assert!(v.failed());
        let d = &v.diagnostics[0];
        assert_eq!(d.rule, Rule::PackageScope);
        assert_eq!(d.suggestion.as_deref(), Some("fix(api): share a clock"));
        assert_eq!((d.line, d.column), (1, 4));
        assert!(d.message.contains("api, web"), "{}", d.message);
        let v = verdict("fix(cache)!: share a clock\n", &config, &touched);
        assert_eq!((v.diagnostics[0].column, v.diagnostics[0].width), (5, 5));
        for ok in ["fix(api): a\n", "fix(frontend): a\n", "fix(db, web): a\n"] {
            assert!(
                verdict(ok, &config, &touched).diagnostics.is_empty(),
                "{ok}"
            );
        }
        // One package: no scope needed.
        assert!(
            verdict("fix: a\n", &config, &touched[..1])
                .diagnostics
                .is_empty()
        );
    }

    #[test]
    fn relhooks_own_release_commit_is_left_alone() {
        let none: [String; 0] = [];
        let touched = [
            Touched {
                name: "a",
                scopes: &none,
            },
            Touched {
                name: "@acme/web",
                scopes: &none,
            },
        ];
        let mut config = CommitConfig {
            release_tag_prefixes: vec!["a-v".into(), "@acme/web@".into()],
            ..CommitConfig::default()
        };
        config.levels.set(Rule::PackageScope, Level::Error);
        for ok in [
            "chore(release): a-v1.0.0, @acme/web@2.3.1\n",
            "chore(release): @acme/web@2.3.1-rc.1\n",
            "chore(release): 1.2.0\n",
        ] {
            let v = verdict(ok, &config, &touched);
            assert!(v.diagnostics.is_empty(), "{ok}: {:?}", v.diagnostics);
        }
        for bad in [
            "chore(release): a-v1.0.0, b-v1.0.0\n",
            "chore(release): a-v1.0.0, @acme/web@2.3.1 and more\n",
            "chore(deps): a-v1.0.0, @acme/web@2.3.1\n",
        ] {
            assert!(verdict(bad, &config, &touched).failed(), "{bad}");
        }
    }
}
