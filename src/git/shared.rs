//! A shared repository (`core.sharedRepository`): git widens what it creates in the git
//! directory to the group (folders group-writable and setgid), so that every member's git can
//! read it and add to it. libgit2 does not: the trees it writes from an index and the refs and
//! reflogs it updates get the umask's bits alone. Left so, an `objects/ab/` folder relhook
//! made refuses every teammate's object under it, and under umask 077 the commit a hook
//! rewrote and the branch naming it are unreadable to them. These widen them as git would.

use std::path::Path;

use git2::Oid;

use super::Repo;

impl Repo {
    /// Gives the trees just written for `root` a shared repository's permissions: those that
    /// differ from `base`'s at the same path (`None`: HEAD's tree), each with its folder.
    pub(super) fn share_trees(&self, root: Oid, base: Option<Oid>) {
        let Some((objects, shared)) = self.loose_shared() else {
            return;
        };
        let base = base.or_else(|| {
            let head = self.inner.head().ok()?;
            head.peel_to_tree().ok().map(|t| t.id())
        });
        let mut todo = vec![(root, base)];
        while let Some((id, old)) = todo.pop() {
            if Some(id) == old {
                continue;
            }
            let hex = id.to_string();
            let dir = objects.join(&hex[..2]);
            // A tree not loose is packed: it was there before, and so is all it holds.
            if !widen(&dir.join(&hex[2..]), shared, false) {
                continue;
            }
            widen(&dir, shared, true);
            let (Ok(tree), old) = (
                self.inner.find_tree(id),
                old.and_then(|o| self.inner.find_tree(o).ok()),
            ) else {
                continue;
            };
            for entry in tree.iter() {
                if entry.kind() != Some(git2::ObjectType::Tree) {
                    continue;
                }
                let before = old.as_ref().and_then(|o| {
                    let e = o.get_name_bytes(entry.name_bytes())?;
                    (e.kind() == Some(git2::ObjectType::Tree)).then(|| e.id())
                });
                todo.push((entry.id(), before));
            }
        }
    }

    /// Gives ref `name` (and the branch a symbolic HEAD names), its reflog and the folders
    /// libgit2 made for them a shared repository's permissions.
    pub(super) fn share_ref(&self, name: &str) {
        let Some((_, shared)) = self.loose_shared() else {
            return;
        };
        let mut names = vec![name.to_owned()];
        let target = self.inner.find_reference(name).ok();
        names.extend(
            target
                .as_ref()
                .and_then(|r| r.symbolic_target())
                .map(str::to_owned),
        );
        for name in &names {
            let top = if name.starts_with("refs/") {
                self.inner.commondir()
            } else {
                self.inner.path()
            };
            for top in [top.to_path_buf(), top.join("logs")] {
                let file = top.join(name);
                widen(&file, shared, false);
                let mut dir = file.parent();
                while let Some(d) = dir.filter(|d| *d != top && d.starts_with(&top)) {
                    widen(d, shared, true);
                    dir = d.parent();
                }
            }
        }
        // Deleting a packed ref (or a loose one also packed) makes libgit2 rewrite
        // `packed-refs` with the umask's bits alone; git widens it as any file it writes.
        widen(&self.inner.commondir().join("packed-refs"), shared, false);
    }
}

/// Widens `path`'s permissions as git's `adjust_shared_perm` does (a folder also setgid when
/// the group gains anything, so what is made in it takes its group). False when there is no such file; a file relhook
/// cannot change (another member's) was made by git, already shared.
fn widen(path: &Path, shared: Shared, folder: bool) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            return false;
        };
        let mode = meta.permissions().mode() & 0o7777;
        let want = if folder {
            shared.apply_folder(mode)
        } else {
            shared.apply(mode)
        };
        if want != mode {
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(want));
        }
        true
    }
    #[cfg(not(unix))]
    {
        let _ = (shared, folder);
        path.exists()
    }
}

/// `core.sharedRepository` as git reads it (setup.c `git_config_perm`): the bits git adds to
/// what it makes in the git directory, or an exact mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shared {
    bits: u32,
    /// An octal mode (`0640`, `660`): exactly those bits, not added to the umask's.
    exact: bool,
}

const GROUP: Option<Shared> = Some(Shared {
    bits: 0o660,
    exact: false,
});
const EVERYBODY: Option<Shared> = Some(Shared {
    bits: 0o664,
    exact: false,
});

impl Shared {
    /// The configured value (a key without `=` is true), `None` when the repository is not
    /// shared, or when git refuses the value (a mode that denies its owner reading or writing).
    pub(super) fn of(config: &git2::Config) -> Option<Shared> {
        let entry = config.get_entry("core.sharedRepository").ok()?;
        if !entry.has_value() {
            return GROUP;
        }
        Self::parse(&String::from_utf8_lossy(entry.value_bytes()))
    }

