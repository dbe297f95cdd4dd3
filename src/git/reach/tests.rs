use super::*;
use crate::git::walk::Source;

/// A repository of commits made with given dates and parents.
struct Made {
    _dir: tempfile::TempDir,
    repo: git2::Repository,
}

impl Made {
    fn new() -> Made {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        Made { _dir: dir, repo }
    }

    /// The commits as a run reads them, uncached.
    fn source(&self) -> Source<'_> {
        Source {
            memo: None,
            odb: self.repo.odb().unwrap(),
            shallow: OidMap::default(),
        }
    }

    fn commit(&self, t: i64, parents: &[Oid]) -> Oid {
        let tree = self.repo.treebuilder(None).unwrap().write().unwrap();
        let tree = self.repo.find_tree(tree).unwrap();
        let sig = git2::Signature::new("a", "a@b", &git2::Time::new(t, 0)).unwrap();
        let ps: Vec<git2::Commit<'_>> = parents
            .iter()
            .map(|p| self.repo.find_commit(*p).unwrap())
            .collect();
        let refs: Vec<&git2::Commit<'_>> = ps.iter().collect();
        let message = format!("m{t}");
        self.repo
            .commit(None, &sig, &sig, &message, &tree, &refs)
            .unwrap()
    }

    /// Asks every question of one `Reach`, as a run does.
    fn ask(&self, reach: &mut Reach, d: Oid, a: Oid) -> bool {
        let src = self.source();
        let mut read = |id| src.read(id).map(|c| (c.time, c.parents));
        reach.reaches(&mut read, d, a).unwrap()
    }

    /// Asks whether any of `tips` reaches `a`, exactly (`dated`: as far as dates tell).
    fn held(&self, reach: &mut Reach, tips: &[Oid], a: Oid, dated: bool) -> bool {
        let src = self.source();
        let mut read = |id| src.read(id).map(|c| (c.time, c.parents));
        if dated {
            reach.held_by_any_by_dates(&mut read, tips, a).unwrap()
        } else {
            reach.held_by_any(&mut read, tips, a).unwrap()
        }
    }
}

impl Made {
    /// The first of `tips` that is `a` or reaches it.
    fn first(&self, reach: &mut Reach, tips: &[Oid], a: Oid) -> Option<usize> {
        let src = self.source();
        let mut read = |id| src.read(id).map(|c| (c.time, c.parents));
        reach.first_holder(&mut read, tips, a).unwrap()
    }
}

/// A small deterministic generator (xorshift), for random graphs that replay.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// How [`random_history`] draws: one commit in `roots` a root, two in `roots` a merge, a
/// parent up to `reach` commits back, and one date in `skewed` off by up to three days.
struct Shape {
    roots: usize,
    reach: usize,
    skewed: usize,
}

/// `n` commits, ten minutes apart but for skewed clocks, each on parents drawn as `shape`
/// says; with each commit's parents by index.
fn random_history(rng: &mut Rng, m: &Made, n: usize, shape: Shape) -> (Vec<Oid>, Vec<Vec<usize>>) {
    let mut ids: Vec<Oid> = Vec::new();
    let mut parents: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let ps: Vec<usize> = match (i, rng.below(shape.roots)) {
            (0, _) | (_, 0) => Vec::new(),
            (_, 1 | 2) => {
                let (x, y) = (i - 1 - rng.below(i.min(8)), rng.below(i));
                if x == y { vec![x] } else { vec![x, y] }
            }
            _ => vec![i - 1 - rng.below(i.min(shape.reach))],
        };
        let skew = match rng.below(shape.skewed) {
            0 => rng.below(6 * 86_400) as i64 - 3 * 86_400,
            _ => 0,
        };
        let pids: Vec<Oid> = ps.iter().map(|p| ids[*p]).collect();
        ids.push(m.commit(1_000_000 + 600 * i as i64 + skew, &pids));
        parents.push(ps);
    }
    (ids, parents)
}

/// Whether any of `from` is or reaches `to`, by a plain walk of the parents (by index).
fn plain_walk(parents: &[Vec<usize>], from: &[usize], to: usize) -> bool {
    let mut seen = vec![false; parents.len()];
    let mut stack = from.to_vec();
    while let Some(c) = stack.pop() {
        if c == to {
            return true;
        }
        if !std::mem::replace(&mut seen[c], true) {
            stack.extend(&parents[c]);
        }
    }
    false
}

