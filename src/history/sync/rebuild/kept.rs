//! What `--rebuild` keeps of the file it replaces. It writes afresh only what history gives
//! better: Unreleased, a release section whose every line history gives too, a release that
//! has no section yet. Everything else stays as written, byte for byte: the title and intro,
//! the blank lines and rules (cocogitto's `- - -`) between sections, a footer, the link
//! definitions of sections it keeps, and a release's section with lines history does not
//! give (changesets' `### Patch Changes`, poetry's hand-written entries): the project's own
//! history, which a rebuild from commits would only make poorer.

use std::collections::HashSet;

use super::accounted::Accounted;
use super::look::Look;
use crate::history::changelog::segments::{Segment, Segments, link_label};
use crate::history::changelog::{Changelog, TEMPLATE, release_version};

/// A release section as history gives it.
pub(super) struct FreshRelease {
    pub version: semver::Version,
    /// Its label as headings and definitions spell it (`1.0.0`, `1.0.0b2`).
    pub label: String,
    pub heading: String,
    /// Its sub-sections (`Layout::entries`): empty, or starting with a blank line where the
    /// file puts one below a release's heading.
    pub body: String,
}

/// Everything history gives: Unreleased's sub-sections, the releases newest first, and the
/// link definitions their headings refer to.
pub(super) struct Fresh {
    pub unreleased: String,
    pub releases: Vec<FreshRelease>,
    pub links: String,
    /// The bullet the releases' bodies are written with (`Layout`'s).
    pub marker: char,
}

/// A rebuilt file, and the versions whose sections it kept as the file had them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebuilt {
    /// The file's new text.
    pub text: String,
    /// The release sections kept as written, in file order.
    pub kept: Vec<Kept>,
    /// The releases given no section, as the file accounts for them otherwise.
    pub left_out: Option<LeftOut>,
    /// The release tags HEAD does not reach whose version the file has no section for
    /// (another line's: Vue's `v3.6.0` pre-releases on `minor`), newest first: given none.
    pub unreached: Vec<String>,
}

/// A release section a rebuild kept as the file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// Its version as headed.
    pub version: String,
    /// Whether history has its release (a tag HEAD reaches): deleted, the section is written
    /// from that tag. One without is written from nothing (untagged, or another line's).
    pub released: bool,
}

impl Rebuilt {
    /// A file history alone wrote: nothing kept as written, nothing left out.
    pub(super) fn of_history(text: String) -> Rebuilt {
        Rebuilt {
            text,
            kept: Vec::new(),
            left_out: None,
            unreached: Vec::new(),
        }
    }
}

/// The releases a rebuild gave no section, as the file accounts for them otherwise
/// (`accounted`): folded into a later release's section, or in an older changelog it links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// Their versions as spelled, newest first.
    pub versions: Vec<String>,
    /// Why: "the section of 2.1.2 spans v2.0.4..v2.1.2".
    pub why: String,
}

impl Fresh {
    /// The file history alone gives: the template's title and Unreleased, then the releases.
    pub(super) fn written(&self) -> String {
        let mut out = TEMPLATE.trim_end().to_owned();
        out.push('\n');
        out.push_str(&self.unreleased);
        for r in &self.releases {
            out.push_str(&format!("\n{}\n{}", r.heading, r.body));
        }
        out.push_str(&self.links);
        out
    }
}

/// The lines that set the file's sections apart (blank lines, rules), which a section keeps
/// wherever it is written from.
fn sections_text(sections: &[Segment]) -> String {
    let tails = sections.iter().flat_map(|s| &s.tail);
    tails.cloned().collect::<Vec<_>>().join("\n")
}

fn section_lines(heading: &str, body: &str) -> Vec<String> {
    let text = format!("{heading}\n{body}");
    text.lines().map(str::to_owned).collect()
}

/// Whether `a` and `b` hold the same lines but blank ones, in any order.
fn same_lines(a: &[String], b: &[String]) -> bool {
    fn sorted(l: &[String]) -> Vec<&str> {
        let mut v: Vec<&str> = l
            .iter()
            .map(|l| l.trim_end())
            .filter(|l| !l.is_empty())
            .collect();
        v.sort_unstable();
        v
    }
    sorted(a) == sorted(b)
}

