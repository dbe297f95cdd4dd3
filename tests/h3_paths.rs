//! Configured paths as git names them: a path relhook would hand to git in another spelling
//! (`./CHANGELOG.md`, `CHANGELOG.md/`, `docs//CHANGELOG.md`) is refused at its config line with
//! the spelling to write instead, never left to corrupt the index or panic; tag prefixes that
//! git cannot take; and the changelog's merge-driver line for paths git must quote.

use crate::support::*;

/// A repository whose first commit holds `config` as `.relconfig.toml`, relhook installed
/// (which may refuse the configuration: the output is returned).
fn configured(config: &str) -> (Repo, std::process::Output) {
    let repo = Repo::new();
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    (repo, out)
}

#[test]
fn a_changelog_path_with_a_trailing_slash_is_refused_and_the_index_stays_whole() {
    let (repo, _) = configured("[changelog]\npath = \"CHANGELOG.md/\"\n");
    repo.write("x", "x\n");
    repo.git(&["add", "x"]);
    let out = repo.try_commit("feat: x");
    let err = stderr(&out);
    assert!(
        err.contains(".relconfig.toml:2:8") && err.contains("write `CHANGELOG.md`"),
        "{}",
        text(&out)
    );
    // Whatever the hooks said, the index is one git can write a tree from.
    repo.write("y", "y\n");
    repo.git(&["add", "y"]);
    let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "fix: y"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["ls-files", "CHANGELOG.md/"]), "");
}

#[test]
fn non_normal_paths_are_refused_at_their_line_with_the_path_to_write() {
    for (config, at, write) in [
        (
            "[changelog]\npath = \"./CHANGELOG.md\"\n",
            ":2:8",
            "CHANGELOG.md",
        ),
        (
            "[changelog]\npath = \"docs/./CHANGELOG.md\"\n",
            ":2:8",
            "docs/CHANGELOG.md",
        ),
        (
            "[changelog]\npath = \"docs//CHANGELOG.md\"\n",
            ":2:8",
            "docs/CHANGELOG.md",
        ),
        (
            "[version]\nfiles = [{ path = \"./VERSION\", pattern = \"{version}\" }]\n",
            ":2:",
            "VERSION",
        ),
        ("[packages.api]\npath = \"./api\"\n", ":2:8", "api"),
        (
            "[packages.api]\npath = \"api\"\nchangelog = \"api//CHANGES.md\"\n",
            ":3:13",
            "api/CHANGES.md",
        ),
    ] {
        let repo = Repo::new();
        repo.write(".relconfig.toml", config);
        // doctor reports the file as INVALID (exit 1), a command that needs it refuses (2).
        for (args, code) in [(&["doctor"][..], 1), (&["release", "--dry-run"], 2)] {
            let out = repo.relhook(args);
            let err = text(&out);
            assert_eq!(out.status.code(), Some(code), "{config} {args:?}: {err}");
            assert!(
                err.contains(&format!(".relconfig.toml{at}"))
                    && err.contains(&format!("write `{write}`")),
                "{config} {args:?}: {err}"
            );
        }
    }
}

#[test]
fn a_configured_dot_path_never_panics_a_hand_tag_or_a_release() {
    let (repo, _) = configured("[changelog]\npath = \"./CHANGELOG.md\"\n");
    repo.write("one.txt", "1\n");
    repo.git(&["add", "one.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: one"]));
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert_ne!(out.status.code(), Some(101), "{}", text(&out));
    assert!(!text(&out).contains("panicked"), "{}", text(&out));
    for (args, code) in [(&["release", "--dry-run"][..], 2), (&["doctor"], 1)] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", text(&out));
        assert!(!text(&out).contains("panicked"), "{}", text(&out));
    }
}

#[test]
fn tag_prefixes_git_cannot_take_are_refused() {
    for prefix in [
        "refs/heads/",
        "refs/tags/v",
        "-v",
        "v//",
        "v..",
        "/v",
        "v.lock/",
    ] {
        let repo = Repo::new();
        repo.write(
            ".relconfig.toml",
            format!("[version]\ntag_prefix = \"{prefix}\"\n"),
        );
        let out = repo.relhook(&["release", "--dry-run"]);
        assert_eq!(out.status.code(), Some(2), "{prefix}: {}", text(&out));
        assert!(
            stderr(&out).contains(".relconfig.toml:2:14")
                && stderr(&out).contains("version.tag_prefix"),
            "{prefix}: {}",
            text(&out)
        );
    }
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[version]\ntag_prefix = \"release/v\"\n");
    assert!(!text(&repo.relhook(&["doctor"])).contains("tag_prefix"));
}

#[test]
fn a_version_pattern_that_is_no_regex_says_so() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[version]\nfiles = [{ path = \"VERSION\", pattern = \"(\" }]\n",
    );
    let out = repo.relhook(&["doctor"]);
    let err = text(&out);
    assert!(
        err.contains(".relconfig.toml:2:")
            && err.contains("invalid regular expression")
            && !err.contains("placeholder"),
        "{}",
        text(&out)
    );
}

/// `merge` as git's own attribute lookup gives it for `path`.
fn merge_attribute(repo: &Repo, path: &str) -> String {
    let out = repo.git_output(&["check-attr", "-z", "merge", "--", path]);
    assert!(out.status.success(), "{}", text(&out));
    let fields: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .map(str::to_owned)
        .collect();
    fields.get(2).cloned().unwrap_or_default()
}

