//! QA round 5, monorepo support: relhook's own multi-package release commit passes the
//! `package-scope` and `scopes` rules (B2); `release --all` before any package tag names a
//! package with nothing to release and releases the others (B3); a CI pipeline of a package
//! tag checks the commits since that package's previous tag (B4); a package released only as
//! a dependent is said to be, not "not released" (M1).

use std::process::Output;

use crate::support::{Repo, dated_release, ok, relhook_bin, stderr, stdout, text};

/// The configuration of packages `a` and `b` in `packages/`, then `extra`.
fn config_ab(extra: &str) -> String {
    format!(
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"packages/a\"\n[packages.b]\npath = \"packages/b\"\n{extra}"
    )
}

/// An npm workspace of `packages` (name, directory under `packages/`), each at 1.0.0, with
/// `config` as .relconfig.toml, relhook installed and `init` committed through the hooks.
fn npm_workspace(packages: &[(&str, &str)], config: &str, init: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"version":"0.0.0","workspaces":["packages/*"]}"#,
    );
    for (name, dir) in packages {
        repo.write(
            &format!("packages/{dir}/package.json"),
            format!(r#"{{"name":"{name}","version":"1.0.0"}}"#),
        );
    }
    repo.write(".relconfig.toml", config);
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", init]);
    repo
}

/// Commits a new file in each of `dirs` (under `packages/`) through the hooks.
fn change(repo: &Repo, dirs: &[&str], message: &str) {
    let n = repo.git(&["rev-list", "--count", "HEAD"]);
    for dir in dirs {
        repo.write(&format!("packages/{dir}/change{n}.txt"), "x\n");
    }
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", message]);
    assert!(out.status.success(), "{message}: {}", text(&out));
}

