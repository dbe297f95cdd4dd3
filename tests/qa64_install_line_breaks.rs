//! QA64: `relhook install` wrote a `core.hooksPath` holding a line break (git takes one) as
//! it is in its notes and its warning, so each broke in two, the second line starting `ks …`;
//! errors and doctor already showed it as `␊`. The install lines now do too.

use crate::support::{Repo, ok, text};

#[test]
fn install_notes_show_a_hooks_path_with_a_line_break_on_one_line() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: start"]);
    repo.git(&["config", "core.hooksPath", "ho\nks"]);
    let said = text(&ok(repo.relhook(&["install"])));
    assert!(!said.lines().any(|l| l.starts_with("ks")), "{said}");
    assert!(
        said.contains(
            "note: core.hooksPath = ho␊ks (local config): git runs this repository's hooks from "
        ),
        "{said}"
    );
    assert!(
        said.contains("note: ho␊ks is in the work tree and not ignored"),
        "{said}"
    );
    assert!(
        said.contains("warning: core.hooksPath = ho␊ks is relative"),
        "{said}"
    );
    // The commands keep the name as git has it, quoted for the shell (an ignore file's
    // pattern has no escape for a line break: `?` matches it).
    assert!(said.contains("`echo '/ho?ks/' >> "), "{said}");
}
