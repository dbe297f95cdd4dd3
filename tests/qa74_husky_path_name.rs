//! QA74: a `core.hooksPath` with a line break that names husky's folder was shown raw in
//! install's line on husky (`husky runs the hooks here (core.hooksPath=…)`), in `--force`'s
//! warning, and in uninstall's "removed … (relhook had created it)": the part after the
//! break printed as a line of its own. Shown now as every other line shows it (`␊`).

use crate::support::{Repo, text};

#[test]
fn install_and_uninstall_keep_a_hooks_path_with_a_line_break_on_its_line() {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["config", "core.hooksPath", ".husky\nFAKE: ok/_"]);
    for args in [&["install"][..], &["install", "--force"], &["uninstall"]] {
        let out = repo.relhook(args);
        let all = text(&out);
        // husky has no runners there yet: a plain install says so, and exits 1.
        let code = if args == ["install"] { 1 } else { 0 };
        assert_eq!(out.status.code(), Some(code), "{args:?}: {all}");
        assert!(
            !all.lines().any(|l| l.starts_with("FAKE")),
            "{args:?}: {all}"
        );
        assert!(all.contains(".husky␊FAKE: ok/_"), "{args:?}: {all}");
    }
}
