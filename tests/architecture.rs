//! The module map holds: no dependency circles, git behind its one door, no file too long to
//! read, and ARCHITECTURE.md's import table is the one the code has. Read from `src/` itself,
//! so a change that breaks a rule fails here with the place that broke it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Folders whose files are separate modules on the map (the two pipelines and tags): an
/// import between `commit::lint` and `commit::parse` is an edge like any other.
const PIPELINE_FOLDERS: &[&str] = &["commit", "history", "tag"];

/// Lines of code (not blank, not a `//` comment, before `#[cfg(test)]`) a file may have.
const MAX_CODE_LINES: usize = 400;

struct Source {
    /// Relative to `src/`, with `/`.
    rel: String,
    /// The code before `#[cfg(test)]`, without `//` comment lines.
    code: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n != "tests.rs"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read a source file");
            let before_tests = text.split("\n#[cfg(test)]").next().unwrap_or_default();
            let code = before_tests
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            let rel = p
                .strip_prefix(&root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            Source { rel, code }
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src") {
        let p = e.expect("dir entry").path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The map node of a module path (`["commit", "lint", "rules"]` → `commit::lint`).
fn node(parts: &[&str]) -> Option<String> {
    let first = *parts.first()?;
    if matches!(first, "Error" | "Result" | "error" | "lib" | "main") {
        return None;
    }
    match parts.get(1) {
        Some(second) if PIPELINE_FOLDERS.contains(&first) && !second.is_empty() => {
            Some(format!("{first}::{second}"))
        }
        _ => Some(first.to_owned()),
    }
}

fn node_of_file(rel: &str) -> Option<String> {
    let path = rel.trim_end_matches(".rs");
    let mut parts: Vec<&str> = path.split('/').collect();
    if parts.last() == Some(&"mod") {
        parts.pop();
    }
    node(&parts)
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every `crate::a::b` path in `code`, with `use crate::a::{b, c::d}` groups expanded.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(is_ident) {
            continue;
        }
        let (prefix, after) = segments(rest);
        if let Some(group) = after.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let mut path = prefix.clone();
                path.extend(segments(item.trim()).0);
                if !path.is_empty() {
                    out.push(path);
                }
            }
        } else if !prefix.is_empty() {
            out.push(prefix);
        }
    }
    out
}

/// The identifiers of a path, and what follows its last `::`.
fn segments(s: &str) -> (Vec<String>, &str) {
    let mut parts = Vec::new();
    let mut rest = s;
    loop {
        let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
        if end == 0 {
            return (parts, rest);
        }
        parts.push(rest[..end].to_owned());
        match rest[end..].strip_prefix("::") {
            Some(r) => rest = r,
            None => return (parts, &rest[end..]),
        }
    }
}

/// Module → the modules its code imports.
fn graph(sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in sources {
        let Some(me) = node_of_file(&s.rel) else {
            continue;
        };
        let entry = edges.entry(me.clone()).or_default();
        for path in crate_paths(&s.code) {
            let parts: Vec<&str> = path.iter().map(String::as_str).collect();
            if parts
                .first()
                .is_some_and(|p| p.starts_with(char::is_uppercase))
            {
                continue;
            }
            if let Some(target) = node(&parts) {
                if target != me {
                    entry.insert(target);
                }
            }
        }
    }
    edges
}

/// Strongly connected groups of more than one module (Tarjan).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on.insert(v);
        if let Some(ws) = s.edges.get(v) {
            for w in ws {
                let w = w.as_str();
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let lw = s.low[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(lw));
                } else if s.on.contains(w) {
                    let iw = s.index[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(iw));
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                group.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.out.push(group);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let found = circles(&graph(&sources()));
    assert!(
        found.is_empty(),
        "dependency circles (each group imports itself through the others): {found:?}; move the shared words into a leaf module"
    );
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges.entry("a".into()).or_default().insert("b".into());
    edges.entry("b".into()).or_default().insert("c".into());
    edges.entry("c".into()).or_default().insert("a".into());
    edges.entry("d".into()).or_default().insert("a".into());
    assert_eq!(circles(&edges), [["a", "b", "c"]]);
    let paths = crate_paths(
        "use crate::commit::{lint, parse::Commit};\nlet r = crate::git::Repo::open(p);\nuse crate::{Error, fsx};",
    );
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        [
            "commit::lint",
            "commit::parse::Commit",
            "git::Repo::open",
            "Error",
            "fsx"
        ]
    );
}

