//! A `pyproject.toml`'s requirements (PEP 508 strings in `[project] dependencies`,
//! `[project.optional-dependencies]` and `[dependency-groups]`): the name each requires (as
//! PEP 503 normalizes it), where its version specifier lies in the file, and what a release
//! of that dependency does to it. Only an exact pin (`==1.0.0`) is rewritten; a specifier set
//! that admits the new version is kept, one that does not is for a hand to edit. A
//! pre-release is admitted only by a set that names one (PEP 440: pip passes over `1.1.0rc1`
//! for `>=1.0,<2`).

use std::cmp::Ordering;
use std::ops::Range;

use semver::Version;

use super::deps::{Requirement, Rewrite};
use super::pep440;

/// A project name as PEP 503 normalizes it: lower case, runs of `-`, `_` and `.` one `-`
/// (`My_Pkg` and `my.pkg` are one project to pip and uv).
pub(super) fn normalized(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// `[project] name` (else Poetry's `[tool.poetry] name`), normalized.
pub(super) fn package_name(text: &str) -> Option<String> {
    own(text, "name").map(|name| normalized(&name))
}

/// The project's own version (`[project] version`, else `[tool.poetry] version`) in SemVer's
/// spelling (`1.1.0rc1` is `1.1.0-rc.1`).
pub(super) fn own_version(text: &str) -> Option<Version> {
    let v = own(text, "version")?;
    let v = v.trim();
    Version::parse(v)
        .ok()
        .or_else(|| pep440::semver_spelling(v))
}

/// `[project] <key>`, else `[tool.poetry] <key>`.
fn own(text: &str, key: &str) -> Option<String> {
    let doc = super::parsed_toml(text)?;
    let root = doc.as_item();
    let poetry = root.get("tool").and_then(|t| t.get("poetry"));
    [root.get("project"), poetry]
        .into_iter()
        .flatten()
        .find_map(|t| t.get(key)?.as_str().map(str::to_owned))
}

/// Every requirement of the project's metadata and dependency groups (a group is for
/// development: what the package ships does not change with it). `None`: the file does not
/// parse.
pub(super) fn requirements(text: &str) -> Option<Vec<Requirement>> {
    let doc = super::parsed_toml(text)?;
    let root = doc.as_item();
    let mut lists: Vec<(String, bool, &toml_edit::Array)> = Vec::new();
    let project = root.get("project");
    if let Some(a) = project.and_then(|p| p.get("dependencies")?.as_array()) {
        lists.push(("project.dependencies".into(), false, a));
    }
    let tables = [
        ("project.optional-dependencies", false),
        ("dependency-groups", true),
    ];
    for (label, dev) in tables {
        let table = match label.split_once('.') {
            Some((_, key)) => project.and_then(|p| p.get(key)),
            None => root.get(label),
        };
        for (group, item) in table
            .and_then(|t| t.as_table_like())
            .into_iter()
            .flat_map(|t| t.iter())
        {
            if let Some(a) = item.as_array() {
                lists.push((format!("{label}.{group}"), dev, a));
            }
        }
    }
    let mut out = Vec::new();
    for (section, dev, array) in lists {
        for value in array.iter() {
            // `{ include-group = "…" }` in a dependency group names no project.
            let toml_edit::Value::String(s) = value else {
                continue;
            };
            let Some((name, spec)) = parse(s.value()) else {
                continue;
            };
            // Unplaced (`None`) when escapes put it elsewhere: read, and refused if it must move.
            let span = s.span().and_then(|at| in_file(text, at, s.value(), &spec));
            out.push(Requirement {
                section: section.clone(),
                name: normalized(name),
                key: name.to_owned(),
                text: s.value()[spec].to_owned(),
                span,
                dev,
                path: None,
                prereleases: None,
            });
        }
    }
    Some(out)
}

/// A PEP 508 requirement's name and the range of its version specifier (empty for a URL
/// requirement or none): `name [extras] (spec) ; marker`, the parentheses optional.
fn parse(req: &str) -> Option<(&str, Range<usize>)> {
    let start = req.len() - req.trim_start().len();
    let len = req[start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(req.len() - start);
    if len == 0 {
        return None;
    }
    let name = &req[start..start + len];
    let mut at = skip_space(req, start + len);
    if req[at..].starts_with('[') {
        at = skip_space(req, at + req[at..].find(']')? + 1);
    }
    let rest = &req[at..];
    let (from, to) = if rest.starts_with('@') {
        (at, at)
    } else if rest.starts_with('(') {
        (at + 1, at + rest.find(')')?)
    } else {
        (at, at + rest.find(';').unwrap_or(rest.len()))
    };
    let spec = &req[from..to];
    let lead = spec.len() - spec.trim_start().len();
    Some((name, from + lead..from + spec.trim_end().len()))
}

fn skip_space(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start().len()
}

/// Where the bytes `spec` of the string `value` lie in the file, its quoted text at `at`
/// (one quote or three, the line break after three opening ones not part of the value):
/// `None` when an escape before them puts them elsewhere.
pub(super) fn in_file(
    text: &str,
    at: Range<usize>,
    value: &str,
    spec: &Range<usize>,
) -> Option<Range<usize>> {
    let raw = text.get(at.clone())?;
    let open = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|q| raw.starts_with(q))?;
    let inner = &raw[open.len()..];
    let inner = match open.len() {
        3 => inner
            .strip_prefix("\r\n")
            .or_else(|| inner.strip_prefix('\n'))
            .unwrap_or(inner),
        _ => inner,
    };
    let start = at.start + (raw.len() - inner.len());
    (inner.get(..spec.end)? == value.get(..spec.end)?).then(|| start + spec.start..start + spec.end)
}

const OPERATORS: [&str; 8] = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"];

/// What a release of `new` does to the specifier set `spec`: an exact pin (`==1.0.0`,
/// `=== 1.0.0`) names the new version instead, its operator and spacing kept; any other set
/// is kept when it admits `new` and is for a hand to edit when it does not.
pub(super) fn rewrite(spec: &str, new: &Version) -> Rewrite {
    let spec = spec.trim();
    if spec.is_empty() || admits(spec, new) {
        return Rewrite::Same;
    }
    let Some(spelled) = pep440::spell(&new.to_string()) else {
        return Rewrite::Unsupported;
    };
    match split(spec) {
        Some(("==" | "===", version)) if !spec.contains(',') && !version.ends_with('*') => {
            let head = &spec[..spec.len() - version.len()];
            Rewrite::To(format!("{head}{spelled}"))
        }
        _ => Rewrite::Unsupported,
    }
}

/// The operator of one clause and its version, as written.
pub(super) fn split(clause: &str) -> Option<(&'static str, &str)> {
    let clause = clause.trim();
    let op = OPERATORS.iter().find(|op| clause.starts_with(**op))?;
    Some((op, clause[op.len()..].trim()))
}

/// Whether every clause of the specifier set `spec` admits `new` (PEP 440's comparisons; a
/// clause relhook cannot read admits nothing), and, `new` a pre-release, one names a
/// pre-release (PEP 440: pip takes `1.1.0rc1` for `>=1.1.0rc1,<2`, not for `>=1.0,<2`).
pub(super) fn admits(spec: &str, new: &Version) -> bool {
    let spec = spec.trim();
    if spec.is_empty() {
        return true;
    }
    if pep440::is_pre_release(&new.to_string()) && pre_named(spec).is_none() {
        return false;
    }
    spec.split(',').all(|c| clause_admits(c, new))
}

/// The pre-release the specifier set `spec` names in a clause that can admit one (any but
/// `!=`, as `packaging` reads it), in SemVer's spelling.
pub(super) fn pre_named(spec: &str) -> Option<Version> {
    spec.split(',').find_map(|c| {
        let (op, version) = split(c)?;
        names_pre(op, version)
    })
}

/// Where in `spec` the versions of the clauses that name a pre-release lie.
pub(super) fn pre_versions(spec: &str) -> Vec<Range<usize>> {
    spec.split(',')
        .filter_map(split)
        .filter(|(op, version)| names_pre(op, version).is_some())
        .filter_map(|(_, version)| within(spec, version))
        .collect()
}

/// Where the slice `part` of `whole` lies in it.
pub(super) fn within(whole: &str, part: &str) -> Option<Range<usize>> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (start + part.len() <= whole.len()).then_some(start..start + part.len())
}

