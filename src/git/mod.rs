//! The only module that talks to git. `locate` and `message_config` are cheap enough for the
//! commit-msg hook (no repository is opened, only config files are read); `Repo` wraps git2
//! for history work; `HooksLocation` asks the `git` program where hooks live; `txn` is the one
//! way anything changes HEAD, the index and the work tree together; `run` the one way the
//! `git` program is started. No raw git2 object leaves this module.

mod adoption;
mod amends;
mod apart;
mod applying;
mod bisect;
mod blob;
mod commit_graph;
mod config;
pub use config::{core_worktree, remote_lookups};
mod conflict_labels;
mod deleted_walk;
mod derived;
mod descent;
mod diff;
mod dry_commit;
mod encoding;
mod filter;
mod grep;
mod head_log;
mod hidden_cut;
mod holders;
mod hookdir;
mod hooks_off;
mod hooks_stranded;
mod hooks_worktrees;
mod ident;
mod latest_tag;
mod line_merge;
mod locate;
mod locks;
mod merge;
mod message_file;
mod moved_dir;
mod moved_file;
mod note_write;
mod objects;
mod patch_key;
mod path_log;
mod probe;
mod promisor;
mod range;
mod reach;
mod ref_move;
mod reflog;
mod refs;
mod replaced;
mod repo;
mod resign;
mod revert_note;
mod rewrite;
pub mod run;
mod sequence;
mod settled;
mod shared;
mod signature;
mod signing;
mod signing_ready;
mod state;
mod stored;
mod submodule;
mod submodule_fill;
mod tag_names;
mod tree_entries;
mod tree_head;
pub mod txn;
mod unreadable;
mod untracked;
pub mod version;
pub mod walk;
mod walked;
mod worktrees;

pub use adoption::{ADOPTED, Adoption, forget_told};
pub use amends::{Amend, amend_chain};
pub use applying::{Applying, am_ends_unapplied};
pub use blob::{blob_oid, object_hashes, object_writes, remember_blob_id};
pub use conflict_labels::ConflictLabels;
pub use deleted_walk::{DELETED_WALK, Reach};
pub use descent::Descent;
pub use diff::tree_diffs;
pub use dry_commit::nothing_to_commit;
pub use encoding::{NewMessage, decode_known, decode_message, is_utf8_name, new_message};
pub use filter::FilterFailure;
pub use filter::attr_lookups;
pub use grep::Found;
pub use head_log::head_log_reads;
pub use hidden_cut::HiddenCut;
pub use hookdir::{HooksLocation, HooksPathSetting, WorkTreeHooks};
pub use hooks_off::{HooksOff, HooksPathEntry};
pub use hooks_stranded::Stranded;
pub use line_merge::LineMerge;
pub use locate::{Location, locate, named_by_env};
pub use merge::{Conflict, Sequence, Stopped};
pub use objects::ObjectKind;
pub use probe::{PathProbe, Touched, top_entry_lookups};
pub use promisor::object_fetches;
pub use range::{MergeBase, PushDestination};
pub use refs::{
    ReleaseTag, pep440_pre, pep440_spelling, release_version, version_starts_at, version_suffix,
};
pub use replaced::ReplaceRefs;
pub use repo::{Range, Repo, tag_listings};
pub use resign::Amended;
pub use rewrite::{ENTRY_REWRITE, ReflogTop, StoredFile};
pub use sequence::{note_concluding_pick, rewording};
pub use signing::CannotSign;
pub use state::Hidden;
pub use stored::StoredCommit;
pub use submodule_fill::Unfilled;
pub use tag_names::tag_ref_listings;
pub use tree_head::tree_reads;
pub use txn::{TMP_PREFIX, Txn};
pub use unreadable::unworkable;

/// How many hex digits relhook shows of a commit or tree id in reports.
pub const SHORT_ID_LEN: usize = 9;

/// The abbreviated form of a hex object id (the whole text when it is shorter).
pub fn short_hex(hex: &str) -> &str {
    hex.get(..SHORT_ID_LEN).unwrap_or(hex)
}