/// Random histories (merges, several roots, clocks off by up to days either way), several
/// sets of branch tips asked about every commit in one run, interleaved with single questions:
/// the shared walk answers as asking each tip (and a plain walk of the parents) does, its
/// dated answer's "yes" is always right, and the first tip holding a commit is the first
/// that reaches it.
#[test]
fn held_by_any_answers_as_each_tip_would_whatever_the_dates() {
    for seed in 1..=3u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let m = Made::new();
        let (ids, parents) = random_history(
            &mut rng,
            &m,
            1200,
            Shape {
                roots: 10,
                reach: 20,
                skewed: 8,
            },
        );
        let truth = |from: &[usize], to: usize| plain_walk(&parents, from, to);
        let sets: Vec<Vec<usize>> = (0..4)
            .map(|k| (0..1 + 5 * k).map(|_| rng.below(ids.len())).collect())
            .collect();
        // Walks in one run, then in one whose walks already wasted their allowance on "no"s
        // (generation numbers answer there).
        for wasted in [0, usize::MAX / 4] {
            let mut reach = Reach {
                wasted,
                ..Reach::default()
            };
            ask_all(&m, &mut reach, &ids, &sets, &truth, seed);
        }
    }
}

/// Asks, twice over, whether each set of tips (by index into `ids`) holds each commit,
/// comparing with `truth`.
fn ask_all(
    m: &Made,
    reach: &mut Reach,
    ids: &[Oid],
    sets: &[Vec<usize>],
    truth: &dyn Fn(&[usize], usize) -> bool,
    seed: u64,
) {
    for round in 0..2 {
        for a in 0..ids.len() {
            for set in sets {
                let tips: Vec<Oid> = set.iter().map(|t| ids[*t]).collect();
                let want = truth(set, a);
                let held = m.held(reach, &tips, ids[a], false);
                assert_eq!(held, want, "seed {seed} round {round}: {set:?} hold {a}");
                if m.held(reach, &tips, ids[a], true) {
                    assert!(want, "seed {seed}: {set:?} hold {a} by dates");
                }
                let each = tips.iter().any(|t| m.ask(reach, *t, ids[a]));
                assert_eq!(each, want, "seed {seed}: each of {set:?} reaches {a}");
                if a % 13 == round {
                    let first = m.first(reach, &tips, ids[a]);
                    let want = set.iter().position(|t| truth(&[*t], a));
                    assert_eq!(first, want, "seed {seed}: first of {set:?} holding {a}");
                }
            }
        }
    }
}

#[test]
fn reaches_follows_parents_whatever_the_dates() {
    let m = Made::new();
    let a = m.commit(1_000_000, &[]);
    let b = m.commit(2_000_000, &[a]);
    let side = m.commit(3_000_000, &[a]);
    let c = m.commit(4_000_000, &[b, side]);
    let other = m.commit(5_000_000, &[]);
    // A tag made on a machine whose clock ran years ahead: everything after it is dated
    // before it. Dates alone would say "not reachable"; the answer must still be yes.
    let future = m.commit(9_000_000_000, &[c]);
    let after = m.commit(6_000_000, &[future]);
    let later = m.commit(6_100_000, &[after]);
    // Asked in several orders of one run, and each alone: the same answers.
    let questions = [
        (c, a, true),
        (c, side, true),
        (c, c, true),
        (b, side, false),
        (other, a, false),
        (a, c, false),
        (later, future, true),
        (later, a, true),
        (later, other, false),
        (later, side, true),
        (after, later, false),
        (future, after, false),
    ];
    let mut shared = Reach::default();
    for (d, a, want) in questions.iter().chain(questions.iter().rev()) {
        assert_eq!(m.ask(&mut shared, *d, *a), *want, "{d} reaches {a}");
        assert_eq!(
            m.ask(&mut Reach::default(), *d, *a),
            *want,
            "{d} reaches {a}"
        );
    }
}

