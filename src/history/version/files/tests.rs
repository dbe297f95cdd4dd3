//! Unit tests of the version-file editors.

use super::bump::splice;
use super::*;
use std::fs;

fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    dir
}

fn toml(path: &str, key: &str) -> VersionFile {
    VersionFile {
        path: path.into(),
        locator: Locator::TomlKey(key.into()),
    }
}

fn json(path: &str, key: &str) -> VersionFile {
    VersionFile {
        path: path.into(),
        locator: Locator::JsonKey(key.into()),
    }
}

fn pattern(path: &str, pattern: &str) -> VersionFile {
    VersionFile {
        path: path.into(),
        locator: Locator::Pattern(pattern.into()),
    }
}

/// Reads `old`, plans old → new, checks the result equals `expected`
/// byte for byte, applies it and checks the file on disk.
fn roundtrip(file: &VersionFile, text: &str, old: &str, new: &str, expected: &str) {
    let dir = repo(&[(file.path.to_str().expect("utf8"), text)]);
    assert_eq!(read_version(dir.path(), file).expect("read"), old);
    let edit = plan_bump(dir.path(), file, old, new).expect("plan");
    assert_eq!(
        String::from_utf8(edit.after.clone()).expect("utf8"),
        expected
    );
    assert_eq!(edit.before, text.as_bytes());
    apply(dir.path(), &[edit]).expect("apply");
    assert_eq!(
        fs::read_to_string(dir.path().join(&file.path)).expect("read back"),
        expected
    );
    assert_eq!(read_version(dir.path(), file).expect("reread"), new);
    verify_no_old(dir.path(), std::slice::from_ref(file), old).expect("verify");
}

const CARGO: &str = "# top comment\n[package]\nname = \"relhook\"   # the name\nversion = \"1.2.3\" # bump me\nedition = \"2021\"\n\n[dependencies]\nsemver = { version = \"1.2.3\" }\n";

#[test]
fn cargo_package_version() {
    let want = CARGO.replacen("version = \"1.2.3\" #", "version = \"1.3.0\" #", 1);
    roundtrip(
        &toml("Cargo.toml", "package.version"),
        CARGO,
        "1.2.3",
        "1.3.0",
        &want,
    );
}

#[test]
fn cargo_workspace_root_version() {
    let text = "[workspace]\nmembers = [\"a\"]\n\n[workspace.package]\nversion = '0.4.0-rc.1'\nlicense = \"MIT\"";
    let want = text.replace("0.4.0-rc.1", "0.4.0");
    roundtrip(
        &toml("Cargo.toml", "workspace.package.version"),
        text,
        "0.4.0-rc.1",
        "0.4.0",
        &want,
    );
}

#[test]
fn cargo_dotted_key_version() {
    let text = "package.name = \"x\"\npackage.version = \"2.0.0\"\n";
    let want = text.replace("2.0.0", "2.0.1");
    roundtrip(
        &toml("Cargo.toml", "package.version"),
        text,
        "2.0.0",
        "2.0.1",
        &want,
    );
}

#[test]
fn cargo_member_inheriting_version_is_refused() {
    for text in [
        "[package]\nname = \"a\"\nversion.workspace = true\n",
        "[package]\nversion = { workspace = true }\n",
    ] {
        let dir = repo(&[("a/Cargo.toml", text)]);
        let err = read_version(dir.path(), &toml("a/Cargo.toml", "package.version"))
            .expect_err("inherited");
        assert!(
            matches!(err, VersionFileError::WorkspaceInherited { .. }),
            "{err}"
        );
        assert!(
            err.to_string().contains("workspace.package.version"),
            "{err}"
        );
    }
}

