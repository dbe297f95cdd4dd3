//! The commit types a project allows already, for `init` to propose as `[commit] types`:
//! commitlint's `type-enum` rule (`.commitlintrc.json`, `.commitlintrc`, `.commitlintrc.yml`,
//! package.json's `commitlint` key, and a JavaScript or TypeScript config whose rule is a plain
//! array literal: read as text, never run), cocogitto's cog.toml (`[commit_types]`, in
//! `cog_types`) and the regex of vue's `scripts/verify-commit.js`.
//! A project that moves to relhook keeps the vocabulary its history and its people use.

use std::path::Path;

use super::js_literal::{
    key_value, literal_strings, literal_third_list, string_literal, strip_comments,
};

use serde::Serialize;
use serde_json::Value;

/// What the project says about its commit types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ProjectTypes {
    /// The types (lowercase, in the project's order), and where they came from
    /// (``.commitlintrc.json's `type-enum` rule``).
    Read {
        /// The types.
        types: Vec<String>,
        /// Where they came from.
        from: String,
        /// The `[changelog.sections]` they go under (type, sub-section), when the project
        /// says them otherwise than relhook's defaults (cog.toml's titles and omissions).
        sections: Option<Vec<(String, String)>>,
        /// The `[changelog] order` of their sub-sections, when the project gives one
        /// (cog.toml's `order`s, or cocogitto's default order), even of relhook's default
        /// sections.
        #[serde(skip_serializing_if = "Option::is_none")]
        order: Option<Vec<String>>,
        /// The `[version] minor_types`, when the project says them otherwise than `feat`
        /// alone (cog.toml's `bump_minor`).
        #[serde(skip_serializing_if = "Option::is_none")]
        minor_types: Option<Vec<String>>,
    },
    /// A commitlint configuration with no `type-enum` of its own that extends
    /// `@commitlint/config-conventional`, whose types are relhook's defaults (where it is).
    Conventional {
        /// The configuration (``package.json's `commitlint` key``).
        from: String,
    },
    /// A file that holds them but was not read, and why (a sentence with the way on).
    Unread(String),
    /// package.json, too large to read: the warning that names it and the limit, once a run
    /// for every part of init that reads it, says so; the default types stay.
    Told,
}

/// commitlint's configuration files, in the order it looks for them.
const COMMITLINT_FILES: &[&str] = &[
    ".commitlintrc",
    ".commitlintrc.json",
    ".commitlintrc.yaml",
    ".commitlintrc.yml",
    ".commitlintrc.js",
    ".commitlintrc.cjs",
    ".commitlintrc.mjs",
    ".commitlintrc.ts",
    ".commitlintrc.cts",
    "commitlint.config.js",
    "commitlint.config.cjs",
    "commitlint.config.mjs",
    "commitlint.config.ts",
    "commitlint.config.cts",
];

/// vue's commit-msg check: a regex whose `(feat|fix|...)` group is the allowed types.
const VERIFY_COMMIT: &str = "scripts/verify-commit.js";

/// The commit types the project at `root` (the top of the work tree) allows, as its
/// commitlint configuration or `scripts/verify-commit.js` says; `None` when neither says.
pub fn project_types(root: &Path) -> Option<ProjectTypes> {
    // package.json's key comes first, as commitlint looks there first.
    let manifest = match load(root, "package.json") {
        // One too large to read may hold the key that wins: said, never passed over, in the
        // one warning line every other read of it in init shares.
        Some(Err(unread)) if unread_too_large(&unread) => {
            crate::fsx::warn_too_large(&root.join("package.json"), MAX_BYTES);
            return Some(ProjectTypes::Told);
        }
        Some(Ok(text)) => serde_json::from_str::<Value>(&text).ok(),
        _ => None,
    };
    if let Some(config) = manifest.and_then(|m| m.get("commitlint").cloned()) {
        return from_value(&config, "package.json's `commitlint` key");
    }
    for name in COMMITLINT_FILES {
        let text = match load(root, name) {
            None => continue,
            Some(Err(unread)) => return Some(unread),
            Some(Ok(text)) => text,
        };
        let data = |value: Option<Value>, kind: &str| match value {
            Some(value) => from_value(&value, name),
            None => Some(unread(name, &format!("it does not read as {kind}"))),
        };
        return match name.rsplit_once('.').map(|(_, ext)| ext) {
            Some("json") => data(serde_json::from_str(&text).ok(), "JSON"),
            Some("yaml" | "yml") => data(yaml_value(&text), "YAML"),
            Some("js" | "cjs" | "mjs" | "ts" | "cts") => from_script(&text, name),
            // `.commitlintrc`: JSON or YAML, which reads JSON too.
            _ => data(yaml_value(&text), "JSON or YAML"),
        };
    }
    match load(root, super::cog_types::COG_TOML) {
        Some(Ok(text)) => {
            if let Some(found) = super::cog_types::from_cog(&text) {
                return Some(found);
            }
        }
        Some(Err(unread)) => return Some(unread),
        None => {}
    }
    Some(match load(root, VERIFY_COMMIT)? {
        Ok(text) => from_regex(&text),
        Err(unread) => unread,
    })
}