/// The pre-release the clause `op version` names, when one its operator can admit.
pub(super) fn names_pre(op: &str, version: &str) -> Option<Version> {
    let version = version.strip_suffix(".*").unwrap_or(version).trim();
    // The epoch every version without one has (`0!1.0rc1` is `1.0rc1`).
    let version = version.strip_prefix("0!").unwrap_or(version);
    if op == "!=" || !pep440::is_pre_release(version) {
        return None;
    }
    Version::parse(version)
        .ok()
        .or_else(|| pep440::semver_spelling(version))
}

pub(super) fn clause_admits(clause: &str, new: &Version) -> bool {
    let Some((op, version)) = split(clause) else {
        return false;
    };
    // Compared without a local part, as a specifier without one compares (PEP 440).
    let public = Version {
        build: semver::BuildMetadata::EMPTY,
        ..new.clone()
    };
    if op == "===" {
        return pep440::spell(&public.to_string())
            .is_some_and(|s| s.eq_ignore_ascii_case(version) || version == public.to_string());
    }
    if let Some(prefix) = version.strip_suffix(".*") {
        let Some(inside) = starts_with(&public, prefix) else {
            return false;
        };
        return match op {
            "==" => inside,
            "!=" => !inside,
            _ => false,
        };
    }
    let Some(order) = compare(&public, version) else {
        return false;
    };
    match op {
        "==" => order == Ordering::Equal,
        "!=" => order != Ordering::Equal,
        "<=" => order != Ordering::Greater,
        ">=" => order != Ordering::Less,
        // `<2.0` admits no pre-release of 2.0 itself (PEP 440's exclusive bound).
        "<" => {
            let release = pep440::release_of(&public.to_string());
            order == Ordering::Less
                && (pep440::is_pre_release(version)
                    || compare(&Version::parse(&release).unwrap_or(public), version)
                        != Some(Ordering::Equal))
        }
        ">" => order == Ordering::Greater,
        // `~=1.4.2` is `>=1.4.2, ==1.4.*`; it needs two release numbers at least.
        "~=" => {
            let release = version
                .split(|c: char| !(c.is_ascii_digit() || c == '.'))
                .next();
            let parts: Vec<&str> = release
                .unwrap_or("")
                .split('.')
                .filter(|p| !p.is_empty())
                .collect();
            parts.len() >= 2
                && order != Ordering::Less
                && starts_with(&public, &parts[..parts.len() - 1].join(".")) == Some(true)
        }
        _ => false,
    }
}

