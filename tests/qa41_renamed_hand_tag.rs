//! QA41: after `[packages.b]` was renamed `[packages.bee]` (its tags `b-v…` became `bee-v…`),
//! a hand tag in the old form, `b-v1.1.0`, was refused as a slip of the root's `tag_prefix`,
//! with advice to set `tag_prefix = "b-v"`. It is now recognised as the renamed package's old
//! form: refused in one line that names the package, its tags now and the setting that keeps
//! the old names.

use crate::support::{Repo, dated_release, hand_tag, hand_tag_refused, ok, text, two_packages};

/// Two packages, `b` released as `b-v1.0.0`, then a fix of b.
fn released_b() -> Repo {
    let repo = two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    repo.write("p/b/i.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix(b): one"]);
    ok(dated_release(
        &repo,
        &["--package", "b", "--no-test", "1.0.0"],
    ));
    repo
}

fn fix_b(repo: &Repo) {
    repo.write("p/b/i.js", "2\n");
    repo.git(&["commit", "-q", "-am", "fix(b): two"]);
}

#[test]
fn a_renamed_package_s_old_tag_form_is_refused_as_the_package_s() {
    let repo = released_b();
    let config = repo.read(".relconfig.toml");
    repo.write(
        ".relconfig.toml",
        config.replace("[packages.b]", "[packages.bee]"),
    );
    repo.git(&["commit", "-q", "-am", "chore: rename b"]);
    fix_b(&repo);

    let said = hand_tag_refused(&repo, "b-v1.0.1");
    let line = said
        .lines()
        .find(|l| l.starts_with("relhook: refusing tag b-v1.0.1:"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        line.contains("former tag form of package b (`b-v{version}`), which is bee here now")
            && line.contains("`git tag -a bee-v1.0.1 -m bee-v1.0.1`")
            && line.contains("`tag = \"b-v{version}\"` in [packages.bee]"),
        "{said}"
    );
    assert!(!said.contains("tag_prefix"), "{said}");

    // The way it names releases the package.
    let out = hand_tag(&repo, &["-a", "bee-v1.0.1", "-m", "bee-v1.0.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("p/b/CHANGELOG.md").contains("## [1.0.1]"));
}

#[test]
fn a_removed_package_s_tag_form_is_refused_as_the_package_s() {
    let repo = released_b();
    let config = repo.read(".relconfig.toml");
    repo.write(
        ".relconfig.toml",
        config.replace("[packages.b]\npath = \"p/b\"\n", ""),
    );
    repo.git(&["commit", "-q", "-am", "chore: b is no package of its own"]);
    fix_b(&repo);

    let said = hand_tag_refused(&repo, "b-v1.0.1");
    assert!(
        said.contains(
            "b-v1.0.1 is in the tag form of package b, which .relconfig.toml no longer has"
        ) && said.contains("put its [packages.b] table back"),
        "{said}"
    );
    assert!(!said.contains("tag_prefix"), "{said}");
}
