//! What `--rebuild` says of the sections it kept as the file has them (`sync::rebuild`'s
//! `kept`): which, and how to have one written from history instead: a tagged release's by
//! deleting it, an untagged one's by tagging its release first (deleting it would lose it); and
//! of the releases it gave no section, as the file accounts for them otherwise (`left_out`),
//! or as another line's the file has no section for (`apart`).

use std::io::Write;
use std::path::Path;

use crate::config::Config;
use crate::git::Repo;
use crate::history::sync::Kept;

/// What a rebuild says of `rebuilt`: the sections it kept as written, the releases it left out.
pub(super) fn said(rel: &Path, rebuilt: &crate::history::sync::Rebuilt) -> Vec<String> {
    let left = rebuilt.left_out.as_ref().map(|l| left_out(rel, l));
    let apart = apart(rel, &rebuilt.unreached);
    kept(rel, &rebuilt.kept)
        .into_iter()
        .chain(left)
        .chain(apart)
        .collect()
}

/// What a rebuild that created the file says: that, then what it said of the releases
/// (`said`: those HEAD does not reach, the only ones a file not there yet leaves out).
pub(super) fn created(rel: &Path, said: &[String]) -> Vec<String> {
    let made = format!(
        "created {} from history: its releases and Unreleased",
        rel.display()
    );
    std::iter::once(made).chain(said.iter().cloned()).collect()
}

/// How many release tags are named before "and N more".
const NAMED: usize = 3;

/// One line naming the release tags HEAD does not reach that the rebuild gave no section
/// (`tags`, newest first), and why; `None` when there are none.
fn apart(rel: &Path, tags: &[String]) -> Option<String> {
    let (count, shown) = (tags.len(), tags.len().min(NAMED));
    let named = match (tags, count - shown) {
        ([], _) => return None,
        ([one], _) => one.clone(),
        (_, 0) => format!("{} and {}", tags[..count - 1].join(", "), tags[count - 1]),
        (_, more) => format!("{} and {more} more", tags[..shown].join(", ")),
    };
    let count = match count {
        1 => "1 release tag".to_owned(),
        n => format!("{n} release tags"),
    };
    Some(format!(
        "left out {named} ({count} HEAD does not reach): another line's releases, which {} has no section for (a rebuild writes one only where the file has it)",
        rel.display()
    ))
}

/// Says [`unborn`]'s line to `err` when `rebuild` (a rebuild, not for JSON) and there is one.
pub(super) fn say_unborn(repo: &Repo, config: &Config, rebuild: bool, err: &mut dyn Write) {
    if let Some(why) = rebuild.then(|| unborn(repo, config)).flatten() {
        let _ = writeln!(err, "relhook: {why}");
    }
}

/// Why a rebuild on a branch with no commit yet (`git checkout --orphan`) wrote only the
/// template while release tags exist: they are on history HEAD does not have (QA306: it said
/// nothing, and the releases seemed lost). `None` when HEAD has a commit, or no tag is a
/// release's.
pub(super) fn unborn(repo: &Repo, config: &Config) -> Option<String> {
    if repo.head().is_some() {
        return None;
    }
    let prefix = &config.version.tag_prefix;
    let mut tags: Vec<(semver::Version, String)> = (repo.tags_under(prefix).into_iter())
        .filter_map(|(name, _)| {
            let version = semver::Version::parse(name.strip_prefix(prefix.as_str())?).ok()?;
            Some((version, name))
        })
        .collect();
    tags.sort_by(|a, b| b.0.cmp_precedence(&a.0));
    let names: Vec<String> = tags.into_iter().map(|(_, name)| name).collect();
    let (named, are) = match names.as_slice() {
        [] => return None,
        [one] => (format!("release tag {one}"), "is"),
        [first, second] => (format!("release tags {first} and {second}"), "are"),
        [first, second, third] if names.len() <= NAMED => {
            (format!("release tags {first}, {second} and {third}"), "are")
        }
        more => (
            format!(
                "release tags {} and {} more",
                more[..NAMED].join(", "),
                more.len() - NAMED
            ),
            "are",
        ),
    };
    Some(format!(
        "HEAD has no commit yet, so nothing was rebuilt from history: {named} {are} on commits this branch does not have; commit on it first, or rebuild on a branch that reaches them"
    ))
}

/// One line naming the releases `left` out and why.
fn left_out(rel: &Path, left: &crate::history::sync::LeftOut) -> String {
    let (them, named) = match left.versions.as_slice() {
        [one] => ("it", one.clone()),
        [first, second] => ("them", format!("{first} and {second}")),
        [first, second, more @ ..] => {
            ("them", format!("{first}, {second} and {} more", more.len()))
        }
        [] => ("them", String::new()),
    };
    format!(
        "left out {named}: {} accounts for {them} without a section of their own ({})",
        rel.display(),
        left.why
    )
}

