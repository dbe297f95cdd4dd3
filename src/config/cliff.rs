//! A git-cliff project's `[git]` table (`cliff.toml` at the top of the work tree): its
//! `commit_parsers`, run as git-cliff runs them (git-cliff-core's `Commit::parse`). In order,
//! the first parser whose regex matches decides: `skip = true` leaves the commit out (unless
//! `protect_breaking_commits` is set and the commit is breaking), else its `group` names the
//! commit's sub-section; with `filter_commits = true` a commit no parser matches is left out.
//! A `sha` parser decides for the commit it names, where its id is known (`--sync`,
//! `--rebuild`, a release's bump; post-commit's commit is new, named by no parser).
//! `message` is matched against the whole message, `body` against the body, `footer`
//! against each footer, `field`/`pattern` against the fields relhook can read. A regex the
//! regex crate cannot compile, or a field relhook cannot read, makes relhook set the parsers
//! aside (one line says so) and choose sub-sections by kind of change, as before.

use std::path::Path;
use std::rc::Rc;

use regex::Regex;

/// The files git-cliff reads its configuration from, in its order of precedence.
pub const CLIFF_FILES: [&str; 3] = ["cliff.toml", ".cliff.toml", ".config/cliff.toml"];

/// The commit fields a `field`/`pattern` parser may name that relhook reads from a message
/// (git-cliff's `message` of a Conventional Commit is its description).
const FIELDS: [&str; 7] = [
    "message",
    "body",
    "scope",
    "group",
    "breaking",
    "raw_message",
    "conventional",
];

/// What a commit is to a git-cliff project's `commit_parsers`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A parser with `skip = true` matched (the parser as written, for the line that says so).
    Skip(String),
    /// No parser matched, and `filter_commits = true` leaves such commits out.
    Filtered,
    /// The group of the first parser that matched, its `$1` references replaced.
    Group(String),
    /// No parser matched (or the one that did names no group): git-cliff groups the commit
    /// by its type.
    Unmatched,
}

/// A commit as the parsers read it.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    /// The whole message, as stored.
    pub message: &'a str,
    /// The Conventional Commit's type, description, scope and body (`None`: not one).
    pub conventional: Option<(&'a str, &'a str, Option<&'a str>, Option<&'a str>)>,
    /// Its footers as git-cliff writes them (`Refs: #12`).
    pub footers: &'a [String],
    /// Whether it is a breaking change.
    pub breaking: bool,
    /// Its id (40 lowercase hex digits), for a `sha` parser; `None`: not known here.
    pub id: Option<&'a str>,
}

/// A parser's regex: read (its syntax checked, as compiling it checks) with the parsers, and
/// compiled the first time a commit reaches its parser. git-cliff's first parsers decide most
/// commits, so a commit compiles one or two of its seventeen.
#[derive(Debug)]
struct Pattern {
    source: String,
    compiled: std::sync::OnceLock<Option<Regex>>,
}

impl Pattern {
    /// `source`, or why it does not compile (regex's own message, its last line).
    fn read(source: &str) -> Result<Pattern, String> {
        regex_syntax::Parser::new()
            .parse(source)
            .map_err(|e| e.to_string())?;
        Ok(Pattern {
            source: source.to_owned(),
            compiled: std::sync::OnceLock::new(),
        })
    }

    /// The compiled regex (`None`, matching nothing, where it is over regex's size limit, the
    /// one fault a syntax check cannot see).
    fn regex(&self) -> Option<&Regex> {
        (self.compiled)
            .get_or_init(|| Regex::new(&self.source).ok())
            .as_ref()
    }
}

#[derive(Debug)]
struct Parser {
    message: Option<Pattern>,
    body: Option<Pattern>,
    footer: Option<Pattern>,
    field: Option<(String, Pattern)>,
    /// The commit a `sha` parser names, in lower case as git-cliff compares it.
    sha: Option<String>,
    group: Option<String>,
    skip: bool,
    /// The parser as written (`message = "^chore\(release\)", skip = true`).
    shown: String,
}

/// A project's `commit_parsers`, `protect_breaking_commits` and `filter_commits`. The
/// regexes are read the first time a commit is judged (most commands judge none, and
/// compiling git-cliff's own seventeen costs five times a plain `relhook version`), each
/// compiled when a commit reaches its parser.
#[derive(Debug)]
pub struct Cliff {
    specs: Vec<toml::Value>,
    compiled: std::sync::OnceLock<Result<Vec<Parser>, String>>,
    protect_breaking: bool,
    filter: bool,
    /// The file read (for the warning and for equality).
    pub file: String,
    text: String,
}

