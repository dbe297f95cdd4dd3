//! The journal `<git dir>/relhook-txn`: what a transaction has under way, line by line, and
//! the recovery that finishes or undoes a transaction whose process was killed.

use std::fs;
use std::path::{Path, PathBuf};

use git2::Oid;

use super::TMP_PREFIX;
use super::killed_ref_lock::remove_killed_ref_lock;
use super::left_lock::{gone, index_lock};
use super::lock::stale_relhook_lock;
use super::recovered::Recovered;
use super::writer::is_writer;
use crate::git::Repo;
use crate::{Error, Result};

/// What a recovery that finished a release's commit adds: its tag is still to be made, by
/// the resume under the configuration that release was given.
fn resume_makes_tag(j: &Journal) -> String {
    let resume = j.advised(crate::resume_advice::command);
    format!("; `{resume}` makes its tag")
}

/// A recovery's words without what [`resume_makes_tag`] added (for the resume that is
/// making the tag), whatever configuration that names.
pub fn without_resume_makes_tag(said: &str) -> String {
    let Some(start) = said.find("; `relhook") else {
        return said.to_owned();
    };
    let end = "` makes its tag";
    match said[start..].find(end) {
        Some(at) => format!("{}{}", &said[..start], &said[start + at + end.len()..]),
        None => said.to_owned(),
    }
}

/// The journal's file name in the git dir.
pub(super) const JOURNAL: &str = "relhook-txn";

pub(super) fn oid_or_dash(o: Option<Oid>) -> String {
    o.map_or_else(|| "-".to_owned(), |o| o.to_string())
}

fn parse_oid(s: &str) -> Option<Option<Oid>> {
    if s == "-" {
        Some(None)
    } else {
        Oid::from_str(s).ok().map(Some)
    }
}

/// What a killed transaction's journal says.
#[derive(Debug, Default)]
pub(super) struct Journal {
    pub(super) pid: u32,
    /// The writer's start time (`/proc`'s clock ticks since boot), telling it from a later
    /// process given its pid; `None` in an older relhook's journal or without `/proc`.
    pub(super) started: Option<u64>,
    pub(super) what: String,
    pub(super) index: Option<PathBuf>,
    pub(super) staged: bool,
    /// What it was filling its index lock with (`index-lock <its checksum>`, see
    /// `left_lock::fingerprint`; an older relhook's: `<blob id of the content>`): a
    /// lock that holds exactly that is its own, whenever it was written.
    pub(super) filled: Option<Oid>,
    pub(super) files: Vec<(Option<Oid>, Option<Oid>, PathBuf)>,
    /// The index entries it staged: the blob each had and gets, as the index names them.
    pub(super) entries: Vec<(Option<Oid>, Option<Oid>, PathBuf)>,
    pub(super) refs: Vec<(Option<Oid>, Option<Oid>, String)>,
    /// The command that adds what an undone run was adding (`sync <command>`), when it is
    /// not `relhook changelog --sync` (a monorepo's package changelogs).
    pub(super) sync: Option<String>,
    /// HEAD when it began: for a post-commit, the commit git made (an amend, perhaps).
    pub(super) head: Option<Oid>,
    /// What a release was given that its resume repeats (see `ran_with`); nothing
    /// recorded in another transaction's journal or an older relhook's.
    pub(super) ran_with: super::ran_with::RanWith,
}

impl Journal {
    pub(super) fn sync_command(&self) -> &str {
        self.sync.as_deref().unwrap_or("relhook changelog --sync")
    }

    /// The index entries to put right when its staged index is lost: the journaled ones, or
    /// for a journal of an older relhook (no `entry` lines) its files, whose blobs the index
    /// had then too (no conversion).
    pub(super) fn staged_entries(&self) -> &[(Option<Oid>, Option<Oid>, PathBuf)] {
        if self.entries.is_empty() && self.staged {
            &self.files
        } else {
            &self.entries
        }
    }

    /// Whether every ref it moves reached its new value, or has moved on from it (a commit made
    /// on top): its commit was made, and what it wrote is kept (finished, not undone).
    pub(super) fn moved_forward(&self, repo: &Repo) -> bool {
        !self.refs.is_empty()
            && self.refs.iter().all(|(_, new, name)| {
                let now = repo.ref_target(name);
                now == *new
                    || matches!((now, new), (Some(now), Some(new)) if repo.reaches(now, *new))
            })
    }

