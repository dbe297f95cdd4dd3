//! The changelog stored at a commit, or held in a text (the work tree's), parsed once per run:
//! by its blob id (see [`Repo::derived`]), so that the checks of a release tag, which each ask
//! the changelog at its commit something, share one parse of each file.

use std::path::Path;
use std::rc::Rc;

use git2::Oid;

use crate::git::Repo;
use crate::history::changelog::Changelog;

/// A changelog's bytes as relhook reads them.
#[derive(Debug)]
pub struct Stored {
    /// The text, with what is not UTF-8 replaced (`U+FFFD`).
    pub text: String,
    /// Whether the bytes were UTF-8.
    pub utf8: bool,
    /// The text parsed, when it parses.
    pub log: Option<Rc<Changelog>>,
}

impl Stored {
    fn of(bytes: &[u8]) -> Stored {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let log = Changelog::parse(&text).ok().map(Rc::new);
        Stored {
            utf8: std::str::from_utf8(bytes).is_ok(),
            text,
            log,
        }
    }

    /// The parsed changelog when the bytes were UTF-8 and parse.
    pub fn utf8_log(&self) -> Option<Rc<Changelog>> {
        self.log.clone().filter(|_| self.utf8)
    }
}

/// The file at `path` as stored in `commit`, when it is there and can be read.
pub fn stored_at(repo: &Repo, commit: Oid, path: &Path) -> Option<Rc<Stored>> {
    let blob = repo.blob_at(commit, path)?;
    repo.derived(blob, || {
        let file = repo.file_at(commit, path).ok().flatten()?;
        // The work tree's file as HEAD stores it is then known by this id, unhashed.
        crate::git::remember_blob_id(&file.bytes, file.blob);
        Some(Stored::of(&file.bytes))
    })
}

/// The changelog at `path` as stored in `commit`, when it is there, UTF-8, and parses.
pub fn changelog_at(repo: &Repo, commit: Oid, path: &Path) -> Option<Rc<Changelog>> {
    stored_at(repo, commit, path)?.utf8_log()
}

/// `version`'s heading in the changelog at `path` in `commit`, quoted as that file writes it
/// (`## 1.0.0`), or in relhook's own form when there is none to read.
pub fn heading_at(repo: &Repo, commit: Oid, path: &Path, version: &str) -> String {
    let log = changelog_at(repo, commit, path);
    crate::history::changelog::quoted_heading(log.as_deref(), version)
}

/// Whether the file at `path` that `commit` stores is not one post-commit adds entries to:
/// not UTF-8, not Keep a Changelog, or one relhook does not keep (`unkept_because`).
pub fn unkept_at(repo: &Repo, commit: Oid, path: &Path) -> bool {
    stored_at(repo, commit, path).is_some_and(|s| {
        s.utf8_log()
            .is_none_or(|log| log.unkept_because().is_some())
    })
}

/// `text` parsed as a changelog (`None`: it does not parse). A work tree's file that HEAD
/// stores as it is shares the parse of HEAD's.
pub fn parsed(repo: &Repo, text: &str) -> Option<Rc<Changelog>> {
    let blob = text_id(text);
    repo.derived(blob, || Some(Stored::of(text.as_bytes())))?
        .log
        .clone()
}

/// Holds `log`, an edited changelog, as the parse of `text`, the text it renders (what a
/// release writes): [`parsed`] gives it for that text, which the release's notes are read
/// from, without parsing the whole file again.
pub fn hold_parsed(repo: &Repo, text: &str, log: Changelog) {
    let Some(log) = log.into_parsed() else {
        return;
    };
    repo.derived(text_id(text), || {
        Some(Stored {
            text: text.to_owned(),
            utf8: true,
            log: Some(Rc::new(log)),
        })
    });
}

thread_local! {
    /// The text [`text_id`] hashed last, with its blob id.
    static HASHED: std::cell::RefCell<Option<(String, Oid)>> = const { std::cell::RefCell::new(None) };
}

