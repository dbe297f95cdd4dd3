//! The fixes and context error messages carry, where the system's or git's words alone do
//! not tell the user what to do.

use super::Error;

/// The index format libgit2 refuses in `message` (an index extension it does not know), and
/// the git command that turns it off, keeping what the user set up: a split index
/// (`core.splitIndex`), or a sparse index (`index.sparse`), whose sparse checkout stays.
pub(super) fn unreadable_index(message: &str) -> Option<(&'static str, &'static str)> {
    if message.contains("extension: 'link'") {
        Some((
            "a split index, `core.splitIndex`",
            "git config core.splitIndex false && git update-index --no-split-index",
        ))
    } else if message.contains("extension: 'sdir'") {
        Some((
            "a sparse index, `index.sparse`",
            "git sparse-checkout init --cone --no-sparse-index",
        ))
    } else {
        None
    }
}

/// What is wrong with a changelog whose lines end in a CR alone, from `line` (1-based, lines
/// split at LF) on.
pub fn cr_only_what(rel: &std::path::Path, line: usize) -> String {
    let from = if line > 1 {
        format!(" from line {line}")
    } else {
        String::new()
    };
    format!(
        "{} uses CR-only line endings (old Mac){from}",
        rel.display()
    )
}

/// The command that turns a file's lone CRs (classic Mac OS line ends) into LFs in place,
/// CRLF lines kept as they are; `rel` is from the top of the work tree, and the command works
/// in any folder below it.
pub fn to_lf_command(rel: &std::path::Path) -> String {
    format!(
        "perl -pi -e 's/\\r(?!\\n)/\\n/g' {}",
        crate::shellword::below_top(rel)
    )
}

/// git's several lines of error output (`fatal: …`, `error: gpg failed …`) as one line, so a
/// refusal that quotes them stays one line.
pub(super) fn one_line(stderr: &str) -> String {
    stderr
        .lines()
        .map(|l| l.trim().trim_end_matches(':'))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn locked_message(path: &std::path::Path, waited_ms: u64, age_s: Option<u64>) -> String {
    match age_s {
        // git holds a lock for milliseconds: one that outlasts the wait was likely left by a
        // process killed holding it (a relhook or git killed mid-update), which nothing frees.
        None => format!(
            "`{0}` is held by another git process (waited {waited_ms} ms), or was left by one that was killed: if no git command is running, remove it (`rm {1}`)",
            path.display(),
            crate::shellword::quote(&path.display().to_string())
        ),
        Some(age) => format!(
            "`{0}` has been there for {age} s (waited {waited_ms} ms): if no git command is running, a git that crashed left it: remove it (`rm {1}`)",
            path.display(),
            crate::shellword::quote(&path.display().to_string())
        ),
    }
}

/// The operating system's reason `source` gives, without the ` at path "…"` tempfile adds to
/// its errors: the message names the file already ("cannot write X: No space left on device
/// (os error 28) at path X" said it twice), or the temporary file, gone with the error.
pub(super) fn os_reason(source: &std::io::Error) -> String {
    let said = source.to_string();
    match said.rfind(" at path \"") {
        Some(at) if said.ends_with('"') => said[..at].to_owned(),
        _ => said,
    }
}

/// For a refusal by the file's permissions, the command that shows them: the error alone
/// does not say whether the file, or the folder it is in, is the one to change.
pub(super) fn permission_fix(source: &std::io::Error, path: &std::path::Path) -> String {
    // EFBIG: the file size limit relhook runs under (`interrupt::file_size_limit_as_error`).
    #[cfg(unix)]
    if os_code(source) == Some(libc::EFBIG) {
        return "; it would be larger than the file size limit of this shell (`ulimit -f`): raise it (`ulimit -f unlimited`), then run the command again".into();
    }
    if source.kind() != std::io::ErrorKind::PermissionDenied {
        return String::new();
    }
    // A file or folder not made yet (an object's `objects/ab`): the folder that refused it
    // is the first one there, which `ls -ld` can show.
    let folder = std::fs::symlink_metadata(path).is_err().then(|| {
        path.ancestors()
            .skip(1)
            .map(|a| match a.as_os_str().is_empty() {
                true => std::path::Path::new("."),
                false => a,
            })
            .find(|a| std::fs::symlink_metadata(a).is_ok())
    });
    // A folder that is there (a temporary file refused in it): that folder alone.
    let folder = folder.or_else(|| path.is_dir().then_some(Some(path)));
    // EPERM is no mode's doing (the owner's `chmod` fails with it too): an attribute is.
    #[cfg(unix)]
    if os_code(source) == Some(libc::EPERM) {
        return match folder.flatten() {
            Some(folder) => format!("; {}", attribute_step(&[folder])),
            None => format!("; {}", attribute_step(&[path, folder_of(path)])),
        };
    }
    if let Some(folder) = folder.flatten() {
        return format!(
            "; `ls -ld {}` shows who may change it (`chmod u+rwx` the folder, as its owner)",
            crate::shellword::quote(&folder.to_string_lossy())
        );
    }
    format!("; {}", permission_step(path))
}

/// The OS error number of `source`, also where tempfile added its path to the error: its
/// wrapper is a private type, whose text alone keeps std's `(os error N)`.
fn os_code(source: &std::io::Error) -> Option<i32> {
    source.raw_os_error().or_else(|| {
        let said = source.get_ref()?.to_string();
        let (_, code) = said.rsplit_once("(os error ")?;
        code.split_once(')')?.0.parse().ok()
    })
}

/// The folder `path` is in (`.` for a bare name).
fn folder_of(path: &std::path::Path) -> &std::path::Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."))
}

