//! `pnpm-lock.yaml` repeats each workspace project's requirements under `importers:` (the
//! `specifier:` of each dependency, pnpm 8 and later; a `specifiers:` map, pnpm 7), and
//! `pnpm install --frozen-lockfile` refuses a lock whose specifier differs from package.json.
//! A requirement a release rewrites moves there too, every other byte kept. The file is read
//! line by line as pnpm writes it (two-space indents, block mappings); one written otherwise
//! is unfit, never guessed at.

use std::ops::Range;

use super::deps::Manifest;

/// Why a lock cannot take a requirement's move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfit {
    /// The lock is not written as relhook reads it (the words follow the lock's name).
    Shape(String),
    /// The dependency resolves otherwise than as a link to the workspace's package, at this
    /// `version:`, which the new specifier does not admit: the lock would need a copy pnpm
    /// has not fetched (the release's version is not published yet).
    Excluded(String),
}

/// The lock `text` with the specifier of the requirement on `name` of the project `importer`
/// (its folder relative to the lock's, `.` for the lock's own) moved from `before` to
/// `after`; `None` when the lock has no entry of that name there, or one that says otherwise
/// (a peer left out of the lock, or another of the project's requirements on it). A copy
/// from the registry that the new specifier still admits keeps its `version:`, as pnpm does.
pub fn move_specifier(
    text: &str,
    importer: &str,
    name: &str,
    before: &str,
    after: &str,
) -> Result<Option<String>, Unfit> {
    let lines = lines(text);
    let mut has_importers = false;
    let mut has_importer = false;
    // pnpm 10 may put a document of its own configuration first (`---` between them).
    for doc in lines.split(|(_, l)| *l == "---") {
        let Some(at) = doc.iter().position(|(_, l)| *l == "importers:") else {
            continue;
        };
        has_importers = true;
        let version = doc
            .iter()
            .find_map(|(_, l)| l.strip_prefix("lockfileVersion:"))
            .map(|v| scalar(v).0.to_owned())
            .unwrap_or_default();
        let v5 = match version.split('.').next() {
            Some("5") => true,
            Some("6" | "7" | "9") => false,
            _ => {
                let shown = if version.is_empty() { "no" } else { &version };
                return Err(Unfit::Shape(format!(
                    "has lockfileVersion {shown}, which relhook does not edit"
                )));
            }
        };
        let block = top_block(&doc[at + 1..]);
        let Some(project) = entries(block, 2).find(|(k, _, _)| k == importer) else {
            continue;
        };
        has_importer = true;
        let Some(found) = find(project.2, name, v5)? else {
            continue;
        };
        let Some((span, value)) = found.specifier else {
            return Err(Unfit::Shape(format!(
                "has no specifier of {name} in its importer {importer}"
            )));
        };
        if value != before {
            return Ok(None);
        }
        let version = found.version.unwrap_or_default();
        if !version.starts_with("link:") && !admits(after, &version) {
            return Err(Unfit::Excluded(version));
        }
        let mut out = text.to_owned();
        out.replace_range(span, after);
        return Ok(Some(out));
    }
    match (has_importers, has_importer) {
        (false, _) => Err(Unfit::Shape("has no `importers:`".to_owned())),
        (true, false) => Err(Unfit::Shape(format!("has no importer {importer}"))),
        (true, true) => Ok(None),
    }
}

/// Whether the npm range `specifier` admits `version` as pnpm writes it, its peers'
/// suffix (`1.2.0(react@18.2.0)`) left off; anything but a version (`file:`, an alias) no.
fn admits(specifier: &str, version: &str) -> bool {
    let plain = version.split('(').next().unwrap_or(version);
    semver::Version::parse(plain).is_ok_and(|v| super::deps::meets(Manifest::Npm, specifier, &v))
}

type Line<'a> = (usize, &'a str);

/// Each line with the offset where it starts, without its line ending.
fn lines(text: &str) -> Vec<Line<'_>> {
    let mut at = 0;
    text.split_inclusive('\n')
        .map(|l| {
            let start = at;
            at += l.len();
            (start, l.trim_end_matches(['\n', '\r']))
        })
        .collect()
}

/// The lines of a top-level key's block: up to the next line at the left edge.
fn top_block<'a, 'b>(lines: &'b [Line<'a>]) -> &'b [Line<'a>] {
    let end = lines
        .iter()
        .position(|(_, l)| !l.is_empty() && !l.starts_with([' ', '#']))
        .unwrap_or(lines.len());
    &lines[..end]
}