/// The blob id of `text`: a release asks [`parsed`] for the same changelog text several times
/// (the plan, the section, the checks after it), and comparing the text costs less than
/// hashing it again.
fn text_id(text: &str) -> Oid {
    HASHED.with(|hashed| {
        if let Some((seen, id)) = hashed.borrow().as_ref()
            && seen == text
        {
            return *id;
        }
        let id = crate::git::blob_oid(text.as_bytes());
        *hashed.borrow_mut() = Some((text.to_owned(), id));
        id
    })
}

/// [`parse`] of `text`, from the run's parse of the same text when there is one (the
/// work tree's file as HEAD stores it): a copy to edit.
pub fn parse_kept(repo: &Repo, path: &Path, text: &str) -> crate::Result<Changelog> {
    match parsed(repo, text) {
        Some(log) if log.unkept_because().is_none() => Ok(Changelog::clone(&log)),
        _ => parse(path, text),
    }
}

/// Whether the changelog stored in `commit` has a section for `version`.
pub fn has_section_at(repo: &Repo, commit: Oid, path: &Path, version: &semver::Version) -> bool {
    changelog_at(repo, commit, path)
        .is_some_and(|log| log.entries_of(&version.to_string()).is_some())
}

/// The work tree's changelog at `rel` when it is no file (a FIFO, a directory) or one relhook
/// may not read (mode 000, or larger than [`crate::fsx::CHANGELOG_CAP`]): what stands there and the command that puts a readable file back
/// (`git checkout` when HEAD holds one, `chmod`), for every command that would read or write
/// it to refuse in the same words. `config` names the setting of `rel` (a package's
/// `changelog`, or `changelog.path`).
pub fn changelog_not_a_file(
    repo: &Repo,
    config: &crate::config::Config,
    rel: &Path,
) -> Option<(String, String)> {
    use crate::history::changelog::{NotAFile, not_a_file, not_a_file_fix, not_a_file_what};
    // Its work tree copy is in another encoding than the blob: reading or writing it as
    // UTF-8 would put entries in the commit and not in the file (or the other way round).
    if let Some(encoding) = repo.working_tree_encoding(rel) {
        let shown = crate::shellword::from_top(rel);
        return Some((
            format!(
                "{} is under `working-tree-encoding={encoding}` (set in gitattributes), a conversion relhook does not make",
                rel.display()
            ),
            format!(
                "take `working-tree-encoding` off {} in the attributes file that sets it (.gitattributes, or .git/info/attributes; relhook keeps the file in UTF-8){}",
                rel.display(),
                // The copy git wrote in that encoding goes back to the blob's bytes: removed
                // first, as git leaves a file whose stat matches the index as it is.
                match repo.head().and_then(|h| repo.blob_at(h, rel)) {
                    Some(_) => format!(
                        ", then save it as UTF-8 (with no edits of yours in it: `rm {} && git checkout -- {shown}`)",
                        crate::shellword::below_top(rel)
                    ),
                    None => String::new(),
                }
            ),
        ));
    }
    let root = repo.work_tree()?;
    // A file its mode keeps relhook from reading: said before any work, with the `chmod`.
    if crate::history::changelog::unreadable(&root, rel) {
        return Some(crate::history::changelog::unreadable_what_fix(rel));
    }
    // One too large to be any project's changelog: told by its size, never read.
    if let Some(len) = crate::history::changelog::too_large(&root, rel) {
        let committed = repo.head().and_then(|h| repo.blob_at(h, rel)).is_some();
        return Some(crate::history::changelog::too_large_what_fix(
            rel, len, committed,
        ));
    }
    let kind = not_a_file(&root, rel)?;
    let stored = repo
        .head()
        .and_then(|h| repo.file_at(h, rel).ok().flatten());
    let key = changelog_setting(config, rel);
    // HEAD holds the link itself: `git checkout` would only bring it back.
    let fix = match stored {
        Some(f) if f.mode == 0o120_000 && kind == NotAFile::DanglingLink => {
            crate::history::changelog::committed_link_fix(rel, &key)
        }
        stored => not_a_file_fix(rel, kind, stored.is_some(), &key),
    };
    Some((not_a_file_what(rel, kind), fix))
}