/// A tag on a branch that merged the main line after forking (a minor line, as vuejs/core's
/// 3.6 pre-releases): HEAD on the main line does not reach it, and saying so walks back to
/// the last merge, not down to the root.
#[test]
fn a_no_for_a_branch_that_merged_the_main_line_stops_at_the_merge() {
    let m = Made::new();
    let mut main = vec![m.commit(1_000, &[])];
    for i in 1..300 {
        let last = main[main.len() - 1];
        main.push(m.commit(1_000 + i * 100_000, &[last]));
    }
    // Forked at main[100], its own commits dated between the main line's, then main[250]
    // merged in, then two more; tagged there. HEAD: main's last commit, two years on.
    let mut side = main[100];
    for i in 0..100 {
        side = m.commit(10_000_050 + i * 150_000, &[side]);
    }
    side = m.commit(25_000_050, &[side, main[250]]);
    let tag = m.commit(25_100_050, &[side]);
    let head = main[299];
    let mut reach = Reach::default();
    let before = crate::git::walk::steps();
    assert!(!m.ask(&mut reach, head, tag));
    let spent = crate::git::walk::steps() - before;
    assert!(spent < 80, "{spent} steps: walked past the merge");
    assert!(m.ask(&mut reach, tag, main[250]));
    assert!(m.ask(&mut reach, tag, main[5]));
    assert!(!m.ask(&mut reach, tag, main[251]));
    assert!(!m.ask(&mut reach, main[251], tag));
}

/// Every tag of a long line asked about every greater one, as pre-push judges each pushed
/// tag: the walks spent on those "no"s soon give way to generation numbers (once they waste
/// their allowance), so the whole costs a few walks of the history, not one per tag.
#[test]
fn each_tag_asked_about_every_greater_one_walks_the_history_a_few_times() {
    let m = Made::new();
    let mut line = vec![m.commit(1_000, &[])];
    for i in 1..600 {
        let last = line[line.len() - 1];
        line.push(m.commit(1_000 + i * 60, &[last]));
    }
    let tags: Vec<Oid> = line.iter().copied().skip(9).step_by(10).collect();
    let mut reach = Reach::default();
    let before = crate::git::walk::steps();
    for (i, t) in tags.iter().enumerate() {
        for (j, other) in tags.iter().enumerate().rev() {
            assert_eq!(
                m.ask(&mut reach, *t, *other),
                j <= i,
                "tag {i} reaches tag {j}"
            );
            if j < i {
                break;
            }
        }
    }
    let spent = crate::git::walk::steps() - before;
    let bound = 3 * line.len() + WASTE_ALLOWED;
    assert!(
        spent <= bound as u64,
        "{spent} steps for a history of {}",
        line.len()
    );
}

impl Made {
    /// The first of `candidates` that `d` is or reaches, the painting kept for `tags`.
    fn first_held(
        &self,
        reach: &mut Reach,
        d: Oid,
        candidates: &[Oid],
        tags: &[Oid],
    ) -> Option<usize> {
        let src = self.source();
        let mut read = |id| src.read(id).map(|c| (c.time, c.parents));
        reach.first_held(&mut read, d, candidates, tags).unwrap()
    }
}

/// Random histories with clocks off by up to days either way, and release tags on random
/// commits: the latest tag each commit holds (every tag asked in a random order, one left
/// out, as a pushed tag asks) is the first that a plain walk of its parents meets, in one run
/// that asks single questions between.
#[test]
fn first_held_answers_as_a_plain_walk_whatever_the_dates() {
    for seed in 1..=3u64 {
        let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D));
        let m = Made::new();
        let (ids, parents) = random_history(
            &mut rng,
            &m,
            600,
            Shape {
                roots: 12,
                reach: 30,
                skewed: 6,
            },
        );
        let reaches = |from: usize, to: usize| plain_walk(&parents, &[from], to);
        let mut tags: Vec<usize> = (0..40).map(|_| rng.below(ids.len())).collect();
        // Greatest first: in no relation to the history, as versions on branches are.
        for i in (1..tags.len()).rev() {
            tags.swap(i, rng.below(i + 1));
        }
        let all: Vec<Oid> = tags.iter().map(|t| ids[*t]).collect();
        let mut reach = Reach::default();
        for d in (0..ids.len()).rev().step_by(7) {
            let left_out = rng.below(tags.len());
            let asked: Vec<usize> = (0..tags.len()).filter(|i| *i != left_out).collect();
            let candidates: Vec<Oid> = asked.iter().map(|i| all[*i]).collect();
            let want = asked.iter().position(|i| reaches(d, tags[*i]));
            let got = m.first_held(&mut reach, ids[d], &candidates, &all);
            assert_eq!(got, want, "seed {seed}: commit {d}");
            let other = rng.below(ids.len());
            assert_eq!(m.ask(&mut reach, ids[d], ids[other]), reaches(d, other));
        }
    }
}

