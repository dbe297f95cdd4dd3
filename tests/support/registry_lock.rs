//! The lock tests' shared steps for a dependent whose lock takes the released sibling a from the
//! registry: the refusal's lines, the repository left as it was, and the way on it advises.

use super::{Repo, ok, text};

/// The lines naming `word` of a refused `release --package a` (a dry run when `dry`), HEAD,
/// the tags and the work tree left as they were.
pub fn refused_lines(repo: &Repo, word: &str, dry: bool) -> Vec<String> {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let tags = repo.git(&["tag", "-l"]);
    let mut args = vec!["release", "--package", "a", "--no-test"];
    if dry {
        args.push("--dry-run");
    }
    let out = repo.relhook(&args);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l"]), tags);
    assert!(repo.is_clean());
    text(&out)
        .lines()
        .filter(|l| l.contains(word))
        .map(str::to_owned)
        .collect()
}

/// The refusal's way on: `[release] bump_dependents = false` committed, then a released alone.
pub fn release_a_alone(repo: &Repo) {
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[release]\nbump_dependents = false\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: release a alone");
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
}
