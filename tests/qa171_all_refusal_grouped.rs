//! QA171: in changesets' clone, `relhook release --all` with nothing to release spelled out
//! each of its 20 packages' reasons one after the other, 19 of them the same ("none of the 15
//! commits since … touches packages/…"). The refusal now says why the whole command is refused
//! first, then those packages in one line (three named, "and N more"), and each other reason
//! on its own.

use crate::support::{Repo, ok, stderr, text};

const NAMES: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

/// Packages a to f released, then a commit that touches none of a to e, and a `chore:` of f's.
fn untouched_but_one() -> Repo {
    let repo = Repo::new();
    let mut config = "[checks]\nrequire_tested_tags = false\n".to_owned();
    for n in NAMES {
        repo.write(
            &format!("p/{n}/package.json"),
            format!("{{\"name\":\"{n}\",\"version\":\"0.1.0\"}}\n"),
        );
        config.push_str(&format!("[packages.{n}]\npath = \"p/{n}\"\n"));
    }
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    for n in NAMES {
        repo.write(&format!("p/{n}/one.js"), "x\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked(&format!("feat({n}): one"));
    }
    ok(repo.relhook(&["release", "--all", "--no-test"]));
    repo.write("README.md", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: a readme");
    repo.write("p/f/two.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore(f): tidy");
    repo
}

#[test]
fn release_all_says_one_reason_of_many_packages_once() {
    let repo = untouched_but_one();
    let out = repo.relhook(&["release", "--all", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let refused = err
        .lines()
        .find(|l| l.starts_with("relhook: release refused: "))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        refused.starts_with(
            "relhook: release refused: nothing to release in any package: 5 packages have nothing to release, as no commit since their last tag touches their folder: a, b, c and 2 more; "
        ),
        "{err}"
    );
    // f's reason is its own, said once; a to e's not one by one.
    assert!(refused.contains("; f: nothing"), "{err}");
    assert_eq!(refused.matches("nothing to release").count(), 2, "{err}");
    assert!(!refused.contains("p/a"), "{err}");
}
