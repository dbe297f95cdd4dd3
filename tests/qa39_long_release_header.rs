//! QA39 (conventional-changelog, 3 packages: a 122-character header): `relhook release --all`
//! of packages with long names made a release commit whose header was over
//! `commit.header_max_length`; it exited 0, and pre-push then refused the push (blaming
//! `--no-verify`), and every later hand tag too. The header now says how many packages it
//! releases, the tags listed below it, and a release interrupted there is still resumed.

use crate::support::{Repo, ok, stdout, text};

const NAMES: [&str; 3] = [
    "parser-backend-core",
    "parser-frontend-core",
    "parser-runtime-corexx",
];

fn three_crates() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nresolver = \"2\"\nmembers = [\"crates/*\"]\n",
    );
    let mut config = String::from("[checks]\nrequire_tested_tags = false\n");
    for n in NAMES {
        repo.write(
            &format!("crates/{n}/Cargo.toml"),
            format!("[package]\nname = \"{n}\"\nversion = \"1.0.0\"\nedition = \"2021\"\n"),
        );
        repo.write(&format!("crates/{n}/src/lib.rs"), "");
        config += &format!("[packages.{n}]\npath = \"crates/{n}\"\n");
    }
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    ok(repo.relhook(&["install"]));
    for n in NAMES {
        repo.write(&format!("crates/{n}/src/lib.rs"), "pub fn x() {}\n");
    }
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: shared tokenizer bug");
    repo
}

fn tags() -> Vec<String> {
    NAMES.iter().map(|n| format!("{n}-v1.0.0")).collect()
}

#[test]
fn a_release_of_long_named_packages_passes_its_own_lint_and_push() {
    let repo = three_crates();
    let out = ok(repo.relhook(&["release", "--all", "--no-test"]));
    let message = repo.git(&["log", "-1", "--format=%B"]);
    assert_eq!(
        message.trim_end(),
        format!("chore(release): 3 packages\n\n{}", tags().join("\n")),
        "{}",
        text(&out)
    );
    for t in tags() {
        assert!(
            repo.git(&["tag", "--points-at", "HEAD"]).contains(&t),
            "{t}"
        );
    }
    ok(repo.relhook(&["check", "HEAD~1..HEAD"]));
    repo.with_origin();
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn an_interrupted_release_of_long_named_packages_is_resumed() {
    let repo = three_crates();
    repo.relhook_killed_at("release-committed", &["release", "--all", "--no-test"]);
    assert_eq!(repo.head_subject(), "chore(release): 3 packages");
    let out = repo.relhook(&["doctor"]);
    assert!(
        stdout(&out).contains("fix: relhook release --resume"),
        "{}",
        text(&out)
    );
    ok(repo.relhook(&["release", "--resume", "--no-test"]));
    for t in tags() {
        assert!(
            repo.git(&["tag", "--points-at", "HEAD"]).contains(&t),
            "{t}"
        );
    }
}

/// QA39, second round: one package's tag alone can make the header too long (a long name,
/// `header_max_length = 50`), and `N packages` too with a tighter limit: the release is
/// refused before anything is written, as the root's is for its own message.
#[test]
fn a_release_whose_header_would_fail_the_lint_is_refused_before_it_is_made() {
    let repo = three_crates();
    let config = repo.read(".relconfig.toml");
    repo.write(
        ".relconfig.toml",
        format!("[commit]\nheader_max_length = 100\n{config}"),
    );
    repo.git(&["commit", "-qam", "chore: headers"]);
    for (limit, args) in [
        (40, &["release", "--package", NAMES[0], "--no-test"][..]),
        (20, &["release", "--all", "--no-test"][..]),
    ] {
        let config = repo.read(".relconfig.toml");
        let at = config.find("header_max_length = ").unwrap();
        let end = at + config[at..].find('\n').unwrap();
        let config = format!(
            "{}header_max_length = {limit}{}",
            &config[..at],
            &config[end..]
        );
        repo.write(".relconfig.toml", config);
        repo.git(&["commit", "-qam", "chore: headers"]);
        let head = repo.git(&["rev-parse", "HEAD"]);
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(
            crate::support::stderr(&out).contains("which fail the lint (header-max-length"),
            "{}",
            text(&out)
        );
        assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
        assert_eq!(repo.git(&["tag"]), "");
        assert!(repo.is_clean());
    }
}
