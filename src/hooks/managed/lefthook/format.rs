//! lefthook reads its configuration as YAML, TOML or JSON: which hooks a file has a section
//! for, and relhook's command written in the file's own language (a YAML snippet pasted into
//! lefthook.toml breaks every hook).

use std::path::Path;

use super::super::has_top_level_key;

/// The language of a lefthook configuration file, by its extension (lefthook's own rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.yml`, `.yaml`, and anything else.
    Yaml,
    /// `.toml`.
    Toml,
    /// `.json`.
    Json,
}

impl Format {
    /// The language of the file at `path`.
    pub fn of(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("toml") => Format::Toml,
            Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
            _ => Format::Yaml,
        }
    }

    /// How a reader of the file names `hook`'s section.
    pub fn section_name(self, hook: &str) -> String {
        match self {
            Format::Yaml => format!("`{hook}:`"),
            Format::Toml => format!("`[{hook}]`"),
            Format::Json => format!("`\"{hook}\"`"),
        }
    }
}

/// Whether the configuration `text` (of file `path`) has a section for `hook`. A TOML or JSON
/// file that does not parse is taken to have one: lefthook's runner is then kept.
pub(in crate::hooks::managed) fn has_hook(path: &Path, text: &str, hook: &str) -> bool {
    match Format::of(path) {
        Format::Yaml => has_top_level_key(text, hook),
        Format::Toml => text
            .parse::<toml::Table>()
            .map_or(true, |t| t.contains_key(hook)),
        Format::Json if text.trim().is_empty() => false,
        Format::Json => serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text)
            .map_or(true, |m| m.contains_key(hook)),
    }
}

/// relhook's command for `hook` in TOML or JSON (`None` for YAML, whose lines follow the
/// file's indentation), and where it goes: `has_section` says the file already has a section
/// for the hook.
pub(in crate::hooks::managed) fn snippet(
    format: Format,
    hook: &str,
    run: &str,
    stdin: bool,
    has_section: bool,
) -> Option<(String, &'static str)> {
    match format {
        Format::Yaml => None,
        Format::Toml => {
            let stdin = if stdin { "use_stdin = true\n" } else { "" };
            // A table of its own: valid beside a `[hook]` section the file already has.
            Some((
                format!(
                    "[{hook}.commands.relhook]\nrun = {}\n{stdin}",
                    crate::config::toml_text::string(run)
                ),
                "as a table of its own",
            ))
        }
        Format::Json => {
            let stdin = if stdin { ", \"use_stdin\": true" } else { "" };
            let command = format!("\"relhook\": {{ \"run\": \"{run}\"{stdin} }}");
            Some(if has_section {
                (
                    format!("{command}\n"),
                    "as a member of that section's `\"commands\"` object (mind the commas)",
                )
            } else {
                (
                    format!("\"{hook}\": {{ \"commands\": {{ {command} }} }}\n"),
                    "as a member of the top-level object (mind the commas)",
                )
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUN: &str =
        "if command -v relhook >/dev/null 2>&1; then relhook hook pre-push {1} {2}; fi";

    /// Every hook's snippet is a valid TOML table and JSON member as printed (commit-msg's
    /// says when relhook is not on PATH: no `"` in it to break the string).
    #[test]
    fn every_snippet_parses_in_its_language() {
        for hook in [
            "commit-msg",
            "post-commit",
            "pre-push",
            "reference-transaction",
        ] {
            let (run, stdin) = super::super::run_of(hook);
            let (toml_text, _) = snippet(Format::Toml, hook, &run, stdin, false).unwrap();
            let parsed: Result<toml::Table, _> = toml::from_str(&toml_text);
            assert!(parsed.is_ok(), "{hook}: {toml_text}");
            let (json_text, _) = snippet(Format::Json, hook, &run, stdin, false).unwrap();
            let object = format!("{{ {json_text} }}");
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&object);
            assert!(parsed.is_ok(), "{hook}: {object}");
        }
    }

    #[test]
    fn sections_are_read_in_each_language() {
        let toml = Path::new("lefthook.toml");
        assert!(has_hook(
            toml,
            "[pre-push.commands.x]\nrun = \"y\"\n",
            "pre-push"
        ));
        assert!(!has_hook(
            toml,
            "[pre-commit]\nparallel = true\n",
            "pre-push"
        ));
        let json = Path::new(".lefthook.json");
        assert!(has_hook(json, "{\"pre-push\": {}}", "pre-push"));
        assert!(!has_hook(json, "{\"pre-commit\": {}}", "pre-push"));
        assert!(!has_hook(json, "", "pre-push"));
        assert!(
            has_hook(json, "{ not json", "pre-push"),
            "kept when unreadable"
        );
        assert!(has_hook(
            Path::new("lefthook.yml"),
            "pre-push:\n",
            "pre-push"
        ));
    }

    #[test]
    fn snippets_parse_in_their_language_and_run_relhook() {
        let (toml, _) = snippet(Format::Toml, "pre-push", RUN, true, true).unwrap();
        let with =
            format!("[pre-push]\nparallel = true\n[pre-push.commands.mine]\nrun = \"x\"\n{toml}");
        let table: toml::Table = with.parse().expect(&with);
        let cmd = &table["pre-push"]["commands"]["relhook"];
        assert_eq!(cmd["run"].as_str(), Some(RUN));
        assert_eq!(cmd["use_stdin"].as_bool(), Some(true));

        let (json, _) = snippet(Format::Json, "pre-push", RUN, true, false).unwrap();
        let doc = format!("{{\"pre-commit\": {{}}, {json}}}");
        let v: serde_json::Value = serde_json::from_str(&doc).expect(&doc);
        assert_eq!(
            v["pre-push"]["commands"]["relhook"]["run"].as_str(),
            Some(RUN)
        );
        let (member, _) = snippet(Format::Json, "pre-push", RUN, false, true).unwrap();
        let doc = format!("{{\"pre-push\": {{\"commands\": {{\"mine\": {{}}, {member}}}}}}}");
        let v: serde_json::Value = serde_json::from_str(&doc).expect(&doc);
        assert_eq!(
            v["pre-push"]["commands"]["relhook"]["run"].as_str(),
            Some(RUN)
        );
        assert!(snippet(Format::Yaml, "pre-push", RUN, true, true).is_none());
    }
}