/// The id git gives `bytes` stored as a blob (`git hash-object`): a stable fingerprint.
pub fn blob_id(bytes: &[u8]) -> String {
    blob::blob_oid(bytes).to_string()
}

/// The abbreviated form of an object id, as every report shows it.
pub fn short_id(id: git2::Oid) -> String {
    short_hex(&id.to_string()).to_owned()
}

/// What git's configuration says about message cleanup, as git stores it; `commit::message`
/// interprets it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageConfig {
    /// `commit.cleanup`.
    pub cleanup: Option<String>,
    /// `core.commentString`, else `core.commentChar`.
    pub comment: Option<String>,
}

/// Reads `commit.cleanup` and `core.commentChar` from every config level git would read,
/// including `git -c` values passed to hooks through the environment.
pub fn message_config(loc: Option<&Location>) -> MessageConfig {
    let Ok(config) = open_config(loc) else {
        return MessageConfig::default();
    };
    let mut comment = None;
    let mut cleanup = None;
    for (key, value) in valued_overrides() {
        match key.to_ascii_lowercase().as_str() {
            "core.commentchar" | "core.commentstring" => comment = Some(value),
            "commit.cleanup" => cleanup = Some(value),
            _ => {}
        }
    }
    MessageConfig {
        comment: comment
            .or_else(|| config.get_string("core.commentstring").ok())
            .or_else(|| config.get_string("core.commentchar").ok()),
        cleanup: cleanup.or_else(|| config.get_string("commit.cleanup").ok()),
    }
}

/// `i18n.commitEncoding` (a `git -c` value first): the encoding git labels a new commit's
/// message with, and the one its message file is written in. `None` when unset.
pub fn commit_encoding_config(loc: Option<&Location>) -> Option<String> {
    config_value(loc, "i18n.commitencoding")
}

/// `commit.template` (a `git -c` value first), as written: the file whose text a `git commit`
/// that opens the editor starts from. `None` when unset.
pub fn commit_template_config(loc: Option<&Location>) -> Option<String> {
    config_value(loc, "commit.template").filter(|v| !v.is_empty())
}

/// One string value (`key` in lower case), a `git -c` value first, for a hook that opens no
/// repository.
fn config_value(loc: Option<&Location>, key: &str) -> Option<String> {
    let set = valued_overrides()
        .filter(|(k, _)| config::same_key(k, key))
        .map(|(_, v)| v)
        .next_back();
    set.or_else(|| open_config(loc).ok()?.get_string(key).ok())
}

/// Whether the environment names configuration files of its own (`GIT_CONFIG_GLOBAL`,
/// `GIT_CONFIG_SYSTEM`, `GIT_CONFIG_NOSYSTEM`, read by git since 2.32 and set by CI jobs and
/// dotfile setups): libgit2 reads `~/.gitconfig` and the system file whatever they say.
pub(crate) fn config_files_named() -> bool {
    [
        "GIT_CONFIG_GLOBAL",
        "GIT_CONFIG_SYSTEM",
        "GIT_CONFIG_NOSYSTEM",
    ]
    .iter()
    .any(|k| std::env::var_os(k).is_some())
}

/// Whether a configuration file the environment names has a conditional include
/// (`[includeIf "gitdir:…"]`): libgit2 weighs those only in a repository's own configuration,
/// so its answer from such a file is not git's.
pub(crate) fn named_files_have_conditions() -> bool {
    ["GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM"].iter().any(|k| {
        std::env::var_os(k)
            .and_then(|path| std::fs::read(path).ok())
            .is_some_and(|bytes| holds_word(&bytes, b"includeif"))
    })
}

/// Whether a configuration file git reads (system, XDG, global, the repository's at
/// `common_dir`) includes a file on a condition libgit2 cannot weigh anywhere,
/// `[includeIf "hasconfig:remote.*.url:…"]` (a work identity for a work remote's clones):
/// only git's answer from it is git's.
pub(crate) fn files_have_unweighed_conditions(common_dir: &std::path::Path) -> bool {
    let named = |k: &str| std::env::var_os(k).map(std::path::PathBuf::from);
    let system = named("GIT_CONFIG_SYSTEM").or_else(|| git2::Config::find_system().ok());
    let global = named("GIT_CONFIG_GLOBAL").or_else(|| git2::Config::find_global().ok());
    let files = [system, git2::Config::find_xdg().ok(), global];
    (files.into_iter().flatten())
        .chain([common_dir.join("config")])
        .filter_map(|path| std::fs::read(path).ok())
        .any(|bytes| holds_word(&bytes, b"hasconfig:"))
}

