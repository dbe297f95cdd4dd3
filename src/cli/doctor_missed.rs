//! Why `--sync` would add entries doctor finds missing: how their commits got none.

use crate::config::Config;
use crate::git::Repo;
use crate::history::accumulate::lock_met::{LockMet, Met};
use crate::history::sync::SyncPlan;

/// Doctor's line for the commits `plan` adds entries for: with no file yet (`missing`, a
/// project that kept its notes elsewhere), said as what `sync` creates; else with why they
/// have none.
pub(super) fn detail(
    repo: &Repo,
    config: &Config,
    plan: &SyncPlan,
    missing: bool,
    sync: &str,
) -> String {
    let shown = config.changelog.path.display();
    let commits = crate::commit::report::plural(plan.added.len(), "commit");
    if missing {
        let (call, them) = (call(plan.added.len()), plural_them(plan.added.len()));
        format!(
            "there is no {shown} yet, and {commits} since the last release {call} for an entry: `{sync}` creates it with {them} (the releases before it stay out of it)"
        )
    } else if let Some(stood) = squashes(config, plan) {
        stood
    } else {
        format!(
            "{shown} {} ({})",
            no_entry(plan.added.len(), "commit"),
            why_missed(repo, config, plan, sync)
        )
    }
}

/// The squash merges whose entries `plan` puts in place of those of the commits they carry,
/// said first, then how many other commits lack theirs; `None` when there are none.
fn squashes(config: &Config, plan: &SyncPlan) -> Option<String> {
    let path = &config.changelog.path;
    let stood: Vec<String> = (plan.squashed.iter())
        .filter_map(|s| s.doctor(path))
        .collect();
    let others = plan.added.len().checked_sub(stood.len())?;
    let also = match others {
        0 => String::new(),
        n => format!("; and {} {}", path.display(), no_entry(n, "other commit")),
    };
    (!stood.is_empty()).then(|| format!("{}{also}", stood.join("; ")))
}

/// What `--sync` creates the file with: the entry of one commit, or the commits' ("them").
fn plural_them(n: usize) -> &'static str {
    if n == 1 {
        "that commit's entry"
    } else {
        "them"
    }
}

/// Why post-commit gave these commits no entry: the file each stored was not one it adds
/// entries to (post-commit said so, and left it), git am, a held lock post-commit noted
/// (see `lock_met`), an amend that took the entry out by hand (`sync` puts it back), or
/// post-commit did not run.
fn why_missed(repo: &Repo, config: &Config, plan: &SyncPlan, sync: &str) -> String {
    let path = &config.changelog.path;
    // Merged in with an older line's release: listed in its section, new on this line.
    if let Some((_, tag)) = plan.older_line.first() {
        let n = plan.older_line.len();
        let others = plan.added.len() - n;
        let rest = match others {
            0 => String::new(),
            n => format!(", and {n} made while relhook's post-commit did not run"),
        };
        return format!(
            "{} shipped by {tag} on an older line and merged in: listed in its section, still unreleased on this line{rest}",
            if n == 1 {
                "1 was".to_owned()
            } else {
                format!("{n} were")
            },
        );
    }
    let added = &plan.added;
    let ids: Vec<git2::Oid> = added
        .iter()
        .filter_map(|(id, _)| git2::Oid::from_str(id).ok())
        .collect();
    let unkept: Vec<git2::Oid> = ids
        .iter()
        .copied()
        .filter(|c| crate::history::sync::unkept_at(repo, *c, path))
        .collect();
    // git am commits past post-commit (git runs only the applypatch hooks): said by name, as
    // the patch's commit, made elsewhere, carried no entry.
    let made = repo.made_by(&ids, MADE_BY_READ);
    let am = ids
        .iter()
        .filter(|c| !unkept.contains(c) && made.get(c).is_some_and(|a| a == "am"))
        .count();
    let kept_out = format!(
        "made while {} was not a Keep a Changelog file",
        path.display()
    );
    // post-commit ran, and noted the held lock or the write error that stopped it.
    let locked: Vec<LockMet> = ids
        .iter()
        .filter(|c| !unkept.contains(c) && made.get(c).is_none_or(|a| a != "am"))
        .filter_map(|c| crate::history::accumulate::lock_met::met(repo.git_dir(), *c))
        .collect();
    let met = match locked.as_slice() {
        [] => String::new(),
        [one] => format!("made while relhook's post-commit met {}", one.said()),
        [.., last] => format!(
            "made while relhook's post-commit met {} (the last: {})",
            several(&locked),
            last.said()
        ),
    };
    // post-commit ran for the amend, or was skipped: either way the entry went by hand.
    let left: Vec<git2::Oid> = ids
        .iter()
        .copied()
        .filter(|c| !unkept.contains(c) && made.get(c).is_none_or(|a| a != "am"))
        .filter(|c| crate::history::accumulate::lock_met::met(repo.git_dir(), *c).is_none())
        .collect();
    let by_hand = taken_out_by_amend(repo, path, &left);
    let taken_out = format!(
        "made by `git commit --amend` with the entry taken out by hand: `{sync}` puts it back; a commit of its own that deletes it keeps it out for good"
    );
    let not_run = "made while relhook's post-commit did not run: before `relhook install`, killed, or skipped";
    reasons(&[
        (unkept.len(), kept_out.as_str()),
        (am, AM),
        (locked.len(), met.as_str()),
        (by_hand, taken_out.as_str()),
        (left.len() - by_hand, not_run),
    ])
}