/// A line that sets sections apart (blank, or a rule such as `- - -`).
fn apart(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || (t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ')))
}

/// The rebuilt file in `current`'s pieces; `None` when it has no section to keep. A release
/// the file `accounted` for gets no section, and a section that folds one stays as written.
pub(super) fn compose(current: &str, fresh: &Fresh, accounted: &Accounted) -> Option<Rebuilt> {
    let log = Changelog::parse(current).ok()?;
    let Segments {
        header,
        sections,
        trailer,
        final_eol,
        bom,
    } = log.segments()?;
    let n = sections.len();
    // What sets one release off from the next: the tail of the newest release not last.
    let gap: Vec<String> = sections[..n.saturating_sub(1)]
        .iter()
        .find(|s| s.version.is_some() && !s.tail.is_empty())
        .map_or_else(|| vec![String::new()], |s| s.tail.clone());
    let blanks = gap
        .iter()
        .take_while(|l| l.trim().is_empty())
        .count()
        .max(1);
    // What sets a section written at place `k` off from the one below it: as the release
    // sections nearest set theirs (the one above first), else as the newest does.
    let gap_at = |k: usize| {
        let near = [k.checked_sub(1), Some(k)].into_iter().flatten();
        let near = near.filter(|&i| i + 1 < n).map(|i| &sections[i]);
        near.filter(|s| s.version.is_some() && !s.tail.is_empty())
            .map(|s| s.tail.clone())
            .next()
            .unwrap_or_else(|| gap.clone())
    };
    let version = |s: &Segment| s.version.as_deref().and_then(release_version);
    // Each section of the file paired with its release, each release at most once.
    let mut taken = vec![false; fresh.releases.len()];
    let pairs: Vec<Option<usize>> = sections
        .iter()
        .map(|s| {
            let v = version(s)?;
            let i = (0..taken.len()).find(|&i| !taken[i] && fresh.releases[i].version == v)?;
            taken[i] = true;
            Some(i)
        })
        .collect();
    // A pre-release the file gives no section of its own, where it has its release's: the
    // file folds its pre-releases into their release (poetry's), which carries them.
    let folded = |r: &FreshRelease| {
        let base = |v: &semver::Version| (v.major, v.minor, v.patch);
        let own = |v: semver::Version| v.pre.is_empty() && base(&v) == base(&r.version);
        let carried = |s: &Segment| version(s).is_some_and(own);
        !r.version.pre.is_empty() && sections.iter().any(carried)
    };
    let mut left_out = Vec::new();
    for (i, r) in fresh.releases.iter().enumerate() {
        taken[i] |= folded(r);
        if !taken[i] && accounted.covers(&r.version) {
            taken[i] = true;
            left_out.push(r);
        }
    }
    // A release with no section goes above the first section of a lower version below the
    // section of the release history puts above it: a maintenance line's, listed by date among
    // newer ones (commitlint's 8.3.6 under 15.0.0), is no place for one older than those.
    let mut section_of = vec![None; fresh.releases.len()];
    for (k, pair) in pairs.iter().enumerate() {
        if let Some(i) = pair {
            section_of[*i] = Some(k);
        }
    }
    let place = |i: usize| {
        let newer = section_of[..i].iter().rev().find_map(|k| *k);
        let lower = |s: &Segment| version(s).is_some_and(|v| v < fresh.releases[i].version);
        let from = newer.map_or(0, |k| k + 1);
        sections[from..]
            .iter()
            .position(lower)
            .map_or(n, |k| from + k)
    };
    let everything = format!("{}\n{}", fresh.written(), sections_text(&sections));
    let everything = super::render::Written::of(&everything);
    let mut out = Composed {
        lines: header,
        from_file: true,
    };
    // The labels of what is written afresh, whose definitions are history's too.
    let mut regenerated: HashSet<String> = HashSet::new();
    let mut kept = Vec::new();
    let has_unreleased = sections.iter().any(|s| s.version.is_none());
    if !has_unreleased && !fresh.unreleased.is_empty() {
        out.part();
        out.fresh(section_lines("## [Unreleased]", &fresh.unreleased));
        out.fresh(vec![String::new(); blanks]);
        regenerated.insert("unreleased".into());
    }
    for k in 0..=n {
        for (i, r) in fresh.releases.iter().enumerate() {
            if !taken[i] && place(i) == k {
                out.part();
                let look = Look::near(&sections, k);
                let lines = section_lines(&r.heading, &r.body);
                out.fresh(look.apply(lines, fresh.marker, &r.label));
                if k < n {
                    out.fresh(gap_at(k));
                }
                regenerated.insert(r.label.to_lowercase());
            }
        }
        let (Some(s), Some(&pair)) = (sections.get(k), pairs.get(k)) else {
            break;
        };
        match (&s.version, pair) {
            (None, _) => {
                regenerated.insert("unreleased".into());
                out.file(s.head.clone());
                out.fresh(fresh.unreleased.lines().map(str::to_owned).collect());
                if s.tail.is_empty() && k + 1 < n && !fresh.unreleased.is_empty() {
                    out.fresh(vec![String::new()]);
                }
                out.file(s.tail.clone());
            }
            (Some(_), Some(i)) => {
                let r = &fresh.releases[i];
                // In the section's own look, else that of those nearest it.
                let look = Look::near(&sections, k + 1);
                let lines = section_lines(&r.heading, &r.body);
                let mut candidate = look.apply(lines, fresh.marker, &r.label);
                candidate.extend(s.tail.iter().cloned());
                let was: Vec<String> = s.lines().cloned().collect();
                // Lines history gives, if under another release (a rebuild that put every
                // change under the newest), are history's to place: only one it gives nowhere
                // keeps the section as written.
                let holds = version(s).is_some_and(|v| accounted.holders.contains(&v));
                if everything.has_all(&was) && !holds {
                    regenerated.insert(r.label.to_lowercase());
                    // The very lines history gives, spaced or ordered the file's way (entries
                    // that link their commits as history now does): as written, no churn.
                    match same_lines(&was, &candidate) {
                        true => out.file(was),
                        false => out.fresh(candidate),
                    }
                } else {
                    // One that folds releases is said with them (`left_out`).
                    if !holds {
                        kept.push(Kept {
                            version: s.version.clone().unwrap_or_default(),
                            released: true,
                        });
                    }
                    out.file(s.lines().cloned().collect());
                }
            }
            (Some(v), None) => {
                kept.push(Kept {
                    version: v.clone(),
                    released: false,
                });
                out.file(s.lines().cloned().collect());
            }
        }
    }
    if !trailer.iter().all(|l| l.trim().is_empty()) {
        out.part();
    }
    let (trailer, appended) = with_links(trailer, &fresh.links, &regenerated);
    out.file(trailer);
    if appended {
        out.from_file = false;
    }
    let mut text = String::new();
    if bom {
        text.push('\u{feff}');
    }
    text.push_str(&out.lines.join("\n"));
    if final_eol || !out.from_file {
        text.push('\n');
    }
    let left_out = (!left_out.is_empty()).then(|| {
        let versions: Vec<semver::Version> = left_out.iter().map(|r| r.version.clone()).collect();
        LeftOut {
            versions: left_out.iter().map(|r| r.label.clone()).collect(),
            why: accounted.why(&versions),
        }
    });
    Some(Rebuilt {
        text,
        kept,
        left_out,
        unreached: Vec::new(),
    })
}

/// The lines being put together, and whether the last came from the file as it was.
struct Composed {
    lines: Vec<String>,
    from_file: bool,
}

impl Composed {
    fn file(&mut self, lines: Vec<String>) {
        self.from_file |= !lines.is_empty();
        self.lines.extend(lines);
    }

    fn fresh(&mut self, lines: Vec<String>) {
        self.from_file &= lines.is_empty();
        self.lines.extend(lines);
    }

    /// A section about to start: set apart from the line above, which is no blank line or
    /// rule when the section above it ended the file.
    fn part(&mut self) {
        if self.lines.last().is_some_and(|l| !apart(l)) {
            self.fresh(vec![String::new()]);
        }
    }
}

/// The file's definition `had` comparing from the release history's `line` compares from,
/// in the file's own words (`[Unreleased]: …/compare/1.2.0...main`), when it compares from
/// another (`…/compare/1.1.0...main` once 1.2.0 is tagged); `None`: it stands as it is.
fn restated(had: &str, line: &str) -> Option<String> {
    let from = |l: &str| {
        let (_, rest) = l.split_once("/compare/")?;
        Some(rest.split("..").next()?.to_owned())
    };
    let (old, new) = (from(had)?, from(line)?);
    (old != new).then(|| had.replacen(&format!("/compare/{old}"), &format!("/compare/{new}"), 1))
}

/// What follows the last section, with the definitions of what was written afresh
/// (`regenerated`: lowercased labels) put in: among the file's definitions in version order
/// (`[unreleased]` first), or after its lines. A definition the file has stays, unless stale.
fn with_links(
    mut trailer: Vec<String>,
    links: &str,
    regenerated: &HashSet<String>,
) -> (Vec<String>, bool) {
    let wanted: Vec<(String, &str)> = links
        .lines()
        .filter_map(|l| Some((link_label(l)?.to_lowercase(), l)))
        .filter(|(label, _)| regenerated.contains(label))
        .collect();
    let label_at = |t: &Vec<String>, i: usize| link_label(&t[i]).map(str::to_lowercase);
    let mut missing = Vec::new();
    for (label, line) in wanted {
        match (0..trailer.len()).find(|&i| label_at(&trailer, i).as_deref() == Some(&label)) {
            // The file's own definition stands (poetry's `...main`), but an `[unreleased]`
            // comparing from a release before the newest.
            Some(i) => {
                if let Some(fixed) = restated(&trailer[i], line) {
                    trailer[i] = fixed;
                }
            }
            None => missing.push((label, line)),
        }
    }
    let defs: Vec<usize> = (0..trailer.len())
        .filter(|&i| label_at(&trailer, i).is_some())
        .collect();
    let (Some(&first), Some(&last)) = (defs.first(), defs.last()) else {
        let appended = !missing.is_empty();
        if appended && trailer.last().is_some_and(|l| !l.trim().is_empty()) {
            trailer.push(String::new());
        }
        trailer.extend(missing.into_iter().map(|(_, l)| l.to_owned()));
        return (trailer, appended);
    };
    let mut end = last + 1;
    for (label, line) in missing {
        let at = match release_version(&label) {
            None => first,
            Some(v) => (first..end)
                .find(|&i| {
                    let l = label_at(&trailer, i);
                    l.and_then(|l| release_version(&l)).is_some_and(|w| w < v)
                })
                .unwrap_or(end),
        };
        trailer.insert(at, line.to_owned());
        end += 1;
    }
    let appended = end == trailer.len() && end > last + 1;
    (trailer, appended)
}
