//! Found by QA on git-cliff (a Cargo workspace): several `[version] files` entries that meet
//! in one file, Cargo.lock or a manifest listed twice.

use crate::support::{Repo, dated_release, hand_tag, ok, stderr, stdout, text};

/// A repository with `files` committed, relhook installed, `v1.0.0` tagged, and one fix on top.
fn released_at_1_0_0(files: &[(&str, &str)], config: &str) -> Repo {
    let repo = Repo::new();
    for (path, contents) in files {
        repo.write(path, contents);
    }
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: x");
    repo
}

fn lock(a: &str, b: &str) -> String {
    format!(
        "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"{a}\"\n\n[[package]]\nname = \"b\"\nversion = \"{b}\"\n"
    )
}

/// Every listed crate's own Cargo.lock entry moves with its Cargo.toml, not only the first's:
/// `cargo build --locked` works on the tagged tree.
#[test]
fn each_listed_crate_moves_its_own_cargo_lock_entry() {
    let krate = |name: &str, v: &str| format!("[package]\nname = \"{name}\"\nversion = \"{v}\"\n");
    let repo = released_at_1_0_0(
        &[
            ("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\n"),
            ("a/Cargo.toml", &krate("a", "1.0.0")),
            ("b/Cargo.toml", &krate("b", "1.0.0")),
            ("Cargo.lock", &lock("1.0.0", "1.0.0")),
        ],
        "[version]\nfiles = [\n  { path = \"a/Cargo.toml\", key = \"package.version\" },\n  { path = \"b/Cargo.toml\", key = \"package.version\" },\n]\n",
    );
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("a/Cargo.toml"), krate("a", "1.0.1"));
    assert_eq!(repo.read("b/Cargo.toml"), krate("b", "1.0.1"));
    assert_eq!(repo.read("Cargo.lock"), lock("1.0.1", "1.0.1"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    // A hand tag does the same.
    repo.commit_hooked("fix: y");
    let out = hand_tag(&repo, &["-a", "v1.0.2", "-m", "v1.0.2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["tag", "-l", "v1.0.2"]),
        "v1.0.2",
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("b/Cargo.toml"), krate("b", "1.0.2"));
    assert_eq!(repo.read("Cargo.lock"), lock("1.0.2", "1.0.2"));
    let tagged = repo.git(&["show", "v1.0.2:Cargo.lock"]);
    assert_eq!(tagged + "\n", lock("1.0.2", "1.0.2"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// Two entries of `[version] files` in one file: its release bumps both, as `--dry-run` shows
/// (with no note that a line would still say the old version), and so does a hand tag.
fn both_entries_of_one_file_are_bumped(
    path: &str,
    contents: &dyn Fn(&str) -> String,
    entries: &str,
) {
    let config = format!("[version]\nfiles = [\n{entries}]\n");
    let repo = released_at_1_0_0(&[(path, &contents("1.0.0"))], &config);
    let out = dated_release(&repo, &["--dry-run", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("would still say"), "{}", text(&out));
    // One diff of the file, with both places in it.
    let diff = stdout(&out);
    assert_eq!(diff.matches(&format!("+++ b/{path}")).count(), 1, "{diff}");
    let (old, new) = (contents("1.0.0"), contents("1.0.1"));
    let section = diff
        .split(&format!("+++ b/{path}"))
        .nth(1)
        .unwrap_or_default();
    let section = section.split("\n--- a/").next().unwrap_or_default();
    for (was, is) in old.lines().zip(new.lines()).filter(|(a, b)| a != b) {
        assert!(section.contains(&format!("\n-{was}\n")), "{diff}");
        assert!(section.contains(&format!("\n+{is}\n")), "{diff}");
    }
    assert_eq!(
        repo.read(path),
        contents("1.0.0"),
        "a dry run writes nothing"
    );
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read(path), contents("1.0.1"));
    assert!(!stderr(&out).contains("still says"), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v1.0.1"]), "v1.0.1");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    // A hand tag does the same, and is kept.
    repo.commit_hooked("fix: y");
    let out = hand_tag(&repo, &["-a", "v1.0.2", "-m", "v1.0.2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["tag", "-l", "v1.0.2"]),
        "v1.0.2",
        "{}",
        text(&out)
    );
    assert_eq!(repo.read(path), contents("1.0.2"));
    assert_eq!(
        repo.git(&["show", &format!("v1.0.2:{path}")]) + "\n",
        contents("1.0.2")
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

#[test]
fn two_toml_keys_of_one_file_are_both_bumped() {
    both_entries_of_one_file_are_bumped(
        "cli/Cargo.toml",
        &|v| {
            format!(
                "[package]\nname = \"cli\"\nversion = \"{v}\"\n\n[dependencies.core]\nversion = \"{v}\"\npath = \"../core\"\n"
            )
        },
        "  { path = \"cli/Cargo.toml\", key = \"package.version\" },\n  { path = \"cli/Cargo.toml\", key = \"dependencies.core.version\" },\n",
    );
}

#[test]
fn two_json_keys_of_one_file_are_both_bumped() {
    both_entries_of_one_file_are_bumped(
        "package.json",
        &|v| {
            format!(
                "{{\n  \"name\": \"cli\",\n  \"version\": \"{v}\",\n  \"dependencies\": {{\n    \"core\": \"{v}\"\n  }}\n}}\n"
            )
        },
        "  { path = \"package.json\", key = \"version\" },\n  { path = \"package.json\", key = \"dependencies.core\" },\n",
    );
}

/// A pattern and a key in one file, whether they find other places or the same one.
#[test]
fn a_pattern_and_a_key_of_one_file_are_both_bumped() {
    both_entries_of_one_file_are_bumped(
        "cli/Cargo.toml",
        &|v| {
            format!(
                "[package]\nname = \"cli\"\nversion = \"{v}\"\n\n[dependencies]\ncore = {{ version = \"{v}\", path = \"../core\" }}\n"
            )
        },
        "  { path = \"cli/Cargo.toml\", key = \"package.version\" },\n  { path = \"cli/Cargo.toml\", pattern = 'core = \\{ version = \"{version}\"' },\n",
    );
    both_entries_of_one_file_are_bumped(
        "pyproject.toml",
        &|v| format!("[project]\nname = \"cli\"\nversion = \"{v}\"\n"),
        "  { path = \"pyproject.toml\", key = \"project.version\" },\n  { path = \"pyproject.toml\", pattern = '(?m)^version = \"{version}\"' },\n",
    );
}
