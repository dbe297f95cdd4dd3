//! The merge driver's three-way merge: Unreleased by which side only added entries (see
//! [`Changelog::merge_unreleased`]), and the released part (everything after Unreleased)
//! release section by release section, and link reference by link reference.
//!
//! A backport branch releases `1.0.1` while main releases `1.1.0`: merged as whole text, both
//! sides changed the released part and the merge conflicted. Taken apart, each side only
//! added its own section and link: the merge keeps both, in version order. Anything that is
//! not plainly one side's addition or change (a section both sides changed differently, a
//! heading without a version, a part that is neither a section nor a link) is still refused,
//! so git shows the conflict rather than relhook guessing.

use std::collections::{HashMap, HashSet};

use semver::Version;

use super::{Changelog, EditError, Entry, lex, normalize};

/// Whole-text three-way choice for one part of the file.
pub(super) fn merge3(
    base: &str,
    ours: &str,
    theirs: &str,
    what: &str,
) -> Result<String, EditError> {
    if ours == theirs || theirs == base {
        Ok(ours.to_string())
    } else if ours == base {
        Ok(theirs.to_string())
    } else {
        Err(EditError::Conflict(format!(
            "both sides changed {what} differently"
        )))
    }
}

/// Whether `side` is `base` with lines only added: every line of `base` is still there, in
/// the same order. A reorder, a reworded entry or a removal is more than that.
pub(super) fn only_adds(base: &str, side: &str) -> bool {
    added(base, side).is_some()
}

/// Which of `side`'s lines it added to `base` (by index), when it only added lines (see
/// [`only_adds`]).
fn added(base: &str, side: &str) -> Option<Vec<bool>> {
    let side: Vec<&str> = side.lines().collect();
    let mut new = vec![true; side.len()];
    let mut at = 0;
    for b in base.lines() {
        while side.get(at)? != &b {
            at += 1;
        }
        new[at] = false;
        at += 1;
    }
    Some(new)
}

/// Whether `side` only added entries to `base`: new list items with their own continuation
/// lines, the `### ` headings, blank lines, and the `## [Unreleased]` heading itself for a
/// side that made the section. That is what re-adding its entries one by one into the other
/// side's text carries over whole. Prose, a quote, a table or a comment is not, nor a line
/// added under an item already there (an edit of that entry).
pub(super) fn only_adds_entries(base: &str, side: &str) -> bool {
    let Some(new) = added(base, side) else {
        return false;
    };
    let lines: Vec<&str> = side.lines().collect();
    let mut in_new_item = false;
    for (l, is_new) in lines.iter().zip(&new) {
        let item = ["- ", "* ", "+ "].iter().any(|m| l.starts_with(m));
        let continuation = l.starts_with("  ") || l.starts_with('\t');
        // cocogitto's sub-sections are `#### ` headings.
        let heading = l.starts_with("### ")
            || l.starts_with("#### ")
            || l.to_ascii_lowercase().starts_with("## [unreleased]");
        if *is_new && !(l.trim().is_empty() || item || heading || (continuation && in_new_item)) {
            return false;
        }
        // A continuation belongs to the item above it, across blank lines.
        if item || heading || (!continuation && !l.trim().is_empty()) {
            in_new_item = item && *is_new;
        }
    }
    true
}

/// The parts of a file the driver marks: the title and the released part as merged, and the
/// two sides' Unreleased sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedSides {
    pre: String,
    ours: String,
    theirs: String,
    post: String,
}

impl MarkedSides {
    /// The file with `markers` around the two sides' Unreleased sections.
    pub fn text(&self, markers: &super::Markers) -> String {
        marked(&self.pre, (&self.ours, &self.theirs), &self.post, markers)
    }
}

/// The file with git's conflict markers around the two sides' Unreleased sections (each
/// without its heading), the title and the released part as merged.
fn marked(pre: &str, (ours, theirs): (&str, &str), post: &str, m: &super::Markers) -> String {
    let eol = if [pre, ours, theirs, post].iter().any(|t| t.contains("\r\n")) {
        "\r\n"
    } else {
        "\n"
    };
    let body = |un: &str| -> String {
        let rest = un.split_once('\n').map_or("", |(_, r)| r);
        let mut b = rest.trim_end_matches(['\n', '\r']).to_owned();
        if !b.is_empty() {
            b.push_str(eol);
        }
        b
    };
    let mut out = format!("{pre}## [Unreleased]{eol}{}{eol}", m.line('<', &m.ours));
    out.push_str(&body(ours));
    out.push_str(&format!("{}{eol}", m.line('=', "")));
    out.push_str(&body(theirs));
    out.push_str(&format!("{}{eol}", m.line('>', &m.theirs)));
    if !post.is_empty() {
        out.push_str(eol);
        out.push_str(post);
    }
    out
}

