//! QA round 5, monorepo support: relhook's own multi-package release commit passes the
//! `package-scope` and `scopes` rules (B2); `release --all` before any package tag names a
//! package with nothing to release and releases the others (B3); a CI pipeline of a package
//! tag checks the commits since that package's previous tag (B4); a package released only as
//! a dependent is said to be, not "not released" (M1).

use std::process::Output;

use crate::support::{Repo, relhook_bin, stdout, text};

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
