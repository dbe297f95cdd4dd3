//! QA39: variants of a workspace member released under the repository's own tags (`v2.3.0`
//! releasing `packages/cli` at 2.3.0, other members having tags of their own) that `relhook
//! init` still proposed as a package, which doctor then called INVALID right after adoption:
//! a placeholder root version, a uv workspace, several such members, a root with a version
//! of its own, a member bumped since its last tag (which doctor names: the next release must
//! not write it down).

use crate::support::{Repo, ok, stdout, text};

/// Files to write (path, text), then the tags to make on their commit.
type Step<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);

/// `files` written and committed, then each `(commit, tags)` step: `files` written, committed,
/// each tag made there.
fn tagged(steps: &[Step]) -> Repo {
    let repo = Repo::new();
    for (i, (files, tags)) in steps.iter().enumerate() {
        for (path, text) in *files {
            repo.write(path, text);
        }
        repo.git(&["add", "."]);
        repo.git(&["commit", "-qm", &format!("chore: step {i}")]);
        for tag in *tags {
            repo.git(&["tag", "-a", tag, "-m", tag]);
        }
    }
    repo
}

/// Runs init, commits what it wrote, and checks doctor calls nothing INVALID and `relhook
/// version` says `version`; the configuration init wrote.
fn adopted(repo: &Repo, version: &str) -> String {
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    let said = format!("{}\n{config}", text(&out));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: adopt relhook"]);
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("INVALID"), "{}\n{said}", text(&out));
    let out = ok(repo.relhook(&["version"]));
    assert_eq!(stdout(&out).trim(), version, "{}\n{said}", text(&out));
    said
}

fn npm(name: &str, version: &str) -> String {
    format!("{{\"name\":\"{name}\",\"version\":\"{version}\"}}")
}

/// Whether the configuration has a `[packages.<name>]` table.
fn table(config: &str, name: &str) -> bool {
    config.lines().any(|l| l == format!("[packages.{name}]"))
}

/// Whether the configuration's `[version] files` lists `path`.
fn lists(config: &str, path: &str) -> bool {
    let files = config
        .split("\nfiles = [\n")
        .nth(1)
        .and_then(|rest| rest.split("\n]\n").next())
        .unwrap_or("");
    files.contains(&format!("{{ path = \"{path}\""))
}

/// A private root package.json at `0.0.0` (a placeholder) has no version of its own: `v2.3.0`
/// released `packages/cli`.
#[test]
fn a_placeholder_root_version_is_none_of_its_own() {
    let root = r#"{"name":"root","private":true,"version":"0.0.0","workspaces":["packages/*"]}"#;
    let cli = npm("mycli", "2.3.0");
    let lib = npm("mylib", "0.4.0");
    let repo = tagged(&[(
        &[
            ("package.json", root),
            ("packages/cli/package.json", &cli),
            ("packages/lib/package.json", &lib),
        ],
        &["v2.3.0", "mylib-v0.4.0"],
    )]);
    let config = adopted(&repo, "2.3.0");
    assert!(!table(&config, "mycli"), "{config}");
    assert!(table(&config, "mylib"), "{config}");
    assert!(lists(&config, "packages/cli/package.json"), "{config}");
}

/// A uv workspace (the top's pyproject.toml has no `[project]`): `v1.2.0` released
/// `packages/cli`, whose `[project] version` says 1.2.0.
#[test]
fn a_uv_workspace_member_the_tags_release_is_the_roots() {
    let root = "[tool.uv.workspace]\nmembers = [\"packages/*\"]\n";
    let cli = "[project]\nname = \"mycli\"\nversion = \"1.2.0\"\n";
    let lib = "[project]\nname = \"mylib\"\nversion = \"0.4.0\"\n";
    let repo = tagged(&[(
        &[
            ("pyproject.toml", root),
            ("packages/cli/pyproject.toml", cli),
            ("packages/lib/pyproject.toml", lib),
        ],
        &["v1.2.0", "mylib-v0.4.0"],
    )]);
    let config = adopted(&repo, "1.2.0");
    assert!(!table(&config, "mycli"), "{config}");
    assert!(table(&config, "mylib"), "{config}");
    assert!(lists(&config, "packages/cli/pyproject.toml"), "{config}");
}

fn krate(name: &str, version: &str) -> String {
    format!("[package]\nname = \"{name}\"\nversion = \"{version}\"\nedition = \"2021\"\n")
}