/// Whether `side` is `base` with lines only removed (the converse of [`only_adds`]).
pub(super) fn only_removes(base: &str, side: &str) -> bool {
    only_adds(side, base)
}

impl Changelog {
    /// Three-way merge for a git merge driver. Unreleased: when one side only added lines to
    /// it, the other side's arrangement is kept (its order and hand edits) with the first
    /// side's new entries added; entries one side removed go, entries already released (on
    /// either side) are not re-added. When both sides did more than add (reordered, reworded
    /// or removed entries on both), it is refused: git shows the conflict rather than one
    /// side's hand edits being lost. The title is taken from whichever side changed it; the
    /// released part release by release (see `merge`).
    pub fn merge_unreleased(
        base: &Changelog,
        ours: &Changelog,
        theirs: &Changelog,
    ) -> Result<String, EditError> {
        Self::merge_keeping(base, ours, theirs, &HashSet::new()).map(|m| m.text)
    }

    /// [`Changelog::merge_unreleased`], with the entries `keep` names (normalised) never left
    /// out for a release's same words: history found them the entries of commits no release
    /// holds. Says which entries a side added were left out for a release's words.
    pub fn merge_keeping(
        base: &Changelog,
        ours: &Changelog,
        theirs: &Changelog,
        keep: &HashSet<String>,
    ) -> Result<super::Merged, EditError> {
        let (b_pre, b_un, b_post) = base.split_around_unreleased();
        let (o_pre, o_un, o_post) = ours.split_around_unreleased();
        let (t_pre, t_un, t_post) = theirs.split_around_unreleased();
        let pre = merge3(&b_pre, &o_pre, &t_pre, "the title/preamble")?;
        let post = merge_released(&b_post, &o_post, &t_post)?;
        // The side whose text stands, and the side whose changes are put into it entry by
        // entry: new entries only, or removals only (a release, a cancelled revert) into a
        // side that only added (entries or prose), or into any side when each removed entry
        // is one that side has released or still lists (a revert of a released change).
        // Anything else (a reorder or a rewording
        // against a release, prose on both sides) is refused: git's line merge, with markers
        // where they overlap, loses neither side.
        let (o_adds, t_adds) = (only_adds(&b_un, &o_un), only_adds(&b_un, &t_un));
        let (o_removes, t_removes) = (only_removes(&b_un, &o_un), only_removes(&b_un, &t_un));
        let (kept, into) = if only_adds_entries(&b_un, &t_un) {
            (ours, theirs)
        } else if only_adds_entries(&b_un, &o_un) {
            (theirs, ours)
        } else if t_removes && (o_adds || o_removes) && !edits_entries(base, ours) {
            (ours, theirs)
        } else if o_removes && t_adds && !edits_entries(base, theirs) {
            (theirs, ours)
        } else if removes_only_settled((base, &b_un), ours, (theirs, &t_un)) {
            (ours, theirs)
        } else if removes_only_settled((base, &b_un), theirs, (ours, &o_un)) {
            (theirs, ours)
        } else {
            let why = "both sides changed Unreleased in other ways than adding entries to it (reordered, reworded, removed, or wrote prose)";
            if o_post == b_post && t_post == b_post {
                return Err(match super::prose::common_entries(base, ours, theirs) {
                    Some(texts) => EditError::LineMerge {
                        why: why.into(),
                        texts,
                    },
                    None => EditError::Conflict(why.into()),
                });
            }
            return Err(EditError::Marked {
                why: why.into(),
                sides: Box::new(MarkedSides {
                    pre,
                    ours: o_un,
                    theirs: t_un,
                    post,
                }),
            });
        };

        Ok(super::combine::combine(
            base,
            (kept, into, std::ptr::eq(into, ours)),
            (&pre, &post),
            keep,
        ))
    }
}

