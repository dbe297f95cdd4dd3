//! QA205: `relhook init` took `revert` as allowed by vue's `scripts/verify-commit.js` only when
//! its regex said `(revert: )?` to the letter: `(revert:\s)?`, `(revert:\s+)?` or
//! `(revert: ?)?` left `revert` out, so the first revert was refused by the hook, and a prefix
//! it did not understand (`(Revert )?`) was passed over in silence. The common forms now allow
//! reverts, any other prefix is said in one line as not read, and a group whose types are no
//! single words is said as such.

use crate::support::{Repo, ok, stdout, text};

/// `relhook init` in a fresh repository whose `scripts/verify-commit.js` holds `regex`: its
/// output and the `types` line it wrote.
fn init_with(regex: &str) -> (String, String) {
    let repo = Repo::new();
    repo.write(
        "scripts/verify-commit.js",
        format!("const commitRE =\n  {regex}\n"),
    );
    repo.commit("feat: start");
    let out = ok(repo.relhook(&["init"]));
    let _ = text(&out);
    let config = repo.read(".relconfig.toml");
    let line = config.lines().find(|l| l.starts_with("types = "));
    (stdout(&out), line.unwrap_or_default().to_owned())
}

#[test]
fn the_common_revert_prefixes_allow_reverts() {
    for regex in [
        r"/^(revert:\s)?(feat|fix|dx|wip)(\(.+\))?: .{1,50}/",
        r"/^(revert:\s+)?(feat|fix|dx|wip)(\(.+\))?: .{1,50}/",
        r"/^(revert: ?)?(feat|fix|dx|wip)(\(.+\))?: .{1,50}/",
        r"/^(?:revert:\s)?(feat|fix|dx|wip)(\(.+\))?: .{1,50}/",
        r#"new RegExp("^(revert:\\s)?(feat|fix|dx|wip)(\\(.+\\))?: .{1,50}")"#,
    ] {
        let (said, types) = init_with(regex);
        assert!(
            said.contains("from the regex of scripts/verify-commit.js"),
            "{regex}: {said}"
        );
        assert_eq!(
            types, r#"types = ["feat", "fix", "dx", "wip", "revert"]"#,
            "{regex}"
        );
    }
    // No prefix: no revert.
    let (_, types) = init_with(r"/^(feat|fix|dx)(\(.+\))?: .{1,50}/");
    assert_eq!(types, r#"types = ["feat", "fix", "dx"]"#);
}

#[test]
fn a_prefix_or_a_group_not_understood_is_said_not_read() {
    let way_on = "; set `types` under `[commit]` in .relconfig.toml to the types your commits use";
    for (regex, why) in [
        (
            r"/^(Revert )?(feat|fix|dx)(\(.+\))?: .{1,50}/",
            "its regex takes `(Revert )?` before the type, which relhook does not read as a revert's `revert: `",
        ),
        (
            r"/^(feat|fix|my type)(\(.+\))?: .{1,50}/",
            "its regex's `(feat|fix|...)` group lists `my type`, and a commit type is one word of letters, digits, `-` and `_`",
        ),
    ] {
        let (said, types) = init_with(regex);
        let line =
            format!("did not read the commit types in scripts/verify-commit.js: {why}{way_on}");
        assert!(said.lines().any(|l| l == line), "{regex}: {said}");
        assert!(
            types.starts_with(r#"types = ["feat", "fix", "docs", "style""#),
            "{regex}: {types}"
        );
    }
}

#[test]
fn a_named_types_group_is_read() {
    let (said, types) = init_with(r"/^(revert: )?(?<type>feat|fix|dx)(\(.+\))?: .{1,50}/");
    assert!(
        said.contains("from the regex of scripts/verify-commit.js"),
        "{said}"
    );
    assert_eq!(types, r#"types = ["feat", "fix", "dx", "revert"]"#);
}
