//! A YAML text as a small tree with the lines each node spans, read by saphyr-parser (a
//! real YAML parser, not a line matcher): pre-commit's configuration may write its lists in
//! flow style (`hooks: [{id: relhook}]`), quote or fold its values, end them with comments or
//! share entries through anchors, and relhook reads it as pre-commit does.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};

/// One node and its first and last line (from 1).
#[derive(Debug)]
pub(super) struct Node {
    value: Value,
    /// First and last line, from 1.
    pub lines: (usize, usize),
}

#[derive(Debug)]
enum Value {
    Scalar(String),
    /// Items, as indexes into [`Doc::nodes`].
    List(Vec<usize>),
    /// Key and value pairs, as indexes into [`Doc::nodes`].
    Map(Vec<(usize, usize)>),
}

/// The one document of a YAML text. An alias is the index of the node it names, never a
/// copy, so aliases of aliases cannot make the tree grow.
#[derive(Debug)]
pub(super) struct Doc {
    nodes: Vec<Node>,
    root: Option<usize>,
}

/// Why a text is not what pre-commit reads: where the parser stopped, and its words, or where
/// a second document starts (PyYAML's `load`, which pre-commit uses, refuses a stream of more).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The line, from 1.
    pub line: usize,
    /// The parser's reason (empty for a second document).
    pub reason: String,
    /// A second document starts at `line`: the text is YAML, but not one document.
    pub second_document: bool,
}

/// Words that follow the file's name.
impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.second_document {
            write!(
                f,
                "holds more than one YAML document (another starts at line {})",
                self.line
            )
        } else {
            write!(
                f,
                "does not read as YAML (line {}: {})",
                self.line, self.reason
            )
        }
    }
}

/// A mapping or list whose end is not read yet.
struct Open {
    first: usize,
    anchor: usize,
    map: bool,
    children: Vec<usize>,
}

/// `<<` merges followed from one mapping: more is a file made to be expensive.
const MERGE_DEPTH: usize = 8;