/// Whether `other` only took entries out of Unreleased, each one `kept` still lists unedited
/// (the merge takes it out) or has released: then `kept`'s own changes stand whatever they
/// are. A `git revert` of a released change is such a merge: its base (the reverted commit's
/// file) still lists entries that ours (HEAD) has released since, and theirs (the parent's)
/// lacks the reverted one. An entry `kept` took out without releasing it may be one it
/// reworded, so that is still a conflict.
fn removes_only_settled(
    (base, b_un): (&Changelog, &str),
    kept: &Changelog,
    (other, o_un): (&Changelog, &str),
) -> bool {
    if !only_adds_entries(o_un, b_un) || edits_entries(base, kept) {
        return false;
    }
    let key = |e: &Entry| normalize(&e.text);
    let left: HashSet<String> = other.unreleased_entries().iter().map(key).collect();
    let listed: HashSet<String> = kept.unreleased_entries().iter().map(key).collect();
    let released = kept.released_texts();
    base.unreleased_entries()
        .iter()
        .map(key)
        .filter(|k| !left.contains(k))
        .all(|k| listed.contains(&k) || released.contains(&k))
}

/// Whether `side` changed the text of an Unreleased entry `base` has (a line added under it):
/// removals by the other side, matched by whole entry, would then miss it.
fn edits_entries(base: &Changelog, side: &Changelog) -> bool {
    let head = |e: &Entry| normalize(e.text.lines().next().unwrap_or(""));
    let before: HashSet<String> = base
        .unreleased_entries()
        .iter()
        .map(|e| normalize(&e.text))
        .collect();
    let heads: HashSet<String> = base.unreleased_entries().iter().map(head).collect();
    side.unreleased_entries()
        .iter()
        .any(|e| heads.contains(&head(e)) && !before.contains(&normalize(&e.text)))
}

/// The released part of one side: what comes before the first release heading, the release
/// sections (heading to the next heading), and the link references at the end.
struct Released<'a> {
    lead: String,
    sections: Vec<(Version, String)>,
    links: Vec<(String, &'a str)>,
}

/// The released part, merged section by section and link by link (see the module).
pub(super) fn merge_released(base: &str, ours: &str, theirs: &str) -> Result<String, EditError> {
    let what = "the released sections or link references";
    if let Ok(whole) = merge3(base, ours, theirs, what) {
        return Ok(whole);
    }
    let conflict = || EditError::Conflict(format!("both sides changed {what} differently"));
    let (Some(b), Some(o), Some(t)) = (split(base), split(ours), split(theirs)) else {
        return Err(conflict());
    };
    let lead = merge3(&b.lead, &o.lead, &t.lead, what)?;
    let find = |side: &Released<'_>, v: &Version| {
        side.sections
            .iter()
            .find(|(w, _)| w == v)
            .map(|(_, s)| s.clone())
    };
    // Every version either side has, each merged on its own; one side's deletion of a
    // section the other kept unchanged goes through, anything else both touched is refused.
    let mut versions: Vec<Version> = o.sections.iter().map(|(v, _)| v.clone()).collect();
    for (v, _) in &t.sections {
        if !versions.contains(v) {
            versions.push(v.clone());
        }
    }
    versions.sort_by(|a, b| b.cmp(a));
    let mut sections = Vec::new();
    for v in &versions {
        let (bs, os, ts) = (find(&b, v), find(&o, v), find(&t, v));
        let merged = match (bs, os, ts) {
            (b, Some(o), Some(t)) => Some(merge3(b.as_deref().unwrap_or(""), &o, &t, what)?),
            (None, Some(one), None) | (None, None, Some(one)) => Some(one),
            (Some(b), Some(kept), None) | (Some(b), None, Some(kept)) if b == kept => None,
            _ => return Err(conflict()),
        };
        sections.extend(merged);
    }
    // The sections in version order must be each side's own order too: a file kept in
    // another order is not merged by guesswork.
    let in_order = |side: &Released<'_>| side.sections.windows(2).all(|w| w[0].0 > w[1].0);
    if !in_order(&o) || !in_order(&t) {
        return Err(conflict());
    }
    let eol = if [base, ours, theirs].iter().any(|t| t.contains("\r\n")) {
        "\r\n"
    } else {
        "\n"
    };
    let links = merge_links(&b.links, &o.links, &t.links, eol).ok_or_else(conflict)?;
    let mut out = lead;
    for (i, s) in sections.iter().enumerate() {
        out.push_str(s);
        // A blank line before what follows (as each side has it), nothing after the end.
        if i + 1 < sections.len() || !links.is_empty() {
            if !s.ends_with('\n') {
                out.push_str(eol);
            }
            if !s.ends_with("\n\n") && !s.ends_with("\n\r\n") {
                out.push_str(eol);
            }
        }
    }
    out.push_str(&links);
    Ok(out)
}