/// The most a file read for the types may hold: a configuration is a few kilobytes, and a
/// larger file (generated, or planted) would only cost memory.
const MAX_BYTES: u64 = 1024 * 1024;

/// Why a file over [`MAX_BYTES`] is not read.
const TOO_LARGE: &str = "it is larger than 1 MiB, the most relhook reads of a configuration file";

/// Whether `types` is the sentence for a file too large to read.
fn unread_too_large(types: &ProjectTypes) -> bool {
    matches!(types, ProjectTypes::Unread(s) if s.contains(TOO_LARGE))
}

/// The text of the file `name` at `root`: `None` when absent, and a file that is not read as
/// the sentence why (a symbolic link, which may lead out of the repository, is never followed;
/// one over [`MAX_BYTES`] is told by its size, never read).
pub(super) fn load(root: &Path, name: &str) -> Option<Result<String, ProjectTypes>> {
    let path = root.join(name);
    let meta = std::fs::symlink_metadata(&path).ok()?;
    if meta.file_type().is_symlink() {
        return Some(Err(unread(
            name,
            "it is a symbolic link, and relhook reads no configuration through one",
        )));
    }
    Some(match crate::fsx::regular_text_capped(&path, MAX_BYTES) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(unread(name, "it is not a regular file of UTF-8 text")),
        Err(crate::fsx::TooLarge) => Err(unread(name, TOO_LARGE)),
    })
}

/// The types a commitlint configuration (as data) says, from its file `name`.
fn from_value(config: &Value, name: &str) -> Option<ProjectTypes> {
    let Some(rule) = config.get("rules").and_then(|r| r.get("type-enum")) else {
        return extends(config, name);
    };
    let level = rule.as_array().and_then(|r| r.first());
    // Level 0 turns the rule off: any type passes, and its list restricts nothing.
    if level.is_some_and(|l| l.as_i64() == Some(0) || l.as_str() == Some("0")) {
        return Some(unread(name, OFF));
    }
    let list = rule
        .as_array()
        .and_then(|r| r.get(2))
        .and_then(Value::as_array);
    let words: Option<Vec<String>> =
        list.and_then(|l| l.iter().map(|v| v.as_str().map(str::to_owned)).collect());
    let condition = rule.as_array().and_then(|r| r.get(1));
    if condition.is_some_and(|c| c.as_str() == Some("never")) {
        return Some(unread(name, NEVER));
    }
    match words.filter(|_| condition.is_none_or(|c| c.as_str() == Some("always"))) {
        Some(words) => Some(read_rule(words, name)),
        None => Some(unread(name, NOT_A_LIST)),
    }
}

/// Why a rule of another shape is not read.
const NOT_A_LIST: &str = "its `type-enum` rule is not a list of the types allowed, written `[2, \"always\", [\"feat\", \"fix\"]]`";

/// Why a rule with `never` is not read.
const NEVER: &str =
    "its `type-enum` rule says `never`, so it lists the types refused, not those allowed";

