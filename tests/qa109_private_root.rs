//! QA109: a workspace whose private root package.json keeps `"version": "0.0.0"` (a yarn or
//! changesets root, never released), under a release tag of the root from before (`v1.0.0`),
//! and no package set up. Doctor's version-files row (and the release's refusal) advised
//! listing package.json in `[version] files`, which would release the private root and bump
//! its placeholder; the packages are what is released, so the advice is now `relhook init`,
//! whose `[packages.<name>]` tables, committed, clear the row and release a package.

use crate::support::{Repo, ok, stderr, stdout, text};

/// The private root at 0.0.0 with packages a (1.2.0) and b (3.0.0), tagged v1.0.0 before.
fn private_root() -> Repo {
    private_root_with(
        "{\n  \"name\": \"root\",\n  \"version\": \"0.0.0\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n",
        "packages",
    )
}

/// The root's package.json `root_json` with packages a (1.2.0) and b (3.0.0) in `dir`,
/// committed as `feat: init`, tagged v1.0.0, then a `fix: y` committed.
pub(crate) fn private_root_with(root_json: &str, dir: &str) -> Repo {
    let repo = Repo::new();
    repo.write("package.json", root_json);
    for (name, version) in [("a", "1.2.0"), ("b", "3.0.0")] {
        repo.write(
            &format!("{dir}/{name}/package.json"),
            format!("{{\n  \"name\": \"{name}\",\n  \"version\": \"{version}\"\n}}\n"),
        );
    }
    ok(repo.git_output(&["add", "-A"]));
    repo.commit("feat: init");
    repo.git(&["tag", "v1.0.0"]);
    repo.commit("fix: y");
    repo
}

/// Doctor's `fix:` line of the version-files row, if there is one.
fn files_fix(repo: &Repo) -> Option<String> {
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let mut lines = said.lines();
    lines.find(|l| l.contains("version files:"))?;
    let fix = lines.next().unwrap_or_else(|| panic!("{said}"));
    Some(fix.trim_start().strip_prefix("fix: ").unwrap().to_owned())
}

const WRITES: &str = "`relhook init` writes .relconfig.toml with a `[packages.<name>]` table for each package, released under its own tags; commit it";

#[test]
fn init_is_the_advice_and_its_tables_clear_the_row() {
    let repo = private_root();
    let fix = files_fix(&repo).expect("a version-files row");
    assert!(fix.ends_with(WRITES), "{fix}");
    assert!(!fix.contains("[version] files"), "{fix}");
    // The release's refusal says the same.
    let out = repo.relhook(&["release", "--dry-run"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(stderr(&out).contains(WRITES), "{}", text(&out));

    // Pasted, then committed: no row, and a package is released.
    let out = repo.sh("relhook init");
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read(".relconfig.toml").contains("[packages.a]"));
    ok(repo.git_output(&["add", ".relconfig.toml"]));
    ok(repo.git_output(&["commit", "-q", "--no-verify", "-m", "chore: adopt relhook"]));
    assert_eq!(files_fix(&repo), None);
    let out = ok(repo.relhook(&["release", "--package", "a", "--dry-run"]));
    assert!(text(&out).contains("a-v1.2.0"), "{}", text(&out));
}

#[test]
fn with_a_config_already_init_prints_the_tables() {
    let repo = private_root();
    repo.write(".relconfig.toml", "[version]\ntag_prefix = \"v\"\n");
    ok(repo.git_output(&["add", ".relconfig.toml"]));
    repo.commit("chore: settings");
    let fix = files_fix(&repo).expect("a version-files row");
    assert!(
        fix.ends_with("`relhook init` prints a `[packages.<name>]` table for each package, released under its own tags: add them to .relconfig.toml and commit it"),
        "{fix}"
    );
    let out = repo.sh("relhook init");
    assert!(out.status.success(), "{}", text(&out));
    assert!(stdout(&out).contains("[packages.a]"), "{}", text(&out));
}
