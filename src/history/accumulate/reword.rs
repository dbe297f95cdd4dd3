//! A `rebase -i` reword: what the commit's entry still reads, said rather than changed.

use super::{NewEntry, ReflogTop, entry_of, targets};
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::history::accumulate::Accumulated;
use crate::history::changelog::one_line;

/// The amend step of a `rebase -i` reword. relhook leaves a rebase's commits as git makes
/// them (rewriting one mid-rebase breaks the rebase, git-hook-facts 2.6), so an entry the new
/// message would change is said, with what to do, and not changed.
pub(super) fn reworded(repo: &Repo, config: &Config, top: &ReflogTop) -> Result<Accumulated> {
    left_as_made(repo, config, top, "reworded", "a rebase")
}

/// The amend step of an autosquash `fixup -C` (`git commit --fixup=reword:`/`amend:`), reflog
/// `rebase (fixup)`, or of a `squash` given a new message, `rebase (squash)`: an entry the new
/// message would change is said as a reword's is. Nothing is said for a message that calls for
/// no entry, or at a squash's intermediate step (`# This is a combination of 2 commits.`).
pub(super) fn folded(repo: &Repo, config: &Config, top: &ReflogTop) -> Result<Accumulated> {
    let (step, subject) = top.message.split_once(": ").unwrap_or_default();
    let combination = subject
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with("This is a combination of ");
    let forge = std::cell::OnceCell::new();
    let Some(own) = entry_of(repo, top.new, config, &forge).filter(|_| !combination) else {
        return Ok(Accumulated::Skipped("a fixup or squash step".into()));
    };
    let what = if step.ends_with("(squash)") {
        "squashed"
    } else {
        "reworded"
    };
    let said = left_as_made(repo, config, top, what, "a rebase")?;
    // A fixup drops the folded commits' messages, not their entries: said. (A squash's
    // message, as git combines it, still states each one; given a new one, `left_as_made`
    // names every entry it carries.)
    // The replaced messages' entries (every one before a fixup chain's last step) are the
    // reword's line's, not a folded commit's.
    let replaced: Vec<NewEntry> = crate::history::fixup_chain::replaced(repo, top.old)
        .into_iter()
        .filter_map(|id| entry_of(repo, id, config, &forge))
        .collect();
    let kept = (what == "reworded")
        .then(|| folded_in(repo, config, top, &own, &replaced))
        .flatten();
    Ok(match (said, kept) {
        (Accumulated::Notice(a), Some(kept)) => Accumulated::Notice(format!("{a}; {kept}")),
        (Accumulated::Skipped(_), Some(kept)) => Accumulated::Notice(kept),
        (said, _) => said,
    })
}

/// The entries of the commits a `fixup` or `squash` folded into `top.new` beside its `own`
/// (what the commit added to a changelog besides its own entry, and besides the entries of
/// the messages a `fixup -C` or `-c` replaced, said on their own): kept as the rebase made
/// them, and said, as a squash made with `git reset --soft` is.
fn folded_in(
    repo: &Repo,
    config: &Config,
    top: &ReflogTop,
    own: &NewEntry,
    replaced: &[NewEntry],
) -> Option<String> {
    let norm = crate::history::changelog::normalize;
    let paths =
        std::iter::once(&config.changelog.path).chain(config.packages.iter().map(|p| &p.changelog));
    let mut said = Vec::new();
    for path in paths {
        let mut carried: Vec<String> = crate::history::sync::added_by(repo, top.new, path)
            .into_iter()
            .collect();
        // The commit's own entry as the file lists it: the new message's, else (a `fixup -c`
        // given a message of its own) a replaced one's, which the reword's line names.
        let Some(listed) = std::iter::once(own)
            .chain(replaced)
            .find(|e| carried.iter().any(|a| norm(a) == norm(&e.text)))
        else {
            continue;
        };
        carried.retain(|a| norm(a) != norm(&own.text));
        carried.retain(|a| replaced.iter().all(|r| norm(a) != norm(&r.text)));
        // Quoted as the file has them, with its own bullet (`*` in conventional-changelog's).
        let log = repo
            .committed_file(top.new, path)
            .ok()
            .flatten()
            .and_then(|f| crate::history::changelog::Changelog::from_utf8(f.bytes));
        if let Some(log) = &log {
            carried = carried.iter().map(|a| log.as_written(a)).collect();
        }
        carried.sort();
        let Some(first) = carried.first() else {
            continue;
        };
        let m = log.map_or('-', |log| log.marker());
        let (it, them) = match carried.len() {
            1 => (
                format!("`{m} {}`, the entry of a commit", one_line(first)),
                "it",
            ),
            n => (
                format!("{n} entries of commits (first: `{m} {}`)", one_line(first)),
                "them",
            ),
        };
        said.push(format!(
            "{} keeps {it} folded into {} beside its own `{m} {}`, as the rebase made it; if that entry stands for {them}, take {them} out by hand once the rebase is done",
            path.display(),
            crate::git::short_id(top.new),
            one_line(&listed.text),
        ));
    }
    (!said.is_empty()).then(|| said.join("; "))
}