    /// Whether HEAD is on one of the branches it moved: its index is this work tree's index
    /// only then (after `git checkout other`, the journal is not about this index).
    pub(super) fn on_its_branch(&self, repo: &Repo) -> bool {
        repo.head_ref_name()
            .is_ok_and(|head| self.refs.iter().any(|(_, _, name)| *name == head))
    }
}

pub(super) fn parse_journal(text: &str) -> Journal {
    let mut j = Journal::default();
    for line in text.lines() {
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        match key {
            "pid" => j.pid = rest.parse().unwrap_or(0),
            "started" => j.started = rest.parse().ok(),
            "what" => rest.clone_into(&mut j.what),
            "index" => j.index = Some(PathBuf::from(rest)),
            "index-staged" => j.staged = true,
            "index-lock" => j.filled = parse_oid(rest).flatten(),
            "sync" => j.sync = Some(rest.to_owned()),
            "head" => j.head = parse_oid(rest).flatten(),
            "config" | "flags" | "asked" => {
                j.ran_with.take(key, rest);
            }
            "file" | "entry" => {
                let mut p = rest.splitn(3, ' ');
                if let (Some(Some(b)), Some(Some(a)), Some(path)) =
                    (p.next().map(parse_oid), p.next().map(parse_oid), p.next())
                {
                    let list = if key == "file" {
                        &mut j.files
                    } else {
                        &mut j.entries
                    };
                    list.push((b, a, PathBuf::from(path)));
                }
            }
            "ref" => {
                let mut p = rest.splitn(3, ' ');
                if let (Some(Some(o)), Some(Some(n)), Some(name)) =
                    (p.next().map(parse_oid), p.next().map(parse_oid), p.next())
                {
                    j.refs.push((o, n, name.to_owned()));
                }
            }
            _ => {}
        }
    }
    j
}

/// The journal at `path`, if there is one: `Err` when it is there and unreadable as one
/// (a directory, no `what` line: cut short or not written by relhook, which writes it whole).
pub(super) fn load(path: &Path) -> Result<Option<Journal>> {
    #[cfg(test)]
    LOADS.with(|n| n.set(n.get() + 1));
    let bad = |why: &str| Error::BadJournal {
        path: path.to_owned(),
        why: why.to_owned(),
    };
    let bytes = match crate::fsx::read_regular_optional(path) {
        Ok(Some(b)) => b,
        Ok(None) => return Ok(None),
        Err(_) if path.is_dir() => return Err(bad("it is a directory")),
        Err(e) => return Err(e),
    };
    let j = parse_journal(&String::from_utf8_lossy(&bytes));
    if j.what.is_empty() || j.pid == 0 {
        return Err(bad(
            "it names no interrupted command: cut short, or not written by relhook",
        ));
    }
    if !known_command(&j.what) {
        return Err(bad(&format!(
            "`{}` is no command relhook runs as a transaction: not written by this relhook",
            j.what
        )));
    }
    Ok(Some(j))
}

/// The commands whose transactions relhook journals (`what`), a recovery's re-staging of one
/// included: a journal naming anything else was not written by relhook, and what it would
/// undo cannot be told.
const COMMANDS: &[&str] = &[
    "post-commit",
    "post-commit (merge)",
    "release",
    "release undo",
    "changelog --sync",
];

/// Whether `what` is one of [`COMMANDS`], or the re-staging after one.
pub(super) fn known_command(what: &str) -> bool {
    let mut what = what;
    while let Some(restaged) = what.strip_prefix("restage after an interrupted ") {
        what = restaged;
    }
    COMMANDS.contains(&what)
}

