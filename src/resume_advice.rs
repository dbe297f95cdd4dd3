//! The command that finishes an interrupted release, as every piece of advice names it:
//! `relhook release --resume` with the `--config FILE` given and the flags a resume honours.
//! Pasted bare, it would read `.relconfig.toml` (another tag prefix, other tests) and tag
//! unsigned, refuse the dirty tree, or run the tests the release skipped. The advice is formed
//! deep in the release, tag, hook and journal code, which never sees the command line: the
//! command line is noted here once, when a command starts (`cli::Context`), and so is what a
//! killed release recorded it ran with ([`note_ran`], see `git::txn::ran_with`) once the
//! repository is open: its resume repeats that release's `--config` and flags, whatever this
//! command was given. The flags of a release given are noted too: a refusal's `relhook
//! release …` ([`release_flags`]) pasted without `--allow-dirty` is refused again, and
//! without `--no-test` runs the tests.

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
    /// What the killed release whose resume is advised ran with, as recorded.
    ran: Ran,
    /// What a release was asked for, after `release`: its version, `--pre`, packages and
    /// flags as given (quoted; `0.2.0 --package api --no-test`), what its journal records.
    asked: Option<String>,
}

/// What a killed release ran with: its resume repeats these.
#[derive(Clone, Default)]
struct Ran {
    /// Its ` --config FILE` (quoted, or empty for none), when recorded.
    global: Option<String>,
    /// Those of [`RESUME_FLAGS`] it was given.
    flags: Vec<&'static str>,
}

