//! Paths as install, uninstall and init name them: shown in a message, as they are in a
//! command's word or a lookup.

use std::path::Path;

/// `path` relative to `base` when it is inside it, for shorter messages: shown, never
/// obeyed (an ESC, `\r` or line break in `core.hooksPath`; see [`rel_path`] for a word).
pub(in crate::cli) fn rel(path: &Path, base: &Path) -> String {
    crate::printable::visible(&rel_path(path, base))
}

/// [`rel`] as it is, for a command's quoted word or a lookup.
pub(in crate::cli) fn rel_path(path: &Path, base: &Path) -> String {
    path.strip_prefix(base)
        .ok()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// `path`'s last part for a message, shown as [`rel`] shows it.
pub(in crate::cli) fn file_name(path: &Path) -> String {
    crate::printable::visible(&name_of(path))
}

/// [`file_name`] as it is, for a lookup.
pub(in crate::cli) fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// `path` whole (a manager's evidence, `core.hooksPath=…`, or a folder removed), shown as
/// [`rel`] shows it.
pub(in crate::cli) fn shown(path: &Path) -> String {
    crate::printable::visible(&path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_shown_in_a_message_and_kept_for_a_word() {
        let (top, dir) = (Path::new("/r"), Path::new("/r/ho\u{1b}[31mks\rdir\nx"));
        assert_eq!(rel(dir, top), "ho␛[31mks␍dir␊x");
        assert_eq!(rel_path(dir, top), "ho\u{1b}[31mks\rdir\nx");
        assert_eq!(file_name(dir), "ho␛[31mks␍dir␊x");
        assert_eq!(name_of(dir), "ho\u{1b}[31mks\rdir\nx");
    }
}
