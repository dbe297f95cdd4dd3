//! What the reflogs remember: the commits HEAD and the local branches were set to, among them
//! a commit as it was before an amend or a rebase rewrote it (which keeps its author header).
//! Read for a rewritten release commit only, and only as far back as the release was made.

use std::collections::HashMap;

use git2::Oid;

use super::Repo;

impl Repo {
    /// The commits HEAD and each local branch were set to, by their reflog entries of time
    /// `since` (seconds since the epoch) or later, each once with the time of its oldest such
    /// entry. Empty where git keeps no reflog (`core.logAllRefUpdates` off, a bare
    /// repository) or has expired it.
    pub fn reflog_commits_since(&self, since: i64) -> Vec<(Oid, i64)> {
        let mut names = vec!["HEAD".to_owned()];
        names.extend(
            self.branches_at("heads/*")
                .into_iter()
                .map(|(name, _)| format!("refs/{name}")),
        );
        let mut out: HashMap<Oid, i64> = HashMap::new();
        for name in names {
            // A reflog is appended to: one last written before `since` has nothing since (a
            // stat, where reading every branch's log would grow with the branches).
            if self.reflog_written(&name).is_some_and(|t| t < since) {
                continue;
            }
            let Ok(log) = self.inner.reflog(&name) else {
                continue;
            };
            for e in log.iter() {
                let when = e.committer().when().seconds();
                let id = e.id_new();
                if when < since || id.is_zero() {
                    continue;
                }
                out.entry(id)
                    .and_modify(|t| *t = (*t).min(when))
                    .or_insert(when);
            }
        }
        let mut out: Vec<(Oid, i64)> = out.into_iter().collect();
        out.sort_by_key(|(id, when)| (*when, *id));
        out
    }

    /// The reflog action that made each of `ids`, as HEAD's newest `limit` entries name it
    /// (`cherry-pick`, `revert`, `commit (amend)`: the message before its `: `); relhook's own
    /// rewrite of a commit ([`super::ENTRY_REWRITE`]) is seen through to what made the commit it
    /// rewrote. Ids HEAD's reflog does not name are left out.
    pub fn made_by(&self, ids: &[Oid], limit: usize) -> HashMap<Oid, String> {
        let Some(log) = self.head_log() else {
            return HashMap::new();
        };
        // Each commit HEAD was set to, by the newest entry that set it, and what it replaced.
        // An entry that only moved HEAD onto it (`checkout:`, `reset:`, a pull's fast-forward,
        // a rebase's start and finish) made nothing: the one that made it is older.
        let mut set: HashMap<Oid, (String, Oid)> = HashMap::new();
        for e in log.iter().take(limit) {
            let message = String::from_utf8_lossy(e.message_bytes().unwrap_or(b"")).into_owned();
            let moved_only = (["checkout:", "reset:", "pull:", "merge "]
                .iter()
                .any(|p| message.starts_with(p))
                && !message.contains("Merge made by"))
                || message.split_once(": ").is_some_and(|(action, _)| {
                    action.starts_with("rebase")
                        && (action.ends_with("(start)")
                            || action.ends_with("(finish)")
                            || action == "rebase finished")
                });
            if !moved_only {
                set.entry(e.new).or_insert((message, e.old));
            }
        }
        let mut out = HashMap::new();
        for id in ids {
            let mut at = *id;
            // A rewrite of a rewrite is as far as this goes.
            for _ in 0..4 {
                let Some((message, old)) = set.get(&at) else {
                    break;
                };
                if message == super::ENTRY_REWRITE {
                    at = *old;
                    continue;
                }
                let action = message
                    .split_once(": ")
                    .map_or(message.as_str(), |(a, _)| a);
                out.insert(*id, action.to_owned());
                break;
            }
        }
        out
    }

    /// The commits HEAD's newest `limit` reflog entries set it to, each once, newest first:
    /// among them those a rebase dropped or a reset left behind.
    pub fn head_reflog_commits(&self, limit: usize) -> Vec<Oid> {
        let Some(log) = self.head_log() else {
            return Vec::new();
        };
        let mut seen = std::collections::HashSet::new();
        log.iter()
            .take(limit)
            .map(|e| e.new)
            .filter(|id| !id.is_zero() && seen.insert(*id))
            .collect()
    }

    /// The commits the branch HEAD is on was set to by its newest `limit` reflog entries:
    /// a commit one of them reaches was once on this branch (a squash merge's or a
    /// cherry-pick's source on another branch never was). Empty on a detached HEAD.
    pub fn branch_reflog_commits(&self, limit: usize) -> Vec<Oid> {
        let Some(name) = self
            .inner
            .head()
            .ok()
            .and_then(|h| h.name().map(str::to_owned))
        else {
            return Vec::new();
        };
        let Ok(log) = self.inner.reflog(&name) else {
            return Vec::new();
        };
        let mut seen = std::collections::HashSet::new();
        log.iter()
            .take(limit)
            .flat_map(|e| [e.id_old(), e.id_new()])
            .filter(|id| !id.is_zero() && seen.insert(*id))
            .collect()
    }

