//! The hook shims: the one table of hooks relhook knows, the POSIX-sh templates from `hooks/`
//! (embedded in the binary), rendering them with the installing binary's path, and recognising
//! a file relhook wrote. Installing is in `install`, diagnosing in `doctor`; neither prints.
//!
//! A shim is a few lines of sh that run `relhook hook <name> "$@"`. It records the absolute
//! path of the binary that installed it, because GUI clients and IDEs run hooks with a minimal
//! PATH; it falls back to `relhook` on PATH, and when neither exists it warns and exits 0 so
//! that git keeps working (git-hook-facts.md §5.7, "guarded wrapper").
//!
//! post-commit is the exception where the system allows it: its shim names relhook on its
//! `#!` line (`#!/path/to/relhook hook:post-commit`), so git starts relhook without a shell in
//! between (a shell costs about as much as the hook's own work, on every commit); relhook then
//! runs the hook it chains itself (`cli::direct`). The rest of the file is the sh shim, so
//! `sh <file>` (a tool, a hook manager that calls it) still works. The `#!` line cannot fall
//! back to PATH; but a post-commit that cannot start blocks nothing (git says "cannot exec"
//! and the commit stands). commit-msg keeps the guarded wrapper: one that cannot start would
//! block every commit. A hooks directory in the work tree (a team's tracked `.githooks`) gets
//! the sh shim too: another machine's relhook lives elsewhere. Written there by `install
//! --shared`, a shim names relhook alone ([`ON_PATH`]) and finds it on PATH: the committed
//! file is the same on every machine, and names no one's home directory.
//!
//! reference-transaction, which git runs on every ref update, goes further where it can: on
//! x86_64 Linux it is a small program of its own (`launcher`) that ends at once for every update
//! that is not relhook's and starts relhook for the rest; elsewhere a symbolic link to relhook
//! itself (`link`), which git skips without a word when relhook is gone. Neither stops a ref
//! update when relhook is missing (commit-msg says it is missing).

pub mod as_is;
pub mod aside;
pub mod chosen;
pub mod crlf;
mod detect;
pub mod doctor;
pub mod driver;
pub mod driver_line;
pub mod edited;
pub mod install;
pub mod kept;
pub mod launcher;
pub mod link;
pub mod local;
pub mod managed;
pub mod script;
pub mod uninstall;
pub mod wired;

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The version of the shim format written by this relhook. Bump it when the templates change
/// in a way an installed shim must be rewritten for; `doctor` calls older shims stale.
pub const SHIM_VERSION: u32 = 15;

/// What a shim names instead of a path when it is written into a hooks directory the team
/// commits (`relhook install --shared`): relhook is then looked for on PATH only, and the file
/// is the same on every machine.
pub const ON_PATH: &str = "relhook";

/// What a hook that relhook replaced is renamed to, beside the shim.
pub const BACKUP_SUFFIX: &str = ".relhook-orig";

/// The marker on line 2 of every shim: `# relhook-shim v<version> <hook>`.
const MARKER: &str = "# relhook-shim v";

/// Appended to a shim written into a hooks directory relhook had to create, so that
/// `uninstall` removes the directory again when it is left empty.
const CREATED_DIR_NOTE: &str = "# relhook-created-dir";

/// A hook relhook has a shim for.
#[derive(Debug)]
pub struct Hook {
    /// git's name for it.
    pub name: &'static str,
    /// Whether this binary has a handler for it (only those are installed).
    pub available: bool,
    template: &'static str,
    /// Whether git may start relhook from the shim's `#!` line, where the path allows.
    direct: bool,
    /// Whether the shim runs the hook it keeps (`<hook>.relhook-orig`) after relhook's part
    /// rather than first: post-commit's, so that it sees the commit that carries the entry.
    kept_after: bool,
}

/// Every hook relhook knows, in install order. A later issue that adds a handler flips
/// `available` here: that is the whole change on the install side.
pub const HOOKS: &[Hook] = &[
    Hook {
        name: "commit-msg",
        available: true,
        template: include_str!("../../hooks/commit-msg"),
        direct: false,
        kept_after: false,
    },
    Hook {
        name: "post-commit",
        available: true,
        template: include_str!("../../hooks/post-commit"),
        direct: true,
        kept_after: true,
    },
    Hook {
        name: "pre-push",
        available: true,
        template: include_str!("../../hooks/pre-push"),
        direct: false,
        kept_after: false,
    },
    Hook {
        name: "reference-transaction",
        available: true,
        template: include_str!("../../hooks/reference-transaction"),
        direct: false,
        kept_after: false,
    },
    // git runs no post-commit for the commits `git am` makes: this one says which lack entries.
    Hook {
        name: "post-applypatch",
        available: true,
        template: include_str!("../../hooks/post-applypatch"),
        direct: false,
        kept_after: false,
    },
];

/// The hooks this binary installs by default: every available one.
pub fn available() -> impl Iterator<Item = &'static Hook> {
    HOOKS.iter().filter(|h| h.available)
}

