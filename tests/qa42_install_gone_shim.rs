//! QA42: `relhook uninstall` after a shim was removed by hand said nothing of that hook, and
//! where relhook kept the hook it had replaced said it "removed" the shim it did not find. It
//! now says in one line per hook that the shim was already gone, still removes the rest and
//! puts the kept hook back, and exits 0.

use crate::support::{Repo, make_executable, ok, stdout, text};

#[test]
fn uninstall_says_which_shims_were_already_gone() {
    let repo = Repo::new();
    let hooks = repo.hooks_dir();
    std::fs::write(hooks.join("pre-push"), "#!/bin/sh\necho MINE\n").unwrap();
    make_executable(&hooks.join("pre-push"));
    ok(repo.relhook(&["install"]));
    std::fs::remove_file(hooks.join("commit-msg")).unwrap();
    std::fs::remove_file(hooks.join("pre-push")).unwrap();

    let out = ok(repo.relhook(&["uninstall"]));
    let said = stdout(&out);
    let about = |hook: &str| -> Vec<String> {
        said.lines()
            .filter(|l| l.starts_with(&format!("{hook}:")) || l.contains(&format!(" {hook} ")))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        about("commit-msg"),
        ["commit-msg: already gone from .git/hooks (removed by hand), nothing to remove"],
        "{}",
        text(&out)
    );
    let pre_push = about("pre-push");
    assert_eq!(pre_push.len(), 1, "{}", text(&out));
    assert!(
        pre_push[0].starts_with("pre-push: already gone") && pre_push[0].contains("restored"),
        "{}",
        text(&out)
    );
    assert!(
        said.contains("removed post-commit from .git/hooks"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(hooks.join("pre-push")).unwrap(),
        "#!/bin/sh\necho MINE\n"
    );
    assert!(!hooks.join("pre-push.relhook-orig").exists());
    assert!(!hooks.join("post-commit").exists());
}