    /// The commit `head` makes again: ORIG_HEAD (where a `git reset` started) when it has
    /// `head`'s first parent and tree, as `git reset --soft HEAD~1` and a commit of the same
    /// change leave it. One small file read and two commit lookups, without the reflog.
    pub fn redone(&self, head: Oid) -> Option<Oid> {
        // The file itself: a ref lookup that misses would read all of packed-refs, at every
        // commit of a clone with no ORIG_HEAD.
        let text = std::fs::read_to_string(self.inner.path().join("ORIG_HEAD")).ok()?;
        let orig = Oid::from_str(text.trim()).ok()?;
        if orig == head {
            return None;
        }
        let (was, now) = (
            self.inner.find_commit(orig).ok()?,
            self.inner.find_commit(head).ok()?,
        );
        let same = was.tree_id() == now.tree_id()
            && was.parent_count() == 1
            && now.parent_count() == 1
            && was.parent_id(0).ok() == now.parent_id(0).ok();
        same.then_some(orig)
    }

    /// The commits HEAD's last `limit` reflog entries moved away from by a `git reset`: those a
    /// `reset --soft HEAD~1` took out of history, whose changes (their changelog entries with
    /// them) the next commit brings back. Read only for a commit that changes the changelog
    /// itself: the whole reflog is parsed.
    pub fn reset_away(&self, limit: usize) -> Vec<Oid> {
        let Some(log) = self.head_log() else {
            return Vec::new();
        };
        log.iter()
            .take(limit)
            .filter(|e| e.message().is_some_and(|m| m.starts_with("reset: ")))
            .map(|e| e.old)
            .filter(|id| !id.is_zero())
            .collect()
    }

    /// The local branch this repository began on: the one whose reflog starts with its first
    /// commit (`commit (initial)`) or with the clone (`clone: from …`), the oldest where an
    /// orphan branch began the same way. Its trunk, whatever its name (`git init -b trunk`),
    /// when neither a remote nor `init.defaultBranch` says.
    pub fn first_branch(&self) -> Option<String> {
        let logs = self.inner.commondir().join("logs");
        self.branches_at("heads/*")
            .into_iter()
            .filter_map(|(name, _)| {
                let first = first_line(&logs.join("refs").join(&name))?;
                let (head, message) = first.split_once('\t')?;
                let began = message.starts_with("commit (initial): ")
                    || message.starts_with("clone: from ");
                // `<old> <new> <name> <email> <time> <zone>`: the time is the next-to-last word.
                let when: i64 = head.rsplit(' ').nth(1)?.parse().ok()?;
                let name = name.strip_prefix("heads/")?.to_owned();
                began.then_some((when, name))
            })
            .min()
            .map(|(_, name)| name)
    }

    /// When the reflog of `name` (`HEAD`, `refs/heads/main`) was last written, in seconds since
    /// the epoch; `None` when its file cannot be read (git2 then reads what it can).
    fn reflog_written(&self, name: &str) -> Option<i64> {
        let dir = if name == "HEAD" {
            self.inner.path()
        } else {
            self.inner.commondir()
        };
        let modified = std::fs::metadata(dir.join("logs").join(name))
            .ok()?
            .modified()
            .ok()?;
        let secs = modified
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs();
        i64::try_from(secs).ok()
    }

    /// The author header's value of `commit` as stored (`Name <email> 1767268800 +0000`),
    /// which an amend, a reword and a rebase keep.
    pub fn author_of(&self, commit: Oid) -> Option<Vec<u8>> {
        let odb = self.inner.odb().ok()?;
        let raw = odb.read(commit).ok()?;
        if raw.kind() != git2::ObjectType::Commit {
            return None;
        }
        let parsed = super::walk::parse_raw(commit, raw.data());
        (!parsed.author.is_empty()).then_some(parsed.author)
    }

    /// The author time of `commit` (seconds since the epoch).
    pub fn author_time(&self, commit: Oid) -> Option<i64> {
        self.author_of(commit).map(|a| super::walk::ident_time(&a))
    }
}

/// The first line of a file, read no further than the first 4 KiB.
fn first_line(path: &std::path::Path) -> Option<String> {
    use std::io::Read;
    let mut head = [0u8; 4096];
    let n = std::fs::File::open(path).ok()?.read(&mut head).ok()?;
    let text = std::str::from_utf8(&head[..n]).ok()?;
    Some(text.lines().next()?.to_owned())
}
