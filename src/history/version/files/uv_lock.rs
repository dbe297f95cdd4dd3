//! `uv.lock` follows a `pyproject.toml` bump: uv repeats each project of its workspace in a
//! `[[package]]` entry whose `source` is `{ editable = "<dir>" }` or `{ virtual = "<dir>" }`
//! (`.` for the lock's own folder), with the version as uv normalizes it (PEP 440: `1.3.0-rc.1`
//! is `1.3.0rc1`). That entry's version moves as `uv lock` would write it, every other byte
//! kept; one relhook cannot read as uv writes it is refused, never guessed at. A lock whose
//! entry holds another version (or that has no entry of the project) is left with a note.

use std::path::{Path, PathBuf};

use super::pep440::spell;
use super::py_deps::normalized;
use super::{Edit, Locks, Result, VersionFile, VersionFileError};

/// The locks a release leaves as they are, each with the note that says why.
pub type LocksLeft = Vec<(PathBuf, String)>;

/// The `uv.lock` edits that follow bumped `pyproject.toml` files (each with the version it
/// held): the lock at the top of the work tree, and one in the project's own folder; and the
/// locks left as they are, each with the note that says why. The locks are read from `locks`.
pub fn uv_lock_edits(
    locks: Locks<'_>,
    root: &Path,
    bumped: &[(VersionFile, String)],
    new: &str,
) -> Result<(Vec<Edit>, LocksLeft)> {
    let mut out: Vec<Edit> = Vec::new();
    let mut notes = Vec::new();
    for (f, old) in bumped {
        if old == new || f.path.file_name().is_none_or(|n| n != "pyproject.toml") {
            continue;
        }
        let dir = f.path.parent().unwrap_or(Path::new(""));
        let name = project_name(&root.join(&f.path));
        let mut paths = vec![(PathBuf::from("uv.lock"), slash_path(dir))];
        if !dir.as_os_str().is_empty() {
            paths.push((dir.join("uv.lock"), ".".to_owned()));
        }
        for (lock, source) in paths {
            let planned = out.iter().position(|e| e.path == lock);
            let text = match planned {
                Some(i) => String::from_utf8_lossy(&out[i].after).into_owned(),
                None => match locks.read(root, &lock) {
                    Ok(text) => text,
                    Err(VersionFileError::Missing { .. }) => continue,
                    Err(e) => return Err(e),
                },
            };
            let bumped =
                bump_entry(&text, &source, name.as_deref(), old, new).map_err(|e| match e {
                    Odd::Entry(message) => VersionFileError::LockEntry {
                        path: lock.clone(),
                        message,
                    },
                    Odd::Unspelled(listed) => VersionFileError::NoLockSpelling {
                        path: lock.clone(),
                        version: new.to_owned(),
                        name: listed,
                    },
                })?;
            let after = match bumped {
                Bumped::Text(after) => after,
                // A workspace member's entry is the root lock's only if it is a member.
                Bumped::NoEntry if source != "." => continue,
                Bumped::NoEntry => {
                    let name = name
                        .as_deref()
                        .map_or(String::new(), |n| format!(" of {n}"));
                    let why = format!("has no entry{name} (`source = {{ editable = \".\" }}`)");
                    notes.push((lock.clone(), left_note(&lock, &why)));
                    continue;
                }
                Bumped::Stale(why) => {
                    notes.push((lock.clone(), left_note(&lock, &format!(": {why}"))));
                    continue;
                }
            };
            match planned {
                Some(i) => out[i].after = after.into_bytes(),
                None if after != text => out.push(Edit {
                    path: lock,
                    before: text.into_bytes(),
                    after: after.into_bytes(),
                    committed: None,
                }),
                None => {}
            }
        }
    }
    out.retain(|e| e.before != e.after);
    Ok((out, notes))
}

/// The note on a lock the release leaves as it is (`why` follows its path), with the command
/// that refreshes it, run in its folder.
fn left_note(lock: &Path, why: &str) -> String {
    let refresh = match lock.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => format!(
            "uv lock --directory {}",
            crate::shellword::folder_value(&slash_path(dir))
        ),
        None => "uv lock".to_owned(),
    };
    format!(
        "{}{why}, so the release leaves it as it is; `{refresh}` refreshes it (run it and commit {} before releasing, and the release moves it)",
        lock.display(),
        lock.display()
    )
}