/// One line naming the release sections `kept` (versions as headed, file order) of `rel`;
/// `None` when the rebuild kept none.
fn kept(rel: &Path, kept: &[Kept]) -> Option<String> {
    let (first, rest) = kept.split_first()?;
    let (first, rest) = (&first.version, rest);
    let named = match rest {
        [] => format!("the section of {first}"),
        [second] => format!("the sections of {first} and {}", second.version),
        [second, more @ ..] => format!(
            "the sections of {first}, {} and {} more",
            second.version,
            more.len()
        ),
    };
    // One section is "it", and deleting it is deleting that one.
    let (them, their) = match rest {
        [] => ("it", "its"),
        _ => ("them", "their"),
    };
    // Only a section history has the release of is written again once deleted.
    let released: Vec<&str> = (kept.iter())
        .filter(|k| k.released)
        .map(|k| k.version.as_str())
        .collect();
    let delete = match (released.as_slice(), rest.is_empty()) {
        ([], _) => None,
        (_, true) => Some("delete it".to_owned()),
        (all, false) if all.len() == kept.len() => Some("delete a release's section".to_owned()),
        ([one], false) => Some(format!("delete the section of {one}")),
        (_, false) => Some("delete the section of a release tagged here".to_owned()),
    };
    let way = delete
        .map(|d| format!(" ({d} to have --rebuild write it from its tag)"))
        .unwrap_or_default();
    Some(format!(
        "kept {named} as {} has {them}: history does not give {their} lines{way}",
        rel.display()
    ))
}

/// One line for each kept section no tag names (`## [0.2.0]` written by hand, its tag not
/// made yet): history gives it nothing, so deleting it would lose it. The one awaiting its
/// tag above the last release gets the commands that tag it and rebuild again (`rerun`),
/// undoing this rebuild first when it `wrote` the file (a hand tag needs a clean tree);
/// any other is tagged or has its heading deleted.
pub(super) fn untagged(
    repo: &Repo,
    config: &Config,
    kept: &[Kept],
    wrote: bool,
    force: bool,
) -> Vec<String> {
    if kept.is_empty() {
        return Vec::new();
    }
    // The same rebuild again, once the kept section's release is tagged.
    let package = (config.package.as_ref())
        .map(|p| format!(" --package {}", crate::shellword::quote(&p.name)));
    let force = if force { " --force" } else { "" };
    let rerun = format!(
        "relhook changelog --rebuild{}{force}",
        package.unwrap_or_default()
    );
    let prefix = &config.version.tag_prefix;
    let rel = &config.changelog.path;
    let awaiting = repo.head().and_then(|head| {
        let log = crate::history::sync::changelog_at(repo, head, rel)?;
        let last = repo
            .latest_release_tag(head, prefix)
            .and_then(|(name, _)| crate::git::release_version(name.get(prefix.len()..)?));
        crate::history::sync::untagged_section(repo, config, &log, head, last.as_ref())
    });
    let untagged = (kept.iter().filter(|k| !k.released))
        .filter_map(|k| Some((k, crate::history::changelog::release_version(&k.version)?)))
        .filter(|(_, v)| repo.release_tag_of(prefix, v).is_none());
    untagged
        .map(|(k, v)| {
            let tag = format!("{prefix}{v}");
            match &awaiting {
                Some((version, commit)) if *version == v => {
                    let restore = match wrote {
                        true => format!(
                            "git checkout -- {} && ",
                            crate::shellword::quote(&format!(":/{}", rel.display()))
                        ),
                        false => String::new(),
                    };
                    format!(
                        "{} has no tag {tag} yet, so history gives its section nothing (its commits stay out of Unreleased, as the section's): to release it as {} has it, tag the commit that wrote it, then rebuild: `{restore}git tag -a {} {} -m {} && {rerun}`",
                        k.version,
                        rel.display(),
                        crate::shellword::quote(&tag),
                        crate::git::short_id(*commit),
                        crate::shellword::quote(&format!("release {v}")),
                    )
                }
                _ => format!(
                    "no tag {tag} names {}, so history gives its section nothing: if it was released, tag its release commit and run --rebuild again; if it never was, delete its heading",
                    k.version
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(n: &[(&str, bool)]) -> Vec<Kept> {
        (n.iter())
            .map(|(s, released)| Kept {
                version: s.to_string(),
                released: *released,
            })
            .collect()
    }

    #[test]
    fn names_the_first_two() {
        let rel = Path::new("CHANGELOG.md");
        assert_eq!(kept(rel, &[]), None);
        assert_eq!(
            kept(rel, &v(&[("1.0.0", true)])).unwrap(),
            "kept the section of 1.0.0 as CHANGELOG.md has it: history does not give its lines (delete it to have --rebuild write it from its tag)"
        );
        assert!(
            kept(
                rel,
                &v(&[("2.0.0", true), ("1.0.0", true), ("0.1.0", true)])
            )
            .unwrap()
            .starts_with("kept the sections of 2.0.0, 1.0.0 and 1 more as")
        );
    }

    #[test]
    fn sends_to_delete_only_a_tagged_release_s_section() {
        let rel = Path::new("CHANGELOG.md");
        assert_eq!(
            kept(rel, &v(&[("0.2.0", false)])).unwrap(),
            "kept the section of 0.2.0 as CHANGELOG.md has it: history does not give its lines"
        );
        assert!(
            kept(rel, &v(&[("0.2.0", false), ("0.1.0", true)]))
                .unwrap()
                .ends_with("their lines (delete the section of 0.1.0 to have --rebuild write it from its tag)")
        );
    }
}
