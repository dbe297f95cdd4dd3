//! QA48: with no release tag yet, the first release is the version already written unless a
//! breaking change came after the commit that last set it, and "last set" was read as "last
//! touched the file". A `chore: describe` adding a `description` to package.json, or a
//! package's release rewriting the root's requirement on it, then hid a `feat!` made before
//! it: 3.0.0 was released where 4.0.0 was due. The commit that last changed the version's
//! value is the one that set it now, and `version --next --explain` names it.

use crate::support::{Repo, ok, stdout, text, two_packages};

/// Each manifest relhook finds by itself at 3.0.0, and the same with a description added.
const MANIFESTS: [(&str, &str, &str); 3] = [
    (
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"3.0.0\"\n",
        "[package]\nname = \"x\"\nversion = \"3.0.0\"\ndescription = \"d\"\n",
    ),
    (
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"3.0.0\"\n}\n",
        "{\n  \"name\": \"x\",\n  \"version\": \"3.0.0\",\n  \"description\": \"d\"\n}\n",
    ),
    (
        "pyproject.toml",
        "[project]\nname = \"x\"\nversion = \"3.0.0\"\n",
        "[project]\nname = \"x\"\nversion = \"3.0.0\"\ndescription = \"d\"\n",
    ),
];

/// `path` holding `text` committed as `chore: init` (its short id returned), relhook installed
/// with releases that need no test record, then `feat!: new api` through the hooks.
fn broken_after(path: &str, text: &str) -> (Repo, String) {
    let repo = Repo::new();
    repo.write(path, text);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let init = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat!: new api");
    (repo, init)
}

/// Commits `path` as `text` through the hooks with `message`.
fn commit_file(repo: &Repo, path: &str, text: &str, message: &str) {
    repo.write(path, text);
    repo.git(&["add", path]);
    let out = repo.git_output(&["commit", "-q", "-m", message]);
    assert!(out.status.success(), "{}", crate::support::text(&out));
}

fn next(repo: &Repo, args: &[&str]) -> String {
    let out = ok(repo.relhook(&[&["version", "--next"][..], args].concat()));
    stdout(&out).trim().to_owned()
}

#[test]
fn a_commit_that_leaves_the_version_alone_does_not_hide_a_breaking_change() {
    for (path, manifest, described) in MANIFESTS {
        let (repo, init) = broken_after(path, manifest);
        commit_file(&repo, path, described, "chore: describe");
        assert_eq!(next(&repo, &[]), "4.0.0", "{path}");
        let explained = next(&repo, &["--explain"]);
        assert!(
            explained.contains(&format!(
                "made after {init} (chore: init) last set the version in {path}"
            )),
            "{path}: {explained}"
        );
    }
    // And released so.
    let (repo, _) = broken_after(MANIFESTS[1].0, MANIFESTS[1].1);
    commit_file(&repo, MANIFESTS[1].0, MANIFESTS[1].2, "chore: describe");
    ok(crate::support::dated_release(&repo, &["--no-test"]));
    assert_eq!(repo.git(&["tag", "-l"]), "v4.0.0");
}

#[test]
fn the_commit_that_set_the_version_by_hand_is_named_when_nothing_broke_since() {
    let (path, manifest, described) = MANIFESTS[1];
    let (repo, _) = broken_after(path, manifest);
    commit_file(
        &repo,
        path,
        &manifest.replace("3.0.0", "4.0.0"),
        "chore: 4.0.0",
    );
    let set = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    commit_file(
        &repo,
        path,
        &described.replace("3.0.0", "4.0.0"),
        "chore: describe",
    );
    let explained = next(&repo, &["--explain"]);
    assert!(explained.ends_with("4.0.0"), "{explained}");
    assert!(
        explained.contains(&format!(
            "(no breaking change since {set} (chore: 4.0.0) last set the version in {path})"
        )),
        "{explained}"
    );
}

#[test]
fn a_package_release_rewriting_the_root_requirement_does_not_hide_its_breaking_change() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"rootapp\",\n  \"version\": \"3.0.0\",\n  \"workspaces\": [\"packages/*\"],\n  \"dependencies\": {\"@m/lib\": \"^1.0.0\"}\n}\n",
    );
    repo.write(
        "packages/lib/package.json",
        "{\n  \"name\": \"@m/lib\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.\"@m/lib\"]\npath = \"packages/lib\"\ntag = \"@m/lib@{version}\"\n",
    );
    repo.write("src/index.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("src/index.js", "2\n");
    repo.write("packages/lib/x.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat!: new api for app and lib");
    assert_eq!(next(&repo, &[]), "4.0.0");
    ok(crate::support::dated_release(
        &repo,
        &["--package", "@m/lib", "--no-test"],
    ));
    assert!(
        repo.read("package.json").contains("\"@m/lib\": \"^2.0.0\""),
        "{}",
        repo.read("package.json")
    );
    assert_eq!(next(&repo, &[]), "4.0.0");
    let out = ok(crate::support::dated_release(&repo, &["--no-test"]));
    assert!(repo.git(&["tag", "-l", "v*"]) == "v4.0.0", "{}", text(&out));
}

#[test]
fn a_package_s_first_release_is_judged_by_its_version_value_too() {
    let a = "{\n  \"name\": \"a\",\n  \"version\": \"3.0.0\"\n}\n";
    let repo = two_packages(a, "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\"\n}\n");
    let init = repo.git(&["rev-parse", "--short=9", "HEAD"]);
    repo.write("p/a/x.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat!: new api for a");
    let described = a.replace("\n}", ",\n  \"description\": \"d\"\n}");
    commit_file(&repo, "p/a/package.json", &described, "chore: describe a");
    assert_eq!(next(&repo, &["--package", "a"]), "4.0.0");
    let explained = next(&repo, &["--package", "a", "--explain"]);
    assert!(
        explained.contains(&format!(
            "made after {init} (chore: start) last set the version in p/a/package.json"
        )),
        "{explained}"
    );
}
