//! The headers of the commits relhook advises (`git commit -m "docs(changelog): sync with
//! history"`): pasted as given, each must pass the repository's own rules, or the commit-msg
//! hook refuses what relhook just said to run. Each is tried as meant, then with another
//! allowed type and scope, then the same with a shorter text where the caller has one (a
//! file's name for its path, under `header_max_length`), and the first the linter passes is
//! the one given. When none does (`types = ["feat", "fix"]` allows no type that adds
//! nothing), the header is given as meant: the hook's refusal then names `commit.types`,
//! where a commit made past the hooks would pass here and be refused by pre-push later.

use crate::commit::lint::{Input, Mode, lint_bytes};
use crate::commit::message::{Cleanup, CommentPrefix};
use crate::config::CommitConfig;

/// Types that add no changelog entry, the nearest to a chore, tried when `ty` is not allowed.
const QUIET: &[&str] = &["chore", "build", "docs", "ci", "refactor", "style", "test"];

/// Types that add an entry or bump the version by default: never advised for relhook's own
/// bookkeeping commits, which would then list themselves and make a release.
const LOUD: &[&str] = &["feat", "fix", "perf", "revert"];

/// The scope given when one is required, any is allowed, and the advice names none.
const OWN_SCOPE: &str = "relhook";

/// The header `ty(scope): text` as `config` allows it: `ty` or another allowed type (one that
/// adds no entry first, never one that adds an entry or bumps the version), `scope` or none,
/// or else one of `scopes`, with the first of `texts` (the fullest first) that one of them
/// lets pass. One that no candidate lets pass is given as meant (the first text), with the
/// linter's own `try:` fix when that passes and is no such type.
fn chosen(config: &CommitConfig, ty: &str, scope: Option<&str>, texts: &[&str]) -> String {
    chosen_unlisted(config, &|_| false, (ty, scope), texts)
}

/// [`chosen`], passing over a header `listed` says gets a changelog entry.
fn chosen_unlisted(
    config: &CommitConfig,
    listed: &dyn Fn(&str) -> bool,
    (ty, scope): (&str, Option<&str>),
    texts: &[&str],
) -> String {
    let allowed = |t: &&str| config.types.iter().any(|a| a == t);
    let mut types: Vec<&str> = std::iter::once(ty).chain(QUIET.iter().copied()).collect();
    types.retain(allowed);
    types.extend(config.types.iter().map(String::as_str));
    types.retain(|t| !LOUD.contains(t));
    let mut scopes: Vec<Option<&str>> = vec![scope, None];
    scopes.extend(config.scopes.iter().map(|s| Some(s.as_str())));
    scopes.push(Some(scope.unwrap_or(OWN_SCOPE)));
    let made = |t: &str, s: Option<&str>, text: &str| match s {
        Some(s) => format!("{t}({s}): {text}"),
        None => format!("{t}: {text}"),
    };
    // The text outermost: a type or scope other than meant loses less than a shorter text.
    for text in texts {
        for t in &types {
            for s in &scopes {
                let candidate = made(t, *s, text);
                if passes(config, &candidate) && !listed(&candidate) {
                    return candidate;
                }
            }
        }
    }
    let meant = made(ty, scope, texts.first().copied().unwrap_or_default());
    let verdict = lint(config, &meant);
    (verdict.diagnostics.into_iter())
        .filter_map(|d| d.suggestion)
        .find(|s| passes(config, s) && !is_loud(s))
        .unwrap_or(meant)
}

/// Whether `header`'s type is one of [`LOUD`].
fn is_loud(header: &str) -> bool {
    let end = header.find(['(', '!', ':']).unwrap_or(header.len());
    LOUD.contains(&header[..end].trim())
}

/// The trailer relhook's advice puts on its changelog bookkeeping commits (`git commit -m
/// "docs(changelog): sync with history" --trailer Relhook=bookkeeping`), which git writes
/// `Relhook: bookkeeping`: what tells them from a user's commit worded the same.
pub const TRAILER: &str = "Relhook=bookkeeping";