#[test]
fn no_source_file_is_over_400_lines_of_code() {
    let long: Vec<String> = sources()
        .iter()
        .map(|s| {
            let n = s.code.lines().filter(|l| !l.trim().is_empty()).count();
            (n, &s.rel)
        })
        .filter(|(n, _)| *n > MAX_CODE_LINES)
        .map(|(n, rel)| format!("src/{rel}: {n}"))
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_CODE_LINES} lines of code (blank, comment and test lines not counted): {long:?}; split them by concept"
    );
}

#[test]
fn only_src_git_run_starts_the_git_program() {
    let leaks: Vec<String> = sources()
        .into_iter()
        .filter(|s| s.rel != "git/run.rs" && s.code.contains("Command::new(\"git\")"))
        .map(|s| s.rel)
        .collect();
    assert!(
        leaks.is_empty(),
        "these files start `git` themselves instead of through git::run: {leaks:?}"
    );
}

#[test]
fn outside_src_git_git2_is_only_named_for_its_plain_types() {
    // Ids, file modes and libgit2's error type are vocabulary; opening repositories, walking
    // or writing objects belongs to src/git.
    const VOCABULARY: &[&str] = &["Oid", "FileMode", "Error"];
    let mut leaks = Vec::new();
    for s in sources().iter().filter(|s| !s.rel.starts_with("git/")) {
        let mut rest = s.code.as_str();
        while let Some(at) = rest.find("git2::") {
            rest = &rest[at + "git2::".len()..];
            let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
            let group = rest.starts_with('{');
            if group || !VOCABULARY.contains(&name.as_str()) {
                leaks.push(format!("src/{}: git2::{name}", s.rel));
            }
        }
    }
    assert!(leaks.is_empty(), "git2 used outside src/git: {leaks:?}");
}

/// The import table as ARCHITECTURE.md shows it.
fn import_table() -> String {
    let mut out = String::from("| Module | Imports |\n|---|---|\n");
    for (module, targets) in graph(&sources()) {
        let list = if targets.is_empty() {
            "—".to_owned()
        } else {
            targets
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!("| `{module}` | {list} |\n"));
    }
    out
}

#[test]
fn architecture_md_import_table_is_the_code_s() {
    let doc_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md");
    let doc = std::fs::read_to_string(&doc_path).expect("ARCHITECTURE.md");
    let begin = "<!-- imports:begin -->\n";
    let end = "<!-- imports:end -->";
    let (Some(a), Some(b)) = (doc.find(begin), doc.find(end)) else {
        panic!("ARCHITECTURE.md lacks the {begin:?} … {end:?} markers around the import table");
    };
    let shown = &doc[a + begin.len()..b];
    let actual = import_table();
    if shown != actual {
        if std::env::var_os("RELHOOK_BLESS").is_some() {
            let new = format!("{}{actual}{}", &doc[..a + begin.len()], &doc[b..]);
            std::fs::write(&doc_path, new).expect("write ARCHITECTURE.md");
        } else {
            panic!(
                "ARCHITECTURE.md's import table is stale; run `RELHOOK_BLESS=1 cargo test architecture` or paste:\n{actual}"
            );
        }
    }
}

/// A merge that keeps both sides of a changed row leaves a module described twice, each row
/// missing the other's words: one row per module.
#[test]
fn architecture_md_describes_each_module_once() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .expect("ARCHITECTURE.md");
    let start = doc.find("## Modules").expect("a \"## Modules\" section");
    let section = &doc[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let mut seen = BTreeSet::new();
    let twice: Vec<&str> = section
        .lines()
        .filter_map(|line| line.strip_prefix("| `")?.split('`').next())
        .filter(|module| !seen.insert(*module))
        .collect();
    assert!(
        twice.is_empty(),
        "ARCHITECTURE.md describes these modules twice: {twice:?}"
    );
}
