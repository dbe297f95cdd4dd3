//! The configuration text `init` writes: the template with every key at its default, the
//! test command and tag prefix found set in it, `[version] files` for a project released as
//! one; and an argv as TOML, for the hints that name a command to set.

use std::path::PathBuf;

/// The configuration template: every key at its default (a unit test holds it to that).
pub const CONFIG_TEMPLATE: &str = include_str!("../../templates/relconfig.toml");

/// The configuration text, with `[checks] test` set when the project's test command is
/// evident (`cargo test` for a Cargo.toml...), else left as a commented example, and
/// `tag_prefix` when the release tags there use another than `v`.
pub fn render_config(test_command: Option<&str>, tag_prefix: Option<&str>) -> String {
    let placeholder = "# test = [\"cargo\", \"test\"]\n";
    let text = match test_command {
        Some(argv) => CONFIG_TEMPLATE.replacen(placeholder, &format!("test = {argv}\n"), 1),
        None => CONFIG_TEMPLATE.to_owned(),
    };
    match tag_prefix {
        Some(prefix) => {
            let value = serde_json::Value::from(prefix).to_string();
            text.replacen(
                "\ntag_prefix = \"v\"\n",
                &format!("\ntag_prefix = {value}\n"),
                1,
            )
        }
        None => text,
    }
}

/// The template's commented `files` example under `[version]`.
const FILES_EXAMPLE: &str = "# files = [\n#   { path = \"VERSION\", pattern = '{version}' },\n#   { path = \"docs/install.md\", pattern = 'relhook {version}' },\n# ]\n";

/// The configuration `text` with `[version] files` set to the `manifests` (each with the key
/// of its version: a crate's `package.version`) in place of the commented example.
pub(super) fn with_version_files(text: &str, manifests: &[(PathBuf, &str)]) -> String {
    let mut files = String::from("files = [\n");
    for (m, key) in manifests {
        let path = serde_json::Value::from(m.to_string_lossy().replace('\\', "/")).to_string();
        files.push_str(&format!("  {{ path = {path}, key = \"{key}\" }},\n"));
    }
    files.push_str("]\n");
    text.replacen(FILES_EXAMPLE, &files, 1)
}

/// The configuration `text` with `[changelog] path` set to `path` in place of the default.
pub(super) fn with_changelog_path(text: &str, path: &std::path::Path) -> String {
    let value = serde_json::Value::from(path.to_string_lossy().replace('\\', "/")).to_string();
    text.replacen(
        "\npath = \"CHANGELOG.md\"\n",
        &format!("\npath = {value}\n"),
        1,
    )
}

/// The template's `types` line.
const TYPES_LINE: &str = "\ntypes = [\"feat\", \"fix\", \"docs\", \"style\", \"refactor\", \"perf\", \"test\", \"build\", \"ci\", \"chore\", \"revert\"]\n";

/// The configuration `text` with `[commit] types` set to the project's own `types`, which
/// came `from` where a comment says.
pub(super) fn with_types(text: &str, types: &[String], from: &str) -> String {
    let items: Vec<String> = types
        .iter()
        .map(|t| serde_json::Value::from(t.as_str()).to_string())
        .collect();
    text.replacen(
        TYPES_LINE,
        &format!(
            "\n# The project's own, from {from}.\ntypes = [{}]\n",
            items.join(", ")
        ),
        1,
    )
}

/// The template's `[changelog.sections]` entries.
const SECTIONS: &str =
    "\nfeat = \"Added\"\nfix = \"Fixed\"\nperf = \"Changed\"\nrevert = \"Removed\"\n";

/// The configuration `text` with `[changelog.sections]` set to the project's own `sections`
/// (type, sub-section), which came `from` where a comment says.
pub(super) fn with_sections(text: &str, sections: &[(String, String)], from: &str) -> String {
    let mut lines = format!("\n# The project's own, from {from}.\n");
    for (ty, heading) in sections {
        let key = crate::config::toml_text::key(ty);
        let value = crate::config::toml_text::string(heading);
        lines.push_str(&format!("{key} = {value}\n"));
    }
    text.replacen(SECTIONS, &lines, 1)
}