impl PartialEq for Cliff {
    fn eq(&self, other: &Self) -> bool {
        self.file == other.file && self.text == other.text
    }
}

thread_local! {
    /// The last git-cliff configuration text parsed, with its table: a commit's entry reads
    /// the parsers, then the order of the groups from the same file, which is parsed once.
    static LAST: std::cell::RefCell<Option<(String, Rc<toml::Table>)>> =
        const { std::cell::RefCell::new(None) };
    /// How many texts were parsed, not taken from [`LAST`] (`RELHOOK_TEST_CLIFF_PARSES`).
    static PARSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many git-cliff configuration texts were parsed on this thread.
pub fn parses() -> usize {
    PARSES.with(std::cell::Cell::get)
}

/// The git-cliff configuration at the top of the work tree `top`: the first of
/// [`CLIFF_FILES`] there, its text, and its table if it reads as TOML (parsed once for the
/// same text).
pub fn read(top: &Path) -> Option<(&'static str, String, Option<Rc<toml::Table>>)> {
    let (file, text) = CLIFF_FILES
        .iter()
        .find_map(|f| Some((*f, std::fs::read_to_string(top.join(f)).ok()?)))?;
    let kept = LAST.with(|last| {
        let last = last.borrow();
        let (_, table) = last.as_ref().filter(|(seen, _)| *seen == text)?;
        Some(Rc::clone(table))
    });
    let table = kept.or_else(|| {
        PARSES.with(|n| n.set(n.get() + 1));
        let table = Rc::new(text.parse::<toml::Table>().ok()?);
        LAST.with(|last| *last.borrow_mut() = Some((text.clone(), Rc::clone(&table))));
        Some(table)
    });
    Some((file, text, table))
}

/// The git-cliff configuration at the top of the work tree `top`, if one of [`CLIFF_FILES`]
/// is there, reads as TOML and has `commit_parsers`.
pub fn load(top: &Path) -> Option<Cliff> {
    let (file, text, table) = read(top)?;
    let table = table?;
    let git = table.get("git")?.as_table()?;
    let specs = git.get("commit_parsers")?.as_array()?.clone();
    let flag = |k: &str| git.get(k).and_then(toml::Value::as_bool) == Some(true);
    Some(Cliff {
        specs,
        compiled: std::sync::OnceLock::new(),
        protect_breaking: flag("protect_breaking_commits"),
        filter: flag("filter_commits"),
        file: file.to_owned(),
        text,
    })
}

/// The parsers of `specs` compiled, or why one cannot be (in one line, naming `file`).
fn compiled(specs: &[toml::Value], file: &str) -> Result<Vec<Parser>, String> {
    let mut parsers = Vec::with_capacity(specs.len());
    for (i, p) in specs.iter().enumerate() {
        parsers.push(parser(p).map_err(|why| {
            format!(
                "{file}: commit_parsers[{i}]: {why}; relhook sets the parsers aside and chooses sub-sections by kind of change"
            )
        })?);
    }
    Ok(parsers)
}

/// One parser of the array, its regexes read.
fn parser(p: &toml::Value) -> Result<Parser, String> {
    let s = |k: &str| p.get(k).and_then(toml::Value::as_str);
    let regex = |k: &str| -> Result<Option<Pattern>, String> {
        s(k).map(|r| {
            Pattern::read(r).map_err(|first| {
                let why = first.lines().last().unwrap_or_default().trim().to_owned();
                format!("the {k} regex `{r}` does not compile here ({why})")
            })
        })
        .transpose()
    };
    let field = match (s("field"), regex("pattern")?) {
        (Some(f), Some(r)) if FIELDS.contains(&f) => Some((f.to_owned(), r)),
        (Some(f), Some(_)) => return Err(format!("relhook cannot read the field `{f}`")),
        _ => None,
    };
    let shown: Vec<String> = p
        .as_table()
        .into_iter()
        .flatten()
        .map(|(k, v)| format!("{k} = {v}"))
        .collect();
    Ok(Parser {
        message: regex("message")?,
        body: regex("body")?,
        footer: regex("footer")?,
        field,
        sha: s("sha").map(str::to_lowercase),
        group: s("group").map(str::to_owned),
        skip: p.get("skip").and_then(toml::Value::as_bool) == Some(true),
        shown: shown.join(", "),
    })
}

impl Cliff {
    fn parsers(&self) -> &Result<Vec<Parser>, String> {
        self.compiled
            .get_or_init(|| compiled(&self.specs, &self.file))
    }

    /// Whether relhook follows the parsers (there are some, and every one reads).
    pub fn followed(&self) -> bool {
        self.parsers().as_ref().is_ok_and(|p| !p.is_empty())
    }

    /// Why the parsers are set aside, in one line (`None`: they are followed).
    pub fn unreadable(&self) -> Option<&str> {
        self.parsers().as_ref().err().map(String::as_str)
    }

    /// [`Cliff::unreadable`], once a commit was judged (the parsers were read).
    pub fn unreadable_if_read(&self) -> Option<&str> {
        self.compiled.get()?.as_ref().err().map(String::as_str)
    }

    /// What the parsers make of the commit `c`, as git-cliff decides it.
    pub fn verdict(&self, c: &Fields) -> Verdict {
        if !self.followed() {
            return Verdict::Unmatched;
        }
        let Ok(parsers) = self.parsers() else {
            return Verdict::Unmatched;
        };
        let body = c.conventional.and_then(|(_, _, _, b)| b).unwrap_or("");
        let kept = !(c.breaking && c.conventional.is_some() && self.protect_breaking);
        for p in parsers {
            // A `sha` parser decides for the commit it names before its regexes are tried.
            if p.sha.is_some() && p.sha.as_deref() == c.id {
                if p.skip && kept {
                    return Verdict::Skip(p.shown.clone());
                }
                return p.group.clone().map_or(Verdict::Unmatched, Verdict::Group);
            }
            let mut checks: Vec<(&Pattern, String)> = Vec::new();
            if let Some(r) = &p.message {
                checks.push((r, c.message.trim_end().to_owned()));
            }
            if let Some(r) = &p.body {
                checks.push((r, body.to_owned()));
            }
            if let (Some(r), Some(_)) = (&p.footer, c.conventional) {
                checks.extend(c.footers.iter().map(|f| (r, f.clone())));
            }
            if let Some((name, r)) = &p.field {
                checks.extend(field(c, name).map(|v| (r, v)));
            }
            for (regex, text) in checks {
                let Some(regex) = regex.regex() else {
                    continue;
                };
                if !regex.is_match(text.trim()) {
                    continue;
                }
                if p.skip && kept {
                    return Verdict::Skip(p.shown.clone());
                }
                // git-cliff replaces `$1` in the group by each match, one after the other.
                let group = p.group.clone().map(|mut g| {
                    for m in regex.find_iter(&text) {
                        g = regex.replace(m.as_str(), g.as_str()).into_owned();
                    }
                    g
                });
                return group.map_or(Verdict::Unmatched, Verdict::Group);
            }
        }
        if self.filter {
            Verdict::Filtered
        } else {
            Verdict::Unmatched
        }
    }
}

/// The value of the field `name` of `c`, as git-cliff serialises a commit (one of [`FIELDS`]).
fn field(c: &Fields, name: &str) -> Option<String> {
    let conv = c.conventional;
    Some(match name {
        "message" => conv.map_or(c.message, |(_, d, _, _)| d).to_owned(),
        "body" => conv.and_then(|(_, _, _, b)| b)?.to_owned(),
        "scope" => conv.and_then(|(_, _, s, _)| s)?.to_owned(),
        "group" => conv?.0.to_owned(),
        "breaking" => (c.breaking && conv.is_some()).to_string(),
        "raw_message" => c.message.to_owned(),
        "conventional" => conv.is_some().to_string(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cliff(parsers: &str, flags: &str) -> Cliff {
        // `load` reads the file at once: the directory may go when it returns.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("cliff.toml"),
            format!("[git]\n{flags}\ncommit_parsers = [\n{parsers}\n]\n"),
        )
        .unwrap();
        load(dir.path()).unwrap()
    }

    fn conv<'a>(
        message: &'a str,
        ty: &'a str,
        body: Option<&'a str>,
        breaking: bool,
    ) -> Fields<'a> {
        Fields {
            message,
            conventional: Some((ty, "", None, body)),
            footers: &[],
            breaking,
            id: None,
        }
    }

    const PARSERS: &str = r#"{ message = "^chore\\(release\\)", skip = true },
        { body = ".*security", group = "Security" },
        { message = "^fix\\(deps\\)", group = "Deps" },
        { message = "^fix", group = "<!-- 1 -->🐛 Bug Fixes" },
        { message = "^(feat|perf)", group = "$1 things" },"#;

    #[test]
    fn the_first_parser_that_matches_decides() {
        let c = cliff(PARSERS, "");
        let v = |m: &str, body: Option<&str>| c.verdict(&conv(m, "fix", body, false));
        assert_eq!(
            v("chore(release): v1", None),
            Verdict::Skip(r"message = '^chore\(release\)', skip = true".into())
        );
        assert_eq!(
            v("fix(deps): bump", Some("fixes a security hole")),
            Verdict::Group("Security".into())
        );
        assert_eq!(v("fix(deps): bump", None), Verdict::Group("Deps".into()));
        assert_eq!(
            v("fix: x", None),
            Verdict::Group("<!-- 1 -->🐛 Bug Fixes".into())
        );
        assert_eq!(v("perf: x", None), Verdict::Group("perf things".into()));
        assert_eq!(v("docs: x", None), Verdict::Unmatched);
    }

    #[test]
    fn breaking_commits_are_protected_and_unmatched_ones_filtered_as_configured() {
        let flags = "protect_breaking_commits = true\nfilter_commits = true";
        let c = cliff(PARSERS, flags);
        let breaking = conv("chore(release)!: v2", "chore", None, true);
        // Protected, it takes the group of the parser that matched: none here.
        assert_eq!(c.verdict(&breaking), Verdict::Unmatched);
        assert_eq!(
            c.verdict(&conv("docs: x", "docs", None, false)),
            Verdict::Filtered
        );
        let plain = cliff(PARSERS, "");
        assert!(matches!(plain.verdict(&breaking), Verdict::Skip(_)));
    }

    #[test]
    fn a_sha_parser_decides_for_the_commit_it_names() {
        let id = "8f55e69eba6e6ce811ace32bd84cc82215673cb6";
        let parsers = format!(
            "{{ sha = \"{}\", skip = true }},\n{{ sha = \"{}\", group = \"Odd\" }},\n{PARSERS}",
            id.to_uppercase(),
            id.replace('8', "9")
        );
        let c = cliff(&parsers, "");
        let at = |id: Option<&'static str>| Fields {
            id,
            ..conv("fix: x", "fix", None, false)
        };
        assert!(matches!(c.verdict(&at(Some(id))), Verdict::Skip(_)));
        let other = "9f55e69eba6e6ce911ace32bd94cc92215673cb6";
        assert_eq!(c.verdict(&at(Some(other))), Verdict::Group("Odd".into()));
        let fix = Verdict::Group("<!-- 1 -->🐛 Bug Fixes".into());
        assert_eq!(c.verdict(&at(None)), fix);
    }

    #[test]
    fn a_regex_that_does_not_compile_sets_the_parsers_aside() {
        let c = cliff(r#"{ message = "^fix(", group = "Fixes" },"#, "");
        assert!(!c.followed());
        let why = c.unreadable().unwrap().to_owned();
        assert!(why.starts_with("cliff.toml: commit_parsers[0]: the message regex `^fix(`"));
        assert!(!why.contains('\n'), "{why}");
        assert_eq!(
            c.verdict(&conv("fix: x", "fix", None, false)),
            Verdict::Unmatched
        );
        let c = cliff(
            r#"{ field = "author.name", pattern = "bot", skip = true },"#,
            "",
        );
        assert!(c.unreadable().unwrap().contains("`author.name`"));
        // Behind a parser that decides, as regex words it (the last of its lines).
        let c = cliff(
            r#"{ message = "^feat", group = "F" }, { body = "a{2,1}", group = "B" },"#,
            "",
        );
        #[allow(clippy::invalid_regex)] // the regex crate's own words for it, to compare
        let regex = Regex::new("a{2,1}").unwrap_err().to_string();
        let why = c.unreadable().unwrap();
        assert!(why.contains(regex.lines().last().unwrap().trim()), "{why}");
        assert_eq!(
            c.verdict(&conv("feat: x", "feat", None, false)),
            Verdict::Unmatched
        );
    }

    #[test]
    fn a_commit_compiles_the_regexes_of_the_parsers_it_reaches() {
        let c = cliff(PARSERS, "");
        let compiled = || {
            let parsers = c.parsers().as_ref().unwrap();
            (parsers.iter())
                .map(|p| {
                    let field = p.field.as_ref().map(|f| &f.1);
                    [
                        p.message.as_ref(),
                        p.body.as_ref(),
                        p.footer.as_ref(),
                        field,
                    ]
                    .into_iter()
                    .flatten()
                    .any(|r| r.compiled.get().is_some())
                })
                .collect::<Vec<_>>()
        };
        assert!(c.followed() && !compiled().contains(&true));
        // The first parser decides: only its regex is compiled.
        assert_eq!(
            c.verdict(&conv("chore(release): v1", "chore", None, false)),
            Verdict::Skip(r"message = '^chore\(release\)', skip = true".into())
        );
        let first = compiled();
        assert!(first[0] && !first[1..].contains(&true), "{first:?}");
        // A commit no parser takes compiles them all, and judges as before.
        assert_eq!(
            c.verdict(&conv("docs: x", "docs", None, false)),
            Verdict::Unmatched
        );
        assert!(!compiled().contains(&false));
    }
}