/// The types a `type-enum` rule's list `words` in the file `name` gives, or why none.
fn read_rule(words: Vec<String>, name: &str) -> ProjectTypes {
    match valid(words, "its `type-enum` rule") {
        Ok((types, lowered)) => ProjectTypes::Read {
            types,
            from: format!("{name}'s `type-enum` rule{}", lowercased(lowered)),
            sections: None,
            order: None,
            minor_types: None,
        },
        Err(why) => unread(name, &why),
    }
}

/// What `from` adds when the project's types were written in capitals: relhook's are
/// lowercase (and it warns of a type written otherwise).
fn lowercased(lowered: bool) -> &'static str {
    match lowered {
        true => ", in lowercase as relhook's types are",
        false => "",
    }
}

/// Why a rule at level 0 is not read.
const OFF: &str = "its `type-enum` rule is off (level 0), so it allows any type";

/// A configuration with no `type-enum`: the default types when it extends commitlint's
/// conventional configuration, said as not read when it extends another.
fn extends(config: &Value, name: &str) -> Option<ProjectTypes> {
    let shared: Vec<&str> = match config.get("extends")? {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    from_shared(&shared, name)
}

/// What the shared configurations a configuration extends say of its types: the defaults when
/// they are commitlint's conventional one (beside ones that only list scopes), not read when
/// another may set them (`@commitlint/config-angular` has types of its own, and a later one
/// wins).
fn from_shared(shared: &[&str], name: &str) -> Option<ProjectTypes> {
    let other = shared.iter().find(|s| !conventional(s) && !scopes_only(s));
    match other {
        None if shared.iter().any(|s| conventional(s)) => Some(ProjectTypes::Conventional {
            from: name.to_owned(),
        }),
        None => None,
        Some(other) => Some(unread(
            name,
            &format!(
                "its types are those of `{other}`, which it extends and relhook does not read"
            ),
        )),
    }
}

/// Whether a shared configuration's name is commitlint's conventional one.
fn conventional(name: &str) -> bool {
    matches!(
        name,
        "@commitlint/config-conventional" | "@commitlint/conventional"
    )
}

/// Whether a shared configuration only lists scopes (`@commitlint/config-pnpm-scopes`), so
/// leaves the types to the others.
fn scopes_only(name: &str) -> bool {
    name.starts_with("@commitlint/config-") && name.ends_with("-scopes")
}

/// The types a JavaScript or TypeScript configuration's text says: its `type-enum` rule's
/// list when that is a plain array literal of strings.
fn from_script(text: &str, name: &str) -> Option<ProjectTypes> {
    let text = strip_comments(text);
    let Some(after) = key_value(&text, "type-enum") else {
        // No rule of its own: what it extends says.
        let after = key_value(&text, "extends")?;
        return match literal_strings(&text[after..]) {
            Some(shared) => {
                from_shared(&shared.iter().map(String::as_str).collect::<Vec<_>>(), name)
            }
            None => Some(unread(
                name,
                "its `extends` is not a plain list of names, and relhook reads JavaScript as text, never runs it",
            )),
        };
    };
    let rule = literal_third_list(&text[after..]);
    if let Some((level, _, _)) = &rule
        && matches!(*level, "0" | "RuleConfigSeverity.Disabled")
    {
        return Some(unread(name, OFF));
    }
    // `'never'` lists the types refused, and an expression may say either.
    if let Some((_, condition, _)) = &rule {
        match string_literal(condition) {
            Some((c, r)) if c == "always" && r.is_empty() => {}
            Some((c, r)) if c == "never" && r.is_empty() => return Some(unread(name, NEVER)),
            _ => return Some(unread(name, NOT_A_LIST)),
        }
    }
    Some(match rule.and_then(|(_, _, list)| list) {
        Some(words) => read_rule(words, name),
        None => unread(
            name,
            "its `type-enum` rule is not a plain array literal, and relhook reads JavaScript as text, never runs it",
        ),
    })
}

/// The types vue's `scripts/verify-commit.js` allows: the regex group (capturing, `(?:` or
/// named) that lists `feat` and `fix`, with `revert` when the regex takes a `revert: ` prefix
/// before it (`(revert: )?`, `(revert:\s)?`, `(revert:\s+)?`, `(revert: ?)?`); any other
/// prefix is said not read, never guessed.
fn from_regex(text: &str) -> ProjectTypes {
    // Capturing, `(?:` or named (`(?<type>`).
    let group =
        regex::Regex::new(r"\((?:\?:|\?<\w+>)?([^()|\n]+(?:\|[^()|\n]+)+)\)").expect("valid");
    let found = group.captures_iter(text).find_map(|c| {
        let words: Vec<String> = c[1].split('|').map(str::to_owned).collect();
        let has = |t: &str| words.iter().any(|w| w.eq_ignore_ascii_case(t));
        (has("feat") && has("fix")).then(|| (c.get(0).expect("whole").start(), words))
    });
    let Some((at, words)) = found else {
        return unread(
            VERIFY_COMMIT,
            "it has no regex with a `(feat|fix|...)` group of types",
        );
    };
    let (mut types, lowered) = match valid(words, "its regex's `(feat|fix|...)` group") {
        Ok(read) => read,
        Err(why) => return unread(VERIFY_COMMIT, &why),
    };
    // What the regex takes before the types: from its `^`, or where the literal opens.
    let line = &text[text[..at].rfind('\n').map_or(0, |n| n + 1)..at];
    let Some(open) = line.rfind(['^', '/', '\'', '"', '`']) else {
        return unread(
            VERIFY_COMMIT,
            "relhook does not see where its regex with the `(feat|fix|...)` group begins",
        );
    };
    let prefix = &line[open + 1..];
    let revert = regex::Regex::new(r"^\((?:\?:)?revert:(?: |\\{1,2}s)[?+*]?\)\?$").expect("valid");
    if revert.is_match(prefix) {
        if !types.iter().any(|t| t == "revert") {
            types.push("revert".to_owned());
        }
    } else if !prefix.is_empty() {
        return unread(
            VERIFY_COMMIT,
            &format!(
                "its regex takes `{}` before the type, which relhook does not read as a revert's `revert: `",
                crate::printable::visible(prefix)
            ),
        );
    }
    ProjectTypes::Read {
        types,
        from: format!("the regex of {VERIFY_COMMIT}{}", lowercased(lowered)),
        sections: None,
        order: None,
        minor_types: None,
    }
}

/// The sentence for a file whose types were not read.
pub(super) fn unread(name: &str, why: &str) -> ProjectTypes {
    ProjectTypes::Unread(format!(
        "did not read the commit types in {name}: {why}; set `types` under `[commit]` in .relconfig.toml to the types your commits use"
    ))
}

/// `words` lowercased and without repeats, and whether any was not lowercase, when each is a
/// name `[commit] types` takes; else why not, as a clause on `what` listed them.
pub(super) fn valid(words: Vec<String>, what: &str) -> Result<(Vec<String>, bool), String> {
    let mut types: Vec<String> = Vec::new();
    let mut lowered = false;
    for w in words {
        let ok = !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(format!(
                "{what} lists `{}`, and a commit type is one word of letters, digits, `-` and `_`",
                crate::printable::visible(&w)
            ));
        }
        let lower = w.to_ascii_lowercase();
        lowered |= lower != w;
        if !types.contains(&lower) {
            types.push(lower);
        }
    }
    match types.is_empty() {
        true => Err(format!(
            "{what} lists no types, and relhook needs at least one"
        )),
        false => Ok((types, lowered)),
    }
}