/// Where `new` stands against the PEP 440 version `version`; `None` when it is not one.
fn compare(new: &Version, version: &str) -> Option<Ordering> {
    // An epoch (`1!2.0`) above 0 is above every version without one.
    let version = match version.split_once('!') {
        Some(("0", rest)) => rest,
        Some((epoch, _)) => {
            return epoch.parse::<u64>().ok().map(|_| Ordering::Less);
        }
        None => version,
    };
    let ours = pep440::key(&new.to_string())?;
    Some(ours.cmp(&pep440::key(version)?))
}

/// Whether `new`'s release numbers begin with `prefix`'s (`1.0` of `1.0.3`; a missing number
/// is 0); `None` when `prefix` is not numbers.
fn starts_with(new: &Version, prefix: &str) -> Option<bool> {
    let wanted = prefix
        .split('.')
        .map(|p| p.parse::<u64>().ok())
        .collect::<Option<Vec<u64>>>()?;
    let have = [new.major, new.minor, new.patch];
    Some(
        wanted
            .iter()
            .enumerate()
            .all(|(i, n)| have.get(i).copied().unwrap_or(0) == *n),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    #[test]
    fn pins_move_and_ranges_that_admit_stay() {
        let at = v("1.1.0");
        assert_eq!(rewrite("==1.0.0", &at), Rewrite::To("==1.1.0".into()));
        assert_eq!(rewrite("== 1.0.0", &at), Rewrite::To("== 1.1.0".into()));
        assert_eq!(rewrite("===1.0.0", &at), Rewrite::To("===1.1.0".into()));
        assert_eq!(rewrite("==1.1", &at), Rewrite::Same);
        assert_eq!(
            rewrite("==1.0.0", &v("1.1.0-rc.1")),
            Rewrite::To("==1.1.0rc1".into())
        );
        for same in [
            ">=1.0", ">=1.0,<2", "~=1.0", "==1.*", "!=1.0.0", "", "<=1.1.0", ">1.0.9",
        ] {
            assert_eq!(rewrite(same, &at), Rewrite::Same, "{same}");
        }
        for refused in [
            "<1.1",
            "~=1.0.0",
            "==1.0.*",
            "!=1.1.0",
            ">=1.0,==1.0.0",
            "1!1.0",
            "~1.0",
        ] {
            assert_eq!(rewrite(refused, &at), Rewrite::Unsupported, "{refused}");
        }
        assert!(!admits(">=1!0.5", &at));
        assert!(admits(">=0!0.5", &at));
    }

    #[test]
    fn a_pre_release_is_admitted_only_by_a_set_naming_one() {
        let rc = v("1.1.0-rc.1");
        assert!(!admits(">=1.0,<2", &rc));
        assert!(admits(">=1.0.0rc1,<2", &rc));
        assert!(admits(">=1.1.0-rc.1", &rc));
        assert!(admits("", &rc));
        // `!=` names none; `<1.1` leaves out 1.1's own pre-releases.
        assert!(!admits(">=1.0,!=1.0.5rc1", &rc));
        assert!(!admits(">=1.0.0b1,<1.1", &rc));
        assert!(admits(">=1.0.0b1,<1.1rc2", &rc));
        assert_eq!(rewrite(">=1.0,<2", &rc), Rewrite::Unsupported);
        assert_eq!(rewrite(">=1.0,<2", &v("1.1.0")), Rewrite::Same);
        let named = |s: &str| pre_named(s).map(|v| v.to_string());
        assert_eq!(named("==1.1.0rc1").as_deref(), Some("1.1.0-rc.1"));
        assert_eq!(named(">=1.0, <2.0.0b2").as_deref(), Some("2.0.0-b.2"));
        assert_eq!(named(">=1.0,!=1.1.0rc1"), None);
        assert_eq!(named(">=0!1.0rc1").as_deref(), Some("1.0.0-rc.1"));
        assert!(admits(">=0!1.0rc1", &rc));
    }

    #[test]
    fn triple_quoted_strings_are_placed_and_escaped_ones_are_not() {
        let text = "[project]\nname = \"b\"\ndependencies = [\"\"\"a==1.0.0\"\"\", '''\nb == 2.0''', \"c\\u0020==3.0\", \"d==4.0 ; x == \\\"y\\\"\"]\n";
        let got: Vec<(String, Option<String>)> = requirements(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.name, r.span.map(|s| text[s].to_owned())))
            .collect();
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(
            got,
            [
                ("a".to_owned(), some("==1.0.0")),
                ("b".to_owned(), some("== 2.0")),
                ("c".to_owned(), None),
                ("d".to_owned(), some("==4.0")),
            ]
        );
    }

    #[test]
    fn requirements_are_found_in_place_whatever_their_form() {
        let text = "[project]\nname = \"B_Pkg\"\ndependencies = [\n  \"A[cli] == 1.0.0 ; python_version >= \\\"3.9\\\"\",\n  'other (>=2)',\n  \"c @ file:///x\",\n  \"d\",\n]\n[project.optional-dependencies]\nx = [\"my.pkg~=1.0.0\"]\n[dependency-groups]\ndev = [\"a==1.0.0\", { include-group = \"x\" }]\n";
        assert_eq!(package_name(text).as_deref(), Some("b-pkg"));
        let got: Vec<(String, String, String, bool)> = requirements(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.section, r.name, text[r.span.unwrap()].to_owned(), r.dev))
            .collect();
        let want = [
            ("project.dependencies", "a", "== 1.0.0", false),
            ("project.dependencies", "other", ">=2", false),
            ("project.dependencies", "c", "", false),
            ("project.dependencies", "d", "", false),
            (
                "project.optional-dependencies.x",
                "my-pkg",
                "~=1.0.0",
                false,
            ),
            ("dependency-groups.dev", "a", "==1.0.0", true),
        ];
        let want: Vec<(String, String, String, bool)> = want
            .iter()
            .map(|(s, n, t, d)| ((*s).into(), (*n).into(), (*t).into(), *d))
            .collect();
        assert_eq!(got, want);
    }
}
