//! QA148: the workspace's member names are read once per run (changesets took seconds for
//! every command, a manifest read and a glob compiled per tag prefix and folder). Pins what
//! they decide: tags of members found through a class glob are named as the workspace's
//! packages', and an excluded folder's package is a package's all the same, not named.

use crate::support::{Repo, stderr, text};

#[test]
fn members_through_globs_and_exclusions_decide_which_tags_are_named() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"workspaces":["packages/*","tools/[ab]*","!packages/skip"]}"#,
    );
    repo.write(
        "packages/a/package.json",
        r#"{"name":"@x/a","version":"1.0.0"}"#,
    );
    repo.write(
        "packages/skip/package.json",
        r#"{"name":"@x/skip","version":"5.0.0"}"#,
    );
    repo.write(
        "tools/alpha/package.json",
        r#"{"name":"@x/t","version":"3.0.0"}"#,
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "feat: start"]);
    for tag in ["@x/a@1.0.0", "@x/skip@5.0.0", "@x/t@3.0.0"] {
        repo.git(&["tag", tag]);
    }
    repo.write("packages/a/v", "1");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "fix(a): a fix"]);
    for args in [&["version", "--next"][..], &["release", "--dry-run"][..]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains(
                "the release tags here are the workspace's packages' (`@x/t@3.0.0`, and 1 more package's), none under the default tag_prefix \"v\", and no package is set up"
            ),
            "{args:?}: {err}"
        );
    }
}