impl Doc {
    /// Reads `text`, which must hold one document: pre-commit (PyYAML's `load`) refuses a
    /// stream of more.
    pub fn parse(text: &str) -> Result<Doc, Unreadable> {
        let mut doc = Doc {
            nodes: Vec::new(),
            root: None,
        };
        let mut anchors: HashMap<usize, usize> = HashMap::new();
        let mut open: Vec<Open> = Vec::new();
        let lines: Vec<&str> = text.lines().collect();
        let mut parser = Parser::new_from_str(text);
        let mut documents = 0;
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(|e| Unreadable {
                line: e.marker().line(),
                reason: e.info().to_owned(),
                second_document: false,
            })?;
            let (done, anchor) = match event {
                Event::DocumentStart(_) if documents > 0 => {
                    return Err(Unreadable {
                        line: span.start.line(),
                        reason: String::new(),
                        second_document: true,
                    });
                }
                Event::DocumentStart(_) => {
                    documents += 1;
                    (None, 0)
                }
                Event::StreamEnd => break,
                Event::Scalar(value, _, anchor, _) => {
                    let at = (span.start.line(), last_line(&lines, span));
                    (
                        Some(doc.push(Value::Scalar(value.into_owned()), at)),
                        anchor,
                    )
                }
                Event::Alias(id) => {
                    let empty = (span.start.line(), span.start.line());
                    let named = anchors.get(&id).copied();
                    (
                        Some(named.unwrap_or_else(|| doc.push(Value::List(Vec::new()), empty))),
                        0,
                    )
                }
                Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                    open.push(Open {
                        first: span.start.line(),
                        anchor,
                        map: matches!(event, Event::MappingStart(..)),
                        children: Vec::new(),
                    });
                    (None, 0)
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    let Some(o) = open.pop() else { continue };
                    // A block collection ends where the next token starts: its own last line is
                    // its last child's; a flow one ends at its bracket.
                    let mut last = o
                        .children
                        .iter()
                        .fold(o.first, |l, &c| l.max(doc.nodes[c].lines.1));
                    if span.start != span.end {
                        last = last.max(last_line(&lines, span));
                    }
                    let value = if o.map {
                        let pairs = o.children.chunks_exact(2).map(|p| (p[0], p[1]));
                        Value::Map(pairs.collect())
                    } else {
                        Value::List(o.children)
                    };
                    (Some(doc.push(value, (o.first, last))), o.anchor)
                }
                _ => (None, 0),
            };
            let Some(done) = done else { continue };
            if anchor != 0 {
                anchors.insert(anchor, done);
            }
            match open.last_mut() {
                Some(parent) => parent.children.push(done),
                None => doc.root = doc.root.or(Some(done)),
            }
        }
        Ok(doc)
    }

    fn push(&mut self, value: Value, lines: (usize, usize)) -> usize {
        self.nodes.push(Node { value, lines });
        self.nodes.len() - 1
    }

    /// The document's top node (none for an empty or comments-only text).
    pub fn root(&self) -> Option<&Node> {
        self.root.map(|r| &self.nodes[r])
    }

    /// The value of `key` in a mapping node, as PyYAML reads it: the last of the mapping's
    /// own (a key written twice is the later one), else from the last `<<` that has it, and
    /// of a list of merged mappings the first.
    pub fn get(&self, map: &Node, key: &str) -> Option<&Node> {
        self.get_within(map, key, MERGE_DEPTH)
    }

    fn get_within(&self, map: &Node, key: &str, depth: usize) -> Option<&Node> {
        let Value::Map(pairs) = &map.value else {
            return None;
        };
        let named = |k: &str| {
            pairs
                .iter()
                .rev()
                .filter(|(k2, _)| self.scalar(&self.nodes[*k2]) == Some(k))
                .map(|(_, v)| &self.nodes[*v])
                .collect::<Vec<_>>()
        };
        if let Some(&own) = named(key).first() {
            return Some(own);
        }
        if depth == 0 {
            return None;
        }
        named("<<").into_iter().find_map(|merged| {
            let sources: Vec<&Node> = match &merged.value {
                Value::List(items) => items.iter().map(|&i| &self.nodes[i]).collect(),
                _ => vec![merged],
            };
            sources
                .into_iter()
                .find_map(|m| self.get_within(m, key, depth - 1))
        })
    }

    /// The items of a list node (none for anything else).
    pub fn items<'a>(&'a self, list: &'a Node) -> impl Iterator<Item = &'a Node> + 'a {
        let items = match &list.value {
            Value::List(items) => items.as_slice(),
            _ => &[],
        };
        items.iter().map(|&i| &self.nodes[i])
    }

    /// A scalar node's text.
    pub fn scalar<'a>(&self, node: &'a Node) -> Option<&'a str> {
        match &node.value {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }
}

