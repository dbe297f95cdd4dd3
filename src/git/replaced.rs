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

/// Whether a ref `<base><object id>` exists, loose or packed. git takes only a full object id
/// after the prefix as a replace ref; other names under it replace nothing.
fn any_under(common_dir: &Path, base: &str) -> bool {
    if base.ends_with('/')
        && let Ok(entries) = std::fs::read_dir(common_dir.join(base))
        && entries
            .flatten()
            .any(|e| e.file_name().to_str().is_some_and(is_object_id))
    {
        return true;
    }
    let Ok(packed) = std::fs::read(common_dir.join("packed-refs")) else {
        return false;
    };
    packed_under(&packed, base.as_bytes())
}

/// Whether `packed-refs` text lists a ref `<base><object id>`.
fn packed_under(packed: &[u8], base: &[u8]) -> bool {
    if base.is_empty() {
        return false;
    }
    // Each hit of the prefix is checked as a line's ref name; most files have none.
    memchr::memmem::find_iter(packed, base).any(|at| {
        let starts_name = at > 0 && packed[at - 1] == b' ';
        let rest = &packed[at + base.len()..];
        let name = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
        let name = name.strip_suffix(b"\r").unwrap_or(name);
        starts_name && std::str::from_utf8(name).is_ok_and(is_object_id)
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
        assert!(!packed_under(packed.as_bytes(), b""));
    }
}
