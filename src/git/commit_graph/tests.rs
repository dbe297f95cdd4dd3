use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use git2::Oid;
use sha1::{Digest, Sha1};

use super::Levels;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@e.x",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// A repository with a merge and a side branch, its commit-graph file and each commit's
/// topological level as the pass computes it.
fn made() -> (tempfile::TempDir, Vec<u8>, HashMap<Oid, u32>) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    git(p, &["init", "-q", "-b", "main"]);
    for i in 0..5 {
        git(
            p,
            &["commit", "-q", "--allow-empty", "-m", &format!("m{i}")],
        );
    }
    git(p, &["checkout", "-q", "-b", "side", "HEAD~3"]);
    for i in 0..4 {
        git(
            p,
            &["commit", "-q", "--allow-empty", "-m", &format!("s{i}")],
        );
    }
    git(p, &["checkout", "-q", "main"]);
    git(p, &["merge", "-q", "--no-ff", "-m", "merge", "side"]);
    git(p, &["commit", "-q", "--allow-empty", "-m", "top"]);
    git(p, &["commit-graph", "write", "--reachable"]);
    let data = std::fs::read(p.join(".git/objects/info/commit-graph")).unwrap();
    // Parents before children: each level one more than the parents' greatest.
    let listed = git(
        p,
        &[
            "rev-list",
            "--topo-order",
            "--reverse",
            "--parents",
            "--all",
        ],
    );
    let mut levels = HashMap::new();
    for line in listed.lines() {
        let ids: Vec<Oid> = line.split(' ').map(|s| Oid::from_str(s).unwrap()).collect();
        let level = ids[1..].iter().map(|p| levels[p]).max().unwrap_or(0) + 1;
        levels.insert(ids[0], level);
    }
    (dir, data, levels)
}

/// `data` with its trailing checksum made right again, so only the change made is wrong.
fn resummed(mut data: Vec<u8>) -> Vec<u8> {
    let body = data.len() - 20;
    let sum = Sha1::digest(&data[..body]);
    data[body..].copy_from_slice(&sum);
    data
}

/// Where chunk `id`'s data starts.
fn chunk(data: &[u8], id: &[u8; 4]) -> usize {
    let chunks = usize::from(data[6]);
    (0..chunks)
        .map(|i| 8 + i * 12)
        .find(|at| &data[*at..*at + 4] == id)
        .map(|at| u64::from_be_bytes(data[at + 4..at + 12].try_into().unwrap()) as usize)
        .unwrap()
}

#[test]
fn a_file_git_wrote_gives_every_commit_the_level_the_pass_computes() {
    let (_dir, data, levels) = made();
    let file = Levels::parse(data).expect("valid");
    assert_eq!(levels.len(), 11);
    for (id, level) in &levels {
        assert_eq!(file.level(*id), Some(*level), "{id}");
    }
    assert_eq!(file.level(Oid::from_str(&"ab".repeat(20)).unwrap()), None);
    assert_eq!(file.level(Oid::zero()), None);
}

#[test]
fn a_short_or_altered_file_is_not_used() {
    let (_dir, data, _) = made();
    for len in [0, 7, 8, 100, data.len() / 2, data.len() - 1] {
        assert!(Levels::parse(data[..len].to_vec()).is_none(), "{len} bytes");
        assert!(
            Levels::parse(resummed(data[..len.max(20)].to_vec())).is_none(),
            "{len}"
        );
    }
    let mut flipped = data.clone();
    flipped[data.len() / 2] ^= 1;
    assert!(Levels::parse(flipped).is_none(), "checksum");
    let changed = |at: usize, value: u8| {
        let mut d = data.clone();
        d[at] = value;
        Levels::parse(resummed(d))
    };
    assert!(changed(0, b'X').is_none(), "signature");
    assert!(changed(4, 2).is_none(), "version");
    assert!(changed(5, 2).is_none(), "hash version (SHA-256)");
    assert!(changed(6, data[6] + 1).is_none(), "chunk count");
    assert!(changed(6, 200).is_none(), "chunk table past the end");
    assert!(changed(7, 1).is_none(), "a layer of a split chain");
    // The commit count (the fanout's last entry) one more or one less.
    let last = chunk(&data, b"OIDF") + 255 * 4 + 3;
    assert!(changed(last, data[last] + 1).is_none(), "count above");
    assert!(changed(last, data[last] - 1).is_none(), "count below");
    // A fanout entry out of step with the ids.
    let first = chunk(&data, b"OIDF") + 3;
    assert!(changed(first, data[last]).is_none(), "fanout");
    // Two ids swapped: out of order.
    let oidl = chunk(&data, b"OIDL");
    let mut swapped = data.clone();
    let (a, b) = swapped[oidl..oidl + 40].split_at_mut(20);
    a.swap_with_slice(b);
    assert!(Levels::parse(resummed(swapped)).is_none(), "order");
    // A chunk the reader needs renamed away.
    let mut renamed = data.clone();
    let at = (0..usize::from(data[6]))
        .map(|i| 8 + i * 12)
        .find(|at| &data[*at..*at + 4] == b"CDAT")
        .unwrap();
    renamed[at..at + 4].copy_from_slice(b"XDAT");
    assert!(Levels::parse(resummed(renamed)).is_none(), "no CDAT");
    assert!(Levels::parse(resummed(data)).is_some());
}

#[test]
fn a_level_not_computed_or_capped_is_none() {
    let (_dir, data, levels) = made();
    let oidl = chunk(&data, b"OIDL");
    let cdat = chunk(&data, b"CDAT");
    let first = Oid::from_bytes(&data[oidl..oidl + 20]).unwrap();
    let second = Oid::from_bytes(&data[oidl + 20..oidl + 40]).unwrap();
    let mut d = data.clone();
    // Level 0 (a file of a git that computed none) for the first, git's cap for the second;
    // the date bits beside them kept.
    for (i, level) in [(0usize, 0u32), (1, 0x3FFF_FFFF)] {
        let at = cdat + i * 36 + 28;
        let word = u32::from_be_bytes(d[at..at + 4].try_into().unwrap());
        d[at..at + 4].copy_from_slice(&((level << 2) | (word & 3)).to_be_bytes());
    }
    let file = Levels::parse(resummed(d)).expect("valid");
    assert_eq!(file.level(first), None);
    assert_eq!(file.level(second), None);
    let others = levels
        .iter()
        .filter(|(id, _)| **id != first && **id != second);
    for (id, level) in others {
        assert_eq!(file.level(*id), Some(*level));
    }
}
