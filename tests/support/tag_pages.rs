//! A Python project whose changelog links each release to its tag's page (poetry's
//! `[2.4.1]: …/releases/tag/2.4.1`) and whose tags spell pre-releases as PEP 440 does.

use super::{Repo, ok};

/// A Python project at `1.1.0rc1` whose changelog is `log` (tags `1.0.0`, `1.1.0rc1`) with a GitHub remote and a fix
/// since.
pub fn tag_pages(log: &str) -> Repo {
    let repo = Repo::new();
    repo.git(&["remote", "add", "origin", "https://github.com/o/r.git"]);
    repo.write(
        ".relconfig.toml",
        "[version]\ntag_prefix = \"\"\n[checks]\ntest = [\"true\"]\n",
    );
    repo.write(
        "pyproject.toml",
        "[tool.poetry]\nname = \"demo\"\nversion = \"1.1.0rc1\"\n",
    );
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    for tag in ["1.0.0", "1.1.0rc1"] {
        repo.git(&["tag", "-a", tag, "-m", tag]);
    }
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: a");
    repo
}

/// That every link definition of `log` names tags `repo` has (`HEAD` aside).
pub fn linked_tags_exist(repo: &Repo, log: &str) {
    let tags = repo.git(&["tag"]);
    for line in log
        .lines()
        .filter(|l| l.starts_with('[') && l.contains("]: "))
    {
        let named: Vec<&str> = match (line.split_once("/tag/"), line.split_once("/compare/")) {
            (Some((_, tag)), _) => vec![tag],
            (_, Some((_, range))) => range.split("...").collect(),
            _ => continue,
        };
        for tag in named {
            assert!(
                tag == "HEAD" || tags.lines().any(|t| t == tag),
                "{line}: no tag {tag}\n{log}"
            );
        }
    }
}
