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

/// `core.sharedRepository` read, or the line that says git refuses it.
pub(super) type Refusable = Result<Option<Shared>, String>;

/// Why git refuses a value (setup.c dies with "bad boolean config value").
const NOT_A_VALUE: &str = "not a mode, `umask`, `group`, `all`, `world`, `everybody` or a boolean";
/// Why git refuses a mode ("the owner of files must always have read and write permissions").
const OWNER_LOCKED_OUT: &str = "a mode that does not let the owner of files read and write them";

/// The line for `value`, which git refuses for `why`, set at `level` (`None`: by `git -c`):
/// git dies at its first write in the repository, so relhook writes nothing either.
fn refused(value: &str, why: &str, level: Option<git2::ConfigLevel>) -> String {
    use git2::ConfigLevel as L;
    let fix = match level {
        None => {
            return format!(
                "`git -c core.sharedRepository={value}` gives git a value it refuses ({why}): git writes nothing in the repository with it, and neither does relhook; drop it, or give `group` or a mode such as `0660`"
            );
        }
        Some(L::Global | L::XDG) => "--global ",
        Some(L::System) => "--system ",
        Some(L::Worktree) => "--worktree ",
        Some(_) => "",
    };
    format!(
        "core.sharedRepository is `{value}`, a value git refuses ({why}): git writes nothing in the repository with it, and neither does relhook; set `group` or a mode such as `0660` (`git -c core.sharedRepository=umask config {fix}core.sharedRepository group`), or unset it (`git -c core.sharedRepository=umask config {fix}--unset core.sharedRepository`)"
    )
}

impl Shared {
    /// The value in effect (`git -c`'s, passed down in the environment, before the files'; a
    /// key without `=` is true): `Ok(None)` when the repository is not shared, `Err` with the
    /// one line to say when git refuses the value, as git dies at its first write then.
    pub(super) fn of(given: Option<String>, config: Option<&git2::Config>) -> Refusable {
        let (value, level) = match given {
            Some(v) => (v, None),
            None => {
                let Some(entry) = config.and_then(|c| c.get_entry("core.sharedRepository").ok())
                else {
                    return Ok(None);
                };
                if !entry.has_value() {
                    return Ok(GROUP);
                }
                let value = String::from_utf8_lossy(entry.value_bytes()).into_owned();
                (value, Some(entry.level()))
            }
        };
        Self::parse(&value).map_err(|why| refused(&value, why, level))
    }

    /// git's reading of a value: its words (case matters), then an octal number (`strtol`,
    /// kept to an `int`: 0, 1 and 2 are umask, group and everybody; more is a mode), then a
    /// boolean or integer. `Err`: why git refuses it.
    fn parse(value: &str) -> Result<Option<Shared>, &'static str> {
        match value {
            "umask" => return Ok(None),
            "group" => return Ok(GROUP),
            "all" | "world" | "everybody" => return Ok(EVERYBODY),
            _ => {}
        }
        let Some(i) = strtol(value, 8) else {
            return match value.to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" => Ok(GROUP),
                "false" | "no" | "off" => Ok(None),
                // git_config_int (`8`, `1k`): nonzero is true; what it cannot read, it dies on.
                v => match config_int(v) {
                    Some(0) => Ok(None),
                    Some(_) => Ok(GROUP),
                    None => Err(NOT_A_VALUE),
                },
            };
        };
        // git keeps strtol's `long` in an `int`: its low 32 bits.
        #[allow(clippy::cast_possible_truncation)]
        match i as i32 {
            0 => Ok(None),
            1 => Ok(GROUP),
            2 => Ok(EVERYBODY),
            i if i & 0o600 != 0o600 => Err(OWNER_LOCKED_OUT),
            i => Ok(Some(Shared {
                bits: u32::try_from(i & 0o666).unwrap_or(0o600),
                exact: true,
            })),
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
    // Out of range, C saturates.
    Some(match i64::from_str_radix(&digits[..end], base) {
        Ok(n) if negative => -n,
        Ok(n) => n,
        Err(_) if negative => i64::MIN,
        Err(_) => i64::MAX,
    })
}

/// git's `git_config_int` (`git_parse_signed`): `strtoimax` in base 0 (at least one digit),
/// then `k`, `m` or `g` in either case, in an `int`'s range; `None` where git dies.
pub(super) fn config_int(v: &str) -> Option<i32> {
    let unit = v.char_indices().last().and_then(|(at, c)| {
        let shift = match c.to_ascii_lowercase() {
            'k' => 10,
            'm' => 20,
            'g' => 30,
            _ => return None,
        };
        Some((at, shift))
    });
    let (v, shift) = unit.map_or((v, 0), |(at, shift)| (&v[..at], shift));
    let t = v.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (digits, radix) = if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (hex, 16)
    } else if t.len() > 1 && t.starts_with('0') {
        (&t[1..], 8)
    } else {
        (t, 10)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    // Out of `intmax_t`'s range is ERANGE; so is out of an `int`'s once the unit is applied.
    let n = i64::from_str_radix(digits, radix).ok()?;
    let n = if negative { -n } else { n };
    i32::try_from(n.checked_mul(1 << shift)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_as_git_reads_them() {
        let exact = |bits| Ok(Some(Shared { bits, exact: true }));
        let (group, everybody) = (Ok(GROUP), Ok(EVERYBODY));
        for (value, want) in [
            ("group", group),
            ("true", group),
            ("TRUE", group),
            ("1", group),
            ("01", group),
            ("8", group),
            ("1k", group),
            ("1K", group),
            ("0x10", group),
            ("0X10", group),
            ("1g", group),
            ("all", everybody),
            ("world", everybody),
            ("everybody", everybody),
            ("2", everybody),
            ("02", everybody),
            ("0640", exact(0o640)),
            ("660", exact(0o660)),
            ("0777", exact(0o666)),
            ("0600", exact(0o600)),
            (" 0660", exact(0o660)),
            ("-1", exact(0o666)),
            ("7777777777777777777777777", exact(0o666)),
            ("umask", Ok(None)),
            ("false", Ok(None)),
            ("no", Ok(None)),
            ("off", Ok(None)),
            ("0", Ok(None)),
            ("00", Ok(None)),
            ("000", Ok(None)),
            ("", Ok(None)),
            ("0x0", Ok(None)),
            // Past an int, git keeps the low 32 bits: none here.
            ("10000000000000", Ok(None)),
            ("0440", Err(OWNER_LOCKED_OUT)),
            ("0400", Err(OWNER_LOCKED_OUT)),
            ("0200", Err(OWNER_LOCKED_OUT)),
            ("bogus", Err(NOT_A_VALUE)),
            ("Group", Err(NOT_A_VALUE)),
            ("0o660", Err(NOT_A_VALUE)),
            ("0660 ", Err(NOT_A_VALUE)),
            ("0x", Err(NOT_A_VALUE)),
            ("k", Err(NOT_A_VALUE)),
            ("3g", Err(NOT_A_VALUE)),
            ("4294967296", Err(NOT_A_VALUE)),
            ("99999999999999999999", Err(NOT_A_VALUE)),
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
        let exact = Shared::parse("0640").unwrap().unwrap();
        assert_eq!(exact.apply(0o444), 0o440);
        assert_eq!(exact.apply_folder(0o755), 0o2750);
        let own = Shared::parse("0604").unwrap().unwrap();
        assert_eq!(own.apply(0o600), 0o604);
        assert_eq!(own.apply_folder(0o700), 0o705, "no group bits: not setgid");
        assert_eq!(
            Shared::parse("0600").unwrap().unwrap().apply_folder(0o700),
            0o700
        );
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
