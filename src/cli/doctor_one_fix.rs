//! Doctor's closing line, when one command fixes every row: a fresh clone of a repository
//! whose hooks husky runs says MISSING on several rows, some fixed by `npx husky`, one by `npx
//! husky && relhook install`; the teammate is told the one command that sees to them all.

use crate::hooks::doctor::{Check, Status};

/// The one command that fixes every row that needs fixing, when there are two or more such
/// rows and one row's command holds every other's (`a && b` holds `a`); `None` otherwise (a
/// row with no command, an edit, or commands that are not parts of one).
pub(super) fn one_fix(checks: &[Check]) -> Option<String> {
    let failing: Vec<&Check> = checks
        .iter()
        .filter(|c| !matches!(c.status, Status::Ok | Status::Warning))
        .collect();
    if failing.len() < 2 {
        return None;
    }
    let commands: Vec<&str> = failing
        .iter()
        .map(|c| c.fix.as_deref().and_then(command))
        .collect::<Option<_>>()?;
    let parts = |c: &str| c.split(" && ").map(str::to_owned).collect::<Vec<_>>();
    let all = commands.iter().max_by_key(|c| parts(c).len())?;
    let holds = parts(all);
    commands
        .iter()
        .all(|c| parts(c).iter().all(|p| holds.contains(p)))
        .then(|| (*all).to_owned())
}

/// What the one command fixes, for the closing line: "all of it", or "all but the warnings"
/// when a warning's row names a fix that the command does not hold (a changelog to sync
/// stays to sync after `npx husky`), so the line does not promise what its rows belie.
pub(super) fn all_or_but_warnings(checks: &[Check], one: &str) -> &'static str {
    let holds: Vec<&str> = one.split(" && ").collect();
    let left = checks.iter().any(|c| {
        c.status == Status::Warning
            && c.fix.as_deref().is_some_and(|fix| {
                command(fix).is_none_or(|c| !c.split(" && ").all(|p| holds.contains(&p)))
            })
    });
    if left {
        "all but the warnings"
    } else {
        "all of it"
    }
}

/// The command of a fix that is one (`relhook install`, or with a closing word on what it
/// does: `relhook install (adds …)`); `None` for prose, an edit or lines to paste.
fn command(fix: &str) -> Option<&str> {
    let command = match fix.split_once(" (") {
        Some((command, why)) if why.ends_with(')') => command,
        Some(_) => return None,
        None => fix,
    };
    let known = ["relhook ", "npx ", "git "];
    let plain = !command.contains(['`', ';', '\n', '"', '\'', '$', '|', '>']);
    (plain && known.iter().any(|k| command.starts_with(k))).then_some(command)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(status: Status, fix: Option<&str>) -> Check {
        Check {
            subject: "hook x".into(),
            status,
            detail: String::new(),
            fix: fix.map(str::to_owned),
        }
    }

    #[test]
    fn the_command_that_holds_every_other_is_named() {
        let checks = [
            row(Status::Missing, Some("npx husky")),
            row(Status::Missing, Some("npx husky && relhook install")),
            row(Status::Ok, None),
            row(Status::Warning, Some("something else")),
        ];
        assert_eq!(
            one_fix(&checks).as_deref(),
            Some("npx husky && relhook install")
        );
        let checks = [
            row(Status::Missing, Some("relhook install (adds x; keeps y)")),
            row(Status::Missing, Some("relhook install")),
        ];
        assert_eq!(one_fix(&checks).as_deref(), Some("relhook install"));
    }

    #[test]
    fn a_warning_with_its_own_fix_is_left_out_of_all_of_it() {
        let checks = [
            row(Status::Missing, Some("npx husky")),
            row(Status::Warning, Some("relhook changelog --sync")),
        ];
        assert_eq!(
            all_or_but_warnings(&checks, "npx husky"),
            "all but the warnings"
        );
        let held = [
            row(Status::Missing, Some("npx husky")),
            row(Status::Warning, Some("npx husky")),
            row(Status::Warning, None),
        ];
        assert_eq!(all_or_but_warnings(&held, "npx husky"), "all of it");
    }

    #[test]
    fn no_one_command_is_named_when_none_fixes_all() {
        let one = [row(Status::Missing, Some("relhook install"))];
        assert_eq!(one_fix(&one), None);
        let two = [
            row(Status::Missing, Some("npx husky")),
            row(Status::Invalid, Some("relhook release --resume")),
        ];
        assert_eq!(one_fix(&two), None);
        let prose = [
            row(Status::Missing, Some("relhook install")),
            row(
                Status::Invalid,
                Some("run git from inside the work tree (cd /x)"),
            ),
        ];
        assert_eq!(one_fix(&prose), None);
        let bare = [
            row(Status::Missing, Some("relhook install")),
            row(Status::Invalid, None),
        ];
        assert_eq!(one_fix(&bare), None);
    }
}