/// Whether relhook writes `name`'s shim to start relhook directly (`#!<relhook> hook`).
pub fn runs_direct(name: &str) -> bool {
    HOOKS.iter().any(|h| h.name == name && h.direct)
}

/// Whether git ignores `name`'s exit (it runs after the commit is made): a hook kept there
/// cannot veto, and the shim runs relhook's part whatever it exits with.
pub fn exit_ignored(name: &str) -> bool {
    matches!(name, "post-commit" | "post-applypatch")
}

/// When `name`'s shim runs the hook it keeps, as its words in messages: "first" (it can
/// still veto, unless git ignores the exit) or, for post-commit, "after relhook's part".
pub fn kept_runs(name: &str) -> &'static str {
    if HOOKS.iter().any(|h| h.name == name && h.kept_after) {
        "after relhook's part"
    } else {
        "first"
    }
}

/// Names joined for messages: `commit-msg, pre-push`.
pub fn names<'a>(hooks: impl Iterator<Item = &'a Hook>) -> String {
    hooks.map(|h| h.name).collect::<Vec<_>>().join(", ")
}

/// Resolves `--hooks a,b`: every name must be known and available.
pub fn select(names_given: &[String]) -> Result<Vec<&'static Hook>> {
    let mut out: Vec<&'static Hook> = Vec::new();
    for name in names_given
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
    {
        let hook = HOOKS
            .iter()
            .find(|h| h.name == name)
            .ok_or_else(|| Error::UnknownHook {
                name: name.to_owned(),
                known: names(HOOKS.iter()),
            })?;
        if !hook.available {
            return Err(Error::HookNotAvailable {
                name: name.to_owned(),
                available: names(available()),
            });
        }
        if !out.iter().any(|h| h.name == hook.name) {
            out.push(hook);
        }
    }
    if out.is_empty() {
        return Err(Error::Usage(format!(
            "`--hooks` names no hook; this relhook installs: {}",
            names(available())
        )));
    }
    Ok(out)
}

impl Hook {
    /// The shim for this hook, recording `binary` and whether to run `<hook>.relhook-orig` first.
    pub fn render(&self, binary: &Path, chain: bool, created_dir: bool) -> Result<String> {
        self.render_as(binary, chain, created_dir, true)
    }

    /// [`Hook::render`]; `direct` says whether the shim may name relhook on its `#!` line
    /// (not for a hooks directory in the work tree).
    pub fn render_as(
        &self,
        binary: &Path,
        chain: bool,
        created_dir: bool,
        direct: bool,
    ) -> Result<String> {
        let path = binary
            .to_str()
            .ok_or_else(|| Error::UnrepresentablePath(binary.to_owned()))?;
        // Git for Windows' sh reads `C:/x/relhook.exe` reliably; backslashes are less safe.
        let path = if cfg!(windows) {
            path.replace('\\', "/")
        } else {
            path.to_owned()
        };
        if direct && link::linkable(self, &path, chain) {
            return Ok(link::text(self, &path));
        }
        let template = if direct && self.direct && shebang_safe(&path) {
            let (_, body) = self
                .template
                .split_once('\n')
                .unwrap_or(("", self.template));
            let (marker, rest) = body.split_once('\n').unwrap_or((body, ""));
            format!(
                "#!{path} hook:{}{}\n{marker}\n{DIRECT_NOTE}{rest}",
                self.name,
                if chain { ":chain" } else { "" }
            )
        } else {
            self.template.to_owned()
        };
        let mut text = template
            .replace("@RELHOOK_BIN@", &sh_quote(&path))
            .replace("@RELHOOK_CHAIN@", if chain { "1" } else { "0" });
        if created_dir {
            text.push_str(CREATED_DIR_NOTE);
            text.push('\n');
        }
        Ok(text)
    }
}

/// Said in a shim that names relhook on its `#!` line.
const DIRECT_NOTE: &str = "# git starts relhook from the line above, without a shell (every commit costs a process less);\n# relhook runs a chained hook itself. Run with sh (`sh <this file>`), the lines below do it.\n";

/// Whether `path` can be named on a `#!` line: Unix, absolute, nothing the kernel would split
/// or cut (whitespace, control characters), and short enough for every kernel (the whole
/// line, `#!<path> hook:<name>:chain`, must fit in 127 bytes on Linux before 5.1).
fn shebang_safe(path: &str) -> bool {
    cfg!(unix)
        && path.starts_with('/')
        && !path.chars().any(|c| c.is_whitespace() || c.is_control())
        && path.len() + "#! hook:post-commit:chain".len() <= 127
}

/// What a shim relhook wrote says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shim {
    /// The hook it was written for.
    pub hook: String,
    /// Its format version ([`SHIM_VERSION`] when current).
    pub version: u32,
    /// The binary path recorded at install time.
    pub binary: Option<PathBuf>,
    /// Whether it runs `<hook>.relhook-orig` first.
    pub chain: bool,
    /// Whether relhook created the hooks directory when it wrote this shim.
    pub created_dir: bool,
    /// Whether git starts relhook from its `#!` line (no PATH fallback).
    pub direct: bool,
    /// Whether it is a link to relhook itself (`link`): git skips it when relhook is gone.
    pub linked: bool,
}

