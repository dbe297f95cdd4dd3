//! The commits HEAD's reflog remembers whose entry Unreleased may list though history lost
//! them ([`super`]): the newest commit of each listed entry's words. A commit HEAD
//! still reaches (a released one, most of a long reflog) is never lost, so it is read only
//! where it may be the newest of a lost one's words, which names them (and keeps the entry):
//! a hand-written Unreleased entry no longer costs the message and entry of every released
//! commit the reflog remembers (`RELHOOK_TEST_REMEMBERED_READS`).

use git2::Oid;

thread_local! {
    static READS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many remembered commits this thread read for their entry (their message parsed into
/// one): the work a test bounds (`RELHOOK_TEST_REMEMBERED_READS`), where timing would be flaky.
pub fn reads() -> usize {
    READS.with(std::cell::Cell::get)
}

/// Notes one remembered commit read for its entry.
pub(super) fn reading() {
    READS.with(|r| r.set(r.get() + 1));
}

/// Of `ids` (newest first), the newest commit of each key `listed` accepts, in order, with
/// its key and what `read` gave with it; none for a key whose newest commit is `held` (one
/// HEAD reaches: never lost). `read` gives a commit's key, or `None` (no message, no entry).
/// A held commit is read only once a commit not held has a listed key, to tell whether it is
/// that key's newest: the same answer as reading every commit newest first, the first of a key
/// named.
pub(super) fn newest_of_keys<T>(
    ids: &[Oid],
    held: &[bool],
    listed: impl Fn(&str) -> bool,
    mut read: impl FnMut(Oid) -> Option<(String, T)>,
) -> Vec<(Oid, String, T)> {
    let mut found: Vec<(Oid, String, T)> = Vec::new();
    // The keys whose newest commit is a held one: named by it, never lost.
    let mut named_held: Vec<String> = Vec::new();
    let mut held_keys: Vec<Option<Option<String>>> = ids.iter().map(|_| None).collect();
    for (i, &id) in ids.iter().enumerate() {
        if held.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some((key, value)) = read(id) else {
            continue;
        };
        if found.iter().any(|(_, k, _)| *k == key) || named_held.contains(&key) || !listed(&key) {
            continue;
        }
        let newer_held = (0..i)
            .filter(|&j| held.get(j).copied().unwrap_or(false))
            .any(|j| {
                let k = held_keys[j].get_or_insert_with(|| read(ids[j]).map(|(k, _)| k));
                k.as_deref() == Some(key.as_str())
            });
        if newer_held {
            named_held.push(key);
            continue;
        }
        found.push((id, key, value));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap()
    }

    /// Reads every commit newest first and names the first of each listed key: what
    /// [`newest_of_keys`] must answer, held commits left out of the answer.
    fn every_read(ids: &[Oid], held: &[bool], keys: &[&str], listed: &[&str]) -> Vec<Oid> {
        let mut found: Vec<(Oid, &str)> = Vec::new();
        for (i, &id) in ids.iter().enumerate() {
            let key = keys[i];
            if key.is_empty() || found.iter().any(|(_, k)| *k == key) || !listed.contains(&key) {
                continue;
            }
            found.push((id, key));
        }
        let kept = found.into_iter().filter(|(id, _)| {
            let i = ids.iter().position(|x| x == id).unwrap();
            !held[i]
        });
        kept.map(|(id, _)| id).collect()
    }

    fn run(held: &[bool], keys: &[&str], listed: &[&str]) -> (Vec<Oid>, Vec<Oid>) {
        let ids: Vec<Oid> = (0..keys.len() as u8).map(id).collect();
        let mut read_ids = Vec::new();
        let found = newest_of_keys(
            &ids,
            held,
            |k| listed.contains(&k),
            |c| {
                read_ids.push(c);
                let key = keys[ids.iter().position(|x| *x == c).unwrap()];
                (!key.is_empty()).then(|| (key.to_owned(), ()))
            },
        );
        let found: Vec<Oid> = found.into_iter().map(|(id, _, _)| id).collect();
        assert_eq!(found, every_read(&ids, held, keys, listed));
        (found, read_ids)
    }

    #[test]
    fn held_commits_are_not_read_when_no_other_has_a_listed_key() {
        let (found, read) = run(&[true, true, false, true], &["a", "b", "c", "d"], &["x"]);
        assert!(found.is_empty());
        assert_eq!(read, vec![id(2)]);
    }

    #[test]
    fn a_newer_held_commit_of_the_same_words_names_them() {
        // The held commit 1 is the newest of `a`: the older lost commit 2 is not named.
        let (found, read) = run(&[false, true, false], &["b", "a", "a"], &["a"]);
        assert!(found.is_empty());
        assert_eq!(read, vec![id(0), id(2), id(1)]);
    }

    #[test]
    fn an_older_held_commit_of_the_same_words_does_not() {
        let (found, _) = run(&[false, true, false], &["a", "a", "b"], &["a", "b"]);
        assert_eq!(found, vec![id(0), id(2)]);
    }

    #[test]
    fn a_held_commit_of_other_words_leaves_a_lost_one_named() {
        let (found, read) = run(&[true, false, false], &["b", "a", ""], &["a"]);
        assert_eq!(found, vec![id(1)]);
        assert_eq!(read, vec![id(1), id(0), id(2)]);
    }
}
