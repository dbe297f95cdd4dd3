//! Configuration: defaults, every table, and errors located by line and column.

use super::*;
use crate::history::version::files::Locator;

fn parse(text: &str) -> Result<Config> {
    Config::parse(Path::new(".relconfig.toml"), text)
}

fn config_err(text: &str) -> (usize, usize, String) {
    match parse(text) {
        Err(Error::Config {
            line,
            column,
            message,
            ..
        }) => (line, column, message),
        other => panic!("expected a config error, got {other:?}"),
    }
}

#[test]
fn empty_file_gives_defaults() {
    let c = parse("").unwrap();
    assert_eq!(c.commit.types.len(), DEFAULT_TYPES.len());
    assert_eq!(c.commit.header_max_length, 100);
    assert!(c.commit.ignore[0].is_match("Merge branch 'x'"));
}

#[test]
fn unknown_key_names_line_and_column() {
    let (line, column, message) = config_err("[commit]\ntypes = [\"feat\"]\nbogus = 1\n");
    assert_eq!((line, column), (3, 1));
    assert!(message.contains("unknown field `bogus`"), "{message}");
}

#[test]
fn wrong_type_is_located() {
    let (line, _, message) = config_err("[commit]\nheader_max_length = \"long\"\n");
    assert_eq!(line, 2);
    assert!(message.contains("invalid type"), "{message}");
}

#[test]
fn bad_toml_is_located() {
    let (line, _, _) = config_err("[commit\n");
    assert_eq!(line, 1);
}

#[test]
fn invalid_regex_is_located() {
    let (line, column, message) = config_err("[commit]\nignore = [\n  '^ok',\n  '(unclosed',\n]\n");
    assert_eq!((line, column), (4, 3));
    assert!(message.contains("invalid regex"), "{message}");
}

#[test]
fn rule_levels_and_unknown_rule() {
    let c = parse("[commit.rules]\nsubject-case = \"error\"\ntype-case = \"off\"\n").unwrap();
    assert_eq!(c.commit.levels.of(Rule::SubjectCase), Level::Error);
    assert_eq!(c.commit.levels.of(Rule::TypeCase), Level::Off);
    let (line, _, message) = config_err("[commit.rules]\nno-such-rule = \"error\"\n");
    assert_eq!(line, 2);
    assert!(message.contains("no-such-rule"), "{message}");
    let (_, _, message) = config_err("[commit.rules]\nsubject-case = \"fatal\"\n");
    assert!(message.contains("unknown variant"), "{message}");
}

#[test]
fn bad_names_and_zero_limits_are_refused() {
    assert!(
        config_err("[commit]\ntypes = []\n")
            .2
            .contains("at least one")
    );
    assert!(
        config_err("[commit]\nscopes = [\"a b\"]\n")
            .2
            .contains("not a valid name")
    );
    assert!(
        config_err("[commit]\nheader_max_length = 0\n")
            .2
            .contains("at least 1")
    );
}

#[test]
fn literal_prefix_patterns_compile_no_regex() {
    assert!(matches!(
        Pattern::new("^Merge ").unwrap(),
        Pattern::Prefix(_)
    ));
    assert!(matches!(
        Pattern::new("^Merge .*").unwrap(),
        Pattern::Regex(_)
    ));
    assert!(Pattern::new("WIP$").unwrap().is_match("feat: x WIP"));
}

#[test]
fn changelog_table() {
    let c = parse("[changelog]\npath = \"docs/CHANGES.md\"\naccumulate = false\n[changelog.sections]\nfeat = \"Added\"\nsecurity = \"Security\"\n").unwrap();
    assert_eq!(c.changelog.path, PathBuf::from("docs/CHANGES.md"));
    assert!(!c.changelog.accumulate);
    assert_eq!(c.changelog.section_for("Security"), Some("Security"));
    assert_eq!(
        c.changelog.section_for("fix"),
        None,
        "a sections table replaces the defaults"
    );
    for bad in ["/etc/passwd", "../outside.md", "a/../../b", ""] {
        let (line, _, message) = config_err(&format!("[changelog]\npath = \"{bad}\"\n"));
        assert_eq!(line, 2);
        assert!(message.contains("inside the repository"), "{message}");
    }
    assert!(
        config_err("[changelog.sections]\nfeat = \"\"\n")
            .2
            .contains("not a sub-section")
    );
}

