//! QA205: when `relhook init` could not take a project's commitlint `type-enum` list, its line
//! gave a reason that did not fit: an empty list or one with `my type` was "not `[level,
//! \"always\", [types...]]`" (or, in JavaScript, "not a plain array literal"), `'never'` read as
//! a malformed rule, and "list them" had nothing to list. Each reason now says what the list
//! holds, and the way on names the key to edit; types in capitals are read in lowercase, and
//! the line says so.

use crate::support::{Repo, ok, stdout, text};

/// `relhook init` in a fresh repository holding `file` with `contents`: its output and the
/// `types` line it wrote.
fn init_with(file: &str, contents: &str) -> (String, String) {
    let repo = Repo::new();
    repo.write(file, contents);
    repo.commit("feat: start");
    let out = ok(repo.relhook(&["init"]));
    let _ = text(&out);
    let config = repo.read(".relconfig.toml");
    let line = config.lines().find(|l| l.starts_with("types = "));
    (stdout(&out), line.unwrap_or_default().to_owned())
}

/// The way on each line not read ends with.
const WAY_ON: &str =
    "; set `types` under `[commit]` in .relconfig.toml to the types your commits use";

/// The defaults' first types, which a list not read leaves.
const DEFAULTS: &str = r#"types = ["feat", "fix", "docs", "style""#;

#[test]
fn an_empty_list_or_a_type_of_two_words_is_said_as_such() {
    for (file, contents, why) in [
        (
            ".commitlintrc.json",
            r#"{"rules": {"type-enum": [2, "always", []]}}"#,
            "its `type-enum` rule lists no types, and relhook needs at least one",
        ),
        (
            "commitlint.config.js",
            "module.exports = { rules: { 'type-enum': [2, 'always', []] } };\n",
            "its `type-enum` rule lists no types, and relhook needs at least one",
        ),
        (
            ".commitlintrc.yml",
            "rules:\n  type-enum: [2, always, [feat, my type]]\n",
            "its `type-enum` rule lists `my type`, and a commit type is one word of letters, digits, `-` and `_`",
        ),
        (
            "commitlint.config.ts",
            "export default { rules: { 'type-enum': [2, 'always', ['feat', 'My Type']] } };\n",
            "its `type-enum` rule lists `My Type`, and a commit type is one word of letters, digits, `-` and `_`",
        ),
        (
            "commitlint.config.js",
            "module.exports = { rules: { 'type-enum': [2, 'never', ['wip']] } };\n",
            "its `type-enum` rule says `never`, so it lists the types refused, not those allowed",
        ),
        (
            ".commitlintrc.json",
            r#"{"rules": {"type-enum": [2, "never", ["wip"]]}}"#,
            "its `type-enum` rule says `never`, so it lists the types refused, not those allowed",
        ),
    ] {
        let (said, types) = init_with(file, contents);
        let line = format!("did not read the commit types in {file}: {why}{WAY_ON}");
        assert!(said.lines().any(|l| l == line), "{file}: {said}");
        assert!(types.starts_with(DEFAULTS), "{file}: {types}");
    }
}

#[test]
fn types_in_capitals_are_read_in_lowercase_and_said_so() {
    let (said, types) = init_with(
        ".commitlintrc.json",
        r#"{"rules": {"type-enum": [2, "always", ["Feat", "FIX", "wip"]]}}"#,
    );
    assert!(
        said.lines().any(|l| l
            == "set `[commit] types = [\"feat\", \"fix\", \"wip\"]`: the project's own, from .commitlintrc.json's `type-enum` rule, in lowercase as relhook's types are"),
        "{said}"
    );
    assert_eq!(types, r#"types = ["feat", "fix", "wip"]"#);
}
