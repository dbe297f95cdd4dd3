//! The command that finishes an interrupted release, as every piece of advice names it:
//! `relhook release --resume` with the `--config FILE` given and the flags a resume honours.
//! Pasted bare, it would read `.relconfig.toml` (another tag prefix, other tests) and tag
//! unsigned, refuse the dirty tree, or run the tests the release skipped. The advice is formed
//! deep in the release, tag, hook and journal code, which never sees the command line: the
//! command line is noted here once, when a command starts (`cli::Context`). Repeated flags,
//! not a journal: the journal is gone once the release commit is made. The flags of a
//! release given are noted too: a refusal's `relhook release …` ([`release_flags`]) pasted
//! without `--allow-dirty` is refused again, and without `--no-test` runs the tests.

use std::path::{Path, PathBuf};
use std::sync::RwLock;

/// What the command line gave that a resume needs again.
struct Given {
    /// ` --config FILE` (quoted), or empty.
    global: String,
    /// The `--config` file, absolute: what a release's journal records.
    path: Option<PathBuf>,
    /// Those of [`RESUME_FLAGS`] given.
    flags: Vec<&'static str>,
    /// Those of [`RELEASE_FLAGS`] given.
    release: Vec<&'static str>,
}

static GIVEN: RwLock<Given> = RwLock::new(Given {
    global: String::new(),
    path: None,
    flags: Vec::new(),
    release: Vec::new(),
});

/// The flags a resume honours, in the order the retry names them: not `--allow-branch` nor
/// `--allow-unlinted` (a resume checks neither), nor a version, `--pre` or `--package` (the
/// release commit says which release it is).
pub const RESUME_FLAGS: [&str; 3] = ["--allow-dirty", "--no-test", "--sign"];

/// The flags any release advised repeats, in the order the retry names them: they decide
/// whether it is accepted or what it makes. Not a version nor `--pre` (what the advice
/// replaces), nor `--package` (the advice names the package it is about).
pub const RELEASE_FLAGS: [&str; 5] = [
    "--allow-dirty",
    "--allow-branch",
    "--allow-unlinted",
    "--no-test",
    "--sign",
];