#[test]
fn pyproject_project_and_poetry() {
    let text = "[project]\r\nname = \"x\"\r\nversion = \"0.1.0\"\r\n\r\n[tool.poetry]\r\nversion = \"0.1.0\"  # keep\r\n";
    let first = text.replacen("0.1.0", "0.2.0", 1);
    roundtrip(
        &toml("pyproject.toml", "project.version"),
        text,
        "0.1.0",
        "0.2.0",
        &first,
    );
    let want = "[project]\r\nname = \"x\"\r\nversion = \"0.1.0\"\r\n\r\n[tool.poetry]\r\nversion = \"0.2.0\"  # keep\r\n";
    roundtrip(
        &toml("pyproject.toml", "tool.poetry.version"),
        text,
        "0.1.0",
        "0.2.0",
        want,
    );
}

#[test]
fn toml_refusals() {
    let text = "[package]\nversion = 3\nname = \"\"\"multi\"\"\"\nesc = \"1.2\\u002e3\"\n";
    let dir = repo(&[("Cargo.toml", text), ("bad.toml", "[package\n")]);
    let read = |f: VersionFile| read_version(dir.path(), &f).expect_err("refused");
    assert!(matches!(
        read(toml("Cargo.toml", "package.version")),
        VersionFileError::NotAString { .. }
    ));
    assert!(matches!(
        read(toml("Cargo.toml", "package.missing")),
        VersionFileError::KeyMissing { .. }
    ));
    assert!(matches!(
        read(toml("Cargo.toml", "package.version.x")),
        VersionFileError::KeyMissing { .. }
    ));
    assert!(matches!(
        read(toml("Cargo.toml", "package")),
        VersionFileError::NotAString { .. }
    ));
    assert!(matches!(
        read(toml("Cargo.toml", "package.name")),
        VersionFileError::Unrewritable { .. }
    ));
    assert!(matches!(
        read(toml("Cargo.toml", "package.esc")),
        VersionFileError::Unrewritable { .. }
    ));
    assert!(matches!(
        read(toml("bad.toml", "package.version")),
        VersionFileError::Parse { .. }
    ));
    let msg = read(toml("Cargo.toml", "package.missing")).to_string();
    assert!(
        msg.contains("Cargo.toml") && msg.contains("package.missing"),
        "{msg}"
    );
}

#[test]
fn package_json_top_level() {
    let text = "{\n  \"name\": \"x\",\n  \"scripts\": {\"version\": \"echo 9.9.9\"},\n  \"version\": \"1.0.0\",\n  \"deps\": [{\"version\": \"1.0.0\"}]\n}";
    let want = text.replace("\"version\": \"1.0.0\",", "\"version\": \"1.1.0\",");
    roundtrip(
        &json("package.json", "version"),
        text,
        "1.0.0",
        "1.1.0",
        &want,
    );
}

#[test]
fn json_nested_with_escapes() {
    let text = "\u{feff}{ \"a\\\"b\": \"x\\\\\\\"\\u00e9\\ud83d\\ude00\", \"meta\" :{\"tag\":[1,-2.5e3,true,null,{}],\"ver\\u0073ion\"\t:\r\n\"3.0.0-beta.1+exp\"}}";
    let want = text.replace("3.0.0-beta.1+exp", "3.0.0");
    roundtrip(
        &json("sub/app.json", "meta.version"),
        text,
        "3.0.0-beta.1+exp",
        "3.0.0",
        &want,
    );
}

#[test]
fn json_refusals() {
    let dir = repo(&[
        ("a.json", "{\"version\": 1}"),
        ("b.json", "{\"version\": \"1.0.0\", \"version\": \"1.0.0\"}"),
        ("c.json", "{\"version\": \"1.0.\\u0030\"}"),
        ("d.json", "{\"version\": \"1.0.0\"} x"),
        ("e.json", "{\"version\": \"1.0.0\""),
        ("f.json", "{\"other\": {\"version\": \"1.0.0\"}}"),
        ("g.json", "[{\"version\": \"1.0.0\"}]"),
    ]);
    let read = |p: &str| read_version(dir.path(), &json(p, "version")).expect_err(p);
    assert!(matches!(
        read("a.json"),
        VersionFileError::NotAString { .. }
    ));
    assert!(matches!(
        read("b.json"),
        VersionFileError::DuplicateKey { .. }
    ));
    assert!(matches!(
        read("c.json"),
        VersionFileError::Unrewritable { .. }
    ));
    assert!(matches!(read("d.json"), VersionFileError::Parse { .. }));
    assert!(matches!(read("e.json"), VersionFileError::Parse { .. }));
    assert!(matches!(
        read("f.json"),
        VersionFileError::KeyMissing { .. }
    ));
    assert!(matches!(
        read("g.json"),
        VersionFileError::KeyMissing { .. }
    ));
}

