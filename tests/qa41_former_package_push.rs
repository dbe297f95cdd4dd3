//! QA41: a package taken out of .relconfig.toml, or whose folder was deleted, left its release
//! tag `b-v1.0.0` for pre-push to pass without a word: neither judged as a release nor said
//! to be left unjudged. Now one line says what pre-push did with it, and why.

use crate::support::{Repo, dated_release, ok, stderr, text, two_packages};

/// Two packages, `b` released as `b-v1.0.0` (not pushed), `main` pushed to origin.
fn released_b() -> Repo {
    let repo = two_packages(
        r#"{"name":"a","version":"1.0.0"}"#,
        r#"{"name":"b","version":"1.0.0"}"#,
    );
    repo.with_origin();
    repo.write("p/b/i.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix(b): one"]);
    ok(dated_release(
        &repo,
        &["--package", "b", "--no-test", "1.0.0"],
    ));
    assert_eq!(repo.git(&["tag", "-l", "b-v*"]), "b-v1.0.0");
    repo
}

/// The one line pre-push said about `b-v1.0.0`.
fn said_about_the_tag(repo: &Repo) -> String {
    let out = ok(repo.git_output(&["push", "-q", "origin", "main", "b-v1.0.0"]));
    let said = stderr(&out);
    let lines: Vec<&str> = said.lines().filter(|l| l.contains("b-v1.0.0")).collect();
    assert_eq!(lines.len(), 1, "{}", text(&out));
    lines[0].to_owned()
}

#[test]
fn a_package_taken_out_of_the_configuration_has_its_tag_said_unchecked() {
    let repo = released_b();
    let config = repo.read(".relconfig.toml");
    repo.write(
        ".relconfig.toml",
        config.replace("[packages.b]\npath = \"p/b\"\n", ""),
    );
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-am",
        "chore: b is not released alone",
    ]);
    let line = said_about_the_tag(&repo);
    assert!(
        line.starts_with("relhook: note: b-v1.0.0 is not checked:")
            && line.contains("package b")
            && line.contains("[packages.b]"),
        "{line}"
    );
}

#[test]
fn a_package_whose_folder_is_gone_has_its_tag_said_unchecked() {
    let repo = released_b();
    repo.git(&["rm", "-rq", "p/b"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: drop b"]);
    let line = said_about_the_tag(&repo);
    assert!(
        line.starts_with("relhook: note: b-v1.0.0 is not checked:")
            && line.contains("does not exist"),
        "{line}"
    );
}

#[test]
fn a_renamed_package_s_old_tag_is_said_unchecked_with_the_setting_that_keeps_it() {
    let repo = released_b();
    let config = repo.read(".relconfig.toml");
    repo.write(
        ".relconfig.toml",
        config.replace("[packages.b]", "[packages.bee]"),
    );
    repo.git(&["commit", "-q", "--no-verify", "-am", "chore: rename b"]);
    let line = said_about_the_tag(&repo);
    assert!(
        line.starts_with("relhook: note: b-v1.0.0 is not checked:")
            && line.contains("bee's release tags are named `bee-v{version}` here now")
            && line.contains("`tag = \"b-v{version}\"` in [packages.bee]"),
        "{line}"
    );
}