/// The template's `[changelog] order` line, commented out.
const ORDER_LINE: &str =
    "\n# order = [\"Added\", \"Changed\", \"Deprecated\", \"Removed\", \"Fixed\", \"Security\"]\n";

/// The configuration `text` with `[changelog] order` set to the sub-section names `order`,
/// which came `from` where a comment says: cocogitto's order of its types' sections.
pub(super) fn with_order(text: &str, order: &[String], from: &str) -> String {
    let items: Vec<String> = order
        .iter()
        .map(|n| crate::config::toml_text::string(n))
        .collect();
    text.replacen(
        ORDER_LINE,
        &format!(
            "\n# The project's own, from {from}.\norder = [{}]\n",
            items.join(", ")
        ),
        1,
    )
}

/// The template's `minor_types` line.
const MINOR_TYPES_LINE: &str = "\nminor_types = [\"feat\"]\n";

/// The configuration `text` with `[version] minor_types` set to the project's own `types`,
/// which came `from` where a comment says.
pub(super) fn with_minor_types(text: &str, types: &[String], from: &str) -> String {
    let items: Vec<String> = types
        .iter()
        .map(|t| crate::config::toml_text::string(t))
        .collect();
    text.replacen(
        MINOR_TYPES_LINE,
        &format!(
            "\n# The project's own, from {from}.\nminor_types = [{}]\n",
            items.join(", ")
        ),
        1,
    )
}

/// The template's `ignore` line.
const IGNORE_LINE: &str = "\nignore = ['^Merge ']\n";

/// The configuration `text` with `[commit] ignore` passing the release commits another tool
/// made (see [`crate::history::tool_releases`]) besides merges.
pub(super) fn with_tool_releases_ignored(text: &str) -> String {
    let pattern = crate::history::tool_releases::PATTERN;
    text.replacen(
        IGNORE_LINE,
        &format!("\nignore = ['^Merge ', '{pattern}']\n"),
        1,
    )
}

