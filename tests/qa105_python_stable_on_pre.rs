//! QA105: Python siblings and pre-releases. A stable release of b whose pyproject.toml
//! requires a pre-release of a (`a==1.1.0rc1`, left by `relhook release --package a --pre
//! rc`) went through, where a Cargo or npm one is refused; and a range such as `a>=1.0,<2`
//! was taken to admit a pre-release of a, which PEP 440 admits only to a specifier that names
//! one (pip would go on installing a 1.0.0 for b).

use crate::qa97_python_dependents::A;
use crate::support::{Repo, hand_tag, stderr, text};

/// p/a (released as a-v1.0.0) and p/b (`b_toml`); relhook installed, then a feature of a
/// committed.
fn python(b_toml: &str) -> Repo {
    crate::qa97_python_dependents::python(A, b_toml, &[])
}

fn release(repo: &Repo, args: &[&str]) -> std::process::Output {
    let mut all = vec!["release", "--no-test"];
    all.extend_from_slice(args);
    repo.relhook(&all)
}

/// The line of `out`'s standard error that says the release was refused.
fn refusal(out: &std::process::Output) -> String {
    let err = stderr(out);
    err.lines()
        .find(|l| l.contains("refused"))
        .unwrap_or_else(|| panic!("{}", text(out)))
        .to_owned()
}

#[test]
fn a_stable_release_on_a_python_pre_release_is_refused() {
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"a==1.0.0\"]\n";
    let repo = python(b);
    let out = release(&repo, &["--package", "a", "--pre", "rc"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("p/b/pyproject.toml").contains("\"a==1.1.0rc1\""));
    repo.write("p/b/y.py", "y = 1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(b): y");
    let head = repo.git(&["rev-parse", "HEAD"]);
    let tags = repo.git(&["tag"]);

    let out = release(&repo, &["--package", "b"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let line = refusal(&out);
    assert!(
        line.contains("b 1.0.0 would be a stable release that requires a pre-release of a (`==1.1.0rc1` in p/b/pyproject.toml)"),
        "{line}"
    );
    assert!(
        line.contains("release a as stable first (`relhook release --package a --no-test`)"),
        "{line}"
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag"]), tags);
    assert!(repo.is_clean());

    // A hand tag of the stable version is refused the same way.
    let out = hand_tag(&repo, &["-a", "b-v1.0.0", "-m", "b 1.0.0"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("requires a pre-release of a (`==1.1.0rc1` in p/b/pyproject.toml)"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "-l", "b-v1.0.0"]), "");

    // As the advice says: a stable a moves the pin, and b's stable release goes with it.
    let out = release(&repo, &["--package", "a"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(repo.read("p/b/pyproject.toml").contains("\"a==1.1.0\""));
    let tags = repo.git(&["tag"]);
    assert!(
        tags.contains("a-v1.1.0\n") && tags.contains("b-v1.0.0\n"),
        "{tags}"
    );
}

#[test]
fn a_range_naming_no_pre_release_does_not_admit_one() {
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"a>=1.0,<2\"]\n";
    let repo = python(b);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = release(&repo, &["--package", "a", "--pre", "rc"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let line = refusal(&out);
    assert!(
        line.contains("p/b/pyproject.toml: the requirement `>=1.0,<2` on a (project.dependencies) does not admit 1.1.0rc1"),
        "{line}"
    );
    assert!(line.contains("names none"), "{line}");
    assert!(line.contains("edit it by hand"), "{line}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag"]), "a-v1.0.0");
    assert_eq!(repo.read("p/b/pyproject.toml"), b);
    assert!(repo.is_clean());

    // A stable release of a is admitted as before.
    let out = release(&repo, &["--package", "a"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("p/b/pyproject.toml"), b);
}

#[test]
fn a_range_naming_a_pre_release_admits_the_next_one() {
    let b = "[project]\nname = \"b\"\nversion = \"1.0.0\"\ndependencies = [\"a>=1.0.0rc1,<2\"]\n";
    let repo = python(b);
    let out = release(&repo, &["--package", "a", "--pre", "rc"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.read("p/b/pyproject.toml"), b);
    assert_eq!(repo.git(&["tag"]), "a-v1.0.0\na-v1.1.0-rc.1");
}
