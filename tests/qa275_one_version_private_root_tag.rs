//! QA275: vue's core, adopting relhook before `relhook init`: its root package.json is private
//! but holds the one version every package of its pnpm workspace has (`3.5.41`), and the root's
//! `v3.5.41` tags are its releases (a hand tag on main makes one). A hand tag refused for
//! another reason (`git tag -a v3.6.0-rc.6` on branch `minor`, not a release branch) went on
//! to say "the root package.json is private, so the root is never released … set up its
//! packages as said above" (nothing above said so), and left out the way past relhook every
//! other refusal names. Such a root is released as one project: the refusal is said alone.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// vue's layout in small: a private root at 3.5.41, two pnpm workspace packages at the same
/// version, tagged v3.5.41 and relhook installed (no .relconfig.toml), then a branch `minor`
/// with a fix committed through the hooks.
fn vue_like_on_minor() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"private\": true,\n  \"version\": \"3.5.41\"\n}\n",
    );
    repo.write("pnpm-workspace.yaml", "packages:\n  - \"packages/*\"\n");
    for name in ["shared", "runtime-core"] {
        repo.write(
            &format!("packages/{name}/package.json"),
            format!("{{\n  \"name\": \"@vue/{name}\",\n  \"version\": \"3.5.41\"\n}}\n"),
        );
    }
    ok(repo.git_output(&["add", "-A"]));
    repo.commit("feat: init");
    repo.git(&["tag", "v3.5.41"]);
    ok(repo.relhook(&["install"]));
    repo.git(&["switch", "-q", "-c", "minor"]);
    repo.commit_hooked("fix(runtime-vapor): align attrs fallthrough");
    repo
}

#[test]
fn a_one_version_private_root_s_refused_tag_is_not_called_never_released() {
    let repo = vue_like_on_minor();
    let out = hand_tag(&repo, &["-a", "v3.6.0-rc.1", "-m", "v3.6.0-rc.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v3.6.0-rc.1"]), "");
    let err = stderr(&out);
    assert!(
        err.contains("relhook: refusing tag v3.6.0-rc.1: releases are made from main"),
        "{err}"
    );
    assert!(!err.contains("never released"), "{err}");
    assert!(!err.contains("as said above"), "{err}");
    assert!(
        err.contains("relhook: to tag anyway: RELHOOK_SKIP=1 git tag -a v3.6.0-rc.1"),
        "{err}"
    );

    // On main the same root's hand tag is a release of the root, as the refusal implied.
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["merge", "-q", "--ff-only", "minor"]);
    let out = hand_tag(&repo, &["-a", "v3.5.42", "-m", "v3.5.42"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.read("package.json")
            .contains("\"version\": \"3.5.42\"")
    );
    assert!(repo.read("CHANGELOG.md").contains("## [3.5.42]"));
}
