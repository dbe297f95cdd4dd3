//! The commits a push brings to the remote: each linted once (a commit shared by several
//! pushed refs is refused once, naming every ref), except those made before `relhook install`
//! here, which never met its hooks and are counted instead.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use git2::Oid;

use super::{Inspection, Kind, Refusal, Update, peel, release_configs, reword};
use crate::Result;
use crate::config::Config;
use crate::git::{Range, Repo, StoredCommit, short_id};

/// Lints the commits the pushed refs `pushed` bring to the remote, in one walk from all their
/// tips: a commit several of them bring is read and linted once, however many tags hold it (a
/// walk per ref went down the whole history once per tag of a first push). When some commit
/// fails, each ref's own range is taken from the commits walked, in memory, in the order its
/// own walk would give: its refusals name every ref that brings the commit, in the order of
/// git's lines, and the `git rebase -i` advice is the first such ref's.
pub(super) fn lint_new(
    repo: &Repo,
    config: &Config,
    remote: &str,
    pushed: &[&Update],
    hidden: &[Oid],
    seen: &mut HashMap<Oid, Option<usize>>,
    found: &mut Inspection,
) -> Result<()> {
    // Nothing new (an old release tag pushed to a remote that has its branch): its history
    // down to the remote's would be stepped through for nothing.
    let pushed: Vec<(&Update, Oid)> = pushed
        .iter()
        .filter_map(|u| Some((*u, peel(repo, u.local)?)))
        .filter(|(_, tip)| !repo.held_by_any_by_dates(hidden, *tip))
        .collect();
    let mut once = HashSet::new();
    let tips: Vec<Oid> = pushed
        .iter()
        .map(|p| p.1)
        .filter(|t| once.insert(*t))
        .collect();
    if tips.is_empty() {
        return Ok(());
    }
    let range = Range {
        tips,
        hidden: hidden.to_vec(),
        single: false,
        describe: "the pushed refs".into(),
    };
    let mut met = Met::default();
    let mut failing = HashMap::new();
    repo.walk(&range, |c| {
        met.add(&c);
        seen.insert(c.id, None);
        if found.before_install.holds(repo, &c) {
            found.unlinted_before_install += 1;
            return true;
        }
        found.commits_checked += 1;
        if let Some(f) = crate::history::unlinted::failing(repo, config, &c) {
            failing.insert(c.id, f);
        }
        true
    })?;
    if failing.is_empty() {
        return Ok(());
    }
    for (u, tip) in pushed {
        let order = met.range(tip);
        let mut bad_here = Vec::new();
        for id in &order {
            match seen.get(id) {
                Some(Some(i)) => found.refusals[*i].refs.push(u.remote_ref.clone()),
                _ => {
                    let Some(f) = failing.remove(id) else {
                        continue;
                    };
                    seen.insert(*id, Some(found.refusals.len()));
                    bad_here.push((found.refusals.len(), f.fixup));
                    found.refusals.push(Refusal {
                        kind: Kind::Commit,
                        refs: vec![u.remote_ref.clone()],
                        commit: Some(*id),
                        subject: f.header,
                        problems: f.problems,
                        fix: String::new(),
                    });
                }
            }
        }
        if bad_here.is_empty() {
            continue;
        }
        let headers: Vec<(Oid, &str)> = order
            .iter()
            .filter_map(|id| Some((*id, met.header(*id)?)))
            .collect();
        let below = base_commit(repo, u, order.last().copied());
        found.lint_ranges.push(match below {
            Some(b) => format!("{}..{}", short_id(b), short_id(u.local)),
            // `relhook check <id>` would judge that one commit alone.
            None => "--all".to_owned(),
        });
        let base = base(repo, u, below);
        let push = Push {
            repo,
            config,
            remote,
            hidden,
            met: &met,
        };
        advise(&push, &base, &headers, bad_here, found);
    }
    Ok(())
}

/// How many refused commits' descendants among the commits walked are kept to answer which
/// release tags sit above them; more ask the history (a never-linted history of thousands of
/// refused commits would keep thousands of sets as large as the history).
const SETS_KEPT: usize = 256;

/// What the advice for a refused commit draws on: the repository, its configuration, the
/// remote pushed to and the commits it has.
struct Push<'a> {
    repo: &'a Repo,
    config: &'a Config,
    remote: &'a str,
    hidden: &'a [Oid],
    met: &'a Met,
}

/// A base every new commit of ref `u` sits on, for `git rebase -i` (`oldest`: the last of the
/// commits it brings): the remote's value only when the push goes on from it (after a rebase
/// and a forced push it is not in HEAD's history, and a rebase onto it would replay commits
/// it lacks).
/// `None`: the root.
fn base_commit(repo: &Repo, u: &Update, oldest: Option<Oid>) -> Option<Oid> {
    if !u.remote.is_zero() && peel(repo, u.remote).is_some() && repo.reaches(u.local, u.remote) {
        Some(u.remote)
    } else {
        oldest.and_then(|o| repo.first_parent(o))
    }
}

/// [`base_commit`] as `git rebase -i` takes it (`--root` for none), with ` --rebase-merges`
/// first when the commits replayed hold a merge.
fn base(repo: &Repo, u: &Update, base: Option<Oid>) -> String {
    let at = base.map_or("--root".to_owned(), short_id);
    match crate::history::unlinted::rebase_merges(repo, base, peel(repo, u.local)) {
        "" => at,
        merges => format!("{} {at}", merges.trim_start()),
    }
}

