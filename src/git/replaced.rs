//! Replace refs (`git replace`, `git replace --graft`): git reads a replaced object's
//! replacement in its place, so `git log` shows another history; libgit2, through which relhook
//! reads history, never does. relhook does not follow them: it says so once, and a release or
//! hand tag is refused while they are in force (see `cli::context` and `cli::replaced`).
//! Found without opening any ref: the loose folder and `packed-refs` are read once a process.

use std::path::Path;

use super::Repo;

/// Replace refs git follows in this repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplaceRefs {
    /// The prefix they are under (`refs/replace/`, or `GIT_REPLACE_REF_BASE`).
    pub base: String,
}

impl Repo {
    /// The replace refs git would follow here: some exist, and neither
    /// `GIT_NO_REPLACE_OBJECTS` nor `core.useReplaceRefs = false` turns them off.
    pub fn replace_refs(&self) -> Option<ReplaceRefs> {
        if std::env::var_os("GIT_NO_REPLACE_OBJECTS").is_some() {
            return None;
        }
        let base = std::env::var("GIT_REPLACE_REF_BASE")
            .ok()
            .unwrap_or_else(|| "refs/replace/".to_owned());
        // The config is read only where replace refs exist: a hook pays two file reads.
        (any_under(self.common_dir(), &base)
            && self.config_bool("core.useReplaceRefs") != Some(false))
        .then_some(ReplaceRefs { base })
    }
}

/// Whether a ref git takes for a replace ref exists, loose or packed: as git's
/// `register_replace_ref`, any ref whose name starts with `base` (a plain prefix: `refs/replace`
/// without its slash, or a folder below it, matches too) and ends in a full object id after
/// its last slash.
fn any_under(common_dir: &Path, base: &str) -> bool {
    if loose_under(common_dir, base) {
        return true;
    }
    let Ok(packed) = std::fs::read(common_dir.join("packed-refs")) else {
        return false;
    };
    packed_under(&packed, base.as_bytes())
}

/// [`any_under`] of the loose refs: the folders `base` may name refs in, read down.
fn loose_under(common_dir: &Path, base: &str) -> bool {
    // The folder every name starting with `base` is in (loose refs are all under `refs/`).
    let folder = match base.rfind('/') {
        Some(at) if base.starts_with("refs/") => &base[..at],
        _ if "refs/".starts_with(base) => "refs",
        _ => return false,
    };
    let mut todo = vec![(common_dir.join(folder), folder.to_owned())];
    while let Some((dir, name)) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let Some(file) = e.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            let full = format!("{name}/{file}");
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && (full.starts_with(base) || base.starts_with(&format!("{full}/"))) {
                todo.push((e.path(), full));
            } else if !is_dir && full.starts_with(base) && is_object_id(&file) {
                return true;
            }
        }
    }
    false
}

/// Whether `packed-refs` text lists a ref [`any_under`] takes for a replace ref.
fn packed_under(packed: &[u8], base: &[u8]) -> bool {
    // Most files name no ref under the base: one search tells.
    if !base.is_empty() && memchr::memmem::find(packed, base).is_none() {
        return false;
    }
    packed.split(|b| *b == b'\n').any(|line| {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        // `<object id> <name>`; a comment (`#`) or a peeled line (`^<object id>`) has none.
        let space = line.iter().position(|b| *b == b' ');
        let Some(name) = space
            .filter(|_| !line.starts_with(b"#"))
            .map(|at| &line[at + 1..])
        else {
            return false;
        };
        let last = name.rsplit(|b| *b == b'/').next().unwrap_or(name);
        name.starts_with(base) && std::str::from_utf8(last).is_ok_and(is_object_id)
    })
}

/// A full SHA-1 or SHA-256 object id in hex.
fn is_object_id(name: &str) -> bool {
    matches!(name.len(), 40 | 64) && name.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "1111111111111111111111111111111111111111";

    #[test]
    fn packed_replace_refs_are_found_by_their_full_name() {
        let packed = format!(
            "# pack-refs with: peeled fully-peeled sorted \n{ID} refs/heads/main\n{ID} refs/replace/{ID}\n"
        );
        assert!(packed_under(packed.as_bytes(), b"refs/replace/"));
        let other = format!("{ID} refs/heads/main\n{ID} refs/tags/refs/replace/x\n");
        assert!(!packed_under(other.as_bytes(), b"refs/replace/"));
        let not_id = format!("{ID} refs/replace/notes\n");
        assert!(!packed_under(not_id.as_bytes(), b"refs/replace/"));
    }

    /// git takes the base as a plain prefix of the ref's name and the object id after the
    /// name's last slash (`GIT_REPLACE_REF_BASE=refs/replace` replaces as `refs/replace/`
    /// does; a folder below the base too).
    #[test]
    fn replace_refs_are_found_as_git_finds_them() {
        let dir = tempfile::tempdir().unwrap();
        let git = dir.path();
        std::fs::create_dir_all(git.join("refs/replace/nested")).unwrap();
        std::fs::write(git.join(format!("refs/replace/nested/{ID}")), ID).unwrap();
        for base in ["refs/replace/", "refs/replace", "refs/rep", "refs/", ""] {
            assert!(loose_under(git, base), "{base}");
        }
        for base in ["refs/replace/x/", "refs/heads/", "other/"] {
            assert!(!loose_under(git, base), "{base}");
        }
        let packed = format!("{ID} refs/heads/main\n{ID} refs/replace/{ID}\n");
        for base in ["refs/replace/", "refs/replace", "refs/rep", ""] {
            assert!(packed_under(packed.as_bytes(), base.as_bytes()), "{base}");
        }
        assert!(!packed_under(packed.as_bytes(), b"refs/replace/x/"));
    }
}
