//! How a message says it reverts a commit: git's `Revert "<header>"` (and `Reapply
//! "<header>"`, git's name for a revert of a revert), and the Conventional Commits `revert`
//! type, whose subject is the reverted header (`revert: feat: add x`, `revert(api): …`,
//! `revert!: …`) and/or whose footer names the reverted commit (`Refs: <id>`, or git's `This
//! reverts commit <id>.`). Both are read here, once, so that post-commit, sync, rebuild,
//! version and notes judge the two forms alike.

use super::{Commit, Reverted, footer_token, header};

/// Git's `Revert "<header>"` (and `Reapply "<header>"`, nested): the quoted header and where
/// it starts in `header`. A header that is no revert is returned as is, at 0.
pub fn unwrap_revert(header: &str) -> (&str, usize) {
    let mut inner = header;
    let mut offset = 0;
    loop {
        let Some(rest) = ["Revert \"", "Reapply \""]
            .iter()
            .find_map(|p| inner.strip_prefix(p))
        else {
            return (inner, offset);
        };
        offset += inner.len() - rest.len();
        inner = unquoted(rest);
    }
}

/// What follows `Revert "` without its closing quote, and without the pull request a forge's
/// squash merge appends after it (`fix: x" (#123)` → `fix: x`).
pub fn unquoted(rest: &str) -> &str {
    let forge = rest
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once("\" (#"))
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    match forge {
        Some((quoted, _)) => quoted,
        None => rest.strip_suffix('"').unwrap_or(rest),
    }
}

/// The header a revert of a revert brings back, if `header` is one: git's `Reapply
/// "<header>"`, git's `Revert "revert: <header>"` of a `revert:` commit (git names only a
/// revert of its own `Revert "…"` a `Reapply`), and git's `Revert "Revert "<header>""`, as
/// git before 2.43 names every revert of a revert. A chain's later links nest (`Reapply
/// "Reapply "fix: x""`, `Revert "Revert "Revert "Revert "fix: x""""`): each `Revert` undoes
/// what it quotes and each `Reapply` brings it back, so an even count of `Revert`s, however
/// deep and however mixed, brings back the innermost header.
pub fn reapplied(header: &str) -> Option<&str> {
    fn quoted<'a>(h: &'a str, p: &str) -> Option<&'a str> {
        h.strip_prefix(p)?.strip_suffix('"')
    }
    let mut inner = header;
    let (mut layers, mut undoes) = (0, 0);
    loop {
        if let Some(q) = quoted(inner, "Reapply \"") {
            inner = q;
        } else if let Some(q) = quoted(inner, "Revert \"") {
            inner = q;
            undoes += 1;
        } else if let Some(d) = (layers > 0).then(|| typed_revert(inner)).flatten() {
            inner = d;
            undoes += 1;
        } else {
            break;
        }
        layers += 1;
    }
    if layers == 0 {
        return None;
    }
    if undoes % 2 == 0 {
        return Some(inner);
    }
    // A `Reapply` of a revert (no name git gives) brings back that revert.
    let mut back = quoted(header, "Reapply \"")?;
    while let Some(deeper) = quoted(back, "Reapply \"") {
        back = deeper;
    }
    Some(back)
}

/// What a `revert`-type header (`revert: fix: x`, `revert: "fix: x"`) reverts, when that is a
/// conventional header.
fn typed_revert(text: &str) -> Option<&str> {
    let h = self::header(text).ok()?;
    (h.ty.eq_ignore_ascii_case("revert") && conventional(h.description))
        .then(|| dequoted(h.description))
}

/// The header of the revert that a revert of a revert ([`reapplied`]) undoes: `Revert
/// "<header>"` for git's `Reapply "<header>"`, the quoted one for `Revert "revert: …"`.
pub fn undone_revert(header: &str) -> Option<String> {
    reapplied(header)?;
    Some(match header.strip_prefix("Revert \"") {
        Some(quoted) => quoted.strip_suffix('"').unwrap_or(quoted).to_owned(),
        // One `Reapply` taken off: `Reapply "Reapply "x""` undoes `Revert "Reapply "x""`.
        None => {
            let quoted = header.strip_prefix("Reapply \"").unwrap_or(header);
            format!("Revert \"{}\"", quoted.strip_suffix('"').unwrap_or(quoted))
        }
    })
}