/// Recognises a shim relhook wrote; `None` for any other file (a foreign hook).
pub fn recognise(bytes: &[u8]) -> Option<Shim> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut lines = text.lines();
    let first = lines.next()?;
    if !first.starts_with("#!") {
        return None;
    }
    let linked = first.contains(link::LINK_WORD);
    let direct = first.contains(" hook:") || linked;
    let (version, hook) = lines.next()?.strip_prefix(MARKER)?.split_once(' ')?;
    let mut shim = Shim {
        hook: hook.trim().to_owned(),
        version: version.parse().ok()?,
        binary: None,
        chain: false,
        created_dir: false,
        direct,
        linked,
    };
    for line in lines {
        if let Some(v) = line.strip_prefix("relhook=") {
            shim.binary = sh_unquote(v).map(PathBuf::from);
        } else if let Some(v) = line.strip_prefix("chain=") {
            shim.chain = v.trim() == "1";
        } else if line == CREATED_DIR_NOTE {
            shim.created_dir = true;
        }
    }
    Some(shim)
}

/// The hook kept aside beside the shim at `path` when that shim does not run it (`relhook
/// install --force` left it out, and a plain install keeps that choice).
pub fn left_out(path: &Path) -> Option<PathBuf> {
    let kept = install::backup_path(path);
    let shim = std::fs::read(path).ok().and_then(|b| recognise(&b))?;
    (!shim.chain && kept.symlink_metadata().is_ok()).then_some(kept)
}

/// Why lines added below a shim are a problem, for messages.
pub const APPENDED_WHY: &str = "which never run (the shim ends by starting relhook) and would be lost when relhook writes the shim again.";

/// Lines someone appended to a shim relhook wrote (as `git lfs update --manual` says to do
/// with a hook it may not replace): the first command among them, with its line number. They
/// never run (the shim ends by starting relhook), and writing the shim again would drop them.
pub fn appended(bytes: &[u8]) -> Option<(usize, String)> {
    let shim = recognise(bytes)?;
    let hook = HOOKS.iter().find(|h| h.name == shim.hook)?;
    let ours = hook
        .render_as(
            shim.binary.as_deref()?,
            shim.chain,
            shim.created_dir,
            shim.direct,
        )
        .ok()?;
    let extra = std::str::from_utf8(bytes)
        .ok()?
        .strip_prefix(ours.as_str())?;
    let lines: Vec<(usize, &str)> = extra
        .lines()
        .enumerate()
        .map(|(i, l)| (ours.lines().count() + i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let first = lines.iter().find(|(_, l)| !l.starts_with('#'));
    first.or(lines.first()).map(|&(n, l)| (n, edited::shown(l)))
}

/// Says where [`appended`] found lines added by hand in `file`: below a sh shim, by its line
/// number; after a launcher, which is a program (an ELF file) and has no lines to number.
pub fn added_below(file: &Path, line: usize, text: &str) -> String {
    let mut magic = [0u8; 4];
    let launcher = std::fs::File::open(file)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic))
        .is_ok_and(|()| magic == *b"\x7fELF");
    if launcher {
        format!("lines appended to relhook's launcher, a program, not a script (first: `{text}`)")
    } else {
        format!("lines added below relhook's shim (line {line}: `{text}`)")
    }
}