impl Made {
    /// Writes git's commit-graph file for `commits` and what they reach, as `git gc` does.
    fn write_commit_graph(&self, commits: &[Oid]) {
        self.write_commit_graph_with(commits, &[]);
    }
}

/// Random histories whose older part git's commit-graph file holds: generation numbers taken
/// from it answer as the pass's do, for the commits asked and every commit a walk meets
/// (the file gives each its level only when asked, the newer commits theirs by the pass).
#[test]
fn generation_numbers_from_the_commit_graph_file_answer_as_the_pass_does() {
    for seed in 1..=2u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xA5);
        let m = Made::new();
        let (ids, parents) = random_history(
            &mut rng,
            &m,
            500,
            Shape {
                roots: 10,
                reach: 20,
                skewed: 8,
            },
        );
        m.write_commit_graph(&ids[..350]);
        let truth = |from: &[usize], to: usize| plain_walk(&parents, from, to);
        let sets: Vec<Vec<usize>> = (0..3)
            .map(|k| {
                (0..1 + 4 * k)
                    .map(|_| 200 + rng.below(ids.len() - 200))
                    .collect()
            })
            .collect();
        // Generation numbers answer from the first question (the allowance spent).
        let mut reach = Reach::of(&m.repo);
        reach.wasted = usize::MAX / 4;
        ask_all(&m, &mut reach, &ids, &sets, &truth, seed);
        // The latest tag each commit holds, told by generation numbers from the first question.
        let tags: Vec<usize> = (0..30).map(|_| rng.below(ids.len())).collect();
        let all: Vec<Oid> = tags.iter().map(|t| ids[*t]).collect();
        let mut reach = Reach::of(&m.repo);
        for d in (0..ids.len()).rev().step_by(5) {
            let want = tags.iter().position(|t| truth(&[d], *t));
            assert_eq!(
                m.first_held(&mut reach, ids[d], &all, &all),
                want,
                "commit {d}"
            );
        }
    }
}

/// A file that holds a scattered part of the history (what scattered commits reach, as a file
/// written before a rebase or from other branches would), clocks off on every other commit:
/// the latest tag each commit holds and the shared walks answer as a plain walk does.
#[test]
fn a_scattered_commit_graph_file_under_skewed_clocks_answers_as_a_plain_walk() {
    for seed in 3..=4u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5A);
        let m = Made::new();
        let (ids, parents) = random_history(
            &mut rng,
            &m,
            300,
            Shape {
                roots: 6,
                reach: 40,
                skewed: 2,
            },
        );
        let scattered: Vec<Oid> = (0..12).map(|_| ids[rng.below(ids.len())]).collect();
        m.write_commit_graph(&scattered);
        let truth = |from: &[usize], to: usize| plain_walk(&parents, from, to);
        let tags: Vec<usize> = (0..25).map(|_| rng.below(ids.len())).collect();
        let all: Vec<Oid> = tags.iter().map(|t| ids[*t]).collect();
        let mut reach = Reach::of(&m.repo);
        for d in (0..ids.len()).rev().step_by(3) {
            let want = tags.iter().position(|t| truth(&[d], *t));
            assert_eq!(
                m.first_held(&mut reach, ids[d], &all, &all),
                want,
                "seed {seed}, commit {d}"
            );
        }
        let sets: Vec<Vec<usize>> = (0..3)
            .map(|k| (0..1 + 3 * k).map(|_| rng.below(ids.len())).collect())
            .collect();
        let mut reach = Reach::of(&m.repo);
        reach.wasted = usize::MAX / 4;
        ask_all(&m, &mut reach, &ids, &sets, &truth, seed);
    }
}

impl Made {
    /// Runs `git commit-graph write --stdin-commits` with `extra` for `commits`.
    fn write_commit_graph_with(&self, commits: &[Oid], extra: &[&str]) {
        use std::io::Write;
        let mut child = std::process::Command::new("git")
            .args(["commit-graph", "write", "--stdin-commits"])
            .args(extra)
            .current_dir(self.repo.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.repo.path())
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let list: String = commits.iter().map(|c| format!("{c}\n")).collect();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(list.as_bytes()).unwrap();
        drop(stdin);
        assert!(child.wait().unwrap().success());
    }

