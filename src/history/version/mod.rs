//! Versions: the next SemVer version from the commits since the last release (`bump`), and the
//! version strings in project files (`files`), edited without touching any other byte.

pub mod above;
pub mod bump;
pub mod files;
pub mod placeholder;
pub mod unparsed;
