//! `bun.lock`, bun's text lock (bun 1.2 and later): JSON with trailing commas, whose
//! `"workspaces"` object repeats each workspace package's `"version"` and requirements under
//! its folder (`""` for the root). `bun install --frozen-lockfile` refuses a lock out of step
//! with the package.json files, so a release's moves are made there too, every other byte
//! kept. A lock not shaped so is unfit, never guessed at.

use std::ops::Range;

/// A JSON value as far as the edits need it: strings with the span of their text.
enum Node {
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
    Str(String, Range<usize>),
    Other,
}

impl Node {
    fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// The lock `text` with the `"version"` of the workspace package in `dir` (`/`-separated,
/// from the lock's folder) moved from `old` to `new`; `None` when its entry states no
/// version. `Err`: why the lock cannot take it (the words follow the lock's name).
pub fn move_version(text: &str, dir: &str, old: &str, new: &str) -> Result<Option<String>, String> {
    let doc = parse(text)?;
    let entry = workspace(&doc, dir)?;
    match entry.get("version") {
        None => Ok(None),
        Some(Node::Str(v, span)) if v == old => Ok(Some(replaced(text, span, new))),
        Some(Node::Str(v, _)) => Err(format!("says {} is at {v}, not {old}", named(dir))),
        Some(_) => Err(format!("has a version of {} that is no string", named(dir))),
    }
}

/// The lock `text` with the requirement on `name` in `section` (`dependencies`…) of the
/// workspace package in `dir` moved from `before` to `after`.
pub fn move_specifier(
    text: &str,
    dir: &str,
    section: &str,
    name: &str,
    before: &str,
    after: &str,
) -> Result<Option<String>, String> {
    let doc = parse(text)?;
    let entry = workspace(&doc, dir)?;
    match entry.get(section).and_then(|s| s.get(name)) {
        Some(Node::Str(v, span)) if v == before => Ok(Some(replaced(text, span, after))),
        Some(Node::Str(v, _)) => Err(format!(
            "requires {name} as `{v}` in {section} of {}, not `{before}`",
            named(dir)
        )),
        _ => Err(format!("has no {name} in {section} of {}", named(dir))),
    }
}

/// Whether the lock `text` has an entry of the workspace package in `dir` (as for
/// [`move_version`]): a lock that does not parse has none.
pub fn lists_workspace(text: &str, dir: &str) -> bool {
    parse(text).is_ok_and(|doc| workspace(&doc, dir).is_ok())
}

/// The copy of `name` the workspace package in `dir` gets when it is one from the registry:
/// the key of its `packages` entry (the package's own, `<its name>/<name>`, else the hoisted
/// one, `<name>`) and the version bun locked there (`"a": ["a@1.0.0", …]`). `None`: a copy
/// linked (`a@workspace:p/a`, `file:`, `link:`…), none locked, or a lock that does not parse.
pub fn registry_copy(text: &str, dir: &str, name: &str) -> Option<(String, semver::Version)> {
    let doc = parse(text).ok()?;
    let packages = doc.get("packages")?;
    let own = match workspace(&doc, dir).ok()?.get("name") {
        Some(Node::Str(dependent, _)) if !dir.is_empty() => Some(format!("{dependent}/{name}")),
        _ => None,
    };
    let (key, entry) = own
        .into_iter()
        .chain([name.to_owned()])
        .find_map(|key| packages.get(&key).map(|entry| (key, entry)))?;
    let Node::Array(items) = entry else {
        return None;
    };
    let Some(Node::Str(resolved, _)) = items.first() else {
        return None;
    };
    // `<name>@<resolution>`: a scoped name's own `@` comes first.
    let (_, resolution) = resolved.get(1..)?.rsplit_once('@')?;
    semver::Version::parse(resolution)
        .ok()
        .map(|version| (key, version))
}

/// How the messages name the workspace package in `dir`: `""` is the lock's own folder's.
fn named(dir: &str) -> String {
    if dir.is_empty() {
        "the root workspace".to_owned()
    } else {
        format!("workspace {dir}")
    }
}

fn workspace<'a>(doc: &'a Node, dir: &str) -> Result<&'a Node, String> {
    let Some(all @ Node::Object(_)) = doc.get("workspaces") else {
        return Err("has no \"workspaces\" object".to_owned());
    };
    match all.get(dir) {
        Some(entry @ Node::Object(_)) => Ok(entry),
        _ => Err(format!("has no {}", named(dir))),
    }
}

fn replaced(text: &str, span: &Range<usize>, with: &str) -> String {
    let mut out = text.to_owned();
    let escaped = serde_json::to_string(with).unwrap_or_default();
    out.replace_range(span.clone(), &escaped[1..escaped.len() - 1]);
    out
}

fn parse(text: &str) -> Result<Node, String> {
    let mut p = Parser {
        src: text.as_bytes(),
        pos: 0,
    };
    let doc = p.value(0);
    p.blank();
    match doc {
        Some(doc @ Node::Object(_)) if p.pos == p.src.len() => Ok(doc),
        _ => {
            let (line, _) = crate::position::line_col(text, p.pos);
            Err(format!("is not JSON as bun writes it (line {line})"))
        }
    }
}