/// An argv as a TOML array, for a hint to paste into `.relconfig.toml`.
pub fn toml_argv(argv: &[String]) -> String {
    let items: Vec<String> = argv
        .iter()
        .map(|a| serde_json::Value::from(a.as_str()).to_string())
        .collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::commit::lint::Rule;
    use crate::config::{Config, Pattern};

    fn pattern_source(p: &Pattern) -> String {
        match p {
            Pattern::Prefix(s) => format!("^{s}"),
            Pattern::Regex(r) => r.as_str().to_owned(),
        }
    }

    #[test]
    fn template_parses_to_exactly_the_defaults() {
        let parsed = Config::parse(Path::new("template"), CONFIG_TEMPLATE).unwrap();
        let (got, want) = (&parsed.commit, &Config::default().commit);
        assert_eq!(got.types, want.types);
        assert_eq!(got.scopes, want.scopes);
        assert_eq!(got.require_scope, want.require_scope);
        assert_eq!(got.header_max_length, want.header_max_length);
        assert_eq!(got.body_max_line_length, want.body_max_line_length);
        assert_eq!(got.footer_max_line_length, want.footer_max_line_length);
        let sources = |c: &crate::config::CommitConfig| {
            c.ignore.iter().map(pattern_source).collect::<Vec<_>>()
        };
        assert_eq!(sources(got), sources(want));
        assert_eq!(got.ignore_merge_commits, want.ignore_merge_commits);
        assert_eq!(got.fixup_in_hook, want.fixup_in_hook);
        assert_eq!(got.fixup_in_check, want.fixup_in_check);
        for rule in Rule::ALL {
            assert_eq!(got.levels.of(rule), want.levels.of(rule), "{}", rule.name());
        }
        let d = Config::default();
        assert_eq!(parsed.version.tag_prefix, d.version.tag_prefix);
        assert_eq!(parsed.version.initial, d.version.initial);
        assert!(parsed.version.files.is_none());
        assert_eq!(parsed.version.detect, d.version.detect);
        assert_eq!(parsed.version.floating_tags, d.version.floating_tags);
        assert_eq!(
            parsed.version.zero_major_breaking_bumps_minor,
            d.version.zero_major_breaking_bumps_minor
        );
        assert_eq!(
            parsed.version.zero_major_feat_bumps_patch,
            d.version.zero_major_feat_bumps_patch
        );
        assert_eq!(parsed.changelog.path, d.changelog.path);
        assert_eq!(parsed.changelog.accumulate, d.changelog.accumulate);
        assert_eq!(parsed.changelog.sections, d.changelog.sections);
        assert_eq!(parsed.release.branches, d.release.branches);
        assert_eq!(parsed.release.commit_message, d.release.commit_message);
        assert_eq!(parsed.release.sign, d.release.sign);
        assert_eq!(
            parsed.release.allow_lightweight_tags,
            d.release.allow_lightweight_tags
        );
        assert_eq!(parsed.release.bump_dependents, d.release.bump_dependents);
        assert_eq!(parsed.checks.test, d.checks.test);
        assert_eq!(
            parsed.checks.require_tested_tags,
            d.checks.require_tested_tags
        );
        assert_eq!(parsed.checks.run_tests_on_push, d.checks.run_tests_on_push);
    }

    #[test]
    fn template_names_every_key() {
        let value: toml::Table = CONFIG_TEMPLATE.parse().unwrap();
        let commit = value["commit"].as_table().unwrap();
        for key in [
            "types",
            "scopes",
            "require_scope",
            "header_max_length",
            "body_max_line_length",
            "footer_max_line_length",
            "ignore",
            "ignore_merge_commits",
            "fixup_in_hook",
            "fixup_in_check",
            "rules",
        ] {
            assert!(commit.contains_key(key), "[commit] {key} is missing");
        }
        let rules = commit["rules"].as_table().unwrap();
        for rule in Rule::ALL {
            assert!(rules.contains_key(rule.name()), "rule {}", rule.name());
        }
        assert!(
            value["version"]
                .as_table()
                .unwrap()
                .contains_key("tag_prefix")
        );
        assert!(value["version"]["floating_tags"].is_bool());
    }

    #[test]
    fn proposal_sets_the_test_command_and_still_parses() {
        let text = render_config(Some(r#"["npm", "test"]"#), Some("hatch-v"));
        assert!(text.contains("\ntag_prefix = \"hatch-v\"\n"), "{text}");
        assert!(text.contains("\ntest = [\"npm\", \"test\"]\n"), "{text}");
        let c = Config::parse(Path::new("x"), &text).unwrap();
        assert_eq!(c.checks.test.unwrap(), ["npm", "test"]);
        assert_eq!(c.version.tag_prefix, "hatch-v");
    }

    #[test]
    fn project_types_replace_the_default_ones() {
        assert!(CONFIG_TEMPLATE.contains(TYPES_LINE));
        let types = ["feat".to_owned(), "wip".to_owned()];
        let text = with_types(CONFIG_TEMPLATE, &types, "x");
        let parsed = Config::parse(Path::new("template"), &text).unwrap();
        assert_eq!(parsed.commit.types, types);
    }

    #[test]
    fn tool_releases_join_the_ignored_headers() {
        assert!(CONFIG_TEMPLATE.contains(IGNORE_LINE));
        let text = with_tool_releases_ignored(CONFIG_TEMPLATE);
        let parsed = Config::parse(Path::new("template"), &text).unwrap();
        let ignored = |h: &str| parsed.commit.ignore.iter().any(|p| p.is_match(h));
        assert!(ignored("v21.2.2") && ignored("Merge branch 'x'") && ignored("Publish"));
        assert!(!ignored("v2 support"));
    }

    #[test]
    fn version_files_replace_the_template_s_example() {
        assert!(CONFIG_TEMPLATE.contains(FILES_EXAMPLE));
        let text = with_version_files(
            CONFIG_TEMPLATE,
            &[(PathBuf::from("a/Cargo.toml"), "package.version")],
        );
        let parsed = Config::parse(Path::new("template"), &text).unwrap();
        let files = parsed.version.files.unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].path, PathBuf::from("a/Cargo.toml"));
    }
}
