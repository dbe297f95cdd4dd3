//! A Poetry project's requirements (`[tool.poetry.dependencies]`, its groups'
//! `[tool.poetry.group.<g>.dependencies]` and the old `[tool.poetry.dev-dependencies]`, a
//! group's for development only): each a constraint string, alone or as the `version` of a
//! table (or of each table of a list, one per Python or platform). Poetry's constraints are
//! not PEP 440's: a bare `1.2.3` is that version exactly, `^1.2` is `>=1.2,<2.0`, `~1.2` is
//! `>=1.2,<1.3`, `*` is any, `||` joins alternatives and a comma or a space joins clauses.
//! A release of the dependency moves an exact pin (`1.0.0`, `==1.0.0`) and a caret or tilde
//! it leaves behind (`^1.0` → `^2.0`, precision kept); any other constraint is kept when it
//! admits the new version and is for a hand to edit when it does not. A table's
//! `allow-prereleases` (or the older `allows-prereleases`) admits any pre-release the
//! constraint spans when true, and none, pinned or not, when false.

use std::cmp::Ordering;

use semver::Version;

use super::deps::{Requirement, Rewrite};
use super::{pep440, py_deps};

/// The dependency tables of a Poetry project: (label, development only, table).
fn tables(root: &toml_edit::Item) -> Vec<(String, bool, &dyn toml_edit::TableLike)> {
    let Some(poetry) = root.get("tool").and_then(|t| t.get("poetry")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, dev) in [("dependencies", false), ("dev-dependencies", true)] {
        if let Some(t) = poetry.get(key).and_then(|t| t.as_table_like()) {
            out.push((format!("tool.poetry.{key}"), dev, t));
        }
    }
    let groups = poetry.get("group").and_then(|g| g.as_table_like());
    for (group, item) in groups.into_iter().flat_map(|g| g.iter()) {
        if let Some(t) = item.get("dependencies").and_then(|t| t.as_table_like()) {
            out.push((format!("tool.poetry.group.{group}.dependencies"), true, t));
        }
    }
    out
}

/// Every constraint of the project's Poetry tables on a package by version (a `git`, `url` or
/// `path` one names none), with where it lies in the file. `None`: the file does not parse.
pub(super) fn requirements(text: &str) -> Option<Vec<Requirement>> {
    let doc = super::parsed_toml(text)?;
    let mut out = Vec::new();
    for (section, dev, table) in tables(doc.as_item()) {
        for (key, item) in table.iter() {
            if key == "python" {
                continue;
            }
            let values: Vec<Option<(&toml_edit::Value, Option<bool>)>> = match item {
                toml_edit::Item::Value(v @ toml_edit::Value::String(_)) => vec![Some((v, None))],
                toml_edit::Item::Value(toml_edit::Value::Array(list)) => list
                    .iter()
                    .map(|v| v.as_inline_table().and_then(|t| version_of(t)))
                    .collect(),
                toml_edit::Item::ArrayOfTables(list) => {
                    list.iter().map(|t| version_of(t)).collect()
                }
                other => vec![other.as_table_like().and_then(version_of)],
            };
            for (v, prereleases) in values.into_iter().flatten() {
                let toml_edit::Value::String(s) = v else {
                    continue;
                };
                let value = s.value();
                let lead = value.len() - value.trim_start().len();
                let spec = lead..value.trim_end().len().max(lead);
                let span = s
                    .span()
                    .and_then(|at| py_deps::in_file(text, at, value, &spec));
                out.push(Requirement {
                    section: section.clone(),
                    name: py_deps::normalized(key),
                    key: key.to_owned(),
                    text: value[spec].to_owned(),
                    span,
                    dev,
                    path: None,
                    prereleases,
                });
            }
        }
    }
    Some(out)
}

/// The `version` of a dependency's table, with its `allow-prereleases` (else the older
/// `allows-prereleases`, which Poetry still reads); `None` for one taken from elsewhere
/// (`git`, `url`, `path`: the version is the source's).
fn version_of(t: &dyn toml_edit::TableLike) -> Option<(&toml_edit::Value, Option<bool>)> {
    if ["git", "url", "path"].iter().any(|k| t.contains_key(k)) {
        return None;
    }
    let flag = |k: &str| t.get(k).and_then(|v| v.as_bool());
    let prereleases = flag("allow-prereleases").or_else(|| flag("allows-prereleases"));
    Some((t.get("version")?.as_value()?, prereleases))
}

