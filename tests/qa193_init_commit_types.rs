//! QA193: `relhook init` proposed the default `[commit] types` whatever the project allowed
//! before, so a repository adopting relhook from commitlint or vue's `verify-commit.js` had its
//! own types (`wip`, `dx`, `release`) refused by the first commit-msg hook. init now reads
//! commitlint's `type-enum` rule (JSON, YAML, package.json, and a JS or TS config's plain
//! array literal, read as text and never run) and vue's regex, sets those types, and says in
//! one line where they came from; a JS rule that is no literal is said not to be read.

use crate::support::{Repo, ok, stdout, text};

/// The `types` line of the written configuration.
fn types_line(repo: &Repo) -> String {
    let config = repo.read(".relconfig.toml");
    let line = config.lines().find(|l| l.starts_with("types = "));
    line.unwrap_or_default().to_owned()
}

#[test]
fn init_takes_the_types_of_a_commitlint_json_config() {
    let repo = Repo::new();
    repo.write(
        ".commitlintrc.json",
        r#"{"extends": ["@commitlint/config-conventional"], "rules": {"type-enum": [2, "always", ["feat", "fix", "wip", "chore"]]}}"#,
    );
    repo.commit("feat: start");

    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert!(
        said.lines().any(|l| l
            == "set `[commit] types = [\"feat\", \"fix\", \"wip\", \"chore\"]`: the project's own, from .commitlintrc.json's `type-enum` rule"),
        "{}",
        text(&out)
    );
    assert_eq!(
        types_line(&repo),
        r#"types = ["feat", "fix", "wip", "chore"]"#
    );
    // The hook applies them: the project's `wip` passes, a type it never allowed does not.
    ok(repo.relhook(&["lint", "--message", "wip: half a parser"]));
    let out = repo.relhook(&["lint", "--message", "perf: faster"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
}

#[test]
fn init_reads_a_yaml_config_and_a_ts_literal_but_never_an_expression() {
    let repo = Repo::new();
    repo.write(
        ".commitlintrc.yml",
        "rules:\n  type-enum:\n    - 2\n    - always\n    - - feat\n      - fix\n      - ops\n",
    );
    repo.commit("feat: start");
    ok(repo.relhook(&["init"]));
    assert_eq!(types_line(&repo), r#"types = ["feat", "fix", "ops"]"#);

    let repo = Repo::new();
    repo.write(
        "commitlint.config.ts",
        "import { RuleConfigSeverity } from '@commitlint/types';\nexport default {\n  rules: {\n    // the team's own\n    'type-enum': [RuleConfigSeverity.Error, 'always', ['feat', 'fix', 'deps']],\n  },\n};\n",
    );
    repo.commit("feat: start");
    let out = ok(repo.relhook(&["init"]));
    assert!(
        stdout(&out).contains("from commitlint.config.ts's `type-enum` rule"),
        "{}",
        text(&out)
    );
    assert_eq!(types_line(&repo), r#"types = ["feat", "fix", "deps"]"#);

    let repo = Repo::new();
    repo.write(
        "commitlint.config.js",
        "const types = require('./types');\nmodule.exports = { rules: { 'type-enum': [2, 'always', types] } };\n",
    );
    repo.commit("feat: start");
    let out = ok(repo.relhook(&["init"]));
    assert!(
        stdout(&out).lines().any(|l| l
            == "did not read the commit types in commitlint.config.js: its `type-enum` rule is not a plain array literal, and relhook reads JavaScript as text, never runs it; set `types` under `[commit]` in .relconfig.toml to the types your commits use"),
        "{}",
        text(&out)
    );
    assert!(types_line(&repo).starts_with(r#"types = ["feat", "fix", "docs", "style""#));
}

#[test]
fn init_takes_the_types_of_vue_s_verify_commit_regex() {
    let repo = Repo::new();
    repo.write(
        "scripts/verify-commit.js",
        "const commitRE =\n  /^(revert: )?(feat|fix|docs|dx|workflow|release)(\\(.+\\))?: .{1,50}/\n",
    );
    repo.commit("feat: start");
    let out = ok(repo.relhook(&["init"]));
    assert!(
        stdout(&out).contains("the project's own, from the regex of scripts/verify-commit.js"),
        "{}",
        text(&out)
    );
    // `(revert: )?` takes vue's `revert: feat(x): ...` headers.
    assert_eq!(
        types_line(&repo),
        r#"types = ["feat", "fix", "docs", "dx", "workflow", "release", "revert"]"#
    );
}
