//! The `git` program's version (`git version`), for what a git older than a release lacks: a
//! merge driver's conflict labels, `%S`, `%X` and `%Y`, came with git 2.44 (an older git leaves
//! them in the driver's command as they are).

use std::path::Path;

/// The first git that passes a merge driver its conflict labels.
pub const DRIVER_LABELS: (u32, u32) = (2, 44);

/// `git version`'s major and minor numbers (`git version 2.47.3`, `2.44.0.windows.1`,
/// `2.39.5 (Apple Git-154)`); `None` where git does not start or says something else.
pub fn version(cwd: &Path) -> Option<(u32, u32)> {
    let out = super::run::Git::new(cwd, &["version"]).run().ok()?;
    parse(&out)
}

/// Whether the git on PATH passes a merge driver git's own conflict labels.
pub fn passes_driver_labels(cwd: &Path) -> bool {
    version(cwd).is_some_and(|v| v >= DRIVER_LABELS)
}

fn parse(text: &str) -> Option<(u32, u32)> {
    let number = text.trim().strip_prefix("git version ")?;
    let mut parts = number.split(['.', ' ']);
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn versions_as_git_builds_say_them() {
        assert_eq!(parse("git version 2.47.3\n"), Some((2, 47)));
        assert_eq!(parse("git version 2.44.0.windows.1"), Some((2, 44)));
        assert_eq!(parse("git version 2.39.5 (Apple Git-154)"), Some((2, 39)));
        assert_eq!(parse("git version 3.0"), Some((3, 0)));
        assert_eq!(parse("hub version 2.14.2"), None);
        assert_eq!(parse("git version x.y"), None);
    }
}