/// A line without its end of line.
fn bare(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r'])
}

/// One side's released part taken apart; `None` when it does not take apart cleanly (a
/// heading without a SemVer version, the same version twice, text after the links).
fn split(text: &str) -> Option<Released<'_>> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // The link references: the last lines, blank lines among them.
    let mut links_at = lines.len();
    while links_at > 0 {
        let l = bare(lines[links_at - 1]);
        if l.trim().is_empty() || lex::link_def(l).is_some() {
            links_at -= 1;
        } else {
            break;
        }
    }
    while links_at < lines.len() && bare(lines[links_at]).trim().is_empty() {
        links_at += 1;
    }
    let mut links = Vec::new();
    for l in &lines[links_at..] {
        if let Some((label, _)) = lex::link_def(bare(l)) {
            links.push((label.to_lowercase(), *l));
        } else if !bare(l).trim().is_empty() {
            return None;
        }
    }
    let mut lead = String::new();
    let mut sections: Vec<(Version, String)> = Vec::new();
    for l in &lines[..links_at] {
        if bare(l).starts_with("## ") {
            let h = lex::heading(bare(l))?;
            let v = Version::parse(h.label.strip_prefix('v').unwrap_or(h.label)).ok()?;
            if sections.iter().any(|(w, _)| *w == v) {
                return None;
            }
            sections.push((v, (*l).to_owned()));
        } else if let Some((_, s)) = sections.last_mut() {
            s.push_str(l);
        } else {
            lead.push_str(l);
        }
    }
    Some(Released {
        lead,
        sections,
        links,
    })
}

/// The link references merged label by label, in ours' order, a version only theirs has
/// placed before ours' first older one; `None` on a conflict. Both sides moving
/// `[unreleased]` (each to its own latest release) keep ours: Unreleased is the receiving
/// branch's.
fn merge_links(
    base: &[(String, &str)],
    ours: &[(String, &str)],
    theirs: &[(String, &str)],
    eol: &str,
) -> Option<String> {
    let map = |side: &[(String, &str)]| -> HashMap<String, String> {
        side.iter()
            .map(|(k, l)| (k.clone(), (*l).to_owned()))
            .collect()
    };
    let (b, o, t) = (map(base), map(ours), map(theirs));
    let mut labels: Vec<String> = ours.iter().map(|(k, _)| k.clone()).collect();
    for (k, _) in theirs {
        if !labels.contains(k) {
            labels.push(k.clone());
        }
    }
    let mut merged: Vec<(String, String)> = Vec::new();
    for k in labels {
        let line = match (b.get(&k), o.get(&k), t.get(&k)) {
            (_, Some(o), Some(t)) if o == t => Some(o.clone()),
            (Some(b), Some(o), Some(t)) if t == b => Some(o.clone()),
            (Some(b), Some(o), Some(t)) if o == b => Some(t.clone()),
            (_, Some(o), Some(_)) if k == "unreleased" => Some(o.clone()),
            (None, Some(one), None) => Some(one.clone()),
            (None, None, Some(one)) => {
                // Theirs alone: a version's link goes before ours' first older version.
                let at = version(&k).and_then(|v| {
                    merged
                        .iter()
                        .position(|(m, _)| version(m).is_some_and(|w| w < v))
                });
                let line = (k.clone(), one.clone());
                match at {
                    Some(at) => merged.insert(at, line),
                    None => merged.push(line),
                }
                None
            }
            (Some(b), Some(kept), None) | (Some(b), None, Some(kept)) if b == kept => None,
            _ => return None,
        };
        merged.extend(line.map(|l| (k, l)));
    }
    // Each line ends as the file's lines do, but the very last one may end as it did.
    let mut out = String::new();
    let n = merged.len();
    for (i, (_, l)) in merged.into_iter().enumerate() {
        out.push_str(&l);
        if i + 1 < n && !l.ends_with('\n') {
            out.push_str(eol);
        }
    }
    Some(out)
}