#[test]
fn json_scanner_never_panics_on_garbage() {
    let deep = "[".repeat(100_000);
    let inputs = [
        "",
        "{",
        "\"",
        "\"\\u12",
        "\"\\ud800\\u",
        "{\"version\":",
        "-",
        "tru",
        "{\"a\" 1}",
        "\u{1}",
        &deep,
    ];
    for text in inputs {
        assert!(
            json_span(
                Path::new("x.json"),
                text,
                "version",
                &Locator::JsonKey("version".into())
            )
            .is_err(),
            "{text:?}"
        );
    }
}

#[test]
fn python_init_pattern() {
    let text = "\"\"\"Package.\"\"\"\n__version__ = \"0.9.1\"\n";
    let want = text.replace("0.9.1", "1.0.0");
    roundtrip(
        &pattern("pkg/__init__.py", r#"__version__ = "{version}""#),
        text,
        "0.9.1",
        "1.0.0",
        &want,
    );
}

#[test]
fn dockerfile_label_pattern() {
    let text = "FROM alpine:3.19\r\nLABEL version=\"1.2.3\"\r\nRUN echo 1.2.3";
    let want = "FROM alpine:3.19\r\nLABEL version=\"2.0.0\"\r\nRUN echo 1.2.3";
    roundtrip(
        &pattern("Dockerfile", r#"LABEL version="{version}""#),
        text,
        "1.2.3",
        "2.0.0",
        want,
    );
}

#[test]
fn kubernetes_label_pattern_replaces_every_match() {
    let text = "metadata:\n  labels:\n    app.kubernetes.io/version: \"1.4.0\"\nspec:\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/version: \"1.4.0\"\n";
    let want = text.replace("1.4.0", "1.5.0-rc.1");
    let file = pattern(
        "deploy/app.yaml",
        r#"app\.kubernetes\.io/version: "{version}""#,
    );
    roundtrip(&file, text, "1.4.0", "1.5.0-rc.1", &want);
}

#[test]
fn pattern_with_user_groups_and_two_placeholders() {
    let text = "range(1.0.0, 1.0.0) (x)";
    let want = "range(1.0.1, 1.0.1) (x)";
    roundtrip(
        &pattern("v.txt", r"(range)\({version}, {version}\)"),
        text,
        "1.0.0",
        "1.0.1",
        want,
    );
}

#[test]
fn pattern_refusals() {
    let dir = repo(&[("v.txt", "a = 1.0.0\na = 1.0.1\n")]);
    let read = |p: &str| read_version(dir.path(), &pattern("v.txt", p)).expect_err(p);
    assert!(matches!(read("a = 1"), VersionFileError::BadPattern { .. }));
    assert!(matches!(
        read("(a = {version}"),
        VersionFileError::BadPattern { .. }
    ));
    assert!(matches!(
        read("b = {version}"),
        VersionFileError::NoMatch { .. }
    ));
    let err = read("a = {version}");
    assert!(
        matches!(&err, VersionFileError::Inconsistent { versions, .. } if versions == &["1.0.0", "1.0.1"])
    );
}

#[test]
fn plan_refuses_wrong_old_and_bad_new() {
    let dir = repo(&[("Cargo.toml", CARGO)]);
    let file = toml("Cargo.toml", "package.version");
    let err = plan_bump(dir.path(), &file, "1.2.2", "1.3.0").expect_err("mismatch");
    assert!(matches!(&err, VersionFileError::Mismatch { found, .. } if found == "1.2.3"));
    let err = plan_bump(dir.path(), &file, "1.2.3", "1.3.0\"x").expect_err("bad new");
    assert!(matches!(err, VersionFileError::BadNewVersion { .. }));
}

#[test]
fn entries_of_one_file_make_one_edit() {
    let dir = repo(&[("Cargo.toml", CARGO)]);
    let path = Path::new("Cargo.toml");
    let key = Locator::TomlKey("package.version".into());
    let dep = Locator::TomlKey("dependencies.semver.version".into());
    // The same place found twice (a key and a pattern): spliced once.
    let same = Locator::Pattern("(?m)^version = \"{version}\"".into());
    let entries = [(&key, "1.2.3"), (&dep, "1.2.3"), (&same, "1.2.3")];
    let edit = plan_bumps(dir.path(), path, &entries, "1.3.0").expect("plan");
    assert_eq!(edit.before, CARGO.as_bytes());
    assert_eq!(
        String::from_utf8(edit.after).expect("utf8"),
        CARGO.replace("1.2.3", "1.3.0")
    );
    // Each entry must hold its own version.
    let err = plan_bumps(
        dir.path(),
        path,
        &[(&key, "1.2.3"), (&dep, "1.2.2")],
        "1.3.0",
    )
    .expect_err("mismatch");
    assert!(matches!(&err, VersionFileError::Mismatch { locator, .. } if *locator == dep));
    // Places that overlap without being one: which to write is unclear, refused.
    let dir = repo(&[("V", "v1.2.3-rc.1\n")]);
    let whole = Locator::Pattern("v{version}\n".into());
    let part = Locator::Pattern("v{version}-rc".into());
    let err = plan_bumps(
        dir.path(),
        Path::new("V"),
        &[(&whole, "1.2.3-rc.1"), (&part, "1.2.3")],
        "1.3.0",
    )
    .expect_err("overlap");
    assert!(matches!(&err, VersionFileError::Inconsistent { versions, .. } if versions.len() == 2));
}

#[test]
fn missing_and_non_utf8_files() {
    let dir = repo(&[]);
    fs::write(dir.path().join("bin.toml"), b"version = \"1.0.0\xff\"").expect("write");
    let err = read_version(dir.path(), &toml("nope.toml", "version")).expect_err("missing");
    assert!(matches!(err, VersionFileError::Missing { .. }));
    let err = read_version(dir.path(), &toml("bin.toml", "version")).expect_err("binary");
    assert!(matches!(err, VersionFileError::NotUtf8 { .. }));
}

#[test]
fn verify_no_old_catches_a_forgotten_file() {
    let dir = repo(&[
        ("a.json", "{\"version\": \"2.0.0\"}"),
        ("b.py", "__version__ = '1.0.0'"),
    ]);
    let files = [
        json("a.json", "version"),
        pattern("b.py", "__version__ = '{version}'"),
    ];
    let err = verify_no_old(dir.path(), &files, "1.0.0").expect_err("b still old");
    assert!(matches!(&err, VersionFileError::StillOld { path, .. } if path == Path::new("b.py")));
    verify_no_old(dir.path(), &files[..1], "1.0.0").expect("a bumped");
}

#[test]
fn no_trailing_newline_kept() {
    let text = "{\"version\":\"1.0.0\"}";
    roundtrip(
        &json("p.json", "version"),
        text,
        "1.0.0",
        "1.0.1",
        "{\"version\":\"1.0.1\"}",
    );
}

fn two_edits(dir: &Path) -> Vec<Edit> {
    let a = plan_bump(dir, &json("a.json", "version"), "1.0.0", "1.1.0").expect("a");
    let b = plan_bump(dir, &json("b.json", "version"), "1.0.0", "1.1.0").expect("b");
    vec![a, b]
}

#[test]
fn apply_rolls_back_when_a_later_write_fails() {
    let dir = repo(&[
        ("a.json", "{\"version\": \"1.0.0\"}"),
        ("b.json", "{\"version\": \"1.0.0\"}"),
    ]);
    let edits = two_edits(dir.path());
    let mut calls = 0;
    let failing = |target: &Path, bytes: &[u8]| {
        calls += 1;
        if target.ends_with("b.json") {
            return Err(io::Error::other("disk full"));
        }
        write_atomic(target, bytes)
    };
    let err = apply_with(dir.path(), &edits, failing).expect_err("b fails");
    assert!(
        matches!(&err, VersionFileError::Write { path, unrestored, .. } if path == Path::new("b.json") && unrestored.is_empty())
    );
    assert_eq!(calls, 3, "write a, fail b, restore a");
    assert_eq!(
        fs::read(dir.path().join("a.json")).expect("a"),
        edits[0].before
    );
}

#[test]
fn apply_writes_nothing_when_a_target_became_a_directory_or_changed() {
    let dir = repo(&[
        ("a.json", "{\"version\": \"1.0.0\"}"),
        ("b.json", "{\"version\": \"1.0.0\"}"),
    ]);
    let edits = two_edits(dir.path());
    fs::remove_file(dir.path().join("b.json")).expect("rm");
    fs::create_dir(dir.path().join("b.json")).expect("mkdir");
    assert!(matches!(
        apply(dir.path(), &edits),
        Err(VersionFileError::Read { .. })
    ));
    assert_eq!(
        fs::read(dir.path().join("a.json")).expect("a"),
        edits[0].before
    );
    fs::remove_dir(dir.path().join("b.json")).expect("rmdir");
    fs::write(dir.path().join("b.json"), "{\"version\": \"1.0.5\"}").expect("rewrite");
    assert!(matches!(
        apply(dir.path(), &edits),
        Err(VersionFileError::Stale { .. })
    ));
    assert_eq!(
        fs::read(dir.path().join("a.json")).expect("a"),
        edits[0].before
    );
}

#[cfg(unix)]
#[test]
fn apply_keeps_permissions_and_symlinks() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = repo(&[("real/a.json", "{\"version\": \"1.0.0\"}")]);
    let real = dir.path().join("real/a.json");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o754)).expect("chmod");
    symlink("real/a.json", dir.path().join("link.json")).expect("symlink");
    let edit =
        plan_bump(dir.path(), &json("link.json", "version"), "1.0.0", "1.0.1").expect("plan");
    apply(dir.path(), &[edit]).expect("apply");
    assert!(
        fs::symlink_metadata(dir.path().join("link.json"))
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&real).expect("read"),
        "{\"version\": \"1.0.1\"}"
    );
    assert_eq!(
        fs::metadata(&real).expect("meta").permissions().mode() & 0o777,
        0o754
    );
}