/// Quotes a string for sh: single quotes, with `'` written as `'\''`.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The inverse of [`sh_quote`] (also accepts a bare word); `None` for anything else.
fn sh_unquote(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.trim_end().chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => loop {
                match chars.next()? {
                    '\'' => break,
                    q => out.push(q),
                }
            },
            '\\' => out.push(chars.next()?),
            c if c.is_whitespace() || "\"$`;&|<>()".contains(c) => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_carries_its_marker_and_placeholders() {
        for hook in HOOKS {
            let marker = format!("{MARKER}{SHIM_VERSION} {}", hook.name);
            assert_eq!(hook.template.lines().nth(1), Some(marker.as_str()));
            assert!(hook.template.starts_with("#!/bin/sh\n"), "{}", hook.name);
            assert!(hook.template.contains("relhook=@RELHOOK_BIN@\n"));
            assert!(hook.template.contains("chain=@RELHOOK_CHAIN@\n"));
            let call = format!("hook {} \"$@\"", hook.name);
            assert!(hook.template.contains(&call), "{}", hook.name);
            assert!(hook.template.contains("RELHOOK_SKIP"), "{}", hook.name);
        }
    }

    #[test]
    fn a_kept_hook_vetoes_exactly_where_git_reads_the_exit() {
        for hook in HOOKS {
            // The shim's line that runs the kept hook stops on its failure, or goes on.
            let vetoes = (hook.template.lines())
                .any(|l| l.contains("\"$orig\" \"$@\"") && l.ends_with("|| exit $?"));
            assert_eq!(vetoes, !exit_ignored(hook.name), "{}", hook.name);
        }
    }

    #[test]
    fn post_commit_names_relhook_on_its_shebang_line_where_the_path_allows() {
        let post_commit = HOOKS.iter().find(|h| h.name == "post-commit").unwrap();
        let text = post_commit
            .render(Path::new("/home/me/.cargo/bin/relhook"), true, false)
            .unwrap();
        if cfg!(unix) {
            assert!(
                text.starts_with("#!/home/me/.cargo/bin/relhook hook:post-commit:chain\n"),
                "{text}"
            );
            // Below the `#!` line, the whole sh shim: `sh <file>` still runs relhook.
            let sh = post_commit
                .render_as(Path::new("/home/me/.cargo/bin/relhook"), true, false, false)
                .unwrap();
            assert!(sh.starts_with("#!/bin/sh\n"));
            assert!(!recognise(sh.as_bytes()).unwrap().direct);
            let body = sh.split_once("relhook-shim").unwrap().1;
            let (_, body_rest) = body.split_once('\n').unwrap();
            assert!(text.ends_with(body_rest));
            let plain = post_commit
                .render(Path::new("/home/me/.cargo/bin/relhook"), false, false)
                .unwrap();
            assert!(plain.starts_with("#!/home/me/.cargo/bin/relhook hook:post-commit\n"));
        }
        let shim = recognise(text.as_bytes()).unwrap();
        assert_eq!(shim.direct, cfg!(unix));
        assert_eq!(shim.hook, "post-commit");
        assert_eq!(shim.version, SHIM_VERSION);
        assert_eq!(
            shim.binary.as_deref(),
            Some(Path::new("/home/me/.cargo/bin/relhook"))
        );
        assert!(shim.chain);
        // A path the kernel would split, or one too long for old kernels: the sh shim.
        let long = format!("/{}/relhook", "x".repeat(130));
        for awkward in ["/opt/my tools/relhook", "relative/relhook", long.as_str()] {
            let text = post_commit
                .render(Path::new(awkward), false, false)
                .unwrap();
            assert!(text.starts_with("#!/bin/sh\n"), "{awkward}: {text}");
            let shim = recognise(text.as_bytes()).unwrap();
            assert_eq!(shim.binary.as_deref(), Some(Path::new(awkward)));
        }
        // The other hooks keep the guarded wrapper.
        let commit_msg = HOOKS[0].render(Path::new("/bin/relhook"), false, false);
        assert!(commit_msg.unwrap().starts_with("#!/bin/sh\n"));
    }

    #[test]
    fn render_then_recognise_round_trips_awkward_paths() {
        let path = Path::new("/opt/it's here/$HOME/`x`/relhook");
        let text = HOOKS[0].render(path, true, true).unwrap();
        assert!(text.contains(r"relhook='/opt/it'\''s here/$HOME/`x`/relhook'"));
        let shim = recognise(text.as_bytes()).unwrap();
        assert_eq!(shim.hook, "commit-msg");
        assert_eq!(shim.version, SHIM_VERSION);
        assert_eq!(shim.binary.as_deref(), Some(path));
        assert!(shim.chain && shim.created_dir);
        let plain = HOOKS[0].render(Path::new("/bin/relhook"), false, false);
        let shim = recognise(plain.unwrap().as_bytes()).unwrap();
        assert!(!shim.chain && !shim.created_dir);
    }

    #[test]
    fn lines_appended_to_a_shim_are_found() {
        for hook in HOOKS {
            for (chain, created) in [(false, false), (true, true)] {
                let shim = hook
                    .render(Path::new("/usr/bin/relhook"), chain, created)
                    .unwrap();
                assert_eq!(appended(shim.as_bytes()), None, "{}", hook.name);
                let lfs = format!("{shim}\n#!/bin/sh\ngit lfs {} \"$@\"\n", hook.name);
                let (line, text) = appended(lfs.as_bytes()).unwrap();
                assert_eq!(text, format!("git lfs {} \"$@\"", hook.name));
                assert_eq!(lfs.lines().nth(line - 1).unwrap(), text);
            }
        }
        assert_eq!(appended(b"#!/bin/sh\nexit 0\n"), None);
    }

    #[test]
    fn foreign_hooks_are_not_recognised() {
        assert_eq!(
            recognise(b"#!/bin/sh\nexec relhook hook commit-msg \"$@\"\n"),
            None
        );
        assert_eq!(recognise(b"# relhook-shim v1 commit-msg\n"), None);
        assert_eq!(recognise(b"\xff\xfe"), None);
        assert_eq!(recognise(b""), None);
    }

    #[test]
    fn select_refuses_unknown_and_unavailable_hooks() {
        let names = |s: &str| s.split(',').map(String::from).collect::<Vec<_>>();
        let picked = select(&names("commit-msg, commit-msg")).unwrap();
        assert_eq!(picked.len(), 1);
        assert!(matches!(
            select(&names("commit-msg,pre-commit")),
            Err(Error::UnknownHook { .. })
        ));
        for hook in HOOKS.iter().filter(|h| !h.available) {
            assert!(matches!(
                select(&names(hook.name)),
                Err(Error::HookNotAvailable { .. })
            ));
        }
        assert!(select(&names(",")).is_err());
    }

    #[test]
    fn unquote_rejects_what_sh_would_expand() {
        assert_eq!(sh_unquote("'a'\\''b'"), Some("a'b".into()));
        assert_eq!(
            sh_unquote("/usr/bin/relhook"),
            Some("/usr/bin/relhook".into())
        );
        assert_eq!(sh_unquote("$(evil)"), None);
        assert_eq!(sh_unquote("'unterminated"), None);
    }

    /// Runs a rendered shim through `sh` with a fake relhook and a chained hook that both
    /// record their arguments and standard input.
    #[cfg(unix)]
    fn run_shim(name: &str, orig_exit: u8, env: &[(&str, &str)]) -> (i32, String, String) {
        run_shim_with(
            name,
            &["origin", "url"],
            b"ref1 a ref2 b\nref3 c ref4 d\n",
            orig_exit,
            true,
            env,
        )
    }

    /// [`run_shim`] with these arguments and standard input, chaining a hook or not.
    #[cfg(unix)]
    fn run_shim_with(
        name: &str,
        args: &[&str],
        input: &[u8],
        orig_exit: u8,
        chain: bool,
        env: &[(&str, &str)],
    ) -> (i32, String, String) {
        use std::io::Write;
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        let script = |path: &Path, body: &str| {
            std::fs::write(path, format!("#!/bin/sh\n{body}")).unwrap();
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
        };
        let fake = d.join("fake relhook");
        script(
            &fake,
            &format!("{{ echo \"$*\"; cat; }} > '{}/relhook.out'\n", d.display()),
        );
        let shim = d.join(name);
        let hook = HOOKS.iter().find(|h| h.name == name).unwrap();
        script(
            &shim,
            hook.render(&fake, chain, false)
                .unwrap()
                .trim_start_matches("#!/bin/sh\n"),
        );
        script(
            &d.join(format!("{name}{BACKUP_SUFFIX}")),
            &format!(
                "{{ echo \"$*\"; cat; }} > '{}/orig.out'\nexit {orig_exit}\n",
                d.display()
            ),
        );
        let tmpdir = d.join("tmp");
        std::fs::create_dir(&tmpdir).unwrap();
        let mut child = std::process::Command::new("sh")
            .arg(&shim)
            .env("TMPDIR", &tmpdir)
            .args(args)
            .envs(env.iter().copied())
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Like git, ignore a hook that exits without reading its input.
        let _ = child.stdin.take().unwrap().write_all(input);
        let code = child.wait().unwrap().code().unwrap_or(-1);
        let read = |f: &str| std::fs::read_to_string(d.join(f)).unwrap_or_default();
        let leftovers = std::fs::read_dir(&tmpdir).unwrap().count();
        assert_eq!(leftovers, 0, "the copy of standard input is removed");
        (code, read("orig.out"), read("relhook.out"))
    }

    #[cfg(unix)]
    #[test]
    fn stdin_hooks_feed_the_same_input_to_the_chained_hook_and_relhook() {
        let (code, orig, relhook) = run_shim("pre-push", 0, &[]);
        assert_eq!(code, 0);
        assert_eq!(orig, "origin url\nref1 a ref2 b\nref3 c ref4 d\n");
        assert_eq!(
            relhook,
            "hook pre-push origin url\nref1 a ref2 b\nref3 c ref4 d\n"
        );
        let input = format!("{ZERO} {A} refs/tags/v1.0.0\n{ZERO} {A} refs/heads/main\n");
        for chain in [true, false] {
            let (code, orig, relhook) = run_shim_with(
                "reference-transaction",
                &["committed"],
                input.as_bytes(),
                0,
                chain,
                &[],
            );
            assert_eq!(code, 0);
            if chain {
                assert_eq!(
                    orig,
                    format!("committed\n{input}"),
                    "the chained hook sees it all"
                );
            }
            assert_eq!(
                relhook,
                format!("hook reference-transaction committed\n{ZERO} {A} refs/tags/v1.0.0\n"),
                "relhook sees only the tag's creation (chain: {chain})"
            );
        }
    }

    #[cfg(unix)]
    const ZERO: &str = "0000000000000000000000000000000000000000";
    #[cfg(unix)]
    const A: &str = "672fe44a0d1c2b3e4f5a6b7c8d9e0f1a2b3c4d5e";

    /// The reference-transaction shim decides in sh that relhook has nothing to do, for
    /// everything but the creation or move of a tag whose name could be a release's.
    #[cfg(unix)]
    #[test]
    fn reference_transaction_starts_relhook_only_for_a_created_tag() {
        let quiet: &[(&str, String)] = &[
            ("aborted", format!("{ZERO} {A} refs/tags/v1.0.0\n")),
            (
                "prepared",
                format!("{ZERO} {A} HEAD\n{A} {A} refs/heads/main\n"),
            ),
            (
                "committed",
                format!("{ZERO} ref:refs/heads/x HEAD\n{ZERO} {A} refs/heads/x\n"),
            ),
            ("prepared", format!("{A} {ZERO} refs/tags/v1.0.0\n")),
            ("prepared", format!("{ZERO} {ZERO} refs/tags/v1.0.0\n")),
            ("prepared", format!("{A} {A} refs/tags/v1.0.0\n")),
            ("prepared", format!("{ZERO} {A} refs/tags/nightly\n")),
            ("committed", String::new()),
            // `git tag` makes one ref per transaction: a first line that creates no tag
            // ends the reading (a fetch's tags after its branches are not `git tag`'s).
            (
                "prepared",
                format!("{A} {A} refs/heads/main\n{ZERO} {A} refs/tags/v1.0.0\n"),
            ),
        ];
        for (state, input) in quiet {
            for chain in [true, false] {
                let (code, _, relhook) = run_shim_with(
                    "reference-transaction",
                    &[state],
                    input.as_bytes(),
                    0,
                    chain,
                    &[],
                );
                assert_eq!((code, relhook.as_str()), (0, ""), "{state} {input:?}");
            }
        }
        let sha256 = format!("{ZERO}{} {A}{} refs/tags/2.0\n", &ZERO[..24], &A[..24]);
        let (_, _, relhook) = run_shim_with(
            "reference-transaction",
            &["prepared"],
            sha256.as_bytes(),
            0,
            false,
            &[],
        );
        assert_eq!(
            relhook,
            format!("hook reference-transaction prepared\n{sha256}")
        );
        // `git tag -f` moves a tag: relhook judges that too (a release tag is never moved).
        let b = A.replace('6', "7");
        let moved = format!("{A} {b} refs/tags/v1.0.0\n");
        for chain in [true, false] {
            let (_, _, relhook) = run_shim_with(
                "reference-transaction",
                &["prepared"],
                moved.as_bytes(),
                0,
                chain,
                &[],
            );
            assert_eq!(
                relhook,
                format!("hook reference-transaction prepared\n{moved}")
            );
        }
    }

    /// A revert or cherry-pick that stops on a conflict makes REVERT_HEAD or CHERRY_PICK_HEAD:
    /// the shim starts relhook for that, once (`committed`), and not for its removal, for the
    /// other pseudo-refs, or for the CHERRY_PICK_HEAD a rebase makes for each of its picks (a
    /// pick under way: the author it writes, no REBASE_HEAD); but for a cherry-pick the user
    /// runs while the rebase is stopped (REBASE_HEAD after `edit` or a conflict; no author
    /// after `break`).
    #[cfg(unix)]
    #[test]
    fn reference_transaction_starts_relhook_for_a_stopped_revert_or_pick() {
        let git_dir = |files: &[&str]| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir(dir.path().join("rebase-merge")).unwrap();
            for f in files {
                std::fs::write(dir.path().join(f), "").unwrap();
            }
            dir
        };
        let picking = git_dir(&["rebase-merge/author-script"]);
        let rebasing = picking.path().to_str().unwrap();
        let edit = git_dir(&["rebase-merge/author-script", "REBASE_HEAD"]);
        let at_break = git_dir(&[]);
        for chain in [true, false] {
            let started = |state: &str, input: &str, env: &[(&str, &str)]| {
                let args = [state];
                run_shim_with(
                    "reference-transaction",
                    &args,
                    input.as_bytes(),
                    0,
                    chain,
                    env,
                )
                .2
            };
            for head in ["REVERT_HEAD", "CHERRY_PICK_HEAD"] {
                let made = format!("{ZERO} {A} {head}\n");
                assert_eq!(
                    started("committed", &made, &[]),
                    format!("hook reference-transaction committed\n{made}")
                );
            }
            // A revert while a rebase is stopped is the user's own, and so is a cherry-pick.
            let revert = format!("{ZERO} {A} REVERT_HEAD\n");
            assert_eq!(
                started("committed", &revert, &[("GIT_DIR", rebasing)]),
                format!("hook reference-transaction committed\n{revert}")
            );
            let pick = format!("{ZERO} {A} CHERRY_PICK_HEAD\n");
            for stopped in [&edit, &at_break] {
                let dir = stopped.path().to_str().unwrap();
                assert_eq!(
                    started("committed", &pick, &[("GIT_DIR", dir)]),
                    format!("hook reference-transaction committed\n{pick}")
                );
            }
            for (state, input, env) in [
                ("prepared", revert.clone(), None),
                ("committed", format!("{A} {ZERO} REVERT_HEAD\n"), None),
                ("committed", format!("{A} {ZERO} CHERRY_PICK_HEAD\n"), None),
                ("committed", format!("{ZERO} {A} AUTO_MERGE\n"), None),
                ("committed", format!("{ZERO} {A} REBASE_HEAD\n"), None),
                (
                    "committed",
                    format!("{ZERO} {A} CHERRY_PICK_HEAD\n"),
                    Some(rebasing),
                ),
            ] {
                let env: Vec<(&str, &str)> = env.map(|d| ("GIT_DIR", d)).into_iter().collect();
                assert_eq!(started(state, &input, &env), "", "{state} {input:?}");
            }
        }
    }

    /// An am that goes past its last patch without committing it (`git am --skip`) removes
    /// REBASE_HEAD: the shim starts relhook for that in `committed`, while post-applypatch has
    /// commits noted and the last patch is `next`; not otherwise.
    #[cfg(unix)]
    #[test]
    fn reference_transaction_starts_relhook_for_an_am_ending_unapplied() {
        let dir = tempfile::tempdir().unwrap();
        let am = dir.path().join("rebase-apply");
        std::fs::create_dir(&am).unwrap();
        let write = |f: &str, t: &str| std::fs::write(am.join(f), t).unwrap();
        write("next", "2\n");
        write("last", "2\n");
        let git_dir = dir.path().to_str().unwrap();
        let line = format!("{ZERO} {ZERO} REBASE_HEAD\n");
        let started = |state: &str| {
            let env = [("GIT_DIR", git_dir)];
            run_shim_with(
                "reference-transaction",
                &[state],
                line.as_bytes(),
                0,
                false,
                &env,
            )
            .2
        };
        assert_eq!(started("committed"), "", "nothing noted");
        write("relhook-applied", &format!("{A}\n"));
        assert_eq!(
            started("committed"),
            format!("hook reference-transaction committed\n{line}")
        );
        assert_eq!(started("prepared"), "");
        write("next", "1\n");
        assert_eq!(started("committed"), "", "a patch is left");
    }

    /// Runs the reference-transaction shim in `d` (state `state`, one input `line`, GIT_DIR
    /// set when given) with a stand-in relhook, and tells whether it started it.
    #[cfg(unix)]
    fn reference_transaction_starts(
        d: &Path,
        state: &str,
        line: &str,
        git_dir: Option<&Path>,
    ) -> bool {
        use std::os::unix::fs::PermissionsExt;
        let fake = d.join("relhook");
        std::fs::write(&fake, "#!/bin/sh\ntouch started\ncat >/dev/null\n").unwrap();
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        let hook = HOOKS
            .iter()
            .find(|h| h.name == "reference-transaction")
            .unwrap();
        let shim = d.join("shim");
        std::fs::write(&shim, hook.render(&fake, false, false).unwrap()).unwrap();
        let mut command = std::process::Command::new("sh");
        command
            .arg(&shim)
            .arg(state)
            .current_dir(d)
            .env_remove("GIT_DIR")
            .stdin(std::process::Stdio::piped());
        if let Some(dir) = git_dir {
            command.env("GIT_DIR", dir);
        }
        let mut child = command.spawn().unwrap();
        let _ = std::io::Write::write_all(
            &mut child.stdin.take().unwrap(),
            format!("{line}\n").as_bytes(),
        );
        assert!(child.wait().unwrap().success());
        d.join("started").exists()
    }

    /// In `committed`, a tag that `prepared` noted as settled (the very same ref line in
    /// `.git/relhook-tag-settled`) does not start relhook; any other line still does.
    #[cfg(unix)]
    #[test]
    fn reference_transaction_skips_relhook_for_a_settled_tag() {
        let line = format!("{ZERO} {A} refs/tags/v1.0.0");
        // `worktree`: a linked worktree's git dir, which git names in GIT_DIR.
        for (state, noted, starts, worktree) in [
            ("committed", line.clone(), false, false),
            ("committed", line.clone(), false, true),
            (
                "committed",
                format!("{ZERO} {A} refs/tags/v1.0.1"),
                true,
                false,
            ),
            ("prepared", line.clone(), true, false),
        ] {
            let tmp = tempfile::tempdir().unwrap();
            let d = tmp.path();
            let git_dir = if worktree {
                d.join("main-git/worktrees/wt")
            } else {
                d.join(".git")
            };
            std::fs::create_dir_all(&git_dir).unwrap();
            std::fs::write(
                git_dir.join(crate::tag::hand::SETTLED),
                format!("{noted}\n"),
            )
            .unwrap();
            let git_dir_env = worktree.then_some(git_dir.as_path());
            let started = reference_transaction_starts(d, state, &line, git_dir_env);
            assert_eq!(started, starts, "{state} {noted} {worktree}");
        }
    }

    /// A transaction of the `git fetch` process relhook named does not start relhook; a note
    /// naming another pid, or older than the process's /proc entry (a note a process with the
    /// same pid left before this one started), does not count.
    #[cfg(target_os = "linux")]
    #[test]
    fn reference_transaction_lets_a_named_fetch_s_tags_go_by() {
        // The shim's parent here is this test process; its /proc entry exists from now on.
        let me = std::process::id();
        std::fs::metadata(format!("/proc/{me}")).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(30));
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for (noted, old, starts) in [
            (me.to_string(), false, false),
            (me.to_string(), true, true),
            ((me + 1).to_string(), false, true),
        ] {
            let tmp = tempfile::tempdir().unwrap();
            let d = tmp.path();
            std::fs::create_dir_all(d.join(".git")).unwrap();
            let note = d.join(".git").join(crate::tag::hand::FETCHING);
            std::fs::write(&note, format!("{noted}\n")).unwrap();
            if old {
                let file = std::fs::File::options().write(true).open(&note).unwrap();
                file.set_modified(an_hour_ago).unwrap();
            }
            let line = format!("{ZERO} {A} refs/tags/v1.0.0");
            let started = reference_transaction_starts(d, "prepared", &line, None);
            assert_eq!(started, starts, "{noted} old={old}");
        }
    }

    /// A long transaction (a fetch of many tags, pack-refs) is not read line by line in sh:
    /// relhook gets the tags found so far and the rest of the input as it is.
    #[cfg(unix)]
    #[test]
    fn reference_transaction_hands_a_long_transaction_to_relhook() {
        let mut input = format!("{ZERO} {A} refs/tags/v0.1.0\n");
        for i in 0..150 {
            input.push_str(&format!("{ZERO} {A} refs/heads/b{i}\n"));
        }
        for chain in [true, false] {
            let (code, _, relhook) = run_shim_with(
                "reference-transaction",
                &["committed"],
                input.as_bytes(),
                0,
                chain,
                &[],
            );
            assert_eq!(code, 0);
            let rest = input
                .lines()
                .skip(100)
                .map(|l| format!("{l}\n"))
                .collect::<String>();
            assert_eq!(
                relhook,
                format!(
                    "hook reference-transaction committed\n{ZERO} {A} refs/tags/v0.1.0\n{rest}"
                )
            );
        }
    }

    /// A hook manager that moves relhook's shim aside and still runs it (pre-commit's
    /// `<hook>.legacy`): the shim still runs the hook it chains, found by the hook's name.
    #[cfg(unix)]
    #[test]
    fn a_shim_moved_aside_still_runs_the_hook_it_chains() {
        use std::os::unix::fs::PermissionsExt;
        for hook in HOOKS {
            let tmp = tempfile::tempdir().unwrap();
            let d = tmp.path();
            let exe = |path: &Path, text: &str| {
                std::fs::write(path, text).unwrap();
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
            };
            let fake = d.join("relhook");
            exe(&fake, "#!/bin/sh\ncat >/dev/null\n");
            let moved = d.join(format!("{}.legacy", hook.name));
            exe(&moved, &hook.render_as(&fake, true, false, false).unwrap());
            let ran = d.join("ran");
            let orig = d.join(format!("{}{BACKUP_SUFFIX}", hook.name));
            let run = |env: &[(&str, &str)]| {
                let _ = std::fs::remove_file(&ran);
                let status = std::process::Command::new("sh")
                    .arg(&moved)
                    .arg("committed")
                    .stdin(std::process::Stdio::null())
                    .env_remove("RELHOOK_SKIP")
                    .env_remove("PRE_COMMIT_RUNNING_LEGACY")
                    .envs(env.iter().copied())
                    .status()
                    .unwrap();
                assert!(status.success(), "{}", hook.name);
                ran.exists()
            };
            let body = format!("cat >/dev/null\ntouch '{}'\n", ran.display());
            exe(&orig, &format!("#!/bin/sh\n{body}"));
            assert!(run(&[]), "{}: the chained hook ran", hook.name);
            let legacy = [("PRE_COMMIT_RUNNING_LEGACY", "1")];
            assert!(run(&legacy), "{}: run by pre-commit too", hook.name);
            // pre-commit's own script, chained before `pre-commit install` moved the shim: its
            // hooks run already (pre-commit refuses to run them from its own legacy hook).
            let script = format!("#!/bin/sh\n# {}: x\n{body}", aside::PRE_COMMIT_MARK);
            exe(&orig, &script);
            assert!(!run(&legacy), "{}: not twice", hook.name);
            assert!(run(&[]), "{}: chained as usual elsewhere", hook.name);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_failing_chained_hook_stops_relhook_and_skip_still_runs_it() {
        let (code, orig, relhook) = run_shim("pre-push", 3, &[]);
        assert_eq!((code, relhook.as_str()), (3, ""));
        assert!(!orig.is_empty());
        let (code, orig, relhook) = run_shim("commit-msg", 0, &[("RELHOOK_SKIP", "1")]);
        assert_eq!((code, relhook.as_str()), (0, ""), "relhook skipped");
        assert!(
            orig.starts_with("origin url\n"),
            "the chained hook is not relhook's to skip"
        );
    }
}
