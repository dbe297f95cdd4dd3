//! The last configuration text [`Config::parse`] read, with what it made: a hook parses the
//! work tree's `.relconfig.toml` when it opens the repository, and then the same text again
//! as the file stored in each commit (`history::packages::then`), whose blob is that file
//! in almost every commit. The text is compared, not hashed: a few hundred bytes.

use std::cell::RefCell;
use std::path::Path;

use super::{Config, quick, raw};
use crate::{Error, Result};

thread_local! {
    static LAST: RefCell<Option<(String, Config)>> = const { RefCell::new(None) };
    /// How many texts were parsed, not taken from [`LAST`]: what a test bounds.
    static PARSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The configuration `text` makes, read at `path`, when it is the text parsed last.
pub(super) fn again(path: &Path, text: &str) -> Option<Config> {
    LAST.with(|last| {
        let last = last.borrow();
        let (_, config) = last.as_ref().filter(|(seen, _)| seen == text)?;
        Some(moved_to(config.clone(), path))
    })
}

/// Parses `text`: a file of plain tables, keys, strings, numbers and arrays by the reader made
/// for the hooks (`quick`); anything else, and every error, by toml.
pub(super) fn anew(path: &Path, text: &str) -> Result<Config> {
    use serde::Deserialize;
    let quick = quick::parse(text)
        .and_then(|root| raw::RawConfig::deserialize(root).ok())
        .and_then(|raw| {
            // Any fault sends the file to the full parser, which reports it with its span.
            let fault = |_: usize, message: String| Error::Config {
                path: path.to_path_buf(),
                line: 0,
                column: 0,
                message,
            };
            raw::resolve(raw, path, &fault).ok()
        });
    match quick {
        Some(config) => Ok(config),
        None => Config::parse_full(path, text),
    }
}

/// Remembers what `text` made (a parse that failed is not remembered: it reports its error).
pub(super) fn remember(text: &str, config: &Config) {
    PARSES.with(|n| n.set(n.get() + 1));
    LAST.with(|last| *last.borrow_mut() = Some((text.to_owned(), config.clone())));
}

/// How many configuration texts were parsed on this thread (`RELHOOK_TEST_CONFIG_PARSES`).
pub fn parses() -> usize {
    PARSES.with(std::cell::Cell::get)
}

/// `config` as the parse of its text at `path` makes it: the path is all a parse keeps of
/// where the text came from (the file named, and where each package's table is).
fn moved_to(mut config: Config, path: &Path) -> Config {
    let from = config.source.replace(path.to_owned());
    for p in &mut config.packages {
        if Some(&p.defined_at.0) == from.as_ref() {
            p.defined_at.0 = path.to_owned();
        }
    }
    config
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "[packages.api]\npath = \"api\"\nscopes = [\"api\"]\n\n[packages.web]\npath = \"web\"\n";

    /// The text parsed again at another path is what a parse of it there makes, to the
    /// package tables' places: parsed once.
    #[test]
    fn the_same_text_at_another_path_is_its_own_parse_unparsed() {
        let work_tree = Path::new("/top/.relconfig.toml");
        let stored = Path::new(".relconfig.toml");
        let before = parses();
        let first = Config::parse(work_tree, TEXT).unwrap();
        let again = Config::parse(stored, TEXT).unwrap();
        assert_eq!(parses(), before + 1, "the same text was parsed twice");
        assert_eq!(again, anew(stored, TEXT).unwrap());
        assert_eq!(again.packages[0].defined_at.0, stored);
        assert_eq!(first, anew(work_tree, TEXT).unwrap());
        // Another text is parsed, and a text that fails is reported each time.
        let other = Config::parse(stored, "[packages.api]\npath = \"lib\"\n").unwrap();
        assert_eq!(other.packages[0].path, Path::new("lib"));
        assert_eq!(parses(), before + 2);
        assert!(Config::parse(stored, "[commit\n").is_err());
        assert!(Config::parse(stored, "[commit\n").is_err());
    }
}