#[test]
fn safe_join_accepts_inner_paths() {
    let dir = repo(&[("a/b.toml", "")]);
    let root = dir.path().canonicalize().expect("root");
    assert_eq!(
        safe_join(dir.path(), Path::new("a/./b.toml")).expect("ok"),
        root.join("a/b.toml")
    );
    assert_eq!(
        safe_join(dir.path(), Path::new("a/../a/b.toml")).expect("ok"),
        root.join("a/b.toml")
    );
    assert_eq!(
        safe_join(dir.path(), Path::new("new/x.json")).expect("ok"),
        root.join("new/x.json")
    );
}

#[test]
fn safe_join_refusals() {
    let dir = repo(&[("a/b.toml", "")]);
    for rel in ["/etc/passwd", "../x", "a/../../x", "", "."] {
        let err = safe_join(dir.path(), Path::new(rel)).expect_err(rel);
        assert!(matches!(err, VersionFileError::UnsafePath { .. }), "{rel}");
    }
    let err =
        read_version(dir.path(), &toml("../Cargo.toml", "package.version")).expect_err("escape");
    assert!(matches!(err, VersionFileError::UnsafePath { .. }));
}

#[cfg(unix)]
#[test]
fn safe_join_refuses_symlinks_leaving_the_root() {
    let outside = repo(&[("secret.toml", "version = \"1.0.0\"")]);
    let dir = repo(&[]);
    std::os::unix::fs::symlink(
        outside.path().join("secret.toml"),
        dir.path().join("v.toml"),
    )
    .expect("link");
    std::os::unix::fs::symlink(outside.path(), dir.path().join("out")).expect("dir link");
    for rel in ["v.toml", "out/secret.toml", "out/new.toml"] {
        let err = safe_join(dir.path(), Path::new(rel)).expect_err(rel);
        assert!(matches!(err, VersionFileError::UnsafePath { .. }), "{rel}");
    }
}

