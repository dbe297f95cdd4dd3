//! A reader for the plain TOML that `.relconfig.toml` files are made of, for the hooks and
//! `lint`, which load the configuration on every commit: `[table]` headers, `key = value`
//! with strings, integers, booleans and arrays of them, and comments. It reads nothing else:
//! any other construct (escapes, multi-line strings, inline tables, dotted or quoted keys,
//! floats, dates, arrays of tables...) and anything toml would refuse makes it give up, and
//! the full parser reads the file instead. So do a file that does not deserialize or resolve
//! (the full parser then words the error). What it accepts, it reads as toml does: a proptest
//! compares the two.

use std::ops::Range;

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, IntoDeserializer, Visitor};

/// A value and the bytes of the file it came from (as toml spans it).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Item {
    value: Value,
    span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Str(String),
    Int(i64),
    Bool(bool),
    Array(Vec<Item>),
    Table(Table),
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Table {
    entries: Vec<(String, Item)>,
    /// Defined by its own `[header]` (a second one is an error in TOML).
    explicit: bool,
}

/// The document's root table, or `None` for anything this reader leaves to toml.
pub(super) fn parse(text: &str) -> Option<Item> {
    let mut p = Parser { s: text, i: 0 };
    let mut root = Table::default();
    let mut path: Vec<String> = Vec::new();
    loop {
        p.blanks();
        match p.peek() {
            None => break,
            Some(b'\n' | b'\r' | b'#') => p.line_end()?,
            Some(b'[') => {
                path = p.header()?;
                p.line_end()?;
                let table = table_at(&mut root, &path)?;
                if table.explicit {
                    return None;
                }
                table.explicit = true;
            }
            Some(_) => {
                let key = p.key()?;
                p.blanks();
                p.eat(b'=')?;
                p.blanks();
                let value = p.value()?;
                p.line_end()?;
                let table = table_at(&mut root, &path)?;
                if table.entries.iter().any(|(k, _)| *k == key) {
                    return None;
                }
                table.entries.push((key, value));
            }
        }
    }
    Some(Item {
        value: Value::Table(root),
        span: 0..text.len(),
    })
}

/// The table at `path`, made (implicitly) where missing. `None` where a key on the way is not
/// a table (toml refuses that).
fn table_at<'t>(root: &'t mut Table, path: &[String]) -> Option<&'t mut Table> {
    let mut table = root;
    for name in path {
        let at = match table.entries.iter().position(|(k, _)| k == name) {
            Some(at) => at,
            None => {
                table.entries.push((
                    name.clone(),
                    Item {
                        value: Value::Table(Table::default()),
                        span: 0..0,
                    },
                ));
                table.entries.len() - 1
            }
        };
        table = match &mut table.entries[at].1.value {
            Value::Table(t) => t,
            _ => return None,
        };
    }
    Some(table)
}