#[test]
fn version_release_checks_tables() {
    let c = parse(
        r#"
[version]
initial = "1.0.0"
files = [
  { path = "Cargo.toml", key = "package.version" },
  { path = "web/package.json", key = "version" },
  { path = "src/pkg/__init__.py", pattern = '__version__ = "{version}"' },
]
zero_major_feat_bumps_patch = false
[release]
branches = ["trunk"]
commit_message = "chore: release {version}"
sign = true
[checks]
test = ["cargo", "test", "--locked"]
run_tests_on_push = true
"#,
    )
    .unwrap();
    let files = c.version.files.unwrap();
    assert_eq!(files[0].locator, Locator::TomlKey("package.version".into()));
    assert_eq!(files[1].locator, Locator::JsonKey("version".into()));
    assert!(matches!(files[2].locator, Locator::Pattern(_)));
    assert_eq!(c.version.initial, semver::Version::new(1, 0, 0));
    assert!(!c.version.zero_major_feat_bumps_patch);
    assert_eq!(c.release.branches, ["trunk"]);
    assert!(c.release.sign);
    assert_eq!(c.checks.test.unwrap(), ["cargo", "test", "--locked"]);
    assert!(c.checks.run_tests_on_push);
    for (bad, needle) in [
        ("[version]\ninitial = \"1.0\"\n", "not a SemVer version"),
        ("[version]\ninitial = \"0.0.0\"\n", "0.0.0 is no release"),
        (
            "[commit]\nheader_max_length = 99999999999999999999\n",
            "`99999999999999999999` is too large: a count up to",
        ),
        (
            "[commit]\nheader_max_length = -5\n",
            "`-5` is below zero: a count (0 or more) is expected",
        ),
        (
            "[version]\ninitial = \"1.0.0+build.7\"\n",
            "build metadata (`+...`) is no part",
        ),
        (
            "[version]\nfiles = [{ path = \"a.py\", key = \"x\" }]\n",
            "use `pattern",
        ),
        (
            "[version]\nfiles = [{ path = \"a.py\", pattern = \"x\" }]\n",
            "no `{version}`",
        ),
        (
            "[version]\nfiles = [{ path = \"../a.toml\", key = \"x\" }]\n",
            "inside the repository",
        ),
        (
            "[release]\ncommit_message = \"release\"\n",
            "must contain `{version}`",
        ),
        ("[checks]\ntest = []\n", "argv list"),
        (
            "[checks]\ntest = \"cargo test\"\n",
            r#"write ["cargo", "test"]"#,
        ),
    ] {
        let (_, _, message) = config_err(bad);
        assert!(message.contains(needle), "{bad}: {message}");
    }
}

#[test]
fn line_col_counts_characters() {
    assert_eq!(line_col("ab\ncdé f", 8), (2, 5));
    assert_eq!(line_col("x", 99), (1, 2));
}

#[test]
fn packages_are_read_by_the_hooks_quick_reader_too() {
    use serde::Deserialize;
    let text = "[packages.api]\npath = \"crates/api\"\nscopes = [\"api\"]\ntest = [\"cargo\", \"test\"]\n\n[packages.web]\npath = \"web\"\ntag = \"{name}@{version}\"\n";
    let quick = quick::parse(text).expect("plain TOML");
    let raw = raw::RawConfig::deserialize(quick).expect("deserializes");
    let c = raw::resolve(raw, Path::new("x"), &|_, m| Error::Usage(m)).unwrap();
    let full = Config::parse_full(Path::new("x"), text).unwrap();
    assert_eq!(c.packages, full.packages);
    assert_eq!(c.packages[1].path, Path::new("web"));
    assert_eq!(c.packages[1].changelog, Path::new("web/CHANGELOG.md"));
    assert_eq!(c.packages[1].tag.prefix(), "web@");
    assert_eq!(
        c.packages[0].test.as_deref(),
        Some(&["cargo".to_owned(), "test".to_owned()][..])
    );
}