/// Whether `c` is one of relhook's own bookkeeping commits (`docs(changelog): sync with
/// history`, `chore: adopt relhook`), under any type it may have advised but one of [`LOUD`]:
/// such a commit changes nothing a user sees and gets no entry, even where a git-cliff parser
/// (`^doc`) would list it. Its [`TRAILER`] marks it, whatever its header; without it, a
/// header worded as relhook advised it with no body (what the advice before the trailer
/// made). A user's commit with a body of its own is the user's (QA311).
pub fn is_bookkeeping(c: &crate::commit::parse::Commit) -> bool {
    if c.breaking || LOUD.iter().any(|l| l.eq_ignore_ascii_case(&c.ty)) {
        return false;
    }
    let (token, value) = TRAILER.split_once('=').unwrap_or_default();
    let marked =
        (c.footers.iter()).any(|f| f.token.eq_ignore_ascii_case(token) && f.value.trim() == value);
    marked || (c.body.is_none() && worded(c.scope.as_deref(), &c.description))
}

/// Whether `description` (of `scope`) is worded as one of the bookkeeping commits relhook
/// advises ([`is_bookkeeping`]).
fn worded(scope: Option<&str>, description: &str) -> bool {
    let of_changelog = scope.is_some_and(|s| s.eq_ignore_ascii_case("changelog"));
    let between = |start: &str, end: &str| {
        description.len() > start.len() + end.len()
            && description.starts_with(start)
            && description.ends_with(end)
    };
    BOOKKEEPING.contains(&description)
        || between("list what ", " released")
        || between("convert ", " to LF line endings")
        || (of_changelog && between("restore ", ""))
}

/// The whole descriptions of the bookkeeping commits relhook advises ([`is_bookkeeping`]).
const BOOKKEEPING: &[&str] = &[
    "sync with history",
    "rebuild from history",
    "relhook settings",
    "adopt relhook",
    "run relhook from the hooks",
];

/// The command that commits with the advised header (see [`chosen`]): `git commit -m
/// "docs(changelog): sync with history"`, the header in the double quotes people write when
/// nothing in it means anything to the shell there, else quoted for the shell (a header that
/// names a file with a line break or ESC by `printf`, one line that pastes as it was meant).
pub fn commit(config: &CommitConfig, ty: &str, scope: Option<&str>, text: &str) -> String {
    commit_any(config, ty, scope, &[text])
}

/// [`commit`] with the first of `texts` the rules let pass (the fullest first, then shorter
/// ones: `edit Chart.yaml` for `edit deploy/helm/Chart.yaml`, whose path a pathspec names).
pub fn commit_any(config: &CommitConfig, ty: &str, scope: Option<&str>, texts: &[&str]) -> String {
    quoted(&chosen(config, ty, scope, texts))
}

/// `git commit -m` with header `h` (see [`commit`]).
fn quoted(h: &str) -> String {
    let quoted = match h.contains(['"', '\'', '$', '`', '\\', '!']) || h.contains(char::is_control)
    {
        true => crate::shellword::quote(h),
        false => format!("\"{h}\""),
    };
    format!("git commit -m {quoted}")
}

/// [`commit_any`] for a commit of relhook's own bookkeeping in the changelog (`--sync`'s,
/// a conversion's): a header `listed` says the project's changelog rules give an entry
/// (`[changelog.sections]` or git-cliff's parsers: cocogitto's `docs = "Documentation"`) is
/// passed over for one they give none, or the commit would list itself
/// (`- (**changelog**) sync with history`, QA294). `listed` is
/// `history::changelog::cliff_parsed::unlisted`'s, so this module reads no changelog rules.
/// The command adds the [`TRAILER`] that marks the commit as relhook's.
pub fn commit_unlisted(
    config: &CommitConfig,
    listed: &dyn Fn(&str) -> bool,
    (ty, scope): (&str, Option<&str>),
    texts: &[&str],
) -> String {
    let header = chosen_unlisted(config, listed, (ty, scope), texts);
    format!("{} --trailer {TRAILER}", quoted(&header))
}

fn lint(config: &CommitConfig, header: &str) -> crate::commit::lint::Verdict {
    let input = Input {
        cleanup: Cleanup::Whitespace,
        comment: CommentPrefix::default(),
    };
    lint_bytes(header.as_bytes(), &input, config, Mode::Hook)
}