/// One mapping entry: its key, its value as written after the colon (empty for a block
/// below it) with that value's offset, and the lines of its block.
type Entry<'a, 'b> = (String, (usize, &'a str), &'b [Line<'a>]);

/// The entries whose key sits at `indent` in `block`, each with the deeper lines below it.
fn entries<'a, 'b>(
    block: &'b [Line<'a>],
    indent: usize,
) -> impl Iterator<Item = Entry<'a, 'b>> + 'b {
    let at_indent = move |l: &str| {
        l.len() > indent
            && l.bytes().take(indent).all(|b| b == b' ')
            && !l[indent..].starts_with([' ', '#'])
    };
    let starts: Vec<usize> = (0..block.len())
        .filter(|&i| at_indent(block[i].1))
        .collect();
    let mut out = Vec::new();
    for (n, &i) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(block.len());
        let (start, line) = block[i];
        if let Some((key, value_at)) = key(&line[indent..]) {
            let value = &line[indent + value_at..];
            out.push((key, (start + indent + value_at, value), &block[i + 1..end]));
        }
    }
    out.into_iter()
}

/// A key (plain, or in single or double quotes) and where its value begins, after `: `.
fn key(rest: &str) -> Option<(String, usize)> {
    let (key, after) = match rest.chars().next()? {
        '\'' => {
            let body = &rest[1..];
            let mut i = 0;
            loop {
                let q = body[i..].find('\'')? + i;
                if body[q + 1..].starts_with('\'') {
                    i = q + 2;
                    continue;
                }
                break (body[..q].replace("''", "'"), q + 2);
            }
        }
        '"' => {
            let q = rest[1..].find('"')? + 1;
            (rest[1..q].to_owned(), q + 1)
        }
        _ => {
            let colon = rest
                .find(": ")
                .or_else(|| rest.ends_with(':').then(|| rest.len() - 1))?;
            (rest[..colon].to_owned(), colon)
        }
    };
    let tail = rest.get(after..)?.strip_prefix(':')?;
    let pad = tail.len() - tail.trim_start().len();
    Some((key, after + 1 + pad))
}

/// A scalar as written (plain, or quoted without escapes): its text and its span within `raw`.
fn scalar(raw: &str) -> (&str, Range<usize>) {
    let lead = raw.len() - raw.trim_start().len();
    let t = raw.trim();
    for q in ['\'', '"'] {
        if t.len() >= 2 && t.starts_with(q) && t.ends_with(q) {
            return (&t[1..t.len() - 1], lead + 1..lead + t.len() - 1);
        }
    }
    (t, lead..lead + t.len())
}

/// What an importer says of one dependency.
struct Found {
    /// The specifier's span in the lock and its text.
    specifier: Option<(Range<usize>, String)>,
    /// What it resolves to (`link:../core`).
    version: Option<String>,
}

const SECTIONS: [&str; 3] = ["dependencies", "devDependencies", "optionalDependencies"];