#[test]
fn package_tables_are_validated_against_each_other_and_the_root() {
    for (text, says) in [
        (
            "[packages.a]\npath = \"x\"\nchangelog = \"docs/C.md\"\n[packages.b]\npath = \"y\"\nchangelog = \"docs/C.md\"\n",
            "share the changelog",
        ),
        (
            "[packages.a]\npath = \"x\"\n[packages.b]\npath = \"y\"\nchangelog = \"x/CHANGELOG.md\"\n",
            "is inside the path of package `a`",
        ),
        (
            "[changelog]\npath = \"x/CHANGELOG.md\"\n[packages.a]\npath = \"x\"\nchangelog = \"x/A.md\"\n",
            "the repository's changelog `x/CHANGELOG.md` is inside the path of package `a`",
        ),
        (
            "[packages.a]\npath = \"x\"\ntag = \"p{version}\"\n[packages.b]\npath = \"y\"\ntag = \"p{version}\"\n",
            "share the tags",
        ),
        (
            "[packages.a]\npath = \"x\"\nchangelog = \"CHANGELOG.md\"\n",
            "the repository's own changelog",
        ),
        (
            "[packages.a]\npath = \"x\"\ntag = \"v{version}\"\n",
            "own `version.tag_prefix`",
        ),
        (
            "[packages.c]\npath = \"x\"\ntag = \"v1{version}\"\n",
            "so `v11.0.0` would read as the repository's version 11.0.0 too",
        ),
        (
            "[packages.a]\npath = \"x\"\ntag = \"x{version}\"\n[packages.c]\npath = \"y\"\ntag = \"x1{version}\"\n",
            "would read as package `a`'s version 11.0.0 too",
        ),
        ("[packages.a]\npath = \"x\"\ntest = []\n", "argv list"),
        ("[packages.\"a b\"]\npath = \"x\"\n", "not a package name"),
        (
            "[packages.a]\ntag = \"a{version}\"\n",
            "missing field `path`",
        ),
        (
            "[packages.a]\npath = \"x\"\nscopes = [\"a b\"]\n",
            "not a valid name",
        ),
    ] {
        let (_, _, message) = config_err(text);
        assert!(message.contains(says), "{text}: {message}");
    }
}

/// serde names the Rust type it expected; the file's author is told what to write instead.
#[test]
fn serde_type_names_are_not_shown() {
    let m = super::plain_message(
        "invalid type: string \"x/VERSION\", expected struct RawVersionFile\n",
    );
    assert!(
        m.contains("expected a table like `{ path = ") && !m.contains("Raw"),
        "{m}"
    );
    let m = super::plain_message("invalid type: integer `1`, expected struct RawChecks");
    assert_eq!(m, "invalid type: integer `1`, expected a table");
}

/// A path is written as git names it; another spelling is refused with git's at its line.
#[test]
fn paths_are_written_as_git_names_them() {
    for (text, line, column, write) in [
        (
            "[changelog]\npath = \"CHANGELOG.md/\"\n",
            2,
            8,
            "CHANGELOG.md",
        ),
        (
            "[changelog]\npath = \"./CHANGELOG.md\"\n",
            2,
            8,
            "CHANGELOG.md",
        ),
        ("[changelog]\npath = \"docs/./C.md\"\n", 2, 8, "docs/C.md"),
        ("[changelog]\npath = \"docs//C.md\"\n", 2, 8, "docs/C.md"),
        (
            "[version]\nfiles = [{ path = \"./VERSION\", pattern = \"{version}\" }]\n",
            2,
            10,
            "VERSION",
        ),
        ("[packages.web]\npath = \"./web/\"\n", 2, 8, "web"),
        ("[changelog]\npath = \"docs/\"\n", 2, 8, "docs/CHANGELOG.md"),
        (
            "[changelog]\npath = \"CHANGELOG.md \"\n",
            2,
            8,
            "CHANGELOG.md",
        ),
        ("[changelog]\npath = \" docs/C.md\"\n", 2, 8, "docs/C.md"),
        (
            "[packages.web]\npath = \"web\"\nchangelog = \"web//C.md\"\n",
            3,
            13,
            "web/C.md",
        ),
    ] {
        let (l, c, message) = config_err(text);
        assert_eq!((l, c), (line, column), "{text}: {message}");
        assert!(
            message.contains(&format!("write `{write}`")),
            "{text}: {message}"
        );
    }
    let (_, _, message) = config_err("[changelog]\npath = \"a\\u0000b.md\"\n");
    assert!(message.contains("NUL"), "{message}");
    assert_eq!(
        parse("[changelog]\npath = \"docs/C.md\"\n")
            .unwrap()
            .changelog
            .path,
        PathBuf::from("docs/C.md")
    );
}