#[cfg(test)]
thread_local! {
    /// The journals this test's thread loaded (see [`load`]).
    static LOADS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Finishes or undoes a transaction whose process died. Returns what was done, or `None`
/// when there was nothing to recover; refused (after a bounded wait) while the relhook that
/// writes it is still running.
pub fn recover(repo: &Repo) -> Result<Option<String>> {
    Ok(recover_full(repo)?.map(|r| r.said))
}

/// [`recover`], saying which commit an undone post-commit was adding the entry of.
pub fn recover_full(repo: &Repo) -> Result<Option<Recovered>> {
    let journal = repo.git_dir().join(JOURNAL);
    let absent = super::at_work::wait_for_writer(&journal)?;
    let loaded = if absent { None } else { load(&journal)? };
    let Some(j) = loaded else {
        // Killed after taking the lock, before its journal took its name: the lock's mark
        // says whose it is.
        let lock = index_lock(repo)?;
        let Some(pid) = stale_relhook_lock(&lock) else {
            return Ok(None);
        };
        fs::remove_file(&lock).map_err(|e| Error::io("remove", &lock, e))?;
        clean_temporaries(repo.git_dir());
        let said = format!("removed the index lock an interrupted relhook (pid {pid}) left");
        return Ok(Some(Recovered::new(said, None, None)));
    };
    // Begun since the wait above: refused too, never finished or undone under its writer.
    super::at_work::refuse_if_live(&j)?;
    if let Some(done) = super::recovered::finished_release(repo, &j, &journal)? {
        return Ok(Some(done));
    }
    let index = j.index.as_deref().map(|i| named(Some(repo.git_dir()), i));
    let lock = index.as_deref().map(super::left_lock::lock_of);
    // An index lock that is not the killed run's own may be a running git's: nothing is
    // touched while it is there.
    if let Some(lock) = &lock {
        super::left_lock::wait_or_refuse(repo, &j, lock, &journal)?;
    }
    let journal_time = fs::metadata(&journal).and_then(|m| m.modified()).ok();
    for (_, new, name) in &j.refs {
        remove_killed_ref_lock(repo, name, *new, journal_time);
    }
    // Forward when every ref reached its new value (only the index rename was left), or has
    // moved on from it: a commit made on top keeps what the transaction wrote.
    let forward = j.moved_forward(repo);
    let root = repo.work_tree();
    // The staged index is gone when someone removed `index.lock` by hand, as git advises for
    // a lock it finds: the index is then the one from before, and a commit made from it would
    // undo the transaction's files. Those entries are staged again once the journal is gone.
    let mut restage = false;
    let mut undone = None;
    let what = if forward {
        let mut done = "the index is now updated";
        if let (Some(lock), Some(index)) = (&lock, &index) {
            let marker_only = stale_relhook_lock(lock).is_some();
            // The staged index is no newer than the journal's last line; a lock made after
            // that is another git's, taken once the user removed this one.
            let ours = fs::metadata(lock)
                .and_then(|m| m.modified())
                .is_ok_and(|made| journal_time.is_none_or(|j| made <= j));
            if j.staged && ours && !marker_only {
                fs::rename(lock, index).map_err(|e| Error::io("replace", index, e))?;
            } else {
                if marker_only {
                    // Killed before its index was staged (a re-staging run, say).
                    fs::remove_file(lock).map_err(|e| Error::io("remove", lock, e))?;
                }
                restage = !j.staged_entries().is_empty();
                if restage && j.staged && !marker_only {
                    done = "its index.lock had been removed";
                }
            }
        }
        // A release's tag comes after its commit: not finished until its resume makes it.
        let tag = if j.what == "release" {
            resume_makes_tag(&j)
        } else {
            String::new()
        };
        format!(
            "finished an interrupted {} (its commit was made; {done}){tag}",
            j.what
        )
    } else {
        for (old, new, name) in j.refs.iter().rev() {
            if repo.ref_target(name) == *new {
                repo.cas_ref(name, *new, *old, "relhook: undo an interrupted transaction")?;
            }
        }
        let (mut kept, mut edited) = (Vec::new(), Vec::new());
        for (before, after, file) in j.files.iter().rev() {
            let path = &named(root.as_deref(), file);
            let now = crate::fsx::read_optional(path)?;
            let now_id = now.as_deref().map(|b| repo.hash_blob(b));
            if now_id != *after {
                // Changed since, over what it wrote: left as it is now, and said.
                if now_id != *before {
                    edited.push(file.display().to_string());
                }
                continue;
            }
            if super::restage::taken_since(repo, &j, root.as_deref(), file, *after) {
                kept.push(file.display().to_string()); // committed or staged since: the user's
                continue;
            }
            match before {
                Some(b) => {
                    if let Some(bytes) = repo.blob_bytes(*b) {
                        crate::fsx::write_atomic_via(repo.git_dir(), path, &bytes, None)?;
                    }
                }
                None => fs::remove_file(path).map_err(|e| Error::io("remove", path, e))?,
            }
        }
        if let Some(lock) = &lock {
            let _ = fs::remove_file(lock);
        }
        let mut but = Vec::new();
        if !kept.is_empty() {
            let kept = kept.join(", ");
            but.push(format!(
                "kept {kept} as it wrote it: a commit or the index has taken it since"
            ));
        }
        if !edited.is_empty() {
            let edited = edited.join(", ");
            but.push(format!("left {edited} as it is now: changed since, over what it wrote, which may still be there (`git diff` shows it)"));
        }
        let mut said = format!("undid an interrupted {} (nothing of it remains)", j.what);
        if !but.is_empty() {
            said = format!(
                "undid an interrupted {}, but {}",
                j.what,
                but.join("; and ")
            );
        } else if j.what == "post-commit" {
            // The commit it ran for: HEAD when it began, else the ref it was moving.
            undone = j.head.or_else(|| j.refs.first().and_then(|r| r.0));
            let files: Vec<String> = j
                .files
                .iter()
                .map(|(_, _, f)| f.display().to_string())
                .collect();
            said.push_str(&format!(
                "; the entry it was adding is not in {}: `{}` adds it",
                if files.is_empty() {
                    "the changelog".to_owned()
                } else {
                    files.join(", ")
                },
                j.sync_command()
            ));
        }
        said
    };
    clean_temporaries(repo.git_dir());
    let mut what = what;
    if restage {
        // The re-staging's journal takes this one's place (carrying its lines) and goes when
        // it is done; failing before that, this journal stays for the next try.
        what.push_str(&super::restage::restage_files(repo, &j, index.as_deref())?);
    }
    match fs::remove_file(&journal) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(Error::io("remove", &journal, e));
        }
        _ => {}
    }
    let asked = j.ran_with.asked.filter(|_| j.what == "release");
    Ok(Some(Recovered::new(what, undone, asked)))
}