/// Two crates at 3.1.0 with no tags of their own, `v3.1.0`, and a third crate with tags of its
/// own: both are the root's, their manifests in `[version] files`.
#[test]
fn several_members_at_the_tagged_version_are_all_the_roots() {
    let top = "[workspace]\nmembers = [\"crates/*\"]\n";
    let (a, b, c) = (
        krate("a", "3.1.0"),
        krate("b", "3.1.0"),
        krate("c", "0.2.0"),
    );
    let repo = tagged(&[(
        &[
            ("Cargo.toml", top),
            ("crates/a/Cargo.toml", &a),
            ("crates/a/src/lib.rs", ""),
            ("crates/b/Cargo.toml", &b),
            ("crates/b/src/lib.rs", ""),
            ("crates/c/Cargo.toml", &c),
            ("crates/c/src/lib.rs", ""),
        ],
        &["v3.1.0", "c-v0.2.0"],
    )]);
    let config = adopted(&repo, "3.1.0");
    assert!(!table(&config, "a") && !table(&config, "b"), "{config}");
    assert!(table(&config, "c"), "{config}");
    assert!(lists(&config, "crates/a/Cargo.toml"), "{config}");
    assert!(lists(&config, "crates/b/Cargo.toml"), "{config}");
    assert!(
        config.contains("a (crates/a), b (crates/b) are not proposed as packages"),
        "{config}"
    );
}

/// A root crate at 1.2.0 of its own and a member crate at 1.2.0 with no tags of its own, both
/// released by `v1.2.0`: the member is released with the root.
#[test]
fn a_member_the_tops_own_tags_released_is_released_with_it() {
    let top = format!(
        "{}\n[workspace]\nmembers = [\"crates/*\"]\n",
        krate("top", "1.2.0")
    );
    let (macros, other) = (krate("macros", "1.2.0"), krate("other", "0.5.0"));
    let repo = tagged(&[(
        &[
            ("Cargo.toml", &top),
            ("src/lib.rs", ""),
            ("crates/macros/Cargo.toml", &macros),
            ("crates/macros/src/lib.rs", ""),
            ("crates/other/Cargo.toml", &other),
            ("crates/other/src/lib.rs", ""),
        ],
        &["v1.2.0", "other-v0.5.0"],
    )]);
    let config = adopted(&repo, "1.2.0");
    assert!(!table(&config, "macros"), "{config}");
    assert!(table(&config, "other"), "{config}");
    assert!(lists(&config, "crates/macros/Cargo.toml"), "{config}");
}

/// The member's manifest bumped since the last tag (2.0.0, `v1.9.0` the last): as stored at
/// the tag's commit, it declared 1.9.0, so the tag released it.
#[test]
fn a_member_bumped_since_the_last_tag_is_still_the_roots() {
    let root = r#"{"name":"root","private":true,"workspaces":["packages/*"]}"#;
    let lib = npm("mylib", "0.4.0");
    let (then, now) = (npm("mycli", "1.9.0"), npm("mycli", "2.0.0"));
    let repo = tagged(&[
        (
            &[
                ("package.json", root),
                ("packages/cli/package.json", &then),
                ("packages/lib/package.json", &lib),
            ],
            &["v1.9.0", "mylib-v0.4.0"],
        ),
        (&[("packages/cli/package.json", &now)], &[]),
    ]);
    let out = ok(repo.relhook(&["init"]));
    let config = format!("{}\n{}", text(&out), repo.read(".relconfig.toml"));
    assert!(
        config.contains(
            "(v1.9.0, the greatest) released the version its package.json declared there"
        ),
        "{config}"
    );
    assert!(!table(&config, "mycli"), "{config}");
    assert!(lists(&config, "packages/cli/package.json"), "{config}");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "chore: adopt relhook"]);
    // The hand bump is ahead of the tags: the next release must not write 2.0.0 down to
    // 1.9.1, and doctor names the release of the version it holds.
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("packages/cli/package.json says 2.0.0")
            && doctor.contains("`relhook release 2.0.0`"),
        "{doctor}"
    );
    let out = ok(repo.relhook(&["version"]));
    assert_eq!(stdout(&out).trim(), "1.9.0", "{}", text(&out));
}

/// Configured as a package anyway, doctor's fix names that package's table and its manifest,
/// not every `[packages.*]` table (mylib's is right).
#[test]
fn doctor_names_the_table_to_take_out_and_its_manifest() {
    let root = r#"{"name":"root","private":true,"version":"0.0.0","workspaces":["packages/*"]}"#;
    let cli = npm("mycli", "2.3.0");
    let lib = npm("mylib", "0.4.0");
    let config =
        "[packages.mycli]\npath = \"packages/cli\"\n\n[packages.mylib]\npath = \"packages/lib\"\n";
    let repo = tagged(&[
        (
            &[
                ("package.json", root),
                ("packages/cli/package.json", &cli),
                ("packages/lib/package.json", &lib),
            ],
            &["v2.3.0", "mylib-v0.4.0"],
        ),
        (&[(".relconfig.toml", config)], &[]),
    ]);
    let out = repo.relhook(&["doctor"]);
    let said = text(&out);
    assert!(
        said.contains("INVALID  package mycli: package mycli has no tag of its own"),
        "{said}"
    );
    assert!(
        said.contains(
            "take [packages.mycli] out of .relconfig.toml and list packages/cli/package.json in `[version] files`"
        ),
        "{said}"
    );
    assert!(!said.contains("[packages.*]"), "{said}");
}