/// Notes the `--config` file given and the flags given of [`RELEASE_FLAGS`].
pub fn note(config: Option<&Path>, flags: &[&'static str]) {
    let given = Given::of(config, flags);
    if let Ok(mut g) = GIVEN.write() {
        *g = given;
    }
}

impl Given {
    fn of(config: Option<&Path>, flags: &[&'static str]) -> Given {
        let cwd = std::env::current_dir().unwrap_or_default();
        Given {
            global: global_of(config),
            path: config.map(|c| cwd.join(c)),
            flags: RESUME_FLAGS
                .into_iter()
                .filter(|f| flags.contains(f))
                .collect(),
            release: RELEASE_FLAGS
                .into_iter()
                .filter(|f| flags.contains(f))
                .collect(),
        }
    }

    fn release_flags(&self, flag: Option<&str>) -> String {
        RELEASE_FLAGS
            .into_iter()
            .filter(|f| self.release.contains(f) || flag == Some(*f))
            .map(|f| format!(" {f}"))
            .collect()
    }

    fn command(&self, flag: Option<&str>) -> String {
        let mut command = format!("relhook{} release --resume", self.global);
        for f in &self.flags {
            command.push_str(&format!(" {f}"));
        }
        if let Some(flag) = flag.filter(|f| !self.flags.contains(f)) {
            command.push_str(&format!(" {flag}"));
        }
        command
    }
}

/// ` --config FILE` (quoted), or empty.
fn global_of(config: Option<&Path>) -> String {
    config.map_or(String::new(), |c| {
        format!(
            " --config {}",
            crate::shellword::quote(&c.to_string_lossy())
        )
    })
}

/// The `--config` file given, absolute (`None`: the repository's .relconfig.toml).
pub fn config_path() -> Option<PathBuf> {
    GIVEN.read().ok().and_then(|g| g.path.clone())
}

/// Runs `f` with every piece of advice it forms repeating `config` (absolute; `None`: no
/// `--config`) in place of the one given: a killed release's own, as its journal recorded
/// it, when another command advises the resume that finishes it.
pub fn under<T>(config: Option<&Path>, f: impl FnOnce() -> T) -> T {
    let shown = config.map(|c| {
        // As typed from here: relative below the working directory.
        let cwd = std::env::current_dir().unwrap_or_default();
        c.strip_prefix(&cwd).unwrap_or(c).to_owned()
    });
    let swap = |global: String, path: Option<PathBuf>| {
        GIVEN.write().ok().map(|mut g| {
            (
                std::mem::replace(&mut g.global, global),
                std::mem::replace(&mut g.path, path),
            )
        })
    };
    let before = swap(global_of(shown.as_deref()), config.map(Path::to_owned));
    let out = f();
    if let Some((global, path)) = before {
        swap(global, path);
    }
    out
}

/// ` --config FILE` as given (quoted), or empty.
pub fn global() -> String {
    GIVEN.read().map(|g| g.global.clone()).unwrap_or_default()
}

/// The flags noted.
pub fn flags() -> Vec<&'static str> {
    GIVEN.read().map(|g| g.flags.clone()).unwrap_or_default()
}

/// The flags of [`RELEASE_FLAGS`] given, each with a space before it (` --allow-dirty
/// --no-test`), and `flag` too in its place unless given: what a release advised repeats.
pub fn release_flags(flag: Option<&str>) -> String {
    GIVEN
        .read()
        .map(|g| g.release_flags(flag))
        .unwrap_or_else(|_| flag.map(|f| format!(" {f}")).unwrap_or_default())
}

/// `relhook [--config FILE] release [--package NAME] [FLAGS]`: a release of the root, or of
/// `package`, as advised, without the version the advice names.
pub fn release_of(package: Option<&str>) -> String {
    release_with(package, None)
}

/// [`release_of`] with `flag` too (`--allow-branch`), once.
pub fn release_with(package: Option<&str>, flag: Option<&str>) -> String {
    let global = global();
    let flags = release_flags(flag);
    match package {
        Some(p) => format!(
            "relhook{global} release --package {}{flags}",
            crate::shellword::quote(p)
        ),
        None => format!("relhook{global} release{flags}"),
    }
}

/// `relhook [--config FILE] release --resume [FLAGS]`.
pub fn command() -> String {
    GIVEN
        .read()
        .map(|g| g.command(None))
        .unwrap_or_else(|_| "relhook release --resume".to_owned())
}

/// [`command`] with `flag` too, unless it has it.
pub fn with(flag: &str) -> String {
    GIVEN
        .read()
        .map(|g| g.command(Some(flag)))
        .unwrap_or_else(|_| format!("relhook release --resume {flag}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resume_repeats_the_config_and_the_flags_it_honours() {
        let plain = Given::of(None, &[]);
        assert_eq!(plain.command(None), "relhook release --resume");
        assert_eq!(
            plain.command(Some("--allow-dirty")),
            "relhook release --resume --allow-dirty"
        );
        let given = Given::of(
            Some(Path::new("my conf.toml")),
            &["--sign", "--allow-branch", "--no-test", "--allow-dirty"],
        );
        assert_eq!(
            given.command(None),
            "relhook --config 'my conf.toml' release --resume --allow-dirty --no-test --sign"
        );
        assert_eq!(given.command(Some("--no-test")), given.command(None));
    }

    #[test]
    fn advice_under_a_killed_runs_config_repeats_that_one() {
        let other = std::env::current_dir().unwrap().join("other.toml");
        let said = under(Some(&other), command);
        assert!(
            said.starts_with("relhook --config other.toml release --resume"),
            "{said}"
        );
        assert_eq!(under(Some(&other), config_path), Some(other));
        assert!(!under(None, command).contains("--config"));
    }

    #[test]
    fn a_release_advised_repeats_every_release_flag_given_once() {
        let plain = Given::of(None, &[]);
        assert_eq!(plain.release_flags(None), "");
        assert_eq!(plain.release_flags(Some("--sign")), " --sign");
        let given = Given::of(None, &["--sign", "--allow-branch", "--allow-dirty"]);
        assert_eq!(
            given.release_flags(None),
            " --allow-dirty --allow-branch --sign"
        );
        assert_eq!(
            given.release_flags(Some("--allow-branch")),
            given.release_flags(None)
        );
        assert_eq!(
            given.release_flags(Some("--no-test")),
            " --allow-dirty --allow-branch --no-test --sign"
        );
    }
}