/// Writes the fix of each refusal `bad_here` names (its index, and whether it is a fixup) for
/// the ref whose commits have `headers`, rebased from `base`.
fn advise(
    push: &Push<'_>,
    base: &str,
    headers: &[(Oid, &str)],
    bad_here: Vec<(usize, bool)>,
    found: &mut Inspection,
) {
    let Push {
        repo,
        config,
        remote,
        hidden,
        met,
    } = *push;
    let configs = release_configs(repo, config);
    let bads: Vec<Oid> = bad_here
        .iter()
        .filter_map(|(i, _)| found.refusals[*i].commit)
        .collect();
    // Whether a release tag sits above a refused commit: from the commits walked when the tag's
    // is one of them (each of a first push's many tags would walk down to the commit), for
    // the first `SETS_KEPT` refused commits (each set is as large as the history above it).
    let mut below: HashMap<Oid, Option<HashSet<Oid>>> = HashMap::new();
    let mut reaches = |tag: Oid, bad: Oid| {
        if !below.contains_key(&bad) && below.len() < SETS_KEPT {
            below.insert(bad, met.descendants(bad));
        }
        match below.get(&bad) {
            Some(Some(above)) if met.commits.contains_key(&tag) => above.contains(&tag),
            _ => repo.reaches(tag, bad),
        }
    };
    let above = reword::tags_above(repo, &configs, &bads, hidden, &mut reaches);
    let causes = super::made_by::causes(repo, config, &bads, remote);
    for ((i, fixup), tags) in bad_here.into_iter().zip(above) {
        let r = &mut found.refusals[i];
        // `--autosquash` reaches only a commit of the rebased range: one that fixes a commit
        // the remote has is reworded instead.
        let squashes = fixup
            && crate::history::unlinted::fixup_target(&r.subject).is_some_and(|t| {
                let fixes = crate::history::unlinted::fixes;
                headers
                    .iter()
                    .any(|(id, h)| Some(*id) != r.commit && fixes(t, *id, h))
            });
        let id = r.commit.map(short_id).unwrap_or_default();
        let rebase = if squashes {
            format!("`git rebase -i --autosquash {base}`")
        } else {
            format!("`git rebase -i {base}`, mark {id} `reword`")
        };
        let steps = if tags.is_empty() {
            format!("{rebase}, then push again")
        } else {
            reword::with_tags(repo, config, &rebase, &tags)
        };
        r.fix = if squashes {
            format!("squash it into the commit it fixes before sharing it: {steps}")
        } else if fixup {
            // commit-msg lets a `fixup!` through: it is meant to be squashed before a push.
            format!(
                "reword it: {steps} (`relhook check {id}` shows the full diagnostic); the commit it fixes is on {remote} already, out of reach of a rebase that would squash it, so it needs a message of its own"
            )
        } else {
            let cause = r.commit.and_then(|c| causes.get(&c).cloned());
            format!(
                "reword it: {steps} (`relhook check {id}` shows the full diagnostic); {}",
                cause.unwrap_or_else(|| {
                    super::made_by::unchecked(super::made_by::UNCHECKED, remote)
                })
            )
        };
    }
}

/// The commits the walk from every pushed tip met: the date, parents and header of each.
#[derive(Default)]
struct Met {
    commits: HashMap<Oid, (i64, Vec<Oid>, String)>,
    /// Each commit met's children among them, gathered the first time they are asked for.
    children: std::cell::OnceCell<HashMap<Oid, Vec<Oid>>>,
}

impl Met {
    fn add(&mut self, c: &StoredCommit) {
        let entry = (c.time, c.parent_ids.clone(), c.header());
        self.commits.insert(c.id, entry);
    }

    fn header(&self, id: Oid) -> Option<&str> {
        self.commits.get(&id).map(|c| c.2.as_str())
    }

    /// The commits met that `tip` reaches, in the order a walk from it alone takes them (as
    /// [`crate::git::walk`] does: newest first, a tie to the one queued first): the commits a
    /// ref brings are those reachable from its tip without leaving the ones met, since a
    /// commit between the tip and a new one is new as well. In memory: nothing is read again.
    fn range(&self, tip: Oid) -> Vec<Oid> {
        let mut out = Vec::new();
        let mut queued = HashSet::new();
        let mut heap = BinaryHeap::new();
        let mut seq = 0_u64;
        if let Some(c) = self.commits.get(&tip) {
            queued.insert(tip);
            heap.push((c.0, Reverse(seq), tip));
        }
        while let Some((_, _, id)) = heap.pop() {
            out.push(id);
            let Some((_, parents, _)) = self.commits.get(&id) else {
                continue;
            };
            for p in parents {
                if let Some(c) = self.commits.get(p)
                    && queued.insert(*p)
                {
                    seq += 1;
                    heap.push((c.0, Reverse(seq), *p));
                }
            }
        }
        out
    }

    /// The commits met that reach `commit` (it included), found among the commits met alone:
    /// a path between two new commits runs through new commits only. `None`: not met.
    fn descendants(&self, commit: Oid) -> Option<HashSet<Oid>> {
        if !self.commits.contains_key(&commit) {
            return None;
        }
        let children = self.children.get_or_init(|| {
            let mut children: HashMap<Oid, Vec<Oid>> = HashMap::new();
            for (id, (_, parents, _)) in &self.commits {
                for p in parents.iter().filter(|p| self.commits.contains_key(p)) {
                    children.entry(*p).or_default().push(*id);
                }
            }
            children
        });
        let mut out = HashSet::from([commit]);
        let mut stack = vec![commit];
        while let Some(c) = stack.pop() {
            for child in children.get(&c).into_iter().flatten() {
                if out.insert(*child) {
                    stack.push(*child);
                }
            }
        }
        Some(out)
    }
}