/// The entry of `name` in an importer's `block`; `None` when it has none.
fn find(block: &[Line<'_>], name: &str, v5: bool) -> Result<Option<Found>, Unfit> {
    let mut found = Found {
        specifier: None,
        version: None,
    };
    let mut any = false;
    let at = |(offset, raw): (usize, &str)| {
        let (text, span) = scalar(raw);
        (offset + span.start..offset + span.end, text.to_owned())
    };
    for (section, (_, inline), lines) in entries(block, 4) {
        let listed = SECTIONS.contains(&section.as_str()) || (v5 && section == "specifiers");
        if !listed {
            continue;
        }
        if !matches!(inline.trim(), "" | "{}") {
            return Err(Unfit::Shape(format!("writes its `{section}:` on one line")));
        }
        for (key, value, fields) in entries(lines, 6) {
            if key != name {
                continue;
            }
            any = true;
            match (v5, section == "specifiers") {
                (true, true) => found.specifier = Some(at(value)),
                (true, false) => found.version = Some(at(value).1),
                (false, _) => {
                    if !value.1.trim().is_empty() {
                        return Err(Unfit::Shape(format!(
                            "writes the entry of {name} on one line"
                        )));
                    }
                    for (field, value, _) in entries(fields, 8) {
                        match field.as_str() {
                            "specifier" => found.specifier = Some(at(value)),
                            "version" => found.version = Some(at(value).1),
                            _ => {}
                        }
                    }
                }
            }
        }
    }
    Ok(any.then_some(found))
}

#[cfg(test)]
mod tests {
    use super::*;

    const V9: &str = "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n\nimporters:\n\n  .: {}\n\n  packages/core: {}\n\n  packages/ui:\n    dependencies:\n      '@p/core':\n        specifier: workspace:^1.0.0\n        version: link:../core\n      left-pad:\n        specifier: ^1.0.0\n        version: 1.3.0\n\npackages:\n\n  left-pad@1.3.0:\n    resolution: {integrity: sha512-x}\n";

    #[test]
    fn the_specifier_moves_and_nothing_else() {
        let got = move_specifier(
            V9,
            "packages/ui",
            "@p/core",
            "workspace:^1.0.0",
            "workspace:^2.0.0",
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            got,
            V9.replace("workspace:^1.0.0", "workspace:^2.0.0"),
            "{got}"
        );
    }

    #[test]
    fn a_quoted_specifier_keeps_its_quotes() {
        let text = V9.replace("workspace:^1.0.0", "'>=1.0.0'");
        let got = move_specifier(&text, "packages/ui", "@p/core", ">=1.0.0", ">=2.0.0")
            .unwrap()
            .unwrap();
        assert!(got.contains("specifier: '>=2.0.0'\n"), "{got}");
    }

    #[test]
    fn an_entry_saying_otherwise_or_none_is_left() {
        let other = move_specifier(V9, "packages/ui", "@p/core", "workspace:~1.0.0", "x");
        assert_eq!(other, Ok(None));
        let none = move_specifier(V9, "packages/ui", "@p/x", "workspace:^1.0.0", "x");
        assert_eq!(none, Ok(None));
    }

    #[test]
    fn a_registry_resolution_or_an_unknown_shape_is_unfit() {
        let reg = move_specifier(V9, "packages/ui", "left-pad", "^1.0.0", "^2.0.0");
        assert_eq!(reg, Err(Unfit::Excluded("1.3.0".into())));
        let peers = V9.replace("version: 1.3.0", "version: 1.3.0(react@18.2.0)");
        let got = move_specifier(&peers, "packages/ui", "left-pad", "^1.0.0", "^1.2.0");
        let kept = peers.replace("specifier: ^1.0.0", "specifier: ^1.2.0");
        assert_eq!(got, Ok(Some(kept)));
        let missing = move_specifier(V9, "packages/web", "@p/core", "^1", "^2");
        assert_eq!(
            missing,
            Err(Unfit::Shape("has no importer packages/web".into()))
        );
        let old = V9.replace("'9.0'", "4.0");
        let e = move_specifier(&old, "packages/ui", "@p/core", "x", "y");
        assert!(matches!(e, Err(Unfit::Shape(w)) if w.contains("lockfileVersion 4.0")));
        let flow = V9.replace(
            "'@p/core':\n        specifier: workspace:^1.0.0\n        version: link:../core",
            "'@p/core': {specifier: 'workspace:^1.0.0', version: 'link:../core'}",
        );
        let e = move_specifier(&flow, "packages/ui", "@p/core", "workspace:^1.0.0", "y");
        assert!(matches!(e, Err(Unfit::Shape(w)) if w.contains("one line")));
    }

    #[test]
    fn pnpm_7_s_specifiers_map_moves_too() {
        let v5 = "lockfileVersion: 5.4\n\nimporters:\n\n  .:\n    specifiers: {}\n\n  packages/ui:\n    specifiers:\n      '@p/core': workspace:^1.0.0\n    dependencies:\n      '@p/core': link:../core\n";
        let got = move_specifier(
            v5,
            "packages/ui",
            "@p/core",
            "workspace:^1.0.0",
            "workspace:^2.0.0",
        )
        .unwrap()
        .unwrap();
        assert_eq!(got, v5.replace("^1.0.0", "^2.0.0"));
    }

    #[test]
    fn a_configuration_document_before_the_lock_is_passed_over() {
        let env = "---\nlockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    configDependencies: {}\n\n---\n";
        let text = format!("{env}{V9}");
        let got = move_specifier(&text, ".", "@p/core", "x", "y");
        assert_eq!(got, Ok(None));
        let got = move_specifier(&text, "packages/ui", "@p/core", "workspace:^1.0.0", "w")
            .unwrap()
            .unwrap();
        assert!(
            got.starts_with(env) && got.contains("specifier: w\n"),
            "{got}"
        );
    }
}