/// What git's `Revert "<header>"` (`text`, of `message`) reverts, or with the pull request a
/// forge's squash merge appends (`Revert "fix: x" (#123)`). `None` unless the quoted header is
/// a conventional one: only such a revert means something for the changelog.
pub(super) fn git_revert(text: &str, message: &str) -> Option<Reverted> {
    let (quoted, after) = text.strip_prefix("Revert \"")?.rsplit_once('"')?;
    let pull_request = after
        .strip_prefix(" (#")
        .and_then(|r| r.strip_suffix(')'))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !(after.is_empty() || pull_request.is_some()) {
        return None;
    }
    header(unwrap_revert(quoted).0).ok()?;
    Some(Reverted {
        header: quoted.to_owned(),
        commit: reverted_commit(message),
        pull_request: pull_request.map(str::to_owned),
    })
}

/// The commit id a revert's body names (`This reverts commit <id>.`), as written.
pub fn reverted_commit(message: &str) -> Option<String> {
    reverted_commits(message).into_iter().next()
}

/// Every commit id a revert's body names, in order: one commit reverting several (`git revert
/// -n A B`, then a message of one's own) names each on a `This reverts commit <id>.` line.
pub fn reverted_commits(message: &str) -> Vec<String> {
    message
        .lines()
        .filter_map(|l| {
            let rest = l.trim().strip_prefix("This reverts commit ")?;
            let id = rest.trim_end_matches('.').trim();
            is_commit_id(id).then(|| id.to_owned())
        })
        .collect()
}

/// Whether a header says that its commit reverts another: git's `Revert "…"`, the `revert`
/// type (`revert:`, `revert(scope):`, `revert!:`), or git's text under another type (`fix:
/// Revert "…"`). Told from the header alone, before anything is parsed.
pub fn is_revert_header(header: &str) -> bool {
    header.starts_with("Revert \"")
        || header
            .get(..6)
            .is_some_and(|t| t.eq_ignore_ascii_case("revert"))
            && header[6..].starts_with(['(', '!', ':'])
        || header
            .split_once(": ")
            .is_some_and(|(ty, d)| !ty.contains(' ') && d.starts_with("Revert \""))
}

/// The header a revert reverts in the end, every wrapping taken off: git's quotes (`Revert
/// "…"`, `Reapply "…"`) and the `revert` type whose subject is a conventional header
/// (`revert: feat: add x` → `feat: add x`). Any other header is returned as it is.
pub fn reverted_header(header: &str) -> &str {
    let mut inner = unwrap_revert(header).0;
    loop {
        match self::header(inner) {
            Ok(h) if h.ty.eq_ignore_ascii_case("revert") && conventional(h.description) => {
                inner = unwrap_revert(dequoted(h.description)).0;
            }
            _ => return inner,
        }
    }
}

/// What a `revert`-type commit `c` (its cleaned message `message`) reverts: the header its
/// subject is, when it is a conventional one (`revert: feat: add x`), and the one commit its
/// footer names (`Refs: <id>`, or git's `This reverts commit <id>.`). A subject of its own
/// with such a footer reverts that commit, its header unknown here (left empty). `None` when
/// it names neither, or several commits and no header (which one it undoes cannot be told).
pub(super) fn typed(c: &Commit, message: &str) -> Option<Reverted> {
    let named = conventional(&c.description).then(|| dequoted(&c.description).to_owned());
    let ids = match reverted_commit(message) {
        Some(id) => vec![id],
        None => footer_ids(message),
    };
    let commit = match ids.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    };
    if named.is_none() && commit.is_none() {
        return None;
    }
    Some(Reverted {
        header: named.unwrap_or_default(),
        commit,
        pull_request: None,
    })
}