/// A path as the journal names it: relative to `base` (the work tree for files, the git dir
/// for the index), or absolute as journals before relative names wrote it.
pub(super) fn named(base: Option<&Path>, path: &Path) -> PathBuf {
    match base {
        Some(base) if path.is_relative() => base.join(path),
        _ => path.to_owned(),
    }
}

/// A journal's file relative to the work tree `root`, as the index names it; `None` when it
/// lies outside (an absolute name from before the project folder was moved).
pub(super) fn in_work_tree(root: Option<&Path>, path: &Path) -> Option<PathBuf> {
    if path.is_relative() {
        return Some(path.to_owned());
    }
    let root = root?;
    path.strip_prefix(root)
        .ok()
        .or_else(|| path.strip_prefix(root.canonicalize().ok()?).ok())
        .map(Path::to_owned)
}

/// Removes relhook's temporary files left in the git dir by a killed process; those another
/// relhook, still running, is writing (named with its pid) stay.
fn clean_temporaries(git_dir: &Path) {
    if let Ok(entries) = fs::read_dir(git_dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let live = crate::fsx::tmp_writer(&name).is_some_and(super::lock::alive);
            if name.starts_with(TMP_PREFIX) && !live {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// A transaction journal that is present (for `doctor`, and before a hand tag's release).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// What it is, in words.
    pub said: String,
    /// The command that finishes or undoes it and then adds what it was adding.
    pub fix: String,
    /// Its relhook is still at work: waited for, not recovered.
    pub running: bool,
    /// A release killed before its commit: the release command that undoes it and makes
    /// that release again (`fix` only undoes it).
    pub remade: Option<String>,
}

/// The transaction journal present, if any (see [`Pending`]).
pub fn pending(repo: &Repo) -> Option<Pending> {
    let journal = repo.git_dir().join(JOURNAL);
    let j = match load(&journal) {
        Ok(j) => j,
        Err(e) => {
            // Its path may hold any character (a quote, a line break): one word, one line.
            let q = crate::shellword::quote(&journal.to_string_lossy());
            return Some(Pending {
                said: e.to_string(),
                fix: format!("rm -r {q}"),
                running: false,
                remade: None,
            });
        }
    };
    let Some(j) = j else {
        // Killed before its journal was named: only the index lock's mark is left, and
        // until a relhook command removes it `git add` and `git commit` fail.
        let lock = index_lock(repo).ok()?;
        let pid = stale_relhook_lock(&lock)?;
        let said = format!(
            "{} was left by an interrupted relhook (pid {pid} {}) until a relhook command that writes removes it",
            lock.display(),
            gone(pid)
        );
        return Some(Pending {
            said,
            fix: "relhook changelog --sync".to_owned(),
            running: false,
            remade: None,
        });
    };
    let running = is_writer(j.pid, j.started);
    if let Some(p) = super::recovered::pending_finished(repo, &j, &journal).filter(|_| !running) {
        return Some(p);
    }
    if let Some(p) = super::left_lock::pending(repo, &j, &journal).filter(|_| !running) {
        return Some(p);
    }
    let said = if running {
        format!("a relhook {} is running (pid {})", j.what, j.pid)
    } else {
        let gone = gone(j.pid);
        let locks = super::killed_ref_lock::left_by(repo, &j, &journal);
        let locks: Vec<String> = locks.iter().map(|l| l.display().to_string()).collect();
        let locks = match locks.is_empty() {
            true => String::new(),
            false => format!(", its lock files left too ({})", locks.join(", ")),
        };
        format!(
            "a relhook {} was interrupted (pid {} {gone}) and is left half done{locks}, until a relhook command that writes finishes or undoes it",
            j.what, j.pid
        )
    };
    let remade = super::left_lock::remade(repo, &j).filter(|_| !running);
    Some(Pending {
        said,
        fix: super::left_lock::finishing(repo, &j).to_owned(),
        running,
        remade,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With no journal, recovering looks for it once: the wait for its writer already saw
    /// that there is none (the hand tag's hooks recover in each phase).
    #[test]
    fn recovering_without_a_journal_looks_for_it_once() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        crate::git::testing::git(dir, &["init", "-q", "-b", "main"]);
        crate::git::testing::git(dir, &["commit", "-q", "--allow-empty", "-m", "one"]);
        let repo = crate::git::Repo::open(dir).unwrap();
        let before = super::LOADS.with(std::cell::Cell::get);
        assert!(super::recover_full(&repo).unwrap().is_none());
        assert_eq!(super::LOADS.with(std::cell::Cell::get) - before, 1);
    }

    #[test]
    fn a_ref_lock_left_by_the_killed_transaction_goes_with_it() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        crate::git::testing::git(dir, &["init", "-q", "-b", "main"]);
        crate::git::testing::git(dir, &["commit", "-q", "--allow-empty", "-m", "one"]);
        crate::git::testing::git(dir, &["commit", "-q", "--allow-empty", "-m", "two"]);
        let repo = Repo::open(dir).unwrap();
        let two = repo.head().unwrap();
        let one = repo.first_parent(two).unwrap();
        // Killed while git2 moved main from `two` to `one`: the journal, then the ref's lock.
        let journal = repo.git_dir().join(JOURNAL);
        let dead = u32::MAX / 2;
        fs::write(
            &journal,
            format!(
                "relhook transaction\npid {dead}\nwhat release\nref {two} {one} refs/heads/main\n"
            ),
        )
        .unwrap();
        let lock = repo.ref_lock_path("refs/heads/main");
        fs::write(&lock, format!("{one}\n")).unwrap();
        // A lock that was there before the transaction is not relhook's to remove.
        let tag_lock = repo.ref_lock_path("refs/tags/keep");
        fs::create_dir_all(tag_lock.parent().unwrap()).unwrap();
        fs::write(&tag_lock, "").unwrap();
        assert!(recover(&repo).unwrap().is_some());
        assert!(!lock.exists(), "the killed transaction's ref lock is left");
        assert!(tag_lock.exists());
        assert_eq!(repo.head(), Some(two));
        assert!(!journal.exists());
        crate::git::testing::git(dir, &["commit", "-q", "--allow-empty", "-m", "three"]);
    }

    #[test]
    fn only_the_commands_relhook_journals_are_known() {
        assert!(known_command("post-commit"));
        assert!(known_command("restage after an interrupted release"));
        assert!(known_command(
            "restage after an interrupted restage after an interrupted post-commit (merge)"
        ));
        assert!(!known_command("bogus"));
        assert!(!known_command("restage after an interrupted bogus"));
    }

    #[test]
    fn the_resume_a_recovery_names_is_cut_whatever_its_config() {
        let said = "finished an interrupted release (its commit was made; the index is now updated); `relhook --config 'a b.toml' release --resume` makes its tag; and more";
        assert_eq!(
            without_resume_makes_tag(said),
            "finished an interrupted release (its commit was made; the index is now updated); and more"
        );
        assert_eq!(without_resume_makes_tag("undid it"), "undid it");
    }

    #[test]
    fn journal_round_trips() {
        let a = "a".repeat(40);
        let b = "b".repeat(40);
        let j = parse_journal(&format!(
            "relhook transaction\npid 42\nwhat post-commit\nindex /r/.git/index\nfile - {a} /r/CHANGE LOG.md\nindex-staged\nref {a} {b} refs/heads/main\n"
        ));
        assert_eq!(j.pid, 42);
        assert!(j.staged);
        assert_eq!(j.files[0].2, PathBuf::from("/r/CHANGE LOG.md"));
        assert_eq!(j.files[0].0, None);
        assert_eq!(j.refs[0].2, "refs/heads/main");
    }
}
