//! The merge driver's command line in git's config (`merge.relhook-changelog.driver`): the
//! one install registers, with git's conflict labels (`%S`, `%X`, `%Y`) where the git on PATH
//! passes them (2.44 and later); the lines relhook registered before, which install upgrades
//! and doctor reports; and a line of another form, set by hand, which relhook leaves alone.

use std::path::Path;

/// The driver command git runs (through its shell): the binary's path single-quoted, then git's
/// placeholders, which are temporary file names git makes itself, and with `labels` git's
/// conflict labels. A binary that is gone is looked for on PATH, as the hook shims do; with
/// none there, git's own line merge (conflict markers, both sides kept) takes the driver's
/// place: a driver that cannot start leaves the file as one side had it, and the other side's
/// entries silently out.
pub fn command(binary: &Path, labels: bool) -> String {
    // git expands `%A` and the like anywhere in the command, even inside quotes: a `%` of the
    // path is written `%%`, which git turns back into one.
    let bin = binary
        .to_string_lossy()
        .replace('%', "%%")
        .replace('\'', r"'\''");
    let rest = if labels { LABELLED } else { UNLABELLED };
    format!("b='{bin}'; {rest}")
}

/// The part of [`command`] after the binary's path, with git's conflict labels (`%S`: the
/// common ancestor's, `%X`: ours, `%Y`: theirs, each single-quoted by git; `%P`: the file
/// merged, so a monorepo's or a HISTORY.md's message names that file).
const LABELLED: &str = "[ -x \"$b\" ] || b=$(command -v relhook) || b=; \
if [ -n \"$b\" ]; then exec \"$b\" hook merge-changelog --marker-size=%L \
--base-label=%S --ours-label=%X --theirs-label=%Y %O %A %B %P; fi; \
echo 'relhook: '%P': the merge driver found no relhook (gone, and none on PATH), so git \
merged it line by line; fix: `relhook install` with the relhook you use' >&2; \
exec git merge-file --marker-size=%L -L %X -L %S -L %Y %A %O %B";

/// [`LABELLED`] for a git that passes no labels (it would leave `%S` as it is).
const UNLABELLED: &str = "[ -x \"$b\" ] || b=$(command -v relhook) || b=; \
if [ -n \"$b\" ]; then exec \"$b\" hook merge-changelog --marker-size=%L %O %A %B %P; fi; \
echo 'relhook: '%P': the merge driver found no relhook (gone, and none on PATH), so git \
merged it line by line; fix: `relhook install` with the relhook you use' >&2; \
exec git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B";

/// What relhook registered after the binary's path before it passed `%L` (the second named
/// CHANGELOG.md in its message whatever file it merged).
const BEFORE_MARKER_SIZE: [&str; 2] = [
    "[ -x \"$b\" ] || b=$(command -v relhook) || b=; \
if [ -n \"$b\" ]; then exec \"$b\" hook merge-changelog %O %A %B %P; fi; \
echo 'relhook: '%P': the merge driver found no relhook (gone, and none on PATH), so git \
merged it line by line; fix: `relhook install` with the relhook you use' >&2; \
exec git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B",
    "[ -x \"$b\" ] || b=$(command -v relhook) || b=; \
if [ -n \"$b\" ]; then exec \"$b\" hook merge-changelog %O %A %B %P; fi; \
echo 'relhook: CHANGELOG.md: the merge driver found no relhook (gone, and none on PATH), so git \
merged it line by line; fix: `relhook install` with the relhook you use' >&2; \
exec git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B",
];

/// The first line relhook registered, after the binary's path (no `b=`, no PATH fallback).
const FIRST: &str = " hook merge-changelog %O %A %B %P";

/// The driver's name (`merge.relhook-changelog.name`) install writes where none is set.
pub(super) const NAME: &str = "relhook: union of the changelog's Unreleased entries";

/// Whether `name` is one relhook wrote ([`NAME`], or the one before it), not one set by hand.
pub(super) fn relhooks_name(name: &str) -> bool {
    [NAME, "relhook: union of CHANGELOG.md Unreleased entries"].contains(&name)
}