/// How many of `ids` a `git commit --amend` made (HEAD's reflog says) that took out the
/// entries the commit it replaced added to `path`: that one added some, and it adds none.
fn taken_out_by_amend(repo: &Repo, path: &std::path::Path, ids: &[git2::Oid]) -> usize {
    if ids.is_empty() {
        return 0;
    }
    let amends = repo.amends(MADE_BY_READ);
    let added = |c: git2::Oid| !crate::history::sync::added_by(repo, c, path).is_empty();
    ids.iter()
        .filter(|id| {
            amends
                .iter()
                .find(|a| a.new == **id && !a.reword)
                .is_some_and(|a| added(a.old) && !added(**id))
        })
        .count()
}

/// What post-commit met for several commits: held locks, write errors, or either.
fn several(noted: &[LockMet]) -> &'static str {
    let locks = noted
        .iter()
        .filter(|m| matches!(m.met, Met::Lock(_)))
        .count();
    match locks {
        0 => "write errors",
        n if n == noted.len() => "held locks",
        _ => "held locks or write errors",
    }
}

/// How far back HEAD's reflog is read for the commits `git am` made.
const MADE_BY_READ: usize = 2000;

/// The reason for the commits `git am` made.
const AM: &str = "applied by `git am`, which runs no post-commit";

/// The reasons of `counted` (how many commits each stands for), those of none left out: one
/// alone as it is, several each with its count, the last as "the others".
fn reasons(counted: &[(usize, &str)]) -> String {
    let some: Vec<&(usize, &str)> = counted.iter().filter(|(n, _)| *n > 0).collect();
    match some.as_slice() {
        [] => String::new(),
        [(_, why)] => (*why).to_owned(),
        [first @ .., (_, last)] => {
            let mut out: Vec<String> = first.iter().map(|(n, why)| format!("{n} {why}")).collect();
            out.push(format!(
                "the others {}",
                last.strip_prefix("made ").unwrap_or(last)
            ));
            out.join(", ")
        }
    }
}

/// "has no entry for `n` `what`s since the last release that call for one", the verb agreeing.
pub(super) fn no_entry(n: usize, what: &str) -> String {
    format!(
        "has no entry for {} since the last release that {} for one",
        crate::commit::report::plural(n, what),
        call(n)
    )
}

/// The verb after "`n` commits that …": "calls" for one, "call" for more.
pub(super) fn call(n: usize) -> &'static str {
    if n == 1 { "calls" } else { "call" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_reason_is_said_alone_and_several_with_their_counts() {
        assert_eq!(
            reasons(&[(0, "made while a"), (2, AM), (0, "made while c")]),
            AM
        );
        assert_eq!(
            reasons(&[(2, "made while a"), (0, AM), (1, "made while c")]),
            "2 made while a, the others while c"
        );
        assert_eq!(
            reasons(&[(1, "made while a"), (1, AM), (3, "made while c")]),
            format!("1 made while a, 1 {AM}, the others while c")
        );
    }

    #[test]
    fn the_verb_agrees_with_the_count() {
        assert_eq!(call(1), "calls");
        assert_eq!(call(2), "call");
    }
}