fn passes(config: &CommitConfig, header: &str) -> bool {
    !lint(config, header).failed()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(c: &CommitConfig, ty: &str, scope: Option<&str>, text: &str) -> String {
        chosen(c, ty, scope, &[text])
    }

    fn config(types: &[&str], scopes: &[&str], require_scope: bool) -> CommitConfig {
        let mut c = crate::config::Config::default().commit;
        c.types = types.iter().map(|t| t.to_string()).collect();
        c.scopes = scopes.iter().map(|s| s.to_string()).collect();
        c.require_scope = require_scope;
        c
    }

    fn bookkeeping(message: &str) -> bool {
        is_bookkeeping(&crate::commit::parse::commit(message).unwrap())
    }

    #[test]
    fn relhooks_own_bookkeeping_commits_are_known_by_their_words_or_trailer() {
        assert!(bookkeeping("docs(changelog): sync with history"));
        assert!(bookkeeping("chore: rebuild from history"));
        assert!(bookkeeping("docs(changelog): list what 1.2.0 released"));
        assert!(bookkeeping("docs(changelog): restore CHANGELOG.md"));
        assert!(!bookkeeping("docs: restore the FAQ"));
        assert!(!bookkeeping("fix(changelog): sync with history"));
        assert!(!bookkeeping("docs: sync with history of the API"));
        // The trailer marks any header; a body of the user's own marks none.
        assert!(bookkeeping("docs: tidy\n\nRelhook: bookkeeping"));
        assert!(bookkeeping(
            "docs(changelog): sync with history\n\nRelhook: bookkeeping"
        ));
        assert!(!bookkeeping(
            "docs(changelog): sync with history\n\nExplain the sync."
        ));
        assert!(!bookkeeping("feat: x\n\nRelhook: bookkeeping"));
    }

    #[test]
    fn the_default_rules_keep_the_header_as_meant() {
        let c = crate::config::Config::default().commit;
        assert_eq!(header(&c, "chore", None, "edit a"), "chore: edit a");
        let h = header(&c, "docs", Some("changelog"), "sync with history");
        assert_eq!(h, "docs(changelog): sync with history");
    }

    #[test]
    fn a_type_or_scope_the_rules_refuse_is_replaced_by_an_allowed_one() {
        let c = config(&["feat", "fix", "docs"], &["core"], true);
        assert_eq!(header(&c, "chore", None, "edit a"), "docs(core): edit a");
        let h = header(&c, "docs", Some("changelog"), "sync with history");
        assert_eq!(h, "docs(core): sync with history");
    }

    #[test]
    fn a_type_that_adds_an_entry_or_a_bump_is_never_advised() {
        let c = config(&["feat", "fix", "ci"], &[], false);
        assert_eq!(header(&c, "docs", None, "sync"), "ci: sync");
        assert!(is_loud("feat(core): x") && is_loud("fix!: x") && !is_loud("docs: x"));
    }

    #[test]
    fn a_required_scope_from_no_list_is_the_one_meant_or_relhooks() {
        let c = config(&["chore", "docs"], &[], true);
        assert_eq!(
            header(&c, "chore", None, "edit a"),
            "chore(relhook): edit a"
        );
        let h = header(&c, "docs", Some("changelog"), "x");
        assert_eq!(h, "docs(changelog): x");
    }

    #[test]
    fn a_listed_scope_is_dropped_when_none_is_required() {
        let c = config(&["docs"], &["core"], false);
        let h = header(&c, "docs", Some("changelog"), "x");
        assert_eq!(h, "docs: x");
    }

    /// QA47: a path too long for `header_max_length` gave a header the hook refused.
    #[test]
    fn a_shorter_text_is_taken_when_the_full_one_is_too_long() {
        let mut c = crate::config::Config::default().commit;
        c.header_max_length = 50;
        let texts = [
            "edit deploy/helm/charts/payments-service/Chart.yaml",
            "edit Chart.yaml",
        ];
        assert_eq!(chosen(&c, "chore", None, &texts), "chore: edit Chart.yaml");
        let texts = ["edit deploy/Chart.yaml", "edit Chart.yaml"];
        assert_eq!(
            chosen(&c, "chore", None, &texts),
            "chore: edit deploy/Chart.yaml"
        );
        let mut c = config(&["feat", "fix", "build"], &[], true);
        c.header_max_length = 30;
        let texts = ["ignore build output", "ignore output"];
        let h = chosen(&c, "chore", None, &texts);
        assert_eq!(h, "build(relhook): ignore output");
    }

    #[test]
    fn with_no_quiet_type_allowed_the_commit_is_advised_as_meant() {
        let c = config(&["feat", "fix"], &[], false);
        assert_eq!(
            commit(&c, "chore", None, "edit a"),
            "git commit -m \"chore: edit a\""
        );
        let c = crate::config::Config::default().commit;
        assert_eq!(
            commit(&c, "chore", None, "edit a"),
            "git commit -m \"chore: edit a\""
        );
        let h = commit(&c, "chore", None, "edit it's");
        assert_eq!(h, "git commit -m 'chore: edit it'\\''s'");
    }
}