/// A folder as uv writes it in a `source` (and pnpm names an importer): `.` for the top, `/`
/// between components.
pub fn slash_path(dir: &Path) -> String {
    let parts: Vec<String> = dir
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

/// `project.name` (or Poetry's `tool.poetry.name`) of a pyproject.toml.
fn project_name(pyproject: &Path) -> Option<String> {
    let doc: toml::Table = crate::fsx::regular_text(pyproject)?.parse().ok()?;
    let name = doc.get("project").and_then(|p| p.get("name")).or_else(|| {
        doc.get("tool")
            .and_then(|t| t.get("poetry"))
            .and_then(|p| p.get("name"))
    })?;
    name.as_str().map(str::to_owned)
}

/// Why [`bump_entry`] cannot move an entry.
#[derive(Debug, PartialEq, Eq)]
enum Odd {
    /// The entry is not as uv writes it: why, and the fix.
    Entry(String),
    /// The new version has no PEP 440 spelling; the entry's name.
    Unspelled(String),
}

/// What [`bump_entry`] made of a lock.
#[derive(Debug, PartialEq, Eq)]
enum Bumped {
    /// The lock with the entry moved, or as it was: the entry has no version (a dynamic one),
    /// or already the new one.
    Text(String),
    /// No entry has the project's source.
    NoEntry,
    /// The entry is left as it is, a lock not kept: why (another version, another name).
    Stale(String),
}

/// A TOML string holding `text`, quotes and escapes included, as advice pastes it (what
/// `config::toml_text::string` writes; `config` reads this module, so it is not used here).
fn toml_string(text: &str) -> String {
    toml_edit::Value::from(text).to_string()
}

/// The value of `line` when it sets `key` (`version = "1.2.0"`, and any spelling TOML allows
/// and uv reads: `version="1.2.0"`, indented, tabbed, `"version" = …`), with where it starts:
/// a spelling relhook passed over left the lock stale without a word.
fn key_value<'a>(line: &'a str, key: &str) -> Option<(usize, &'a str)> {
    let rest = line.trim_start_matches([' ', '\t']);
    let rest = (rest.strip_prefix(key))
        .or_else(|| rest.strip_prefix(&format!("\"{key}\"")))?
        .trim_start_matches([' ', '\t'])
        .strip_prefix('=')?
        .trim_start_matches([' ', '\t']);
    Some((line.len() - rest.len(), rest))
}