/// The package whose changelog is `rel` (in the configuration or in a package's view of it).
fn package_of<'a>(
    config: &'a crate::config::Config,
    rel: &Path,
) -> Option<&'a crate::config::Package> {
    let mut packages = config.package.iter().chain(&config.packages);
    packages.find(|p| p.changelog == rel)
}

/// The `relhook changelog` command with `flag` (`--sync`, `--rebuild`) that acts on the
/// changelog `rel`: a package's names it (`--package NAME`, quoted), for without it the
/// command acts on the root's changelog alone.
pub fn changelog_command(config: &crate::config::Config, rel: &Path, flag: &str) -> String {
    match package_of(config, rel) {
        Some(p) => format!(
            "relhook changelog {flag} --package {}",
            crate::shellword::quote(&p.name)
        ),
        None => format!("relhook changelog {flag}"),
    }
}

/// The setting that names the changelog `rel`, in words for a fix: a package's `changelog`
/// (in the configuration or in a package's view of it), or `changelog.path`.
pub fn changelog_setting(config: &crate::config::Config, rel: &Path) -> String {
    match package_of(config, rel) {
        Some(p) => format!(
            "`changelog` in {} of .relconfig.toml",
            crate::config::toml_text::package_table(&p.name)
        ),
        None => "`changelog.path` in .relconfig.toml".to_owned(),
    }
}

/// The changelog `head` keeps at the top under another common name (HISTORY.md), when `path`
/// is the top's CHANGELOG.md and `head` lacks it: the top's listing, and only its candidates
/// read.
pub fn kept_under_other_name(repo: &Repo, head: Oid, path: &Path) -> crate::Result<Option<String>> {
    if path != Path::new("CHANGELOG.md") || repo.blob_at(head, path).is_some() {
        return Ok(None);
    }
    let names = repo.top_file_names(head)?;
    Ok(
        crate::history::changelog::other_name::kept_under_other_name(
            names.iter().map(String::as_str),
            |n| {
                let stored = repo.committed_file(head, Path::new(n)).ok()??;
                String::from_utf8(stored.bytes).ok()
            },
        ),
    )
}

/// Parses the changelog or refuses with the line that broke it.
pub fn parse(path: &Path, text: &str) -> crate::Result<Changelog> {
    if let Some(line) = crate::history::changelog::cr_only::lone_cr_line(text) {
        return Err(crate::Error::ChangelogCrOnly {
            path: path.to_owned(),
            line,
        });
    }
    let log = Changelog::parse(text).map_err(|e| crate::Error::NotKeepAChangelog {
        path: path.to_owned(),
        line: e.line,
        message: e.message,
    })?;
    if let Some(why) = log.unkept_because() {
        return Err(crate::Error::NotKeepAChangelog {
            path: path.to_owned(),
            line: 1,
            message: format!("{why}: this is not a changelog relhook keeps"),
        });
    }
    Ok(log)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id of a text hashed before is its own, whichever text came in between.
    #[test]
    fn a_texts_id_is_its_blob_id_asked_again_or_not() {
        let (a, b) = ("# Changelog\n", "# Changelog\n\n## [Unreleased]\n");
        for text in [a, a, b, a, b, b] {
            assert_eq!(text_id(text), crate::git::blob_oid(text.as_bytes()));
        }
    }

    #[test]
    fn a_package_changelog_command_names_its_package() {
        let text = "[packages.\"@s/a\"]\npath = \"p/a\"\n[packages.\"r&d\"]\npath = \"p/b\"\n";
        let config = crate::config::Config::parse(Path::new(".relconfig.toml"), text).unwrap();
        let command = |rel: &str, flag| changelog_command(&config, Path::new(rel), flag);
        assert_eq!(
            command("p/a/CHANGELOG.md", "--rebuild"),
            "relhook changelog --rebuild --package @s/a"
        );
        assert_eq!(
            command("p/b/CHANGELOG.md", "--sync"),
            "relhook changelog --sync --package 'r&d'"
        );
        assert_eq!(
            command("CHANGELOG.md", "--sync"),
            "relhook changelog --sync"
        );
    }
}
