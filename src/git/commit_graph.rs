//! The topological levels (generation numbers) git keeps in its commit-graph file
//! (`objects/info/commit-graph`, `git commit-graph write`, as `git gc` and `git maintenance`
//! do), so the generation pass of `reach` stops at the commits the file holds instead of
//! reading the whole history below them. The reader trusts nothing: a file that is short,
//! of another version or hash, whose checksum or counts disagree, or whose ids are out of
//! order is not used at all, and a commit it does not hold or holds without a level (0, or
//! git's cap) gets none, so the pass computes it as before. A split chain
//! (`objects/info/commit-graphs/`) is not read: the pass covers it.

use std::path::{Path, PathBuf};

use git2::Oid;
use sha1::{Digest, Sha1};

/// SHA-1's id length, the only hash relhook's repositories use.
const HASH: usize = 20;
/// A commit's CDAT record: root tree, two parent positions, level and date.
const CDAT_WIDTH: usize = HASH + 16;
/// The level git writes for one it capped (too deep for 30 bits): not the level.
const LEVEL_CAPPED: u32 = 0x3FFF_FFFF;

/// A commit-graph file found valid.
pub(super) struct Levels {
    data: Vec<u8>,
    count: usize,
    fanout: usize,
    oids: usize,
    cdat: usize,
}

/// Where git keeps the commit-graph file of repository `inner` (`GIT_OBJECT_DIRECTORY`
/// honoured, a linked worktree's in the common directory).
pub(super) fn path(inner: &git2::Repository) -> PathBuf {
    let objects = std::env::var_os("GIT_OBJECT_DIRECTORY")
        .map(PathBuf::from)
        .unwrap_or_else(|| inner.commondir().join("objects"));
    objects.join("info").join("commit-graph")
}

impl Levels {
    /// The file at `path`, or `None` when there is none or it is not valid.
    pub(super) fn read(path: &Path) -> Option<Levels> {
        Levels::parse(std::fs::read(path).ok()?)
    }

    /// `data` as a commit-graph file, or `None` at the first inconsistency.
    pub(super) fn parse(data: Vec<u8>) -> Option<Levels> {
        // Header: signature, version 1, hash version 1 (SHA-1), chunks, base graphs (0 for a
        // single file); then the chunk table and the checksum of all before it.
        if data.len() < 8 + 12 + HASH || &data[..4] != b"CGPH" || data[4] != 1 || data[5] != 1 {
            return None;
        }
        if data[7] != 0 {
            return None;
        }
        let (body, sum) = data.split_at(data.len() - HASH);
        if Sha1::digest(body).as_slice() != sum {
            return None;
        }
        let chunks = usize::from(data[6]);
        let table_end = 8 + (chunks + 1) * 12;
        if table_end > body.len() {
            return None;
        }
        let entry = |i: usize| {
            let at = 8 + i * 12;
            let id = <[u8; 4]>::try_from(&data[at..at + 4]).ok()?;
            let offset = u64::from_be_bytes(data[at + 4..at + 12].try_into().ok()?);
            Some((id, usize::try_from(offset).ok()?))
        };
        let (mut fanout, mut oids, mut cdat) = (None, None, None);
        for i in 0..chunks {
            let (id, start) = entry(i)?;
            let (_, end) = entry(i + 1)?;
            if start < table_end || end < start || end > body.len() {
                return None;
            }
            let span = Some((start, end - start));
            match &id {
                b"OIDF" => fanout = span,
                b"OIDL" => oids = span,
                b"CDAT" => cdat = span,
                _ => {}
            }
        }
        let ((fanout, fanout_len), (oids, oids_len), (cdat, cdat_len)) = (fanout?, oids?, cdat?);
        if fanout_len != 256 * 4 {
            return None;
        }
        let count = usize::try_from(be32(&data, fanout + 255 * 4)?).ok()?;
        if oids_len != count.checked_mul(HASH)? || cdat_len != count.checked_mul(CDAT_WIDTH)? {
            return None;
        }
        let levels = Levels {
            data,
            count,
            fanout,
            oids,
            cdat,
        };
        levels.ordered().then_some(levels)
    }

    /// Whether the fanout counts grow and agree with the ids, strictly ascending.
    fn ordered(&self) -> bool {
        let mut below = 0;
        for byte in 0..256 {
            let Some(upto) = be32(&self.data, self.fanout + byte * 4) else {
                return false;
            };
            let upto = upto as usize;
            if upto < below || upto > self.count {
                return false;
            }
            if (below..upto).any(|i| usize::from(self.oid(i)[0]) != byte) {
                return false;
            }
            below = upto;
        }
        (1..self.count).all(|i| self.oid(i - 1) < self.oid(i))
    }

    fn oid(&self, i: usize) -> &[u8] {
        &self.data[self.oids + i * HASH..self.oids + (i + 1) * HASH]
    }

    /// The topological level the file gives commit `id` (1 for a root, one more than its
    /// parents' greatest), or `None` when it holds no usable one.
    pub(super) fn level(&self, id: Oid) -> Option<u32> {
        let id = id.as_bytes();
        if id.len() != HASH {
            return None;
        }
        let byte = usize::from(id[0]);
        let from = match byte {
            0 => 0,
            _ => be32(&self.data, self.fanout + (byte - 1) * 4)? as usize,
        };
        let upto = be32(&self.data, self.fanout + byte * 4)? as usize;
        let (mut lo, mut hi) = (from, upto);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.oid(mid).cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let level = be32(&self.data, self.cdat + mid * CDAT_WIDTH + HASH + 8)? >> 2;
                    return (level != 0 && level < LEVEL_CAPPED).then_some(level);
                }
            }
        }
        None
    }
}

fn be32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests;