/// For EPERM on `paths` (the file and its folder, or the folder a file is made in): the
/// command that shows the immutable or append-only attribute that refuses a change whatever
/// the mode, and the one that clears it. A file in a sticky folder (`/tmp`) that is another
/// user's gets EPERM too: said where a file is named.
#[cfg(unix)]
fn attribute_step(paths: &[&std::path::Path]) -> String {
    let words: Vec<String> = paths
        .iter()
        .map(|p| crate::shellword::quote(&p.to_string_lossy()))
        .collect();
    let words = words.join(" ");
    let sticky = match paths.len() {
        1 => "",
        _ => "; in a sticky folder (`t` in `ls -ld`) only the file's owner may replace it",
    };
    format!(
        "`lsattr -d {words}` shows an immutable (`i`) or append-only (`a`) attribute, which `chattr -i -a {words}` (as root) clears{sticky}"
    )
}

/// The command that shows who may change `path` and its folder, and what to change.
pub fn permission_step(path: &std::path::Path) -> String {
    let folder = folder_of(path);
    permission_words(
        &crate::shellword::quote(&path.to_string_lossy()),
        &crate::shellword::quote(&folder.to_string_lossy()),
    )
}

/// [`permission_step`] for `rel`, a path from the top of the work tree, named so that the
/// step works pasted in any folder of it (a release run in `src/`).
pub fn permission_step_from_top(rel: &std::path::Path) -> String {
    let folder = match rel.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => crate::shellword::below_top(folder),
        None => "\"$(git rev-parse --show-toplevel)\"".to_owned(),
    };
    permission_words(&crate::shellword::below_top(rel), &folder)
}

fn permission_words(file: &str, folder: &str) -> String {
    format!(
        "`ls -ld {file} {folder}` shows who may change them (`chmod u+rw` the file, `u+rwx` the folder, as its owner)"
    )
}

impl Error {
    /// For a file relhook could not write (not one it could not read, or a program it could
    /// not run): the file and the operating system's reason, without advice
    /// ("Operation not permitted"), for a note that says it briefly later.
    pub fn write_failure(&self) -> Option<(&std::path::Path, String)> {
        const NOT_WRITES: [&str; 6] = [
            "read",
            "read permissions of",
            "run",
            "wait for",
            "resolve",
            "locate",
        ];
        match self {
            Error::Io {
                action,
                path,
                source,
            } if !NOT_WRITES.contains(action) => {
                let reason = os_reason(source);
                let reason = match reason.rfind(" (os error ") {
                    Some(at) if reason.ends_with(')') => reason[..at].to_owned(),
                    _ => reason,
                };
                Some((path, reason))
            }
            _ => None,
        }
    }