/// A YAML text as JSON data (scalars as strings; aliases as null): `None` when it does not
/// read as YAML.
fn yaml_value(text: &str) -> Option<Value> {
    use saphyr_parser::{Event, Parser};
    let mut open: Vec<(bool, Vec<Value>)> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, _) = next.ok()?;
        let done = match event {
            Event::Scalar(v, ..) => Value::String(v.into_owned()),
            Event::Alias(_) => Value::Null,
            Event::SequenceStart(..) => {
                open.push((false, Vec::new()));
                continue;
            }
            Event::MappingStart(..) => {
                open.push((true, Vec::new()));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (map, items) = open.pop()?;
                match map {
                    false => Value::Array(items),
                    true => {
                        let mut m = serde_json::Map::new();
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            if let Value::String(k) = k {
                                m.insert(k, v);
                            }
                        }
                        Value::Object(m)
                    }
                }
            }
            Event::DocumentEnd | Event::StreamEnd => break,
            _ => continue,
        };
        match open.last_mut() {
            Some((_, items)) => items.push(done),
            None => return Some(done),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(types: &ProjectTypes) -> Vec<&str> {
        match types {
            ProjectTypes::Read { types, .. } => types.iter().map(String::as_str).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_literal_rule_in_a_script_is_read_and_an_expression_is_not() {
        let ts = "import { RuleConfigSeverity } from '@commitlint/types';\n// 'type-enum': [0]\nexport default {\n  extends: ['@commitlint/config-conventional'],\n  rules: {\n    'type-enum': [\n      RuleConfigSeverity.Error,\n      'always',\n      ['feat', \"fix\", `Docs`, 'wip',],\n    ],\n  },\n};\n";
        let got = from_script(ts, "commitlint.config.ts").unwrap();
        assert_eq!(read(&got), ["feat", "fix", "docs", "wip"]);
        for not_literal in [
            "module.exports = { rules: { 'type-enum': [2, 'always', types] } }",
            "module.exports = { rules: { 'type-enum': [2, 'always', [...types, 'x']] } }",
            "module.exports = { rules: { 'type-enum': () => [2, 'always', ['a']] } }",
            "module.exports = { rules: { 'type-enum': [2, 'always', ['a'].concat(b)] } }",
        ] {
            let got = from_script(not_literal, "commitlint.config.js").unwrap();
            assert!(matches!(got, ProjectTypes::Unread(_)), "{not_literal}");
        }
        let plain = "module.exports = { extends: ['@commitlint/config-conventional'] }";
        assert!(matches!(
            from_script(plain, "x.js"),
            Some(ProjectTypes::Conventional { .. })
        ));
    }

    #[test]
    fn yaml_and_json_rules_are_read() {
        let yaml = "extends:\n  - '@commitlint/config-conventional'\nrules:\n  type-enum:\n    - 2\n    - always\n    - - feat\n      - fix\n      - chore\n";
        let got = from_value(&yaml_value(yaml).unwrap(), ".commitlintrc.yml").unwrap();
        assert_eq!(read(&got), ["feat", "fix", "chore"]);
        let flow = "rules: { type-enum: [2, always, [feat, ops]] }";
        let got = from_value(&yaml_value(flow).unwrap(), ".commitlintrc").unwrap();
        assert_eq!(read(&got), ["feat", "ops"]);
        let json: Value =
            serde_json::from_str(r#"{"rules": {"type-enum": [2, "never", ["feat"]]}}"#).unwrap();
        assert!(matches!(
            from_value(&json, "x.json"),
            Some(ProjectTypes::Unread(_))
        ));
    }

    #[test]
    fn vue_s_regex_gives_its_types_and_revert() {
        let text =
            "const commitRE =\n  /^(revert: )?(feat|fix|docs|dx|release)(\\(.+\\))?: .{1,50}/\n";
        assert_eq!(
            read(&from_regex(text)),
            ["feat", "fix", "docs", "dx", "release", "revert"]
        );
        for prefix in [r"(revert:\s)?", r"(?:revert:\s+)?", "(revert: ?)?", ""] {
            let text = format!("/^{prefix}(feat|fix)(\\(.+\\))?: .{{1,50}}/");
            let want: &[&str] = match prefix {
                "" => &["feat", "fix"],
                _ => &["feat", "fix", "revert"],
            };
            assert_eq!(read(&from_regex(&text)), want, "{text}");
        }
        let named = from_regex("/^(?<type>feat|fix|wip): .+/");
        assert_eq!(read(&named), ["feat", "fix", "wip"]);
        let other = from_regex("/^(fixup! )?(feat|fix): .+/");
        assert!(matches!(other, ProjectTypes::Unread(_)), "{other:?}");
    }
}