/// How far back HEAD's reflog is read for the commit an amend at a rebase's stop replaced.
const READ_AT_STOP: usize = 200;

/// Whether `top` (`amend`: an amend, or a reset and commit again) is a commit of one's own at
/// a stopped rebase, new to history: a plain `git commit` there, or a `git commit --amend` of
/// one such commit (its entry is replaced as outside the rebase), not of one the rebase made.
pub(super) fn own_at_stop(repo: &Repo, top: &ReflogTop, amend: bool) -> bool {
    repo.rebase_stopped()
        && match amend {
            false => top.message.starts_with("commit: "),
            true => {
                top.message.starts_with("commit (amend): ")
                    && repo.made_at_rebase_stop(top.old, READ_AT_STOP)
            }
        }
}

/// An amend (`what`: "reworded", "amended") while `op` is in progress: what its entry still
/// reads, said rather than changed.
pub(super) fn left_as_made(
    repo: &Repo,
    config: &Config,
    top: &ReflogTop,
    what: &str,
    op: &str,
) -> Result<Accumulated> {
    let why = format!("relhook leaves the commits of {op} as git makes them");
    by_hand(repo, config, top, (what, &why), Some(op))
}

/// The line for a plain `git commit --amend` that post-commit could not rewrite (`why`), when
/// HEAD is still that amend: what the file still reads and the hand edit, since `--sync`
/// counts the amended commit's own change to the file as its entry. `None` otherwise, and for
/// a merge (whose change to the file carries the merged branch's entries, not its own).
pub fn unrewritten_amend(repo: &Repo, config: &Config, why: &str) -> Option<String> {
    let top = repo
        .reflog_top()
        .filter(|t| t.message.starts_with("commit (amend): ") && !repo.is_merge(t.new))?;
    let why = format!("relhook could not rewrite it: {why}; HEAD stays as git made it");
    match by_hand(repo, config, &top, ("amended", &why), None) {
        Ok(Accumulated::Notice(said)) => Some(said),
        _ => None,
    }
}

