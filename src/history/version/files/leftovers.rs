//! Leftovers: lines of a file that still name the version a release moved away from, which
//! a release names so that no old version is left behind by accident.

/// `git grep`-style leftovers: lines of `text` (a file's contents) that still hold `old` as a
/// whole version (not as part of a longer one: `1.2.3` is not in `11.2.3` or `1.2.30`), and
/// not as a dependency's requirement (`^1.2.3`, `~1.2.3`, `>=1.2.3`, `==1.2.3`, `~=1.2.3`),
/// which names another package's version. A long line is quoted around the version.
pub fn leftovers(text: &str, old: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let at = line.match_indices(old).find_map(|(i, _)| {
                let before = &line[..i];
                let rest = &line[i + old.len()..];
                let mut after = rest.chars();
                // `1.2.3` is not in `1.2.30`, `1.2.3.4`, nor in the pre-release or build
                // `1.2.3-rc.1`/`1.2.3+b5` (a first pre-release leaves the files at those).
                let longer = match after.next() {
                    Some(c) if c.is_ascii_alphanumeric() => true,
                    Some('.') => after.next().is_some_and(|c| c.is_ascii_digit()),
                    Some('-' | '+') => after.next().is_some_and(|c| c.is_ascii_alphanumeric()),
                    _ => false,
                };
                let inside = before.ends_with(|c: char| c.is_ascii_digit() || c == '.');
                (!longer && !inside && !is_requirement(before)).then_some(i)
            })?;
            Some((n + 1, quoted(line, at, old.len())))
        })
        .collect()
}

/// [`leftovers`] of the file at `path`: in a Cargo manifest, a line of a dependency table
/// (`[dependencies]`, `[dev-dependencies]`, `[workspace.dependencies]`,
/// `[target.'cfg(unix)'.dependencies]`, `[dependencies.foo]`) names a requirement on another
/// crate, bare `foo = "1.2.3"` included (Cargo reads it as `^1.2.3`).
pub fn file_leftovers(path: &str, text: &str, old: &str) -> Vec<(usize, String)> {
    let found = leftovers(text, old);
    if found.is_empty() || !(path == "Cargo.toml" || path.ends_with("/Cargo.toml")) {
        return found;
    }
    let mut in_dependencies = Vec::with_capacity(text.lines().count());
    let mut current = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with('[') {
            let name = t.trim_start_matches('[');
            let name = name.split(']').next().unwrap_or("");
            current = name.split('.').any(|part| {
                part.trim()
                    .trim_matches(['"', '\''])
                    .ends_with("dependencies")
            });
        }
        in_dependencies.push(current);
    }
    found
        .into_iter()
        .filter(|(n, _)| !in_dependencies.get(n - 1).copied().unwrap_or(false))
        .collect()
}

/// Whether what precedes a version makes it a requirement on a dependency: `^`, `~`, `>`,
/// `<`, or an `=` that follows one of `<>=!~` (a lone `=` is an assignment: `version=1.2.3`).
fn is_requirement(before: &str) -> bool {
    let mut back = before.chars().rev();
    match back.next() {
        Some('^' | '~' | '>' | '<') => true,
        Some('=') => matches!(back.next(), Some('<' | '>' | '=' | '!' | '~')),
        _ => false,
    }
}

/// `line` trimmed, or for a long one (a minified bundle) the text around the match at `at`.
fn quoted(line: &str, at: usize, len: usize) -> String {
    const AROUND: usize = 60;
    let trimmed = line.trim();
    if trimmed.chars().count() <= 2 * AROUND + len + 20 {
        return trimmed.to_owned();
    }
    let start = line[..at]
        .char_indices()
        .rev()
        .nth(AROUND - 1)
        .map_or(0, |(i, _)| i);
    let end = line[at + len..]
        .char_indices()
        .nth(AROUND)
        .map_or(line.len(), |(i, _)| at + len + i);
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < line.len() { "…" } else { "" };
    format!("{lead}{}{tail}", line[start..end].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_match_whole_versions_only() {
        let text = "a 1.2.3\nv1.2.3 here\nnot 11.2.3\nnor 1.2.30\nnor 1.2.3.4\nend of 1.2.3.\n";
        let found: Vec<usize> = leftovers(text, "1.2.3")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(found, [1, 2, 6]);
    }

    #[test]
    fn a_cargo_manifests_dependency_tables_are_requirements() {
        let text = "[dependencies]\nfoo = \"1.2.3\"\nbar = { version = \"1.2.3\" }\n[package]\nversion = \"1.2.3\"\n[dependencies.baz]\nversion = \"1.2.3\"\n[target.'cfg(unix)'.dev-dependencies]\nq = \"1.2.3\"\n[workspace.metadata]\nv = \"1.2.3\"\n";
        let lines = |path| {
            file_leftovers(path, text, "1.2.3")
                .into_iter()
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
        };
        assert_eq!(lines("Cargo.toml"), [5, 11]);
        assert_eq!(lines("crates/a/Cargo.toml"), [5, 11]);
        assert_eq!(lines("other.toml"), [2, 3, 5, 7, 9, 11]);
    }

    #[test]
    fn leftovers_leave_out_dependency_requirements() {
        let text = "\"a\": \"^1.2.3\"\nb ~1.2.3\nc>=1.2.3\nd==1.2.3\ne~=1.2.3\nf<1.2.3\nversion=1.2.3\nx = \"1.2.3\"\n";
        let found: Vec<usize> = leftovers(text, "1.2.3")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(found, [7, 8]);
        // A pre-release or build of it is another version; a dash before prose is not.
        let found = leftovers("v = \"1.2.3-rc.1\"\nb 1.2.3+b5\nc 1.2.3 - notes\n", "1.2.3");
        assert_eq!(found.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [3]);
        // A requirement beside the version itself still counts the line.
        assert_eq!(leftovers("^1.2.3 and 1.2.3", "1.2.3").len(), 1);
    }

    #[test]
    fn a_long_line_is_quoted_around_the_version() {
        let line = format!("{}é 1.2.3 é{}", "a".repeat(500), "b".repeat(500));
        let found = leftovers(&line, "1.2.3");
        let (_, quoted) = &found[0];
        assert!(quoted.starts_with('…') && quoted.ends_with('…'), "{quoted}");
        assert!(
            quoted.contains("é 1.2.3 é") && quoted.chars().count() < 140,
            "{quoted}"
        );
        let short = leftovers("  x 1.2.3  ", "1.2.3");
        assert_eq!(short[0].1, "x 1.2.3");
    }
}