/// `text` (a uv.lock) with the version of the entry whose source is the project at `source`
/// (named `name`) moved from `old` to `new` (see [`Bumped`]); `Err` (why, and the fix) when
/// it is not as uv writes it and relhook cannot tell where the version is.
fn bump_entry(
    text: &str,
    source: &str,
    name: Option<&str>,
    old: &str,
    new: &str,
) -> std::result::Result<Bumped, Odd> {
    let mut found: Vec<Entry> = Vec::new();
    let mut block: Option<Entry> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare.starts_with('[') {
            found.extend(block.take().filter(|b| b.is_project(source)));
            if bare == "[[package]]" {
                block = Some(Entry::default());
            }
            continue;
        }
        let Some(b) = block.as_mut() else { continue };
        if let Some((_, v)) = key_value(bare, "name") {
            b.name = Some(v.to_owned());
        } else if let Some((from, v)) = key_value(bare, "version") {
            b.version = Some((start + from, v.to_owned()));
        } else if let Some((_, v)) = key_value(bare, "source") {
            b.source = Some(v.to_owned());
        }
    }
    found.extend(block.filter(|b| b.is_project(source)));
    let [entry] = found.as_slice() else {
        return match found.len() {
            0 => Ok(Bumped::NoEntry),
            // `uv lock` itself refuses such a lock ("Found duplicate package").
            n => Err(Odd::Entry(format!(
                "{n} entries have `source = {{ editable = {} }}` (or `virtual`), which uv cannot read either; remove all but one of them and commit uv.lock",
                toml_string(source)
            ))),
        };
    };
    let odd = |key: &str, raw: &str, uv: &str| {
        Odd::Entry(format!(
            "the entry of the project at `{source}` reads `{key} = {raw}`, which relhook does not edit; write the line as uv does, `{key} = {}`, and commit uv.lock",
            toml_string(uv)
        ))
    };
    let raw_name = entry.name.as_deref().unwrap_or("");
    let listed = match quoted(raw_name) {
        Ok((_, listed)) => listed.to_owned(),
        Err(Some(listed)) => listed,
        Err(None) => return Err(odd("name", raw_name, &normalized(name.unwrap_or("…")))),
    };
    if let Some(n) = name.filter(|n| normalized(n) != normalized(&listed)) {
        let why = format!("the entry at `{source}` is named {listed}, not {n}");
        return Ok(Bumped::Stale(why));
    }
    let Some((offset, raw)) = &entry.version else {
        return Ok(Bumped::Text(text.to_owned()));
    };
    let pep_old = spell(old);
    let is_old = |held: &str| held == old || Some(held) == pep_old.as_deref();
    let stale = |held: &str| {
        let done = held == new || Some(held) == spell(new).as_deref();
        Ok(match done {
            true => Bumped::Text(text.to_owned()),
            false => Bumped::Stale(format!(
                "the entry of {listed} says {held}, not {old} as its pyproject.toml does"
            )),
        })
    };
    let (span, held) = match quoted(raw) {
        Ok(found) => found,
        Err(Some(held)) if !is_old(&held) => return stale(&held),
        Err(_) => return Err(odd("version", raw, pep_old.as_deref().unwrap_or(old))),
    };
    if !is_old(held) {
        return stale(held);
    }
    let Some(written) = spell(new) else {
        return Err(Odd::Unspelled(listed));
    };
    let span = offset + span.start..offset + span.end;
    Ok(Bumped::Text(format!(
        "{}{written}{}",
        &text[..span.start],
        &text[span.end..]
    )))
}

/// A `[[package]]` entry's top keys, each as written after `key = `; the version with its
/// byte offset in the lock.
#[derive(Default)]
struct Entry {
    name: Option<String>,
    version: Option<(usize, String)>,
    source: Option<String>,
}

impl Entry {
    /// Whether the entry is the project at `dir`: `source = { editable = "<dir>" }` or
    /// `{ virtual = "<dir>" }`.
    fn is_project(&self, dir: &str) -> bool {
        let Some(inner) = self
            .source
            .as_deref()
            .and_then(|s| s.strip_prefix("{ ")?.strip_suffix(" }"))
        else {
            return false;
        };
        let Some((kind, path)) = inner.split_once(" = ") else {
            return false;
        };
        // uv escapes a folder holding both quotes (`"it's \"x\""`): read as TOML reads it.
        let path = match quoted(path) {
            Ok((_, path)) => Some(path.to_owned()),
            Err(read) => read,
        };
        matches!(kind, "editable" | "virtual") && path.is_some_and(|p| p == dir)
    }
}