    /// What git says `tip` reaches: `git rev-list tip`.
    fn git_ancestors(&self, tip: Oid) -> std::collections::HashSet<Oid> {
        let out = std::process::Command::new("git")
            .args(["rev-list", &tip.to_string()])
            .current_dir(self.repo.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.repo.path())
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        text.lines().map(|l| Oid::from_str(l).unwrap()).collect()
    }
}

/// Random histories with octopus merges and clocks off by up to days, grown in stages while
/// git's commit-graph files come and go as `git gc` and `git maintenance` leave them: a file
/// for an older part (then stale), a split chain (no single file) with commits above it, and a
/// file of the whole with changed-path filters and corrected dates. In each, every answer of
/// one run (single questions, the latest tag held, the shared walks) is git's (`git rev-list`).
#[test]
fn answers_are_gits_whatever_commit_graph_files_git_left() {
    for seed in 5..=6u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x3C);
        let m = Made::new();
        let mut ids: Vec<Oid> = Vec::new();
        let grow = |m: &Made, rng: &mut Rng, ids: &mut Vec<Oid>, n: usize| {
            for _ in 0..n {
                let i = ids.len();
                let mut ps: Vec<Oid> = Vec::new();
                let wanted = match (i, rng.below(12)) {
                    (0, _) | (_, 0) => 0,
                    (_, 1) => 2 + rng.below(3),
                    (_, 2 | 3) => 2,
                    _ => 1,
                };
                for k in 0..wanted {
                    let back = if k == 0 {
                        1 + rng.below(i.min(6))
                    } else {
                        1 + rng.below(i)
                    };
                    let p = ids[i - back];
                    if !ps.contains(&p) {
                        ps.push(p);
                    }
                }
                let skew = match rng.below(4) {
                    0 => rng.below(6 * 86_400) as i64 - 3 * 86_400,
                    _ => 0,
                };
                ids.push(m.commit(2_000_000 + 600 * i as i64 + skew, &ps));
            }
        };
        let check = |m: &Made, rng: &mut Rng, ids: &[Oid], stage: &str| {
            let tips: Vec<usize> = (0..6).map(|_| rng.below(ids.len())).collect();
            let truth: Vec<std::collections::HashSet<Oid>> =
                tips.iter().map(|t| m.git_ancestors(ids[*t])).collect();
            let tags: Vec<Oid> = (0..20).map(|_| ids[rng.below(ids.len())]).collect();
            let mut reach = Reach::of(&m.repo);
            for (k, t) in tips.iter().enumerate() {
                let want = tags.iter().position(|a| truth[k].contains(a));
                let got = m.first_held(&mut reach, ids[*t], &tags, &tags);
                assert_eq!(got, want, "seed {seed} {stage}: latest tag of {t}");
                for (a, id) in ids.iter().enumerate().step_by(4) {
                    let want = truth[k].contains(id);
                    assert_eq!(
                        m.ask(&mut reach, ids[*t], *id),
                        want,
                        "seed {seed} {stage}: {t} reaches {a}"
                    );
                }
            }
            let set: Vec<Oid> = tips[..3].iter().map(|t| ids[*t]).collect();
            for (a, id) in ids.iter().enumerate().step_by(2) {
                let want = truth[..3].iter().any(|s| s.contains(id));
                assert_eq!(
                    m.held(&mut reach, &set, *id, false),
                    want,
                    "seed {seed} {stage}: held {a}"
                );
            }
        };
        grow(&m, &mut rng, &mut ids, 120);
        m.write_commit_graph_with(&ids, &[]);
        grow(&m, &mut rng, &mut ids, 80);
        check(&m, &mut rng, &ids, "stale file");
        m.write_commit_graph_with(&ids, &["--split"]);
        grow(&m, &mut rng, &mut ids, 40);
        m.write_commit_graph_with(&ids[..220], &["--split=no-merge"]);
        check(&m, &mut rng, &ids, "split chain");
        m.write_commit_graph_with(&ids, &["--split=replace"]);
        m.write_commit_graph_with(&ids, &["--changed-paths"]);
        grow(&m, &mut rng, &mut ids, 20);
        check(&m, &mut rng, &ids, "whole file with filters");
    }
}