/// The clauses of one alternative of a constraint: each operator (`""` for a bare version)
/// and version. A comma or a space joins clauses; an operator may stand apart (`>= 1.0`).
fn clauses(alternative: &str) -> Vec<(&str, &str)> {
    let is_op = |t: &str| t.chars().all(|c| "<>=!~^".contains(c));
    let mut out = Vec::new();
    let mut pending: Option<&str> = None;
    for t in alternative
        .split([',', ' ', '\t'])
        .filter(|t| !t.is_empty())
    {
        if let Some(op) = pending.take() {
            out.push((op, t));
        } else if is_op(t) {
            pending = Some(t);
        } else {
            let op_len = t.len() - t.trim_start_matches(|c| "<>=!~^".contains(c)).len();
            out.push((&t[..op_len], &t[op_len..]));
        }
    }
    out.extend(pending.map(|op| (op, "")));
    out
}

/// Whether the constraint `spec` admits `new` as Poetry reads it (a pre-release only when a
/// clause names one, as PEP 440 has it, or the dependency's `allow-prereleases` is true;
/// never when it is false); one relhook cannot read admits nothing.
pub(super) fn admits(spec: &str, new: &Version, prereleases: Option<bool>) -> bool {
    let spec = spec.trim();
    let any = spec.is_empty() || spec == "*";
    if pep440::is_pre_release(&new.to_string()) {
        match prereleases {
            Some(false) => return false,
            // Nothing to name one in: kept as it is, as before.
            None if !any && pre_named(spec).is_none() => return false,
            Some(true) | None => {}
        }
    }
    if any {
        return true;
    }
    spec.split("||").any(|alternative| {
        let all = clauses(alternative);
        !all.is_empty()
            && all
                .iter()
                .all(|(op, version)| clause_admits(op, version, new))
    })
}

fn clause_admits(op: &str, version: &str, new: &Version) -> bool {
    match op {
        "" if version == "*" => true,
        "" => py_deps::clause_admits(&format!("=={version}"), new),
        "^" | "~" => {
            let Some((low, high)) = bounds(op, version) else {
                return false;
            };
            let new = new.to_string();
            let (Some(at), Some(low), Some(high)) =
                (pep440::key(&new), pep440::key(low), pep440::key(&high))
            else {
                return false;
            };
            // `<2.0` admits no pre-release of 2.0 (PEP 440's exclusive bound).
            let of_high = pep440::key(&pep440::release_of(&new)) == Some(high.clone());
            at >= low && at.cmp(&high) == Ordering::Less && !of_high
        }
        _ => py_deps::clause_admits(&format!("{op}{version}"), new),
    }
}

/// A caret's or tilde's lower bound (its version) and exclusive upper bound: `^1.2.3` is
/// `<2.0.0`, `^0.2.3` `<0.3.0`, `^0.0.3` `<0.0.4`, `^0` `<1`; `~1.2.3` and `~1.2` are
/// `<1.3`, `~1` is `<2` (Poetry's `next_breaking` and tilde).
fn bounds<'v>(op: &str, version: &'v str) -> Option<(&'v str, String)> {
    let release: Vec<u64> = version
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()?
        .split('.')
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let n = |i: usize| release.get(i).copied();
    let (major, minor, patch) = (n(0)?, n(1), n(2));
    let high = match (op, minor, patch) {
        ("~", None, _) => format!("{}", major + 1),
        ("~", Some(minor), _) => format!("{major}.{}", minor + 1),
        (_, None, _) => format!("{}", major + 1),
        (_, Some(_), _) if major > 0 => format!("{}", major + 1),
        (_, Some(minor), None) | (_, Some(minor @ 1..), Some(_)) => {
            format!("0.{}", minor + 1)
        }
        (_, Some(_), Some(patch)) => format!("0.0.{}", patch + 1),
    };
    Some((version, high))
}