/// What an amend's entry still reads against what its message calls for, said with the hand
/// edit (`what` the commit is, `why` it was left so); `op`: what must finish before `--sync`.
fn by_hand(
    repo: &Repo,
    config: &Config,
    top: &ReflogTop,
    (what, why): (&str, &str),
    op: Option<&str>,
) -> Result<Accumulated> {
    let skip = |why: &str| Ok(Accumulated::Skipped(why.to_owned()));
    // The pick of a `reword` line has the same reflog subject; only the amend that follows
    // replaces a commit with one of the same parent.
    if repo.head() != Some(top.new) || repo.first_parent(top.new) != repo.first_parent(top.old) {
        return skip("a rebase's pick");
    }
    let forge = std::cell::OnceCell::new();
    let old = entry_of(repo, top.old, config, &forge);
    let new = entry_of(repo, top.new, config, &forge);
    // A fixup chain's last step replaced the message of every step before it too.
    let earlier: Vec<NewEntry> = crate::history::fixup_chain::replaced(repo, top.old)
        .into_iter()
        .skip(1)
        .filter_map(|id| entry_of(repo, id, config, &forge))
        .collect();
    let same = |a: &NewEntry, b: &NewEntry| a.text == b.text && a.section == b.section;
    let unchanged = |a: &NewEntry| new.as_ref().is_some_and(|b| same(a, b));
    if old.as_ref().is_some_and(unchanged) && earlier.iter().all(unchanged) {
        return skip("the reword leaves the entry as it was");
    }
    let targets = match targets(repo, config, top, true, (old, new))? {
        Ok(t) => t,
        Err(refused) => return Ok(refused),
    };
    let root = repo.work_tree();
    let commit = crate::git::short_id(top.new);
    let when = op
        .map(|op| format!("when {op} is done, "))
        .unwrap_or_default();
    let mut said = Vec::new();
    for t in targets {
        let path = t.path.display();
        // Entries are quoted with the file's own bullet (`*` in conventional-changelog's).
        let log = root
            .as_ref()
            .and_then(|r| std::fs::read_to_string(r.join(&t.path)).ok())
            .and_then(|text| crate::history::changelog::Changelog::parse(&text).ok());
        let m = log.as_ref().map_or('-', |c| c.marker());
        // And with its scope as the file writes scopes (`**api**: x` in commitizen's).
        let style = log.as_ref().map(|c| c.entry_style()).unwrap_or_default();
        let styled = |e: &Option<NewEntry>| {
            e.clone().map(|e| NewEntry {
                text: style.apply(&e.text),
                ..e
            })
        };
        let (was, now) = (styled(&t.old), styled(&t.new));
        // An entry the file has, quoted as it has it; a heading by the file's name for it
        // (git-cliff's `🐛 Bug Fixes`, not `Fixed`).
        let written = |a: &str| log.as_ref().map_or(a.to_owned(), |c| c.as_written(a));
        let under = |b: &NewEntry| {
            log.as_ref().map_or(b.section.clone(), |c| {
                c.section_name(&b.section, b.breaking)
            })
        };
        // An entry already changed by hand is the person's: nothing to say about it.
        let holds = |e: &NewEntry| {
            let Some(bytes) = root
                .as_ref()
                .and_then(|r| std::fs::read(r.join(&t.path)).ok())
            else {
                return false;
            };
            String::from_utf8_lossy(&bytes).lines().any(|l| {
                (l.starts_with("- ") || l.starts_with("* ")) && l.get(2..) == Some(e.text.as_str())
            })
        };
        // What the commit itself added to the file is what it still reads (an earlier amend
        // may have changed the message already); else the entry its old message called for.
        let carried: Vec<String> = {
            let mut c: Vec<String> = crate::history::sync::added_by(repo, top.new, &t.path)
                .iter()
                .map(|a| written(a))
                .collect();
            c.sort();
            c
        };
        let norm = crate::history::changelog::normalize;
        let stale = match carried.as_slice() {
            [one] => Some(one.clone()),
            [] => None,
            // A squash carries the entries of the commits it folds together: all of them
            // still read so, unless one is what the new message calls for.
            many if what == "squashed" => match &now {
                Some(b) if many.iter().any(|a| norm(a) == norm(&b.text)) => continue,
                _ => Some(
                    many.iter()
                        .map(|a| one_line(a))
                        .collect::<Vec<_>>()
                        .join(&format!("`, `{m} ")),
                ),
            },
            // The replaced message's entry; after a fixup chain, those of every step before
            // the last the commit carries, but the one the new message calls for.
            _ => {
                let before = earlier.iter().filter_map(|e| styled(&Some(e.clone())));
                let before = before.filter(|e| carried.iter().any(|c| norm(c) == norm(&e.text)));
                let mut stale: Vec<String> = was
                    .iter()
                    .cloned()
                    .chain(before)
                    .filter(|a| holds(a))
                    .map(|a| a.text)
                    .collect();
                if !earlier.is_empty() {
                    stale.retain(|a| now.as_ref().is_none_or(|b| norm(a) != norm(&b.text)));
                }
                stale.sort();
                stale.dedup();
                (!stale.is_empty()).then(|| {
                    let stale: Vec<String> = stale.iter().map(|a| one_line(a)).collect();
                    stale.join(&format!("`, `{m} "))
                })
            }
        };
        // `them` for several entries, joined as a squash's are.
        let many = |a: &str| a.contains(&format!("`, `{m} "));
        // Worded alike, under another kind's heading (`feat:` reworded `fix:`).
        let moved = |a: &str, b: &NewEntry| {
            let log = log.as_ref()?;
            let under = log
                .unreleased_entries()
                .into_iter()
                .find(|e| norm(&e.text) == norm(a))?
                .section;
            let to = log.section_name(&b.section, b.breaking);
            (!crate::history::changelog::vocab::same_section(&under, &to)).then_some((under, to))
        };
        // Left so, `--sync` adds the entry of a message that weighs more beside it.
        let beside = |a: &str, b: &NewEntry| {
            if outweighed(log.as_ref(), a, b, config) {
                format!(
                    " (left so, `relhook changelog --sync` and the release add `{m} {}` beside it: an entry that weighs less does not stand for the commit)",
                    one_line(&b.text)
                )
            } else {
                String::new()
            }
        };
        match (stale, &now) {
            (Some(a), Some(b)) if norm(&a) == norm(&b.text) => {
                if let Some((under, to)) = moved(&a, b) {
                    said.push(format!(
                        "{path} still lists `{m} {}` under {under} for {what} commit {commit} ({why}); {when}`relhook changelog --sync` moves it to {to}, where the new message puts it",
                        one_line(&a)
                    ));
                }
            }
            // Marks aside, its words (`fix: y` made `feat!: y`): what `--sync` puts right.
            (Some(a), Some(b))
                if carried.len() == 1
                    && crate::history::changelog::weight::bare_words(&a)
                        == crate::history::changelog::weight::bare_words(&b.text) =>
            {
                said.push(format!(
                    "{path} still reads `{m} {}` for {what} commit {commit} ({why}); {when}`relhook changelog --sync` replaces it with `{m} {}` under {}",
                    one_line(&a),
                    one_line(&b.text),
                    under(b)
                ))
            }
            // A fixup given the fixup's message (`fixup -C`) carries the entry of that one
            // too: the stale one goes, by hand, rather than being changed into it.
            (Some(a), Some(b)) if carried.iter().any(|c| norm(c) == norm(&b.text)) => said
                .push(format!(
                    "{path} still lists `{m} {}` for {what} commit {commit} beside `{m} {}`, the entry its new message calls for ({why}); remove `{m} {}` by hand if {} should go",
                    one_line(&a),
                    one_line(&b.text),
                    one_line(&a),
                    if many(&a) { "they" } else { "it" }
                )),
            (Some(a), Some(b)) => said.push(format!(
                "{path} still reads `{m} {}` for {what} commit {commit} ({why}); if it should follow the new message, change {} by hand to `{m} {}` under {}{}",
                one_line(&a),
                if many(&a) { "them" } else { "it" },
                b.text,
                under(b),
                beside(&a, b)
            )),
            (Some(a), None) => said.push(format!(
                "{path} still has `{m} {}`, though {what} commit {commit} no longer calls for an entry ({why}); remove {} by hand if {} should go",
                one_line(&a),
                if many(&a) { "them" } else { "it" },
                if many(&a) { "they" } else { "it" }
            )),
            // `--sync` adds the entry of a commit that left the file alone (its own change
            // to the file would otherwise stand for the entry).
            (None, Some(b)) if repo.changed_paths(top.new, &[t.path.as_path()])?.is_empty() => {
                said.push(format!(
                    "no entry added to {path} for {what} commit {commit} ({why}); {when}`relhook changelog --sync{}` adds `{m} {}`",
                    if config.packages.is_empty() { "" } else { " --all" },
                    one_line(&b.text)
                ))
            }
            (None, Some(b)) => said.push(format!(
                "no entry added to {path} for {what} commit {commit} ({why}); add `{m} {}` under {} by hand",
                b.text,
                under(b)
            )),
            (None, None) => {}
        }
    }
    if said.is_empty() {
        return skip("the entry was already changed by hand");
    }
    Ok(Accumulated::Notice(said.join("; ")))
}

/// Whether `new`, the entry the commit's new message calls for, weighs more than `carried`,
/// the one the file lists for it (as it stands in `log`): `--sync` then adds `new` beside it.
fn outweighed(
    log: Option<&crate::history::changelog::Changelog>,
    carried: &str,
    new: &NewEntry,
    config: &Config,
) -> bool {
    use crate::history::changelog::normalize;
    use crate::history::changelog::weight::Weight;
    let Some(section) = log.and_then(|log| {
        log.unreleased_entries()
            .into_iter()
            .find(|e| normalize(&e.text) == normalize(carried))
            .map(|e| e.section)
    }) else {
        return false;
    };
    Weight::of_listed(carried, &section, config) < Weight::of(new.breaking, &new.section, config)
}