struct Parser<'a> {
    s: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.i += 1)
    }

    /// Spaces and tabs.
    fn blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }

    /// An optional comment, then the end of the line (or of the file).
    fn line_end(&mut self) -> Option<()> {
        self.blanks();
        if self.peek() == Some(b'#') {
            // To the line's end, in one pass: toml refuses control characters in comments
            // (tab aside).
            let rest = &self.s.as_bytes()[self.i..];
            let mut len = 0;
            while let Some(&b) = rest.get(len) {
                if b < 0x20 || b == 0x7f {
                    match b {
                        b'\t' => {}
                        b'\n' | b'\r' => break,
                        _ => return None,
                    }
                }
                len += 1;
            }
            self.i += len;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.i += 1;
                Some(())
            }
            Some(b'\r') => {
                self.i += 1;
                self.eat(b'\n')
            }
            Some(_) => None,
        }
    }

    /// A bare key: ASCII letters, digits, `_` and `-`.
    fn key(&mut self) -> Option<String> {
        let start = self.i;
        while matches!(
            self.peek(),
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')
        ) {
            self.i += 1;
        }
        (self.i > start).then(|| self.s[start..self.i].to_owned())
    }

    /// `[a.b]`, without blanks inside.
    fn header(&mut self) -> Option<Vec<String>> {
        self.eat(b'[')?;
        let mut path = vec![self.key()?];
        while self.eat(b'.').is_some() {
            path.push(self.key()?);
        }
        self.eat(b']')?;
        Some(path)
    }

    fn value(&mut self) -> Option<Item> {
        let start = self.i;
        let value = match self.peek()? {
            b'"' => Value::Str(self.string(b'"')?),
            b'\'' => Value::Str(self.string(b'\'')?),
            b'[' => Value::Array(self.array()?),
            b't' | b'f' => {
                let rest = &self.s[self.i..];
                let (v, len) = if rest.starts_with("true") {
                    (true, 4)
                } else if rest.starts_with("false") {
                    (false, 5)
                } else {
                    return None;
                };
                self.i += len;
                Value::Bool(v)
            }
            b'+' | b'-' | b'0'..=b'9' => Value::Int(self.integer()?),
            _ => return None,
        };
        // A value ends at a blank, a comment, a comma, a bracket or the line's end: anything
        // else (`1.5`, `1979-05-27`, `truex`) is not this reader's.
        if !matches!(
            self.peek(),
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'#' | b',' | b']')
        ) {
            return None;
        }
        Some(Item {
            value,
            span: start..self.i,
        })
    }

    /// A one-line string without escapes (`"` or `'` quoted; `"""`/`'''` are left to toml).
    fn string(&mut self, quote: u8) -> Option<String> {
        self.eat(quote)?;
        let rest = &self.s.as_bytes()[self.i..];
        let len = rest.iter().position(|&b| b == quote)?;
        let body = &rest[..len];
        if len == 0 && rest.get(1) == Some(&quote) {
            return None; // `"""` or `'''`
        }
        if body
            .iter()
            .any(|&b| b == b'\\' || (b < 0x20 && b != b'\t') || b == 0x7f)
        {
            return None;
        }
        let text = self.s[self.i..self.i + len].to_owned();
        self.i += len + 1;
        Some(text)
    }

    /// A decimal integer: an optional sign, no leading zero, no `_`.
    fn integer(&mut self) -> Option<i64> {
        let start = self.i;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.i += 1;
        }
        let digits = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        let n = self.i - digits;
        if n == 0 || (n > 1 && self.s.as_bytes()[digits] == b'0') {
            return None;
        }
        self.s[start..self.i].parse().ok()
    }

    /// `[v, v, ...]` over any number of lines, with comments and a trailing comma.
    fn array(&mut self) -> Option<Vec<Item>> {
        self.eat(b'[')?;
        let mut items = Vec::new();
        loop {
            self.array_space()?;
            if self.eat(b']').is_some() {
                return Some(items);
            }
            items.push(self.value()?);
            self.array_space()?;
            if self.eat(b',').is_none() {
                self.array_space()?;
                self.eat(b']')?;
                return Some(items);
            }
        }
    }

    /// Blanks, comments and line ends inside an array.
    fn array_space(&mut self) -> Option<()> {
        loop {
            self.blanks();
            match self.peek() {
                Some(b'#' | b'\n' | b'\r') => self.line_end()?,
                _ => return Some(()),
            }
        }
    }
}

/// Why deserializing failed; only ever means "ask the full parser".
#[derive(Debug)]
pub(super) struct Error;

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not read by the quick reader")
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Error
    }
}

impl<'de> IntoDeserializer<'de, Error> for Item {
    type Deserializer = Item;

    fn into_deserializer(self) -> Item {
        self
    }
}