/// B2: the release commit of `release --all` changes both packages; its header is
/// `release.commit_message`'s, so `package-scope` leaves it alone, as `types` and `scopes` do.
#[test]
fn a_multi_package_release_commit_passes_package_scope() {
    let repo = npm_workspace(
        &[("a", "a"), ("b", "b")],
        &config_ab("[commit.rules]\npackage-scope = \"error\"\n"),
        "chore(a, b): init",
    );
    repo.with_origin();
    repo.git(&["push", "-q", "-u", "origin", "main"]);
    change(&repo, &["a"], "fix(a): one");
    change(&repo, &["b"], "fix(b): one");
    ok(dated_release(&repo, &["--all"]));
    assert_eq!(repo.head_subject(), "chore(release): a-v1.0.0, b-v1.0.0");
    let check = repo.relhook(&["check", "HEAD^..HEAD"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    let push = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    assert!(push.status.success(), "{}", text(&push));
    change(&repo, &["a"], "fix(a): two");
    ok(dated_release(&repo, &["--package", "a"]));
    assert_eq!(repo.git(&["tag", "-l", "a-v1.0.1"]), "a-v1.0.1");
    // A commit that only looks like one is still judged: by commit-msg, and by `check`.
    repo.write("packages/a/more.txt", "x\n");
    repo.write("packages/b/more.txt", "x\n");
    repo.git(&["add", "-A"]);
    let look_alike = "chore(release): a-v1.0.1, b-v1.0.1 and more";
    let refused = repo.git_output(&["commit", "-q", "-m", look_alike]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(
        stderr(&refused).contains("package-scope"),
        "{}",
        text(&refused)
    );
    repo.git(&["commit", "-q", "--no-verify", "-m", look_alike]);
    let check = repo.relhook(&["check", "HEAD^..HEAD"]);
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    assert!(stdout(&check).contains("package-scope"), "{}", text(&check));
}

/// B2, with a `scopes` list and scoped npm packages tagged `{name}@{version}`: the release
/// commit `chore(release): @acme/a@1.0.0, @acme/b@1.0.0` is relhook's, whatever `scopes` lists.
#[test]
fn a_release_commit_of_scoped_packages_passes_scopes_and_package_scope() {
    let repo = npm_workspace(
        &[("@acme/a", "a"), ("@acme/b", "b")],
        "[commit]\nscopes = [\"a\", \"b\"]\n[commit.rules]\npackage-scope = \"error\"\n\
         [checks]\nrequire_tested_tags = false\n\
         [packages.\"@acme/a\"]\npath = \"packages/a\"\ntag = \"{name}@{version}\"\nscopes = [\"a\"]\n\
         [packages.\"@acme/b\"]\npath = \"packages/b\"\ntag = \"{name}@{version}\"\nscopes = [\"b\"]\n",
        "chore(a, b): init",
    );
    change(&repo, &["a"], "fix(a): one");
    change(&repo, &["b"], "fix(b): one");
    let start = repo.git(&["rev-parse", "HEAD"]);
    ok(dated_release(&repo, &["--all"]));
    assert_eq!(
        repo.head_subject(),
        "chore(release): @acme/a@1.0.0, @acme/b@1.0.0"
    );
    let check = repo.relhook(&["check", &format!("{start}..HEAD")]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
}

/// B3: before any package tag, `chore: init` touches every package; a package whose first
/// release would have no notes is named and left alone, the others are released, and
/// `version --all --next` agrees.
#[test]
fn release_all_before_any_tag_leaves_a_package_without_entries_alone() {
    let repo = npm_workspace(&[("a", "a"), ("b", "b")], &config_ab(""), "chore: init");
    change(&repo, &["a"], "feat(a): one");
    let next = repo.relhook(&["version", "--all", "--next"]);
    assert_eq!(next.status.code(), Some(0), "{}", text(&next));
    assert_eq!(
        stdout(&next),
        "a 1.0.0 (first release)\nb 1.0.0 (nothing to release)\n",
        "{}",
        text(&next)
    );
    let out = dated_release(&repo, &["--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "a-v1.0.0");
    let err = stderr(&out);
    let about_b: Vec<&str> = err.lines().filter(|l| l.contains("relhook: b ")).collect();
    assert_eq!(about_b.len(), 1, "{err}");
    assert!(
        about_b[0].starts_with("relhook: b is not released: nothing to release"),
        "{err}"
    );
    assert_eq!(repo.head_subject(), "chore(release): a-v1.0.0");
    assert!(repo.is_clean());
}

/// A repository whose first commit is no Conventional Commit, then a package's two releases,
/// tagged by hand: what a CI pipeline of the second tag checks out.
fn package_tagged_twice(name: &str, template: &str, first: &str, second: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        format!("[packages.\"{name}\"]\npath = \"pkg\"\ntag = \"{template}\"\n"),
    );
    repo.write("pkg/f", "0\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "old history, not conventional"]);
    repo.write("pkg/f", "1\n");
    repo.git(&["commit", "-q", "-am", "feat(api): one"]);
    repo.git(&["tag", "-a", first, "-m", first]);
    repo.write("pkg/f", "2\n");
    repo.git(&["commit", "-q", "-am", "fix(api): two"]);
    repo.git(&["tag", "-a", second, "-m", second]);
    repo.git(&["update-ref", "refs/remotes/origin/main", "HEAD"]);
    repo
}

fn check_in_ci(repo: &Repo, env: &[(&str, &str)]) -> Output {
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.arg("check").env("CI", "true");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// B4: the range of a package tag's pipeline is that package's previous tag..HEAD.
#[test]
fn a_package_tag_pipeline_checks_since_the_packages_previous_tag() {
    for (name, template, first, second) in [
        ("api", "{name}-v{version}", "api-v0.1.0", "api-v0.1.1"),
        (
            "@acme/web",
            "{name}@{version}",
            "@acme/web@2.3.0",
            "@acme/web@2.3.1",
        ),
    ] {
        let repo = package_tagged_twice(name, template, first, second);
        let github_ref = format!("refs/tags/{second}");
        let out = check_in_ci(
            &repo,
            &[
                ("GITHUB_ACTIONS", "true"),
                ("GITHUB_EVENT_NAME", "push"),
                ("GITHUB_REF", &github_ref),
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let first_line = stdout(&out).lines().next().unwrap_or("").to_owned();
        assert_eq!(
            first_line,
            format!(
                "relhook: checking {first}..HEAD: GitHub Actions `push` of tag `{second}` (GITHUB_REF), so the commits since the release tag before it, `{first}`"
            )
        );
        let out = check_in_ci(&repo, &[("GITLAB_CI", "true"), ("CI_COMMIT_TAG", second)]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let first_line = stdout(&out).lines().next().unwrap_or("").to_owned();
        assert_eq!(
            first_line,
            format!(
                "relhook: checking {first}..HEAD: GitLab tag pipeline of `{second}` (CI_COMMIT_TAG), so the commits since the release tag before it, `{first}`"
            )
        );
    }
}

/// M1: a package with nothing of its own that `release --all` releases as a dependent is said
/// to be released as one, never "not released".
#[test]
fn a_package_released_as_a_dependent_is_not_called_not_released() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
    );
    for c in ["core", "api"] {
        let deps = if c == "api" {
            "\n[dependencies]\ncore = { path = \"../core\", version = \"0.1.0\" }\n"
        } else {
            ""
        };
        repo.write(
            &format!("crates/{c}/Cargo.toml"),
            format!("[package]\nname = \"{c}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n{deps}"),
        );
        repo.write(&format!("crates/{c}/src/lib.rs"), "pub fn f() {}\n");
    }
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.core]\npath = \"crates/core\"\n[packages.api]\npath = \"crates/api\"\n",
    );
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: init"]);
    ok(dated_release(&repo, &["--all", "--no-test"]));
    repo.write("crates/core/src/lib.rs", "pub fn f() {}\n// x\n");
    repo.git(&["commit", "-q", "-am", "feat(core)!: break"]);
    let out = dated_release(&repo, &["--all", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "api-v0.1.1"]), "api-v0.1.1");
    let err = stderr(&out);
    assert!(!err.contains("api is not released"), "{err}");
    assert!(
        err.lines()
            .any(|l| l.starts_with("relhook: api ") && l.contains("as a dependent of core")),
        "{err}"
    );
}