    /// git's reading of a value: its words (case matters), then an octal number (`strtol`:
    /// 0, 1 and 2 are umask, group and everybody; more is a mode), then a boolean or integer.
    fn parse(value: &str) -> Option<Shared> {
        match value {
            "umask" => return None,
            "group" => return GROUP,
            "all" | "world" | "everybody" => return EVERYBODY,
            _ => {}
        }
        let Some(i) = strtol(value, 8) else {
            return match value.to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" => GROUP,
                "false" | "no" | "off" => None,
                // git_config_int (`8`, `1k`): nonzero is true; what it cannot read, it dies on.
                v => config_int(v).filter(|n| *n != 0).and(GROUP),
            };
        };
        match i {
            0 => None,
            1 => GROUP,
            2 => EVERYBODY,
            i if i & 0o600 != 0o600 => None,
            i => Some(Shared {
                bits: u32::try_from(i & 0o666).unwrap_or(0o600),
                exact: true,
            }),
        }
    }

    /// git's `calc_shared_perm`: the bits for a file made with `mode`.
    pub(super) fn apply(self, mode: u32) -> u32 {
        let mut tweak = self.bits;
        if mode & 0o200 == 0 {
            tweak &= !0o222;
        }
        if mode & 0o100 != 0 {
            tweak |= (tweak & 0o444) >> 2;
        }
        if self.exact {
            (mode & !0o777) | tweak
        } else {
            mode | tweak
        }
    }

    /// [`Shared::apply`] for a folder (`adjust_shared_perm`): whoever may read it may enter it,
    /// and it is setgid only when its group is granted something.
    pub(super) fn apply_folder(self, mode: u32) -> u32 {
        let mut mode = self.apply(mode);
        mode |= (mode & 0o444) >> 2;
        if mode & 0o060 != 0 {
            mode |= 0o2000;
        }
        mode
    }
}

/// C's `strtol` of all of `s` in `base` (leading blanks, a sign), `None` when anything is
/// left after the digits (an empty `s` is 0, as git finds it).
fn strtol(s: &str, base: u32) -> Option<i64> {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let end = digits
        .find(|c: char| !c.is_digit(base))
        .unwrap_or(digits.len());
    if end == 0 {
        return s.is_empty().then_some(0);
    }
    if end != digits.len() {
        return None;
    }
    let n = i64::from_str_radix(&digits[..end], base).unwrap_or(i64::MAX);
    Some(if negative { -n } else { n })
}

/// git's `git_config_int` (`git_parse_signed`): `strtoimax` in base 0, then `k`, `m` or `g`.
fn config_int(v: &str) -> Option<i64> {
    let v = v.strip_suffix(['k', 'm', 'g']).unwrap_or(v);
    let t = v.strip_prefix(['+', '-']).unwrap_or(v);
    if let Some(hex) = t.strip_prefix("0x") {
        strtol(hex, 16).filter(|_| !hex.is_empty())
    } else if t.len() > 1 && t.starts_with('0') {
        strtol(&t[1..], 8)
    } else {
        strtol(t, 10).filter(|_| !t.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_as_git_reads_them() {
        let exact = |bits| Some(Shared { bits, exact: true });
        for (value, want) in [
            ("group", GROUP),
            ("true", GROUP),
            ("TRUE", GROUP),
            ("1", GROUP),
            ("01", GROUP),
            ("8", GROUP),
            ("all", EVERYBODY),
            ("world", EVERYBODY),
            ("everybody", EVERYBODY),
            ("2", EVERYBODY),
            ("02", EVERYBODY),
            ("0640", exact(0o640)),
            ("660", exact(0o660)),
            ("0777", exact(0o666)),
            ("0600", exact(0o600)),
            ("umask", None),
            ("false", None),
            ("no", None),
            ("off", None),
            ("0", None),
            ("00", None),
            ("000", None),
            ("", None),
            ("0440", None),
            ("bogus", None),
            ("Group", None),
        ] {
            assert_eq!(Shared::parse(value), want, "{value:?}");
        }
    }

    #[test]
    fn modes_are_widened_as_git_widens_them() {
        let group = GROUP.unwrap();
        assert_eq!(group.apply(0o400), 0o440, "an object under umask 077");
        assert_eq!(group.apply(0o444), 0o444);
        assert_eq!(
            group.apply_folder(0o700),
            0o2770,
            "a folder under umask 077"
        );
        let all = EVERYBODY.unwrap();
        assert_eq!(all.apply(0o400), 0o444);
        assert_eq!(all.apply_folder(0o700), 0o2775);
        let exact = Shared::parse("0640").unwrap();
        assert_eq!(exact.apply(0o444), 0o440);
        assert_eq!(exact.apply_folder(0o755), 0o2750);
        let own = Shared::parse("0604").unwrap();
        assert_eq!(own.apply(0o600), 0o604);
        assert_eq!(own.apply_folder(0o700), 0o705, "no group bits: not setgid");
        assert_eq!(Shared::parse("0600").unwrap().apply_folder(0o700), 0o700);
    }

    /// Deleting a packed tag makes libgit2 rewrite `packed-refs` with the umask's bits: it gets
    /// back the mode git gave it.
    #[test]
    fn a_packed_ref_deleted_leaves_packed_refs_as_git_made_it() {
        let dir = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| {
            let out = std::process::Command::new("git")
                .current_dir(dir.path())
                .args(["-c", "user.name=t", "-c", "user.email=t@t"])
                .args(args)
                .output()
                .unwrap();
            assert!(out.status.success(), "{out:?}");
            String::from_utf8(out.stdout).unwrap().trim().to_owned()
        };
        git(&["init", "-q", "--shared=group"]);
        git(&["commit", "-q", "--allow-empty", "-m", "a"]);
        git(&["tag", "t1"]);
        git(&["tag", "t2"]);
        git(&["pack-refs", "--all"]);
        let packed = dir.path().join(".git/packed-refs");
        let mode = || {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(&packed).unwrap().permissions().mode() & 0o7777
        };
        let want = mode();
        let id = Oid::from_str(&git(&["rev-parse", "t1"])).unwrap();
        let repo = Repo::open(dir.path()).unwrap();
        repo.cas_ref("refs/tags/t1", Some(id), None, "test")
            .unwrap();
        assert!(
            std::fs::read_to_string(&packed)
                .unwrap()
                .contains("refs/tags/t2")
        );
        assert_eq!(format!("{:o}", mode()), format!("{want:o}"));
    }
}