/// Where the text of a TOML string `raw` (a value as written after `key = `) lies in it, and
/// that text, when its place is clear: in double quotes without escapes, or in single quotes,
/// then nothing but a comment. Else `Err` with the string TOML reads there, if any.
fn quoted(raw: &str) -> std::result::Result<(std::ops::Range<usize>, &str), Option<String>> {
    for q in ['"', '\''] {
        let Some((inner, after)) = raw.strip_prefix(q).and_then(|r| r.split_once(q)) else {
            continue;
        };
        let after = after.trim_start_matches([' ', '\t']);
        let escapes = q == '"' && inner.contains('\\');
        if !escapes && !inner.is_empty() && (after.is_empty() || after.starts_with('#')) {
            return Ok((1..1 + inner.len(), inner));
        }
    }
    let doc: Option<toml::Table> = format!("v = {raw}").parse().ok();
    Err(doc.and_then(|d| d.get("v")?.as_str().map(str::to_owned)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = "version = 1\nrevision = 3\n\n[[package]]\nname = \"click\"\nversion = \"1.2.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n\n[[package]]\nname = \"my-app\"\nversion = \"1.2.0\"\nsource = { editable = \".\" }\ndependencies = [\n    { name = \"click\" },\n]\n\n[package.metadata]\nrequires-dist = [{ name = \"pkg\", editable = \"pkg\" }]\n\n[[package]]\nname = \"pkg\"\nversion = \"1.2.0\"\nsource = { virtual = \"pkg\" }\n";

    /// The lock [`bump_entry`] makes, panicking on anything else.
    fn moved(text: &str, source: &str, name: Option<&str>, old: &str, new: &str) -> String {
        match bump_entry(text, source, name, old, new) {
            Ok(Bumped::Text(after)) => after,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn only_the_project_s_own_entry_moves() {
        let after = moved(LOCK, ".", Some("My_App"), "1.2.0", "1.3.0");
        let want = LOCK.replacen(
            "name = \"my-app\"\nversion = \"1.2.0\"",
            "name = \"my-app\"\nversion = \"1.3.0\"",
            1,
        );
        assert_eq!(after, want);
        let after = moved(LOCK, "pkg", Some("pkg"), "1.2.0", "1.2.1-rc.1");
        assert!(
            after.ends_with(
                "name = \"pkg\"\nversion = \"1.2.1rc1\"\nsource = { virtual = \"pkg\" }\n"
            )
        );
        let crlf = LOCK.replace('\n', "\r\n");
        let after = moved(&crlf, ".", None, "1.2.0", "1.3.0");
        assert_eq!(after, want.replace('\n', "\r\n"));
    }

    #[test]
    fn another_version_or_name_or_none_is_told() {
        let stale = |name, old| match bump_entry(LOCK, ".", name, old, "1.3.0") {
            Ok(Bumped::Stale(why)) => why,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            stale(Some("other"), "1.2.0"),
            "the entry at `.` is named my-app, not other"
        );
        assert_eq!(
            stale(None, "1.1.0"),
            "the entry of my-app says 1.2.0, not 1.1.0 as its pyproject.toml does"
        );
        let nowhere = bump_entry(LOCK, "nowhere", None, "1.2.0", "1.3.0");
        assert_eq!(nowhere, Ok(Bumped::NoEntry));
        // No version (a dynamic one), or the new one already: nothing to move.
        let dynamic = LOCK.replace(
            "name = \"my-app\"\nversion = \"1.2.0\"\n",
            "name = \"my-app\"\n",
        );
        assert_eq!(moved(&dynamic, ".", None, "1.2.0", "1.3.0"), dynamic);
        assert_eq!(moved(LOCK, ".", None, "1.1.0", "1.2.0"), LOCK);
        // From a pre-release, as uv wrote it.
        let rc = LOCK.replace(
            "version = \"1.2.0\"\nsource = { editable",
            "version = \"1.2.0rc1\"\nsource = { editable",
        );
        assert_eq!(moved(&rc, ".", None, "1.2.0-rc.1", "1.2.0"), LOCK);
    }

    #[test]
    fn any_spelling_of_the_keys_uv_reads_is_read() {
        for line in [
            "version=\"1.2.0\"",
            "version  = \"1.2.0\"",
            "version =\t\"1.2.0\"",
            "\"version\" = \"1.2.0\"",
            "  version = \"1.2.0\"",
        ] {
            let (at, v) = key_value(line, "version").unwrap();
            assert_eq!((&line[at..], v), ("\"1.2.0\"", "\"1.2.0\""), "{line}");
        }
        assert_eq!(key_value("versions = \"1\"", "version"), None);
        assert_eq!(key_value("name = \"x\"", "version"), None);
    }

    #[test]
    fn a_value_in_a_clear_place_moves_alone() {
        for (line, after) in [
            ("version = '1.2.0'", "version = '1.3.0'"),
            ("version = \"1.2.0\"  # ours", "version = \"1.3.0\"  # ours"),
            ("version = '1.2.0'\t# \"x\"", "version = '1.3.0'\t# \"x\""),
        ] {
            let written = |l: &str| {
                LOCK.replace(
                    "version = \"1.2.0\"\nsource = { editable",
                    &format!("{l}\nsource = {{ editable"),
                )
            };
            let got = moved(&written(line), ".", None, "1.2.0", "1.3.0");
            assert_eq!(got, written(after), "{line}");
        }
    }

    #[test]
    fn an_odd_entry_is_refused_with_the_line_to_write() {
        let escaped = LOCK.replace(
            "version = \"1.2.0\"\nsource = { editable",
            "version = \"1.2\\u002E0\"\nsource = { editable",
        );
        let Err(Odd::Entry(e)) = bump_entry(&escaped, ".", None, "1.2.0", "1.3.0") else {
            panic!("moved");
        };
        assert!(
            e.ends_with("`version = \"1.2.0\"`, and commit uv.lock"),
            "{e}"
        );
        // Another version, however written, is a lock not kept.
        let other = escaped.replace("1.2\\u002E0", "1.1\\u002E0");
        let left = bump_entry(&other, ".", None, "1.2.0", "1.3.0");
        assert!(matches!(left, Ok(Bumped::Stale(_))), "{left:?}");
        let twice = format!(
            "{LOCK}\n[[package]]\nname = \"my-app\"\nversion = \"1.2.0\"\nsource = {{ editable = \".\" }}\n"
        );
        let Err(Odd::Entry(e)) = bump_entry(&twice, ".", None, "1.2.0", "1.3.0") else {
            panic!("moved");
        };
        assert!(e.contains("2 entries") && !e.contains("uv lock"), "{e}");
        let e = bump_entry(LOCK, ".", None, "1.2.0", "1.3.0-foo.1");
        assert_eq!(e, Err(Odd::Unspelled("my-app".into())));
    }

    #[test]
    fn names_in_the_advice_are_written_as_toml_reads_them() {
        // uv escapes a folder holding both quotes; its entry is the project's all the same.
        let dir = r#"it's "odd"\ dir"#;
        let source = r#"{ editable = "it's \"odd\"\\ dir" }"#;
        let lock = LOCK.replace(r#"{ virtual = "pkg" }"#, source);
        let after = moved(&lock, dir, None, "1.2.0", "1.3.0");
        let want = format!("name = \"pkg\"\nversion = \"1.3.0\"\nsource = {source}\n");
        assert!(after.ends_with(&want), "{after}");
        // The TOML between the backticks after `lead`, as a table.
        let pasted = |e: &str, lead: &str| -> toml::Table {
            let text = e.split(lead).nth(1).and_then(|r| r.split('`').next());
            toml::from_str(text.expect(e)).expect(e)
        };
        let twice = format!("{lock}\n[[package]]\nname = \"pkg\"\nsource = {source}\n");
        let Err(Odd::Entry(e)) = bump_entry(&twice, dir, None, "1.2.0", "1.3.0") else {
            panic!("moved");
        };
        assert_eq!(
            pasted(&e, "have `")["source"]["editable"].as_str(),
            Some(dir)
        );
        let unnamed = LOCK.replace("name = \"my-app\"", "name = my-app");
        let Err(Odd::Entry(e)) = bump_entry(&unnamed, ".", Some(r#"my"app\"#), "1.2.0", "1.3.0")
        else {
            panic!("moved");
        };
        assert_eq!(
            pasted(&e, "as uv does, `")["name"].as_str(),
            Some(r#"my"app\"#)
        );
    }

    #[test]
    fn a_string_s_place_is_told_only_when_clear() {
        assert_eq!(quoted("\"1.2.0\""), Ok((1..6, "1.2.0")));
        assert_eq!(quoted("'a\\b' # c"), Ok((1..4, "a\\b")));
        assert_eq!(quoted("\"a\\u0062\""), Err(Some("ab".to_owned())));
        assert_eq!(quoted("\"1\" x"), Err(None));
        assert_eq!(quoted("\"\"\"1\"\"\""), Err(Some("1".to_owned())));
    }

    #[test]
    fn names_are_compared_as_uv_writes_them() {
        assert_eq!(normalized("My_App.io"), "my-app-io");
        assert_eq!(normalized("a__b"), "a-b");
    }
}
