//! QA194: doctor's advice for untested release tags of several packages of a monorepo
//! (`[packages.a]`, `[packages.b]`) gave pre-push's fix for the oldest tag "for each", so it
//! named `[packages.a] test` for b's tag too. Each package's tags get that package's own fix;
//! the fetch of CI's records and the requirement's switch are said once.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn each_package_s_untested_tag_is_advised_its_own_test_key() {
    let repo = Repo::new();
    repo.write("p/a/package.json", r#"{"name":"a","version":"1.0.0"}"#);
    repo.write("p/b/package.json", r#"{"name":"b","version":"1.0.0"}"#);
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"p/a\"\n\n[packages.b]\npath = \"p/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    ok(repo.relhook(&["install"]));
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    for p in ["a", "b"] {
        repo.write(&format!("p/{p}/x.js"), "1\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked(&format!("fix({p}): x"));
    }
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    ok(repo.relhook(&["release", "--package", "b", "--no-test"]));
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let fix = said
        .lines()
        .skip_while(|l| !l.contains("untested release tags"))
        .find_map(|l| l.trim().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("{}", text(&out)));
    for p in ["a", "b"] {
        assert!(
            fix.contains(&format!("for {p}-v1.0.0: commit `[packages.{p}] test = "))
                && fix.contains(&format!("`relhook test --tag {p}-v1.0.0`")),
            "{fix}"
        );
    }
    assert_eq!(fix.matches("[packages.a]").count(), 1, "{fix}");
    assert_eq!(fix.matches("fetch CI's records").count(), 1, "{fix}");
    assert_eq!(
        fix.matches("require_tested_tags = false").count(),
        1,
        "{fix}"
    );
}