static GIVEN: RwLock<Given> = RwLock::new(Given {
    global: String::new(),
    path: None,
    flags: Vec::new(),
    release: Vec::new(),
    ran: Ran {
        global: None,
        flags: Vec::new(),
    },
    asked: None,
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
            ran: Ran::default(),
            asked: None,
        }
    }

    /// The flags a resume repeats: those given and those the killed release was given.
    fn resume_flags(&self) -> Vec<&'static str> {
        RESUME_FLAGS
            .into_iter()
            .filter(|f| self.flags.contains(f) || self.ran.flags.contains(f))
            .collect()
    }

    fn release_flags(&self, flag: Option<&str>) -> String {
        RELEASE_FLAGS
            .into_iter()
            .filter(|f| self.release.contains(f) || flag == Some(*f))
            .map(|f| format!(" {f}"))
            .collect()
    }

    fn command(&self, flag: Option<&str>) -> String {
        let global = self.ran.global.as_ref().unwrap_or(&self.global);
        let mut command = format!("relhook{global} release --resume");
        // In their one order, whoever asked for each.
        let flags = self.resume_flags();
        for f in RESUME_FLAGS {
            if flags.contains(&f) || flag == Some(f) {
                command.push_str(&format!(" {f}"));
            }
        }
        if let Some(flag) = flag.filter(|f| !RESUME_FLAGS.contains(f)) {
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

/// Notes what a release was asked for (see [`Given::asked`]): its journal records it, so
/// that the advice after it was undone makes the same release.
pub fn note_asked(words: &str) {
    if let Ok(mut g) = GIVEN.write() {
        g.asked = Some(words.trim().to_owned());
    }
}

/// What this release was asked for, as [`note_asked`] noted it.
pub fn asked() -> Option<String> {
    GIVEN.read().ok().and_then(|g| g.asked.clone())
}

/// `relhook [--config FILE] release ASKED`, with the flags of [`RELEASE_FLAGS`] given now that
/// `asked` (a release's recorded words) lacks: that release made again.
pub fn release_asked(asked: &str) -> String {
    GIVEN
        .read()
        .map(|g| g.release_asked(asked))
        .unwrap_or_else(|_| format!("relhook release {asked}").trim_end().to_owned())
}

impl Given {
    fn release_asked(&self, asked: &str) -> String {
        let mut command = format!("relhook{} release", self.global);
        let words: Vec<&str> = asked.split_whitespace().collect();
        for w in &words {
            command.push_str(&format!(" {w}"));
        }
        for f in self.release.iter().filter(|f| !words.contains(f)) {
            command.push_str(&format!(" {f}"));
        }
        command
    }
}

/// The `--config` file given, absolute (`None`: the repository's .relconfig.toml).
pub fn config_path() -> Option<PathBuf> {
    GIVEN.read().ok().and_then(|g| g.path.clone())
}

/// What a recorded run gave, as [`Given::ran`] holds it: `config` absolute (`Some(None)`: no
/// `--config`; `None`: not recorded, the one given stands).
fn ran_of(config: Option<Option<&Path>>, flags: &[&'static str]) -> Ran {
    let shown = |c: &Path| {
        // As typed from here: relative below the working directory.
        let cwd = std::env::current_dir().unwrap_or_default();
        c.strip_prefix(&cwd).unwrap_or(c).to_owned()
    };
    Ran {
        global: config.map(|c| global_of(c.map(shown).as_deref())),
        flags: RESUME_FLAGS
            .into_iter()
            .filter(|f| flags.contains(f))
            .collect(),
    }
}

/// Notes what the killed release whose resume is due ran with: every resume advised from
/// now on repeats its `--config` (`config`, as [`under`] takes it) and its flags too.
pub fn note_ran(config: Option<Option<&Path>>, flags: &[&'static str]) {
    if let Ok(mut g) = GIVEN.write() {
        g.ran = ran_of(config, flags);
    }
}

/// Runs `f` with every resume it advises repeating `config` (absolute; `Some(None)`: no
/// `--config`; `None`: the one given) and `flags` too: a killed release's own, as its
/// journal recorded them, when another command advises the resume that finishes it.
pub fn under<T>(config: Option<Option<&Path>>, flags: &[&'static str], f: impl FnOnce() -> T) -> T {
    let swap = |ran: Ran| {
        GIVEN
            .write()
            .ok()
            .map(|mut g| std::mem::replace(&mut g.ran, ran))
    };
    let before = swap(ran_of(config, flags));
    let out = f();
    if let Some(ran) = before {
        swap(ran);
    }
    out
}

/// The flags of [`RESUME_FLAGS`] in `text` (a journal's `flags` line), in their order.
pub fn resume_flags_in(text: &str) -> Vec<&'static str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    RESUME_FLAGS
        .into_iter()
        .filter(|f| words.contains(f))
        .collect()
}

/// ` --config FILE` as given (quoted), or empty.
pub fn global() -> String {
    GIVEN.read().map(|g| g.global.clone()).unwrap_or_default()
}

/// The flags of [`RESUME_FLAGS`] given: what a release's journal records.
pub fn flags() -> Vec<&'static str> {
    GIVEN.read().map(|g| g.flags.clone()).unwrap_or_default()
}

/// The flags [`command`] repeats: those given and the killed release's.
pub fn resume_flags() -> Vec<&'static str> {
    GIVEN.read().map(|g| g.resume_flags()).unwrap_or_default()
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

/// `relhook [--config FILE] release ASKED --package A --package B [FLAGS]`: a release of
/// `packages` together; `asked`, each word with a space before it, is what the release asks
/// for besides them (` 2.0.0 --pre rc`).
pub fn release_of_packages(packages: &[&str], asked: &str) -> String {
    let named: String = (packages.iter())
        .map(|p| format!(" --package {}", crate::shellword::quote(p)))
        .collect();
    format!(
        "relhook{} release{asked}{named}{}",
        global(),
        release_flags(None)
    )
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
        let said = under(Some(Some(&other)), &[], command);
        assert!(
            said.starts_with("relhook --config other.toml release --resume"),
            "{said}"
        );
        assert!(!under(Some(None), &[], command).contains("--config"));
    }

    #[test]
    fn the_resume_repeats_the_flags_the_killed_run_was_given() {
        let mut given = Given::of(None, &["--sign"]);
        given.ran = ran_of(None, &["--allow-dirty", "--sign"]);
        assert_eq!(
            given.command(None),
            "relhook release --resume --allow-dirty --sign"
        );
        assert_eq!(given.command(Some("--allow-dirty")), given.command(None));
        assert_eq!(
            resume_flags_in("--no-test --bogus --allow-dirty"),
            ["--allow-dirty", "--no-test"]
        );
    }

    /// QA52: an undone release made again as it was asked, with the flags given now too.
    #[test]
    fn an_undone_release_is_made_again_as_asked() {
        let plain = Given::of(None, &[]);
        assert_eq!(plain.release_asked(""), "relhook release");
        assert_eq!(
            plain.release_asked("0.3.0 --no-test"),
            "relhook release 0.3.0 --no-test"
        );
        let given = Given::of(Some(Path::new("c.toml")), &["--no-test", "--allow-dirty"]);
        assert_eq!(
            given.release_asked("--pre rc --package api --no-test"),
            "relhook --config c.toml release --pre rc --package api --no-test --allow-dirty"
        );
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