/// The last line of `text` a span covers with something other than blanks: a block scalar's
/// span runs on to the next token, over blank lines and comments less indented than it.
fn last_line(lines: &[&str], span: Span) -> usize {
    let (start, end) = (span.start, span.end);
    let shows = |l: usize| {
        let Some(text) = lines.get(l - 1) else {
            return false;
        };
        let indent = text.len() - text.trim_start().len();
        if l > start.line() && text.trim_start().starts_with('#') && indent < start.col() {
            return false;
        }
        let from = if l == start.line() { start.col() } else { 0 };
        let to = if l == end.line() {
            end.col()
        } else {
            usize::MAX
        };
        let mut covered = text
            .chars()
            .enumerate()
            .filter(|(i, _)| (from..to).contains(i));
        covered.any(|(_, c)| !c.is_whitespace())
    };
    (start.line()..=end.line())
        .rev()
        .find(|&l| shows(l))
        .unwrap_or(start.line())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_and_flow_nodes_carry_their_lines() {
        let text =
            "a:\n  - x: 1\n    y: >-\n      two\n      lines\n\n  - {x: 2}\nb: [1,\n  2]  # c\n";
        let doc = Doc::parse(text).unwrap();
        let root = doc.root().unwrap();
        let a: Vec<(usize, usize)> = doc
            .items(doc.get(root, "a").unwrap())
            .map(|n| n.lines)
            .collect();
        assert_eq!(a, [(2, 5), (7, 7)]);
        let first = doc.items(doc.get(root, "a").unwrap()).next().unwrap();
        assert_eq!(doc.scalar(doc.get(first, "y").unwrap()), Some("two lines"));
        assert_eq!(doc.get(root, "b").map(|n| n.lines), Some((8, 9)));
    }

    #[test]
    fn aliases_and_merges_are_followed() {
        let text = "base: &b {entry: run}\none:\n  <<: *b\n  id: x\ntwo: *b\n";
        let doc = Doc::parse(text).unwrap();
        let root = doc.root().unwrap();
        let one = doc.get(root, "one").unwrap();
        assert_eq!(doc.scalar(doc.get(one, "entry").unwrap()), Some("run"));
        let two = doc.get(root, "two").unwrap();
        assert_eq!(doc.scalar(doc.get(two, "entry").unwrap()), Some("run"));
    }

    #[test]
    fn deep_nesting_and_alias_chains_stay_cheap() {
        let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
        // Refused by the parser's own limit or read: either way without a deep stack.
        let _ = Doc::parse(&deep);
        let shallow = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(Doc::parse(&shallow).is_ok_and(|d| d.root().is_some()));
        let mut chain = String::from("a0: &a0 {k: v}\n");
        for i in 1..40 {
            chain.push_str(&format!("a{i}: &a{i} [*a{}, *a{}]\n", i - 1, i - 1));
        }
        let doc = Doc::parse(&chain).unwrap();
        assert!(doc.nodes.len() < 200, "{}", doc.nodes.len());
    }

    #[test]
    fn a_key_written_twice_is_the_later_and_one_document_is_read() {
        let doc = Doc::parse("a: 1\nb: {x: 1, x: 2}\na: 3\n").unwrap();
        let root = doc.root().unwrap();
        assert_eq!(doc.scalar(doc.get(root, "a").unwrap()), Some("3"));
        let b = doc.get(root, "b").unwrap();
        assert_eq!(doc.scalar(doc.get(b, "x").unwrap()), Some("2"));
        // Its own key over a merged one, and of merged mappings the first.
        let text = "m: &m {x: 1}\nn: &n {x: 2, y: 2}\no: {<<: [*m, *n], x: 3}\np: {<<: [*m, *n]}\n";
        let doc = Doc::parse(text).unwrap();
        let root = doc.root().unwrap();
        let x = |k: &str, key: &str| {
            doc.get(doc.get(root, k).unwrap(), key)
                .and_then(|v| doc.scalar(v))
        };
        assert_eq!(
            (x("o", "x"), x("p", "x"), x("p", "y")),
            (Some("3"), Some("1"), Some("2"))
        );
        let err = Doc::parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "holds more than one YAML document (another starts at line 2)"
        );
        for two in ["---\na: 1\n...\n---\nb: 2\n", "a: 1\n---\n"] {
            let err = Doc::parse(two).unwrap_err();
            assert!(err.second_document, "{two:?}");
        }
        assert!(Doc::parse("---\na: 1\n...\n# done\n").is_ok());
    }

    #[test]
    fn a_broken_text_says_where() {
        let err = Doc::parse("a: [1, 2\nb: c\n").unwrap_err();
        assert!(err.line >= 1 && !err.reason.is_empty(), "{err:?}");
        assert!(Doc::parse("").unwrap().root().is_none());
        assert!(Doc::parse("# only\n").unwrap().root().is_none());
    }
}