proptest::proptest! {
    #[test]
    fn locators_never_panic(text in "\\PC{0,64}|[{}\\[\\]\":,\\\\u0-9a-f .\\n=]{0,64}") {
        let p = Path::new("f");
        for loc in [
            Locator::JsonKey("a.version".into()),
            Locator::TomlKey("package.version".into()),
            Locator::Pattern("v={version}".into()),
        ] {
            if let Ok(spans) = locate(p, &text, &loc) {
                let _ = agreed_version(p, &loc, &text, &spans);
                let _ = splice(&text, &spans, "9.9.9");
            }
        }
    }

    #[test]
    fn json_bump_changes_only_the_value(
        pad in proptest::collection::vec("[ \\t\\r\\n]{0,3}", 6),
        other in "[a-z\\\\\"]{0,6}",
    ) {
        let other = other.replace('\\', "\\\\").replace('"', "\\\"");
        let text = format!("{}{{{}\"k\":\"{other}\",{}\"version\"{}:{}\"1.0.0\"{}}}", pad[0], pad[1], pad[2], pad[3], pad[4], pad[5]);
        let loc = Locator::JsonKey("version".into());
        let spans = locate(Path::new("f"), &text, &loc).expect("valid json");
        proptest::prop_assert_eq!(splice(&text, &spans, "2.0.0"), text.replace("1.0.0", "2.0.0"));
    }
}