/// What a release of `new` does to the constraint `spec`: one that admits it is kept; an exact
/// pin (`1.0.0`, `==1.0.0`, `=== 1.0.0`) names the new version instead, and a caret or tilde
/// moves with its precision (`^1.0` → `^2.0`; a pre-release written whole); any other is for a
/// hand to edit.
pub(super) fn rewrite(spec: &str, new: &Version, prereleases: Option<bool>) -> Rewrite {
    let spec = spec.trim();
    if admits(spec, new, prereleases) {
        return Rewrite::Same;
    }
    // `allow-prereleases = false`: Poetry takes no pre-release, even one pinned.
    if prereleases == Some(false) && pep440::is_pre_release(&new.to_string()) {
        return Rewrite::Unsupported;
    }
    let Some(spelled) = pep440::spell(&new.to_string()) else {
        return Rewrite::Unsupported;
    };
    if spec.contains([',', '|']) || clauses(spec).len() != 1 {
        return Rewrite::Unsupported;
    }
    let (op, version) = clauses(spec)[0];
    let head = &spec[..spec.len() - version.len()];
    let numbers = version
        .split('.')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let written = match op {
        "" | "==" | "===" if !version.ends_with('*') => spelled,
        // The precision kept: `^1.0` for 2.0.0 is `^2.0`.
        "^" | "~" if new.pre.is_empty() && new.build.is_empty() && numbers => {
            let parts = [new.major, new.minor, new.patch];
            let count = version.split('.').count().min(3);
            parts[..count]
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(".")
        }
        "^" | "~" if bounds(op, version).is_some() => spelled,
        _ => return Rewrite::Unsupported,
    };
    Rewrite::To(format!("{head}{written}"))
}

/// The pre-release a constraint names in a clause that can admit one, in SemVer's spelling.
pub(super) fn pre_named(spec: &str) -> Option<Version> {
    spec.split("||")
        .flat_map(clauses)
        .find_map(|(op, version)| py_deps::names_pre(op, version))
}

