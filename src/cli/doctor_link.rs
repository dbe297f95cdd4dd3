//! The fix doctor names for a changelog that is a symbolic link, which relhook does not write
//! through: a setting naming the file it leads to, or, where no setting may name that file,
//! the file put in the link's place.

use std::path::Path;

use crate::Error;

/// The fix for the link at `path` (from the top of the work tree `root`) to `to` (from the
/// top, or absolute); `set_to` words the setting that names a file.
pub(super) fn fix(
    root: &Path,
    path: &Path,
    to: &Path,
    set_to: impl FnOnce(&str) -> String,
) -> String {
    // A setting can only name a file inside the work tree (one outside is refused as
    // configuration): a link out of it is replaced by a copy of its file instead.
    let outside = to.is_absolute()
        || matches!(
            crate::fsx::confine(root, to),
            Err(e @ Error::UnsafePath { .. }) if !e.to_string().contains("does not exist")
        );
    if outside {
        let q = |p: &Path| crate::shellword::quote(&p.display().to_string());
        let real = std::fs::canonicalize(root.join(path)).unwrap_or_else(|_| root.join(to));
        format!(
            "it leads out of the work tree, where relhook writes nothing: replace it with a copy of that file (`rm {} && cp {} {}`) and commit it",
            crate::shellword::below_top(path),
            q(&real),
            crate::shellword::below_top(path)
        )
    } else if to
        .to_string_lossy()
        .contains(|c: char| c.is_control() && c != '\t')
    {
        // No setting may name it (and its TOML string would print over several lines).
        format!(
            "the file it names has a control character in its name, which no setting can hold: put that file in the link's place (`mv -f {} {}`) and commit it",
            crate::shellword::below_top(to),
            crate::shellword::below_top(path)
        )
    } else {
        format!(
            "point the configuration at the file the link names: {}",
            set_to(&to.display().to_string())
        )
    }
}