proptest::proptest! {
    /// The hand-written check accepts exactly what the pattern's `{version}` regex matches.
    #[test]
    fn version_text_is_the_regex(s in "[0-9.+a-zA-Z-]{0,12}|[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}[-+.a-z0-9]{0,8}") {
        let re = regex::Regex::new(&format!("^(?:{SEMVER_RE})$")).unwrap();
        proptest::prop_assert_eq!(is_version_text(&s), re.is_match(&s), "{}", s);
    }
}

#[test]
fn version_text_examples() {
    for ok in [
        "1.2.3",
        "0.0.0",
        "10.20.30-rc.1",
        "1.2.3-a-b+b.7",
        "1.2.3+build",
        "01.2.3",
    ] {
        assert!(is_version_text(ok), "{ok}");
    }
    for bad in [
        "",
        "1.2",
        "1.2.3.4",
        "1.2.3-",
        "1.2.3+",
        "1.2.3-a+b+c",
        "v1.2.3",
        "1..2.3",
        "1.2.3 ",
    ] {
        assert!(!is_version_text(bad), "{bad}");
    }
}

/// lerna's fixed mode keeps the workspace's version in lerna.json: a version file, unless it
/// says `"independent"`.
#[test]
fn lerna_json_is_a_version_file_in_fixed_mode() {
    let tmp = tempfile::tempdir().unwrap();
    let r = tmp.path();
    std::fs::write(r.join("package.json"), r#"{"private": true}"#).unwrap();
    std::fs::write(r.join("lerna.json"), r#"{"version": "2.1.0"}"#).unwrap();
    let found = detect::detect(r);
    assert!(
        found.iter().any(|f| f.path == Path::new("lerna.json")),
        "{found:?}"
    );
    std::fs::write(r.join("lerna.json"), r#"{"version": "independent"}"#).unwrap();
    assert!(
        !detect::detect(r)
            .iter()
            .any(|f| f.path == Path::new("lerna.json"))
    );
}
