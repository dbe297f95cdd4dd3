//! Whether the work tree's changelog is one a hand tag can release: a file that is not Keep a
//! Changelog is said, with the one-line edit that fixes it where it is evident.

use crate::config::Config;
use crate::git::Repo;

/// A changelog HEAD holds under the configured name in another letter case (`changelog.md`
/// for `CHANGELOG.md`), beside which relhook makes no second one: what is wrong, and the fix.
pub fn changelog_case_twin(repo: &Repo, config: &Config) -> Option<(String, String)> {
    use crate::history::changelog::{case_twin_fix, case_twin_what};
    let path = &config.changelog.path;
    let twin = repo.case_twin(repo.head()?, path).ok()??;
    Some((
        case_twin_what(path, &twin),
        case_twin_fix(
            path,
            &twin,
            &crate::history::sync::changelog_setting(config, path),
        ),
    ))
}

/// Why the work tree's changelog is not one relhook can release (`None`: it can, or there
/// is none yet and the release creates it).
pub fn unkept_changelog(repo: &Repo, config: &Config) -> Option<String> {
    unkept_changelog_and_edit(repo, config).map(|(why, _)| why)
}

/// [`unkept_changelog`], and the edit that makes the file one relhook keeps where one line's
/// change is evident (`ParseError::fix`).
pub fn unkept_changelog_and_edit(repo: &Repo, config: &Config) -> Option<(String, Option<String>)> {
    let path = repo.work_tree()?.join(&config.changelog.path);
    let bytes = crate::fsx::read_optional(&path).ok()??;
    // Not UTF-8: every edit of it refuses, though its text (read lossily) would parse.
    if std::str::from_utf8(&bytes).is_err() {
        let Err(crate::Error::NotKeepAChangelog {
            path,
            line,
            message,
        }) = Err::<(), _>(crate::Error::changelog_not_utf8(
            &config.changelog.path,
            &bytes,
        ))
        else {
            return None;
        };
        let (what, fix) = message.split_once("; ").unwrap_or((&message, ""));
        return Some((
            format!("{}:{line}: {what}", path.display()),
            Some(fix.to_owned()).filter(|f| !f.is_empty()),
        ));
    }
    let text = String::from_utf8_lossy(&bytes);
    // Lines ended by a CR alone: said with the command that converts them.
    if let Some(line) = crate::history::changelog::cr_only::lone_cr_line(&text) {
        let rel = &config.changelog.path;
        return Some((
            crate::error::cr_only_what(rel, line),
            Some(format!(
                "convert its line endings to LF: `{}`",
                crate::error::to_lf_command(rel)
            )),
        ));
    }
    // The file HEAD stores as it is (a clean work tree) was parsed already.
    let kept = crate::history::sync::parsed(repo, &text);
    if kept.is_some_and(|log| log.unkept_because().is_none()) {
        return None;
    }
    let edit = || {
        crate::history::changelog::Changelog::parse(&text)
            .err()
            .and_then(|e| e.fix)
    };
    match crate::history::sync::parse(&config.changelog.path, &text) {
        Ok(_) => None,
        Err(crate::Error::NotKeepAChangelog {
            path,
            line,
            message,
        }) => Some((
            format!(
                "{}:{line} is not a Keep a Changelog file ({message})",
                path.display()
            ),
            edit(),
        )),
        Err(e) => Some((e.to_string(), None)),
    }
}