/// Whether `text` is a conventional header, or git's revert of one; in double quotes too, as
/// Angular's convention writes a revert's subject (`revert: "fix: x"`).
fn conventional(text: &str) -> bool {
    header(unwrap_revert(dequoted(text)).0).is_ok()
}

/// `text` without one pair of double quotes around all of it.
fn dequoted(text: &str) -> &str {
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .filter(|t| !t.is_empty())
        .unwrap_or(text)
}

/// The commit ids that `Refs:`/`Ref:`/`Reverts:` footers name (`Refs: 676104e, a215868`);
/// not `Refs #12`, an issue.
fn footer_ids(message: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in message.lines().skip(1) {
        let Some((token, value)) = footer_token(line) else {
            continue;
        };
        let colon = line[token.len()..].starts_with(':');
        if !colon || !["refs", "ref", "reverts"].contains(&token.to_lowercase().as_str()) {
            continue;
        }
        for id in value.split([',', ' ', '\t']).map(str::trim) {
            if is_commit_id(id) && !out.iter().any(|o: &String| o.eq_ignore_ascii_case(id)) {
                out.push(id.to_owned());
            }
        }
    }
    out
}

/// An abbreviated or full commit id: 7 to 64 hex digits.
fn is_commit_id(s: &str) -> bool {
    (7..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::super::commit;
    use super::*;

    #[test]
    fn a_revert_of_several_commits_names_each() {
        let message = "Revert \"feat: a\" and \"feat: b\"\n\nThis reverts commit 1234567.\nThis reverts commit abcdef0.\n";
        assert_eq!(reverted_commits(message), ["1234567", "abcdef0"]);
        assert_eq!(reverted_commit(message).as_deref(), Some("1234567"));
        assert!(reverted_commits("feat: x\n\nThis reverts commit nothing.").is_empty());
    }

    #[test]
    fn a_revert_type_commit_reverts_the_header_its_subject_is() {
        let c = commit("revert: feat: add e\n\nRefs: 0275cd0").unwrap();
        assert_eq!(
            (c.ty.as_str(), c.description.as_str()),
            ("revert", "feat: add e")
        );
        let r = c.reverts.unwrap();
        assert_eq!(r.header, "feat: add e");
        assert_eq!(r.commit.as_deref(), Some("0275cd0"));
        let c = commit("revert(api)!: feat(api): add e\n\nThis reverts commit abcdef12.").unwrap();
        assert!(c.breaking);
        assert_eq!(c.scope.as_deref(), Some("api"));
        let r = c.reverts.unwrap();
        assert_eq!(
            (r.header.as_str(), r.commit.as_deref()),
            ("feat(api): add e", Some("abcdef12"))
        );
        // No footer: found by header. An issue reference is no commit.
        let r = commit("Revert: fix: y\n\nRefs #1234567")
            .unwrap()
            .reverts
            .unwrap();
        assert_eq!((r.header.as_str(), r.commit), ("fix: y", None));
    }

    #[test]
    fn a_subject_of_its_own_reverts_the_one_commit_its_footer_names() {
        let r = commit("revert: let us never speak of it\n\nRefs: 676104e, #12")
            .unwrap()
            .reverts
            .unwrap();
        assert_eq!(
            (r.header.as_str(), r.commit.as_deref()),
            ("", Some("676104e"))
        );
        // Two commits and no header: which one a pair would cancel cannot be told.
        assert_eq!(
            commit("revert: undo both\n\nRefs: 676104e, a215868")
                .unwrap()
                .reverts,
            None
        );
        let r = commit("revert: feat: x\n\nRefs: 676104e, a215868")
            .unwrap()
            .reverts
            .unwrap();
        assert_eq!((r.header.as_str(), r.commit), ("feat: x", None));
        assert_eq!(commit("revert: undo it").unwrap().reverts, None);
        assert_eq!(commit("revert: undo it\n\nRefs #12").unwrap().reverts, None);
        assert_eq!(commit("reverted: x").map(|c| c.reverts), Some(None));
    }

    #[test]
    fn headers_that_revert_and_what_they_revert_in_the_end() {
        for h in [
            "Revert \"feat: x\"",
            "revert: x",
            "revert(a): x",
            "revert!: x",
            "REVERT: x",
        ] {
            assert!(is_revert_header(h), "{h}");
        }
        for h in [
            "reverts: x",
            "revert x",
            "feat: revert x",
            "Reapply \"feat: x\"",
            "rev",
        ] {
            assert!(!is_revert_header(h), "{h}");
        }
        assert_eq!(reverted_header("revert: feat: add e"), "feat: add e");
        assert_eq!(reverted_header("revert: Revert \"fix(a): y\""), "fix(a): y");
        assert_eq!(reverted_header("Revert \"revert!: feat: z\""), "feat: z");
        assert_eq!(reverted_header("revert: drop it"), "revert: drop it");
        // Angular's convention quotes it.
        assert_eq!(reverted_header("revert: \"fix(a): y\""), "fix(a): y");
        let r = commit("revert: \"fix: x\"\n\nThis reverts commit abcdef12.")
            .unwrap()
            .reverts
            .unwrap();
        assert_eq!(
            (r.header.as_str(), r.commit.as_deref()),
            ("fix: x", Some("abcdef12"))
        );
        assert_eq!(
            reverted_header("revert: \"drop it\""),
            "revert: \"drop it\""
        );
        assert_eq!(reverted_header("feat: add e"), "feat: add e");
    }

    #[test]
    fn git_s_revert_of_a_revert_type_commit_reapplies_the_change() {
        assert_eq!(reapplied("Reapply \"fix: y\""), Some("fix: y"));
        assert_eq!(
            reapplied("Revert \"revert(a)!: fix(a): y\""),
            Some("fix(a): y")
        );
        assert_eq!(reapplied("Revert \"revert: drop it\""), None);
        assert_eq!(reapplied("Revert \"fix: y\""), None);
        assert_eq!(
            undone_revert("Reapply \"fix: y\"").as_deref(),
            Some("Revert \"fix: y\"")
        );
        // A chain's later links: git's `Reapply` of a `Revert "Reapply …"`.
        assert_eq!(reapplied("Reapply \"Reapply \"fix: y\"\""), Some("fix: y"));
        assert_eq!(reapplied("Revert \"Reapply \"Reapply \"fix: y\"\"\""), None);
        assert_eq!(
            undone_revert("Reapply \"Reapply \"fix: y\"\"").as_deref(),
            Some("Revert \"Reapply \"fix: y\"\"")
        );
        // git before 2.43 names each revert of a revert `Revert "Revert "…""`.
        assert_eq!(reapplied("Revert \"Revert \"fix: y\"\""), Some("fix: y"));
        assert_eq!(reapplied("Revert \"Revert \"Revert \"fix: y\"\"\""), None);
        assert_eq!(
            reapplied("Revert \"Revert \"Revert \"Revert \"fix: y\"\"\"\""),
            Some("fix: y")
        );
        assert_eq!(
            undone_revert("Revert \"Revert \"fix: y\"\"").as_deref(),
            Some("Revert \"fix: y\"")
        );
        assert_eq!(
            reapplied("Reapply \"Revert \"fix: y\"\""),
            Some("Revert \"fix: y\"")
        );
        assert_eq!(
            undone_revert("Revert \"revert: fix: y\"").as_deref(),
            Some("revert: fix: y")
        );
        let c = commit("Revert \"revert: fix(a): y\"\n\nThis reverts commit abcdef1.").unwrap();
        assert_eq!((c.ty.as_str(), c.description.as_str()), ("fix", "y"));
        assert_eq!(c.reverts, None);
    }
}
