//! QA122: the hand tag of a private workspace root (`git tag -a v1.0.1` where the root
//! package.json says `"private": true` and the packages are what is released) is refused in
//! `prepared` through the check `relhook release` makes, with its advice, and nothing is left
//! half made. Its line ended "then tag again", and the root's tag again, once `relhook init`'s
//! tables were committed, was advised to list package.json in `[version] files`, which
//! releases the private root. The line now says to tag a package's release, and with the
//! tables there the advice is `relhook release --package <name>`, which, pasted, releases it
//! (its first release, at the version its package.json says).

use crate::support::{Repo, hand_tag, ok, stderr, text};

const ZERO: &str = "{\n  \"name\": \"root\",\n  \"version\": \"0.0.0\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n";
const VERSIONLESS: &str =
    "{\n  \"name\": \"root\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n";

/// The private root `json` with packages a (1.2.0) and b (3.0.0) under packages/, tagged
/// v1.0.0, relhook installed and `fix: z` (in package a) committed through the hooks.
fn installed(json: &str) -> Repo {
    let repo = crate::qa109_private_root::private_root_with(json, "packages");
    ok(repo.relhook(&["install"]));
    repo.write("packages/a/x.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: z");
    repo
}

/// `git tag -a v1.0.1` refused: its one `refusing` line, with the tag, the commits and the
/// tree as they were and nothing of the hook left.
fn refused_cleanly(repo: &Repo) -> String {
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = hand_tag(repo, &["-a", "v1.0.1", "-m", "v1.0.1"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("refusing tag")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert_eq!(repo.git(&["tag", "-l", "v1.0.1"]), "");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    for left in ["relhook-hand-tag", "relhook-txn"] {
        assert!(!repo.path().join(".git").join(left).exists(), "{left}");
    }
    lines[0].to_owned()
}

#[test]
fn the_root_s_hand_tag_is_refused_as_its_release_is() {
    for json in [ZERO, VERSIONLESS] {
        let repo = installed(json);
        let out = repo.relhook(&["release", "1.0.1", "--dry-run"]);
        assert!(!out.status.success(), "{}", text(&out));
        let release = stderr(&out);
        let why = release
            .trim_end()
            .strip_prefix("relhook: release refused: ")
            .unwrap_or_else(|| panic!("{release}"));
        assert!(why.contains("`relhook init` writes"), "{why}");
        let line = refused_cleanly(&repo);
        assert!(
            line.starts_with("relhook: refusing tag v1.0.1: ")
                && line.ends_with(&format!(
                    "`relhook release 1.0.1` cannot make it either: {why}; then tag a package's release, not the root's"
                )),
            "{line}\n{release}"
        );
    }
}

#[test]
fn with_the_packages_tables_the_way_on_is_a_package_s_release() {
    let repo = installed(ZERO);
    refused_cleanly(&repo);
    // The way on, pasted: `relhook init`, its file committed.
    ok(repo.sh("relhook init"));
    ok(repo.git_output(&["add", ".relconfig.toml"]));
    repo.commit_hooked("chore: adopt relhook");
    // The root's tag again: a package's release is named, not the root's package.json.
    let line = refused_cleanly(&repo);
    assert!(!line.contains("[version]"), "{line}");
    let fix = "`relhook release --package a` releases package a under its own tags";
    assert!(
        line.contains(fix) && line.ends_with("then tag a package's release, not the root's"),
        "{line}"
    );
    let out = ok(repo.sh("relhook release --package a --no-test"));
    assert!(repo.read("packages/a/CHANGELOG.md").contains("## [1.2.0]"));
    assert_eq!(
        repo.git(&["tag", "-l"]),
        "a-v1.2.0\nv1.0.0",
        "{}",
        text(&out)
    );
    assert!(repo.read("package.json").contains("\"0.0.0\""));
}
