//! What to do about a version file relhook cannot read the version from: said where no
//! refusal carries a fix of its own (`relhook doctor`'s row for it).

use super::{Locator, VersionFileError};

impl VersionFileError {
    /// The way on from a version file whose version cannot be read, where there is one.
    pub fn fix(&self) -> Option<String> {
        use VersionFileError as V;
        // The configuration's name, as `config::FILE_NAME` (a module this one may not use).
        let config = ".relconfig.toml";
        Some(match self {
            V::Missing { path } => format!(
                "restore {p}, or take it out of `[version] files` in {config}",
                p = path.display()
            ),
            V::NotUtf8 { path } => format!("save {} as UTF-8", path.display()),
            V::Parse { path, line, .. } => format!("fix {}:{line}", path.display()),
            V::KeyMissing { path, locator } | V::NotAString { path, locator, .. } => {
                let example = match locator {
                    Locator::TomlKey(_) => "`key = \"package.version\"`",
                    Locator::JsonKey(_) => "`key = \"version\"`",
                    Locator::Pattern(_) => "`pattern = 'version = \"{version}\"'`",
                };
                format!(
                    "name what holds the version in the entry of {} in `[version] files` of {config} (e.g. {example}), or write the version at {locator} there",
                    path.display()
                )
            }
            V::NoMatch { path, .. } | V::BadPattern { path, .. } => format!(
                "fix the pattern of {} in `[version] files` of {config}",
                path.display()
            ),
            V::DuplicateKey { path, .. } | V::Inconsistent { path, .. } => format!(
                "leave one version in {}, or point its entry in `[version] files` of {config} at one of them",
                path.display()
            ),
            _ => return None,
        })
    }
}
