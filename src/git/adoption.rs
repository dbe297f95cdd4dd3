//! The note `relhook install` leaves when it adopts a repository (no relhook hook ran here
//! before): which commits existed then, and when. Those never met relhook's hooks; the rest of
//! relhook leaves them unjudged (pre-push, `relhook check`, a release), and judges everything
//! made since.
//!
//! The note, `relhook-adopted` in the common git dir, is lines of text: HEAD's id first (all an
//! older relhook wrote, and all it reads), then `time <seconds>` (when it was written) and a
//! `tip <id>` line for each local branch that HEAD does not hold (a branch started before the
//! install, which a rebase may bring out later), and a `tag <id> <name>` line for each tag and
//! the object it named then (a lightweight tag has no date of its own to tell it by).

use git2::Oid;

use super::Repo;

/// The common git dir's note (see the module); `relhook uninstall` keeps it.
pub const ADOPTED: &str = "relhook-adopted";

/// What the note says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adoption {
    /// HEAD when relhook was installed, then the other local branches' tips: every commit
    /// reachable from one of these was made before the install.
    pub tips: Vec<Oid>,
    /// When the note was written (seconds since the epoch): the `time` line, else the file's
    /// modification time (an older relhook's note).
    pub when: Option<i64>,
    /// Every tag there was, with the object its ref named (a commit for a lightweight tag):
    /// empty in an older relhook's note.
    pub tags: Vec<(String, Oid)>,
}

impl Adoption {
    /// Parses the note; `None` when its first line is no commit id. Lines it does not know
    /// (a later relhook's) are skipped.
    pub fn parse(text: &str) -> Option<Adoption> {
        let mut lines = text.lines();
        let head = Oid::from_str(lines.next()?.trim()).ok()?;
        let mut out = Adoption {
            tips: vec![head],
            when: None,
            tags: Vec::new(),
        };
        for line in lines {
            match line.trim().split_once(' ') {
                Some(("time", t)) => out.when = t.trim().parse().ok(),
                Some(("tip", id)) => out.tips.extend(Oid::from_str(id.trim()).ok()),
                Some(("tag", rest)) => {
                    let tag = rest
                        .trim()
                        .split_once(' ')
                        .and_then(|(id, name)| Some((name.to_owned(), Oid::from_str(id).ok()?)));
                    out.tags.extend(tag);
                }
                _ => {}
            }
        }
        Some(out)
    }

    /// The note's text.
    pub fn render(&self) -> String {
        let mut text = String::new();
        for (i, tip) in self.tips.iter().enumerate() {
            if i > 0 {
                text.push_str("tip ");
            }
            text.push_str(&format!("{tip}\n"));
            if i == 0 {
                if let Some(when) = self.when {
                    text.push_str(&format!("time {when}\n"));
                }
            }
        }
        for (name, id) in &self.tags {
            text.push_str(&format!("tag {id} {name}\n"));
        }
        text
    }
}

/// Removes every note [`Repo::first_time_told`] left in `common_dir` (`relhook uninstall`).
pub fn forget_told(common_dir: &std::path::Path) {
    for entry in std::fs::read_dir(common_dir)
        .into_iter()
        .flatten()
        .flatten()
    {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with("relhook-told-")
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

impl Repo {
    /// Whether the clone hears `what` for the first time: a note in the common git dir
    /// (`relhook-told-<what>`) records that it was said, for a line worth saying once, not at
    /// every commit. A note that cannot be written leaves the line said.
    pub fn first_time_told(&self, what: &str) -> bool {
        let note = self.inner.commondir().join(format!("relhook-told-{what}"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&note)
        {
            Ok(_) => true,
            Err(e) => e.kind() != std::io::ErrorKind::AlreadyExists,
        }
    }

    /// The note as it stands, its tips limited to the commits still here (a branch deleted
    /// since may have been collected).
    pub fn adoption(&self) -> Option<Adoption> {
        let path = self.inner.commondir().join(ADOPTED);
        let text = std::fs::read_to_string(&path).ok()?;
        let mut note = Adoption::parse(&text)?;
        note.tips.retain(|t| self.peel_to_commit(*t) == Some(*t));
        if note.tips.is_empty() {
            return None;
        }
        if note.when.is_none() {
            note.when = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
                .and_then(|d| i64::try_from(d.as_secs()).ok());
        }
        Some(note)
    }

    /// Whether relhook was ever installed here: the note is there, whatever it holds (an
    /// install before the first commit notes no commit, and [`Repo::adoption`] is `None`).
    pub fn ever_installed(&self) -> bool {
        self.inner.commondir().join(ADOPTED).exists()
    }

    /// The note for this repository as it is now: HEAD, the time `now`, every local branch's
    /// tip that HEAD does not reach, and every tag. `None` without a commit (nothing to note).
    pub fn adoption_now(&self, now: i64) -> Option<Adoption> {
        let head = self.head()?;
        let mut tips = vec![head];
        for (_, tip) in self.branches_at("heads/*") {
            if !tips.contains(&tip) && !self.reaches(head, tip) {
                tips.push(tip);
            }
        }
        Some(Adoption {
            tips,
            when: Some(now),
            tags: self.tag_refs(),
        })
    }

    /// The note for a clone whose team adopted relhook at a commit made at `when`, above
    /// commits `before` (empty: nothing came before it): those commits, and the tags on
    /// commits they hold that may be from before then: lightweight ones (no date to tell them
    /// by), and annotated ones made no later (one made since is judged, as in the clone that
    /// adopted).
    pub fn adoption_below(&self, before: &[Oid], when: i64) -> Adoption {
        if before.is_empty() {
            return Adoption {
                tips: vec![Oid::zero()],
                when: Some(when),
                tags: Vec::new(),
            };
        };
        let tags = self
            .tag_refs()
            .into_iter()
            .filter(|(_, id)| {
                let old = self.tagger_time(*id).is_none_or(|t| t <= when);
                old && self
                    .peel_to_commit(*id)
                    .is_some_and(|c| self.held_by_any(before, c))
            })
            .collect();
        Adoption {
            tips: before.to_vec(),
            when: Some(when),
            tags,
        }
    }

    /// Every tag with the object its ref names.
    fn tag_refs(&self) -> Vec<(String, Oid)> {
        match self.list_tag_refs("refs/tags/*") {
            Ok(refs) => refs
                .flatten()
                .filter_map(|r| {
                    Some((
                        r.name()?.strip_prefix("refs/tags/")?.to_owned(),
                        r.target()?,
                    ))
                })
                .collect(),
            Err(_) => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_relhooks_note_and_this_ones_read_back() {
        let a = Oid::from_str("1111111111111111111111111111111111111111").unwrap();
        let b = Oid::from_str("2222222222222222222222222222222222222222").unwrap();
        let old = Adoption::parse(&format!("{a}\n")).unwrap();
        assert_eq!(old.tips, vec![a]);
        assert_eq!(old.when, None);
        let note = Adoption {
            tips: vec![a, b],
            when: Some(1_767_268_800),
            tags: vec![("v0.1.0".to_owned(), b)],
        };
        let text = note.render();
        assert!(text.starts_with(&format!("{a}\ntime 1767268800\ntip {b}\ntag {b} v0.1.0\n")));
        assert_eq!(Adoption::parse(&text), Some(note));
        let later = format!("{a}\nsomething new\ntip {b}\n");
        assert_eq!(Adoption::parse(&later).unwrap().tips, vec![a, b]);
        assert_eq!(Adoption::parse("not an id\n"), None);
    }
}
