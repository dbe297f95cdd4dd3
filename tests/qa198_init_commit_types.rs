//! QA198: `relhook init`'s reading of the project's commit types took a commitlint `type-enum`
//! rule turned off (level 0) or a JavaScript one with `'never'` (the types refused) as the
//! types allowed, a `'type-enum'` written in a string as the rule, claimed the defaults for a
//! JavaScript config extending another preset (`@commitlint/config-angular`), refused a
//! TypeScript list `as const`, said nothing of a JSON config that does not parse, and followed
//! a symbolic link out of the repository. Each now sets the right types or says in one line
//! why it did not read them.

use crate::support::{Repo, ok, stdout, text};

/// The `types` line of the written configuration.
fn types_line(repo: &Repo) -> String {
    let config = repo.read(".relconfig.toml");
    let line = config.lines().find(|l| l.starts_with("types = "));
    line.unwrap_or_default().to_owned()
}

/// `relhook init` in a fresh repository holding `file` with `contents`: its output and the
/// `types` line it wrote.
fn init_with(file: &str, contents: &str) -> (String, String) {
    let repo = Repo::new();
    repo.write(file, contents);
    repo.commit("feat: start");
    let out = ok(repo.relhook(&["init"]));
    let _ = text(&out);
    (stdout(&out), types_line(&repo))
}

/// The defaults' first types, which a config not read leaves.
const DEFAULTS: &str = r#"types = ["feat", "fix", "docs", "style""#;

#[test]
fn a_rule_turned_off_or_refusing_types_is_never_taken_as_the_allowed_list() {
    let off = "did not read the commit types in {}: its `type-enum` rule is off (level 0), so it allows any type; set `types` under `[commit]` in .relconfig.toml to the types your commits use";
    for (file, contents) in [
        (
            ".commitlintrc.json",
            r#"{"rules": {"type-enum": [0, "always", ["feat", "fix"]]}}"#,
        ),
        (
            ".commitlintrc.yml",
            "rules:\n  type-enum: [0, always, [feat, fix]]\n",
        ),
        (
            "commitlint.config.js",
            "module.exports = { rules: { 'type-enum': [0, 'always', ['feat', 'fix']] } };\n",
        ),
    ] {
        let (said, types) = init_with(file, contents);
        assert!(
            said.lines().any(|l| l == off.replace("{}", file)),
            "{file}: {said}"
        );
        assert!(types.starts_with(DEFAULTS), "{file}: {types}");
    }

    let (said, types) = init_with(
        "commitlint.config.js",
        "module.exports = { rules: { 'type-enum': [2, 'never', ['wip', 'tmp']] } };\n",
    );
    assert!(
        said.lines().any(|l| l == "did not read the commit types in commitlint.config.js: its `type-enum` rule says `never`, so it lists the types refused, not those allowed; set `types` under `[commit]` in .relconfig.toml to the types your commits use"),
        "{said}"
    );
    assert!(types.starts_with(DEFAULTS), "{types}");
}

#[test]
fn a_script_s_rule_is_read_from_code_only_and_a_ts_list_as_const_is_read() {
    let (said, types) = init_with(
        "commitlint.config.ts",
        "const note = \"rules: { 'type-enum': [2, 'always', ['old']] }\";\nexport default {\n  rules: { 'type-enum': [2, 'always', ['feat', 'fix', 'ops'] as const] },\n};\n",
    );
    assert!(
        said.contains("from commitlint.config.ts's `type-enum` rule"),
        "{said}"
    );
    assert_eq!(types, r#"types = ["feat", "fix", "ops"]"#);
}

#[test]
fn a_script_extending_another_preset_says_it_was_not_read() {
    let (said, types) = init_with(
        "commitlint.config.js",
        "module.exports = { extends: ['@commitlint/config-conventional', '@commitlint/config-angular'] };\n",
    );
    assert!(
        said.lines().any(|l| l == "did not read the commit types in commitlint.config.js: its types are those of `@commitlint/config-angular`, which it extends and relhook does not read; set `types` under `[commit]` in .relconfig.toml to the types your commits use"),
        "{said}"
    );
    assert!(!said.contains("kept the default"), "{said}");
    assert!(types.starts_with(DEFAULTS), "{types}");
}

#[test]
fn a_config_that_does_not_parse_or_a_symlink_is_said_not_read() {
    let (said, _) = init_with(
        ".commitlintrc.json",
        "{\n  // ours\n  \"rules\": {\"type-enum\": [2, \"always\", [\"feat\", \"wip\"]]}\n}\n",
    );
    assert!(
        said.lines().any(|l| l == "did not read the commit types in .commitlintrc.json: it does not read as JSON; set `types` under `[commit]` in .relconfig.toml to the types your commits use"),
        "{said}"
    );

    let repo = Repo::new();
    let outside = repo.path().parent().unwrap().join("elsewhere.json");
    std::fs::write(
        &outside,
        r#"{"rules": {"type-enum": [2, "always", ["secret", "fix", "feat"]]}}"#,
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, repo.path().join(".commitlintrc.json")).unwrap();
    repo.commit("feat: start");
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert!(
        said.lines().any(|l| l == "did not read the commit types in .commitlintrc.json: it is a symbolic link, and relhook reads no configuration through one; set `types` under `[commit]` in .relconfig.toml to the types your commits use"),
        "{}",
        text(&out)
    );
    assert!(!types_line(&repo).contains("secret"));
}

#[test]
fn vue_s_regex_with_a_non_capturing_group_is_read() {
    let (said, types) = init_with(
        "scripts/verify-commit.js",
        "const commitRE = /^(?:revert: )?(?:feat|fix|dx|wip)(?:\\(.+\\))?: .{1,50}/\n",
    );
    assert!(
        said.contains("from the regex of scripts/verify-commit.js"),
        "{said}"
    );
    assert_eq!(types, r#"types = ["feat", "fix", "dx", "wip", "revert"]"#);
}
