//! QA48: `relhook release --allow-dirty` beside an uncommitted version in a lock's own entry
//! (Cargo.lock's, uv.lock's) tagged a tree whose lock still said the old version: the lock
//! edit read the work tree's entry, found another version there and made no edit (uv.lock
//! got a note on the work tree's version), so the commit kept HEAD's lock unmoved beside the
//! bumped manifest and `cargo build --locked` failed on the tag. Such a lock is now refused
//! as any change where the release edits, as the version files and package-lock.json are.

use crate::support::{Repo, hand_tag_refused, ok, text, two_packages};

/// Each manifest with its lock, both at `0.1.0`.
const PROJECTS: [(&str, &str, &str, &str); 2] = [
    (
        "Cargo.toml",
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
        "Cargo.lock",
        "version = 4\n\n[[package]]\nname = \"x\"\nversion = \"0.1.0\"\n",
    ),
    (
        "pyproject.toml",
        "[project]\nname = \"x\"\nversion = \"0.1.0\"\n",
        "uv.lock",
        "version = 1\nrequires-python = \">=3.8\"\n\n[[package]]\nname = \"x\"\nversion = \"0.1.0\"\nsource = { editable = \".\" }\n",
    ),
];

/// relhook's hooks, the manifest and its lock released at 0.1.0, then a `fix: b` to release.
fn released((manifest, m_text, lock, l_text): (&str, &str, &str, &str)) -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write(manifest, m_text);
    repo.write(lock, l_text);
    repo.git(&["add", "."]);
    repo.commit_hooked("feat: add x");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked("fix: b");
    repo
}

/// `relhook release --allow-dirty` (and its `--dry-run`) refused for `lock` (saying `said`,
/// by default that it has uncommitted changes), nothing made.
fn refused_for(repo: &Repo, lock: &str, release: &[&str], said: Option<&str>) {
    let uncommitted = format!(
        "{lock} has uncommitted changes where the release edits it; commit them first (`git commit -m \"chore: edit {lock}\" -- :/{lock}`)"
    );
    let said = said.unwrap_or(&uncommitted);
    let dirty = repo.read(lock);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let tags = repo.git(&["tag", "-l"]);
    for dry in [true, false] {
        let mut args = vec!["release", "--allow-dirty", "--no-test"];
        args.extend(release);
        if dry {
            args.push("--dry-run");
        }
        let out = repo.relhook(&args);
        assert_eq!(out.status.code(), Some(1), "{lock}: {}", text(&out));
        assert!(text(&out).contains(said), "{}", text(&out));
    }
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(repo.git(&["tag", "-l"]), tags);
    assert_eq!(repo.read(lock), dirty, "the hand edit is kept");
}

#[test]
fn a_dirty_version_in_a_locks_own_entry_is_refused_not_left_behind() {
    for project in PROJECTS {
        let repo = released(project);
        let lock = project.2;
        let clean = repo.read(lock);
        let dirty = clean.replace("\"0.1.0\"", "\"0.1.1-dev\"");
        repo.write(lock, &dirty);
        if lock == "Cargo.lock" {
            // QA88: an entry at a third version is refused as such, committed or not; done
            // as advised (`cargo update` sets it back), the entry moves with the crate.
            let said = "Cargo.lock: its entry of x says 0.1.1-dev where Cargo.toml says 0.1.0";
            refused_for(&repo, lock, &[], Some(said));
            repo.write(lock, &clean);
            ok(repo.relhook(&["release", "--allow-dirty", "--no-test"]));
            let tagged = repo.git(&["show", "v0.1.1:Cargo.lock"]);
            assert!(tagged.contains("version = \"0.1.1\""), "{tagged}");
        } else {
            refused_for(&repo, lock, &[], None);
            // Done as advised, the release goes ahead and tags what was committed.
            let advised = format!("chore: edit {lock}");
            let colon = format!(":/{lock}");
            ok(repo.git_output(&["commit", "-q", "-m", &advised, "--", &colon]));
            ok(repo.relhook(&["release", "--allow-dirty", "--no-test"]));
        }
        assert_eq!(repo.git(&["tag", "-l"]), "v0.1.0\nv0.1.1");
    }
}

#[test]
fn a_dirty_change_beside_the_locks_entry_is_left_out_and_the_entry_moves() {
    for project in PROJECTS {
        let repo = released(project);
        let (manifest, _, lock, _) = project;
        let extra = "\n[[package]]\nname = \"y\"\nversion = \"2.0.0\"\n";
        let dirty = format!("{}{extra}", repo.read(lock));
        repo.write(lock, &dirty);
        ok(repo.relhook(&["release", "--allow-dirty", "--no-test"]));
        let tagged = repo.git(&["show", &format!("v0.1.1:{lock}")]);
        assert!(
            tagged.contains("name = \"x\"\nversion = \"0.1.1\"") && !tagged.contains("\"y\""),
            "{tagged}"
        );
        let shown = repo.git(&["show", &format!("v0.1.1:{manifest}")]);
        assert!(shown.contains("version = \"0.1.1\""), "{shown}");
        // The work tree keeps the change, with the release's edit made in it.
        assert_eq!(repo.read(lock), dirty.replace("\"0.1.0\"", "\"0.1.1\""));
    }
}

#[test]
fn a_hand_tag_beside_a_dirty_lock_is_refused_as_a_tree_not_clean() {
    let repo = released(PROJECTS[0]);
    let dirty = repo
        .read("Cargo.lock")
        .replace("\"0.1.0\"", "\"0.1.1-dev\"");
    repo.write("Cargo.lock", &dirty);
    let err = hand_tag_refused(&repo, "v0.1.1");
    assert!(
        err.contains("the working tree is not clean (Cargo.lock)"),
        "{err}"
    );
    assert_eq!(repo.read("Cargo.lock"), dirty);
}

#[test]
fn a_package_release_beside_a_dirty_entry_in_npms_root_lock_is_refused() {
    let repo = two_packages(
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    let lock = crate::qa34_npm_lock::LOCK;
    repo.write("package-lock.json", lock);
    repo.write(
        "package.json",
        "{\"name\": \"root\", \"private\": true, \"workspaces\": [\"p/*\"]}\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: workspace root"]);
    repo.write("p/a/i.js", "x\n");
    repo.git(&["add", "-A"]);
    ok(repo.commit_with_hooks("feat(a): i"));
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    repo.write("p/a/j.js", "x\n");
    repo.git(&["add", "-A"]);
    ok(repo.commit_with_hooks("feat(a): j"));
    let entry = "\"p/a\": {\n      \"version\": \"1.0.0\"";
    repo.write(
        "package-lock.json",
        lock.replace(entry, &entry.replace("1.0.0", "1.1.0-dev")),
    );
    refused_for(&repo, "package-lock.json", &["--package", "a"], None);
}
