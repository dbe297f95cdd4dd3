//! QA12, found on real histories: a breaking change on a malformed header (standard-version's
//! `feat(conventional-changelog-standard):` with a `BREAKING CHANGE:` footer) was skipped in
//! silence; floating major tags (`v1`, the GitHub Actions convention) were refused by the hook.

use crate::support::{
    Repo, SKELETON, dated_release, hand_tag, hand_tag_refused, installed_repo, stderr, text,
};

/// A released project (`v1.1.0`, hooks off) with `messages` committed after the tag.
fn released_then(messages: &[&str]) -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    repo.commit("feat: first");
    repo.git(&["tag", "-a", "v1.1.0", "-m", "x"]);
    for m in messages {
        repo.commit(m);
    }
    repo
}

#[test]
fn a_skipped_breaking_change_is_said_and_the_refusal_names_the_rule() {
    let malformed = "feat(standard):\n\nBREAKING CHANGE: the preset is gone";
    let repo = released_then(&[malformed]);
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(!err.contains("maps to a changelog section"), "{err}");
    assert!(
        err.contains("is a Conventional Commit (`feat(standard):`: the description is empty)"),
        "{err}"
    );
    assert!(
        err.contains("BREAKING CHANGE") && err.contains("relhook release 2.0.0"),
        "{err}"
    );

    // With another commit that makes a version, the skipped breaking change is said in one
    // line by `version --next`, `--explain` and `release --dry-run`; it is still not counted.
    repo.commit("fix: a fix");
    repo.commit("feat!:\n\nthe bang, on an empty description");
    for args in [
        &["version", "--next"][..],
        &["version", "--explain"],
        // The bang on an empty description fails the lint: released on purpose.
        &["release", "--dry-run", "--allow-unlinted"],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        let said: Vec<&str> = err
            .lines()
            .filter(|l| l.contains("breaking change") && l.contains("not counted"))
            .collect();
        assert_eq!(said.len(), 2, "{args:?}: {err}");
        assert!(
            said.iter().all(|l| {
                let flag = args
                    .contains(&"--allow-unlinted")
                    .then_some(" --allow-unlinted");
                l.contains(&format!(
                    "relhook release{} 2.0.0",
                    flag.unwrap_or_default()
                ))
            }),
            "{args:?}: {err}"
        );
        assert!(
            said.iter().any(|l| l.contains("`!` before the colon")),
            "{err}"
        );
        assert!(text(&out).contains("1.1.1"), "{args:?}: {}", text(&out));
    }
}

/// `git push origin REFS` with the hooks; the output.
fn push(repo: &Repo, refs: &[&str]) -> std::process::Output {
    let mut args = vec!["push", "-q", "origin"];
    args.extend_from_slice(refs);
    repo.git_output(&args)
}

#[test]
fn a_floating_major_tag_is_refused_naming_the_key_that_allows_it() {
    let repo = installed_repo();
    for name in ["v1", "v1.2"] {
        let err = hand_tag_refused(&repo, name);
        assert!(
            err.contains("floating") && err.contains("`[version] floating_tags = true`"),
            "{err}"
        );
        assert!(err.contains("RELHOOK_SKIP=1"), "{err}");
    }
    // pre-push says the same of one made with the hooks skipped.
    repo.with_origin();
    assert!(push(&repo, &["main"]).status.success());
    let skip = repo.git_skipping_relhook(&["tag", "-a", "v1", "-m", "x"]);
    assert!(skip.status.success(), "{}", text(&skip));
    let out = push(&repo, &["v1"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("floating_tags = true"),
        "{}",
        text(&out)
    );
}

#[test]
fn with_floating_tags_a_major_tag_is_no_release_and_moves_with_each_release() {
    let repo = installed_repo();
    repo.write(
        ".relconfig.toml",
        "[version]\nfloating_tags = true\n\n[checks]\nrequire_tested_tags = false\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: float the major tag");
    repo.with_origin();
    assert!(push(&repo, &["main"]).status.success());
    let out = dated_release(&repo, &["1.0.0"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let head = repo.git(&["rev-parse", "HEAD"]);
    for name in ["v1", "v1.0"] {
        let out = hand_tag(&repo, &["-a", name, "-m", "x"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        assert_eq!(stderr(&out), "", "not a release: nothing said");
    }
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no release commit");
    let out = push(&repo, &["main", "v1.0.0", "v1", "v1.0"]);
    assert!(out.status.success(), "{}", text(&out));

    // The next release moves them: `git tag -f`, then a forced push.
    repo.commit_hooked("fix: a fix");
    let out = dated_release(&repo, &["1.0.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    for name in ["v1", "v1.0"] {
        let out = hand_tag(&repo, &["-f", "-a", name, "-m", "x"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    }
    let out = push(&repo, &["main", "v1.0.1", "+v1", "+v1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["version"]);
    assert_eq!(
        crate::support::stdout(&out).trim(),
        "1.0.1",
        "{}",
        text(&out)
    );
    // Anything else after the prefix is still judged as a release tag.
    let err = hand_tag_refused(&repo, "v1.0.1.2");
    assert!(err.contains("SemVer"), "{err}");
}

#[test]
fn init_tests_with_the_package_manager_package_json_names() {
    for (manager, argv) in [
        ("pnpm@9.1.0", r#"["pnpm", "test"]"#),
        ("yarn@4.0.2", r#"["yarn", "test"]"#),
        ("bun@1.1.0", r#"["bun", "run", "test"]"#),
        ("npm@10.2.0", r#"["npm", "test"]"#),
    ] {
        let repo = Repo::new();
        repo.write(
            "package.json",
            format!(
                r#"{{"name": "x", "packageManager": "{manager}", "scripts": {{"test": "vitest"}}}}"#
            ),
        );
        let out = repo.relhook(&["init"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let config = repo.read(".relconfig.toml");
        assert!(
            config.contains(&format!("\ntest = {argv}\n")),
            "{manager}: {config}"
        );
        assert!(
            text(&out).contains(&format!("`[checks] test = {argv}`")),
            "{}",
            text(&out)
        );
    }
}

#[test]
fn init_says_in_whole_sentences_why_a_one_version_workspace_gets_no_package_tables() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name": "root", "private": true, "version": "3.5.0", "workspaces": ["packages/*"]}"#,
    );
    for p in ["a", "b"] {
        repo.write(
            &format!("packages/{p}/package.json"),
            format!(r#"{{"name": "@v/{p}", "version": "3.5.0"}}"#),
        );
    }
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let config = repo.read(".relconfig.toml");
    let said = "No [packages] tables are proposed: every package of the workspace has the root";
    assert!(config.contains(&format!("\n# {said}\n")), "{config}");
    assert!(!config.contains("\n# every package"), "{config}");
    let console = crate::support::stdout(&out);
    let line: Vec<&str> = console
        .lines()
        .filter(|l| l.contains("root package.json's version"))
        .collect();
    assert_eq!(line.len(), 1, "{console}");
    assert!(
        line[0].starts_with("No [packages] tables are proposed"),
        "{console}"
    );
}