#[test]
fn tag_prefixes_follow_git_ref_name_rules() {
    for bad in [
        "refs/heads/",
        "refs/tags/v",
        "-v",
        "v//",
        "v..",
        "/v",
        "v.lock/",
        "v@{",
    ] {
        let (line, column, message) = config_err(&format!("[version]\ntag_prefix = \"{bad}\"\n"));
        assert_eq!((line, column), (2, 14), "{bad}");
        assert!(
            message.contains("cannot start a git tag name"),
            "{bad}: {message}"
        );
    }
    for good in ["", "v", "release/v", "app-"] {
        let c = parse(&format!("[version]\ntag_prefix = \"{good}\"\n")).unwrap();
        assert_eq!(c.version.tag_prefix, good);
    }
}

#[test]
fn a_version_pattern_is_checked_as_a_regex_before_its_placeholder() {
    let (_, _, message) =
        config_err("[version]\nfiles = [{ path = \"VERSION\", pattern = \"(\" }]\n");
    assert!(message.contains("invalid regular expression"), "{message}");
    let (_, _, message) =
        config_err("[version]\nfiles = [{ path = \"VERSION\", pattern = \"v\" }]\n");
    assert!(message.contains("no `{version}` placeholder"), "{message}");
}

/// QA51: `key` on a file with no extension said "not ``": the file is named instead.
#[test]
fn a_key_on_a_file_without_an_extension_names_the_file() {
    let said = |entry: &str| config_err(&format!("[version]\nfiles = [{entry}]\n")).2;
    assert!(
        said("{ path = \"VERSION\", key = \"version\" }").contains(
            "`key` works for TOML and JSON files, not `VERSION`, which has no extension;"
        )
    );
    assert!(
        said("{ path = \"v.yaml\", key = \"version\" }")
            .contains("`key` works for TOML and JSON files, not `yaml`;")
    );
    assert!(
        said("{ path = \"VERSION\", key = \"version\", format = \"\" }")
            .contains("not an empty `format`;")
    );
}

/// Values written into files or shown in messages hold no escape sequence; a tab is text.
#[test]
fn control_characters_are_refused_where_they_would_reach_a_terminal() {
    for (text, key) in [
        (
            "[changelog]\npath = \"\\u001b[2Jx.md\"\n",
            "`changelog.path`",
        ),
        (
            "[changelog.sections]\nfeat = \"A\\u001b]0;x\\u0007\"\n",
            "sections.feat",
        ),
        (
            "[release]\nbranches = [\"ma\\u001b[5min\"]\n",
            "`release.branches`",
        ),
        ("[commit]\ntypes = [\"f\\u001bx\"]\n", "`commit.types`"),
        ("[commit]\nscopes = [\"a\\u009bb\"]\n", "`commit.scopes`"),
    ] {
        let (line, _, message) = config_err(text);
        assert_eq!(line, 2, "{text}");
        assert!(message.contains(key), "{message}");
        assert!(
            !message.contains(['\u{1b}', '\u{7}', '\u{9b}']),
            "{message}"
        );
    }
    let c =
        parse("[changelog]\npath = \"CHANGE\\tLOG.md\"\n[changelog.sections]\nfeat = \"A\\tB\"\n");
    assert_eq!(c.unwrap().changelog.sections["feat"], "A\tB");
}

