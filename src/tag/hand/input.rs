//! The reference-transaction hook's input, read: the tags it creates or moves.

use git2::Oid;

/// One line of the hook's input: `<old> <new> <ref>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// The tag's name (without `refs/tags/`).
    pub tag: String,
    /// What the tag pointed at before: `None` for a tag being created, else a tag being moved
    /// (`git tag -f`).
    pub old: Option<Oid>,
    /// What it will point at (a tag object or a commit).
    pub new: Oid,
}

/// The lines of the hook's input that create a tag (old value all zeros) or move one (old
/// value another object), as `(tag, old, new)` whatever the form of their ids (a SHA-256
/// repository's are 64 digits); not deletions (new value all zeros).
pub fn tag_lines(input: &str) -> impl Iterator<Item = (&str, &str, &str)> {
    input.lines().filter_map(|line| {
        let mut parts = line.split_whitespace();
        let (old, new, name) = (parts.next()?, parts.next()?, parts.next()?);
        let tag = name.strip_prefix("refs/tags/")?;
        (!zero(new) && old != new).then_some((tag, old, new))
    })
}

/// The tags the hook's input creates or moves (see [`tag_lines`]), with SHA-1 ids: the only
/// ids relhook's git library reads.
pub fn tag_updates(input: &str) -> Vec<Update> {
    tag_lines(input)
        .filter_map(|(tag, old, new)| {
            Some(Update {
                tag: tag.to_owned(),
                old: if zero(old) {
                    None
                } else {
                    Some(Oid::from_str(old).ok()?)
                },
                new: Oid::from_str(new).ok()?,
            })
        })
        .collect()
}

fn zero(id: &str) -> bool {
    id.bytes().all(|b| b == b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creations_and_moves_of_tags() {
        let z = "0".repeat(40);
        let a = "a".repeat(40);
        let b = "b".repeat(40);
        let input = format!(
            "{z} {a} refs/tags/v1.0.0\n{a} {a} refs/tags/same\n{a} {b} refs/tags/moved\n{z} {a} refs/heads/main\n{a} {z} refs/tags/deleted\n{z} {z} refs/tags/deleted\n{z} {a} HEAD\n"
        );
        let id = |s: &str| Oid::from_str(s).unwrap();
        assert_eq!(
            tag_updates(&input),
            [
                Update {
                    tag: "v1.0.0".into(),
                    old: None,
                    new: id(&a)
                },
                Update {
                    tag: "moved".into(),
                    old: Some(id(&a)),
                    new: id(&b)
                }
            ]
        );
    }

    #[test]
    fn sha256_ids_are_lines_but_no_updates() {
        let z = "0".repeat(64);
        let a = "a".repeat(64);
        let b = "b".repeat(64);
        let input =
            format!("{z} {a} refs/tags/v1.0.0\n{a} {b} refs/tags/moved\n{a} {z} refs/tags/gone\n");
        let tags: Vec<&str> = tag_lines(&input).map(|(t, _, _)| t).collect();
        assert_eq!(tags, ["v1.0.0", "moved"]);
        assert!(tag_updates(&input).is_empty());
    }
}