#[test]
fn a_changelog_path_with_a_space_gets_an_attribute_line_git_reads() {
    let (repo, out) = configured("[changelog]\npath = \"CHANGE LOG.md\"\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stdout(&out).contains("`\"/CHANGE LOG.md\" merge=relhook-changelog`"),
        "{}",
        text(&out)
    );
    assert_eq!(merge_attribute(&repo, "CHANGE LOG.md"), "relhook-changelog");
    let status = repo.git_output(&["status", "--short"]);
    assert_eq!(stderr(&status), "", "git warns of no line");
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", text(&doctor));
    ok(repo.relhook(&["uninstall"]));
    assert!(!repo.path().join(".git/info/attributes").exists());
}

#[test]
fn paths_git_quotes_or_globs_get_a_line_for_that_file_alone() {
    for (toml, path, not) in [
        ("CHANGE\\tLOG.md", "CHANGE\tLOG.md", "CHANGE LOG.md"),
        ("CHANGE\\\"LOG.md", "CHANGE\"LOG.md", "CHANGELOG.md"),
        ("back\\\\slash.md", "back\\slash.md", "backslash.md"),
        ("Änderungen.md", "Änderungen.md", "Anderungen.md"),
        ("notes[1].md", "notes[1].md", "notes1.md"),
        ("star*.md", "star*.md", "starry.md"),
        ("docs/wh at?.md", "docs/wh at?.md", "docs/wh atX.md"),
    ] {
        let (repo, out) = configured(&format!("[changelog]\npath = \"{toml}\"\n"));
        assert_eq!(out.status.code(), Some(0), "{path}: {}", text(&out));
        assert_eq!(merge_attribute(&repo, path), "relhook-changelog", "{path}");
        assert_eq!(
            merge_attribute(&repo, not),
            "unspecified",
            "{path} vs {not}"
        );
        let status = repo.git_output(&["status", "--short"]);
        assert_eq!(stderr(&status), "", "{path}");
        let doctor = repo.relhook(&["doctor"]);
        assert_eq!(doctor.status.code(), Some(0), "{path}: {}", text(&doctor));
        ok(repo.relhook(&["uninstall"]));
        assert!(!repo.path().join(".git/info/attributes").exists(), "{path}");
    }
}

#[test]
fn the_broken_line_of_an_earlier_install_is_reported_replaced_and_removed() {
    let (repo, out) = configured("[changelog]\npath = \"CHANGE LOG.md\"\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let attrs = repo.path().join(".git/info/attributes");
    let broken = "*.bin binary\n/\"CHANGE LOG.md\" merge=relhook-changelog\n";
    std::fs::write(&attrs, broken).unwrap();
    assert_eq!(merge_attribute(&repo, "CHANGE LOG.md"), "unspecified");
    let doctor = repo.relhook(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    assert!(
        stdout(&doctor).contains("git check-attr") && stdout(&doctor).contains("relhook install"),
        "{}",
        text(&doctor)
    );
    ok(repo.relhook(&["install"]));
    assert_eq!(merge_attribute(&repo, "CHANGE LOG.md"), "relhook-changelog");
    assert_eq!(
        std::fs::read_to_string(&attrs).unwrap(),
        "*.bin binary\n\"/CHANGE LOG.md\" merge=relhook-changelog\n"
    );
    // Uninstall takes out the old line as well as the new one.
    std::fs::write(&attrs, broken).unwrap();
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(std::fs::read_to_string(&attrs).unwrap(), "*.bin binary\n");
}

#[test]
fn install_then_uninstall_leaves_info_attributes_byte_for_byte() {
    for before in [
        None,
        Some(""),
        Some("*.bin binary"),
        Some("*.bin binary\n"),
        Some("*.bin binary\r\n*.txt text"),
        Some("*.bin binary\r\n"),
        Some("\n"),
    ] {
        let repo = Repo::new();
        let attrs = repo.path().join(".git/info/attributes");
        if let Some(b) = before {
            std::fs::create_dir_all(attrs.parent().unwrap()).unwrap();
            std::fs::write(&attrs, b).unwrap();
        }
        ok(repo.relhook(&["install"]));
        assert_eq!(
            merge_attribute(&repo, "CHANGELOG.md"),
            "relhook-changelog",
            "{before:?}"
        );
        if before.is_some_and(|b| b.contains("*.txt")) {
            assert_eq!(merge_attribute(&repo, "a.txt"), "unspecified");
        }
        ok(repo.relhook(&["uninstall"]));
        let after = std::fs::read(&attrs).ok();
        assert_eq!(
            after.as_deref(),
            before.map(str::as_bytes),
            "{before:?} became {:?}",
            after.as_deref().map(String::from_utf8_lossy)
        );
    }
}

/// git names no file with a NUL in it, and git2 panics on one: refused at its line.
#[test]
fn a_path_with_a_nul_is_refused_at_its_line() {
    for config in [
        "[changelog]\npath = \"a\\u0000b.md\"\n",
        "[version]\nfiles = [{ path = \"V\\u0000\", pattern = \"{version}\" }]\n",
        "[packages.api]\npath = \"a\\u0000pi\"\n",
    ] {
        let (repo, _) = configured(config);
        repo.write("x", "x\n");
        repo.git(&["add", "x"]);
        let out = repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: x"]);
        assert!(out.status.success(), "{}", text(&out));
        let out = repo.relhook(&["hook", "post-commit"]);
        assert!(!text(&out).contains("panicked"), "{config}: {}", text(&out));
        for (args, code) in [(&["doctor"][..], 1), (&["release", "--dry-run"], 2)] {
            let out = repo.relhook(args);
            assert_eq!(
                out.status.code(),
                Some(code),
                "{config} {args:?}: {}",
                text(&out)
            );
            assert!(
                text(&out).contains(".relconfig.toml:2:") && text(&out).contains("NUL"),
                "{config} {args:?}: {}",
                text(&out)
            );
        }
    }
}