/// Whether `bytes` hold `word` in any case: found from its first letter's places (memchr),
/// as every hook run asks it of each configuration file.
fn holds_word(bytes: &[u8], word: &[u8]) -> bool {
    let first = word[0];
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        bytes,
    )
    .any(|i| {
        bytes
            .get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

/// The configuration files git reads, in its order (system, XDG, global, the repository's),
/// as the environment names them.
pub(crate) fn open_config(loc: Option<&Location>) -> Result<git2::Config, git2::Error> {
    let mut config = git2::Config::new()?;
    let mut add = |path: Option<std::path::PathBuf>, level| -> Result<(), git2::Error> {
        match path {
            Some(p) if p.is_file() => config.add_file(&p, level, false),
            _ => Ok(()),
        }
    };
    if std::env::var_os("GIT_CONFIG_NOSYSTEM").is_none() {
        let system = std::env::var_os("GIT_CONFIG_SYSTEM").map(std::path::PathBuf::from);
        add(
            system.or_else(|| git2::Config::find_system().ok()),
            git2::ConfigLevel::System,
        )?;
    }
    add(git2::Config::find_xdg().ok(), git2::ConfigLevel::XDG)?;
    let global = std::env::var_os("GIT_CONFIG_GLOBAL").map(std::path::PathBuf::from);
    add(
        global.or_else(|| git2::Config::find_global().ok()),
        git2::ConfigLevel::Global,
    )?;
    if let Some(loc) = loc {
        add(
            Some(loc.common_dir.join("config")),
            git2::ConfigLevel::Local,
        )?;
        add(
            Some(loc.git_dir.join("config.worktree")),
            git2::ConfigLevel::Worktree,
        )?;
    }
    Ok(config)
}

/// `git -c key=value` settings, which git passes to hooks in `GIT_CONFIG_PARAMETERS`
/// (`'key'='value' 'key2'='value2'`) and `GIT_CONFIG_COUNT`/`_KEY_n`/`_VALUE_n`. A key given
/// without `=` (`git -c commit.gpgSign`) has no value: true as a boolean, as git reads it.
fn overrides() -> Vec<(String, Option<String>)> {
    let mut out = std::env::var("GIT_CONFIG_PARAMETERS")
        .map(|s| parse_config_parameters(&s))
        .unwrap_or_default();
    let count: usize = std::env::var("GIT_CONFIG_COUNT")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    for i in 0..count.min(1000) {
        if let (Ok(k), Ok(v)) = (
            std::env::var(format!("GIT_CONFIG_KEY_{i}")),
            std::env::var(format!("GIT_CONFIG_VALUE_{i}")),
        ) {
            out.push((k, Some(v)));
        }
    }
    out
}

/// [`overrides`] that have a value (a string key given none is one git refuses).
fn valued_overrides() -> impl DoubleEndedIterator<Item = (String, String)> {
    overrides().into_iter().filter_map(|(k, v)| Some((k, v?)))
}

/// Parses git's quoted `GIT_CONFIG_PARAMETERS`: single-quoted words, `'\''` for a quote,
/// either `'key'='value'` or the older `'key=value'`; `'key'=` with nothing quoted after it
/// (and the older `'key'`) is a key given without a value.
fn parse_config_parameters(s: &str) -> Vec<(String, Option<String>)> {
    // Each word, and whether its value was quoted (`'key'=''` is an empty value).
    let mut words: Vec<(String, bool)> = Vec::new();
    let mut chars = s.chars().peekable();
    let mut current: Option<(String, bool)> = None;
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let (word, quoted) = current.get_or_insert_with(Default::default);
                *quoted |= word.contains('=');
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    // The older form: `=` inside the quotes, its value quoted with it.
                    *quoted |= q == '=';
                    word.push(q);
                }
            }
            '\\' => {
                if let Some(n) = chars.next() {
                    current.get_or_insert_with(Default::default).0.push(n);
                }
            }
            c if c.is_whitespace() => {
                if let Some(w) = current.take() {
                    words.push(w);
                }
            }
            c => current.get_or_insert_with(Default::default).0.push(c),
        }
    }
    if let Some(w) = current.take() {
        words.push(w);
    }
    words
        .into_iter()
        .map(|(w, quoted)| match w.split_once('=') {
            Some((k, v)) if quoted || !v.is_empty() => (k.to_owned(), Some(v.to_owned())),
            Some((k, _)) => (k.to_owned(), None),
            None => (w, None),
        })
        .collect()
}

