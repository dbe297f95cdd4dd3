//! QA129: a private workspace root's hand tag (`git tag -a v1.0.1` where the root package.json
//! says `"private": true` and its packages are what is released) was refused, then told "to
//! tag anyway: RELHOOK_SKIP=1 git tag ...": the root is never released, so making its tag past
//! relhook is no way on. That line is gone there; the line after the refusal says the root is
//! private and names each package's own tag form (or, with none set up, to set them up).

use crate::support::{Repo, hand_tag, ok, stderr, text};

const ZERO: &str = "{\n  \"name\": \"root\",\n  \"version\": \"0.0.0\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n";

/// The private root with packages a and b under packages/, tagged v1.0.0, relhook installed
/// and `fix: z` (in package a) committed through the hooks.
fn installed() -> Repo {
    let repo = crate::qa109_private_root::private_root_with(ZERO, "packages");
    ok(repo.relhook(&["install"]));
    repo.write("packages/a/x.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: z");
    repo
}

/// `git tag -a v1.0.1`, refused: its stderr, with no way past relhook in it.
fn refused(repo: &Repo) -> String {
    let out = hand_tag(repo, &["-a", "v1.0.1", "-m", "v1.0.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v1.0.1"]), "");
    let err = stderr(&out);
    assert!(err.contains("relhook: refusing tag v1.0.1: "), "{err}");
    assert!(!err.contains("RELHOOK_SKIP"), "{err}");
    err
}

const PRIVATE: &str = "relhook: the root package.json is private (`\"private\": true`), so the root is never released and its tag is not to be made past relhook either: ";

/// The line of the hand tag's refusal that says the root is private.
fn private_line(repo: &Repo) -> String {
    let err = refused(repo);
    (err.lines())
        .find(|l| l.starts_with(PRIVATE))
        .unwrap_or_else(|| panic!("{err}"))
        .to_owned()
}

#[test]
fn a_private_root_s_tag_is_not_told_the_way_past_relhook() {
    let repo = installed();
    let line = private_line(&repo);
    assert!(
        line.ends_with(
            "set up its packages as said above, then tag a package's release in its own form"
        ),
        "{line}"
    );

    // With the packages set up, their tag forms are named, and a tag in one is a release.
    ok(repo.sh("relhook init"));
    ok(repo.git_output(&["add", ".relconfig.toml"]));
    repo.commit_hooked("chore: adopt relhook");
    let line = private_line(&repo);
    assert!(
        line.ends_with(
            "tag a package's release instead, in its own form: package a: `a-v{version}`, package b: `b-v{version}`"
        ),
        "{line}"
    );
    let out = hand_tag(&repo, &["-a", "a-v1.2.1", "-m", "a-v1.2.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("packages/a/CHANGELOG.md").contains("## [1.2.1]"));
}
