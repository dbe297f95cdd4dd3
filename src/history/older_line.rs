//! Releases of an older line merged forward (`release/1.0`'s v1.0.1 merged into main after
//! main released v1.1.0). What such a release shipped is released on its own line only: for
//! HEAD's line a commit is released when the line's top (the newest stable release tag HEAD
//! reaches) reaches it, as git-cliff and cocogitto count it, so the fix merged in is new here.
//! What the line already has is not: the older release's own release commit, and a copy of a
//! change the line holds (a backport: `cherry-pick -x`'s trailer, or the same patch with the
//! changelogs left out, by `history::copies`' rule), so a backport is never listed twice.

use std::collections::{HashMap, HashSet};

use git2::Oid;

use crate::Result;
use crate::config::Config;
use crate::git::{Range, ReleaseTag, Repo};

/// How many of the line's newest commits are searched for a `-x` line naming a merged-in
/// commit (beyond them, only those with its header, the only ones whose patch is compared).
const RECENT: usize = 200;

/// What merged-in releases of older lines bring into a range.
#[derive(Debug, Default)]
pub struct OlderLines {
    /// The range's commits such a release shipped and the line lacks, each with the tag of
    /// the first release that shipped it.
    pub new: HashMap<Oid, String>,
    /// The range's commits the line already has: those releases' release commits, and
    /// copies of changes the line holds.
    pub not_new: HashSet<Oid>,
}

/// The header of the release commit of tag `t` (`release.commit_message`, naming its version
/// or, in a package, its tag).
pub fn release_header(config: &Config, t: &ReleaseTag) -> String {
    let label = match &config.package {
        Some(_) => t.name.clone(),
        None => t.version.to_string(),
    };
    let message = config.release.commit_message.replace("{version}", &label);
    message.lines().next().unwrap_or("").to_owned()
}

/// The merged-in older releases of the range from `head` less `hidden` (the line's released
/// history; nothing without it), leaving out the tag `except` (one being made on HEAD).
pub fn older_lines(
    repo: &Repo,
    config: &Config,
    head: Oid,
    hidden: &[Oid],
    except: Option<&str>,
) -> Result<OlderLines> {
    let tags = repo.release_tag_candidates(&config.version.tag_prefix);
    older_lines_among(repo, config, (&[head], hidden, except), &tags)
}

/// [`older_lines`] with the release tags read already (`tags`, any order), for the line
/// whose tips are `heads` (a merge not made yet: its two sides).
pub fn older_lines_among(
    repo: &Repo,
    config: &Config,
    (heads, hidden, except): (&[Oid], &[Oid], Option<&str>),
    tags: &[ReleaseTag],
) -> Result<OlderLines> {
    let mut out = OlderLines::default();
    let mut tags: Vec<&ReleaseTag> = tags
        .iter()
        .filter(|t| t.version.pre.is_empty() && Some(t.name.as_str()) != except)
        .filter(|t| !hidden.contains(&t.commit))
        .collect();
    if tags.is_empty() || hidden.is_empty() {
        return Ok(out);
    }
    let range = |tips: Vec<Oid>, hidden: Vec<Oid>| Range {
        tips,
        hidden,
        ..Range::default()
    };
    let at: HashSet<Oid> = tags.iter().map(|t| t.commit).collect();
    let mut in_range = HashSet::new();
    repo.walk(&range(heads.to_vec(), hidden.to_vec()), |c| {
        if at.contains(&c.id) {
            in_range.insert(c.id);
        }
        in_range.len() < at.len()
    })?;
    tags.retain(|t| in_range.contains(&t.commit));
    if tags.is_empty() {
        return Ok(out);
    }
    // The lowest release first: a commit is said as shipped by the first that did.
    tags.sort_by(|a, b| a.version.cmp_precedence(&b.version));
    let mut headers: HashMap<Oid, String> = HashMap::new();
    for t in &tags {
        let release = release_header(config, t);
        repo.walk(&range(vec![t.commit], hidden.to_vec()), |c| {
            let seen = out.new.contains_key(&c.id) || out.not_new.contains(&c.id);
            if c.parents >= 2 || seen {
                return true;
            }
            let text = c.text();
            let header = text.lines().next().unwrap_or("").to_owned();
            let released = c.id == t.commit && header == release;
            let header = crate::history::copies::header_key(&header);
            if released || picked_from_line(repo, heads, c.id, &text) {
                out.not_new.insert(c.id);
            } else {
                out.new.insert(c.id, t.name.clone());
                headers.insert(c.id, header);
            }
            true
        })?;
    }
    if out.new.is_empty() {
        return Ok(out);
    }
    // The line's own commits, newest first: where the change of a backport came from.
    let mut line: HashMap<Oid, String> = HashMap::new();
    let line_hidden = hidden.iter().copied().chain(tags.iter().map(|t| t.commit));
    let wanted: HashSet<&String> = headers.values().collect();
    let mut walked = 0;
    repo.walk(&range(heads.to_vec(), line_hidden.collect()), |c| {
        if c.parents < 2 {
            walked += 1;
            let text = c.text();
            let header = crate::history::copies::header_key(&text);
            if walked <= RECENT || wanted.contains(&header) {
                line.insert(c.id, text.into_owned());
            }
        }
        true
    })?;
    let mut line = crate::history::copies::Changes::new(repo, config, line);
    let mut copies = Vec::new();
    for id in headers.keys() {
        let text = repo.commit_text(*id).unwrap_or_default();
        if !line.made(*id, &text)?.is_empty() {
            copies.push(*id);
        }
    }
    for id in copies {
        out.new.remove(&id);
        out.not_new.insert(id);
    }
    Ok(out)
}

/// Whether `text` says (`cherry-pick -x`) it copies a commit one of `heads` reaches: a change
/// the line holds, or one of the range that counts on its own.
fn picked_from_line(repo: &Repo, heads: &[Oid], id: Oid, text: &str) -> bool {
    crate::history::copies::picked_from(text)
        .iter()
        .filter_map(|hex| repo.present_commit(hex))
        .any(|x| x != id && heads.iter().any(|h| *h == x || repo.reaches(*h, x)))
}