/// Test helpers shared by the unit tests that build repositories with real git.
#[cfg(test)]
pub(crate) mod testing {
    use std::path::Path;

    /// Runs `git ARGS` in `dir` with a fixed identity and no user or system configuration;
    /// panics when it fails.
    pub(crate) fn git(dir: &Path, args: &[&str]) {
        let ok = std::process::Command::new("git")
            .current_dir(dir)
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "a")
            .env("GIT_AUTHOR_EMAIL", "a@example.com")
            .env("GIT_COMMITTER_NAME", "a")
            .env("GIT_COMMITTER_EMAIL", "a@example.com")
            .status()
            .unwrap()
            .success();
        assert!(ok, "git {args:?}");
    }

    /// The changelog of [`untagged_release`]'s release commit.
    pub(crate) const RELEASED: &str =
        "# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2026-12-07\n\n- a\n";

    /// Writes `changelog` as CHANGELOG.md in `dir` and commits everything as `message`.
    pub(crate) fn commit_changelog(dir: &Path, changelog: &str, message: &str) {
        std::fs::write(dir.join("CHANGELOG.md"), changelog).unwrap();
        git(dir, &["add", "-A"]);
        git(dir, &["commit", "-q", "--allow-empty", "-m", message]);
    }

    /// A new repository in `dir`: `feat: a` with its Unreleased entry, then the release
    /// commit `chore(release): 0.2.0` ([`RELEASED`]), untagged.
    pub(crate) fn untagged_release(dir: &Path) {
        git(dir, &["init", "-q", "-b", "main"]);
        commit_changelog(dir, "# Changelog\n\n## [Unreleased]\n\n- a\n", "feat: a");
        commit_changelog(dir, RELEASED, "chore(release): 0.2.0");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_parameters_are_unquoted() {
        let parsed =
            parse_config_parameters(r"'core.commentchar'=';' 'user.name=A '\''B'\''' 'x.y'");
        assert_eq!(parsed[0], ("core.commentchar".into(), Some(";".into())));
        assert_eq!(parsed[1], ("user.name".into(), Some("A 'B'".into())));
        assert_eq!(parsed[2], ("x.y".into(), None), "a key without a value");
        // As git 2.47 passes `git -c commit.gpgSign -c a.b= -c c.d=''`.
        let parsed = parse_config_parameters(r"'commit.gpgsign'= 'a.b'='' 'c.d'=''");
        assert_eq!(parsed[0], ("commit.gpgsign".into(), None));
        assert_eq!(parsed[1], ("a.b".into(), Some(String::new())));
        assert_eq!(parsed[2], ("c.d".into(), Some(String::new())));
    }

    #[test]
    fn a_word_is_found_in_any_case_and_nowhere_it_is_cut() {
        assert!(holds_word(
            b"[includeIf \"hasconfig:remote.*.url:x\"]",
            b"hasconfig:"
        ));
        assert!(holds_word(b"[INCLUDEIF \"gitdir:~/w/\"]", b"includeif"));
        assert!(holds_word(b"hhHasConfig:", b"hasconfig:"));
        assert!(!holds_word(b"[include] path = hasconfig", b"hasconfig:"));
        assert!(!holds_word(b"", b"includeif"));
        assert!(!holds_word(b"includei", b"includeif"));
    }
}