impl<'de> de::Deserializer<'de> for Item {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Str(s) => visitor.visit_string(s),
            Value::Int(i) => visitor.visit_i64(i),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Array(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Value::Table(t) => {
                let mut map = MapDeserializer::new(t.entries.into_iter());
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if serde_spanned::de::is_spanned(name) {
            let span = self.span.clone();
            return visitor.visit_map(serde_spanned::de::SpannedDeserializer::new(self, span));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::Str(s) => visitor.visit_enum(IntoDeserializer::<Error>::into_deserializer(s)),
            _ => Err(Error),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::path::Path;

    /// The configuration through the full parser only, or its error.
    fn full(text: &str) -> String {
        match super::super::Config::parse_full(Path::new("c.toml"), text) {
            Ok(c) => format!("{c:?}"),
            Err(e) => format!("error: {e}"),
        }
    }

    fn parsed(text: &str) -> String {
        match super::super::Config::parse(Path::new("c.toml"), text) {
            Ok(c) => format!("{c:?}"),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn the_template_is_read_quickly_and_as_toml_reads_it() {
        for text in [
            include_str!("../../templates/relconfig.toml"),
            include_str!("../../.relconfig.toml"),
        ] {
            assert!(parse(text).is_some());
            assert_eq!(parsed(text), full(text));
        }
    }

    #[test]
    fn what_it_does_not_read_is_left_to_toml() {
        for text in [
            "[commit]\ntypes = [\"fe\\u0061t\"]\n",
            "[commit]\ntypes = \"\"\"x\"\"\"\n",
            "commit.types = [\"feat\"]\n",
            "[commit]\n\"types\" = [\"feat\"]\n",
            "[[version.files]]\npath = \"x\"\n",
            "[version]\nfiles = [{ path = \"Cargo.toml\" }]\n",
            "[commit]\nheader_max_length = 1_000\n",
            "[commit]\nheader_max_length = 0x10\n",
            "[commit]\nheader_max_length = 010\n",
            "[commit]\nheader_max_length = 1.5\n",
            "[ commit ]\n",
            "[commit]\n[commit]\n",
            "[commit]\ntypes = []\ntypes = []\n",
            "\u{feff}[commit]\n",
            "[commit]\r\ntypes = ['a']\r",
            "[commit]\ntypes = ['a'] x\n",
            "[commit] # c\u{1}\n",
        ] {
            assert!(parse(text).is_none(), "{text:?}");
            assert_eq!(parsed(text), full(text), "{text:?}");
        }
    }

    /// Documents made of the pieces `.relconfig.toml` files hold, valid or not.
    fn document() -> impl Strategy<Value = String> {
        let header = prop::sample::select(vec![
            "[commit]",
            "[commit.rules]",
            "[changelog]",
            "[changelog.sections]",
            "[version]",
            "[release]",
            "[checks]",
            "[other]",
            "[commit.types]",
            "[[version.files]]",
        ]);
        let key = prop::sample::select(vec![
            "types",
            "scopes",
            "require_scope",
            "header_max_length",
            "ignore",
            "path",
            "accumulate",
            "feat",
            "fix",
            "tag_prefix",
            "initial",
            "branches",
            "sign",
            "commit_message",
            "test",
            "require_tested_tags",
            "subject-case",
            "fixup",
            "unknown",
            "fixup_in_hook",
            "body_max_line_length",
        ]);
        let value = prop::sample::select(vec![
            "\"feat\"",
            "'^Merge '",
            "\"a b\"",
            "\"\"",
            "''",
            "\"é\"",
            "\"x\\\"y\"",
            "\"tab\there\"",
            "100",
            "0",
            "-1",
            "+5",
            "007",
            "1_0",
            "true",
            "false",
            "True",
            "1.5",
            "[\"feat\", \"fix\"]",
            "[]",
            "[ 'a' , ]",
            "[\"a\",\n  # c\n  \"b\",\n]",
            "[1, \"a\"]",
            "[[\"a\"]]",
            "\"error\"",
            "\"warn\"",
            "\"off\"",
            "\"loud\"",
            "\"CHANGELOG.md\"",
            "\"../x\"",
            "\"./x\"",
            "\"x//y/\"",
            "\"refs/v\"",
            "\"v\"",
            "\"1.2.3\"",
            "{ a = 1 }",
            "\"Added\"",
            "\"\"\"x\"\"\"",
            "2024-01-01",
            "\"[\"",
        ]);
        let blank = prop::sample::select(vec!["", " ", "\t", "  "]);
        let comment = prop::sample::select(vec!["", " # note", "# x", " #\t'\"[]"]);
        let line = prop_oneof![
            (header, blank.clone(), comment.clone()).prop_map(|(h, b, c)| format!("{h}{b}{c}")),
            (blank.clone(), key, blank.clone(), value, comment.clone())
                .prop_map(|(b1, k, b2, v, c)| format!("{b1}{k}{b2}={b2}{v}{c}")),
            comment.prop_map(str::to_owned),
            blank.prop_map(str::to_owned),
        ];
        let eol = prop::sample::select(vec!["\n", "\n", "\n", "\r\n"]);
        prop::collection::vec((line, eol), 0..14)
            .prop_map(|lines| lines.into_iter().map(|(l, e)| l + e).collect())
    }

    /// A (mostly) valid configuration: each table with keys it knows and values of the right
    /// type, most of the time, in any order.
    fn config_document() -> impl Strategy<Value = String> {
        let strings = || {
            prop::sample::select(vec![
                "\"feat\"",
                "'fix'",
                "\"Added\"",
                "\"CHANGELOG.md\"",
                "\"docs/CHANGES.md\"",
                "\"v\"",
                "\"\"",
                "\"0.1.0\"",
                "\"1.2.3-rc.1\"",
                "\"main\"",
                "'^Merge '",
                "\"chore(release): {version}\"",
                "\"é ü\"",
                "\"x\\ty\"",
                "7",
                "true",
            ])
        };
        let arrays = || {
            prop::sample::select(vec![
                "[\"feat\", \"fix\"]",
                "[]",
                "['cargo', 'test']",
                "[\"a\",\n  \"b\", # c\n]",
                "[\"feat\",]",
                "[1]",
                "[\"^WIP\", '^Revert ']",
                "\"feat\"",
            ])
        };
        let ints = || prop::sample::select(vec!["100", "72", "0", "1", "-3", "+80", "99999999999"]);
        let bools = || prop::sample::select(vec!["true", "false", "\"true\"", "1"]);
        let levels = || {
            prop::sample::select(vec![
                "\"error\"",
                "'warning'",
                "\"warn\"",
                "\"off\"",
                "\"no\"",
            ])
        };
        let kv = |keys: Vec<&'static str>, values: BoxedStrategy<&'static str>| {
            (prop::sample::select(keys), values).prop_map(|(k, v)| format!("{k} = {v}"))
        };
        let commit = prop_oneof![
            kv(vec!["types", "scopes", "ignore"], arrays().boxed()),
            kv(
                vec![
                    "require_scope",
                    "ignore_merge_commits",
                    "fixup_in_hook",
                    "fixup_in_check"
                ],
                bools().boxed()
            ),
            kv(
                vec![
                    "header_max_length",
                    "body_max_line_length",
                    "footer_max_line_length"
                ],
                ints().boxed()
            ),
        ];
        let rules = kv(
            vec![
                "type-enum",
                "subject-case",
                "fixup",
                "header-max-length",
                "body-leading-blank",
                "nope",
            ],
            levels().boxed(),
        );
        let changelog = prop_oneof![
            kv(vec!["path"], strings().boxed()),
            kv(vec!["accumulate"], bools().boxed()),
            kv(vec!["order"], arrays().boxed()),
        ];
        let sections = kv(
            vec!["feat", "fix", "perf", "docs", "Feat"],
            strings().boxed(),
        );
        let version = prop_oneof![
            kv(vec!["tag_prefix", "initial"], strings().boxed()),
            kv(
                vec![
                    "zero_major_breaking_bumps_minor",
                    "zero_major_feat_bumps_patch",
                    "floating_tags"
                ],
                bools().boxed()
            ),
            kv(vec!["pre_release_start"], ints().boxed()),
        ];
        let release = prop_oneof![
            kv(vec!["branches"], arrays().boxed()),
            kv(vec!["commit_message"], strings().boxed()),
            kv(
                vec!["sign", "allow_lightweight_tags", "bump_dependents"],
                bools().boxed()
            ),
        ];
        let channels = kv(vec!["beta", "next", "main"], strings().boxed());
        let checks = prop_oneof![
            kv(vec!["test"], arrays().boxed()),
            kv(
                vec!["require_tested_tags", "run_tests_on_push"],
                bools().boxed()
            ),
        ];
        let table = |header: &'static str, keys: BoxedStrategy<String>| {
            (
                prop::collection::vec(keys, 0..4),
                prop::sample::select(vec!["", " # c", "  "]),
            )
                .prop_map(move |(ks, c)| format!("{header}{c}\n{}", ks.join("\n") + "\n"))
        };
        prop::collection::vec(
            prop_oneof![
                table("[commit]", commit.boxed()),
                table("[commit.rules]", rules.boxed()),
                table("[changelog]", changelog.boxed()),
                table("[changelog.sections]", sections.boxed()),
                table("[version]", version.boxed()),
                table("[release]", release.boxed()),
                table("[release.channels]", channels.boxed()),
                table("[checks]", checks.boxed()),
            ],
            0..6,
        )
        .prop_map(|tables| tables.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn the_quick_reader_agrees_with_toml_on_configurations(text in config_document()) {
            prop_assert_eq!(parsed(&text), full(&text), "{:?}", text);
        }

        #[test]
        fn the_quick_reader_agrees_with_toml(text in document()) {
            prop_assert_eq!(parsed(&text), full(&text), "{:?}", text);
        }

        /// Where it reads a document, it reads the same values as toml, spans included.
        #[test]
        fn what_it_reads_toml_reads_the_same(text in document()) {
            if let Some(quick) = parse(&text) {
                let table: toml::Table = match toml::from_str(&text) {
                    Ok(t) => t,
                    Err(e) => return Err(TestCaseError::fail(format!("toml refused {text:?}: {e}"))),
                };
                prop_assert_eq!(to_toml(&quick), toml::Value::Table(table), "{:?}", text);
                prop_assert!(spans_agree(&quick, &text), "{:?}", text);
            }
        }
    }

    fn to_toml(item: &Item) -> toml::Value {
        match &item.value {
            Value::Str(s) => toml::Value::String(s.clone()),
            Value::Int(i) => toml::Value::Integer(*i),
            Value::Bool(b) => toml::Value::Boolean(*b),
            Value::Array(a) => toml::Value::Array(a.iter().map(to_toml).collect()),
            Value::Table(t) => toml::Value::Table(
                t.entries
                    .iter()
                    .map(|(k, v)| (k.clone(), to_toml(v)))
                    .collect(),
            ),
        }
    }

    /// Every value's span (tables aside) in `[table] key = value` documents, as toml gives it.
    fn spans_agree(quick: &Item, text: &str) -> bool {
        use serde::Deserialize;
        use std::collections::BTreeMap;
        type Doc = BTreeMap<String, BTreeMap<String, toml::Spanned<toml::Value>>>;
        fn leaves(d: &Doc) -> Vec<(String, String, Range<usize>)> {
            let mut out = Vec::new();
            for (t, keys) in d {
                for (k, v) in keys {
                    if !v.get_ref().is_table() {
                        out.push((t.clone(), k.clone(), v.span()));
                    }
                }
            }
            out
        }
        match (Doc::deserialize(quick.clone()), toml::from_str::<Doc>(text)) {
            (Ok(ours), Ok(theirs)) => leaves(&ours) == leaves(&theirs),
            (ours, theirs) => ours.is_ok() == theirs.is_ok(),
        }
    }
}