/// Where in `spec` the versions of the clauses that name a pre-release lie.
pub(super) fn pre_versions(spec: &str) -> Vec<std::ops::Range<usize>> {
    spec.split("||")
        .flat_map(clauses)
        .filter(|(op, version)| py_deps::names_pre(op, version).is_some())
        .filter_map(|(_, version)| py_deps::within(spec, version))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    #[test]
    fn constraints_are_read_as_poetry_reads_them() {
        let at = v("1.1.0");
        for yes in [
            "*",
            "^1.0",
            "^1",
            "~1.1",
            "~1",
            ">=1.0,<2",
            ">= 1.0, < 2",
            ">=1.0 <2",
            "1.1.0",
            "==1.1",
            "1.*",
            "^0.9 || ^1.1",
            "!=1.0.0",
        ] {
            assert!(admits(yes, &at, None), "{yes}");
        }
        for no in [
            "1.0.0",
            "~1.0",
            "~1.0.5",
            "^0.9",
            "<1.1",
            "^2.0",
            "==1.0.*",
            "^1.0 ^2.0",
            "=1.1.0",
        ] {
            assert!(!admits(no, &at, None), "{no}");
        }
        let admits = |spec: &str, new: &Version| admits(spec, new, None);
        assert!(admits("^0.2.3", &v("0.2.9")) && !admits("^0.2.3", &v("0.3.0")));
        assert!(admits("^0.0.3", &v("0.0.3")) && !admits("^0.0.3", &v("0.0.4")));
        assert!(admits("^0.0", &v("0.0.9")) && !admits("^0.0", &v("0.1.0")));
        // A pre-release only to a constraint that names one; not below a bound's release.
        let rc = v("1.1.0-rc.1");
        assert!(!admits("^1.0", &rc));
        assert!(admits("^1.1.0rc1", &rc));
        assert!(admits(">=1.0.0b1,<2", &rc));
        assert!(!admits("^1.0.0b1", &v("2.0.0-rc.1")));
    }

    #[test]
    fn allow_prereleases_admits_a_pre_release_its_range_spans_or_none() {
        let rc = v("1.1.0-rc.1");
        assert!(super::admits("^1.0", &rc, Some(true)));
        assert!(super::admits("*", &rc, Some(true)));
        // `<2.0` still leaves out 2.0's own pre-releases.
        assert!(!super::admits("^1.0", &v("2.0.0-rc.1"), Some(true)));
        assert!(!super::admits("^1.1.0rc1", &rc, Some(false)));
        assert!(!super::admits("*", &rc, Some(false)));
        assert!(super::admits("^1.0", &v("1.1.0"), Some(false)));
        assert_eq!(rewrite("^1.0", &rc, Some(true)), Rewrite::Same);
        assert_eq!(
            rewrite("1.1.0rc1", &v("1.1.0-rc.2"), Some(false)),
            Rewrite::Unsupported
        );
        let text = "[tool.poetry.dependencies]\na = { version = \"^1.0\", allow-prereleases = true }\nb = { version = \"^1.0\", allows-prereleases = true }\nc = { version = \"^1.0\", allow-prereleases = false, allows-prereleases = true }\nd = \"^1.0\"\n";
        let got: Vec<Option<bool>> = requirements(text)
            .unwrap()
            .into_iter()
            .map(|r| r.prereleases)
            .collect();
        assert_eq!(got, [Some(true), Some(true), Some(false), None]);
    }

    #[test]
    fn pins_and_carets_move_and_other_ranges_are_refused() {
        let to = |spec: &str, new: &str| rewrite(spec, &v(new), None);
        assert_eq!(to("1.0.0", "1.1.0"), Rewrite::To("1.1.0".into()));
        assert_eq!(to("== 1.0.0", "1.1.0"), Rewrite::To("== 1.1.0".into()));
        assert_eq!(to("1.0.0", "1.1.0-rc.1"), Rewrite::To("1.1.0rc1".into()));
        assert_eq!(to("^1.0", "2.0.0"), Rewrite::To("^2.0".into()));
        assert_eq!(to("~1.0.0", "1.1.0"), Rewrite::To("~1.1.0".into()));
        assert_eq!(to("^1.0", "1.1.0-rc.1"), Rewrite::To("^1.1.0rc1".into()));
        assert_eq!(to("^1.0", "1.1.0"), Rewrite::Same);
        assert_eq!(to("*", "9.0.0"), Rewrite::Same);
        for refused in [">=1.0,<1.1", "<1.1", "^0.9 || ^0.10", "1.0.*"] {
            assert_eq!(to(refused, "1.1.0"), Rewrite::Unsupported, "{refused}");
        }
    }

    #[test]
    fn poetry_tables_are_found_in_place() {
        let text = "[tool.poetry]\nname = \"B\"\n[tool.poetry.dependencies]\npython = \"^3.9\"\nMy_A = \"1.0.0\"\nc = { version = \" ^1.0 \", optional = true }\nd = { path = \"../d\", develop = true }\ne = [{ version = \"1.0\", python = \"<3.10\" }, { version = \"2.0\", python = \">=3.10\" }]\n[tool.poetry.group.dev.dependencies]\nf = \"\"\"\n==1.0.0\"\"\"\n[tool.poetry.group.dev.dependencies.g]\nversion = '~1.2'\n";
        let got: Vec<(String, String, String, bool)> = requirements(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.section, r.name, text[r.span.unwrap()].to_owned(), r.dev))
            .collect();
        let main = "tool.poetry.dependencies";
        let dev = "tool.poetry.group.dev.dependencies";
        let want = [
            (main, "my-a", "1.0.0", false),
            (main, "c", "^1.0", false),
            (main, "e", "1.0", false),
            (main, "e", "2.0", false),
            (dev, "f", "==1.0.0", true),
            (dev, "g", "~1.2", true),
        ];
        let want: Vec<(String, String, String, bool)> = want
            .iter()
            .map(|(s, n, t, d)| ((*s).into(), (*n).into(), (*t).into(), *d))
            .collect();
        assert_eq!(got, want);
        assert_eq!(py_deps::package_name(text).as_deref(), Some("b"));
    }
}
