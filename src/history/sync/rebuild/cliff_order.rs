//! The order of a sub-section's entries a git-cliff configuration asks for. git-cliff's own
//! `cliff.toml` (and the templates made from it) lists a group's commits with a scope first,
//! sorted by scope, then those without one, each in the order git-cliff gives them:
//!
//! ```text
//! {% for commit in entry.commits | filter(attribute="scope") | sort(attribute="scope") %}
//! ...
//! {% for commit in entry.commits %}{%- if not commit.scope -%} ...
//! ```
//!
//! Tera's `sort` is stable and compares strings byte by byte, so commits of one scope keep
//! their order. A rebuild of a changelog git-cliff made from such a configuration does the
//! same, rather than history's order with breaking changes first.

use std::path::Path;
use std::rc::Rc;

use crate::history::changelog::cliff_rank;
use crate::history::changelog::entry::NewEntry;

/// The git-cliff configuration at the top of the work tree `top`: the first of
/// [`crate::config::cliff::CLIFF_FILES`] there, if it reads as TOML (the table its `commit_parsers` were read
/// from, not parsed again).
fn cliff_config(top: &Path) -> Option<Rc<toml::Table>> {
    crate::config::cliff::read(top)?.2
}

/// Whether the git-cliff configuration at the top of the work tree `top` sorts a group's
/// commits by scope.
pub(super) fn sorts_by_scope(top: &Path) -> bool {
    cliff_config(top).is_some_and(|c| config_sorts_by_scope(&c))
}

fn config_sorts_by_scope(config: &toml::Table) -> bool {
    let body = config
        .get("changelog")
        .and_then(|c| c.get("body"))
        .and_then(toml::Value::as_str);
    body.is_some_and(body_sorts_by_scope)
}

/// Whether the template marks a breaking change as git-cliff's own do: `[**breaking**]`.
fn config_marks_breaking(config: &toml::Table) -> bool {
    let body = config.get("changelog").and_then(|c| c.get("body"));
    body.and_then(toml::Value::as_str)
        .is_some_and(|b| b.contains("[**breaking**]"))
}

/// The group names `[git] commit_parsers` give commits, as configured.
fn group_names(config: &toml::Table) -> Vec<String> {
    let parsers = config
        .get("git")
        .and_then(|g| g.get("commit_parsers"))
        .and_then(toml::Value::as_array);
    parsers
        .into_iter()
        .flatten()
        .filter_map(|p| p.get("group").and_then(toml::Value::as_str))
        .map(str::to_owned)
        .collect()
}

/// Where `log` places what post-commit, `--sync` and a release add: a new sub-section by
/// `[changelog] order` and named after the project's git-cliff group of its kind, a new
/// entry by scope where that configuration sorts a group so; and in git-cliff's capital
/// where the newest entry has it, with its breaking mark where the template writes it.
pub fn place_as_configured(
    log: &mut crate::history::changelog::Changelog,
    repo: &crate::git::Repo,
    config: &crate::config::Config,
) {
    let cliff = repo.work_tree().and_then(|top| cliff_config(&top));
    let cliff = cliff.as_deref();
    // The project's own `[changelog] order` wins; else git-cliff's order of its groups.
    match cliff.map(group_order).unwrap_or_default() {
        groups if config.changelog.order.is_empty() && !groups.is_empty() => {
            log.set_order(&groups);
        }
        _ => log.set_order(&config.changelog.order),
    }
    log.set_sorted_by_scope(cliff.is_some_and(config_sorts_by_scope));
    log.set_cliff_breaking(cliff.is_some_and(config_marks_breaking));
    log.set_cliff_groups(&cliff.map(group_names).unwrap_or_default());
    let body = cliff.and_then(|c| c.get("changelog")?.get("body")?.as_str());
    log.set_cliff_unreleased(body);
    let upper = crate::history::sync::newest_case::newest_cliff_case(log, repo);
    log.set_cliff_case(upper);
}

/// The headings of the groups `[git] commit_parsers` give, in the order the template lists
/// them: `commit_groups(groups=commit_parsers_groups)` in the parsers' order, Tera's
/// `group_by(attribute="group")` in the byte order of the names as configured (why
/// git-cliff's templates put `<!-- 0 -->` before them); empty for any other template (a
/// group made of `$1` can be placed by no order).
fn group_order(config: &toml::Table) -> Vec<String> {
    let body = config
        .get("changelog")
        .and_then(|c| c.get("body"))
        .and_then(toml::Value::as_str)
        .map(squeezed)
        .unwrap_or_default();
    let mut groups = group_names(config);
    if groups.iter().any(|g| g.contains('$')) {
        return Vec::new();
    }
    if body.contains("group_by(attribute=\"group\")") {
        groups.sort();
    } else if !body.contains("commit_groups(groups=commit_parsers_groups)") {
        return Vec::new();
    }
    let mut headings: Vec<String> = Vec::new();
    for g in groups
        .iter()
        .map(|g| crate::history::changelog::cliff_parsed::cliff_heading(g))
    {
        if !g.is_empty() && !headings.contains(&g) {
            headings.push(g);
        }
    }
    headings
}

/// A Tera template without blanks, with one kind of quote.
fn squeezed(body: &str) -> String {
    body.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '\'' { '"' } else { c })
        .collect()
}

/// Whether a Tera body sorts commits by scope: `sort(attribute="scope")`, blanks and either
/// quote allowed.
fn body_sorts_by_scope(body: &str) -> bool {
    squeezed(body).contains("sort(attribute=\"scope\")")
}

/// `entries` (one sub-section's, in history's order) as git-cliff's template lists them: those
/// with a scope first, by scope (stable), then those without one ([`cliff_rank`], the rule
/// post-commit and `--sync` place a new entry by too).
pub(super) fn ordered(mut entries: Vec<&NewEntry>) -> Vec<&NewEntry> {
    entries.sort_by(|a, b| cliff_rank(&a.text).cmp(&cliff_rank(&b.text)));
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_s_sort_is_found_however_spaced() {
        assert!(body_sorts_by_scope(
            "{% for c in commits\n    | filter(attribute=\"scope\")\n    | sort(attribute=\"scope\") %}"
        ));
        assert!(body_sorts_by_scope("| sort( attribute = 'scope' )"));
        assert!(!body_sorts_by_scope("| sort(attribute=\"group\")"));
    }

    #[test]
    fn scoped_entries_come_first_by_scope_in_a_stable_order() {
        let e = |text: &str| NewEntry {
            section: "Fixed".into(),
            text: text.into(),
            breaking: false,
        };
        let entries = [
            e("plain one"),
            e("**cli:** newest cli"),
            e("**api:** api"),
            e("**cli:** older cli"),
            e("plain two"),
        ];
        let texts: Vec<&str> = ordered(entries.iter().collect())
            .into_iter()
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "**api:** api",
                "**cli:** newest cli",
                "**cli:** older cli",
                "plain one",
                "plain two"
            ]
        );
    }
}
