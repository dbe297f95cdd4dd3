//! The commit of the unreleased range that carries a lost commit's change: a squash merge of
//! the branch it was made on (`git merge --squash topic`, the branch deleted since), or a
//! cherry-pick under a message of its own. Its change, the changelogs aside, is the change
//! from where that branch left this one to a commit HEAD's reflog remembers on it: the lost
//! commit's change shipped there, so its entry is no lost commit's (a message listing the
//! commits, git's own for a squash, is `dropped`'s, by their headers).

use std::collections::HashMap;

use git2::Oid;

use super::Seen;
use crate::config::Config;
use crate::git::{MergeBase, Repo};

/// How many of HEAD's remembered commits on the lost commit's branch are tried as the end of
/// what a squash carried: each costs a merge base and a tree diff.
const TIPS: usize = 50;

/// Patch keys ([`Repo::key_between`]) without the changelogs, each read once.
pub(super) struct Squashes<'a> {
    repo: &'a Repo,
    head: Oid,
    skip: Vec<std::path::PathBuf>,
    /// The range's own commits' keys, read on the first question.
    own: Option<Vec<(Oid, Oid)>>,
    tips: HashMap<Oid, Option<Oid>>,
}

impl<'a> Squashes<'a> {
    pub(super) fn new(repo: &'a Repo, config: &Config, head: Oid) -> Squashes<'a> {
        Squashes {
            repo,
            head,
            skip: crate::history::copies::changelogs(config),
            own: None,
            tips: HashMap::new(),
        }
    }

    /// The commit of `commits` (the unreleased range) whose change is the one the branch of
    /// `lost` made up to one of `remembered` (HEAD's reflog), with its header.
    pub(super) fn carrying(
        &mut self,
        commits: &[Seen],
        remembered: &[Oid],
        lost: Oid,
    ) -> Option<(Oid, String)> {
        let repo = self.repo;
        let tips: Vec<Oid> = remembered
            .iter()
            .copied()
            .filter(|t| repo.reaches(*t, lost) && !repo.reaches(self.head, *t))
            .take(TIPS)
            .collect();
        for tip in tips {
            let Some(key) = self.tip_key(tip) else {
                continue;
            };
            let own = self.own.get_or_insert_with(|| {
                (commits.iter())
                    .filter(|c| c.parents.len() == 1)
                    .filter_map(|c| {
                        let k = repo.key_between(Some(c.parents[0]), c.id, &self.skip);
                        Some((c.id, k.ok()??))
                    })
                    .collect()
            });
            if let Some((id, _)) = own.iter().find(|(_, k)| *k == key) {
                let c = commits.iter().find(|c| c.id == *id)?;
                let header = c.message.lines().next().unwrap_or_default().to_owned();
                return Some((*id, header));
            }
        }
        None
    }

    /// The change from where `tip`'s branch left HEAD's to `tip`, the changelogs aside.
    fn tip_key(&mut self, tip: Oid) -> Option<Oid> {
        let (repo, head, skip) = (self.repo, self.head, &self.skip);
        *self.tips.entry(tip).or_insert_with(|| {
            let MergeBase::Found(base) = repo.merge_base_of(head, tip).ok()? else {
                return None;
            };
            repo.key_between(Some(base), tip, skip).ok()?
        })
    }
}
