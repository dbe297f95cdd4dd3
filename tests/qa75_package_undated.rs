//! QA75: a changesets monorepo heads each package's releases `## 3.0.1`, with no date, and
//! tags them `@changesets/cli@3.0.1`. The first commit after adopting relhook warned that
//! `CHANGELOG.md:9` (the root's name, for the package's file) had no date and `v3.0.1` was no
//! tag (the root's prefix: the package's tag was there), and told `relhook release 3.0.1`,
//! which releases the root. A package's changelog is now judged by its own tags and named
//! with its path and `--package`.

use crate::support::{Repo, ok, stderr, text};

fn package_with_an_undated_newest(tagged: bool) -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[packages.\"@x/cli\"]\npath = \"pkgs/cli\"\ntag = \"@x/cli@{version}\"\n",
    );
    repo.write(
        "pkgs/cli/package.json",
        "{\"name\": \"@x/cli\", \"version\": \"3.0.1\"}\n",
    );
    repo.write(
        "pkgs/cli/CHANGELOG.md",
        "# @x/cli\n\n## 3.0.1\n\n### Patch Changes\n\n- a fix\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    if tagged {
        repo.git_skipping_relhook(&["tag", "-a", "@x/cli@3.0.1", "-m", "@x/cli@3.0.1"]);
    }
    ok(repo.relhook(&["install"]));
    repo.write("pkgs/cli/index.js", "// new\n");
    repo.git(&["add", "-A"]);
    repo
}

#[test]
fn a_package_changelog_whose_newest_version_has_its_tag_is_not_said_untagged() {
    let repo = package_with_an_undated_newest(true);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(cli): a flag"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("no date"), "{}", text(&out));
    assert!(
        repo.read("pkgs/cli/CHANGELOG.md")
            .contains("- **cli:** a flag")
    );
}

#[test]
fn a_package_changelog_untagged_newest_is_named_with_its_path_tag_and_package() {
    let repo = package_with_an_undated_newest(false);
    let out = repo.git_output(&["commit", "-q", "-m", "feat(cli): a flag"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "relhook: warning: pkgs/cli/CHANGELOG.md:9 `## 3.0.1` has no date and @x/cli@3.0.1 is no tag"
        ),
        "{}",
        text(&out)
    );
    assert!(
        err.contains("then `relhook release --package @x/cli 3.0.1` releases them as 3.0.1"),
        "{}",
        text(&out)
    );
}