/// A link label that names a version (`1.0.1`, `v1.0.1`).
fn version(label: &str) -> Option<Version> {
    Version::parse(label.strip_prefix('v').unwrap_or(label)).ok()
}

#[cfg(test)]
mod tests {
    use super::super::conflict_markers;
    use super::*;

    #[test]
    fn conflict_markers_are_the_whole_triple() {
        let driver = marked(
            "# Changelog\n\n",
            ("## [Unreleased]\n- a\n", "## [Unreleased]\n- b\n"),
            "",
            &super::super::Markers::default(),
        );
        assert_eq!(conflict_markers(&driver), Some(4));
        let git =
            "# C\r\n\n<<<<<<< HEAD\r\n- a\r\n||||||| base\r\n=======\r\n- b\r\n>>>>>>> topic\r\n";
        assert_eq!(conflict_markers(git), Some(3));
        // A setext heading's underline, a quoted marker, markers in a code block: no conflict.
        let setext = "Notes\n=======\n\n- a\n";
        assert_eq!(conflict_markers(setext), None);
        assert_eq!(
            conflict_markers("- `<<<<<<< ` starts a conflict\n=======\n"),
            None
        );
        let fenced = "```\n<<<<<<< HEAD\n=======\n>>>>>>> x\n```\n";
        assert_eq!(conflict_markers(fenced), None);
        assert_eq!(conflict_markers("<<<<<<< HEAD\n- a\n>>>>>>> x\n"), None);
    }

    const BASE: &str = "## [1.0.0] - 2026-01-01\n\n### Added\n\n- first\n\n\
        [unreleased]: https://h/o/r/compare/v1.0.0...HEAD\n\
        [1.0.0]: https://h/o/r/releases/tag/v1.0.0\n";

    fn released(version: &str, entry: &str, since: &str) -> (String, String) {
        (
            format!("## [{version}] - 2026-02-01\n\n### Fixed\n\n- {entry}\n\n"),
            format!("[{version}]: https://h/o/r/compare/v{since}...v{version}\n"),
        )
    }

    /// `base` with a release of `version` on top, as `relhook release` writes it.
    fn with_release(version: &str, entry: &str) -> String {
        let (section, link) = released(version, entry, "1.0.0");
        let (sections, links) = BASE.split_at(BASE.find("[unreleased]").unwrap());
        let links = links.replace("v1.0.0...HEAD", &format!("v{version}...HEAD"));
        let (first, rest) = links.split_at(links.find('\n').unwrap() + 1);
        format!("{section}{sections}{first}{link}{rest}")
    }