/// A registered line, as relhook reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Registered {
    /// One relhook wrote: the binary it names, and whether it is the line relhook writes now
    /// (for a git that passes labels, with them), and whether it passes git's conflict marker
    /// size (`%L`).
    Relhooks {
        binary: String,
        current: bool,
        marker_size: bool,
    },
    /// A line of another form: set by hand, and left alone.
    ByHand,
}

/// What `line` is, for a git that passes labels (`labels`) or not. `labels` is asked only of
/// a line of relhook's without them.
pub(super) fn read(line: &str, labels: impl FnOnce() -> bool) -> Registered {
    let Some((binary, rest)) = split(line) else {
        return Registered::ByHand;
    };
    let (current, marker_size) = match rest {
        LABELLED => (true, true),
        // A git before 2.44 passes no labels (a labelled line still works there).
        UNLABELLED => (!labels(), true),
        r if BEFORE_MARKER_SIZE.contains(&r) || r == FIRST => (false, false),
        _ => return Registered::ByHand,
    };
    Registered::Relhooks {
        binary,
        current,
        marker_size,
    }
}

/// The binary a registered driver command names, `b='<path>'; …` (or, registered by relhook
/// before it looked on PATH, `'<path>' hook …`), the path single-quoted as [`command`] quotes
/// it; and the rest of the line after `b='…'; ` (in the first form, after `'…'`).
fn split(line: &str) -> Option<(String, &str)> {
    let (named, rest) = match line.strip_prefix("b=") {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let mut chars = rest.strip_prefix('\'')?.chars();
    let mut bin = String::new();
    while let Some(c) = chars.next() {
        if c != '\'' {
            bin.push(c);
            continue;
        }
        let tail = chars.as_str();
        match tail.strip_prefix(r"\''") {
            Some(after) => {
                bin.push('\'');
                chars = after.chars();
            }
            None => {
                let bin = bin.replace("%%", "%");
                let rest = if named {
                    tail.strip_prefix("; ").unwrap_or(tail)
                } else {
                    tail
                };
                return Some((bin, rest));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_and_line_are_quoted() {
        for labels in [true, false] {
            let line = command(Path::new("/opt/it's/b%A x/relhook"), labels);
            // A quote of the path closes and reopens the shell word; a `%` is doubled, so
            // git's `%A` expansion leaves it alone.
            assert!(
                line.starts_with(r"b='/opt/it'\''s/b%%A x/relhook'; "),
                "{line}"
            );
            assert_eq!(
                read(&line, || labels),
                Registered::Relhooks {
                    binary: "/opt/it's/b%A x/relhook".to_owned(),
                    current: true,
                    marker_size: true,
                }
            );
        }
    }

    #[test]
    fn every_line_relhook_wrote_is_its_own_and_only_the_labelled_one_is_current() {
        let bin = Path::new("/opt/it's/b%A/relhook");
        let named = "/opt/it's/b%A/relhook".to_owned();
        let own = |binary: &str, current, marker_size| Registered::Relhooks {
            binary: binary.to_owned(),
            current,
            marker_size,
        };
        assert_eq!(read(&command(bin, true), || true), own(&named, true, true));
        assert_eq!(
            read(&command(bin, false), || true),
            own(&named, false, true)
        );
        assert_eq!(
            read(&command(bin, false), || false),
            own(&named, true, true)
        );
        for rest in BEFORE_MARKER_SIZE {
            let line = format!("b='/usr/bin/relhook'; {rest}");
            let old = own("/usr/bin/relhook", false, false);
            assert_eq!(read(&line, || false), old);
        }
        let first = r"'/opt/it'\''s/relhook' hook merge-changelog %O %A %B %P";
        assert_eq!(
            read(first, || false),
            own("/opt/it's/relhook", false, false)
        );
        for by_hand in [
            "relhook hook merge-changelog %O %A %B %P",
            "b='/usr/bin/relhook'; exec \"$b\" hook merge-changelog %O %A %B %P --verbose",
            "git merge-file %A %O %B",
        ] {
            assert_eq!(read(by_hand, || true), Registered::ByHand, "{by_hand}");
        }
        // A `%` of the path is doubled, so git's `%A` expansion leaves it alone.
        assert_eq!(
            command(Path::new("/opt/it's/b%A"), false),
            format!(r"b='/opt/it'\''s/b%%A'; {UNLABELLED}")
        );
    }
}