/// QA49: a path in the git directory is said so first (its spelling, `.git/` for `.git`,
/// would lead to it), with an example in the work tree; an empty path is said to be empty.
#[test]
fn a_path_in_the_git_dir_is_said_so_before_its_spelling() {
    for (path, example) in [
        (".git/", "CHANGELOG.md"),
        (".GIT", "CHANGELOG.md"),
        (".git/config", "config"),
    ] {
        let (_, _, message) = config_err(&format!("[changelog]\npath = \"{path}\"\n"));
        assert_eq!(
            message,
            format!(
                "`changelog.path`: `{path}` is inside the git directory, which git never commits; name a path in the work tree (e.g. `{example}`)"
            )
        );
    }
    let (line, column, message) = config_err("[changelog]\npath = \"\"\n");
    assert_eq!((line, column), (2, 8));
    assert_eq!(
        message,
        "`changelog.path` is empty; name a relative path inside the repository"
    );
}

#[test]
fn a_control_character_at_a_paths_end_is_named_so() {
    let (_, _, message) = config_err("[changelog]\npath = \"CHANGELOG.md\\r\"\n");
    assert_eq!(
        message,
        "`changelog.path`: `CHANGELOG.md\\r` has a control character (a carriage return) at its start or end; write `CHANGELOG.md`"
    );
    let (_, _, message) = config_err("[changelog]\npath = \"\\tC.md \"\n");
    assert!(
        message.contains("`\\tC.md ` has a control character (a tab)"),
        "{message}"
    );
    let (_, _, message) = config_err("[changelog]\npath = \"C.md \"\n");
    assert!(
        message.contains("has a space at its start or end"),
        "{message}"
    );
}

#[test]
fn an_empty_version_file_key_is_refused() {
    for (key, said) in [
        (
            "",
            "`package.json` has an empty `key`; name the dotted key that holds the version (e.g. `key = \"version\"`)",
        ),
        (" ", "`package.json` has an empty `key`"),
        (
            "version|",
            "`key = \"version|\"` has an empty alternative; write `key = \"version\"`",
        ),
    ] {
        let text = format!("[version]\nfiles = [{{ path = \"package.json\", key = \"{key}\" }}]\n");
        let (line, column, message) = config_err(&text);
        assert_eq!((line, column), (2, 10), "{message}");
        assert!(message.contains(said), "{key:?}: {message}");
    }
    // An empty part of a dotted key names a key `""` (npm's `packages."".version`): read.
    let text = "[version]\nfiles = [{ path = \"a.json\", key = \"packages..version\" }]\n";
    assert!(parse(text).is_ok());
}

#[test]
fn an_initial_version_with_a_character_semver_does_not_allow_names_it() {
    let (_, _, message) = config_err("[version]\ninitial = \"0.1.0-é\"\n");
    assert!(
        message.contains("(`é` is not allowed in a pre-release"),
        "{message}"
    );
}

/// `[changelog] order`: sub-section names, kept as written; one listed twice is refused on
/// its line, as is a name that is no one-line text.
#[test]
fn changelog_order() {
    let c = parse("[changelog]\norder = [\"Added\", \"Fixed\", \"Documentation\"]\n").unwrap();
    assert_eq!(c.changelog.order, ["Added", "Fixed", "Documentation"]);
    assert!(parse("").unwrap().changelog.order.is_empty());
    let (line, _, message) = config_err("[changelog]\norder = [\n  \"Added\",\n  \"added\",\n]\n");
    assert_eq!(line, 4);
    assert!(message.contains("`added` is listed twice"), "{message}");
    assert!(!message.contains('\n'), "{message}");
    let (_, _, message) = config_err("[changelog]\norder = [\"\"]\n");
    assert!(message.contains("not a sub-section name"), "{message}");
}