    #[test]
    fn a_backport_release_and_a_main_release_merge_in_version_order() {
        let ours = with_release("1.1.0", "on main");
        let theirs = with_release("1.0.1", "backported");
        let merged = merge_released(BASE, &ours, &theirs).expect("merges");
        let headings: Vec<&str> = merged.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            headings,
            [
                "## [1.1.0] - 2026-02-01",
                "## [1.0.1] - 2026-02-01",
                "## [1.0.0] - 2026-01-01"
            ]
        );
        let links: Vec<&str> = merged.lines().filter(|l| l.starts_with('[')).collect();
        assert_eq!(
            links,
            [
                "[unreleased]: https://h/o/r/compare/v1.1.0...HEAD",
                "[1.1.0]: https://h/o/r/compare/v1.0.0...v1.1.0",
                "[1.0.1]: https://h/o/r/compare/v1.0.0...v1.0.1",
                "[1.0.0]: https://h/o/r/releases/tag/v1.0.0",
            ]
        );
        assert!(merged.contains("- on main\n\n## [1.0.1]"), "{merged}");
        assert!(merged.contains("- backported\n\n## [1.0.0]"), "{merged}");
        // The other way round: the receiving side's Unreleased link wins.
        let merged = merge_released(BASE, &theirs, &ours).expect("merges");
        assert!(merged.contains("[unreleased]: https://h/o/r/compare/v1.0.1...HEAD"));
        assert!(merged.find("## [1.1.0]") < merged.find("## [1.0.1]"));
    }

    #[test]
    fn the_same_release_made_differently_on_both_sides_is_refused() {
        let ours = with_release("1.1.0", "one way");
        let theirs = with_release("1.1.0", "another way");
        assert!(merge_released(BASE, &ours, &theirs).is_err());
        // Made the same way: one section.
        let merged = merge_released(BASE, &ours, &ours.clone()).expect("merges");
        assert_eq!(merged.matches("## [1.1.0]").count(), 1);
    }

    #[test]
    fn what_does_not_take_apart_cleanly_is_refused() {
        let ours = with_release("1.1.0", "on main");
        // A heading that names no version.
        let theirs = format!("## Notes\n\nprose\n\n{}", with_release("1.0.1", "x"));
        assert!(merge_released(BASE, &ours, &theirs).is_err());
        // Sections out of version order.
        let base = "## [1.0.0] - 2026-01-01\n\n- a\n\n## [2.0.0] - 2026-01-02\n\n- b\n";
        let theirs = format!("## [1.0.1] - 2026-02-01\n\n- c\n\n{base}");
        let ours = format!("{base}\n## [0.9.0] - 2025-01-01\n\n- d\n");
        assert!(merge_released(base, &ours, &theirs).is_err());
        // Text after the link references.
        let theirs = format!("{}\nA closing note.\n", with_release("1.0.1", "x"));
        assert!(merge_released(BASE, &ours, &theirs).is_err());
    }

    #[test]
    fn a_section_one_side_deleted_and_the_other_kept_goes() {
        let ours = with_release("1.1.0", "on main");
        let theirs = BASE.replace("## [1.0.0] - 2026-01-01\n\n### Added\n\n- first\n\n", "");
        let merged = merge_released(BASE, &ours, &theirs).expect("merges");
        assert!(!merged.contains("## [1.0.0]"), "{merged}");
        assert!(merged.contains("## [1.1.0]"), "{merged}");
        // Deleted on one side, changed on the other: refused.
        let changed = BASE.replace("- first", "- first, reworded");
        assert!(merge_released(BASE, &changed, &theirs).is_err());
    }

    #[test]
    fn the_end_of_the_file_is_kept_as_it_was() {
        // No link references: nothing is added after the last section.
        let base = "## [1.0.0] - 2026-01-01\n\n- a\n";
        let ours = format!("## [1.1.0] - 2026-02-01\n\n- b\n\n{base}");
        let theirs = format!("## [1.0.1] - 2026-02-01\n\n- c\n\n{base}");
        let merged = merge_released(base, &ours, &theirs).expect("merges");
        assert!(merged.ends_with("- a\n"), "{merged:?}");
        assert!(!merged.ends_with("\n\n"), "{merged:?}");
        // A CRLF file whose last line has no line end: every other line stays CRLF.
        let crlf = |t: &str| t.replace('\n', "\r\n");
        let cut = |t: String| t.strip_suffix("\r\n").unwrap().to_owned();
        let ours = cut(crlf(&with_release("1.1.0", "on main")));
        let theirs = cut(crlf(&with_release("1.0.1", "backported")));
        let merged = merge_released(&cut(crlf(BASE)), &ours, &theirs).expect("merges");
        assert!(!merged.replace("\r\n", "").contains('\n'), "{merged:?}");
        assert!(merged.ends_with("releases/tag/v1.0.0"), "{merged:?}");
    }

    #[test]
    fn crlf_lines_stay_crlf() {
        let crlf = |t: &str| t.replace('\n', "\r\n");
        let ours = crlf(&with_release("1.1.0", "on main"));
        let theirs = crlf(&with_release("1.0.1", "backported"));
        let merged = merge_released(&crlf(BASE), &ours, &theirs).expect("merges");
        assert!(!merged.replace("\r\n", "").contains('\n'), "{merged:?}");
        assert_eq!(merged.matches("## [").count(), 3);
    }

    /// QA41: cocogitto's `#### Features` heading, new with its entry, is an added entry.
    #[test]
    fn a_new_level_4_heading_with_its_entry_only_adds() {
        let base = "## [Unreleased]\n";
        assert!(only_adds_entries(
            base,
            "## [Unreleased]\n\n#### Features\n\n- a\n"
        ));
        assert!(!only_adds_entries(base, "## [Unreleased]\n\nprose\n"));
    }
}