/// A JSON reader that lets trailing commas and comments through, as bun does.
struct Parser<'a> {
    src: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn value(&mut self, depth: usize) -> Option<Node> {
        self.blank();
        if depth > 64 {
            return None;
        }
        match *self.src.get(self.pos)? {
            b'{' => self.object(depth),
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                self.items(b']', |p| {
                    items.push(p.value(depth + 1)?);
                    Some(())
                })?;
                Some(Node::Array(items))
            }
            b'"' => {
                let (s, span) = self.string()?;
                Some(Node::Str(s, span))
            }
            _ => {
                let start = self.pos;
                while self
                    .src
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || b"+-.".contains(c))
                {
                    self.pos += 1;
                }
                (self.pos > start).then_some(Node::Other)
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Node> {
        self.pos += 1;
        let mut members = Vec::new();
        self.items(b'}', |p| {
            p.blank();
            let (key, _) = p.string()?;
            p.blank();
            (p.src.get(p.pos) == Some(&b':')).then_some(())?;
            p.pos += 1;
            let value = p.value(depth + 1)?;
            members.push((key, value));
            Some(())
        })?;
        Some(Node::Object(members))
    }

    /// Items up to `close`, each read by `item`, commas between and one allowed after.
    fn items(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        loop {
            self.blank();
            if self.src.get(self.pos) == Some(&close) {
                self.pos += 1;
                return Some(());
            }
            item(self)?;
            self.blank();
            match *self.src.get(self.pos)? {
                b',' => self.pos += 1,
                c if c == close => {}
                _ => return None,
            }
        }
    }

    /// A string and the span of its text, quotes excluded.
    fn string(&mut self) -> Option<(String, Range<usize>)> {
        (self.src.get(self.pos) == Some(&b'"')).then_some(())?;
        let start = self.pos + 1;
        let mut end = start;
        loop {
            match *self.src.get(end)? {
                b'"' => break,
                b'\\' => end += 2,
                b'\n' => return None,
                _ => end += 1,
            }
        }
        self.pos = end + 1;
        let raw = std::str::from_utf8(&self.src[start - 1..=end]).ok()?;
        let value: String = serde_json::from_str(raw).ok()?;
        Some((value, start..end))
    }

    /// White space and comments.
    fn blank(&mut self) {
        loop {
            while self
                .src
                .get(self.pos)
                .is_some_and(|c| c.is_ascii_whitespace())
            {
                self.pos += 1;
            }
            let rest = &self.src[self.pos.min(self.src.len())..];
            if rest.starts_with(b"//") {
                let len = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
                self.pos += len;
            } else if rest.starts_with(b"/*") {
                match rest.windows(2).skip(2).position(|w| w == b"*/") {
                    Some(at) => self.pos += at + 4,
                    None => return,
                }
            } else {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = "{\n  \"lockfileVersion\": 1,\n  \"workspaces\": {\n    \"\": {\n      \"name\": \"mono\",\n    },\n    \"p/a\": {\n      \"name\": \"@p/core\",\n      \"version\": \"1.0.0\",\n    },\n    \"p/b\": {\n      \"name\": \"@p/ui\",\n      \"version\": \"2.1.0\",\n      \"dependencies\": {\n        \"@p/core\": \"workspace:^1.0.0\",\n      },\n    },\n  },\n  \"packages\": {\n    \"@p/core\": [\"@p/core@workspace:p/a\"],\n  }\n}\n";

    #[test]
    fn the_version_and_the_specifier_move_in_place() {
        let moved = move_version(LOCK, "p/a", "1.0.0", "2.0.0")
            .unwrap()
            .unwrap();
        assert_eq!(moved, LOCK.replace("\"1.0.0\"", "\"2.0.0\""));
        let moved = move_specifier(
            LOCK,
            "p/b",
            "dependencies",
            "@p/core",
            "workspace:^1.0.0",
            "workspace:^2.0.0",
        )
        .unwrap()
        .unwrap();
        assert_eq!(moved, LOCK.replace("^1.0.0", "^2.0.0"));
    }

    #[test]
    fn a_copy_from_the_registry_is_told_from_a_linked_one() {
        assert_eq!(registry_copy(LOCK, "p/b", "@p/core"), None, "workspace:");
        let hoisted = LOCK.replace(
            "[\"@p/core@workspace:p/a\"]",
            "[\"@p/core@1.0.0\", \"\", {}, \"sha512-x\"]",
        );
        let version = semver::Version::new(1, 0, 0);
        assert_eq!(
            registry_copy(&hoisted, "p/b", "@p/core"),
            Some(("@p/core".to_owned(), version.clone()))
        );
        let nested = LOCK.replace(
            "  }\n}\n",
            "    \"@p/ui/@p/core\": [\"@p/core@1.0.0\", \"\", {}, \"sha512-x\"],\n  }\n}\n",
        );
        assert_eq!(
            registry_copy(&nested, "p/b", "@p/core"),
            Some(("@p/ui/@p/core".to_owned(), version))
        );
        let file = LOCK.replace("@p/core@workspace:p/a", "@p/core@file:../a");
        assert_eq!(registry_copy(&file, "p/b", "@p/core"), None);
        assert_eq!(registry_copy(LOCK, "p/b", "@p/other"), None);
    }

    #[test]
    fn a_lock_out_of_step_or_not_json_is_unfit() {
        assert_eq!(
            move_version(LOCK, "p/a", "0.9.0", "2.0.0").unwrap_err(),
            "says workspace p/a is at 1.0.0, not 0.9.0"
        );
        assert_eq!(
            move_version(LOCK, "p/c", "1.0.0", "2.0.0").unwrap_err(),
            "has no workspace p/c"
        );
        assert!(
            move_version(
                &LOCK.replace("\"p/a\": {", "\"p/a\" {"),
                "p/a",
                "1.0.0",
                "2.0.0"
            )
            .unwrap_err()
            .starts_with("is not JSON as bun writes it (line 7)")
        );
        assert_eq!(
            move_version(LOCK, "", "1.0.0", "2.0.0").unwrap(),
            None,
            "no version stated"
        );
    }
}