    /// The file a write past the file size limit (`ulimit -f`: EFBIG) was refused for: a hook
    /// names what to run once it is raised, not "the command" (git's, which is done).
    pub fn over_file_size_limit(&self) -> Option<&std::path::Path> {
        match self {
            #[cfg(unix)]
            Error::Io { path, source, .. } if os_code(source) == Some(libc::EFBIG) => Some(path),
            _ => None,
        }
    }

    /// For a file refused because its folder does not exist, the step that makes the folder
    /// (a folder not made yet is made, not pointed away from); the caller says what follows.
    pub fn missing_folder_step(&self) -> Option<String> {
        match self {
            Error::UnsafePath { path, reason } if reason.contains("does not exist") => path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                // A link to nothing in a folder that is there: no folder to make.
                .filter(|d| !(d.is_absolute() && d.is_dir()))
                .map(|dir| {
                    format!(
                        "`mkdir -p {}` makes the folder",
                        crate::shellword::below_top(dir)
                    )
                }),
            _ => None,
        }
    }

    /// Whether the configuration file itself stopped relhook (its text, its kind of file, or
    /// reading it): every hook stops on it, so a hook says how to go on without relhook.
    pub fn is_configuration(&self) -> bool {
        let is_config_file =
            |p: &std::path::Path| p.file_name().is_some_and(|n| n == crate::config::FILE_NAME);
        match self {
            Error::Config { .. }
            | Error::ConfigNotAFile { .. }
            | Error::ConfigLinkedOutside { .. }
            | Error::ConfigLinkBroken { .. } => true,
            Error::UnsafePath { path, .. } | Error::Io { path, .. } => is_config_file(path),
            _ => false,
        }
    }

    /// A hint printed under the error when the fix is evident.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::NotARepository(_) => {
                Some("run relhook inside a git work tree, or `git init` one first".into())
            }
            Error::Range { .. } => Some(
                "give a range git understands, e.g. `main..HEAD`, `v1.2.0..`, or a single commit"
                    .into(),
            ),
            Error::NotKeepAChangelog { .. } => Some(
                "relhook edits only Keep a Changelog files (https://keepachangelog.com/en/1.1.0/); fix that line, or point `changelog.path` elsewhere"
                    .into(),
            ),
            Error::Config { .. } => Some(
                "fix that line (the keys and their defaults: `relhook init` in an empty folder writes a commented .relconfig.toml with every one)"
                    .into(),
            ),
            Error::BareRepository(_) => Some(
                "run relhook in a clone of it, or in a worktree of it (`git worktree add`)"
                    .into(),
            ),
            Error::UnknownHook { .. } => {
                Some("give a comma-separated list, e.g. `--hooks commit-msg`".into())
            }
            Error::HookNotAvailable { available, .. } => Some(format!(
                "this version installs: {available}; a later relhook adds the others"
            )),
            // git names the lock a killed git left (`could not lock config file .git/config:
            // File exists`): removed once no git runs here, the command works again.
            Error::GitCommand { stderr, .. } if stderr.contains("could not lock") => {
                let lock = stderr
                    .split("could not lock config file ")
                    .nth(1)
                    .and_then(|r| r.split(':').next())
                    .map(|f| format!("{f}.lock"));
                Some(match lock {
                    Some(lock) => format!(
                        "a git killed while it wrote the file leaves {lock} behind: if no git runs in this repository now, `rm {}` and run it again",
                        crate::shellword::quote(&lock)
                    ),
                    None => "another git holds a lock git needs: run it again once it is done (a lock a killed git left: remove the `.lock` file git names)".into(),
                })
            }
            Error::GitCommand { .. } => Some("is `git` on PATH and working here?".into()),
            Error::IncompleteHistory { fix, .. } => Some(fix.clone()),
            Error::InsideGitDir(_) => Some("`cd ..` (or to the work tree) and run it again".into()),
            Error::UnsafePath { reason, .. } if reason.contains("does not exist") => self
                .missing_folder_step()
                .map(|step| format!("{step}, then run it again")),
            Error::UnsafePath { .. } => Some(
                "relhook reads and writes only regular files inside the work tree: point the setting that names it (`[version] files`, `changelog.path`, a package's `path`) at one there".into(),
            ),
            Error::ConfigNotAFile { named: true, .. } => Some(
                "name a regular file (`--config PATH`), or leave `--config` out to use .relconfig.toml".into(),
            ),
            // Not `rm -r`: a folder of that name may hold what someone keeps there.
            Error::ConfigNotAFile { .. } => Some(format!(
                "relhook reads {} only as a regular file: move this one away to use the defaults, or put the configuration in its place",
                crate::config::FILE_NAME
            )),
            Error::NotUtf8Path(_) => Some(
                "rename the folder with the name that is not UTF-8 (the work tree or one above it), then run it again".into(),
            ),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// QA50: a full disk was said with the path twice: "cannot write X: No space left on
    /// device (os error 28) at path X" (tempfile's writer adds the path).
    #[test]
    fn the_reason_names_no_path_tempfile_added() {
        let full = std::io::Error::from_raw_os_error(libc::ENOSPC);
        let added = std::io::Error::new(full.kind(), format!("{full} at path \"/r/x\""));
        let e = Error::io("write", "/r/x", added);
        assert_eq!(
            e.to_string(),
            "cannot write `/r/x`: No space left on device (os error 28)"
        );
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone");
        let made = tempfile::Builder::new().tempfile_in(&gone).unwrap_err();
        let e = Error::io("create a temporary file in", &gone, made);
        assert!(!e.to_string().contains("at path"), "{e}");
        assert_eq!(
            os_reason(&std::io::Error::other("at path \"")),
            "at path \""
        );
    }

    /// QA49: a folder not made yet (an object's `objects/ab` in a read-only `objects`) was
    /// named for `ls -ld`, which fails on it: the first folder there is named instead.
    #[test]
    fn a_path_not_made_yet_names_the_first_folder_there() {
        let dir = tempfile::tempdir().unwrap();
        let objects = dir.path().join("my objects");
        std::fs::create_dir(&objects).unwrap();
        let denied = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let said = Error::io("create", objects.join("16"), denied()).to_string();
        assert!(
            said.ends_with(&format!(
                "; `ls -ld '{}'` shows who may change it (`chmod u+rwx` the folder, as its owner)",
                objects.display()
            )),
            "{said}"
        );
        let said = Error::io("write", objects.join("16/abc"), denied()).to_string();
        assert!(
            said.contains(&format!("`ls -ld '{}'`", objects.display())),
            "{said}"
        );
        // A relative path whose folders are all still to make: the current folder.
        let said = Error::io("create", "no-such-dir-qa49/x", denied()).to_string();
        assert!(
            said.ends_with(
                "; `ls -ld .` shows who may change it (`chmod u+rwx` the folder, as its owner)"
            ),
            "{said}"
        );
        // A file that is there keeps the file and its folder.
        std::fs::write(objects.join("f"), "x").unwrap();
        let said = Error::io("read", objects.join("f"), denied()).to_string();
        assert!(said.contains("`chmod u+rw` the file"), "{said}");
    }

    /// QA49: EPERM (an immutable file or folder) got EACCES's `chmod` advice, which fails
    /// with EPERM too: it names the attributes instead, and EACCES keeps `chmod`.
    #[test]
    #[cfg(unix)]
    fn eperm_names_the_attributes_not_chmod() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("Cargo.toml");
        std::fs::write(&file, "x").unwrap();
        let eperm = || std::io::Error::from_raw_os_error(libc::EPERM);
        let (f, d) = (file.display(), dir.path().display());
        let said = Error::io("replace", &file, eperm()).to_string();
        assert!(
            said.ends_with(&format!("; `lsattr -d {f} {d}` shows an immutable (`i`) or append-only (`a`) attribute, which `chattr -i -a {f} {d}` (as root) clears; in a sticky folder (`t` in `ls -ld`) only the file's owner may replace it")),
            "{said}"
        );
        assert!(!said.contains("chmod"), "{said}");
        // A folder made in one that refuses it: that one alone.
        let said = Error::io("create", dir.path().join("ab"), eperm()).to_string();
        assert!(
            said.ends_with(&format!("; `lsattr -d {d}` shows an immutable (`i`) or append-only (`a`) attribute, which `chattr -i -a {d}` (as root) clears")),
            "{said}"
        );
        let eacces = std::io::Error::from_raw_os_error(libc::EACCES);
        let said = Error::io("replace", &file, eacces).to_string();
        assert!(
            said.contains("`chmod u+rw` the file") && !said.contains("lsattr"),
            "{said}"
        );
    }

    /// QA51: tempfile adds its path to the OS error, which then has no number of its own:
    /// EPERM in a folder (an immutable `objects/ab`) got `chmod` advice, for "the file".
    #[test]
    #[cfg(unix)]
    fn a_temporary_file_refused_in_a_folder_names_that_folder() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().display();
        let wrapped = |errno| {
            let os = std::io::Error::from_raw_os_error(errno);
            std::io::Error::new(os.kind(), format!("{os} at path \"{d}/tmp_obj_x\""))
        };
        let said = Error::io(
            "create a temporary file in",
            dir.path(),
            wrapped(libc::EPERM),
        );
        assert!(
            said.to_string().ends_with(&format!("; `lsattr -d {d}` shows an immutable (`i`) or append-only (`a`) attribute, which `chattr -i -a {d}` (as root) clears")),
            "{said}"
        );
        let said = Error::io(
            "create a temporary file in",
            dir.path(),
            wrapped(libc::EACCES),
        );
        assert!(
            said.to_string().ends_with(&format!(
                "; `ls -ld {d}` shows who may change it (`chmod u+rwx` the folder, as its owner)"
            )),
            "{said}"
        );
        let big = Error::io("write", "CHANGELOG.md", wrapped(libc::EFBIG));
        assert!(big.over_file_size_limit().is_some(), "{big}");
        assert_eq!(os_code(&std::io::Error::other("(os error x)")), None);
    }

    /// QA51: a write post-commit could not make is noted for doctor with its reason alone;
    /// a read or a run is no write.
    #[test]
    #[cfg(unix)]
    fn a_write_failure_is_its_file_and_reason() {
        let io = |action, errno| {
            Error::io(
                action,
                "CHANGELOG.md",
                std::io::Error::from_raw_os_error(errno),
            )
        };
        let e = io("replace", libc::EPERM);
        let (path, reason) = e.write_failure().unwrap();
        assert_eq!(path, std::path::Path::new("CHANGELOG.md"));
        assert_eq!(reason, "Operation not permitted");
        assert_eq!(
            io("write", libc::ENOSPC).write_failure().unwrap().1,
            "No space left on device"
        );
        assert_eq!(io("read", libc::EACCES).write_failure(), None);
        assert_eq!(io("run", libc::ENOENT).write_failure(), None);
    }

    /// QA49: a configuration link to nothing in a folder that is there is advised no
    /// `mkdir -p`; a folder not made yet still is. Either is an error of the configuration.
    #[test]
    fn a_folder_that_is_there_is_not_advised_to_be_made() {
        let dir = tempfile::tempdir().unwrap();
        let unsafe_path = |path: std::path::PathBuf| Error::UnsafePath {
            path,
            reason: "it is a symbolic link to a file that does not exist".into(),
        };
        let there = unsafe_path(dir.path().join(crate::config::FILE_NAME));
        assert_eq!(there.missing_folder_step(), None);
        assert_eq!(there.hint(), None);
        assert!(there.is_configuration());
        let missing = unsafe_path(dir.path().join("docs/CHANGELOG.md"));
        assert!(
            missing
                .missing_folder_step()
                .unwrap()
                .starts_with("`mkdir -p ")
        );
        assert!(!missing.is_configuration());
    }

    /// Only a write the file size limit refused names its file: other I/O errors keep their
    /// own advice.
    #[test]
    #[cfg(unix)]
    fn only_efbig_is_over_the_file_size_limit() {
        let io = |errno| {
            Error::io(
                "write",
                "CHANGELOG.md",
                std::io::Error::from_raw_os_error(errno),
            )
        };
        assert_eq!(
            io(libc::EFBIG).over_file_size_limit(),
            Some(std::path::Path::new("CHANGELOG.md"))
        );
        assert_eq!(io(libc::ENOSPC).over_file_size_limit(), None);
        assert_eq!(io(libc::EACCES).over_file_size_limit(), None);
    }
}
