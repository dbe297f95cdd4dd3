//! Versions only go up, over what was released anywhere: a release (or a hand tag) whose
//! version is not above the greatest release section of the changelog is refused, naming
//! that section and its tag when the tag's commit left this history (a release commit amended
//! or rebased after tagging): otherwise the reachable tags alone would let a lower version
//! follow a higher one.

use std::path::Path;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::changelog::{Changelog, release_version};

/// The greatest release section of changelog `log` (its version), if any.
pub fn greatest_of(log: &Changelog) -> Option<Version> {
    log.versions()
        .iter()
        .filter_map(|v| release_version(v))
        .max_by(|a, b| a.cmp_precedence(b))
}

/// The newest release section written by hand (`## [2.0.0]` committed before `git tag`) that
/// no tag names, above the last release tag: its version, how to release it as it is written,
/// and where it came from (`written by hand in 1a2b3c4d5`). A hand tag does: it checks the
/// tag, and makes no release commit for a section that is there. A section a remote's branch
/// has (another clone's release, merged in by a pull that fetched no tag) is released there:
/// its tag is fetched, never made again here.
pub fn written_by_hand(
    repo: &Repo,
    config: &Config,
    head: Oid,
) -> Option<(Version, String, String)> {
    let prefix = &config.version.tag_prefix;
    let log = crate::history::sync::changelog_at(repo, head, &config.changelog.path)?;
    let last = repo
        .latest_release_tag(head, prefix)
        .and_then(|(name, _)| crate::git::release_version(name.get(prefix.len()..)?));
    let (version, wrote) =
        crate::history::sync::untagged_section(repo, config, &log, head, last.as_ref())?;
    let at = if wrote == head {
        String::new()
    } else {
        format!(" {}", crate::git::short_id(wrote))
    };
    let tag_it = format!("`git tag -a {prefix}{version}{at} -m \"release {version}\"`");
    let wrote_id = crate::git::short_id(wrote);
    if let Some(remote) = crate::history::sync::released_on(repo, config, wrote, &version) {
        let (name, quoted) = (
            crate::shellword::quote(&format!("{prefix}{version}")),
            crate::shellword::quote(&remote),
        );
        let how = format!(
            "it is {remote}'s release, whose tag this clone has not fetched (a pull of a branch fetches none): `git fetch {quoted} tag {name}`, then `{}`; if {remote} has no such tag, tag that commit: {tag_it}",
            config.release_command()
        );
        return Some((
            version,
            how,
            format!("released on {remote} (merged in {wrote_id})"),
        ));
    }
    // Its own commit left a change it holds under Unreleased: the hand tag is refused there.
    let name = format!("{prefix}{version}");
    // A conflict or nothing in it: the hand tag is refused until the section is fixed.
    if let Some(fault) = super::notes::fault_at(repo, config, &version, head) {
        let how = fault.unreleasable(config, &name, &version);
        return Some((version, how, format!("written by hand in {wrote_id}")));
    }
    if let Some((_, fix)) = super::shipped_unlisted(repo, config, (&name, &version), wrote, false) {
        let how = format!("to release it, {fix}");
        return Some((version, how, format!("written by hand in {wrote_id}")));
    }
    // No release commit sets the version files, so the tag is refused until a commit does: the
    // way pre-push and doctor give for a tag made past the hook above it, too.
    let files = super::unset::files_not_at(repo, config, &version, wrote);
    use super::unset_way::Way;
    let way = (!files.is_empty()).then(|| {
        super::unset_way::way(
            repo,
            config,
            (&name, &version),
            &files,
            (wrote, head),
            false,
        )
    });
    let (said, named) = (super::unset::they_say(&files), super::unset::named(&files));
    let set = format!(
        "set {named} to {version} ({said}; no release commit sets the version, the section being there){}",
        super::unset::lock_step(repo, &files, wrote)
    );
    let how = match way {
        None => format!(
            "to release it as it is written, tag that commit: {tag_it} (relhook checks the tag, and makes no release commit: the section is there)"
        ),
        // Set since by commits that left Unreleased empty: tagged there, the hand tag releases
        // nothing the section leaves out, and the files say the version.
        Some(Way::TagAt(set)) => {
            let (whose, at) = match set == head {
                true => ("HEAD".to_owned(), String::new()),
                false => {
                    let id = crate::git::short_id(set);
                    (id.clone(), format!(" {id}"))
                }
            };
            format!(
                "to release it as it is written, tag {whose}, whose version files say {version}: `git tag -a {prefix}{version}{at} -m \"release {version}\"` (relhook checks the tag, and makes no release commit: the section is there)"
            )
        }
        // A rebase would rewrite work of its own, or published history: a commit on top.
        Some(Way::OnTop { why, steps }) => format!("{why}; to release it, {steps}"),
        Some(Way::Here) => format!(
            "to release it as it is written, {set}, commit, then tag the new commit: `git tag -a {prefix}{version} -m \"release {version}\"`"
        ),
        // Set on top by a commit of the version alone: dropped, or the rebase stops on it (its
        // change then made already).
        Some(Way::Rebase {
            drop: Some(only),
            tag,
        }) => format!(
            "to release it as it is written, {set}, in {wrote_id} itself (`git rebase -i {wrote_id}~1`, mark it `edit` and {} `drop`: that commit only sets them), then tag it once the rebase is done: `{tag}`",
            crate::git::short_id(only)
        ),
        // Set on top, the tag would release the commits after the section as well.
        Some(Way::Rebase { drop: None, tag }) => format!(
            "to release it as it is written, {set}, in {wrote_id} itself (`git rebase -i {wrote_id}~1`, mark it `edit`), then tag it once the rebase is done: `{tag}`"
        ),
    };
    Some((version, how, format!("written by hand in {wrote_id}")))
}

/// A tag reachable from `head` that names `version` under another prefix than the project's
/// (`a-v1.0.0` where tags are now `alpha-v…`), with that prefix.
pub fn released_as(
    repo: &Repo,
    config: &Config,
    head: Oid,
    version: &Version,
) -> Option<(String, String)> {
    let own = format!("{}{version}", config.version.tag_prefix);
    let ending = version.to_string();
    // In a package's view a sibling's tags (`ui-v1.0.0` beside a renamed `core`) are that
    // sibling's releases, never this package's under another name.
    let sibling = |prefix: &str| {
        (config.package.as_ref()).is_some_and(|own| {
            (config.packages.iter()).any(|p| p.name != own.name && p.tag.prefix() == prefix)
        })
    };
    repo.branches_at("tags/*")
        .into_iter()
        .find_map(|(name, target)| {
            let name = name.strip_prefix("tags/")?.to_owned();
            let prefix = name.strip_suffix(&ending)?.to_owned();
            // `1.0.0` is not the end of `11.0.0`.
            let whole =
                prefix.is_empty() || !prefix.ends_with(|c: char| c.is_ascii_digit() || c == '.');
            let c = repo.peel_to_commit(target)?;
            let theirs = whole && !sibling(&prefix);
            (name != own && theirs && (c == head || repo.reaches(head, c)))
                .then_some((name, prefix))
        })
}

/// The greatest release section of the work tree's changelog.
pub(super) fn greatest_in_work_tree(repo: &Repo, config: &Config, root: &Path) -> Option<Version> {
    let path = crate::fsx::confine(root, &config.changelog.path).ok()?;
    let bytes = crate::fsx::read_regular_optional(&path).ok()??;
    let log = crate::history::sync::parsed(repo, &String::from_utf8(bytes).ok()?)?;
    greatest_of(&log)
}

/// Refuses `relhook release` (and `version --next`) of `version` when the changelog has a
/// release section at or above it.
pub fn check_above_released(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &Version,
) -> crate::Result<()> {
    let command = config.release_command();
    match not_above_released(repo, config, root, version, true, &command) {
        Some(r) => Err(crate::Error::Refused(r)),
        None => Ok(()),
    }
}

/// The refusal of releasing `version` from `head` when the changelog already has a release
/// section at or above it (`equal_too`: the same version counts), with the tag of that
/// section when it exists on a commit `head` does not hold. `command` releases (`relhook
/// release`, or with `--package`).
pub fn not_above_released(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &Version,
    equal_too: bool,
    command: &str,
) -> Option<Refusal> {
    let greatest = greatest_in_work_tree(repo, config, root)?;
    refusal(
        repo,
        config,
        repo.head()?,
        &greatest,
        version,
        equal_too,
        command,
    )
}

/// [`not_above_released`] for a release at `head` (a tagged commit), with the greatest section
/// of its changelog already read (`greatest`).
pub fn refusal(
    repo: &Repo,
    config: &Config,
    head: Oid,
    greatest: &Version,
    version: &Version,
    equal_too: bool,
    command: &str,
) -> Option<Refusal> {
    let order = version.cmp_precedence(greatest);
    if order.is_gt() || (order.is_eq() && !equal_too) {
        return None;
    }
    let path = config.changelog.path.display();
    // Quoted as the file writes it (`## 1.0.0`), not in relhook's own form.
    let log = crate::history::sync::changelog_at(repo, head, &config.changelog.path);
    let heading = crate::history::changelog::quoted_heading(log.as_deref(), &greatest.to_string());
    let prefix = &config.version.tag_prefix;
    let tag = format!("{prefix}{greatest}");
    // As doctor names it: after a pre-release (a beta tagged `v1.0.0b1`), its next
    // pre-release or the final release, never the next patch, which would skip the final.
    let above = crate::history::version::above::advice(command, greatest, true);
    let relation = if order.is_eq() { "is" } else { "is below" };
    let left = repo
        .tag_target(&tag)
        .and_then(|t| repo.peel_to_commit(t))
        .filter(|c| !(head == *c || repo.reaches(head, *c)));
    // Brought by the merge in progress at HEAD (committing it holds it) or a staged squash.
    if let Some(r) = left
        .filter(|_| repo.head() == Some(head))
        .and_then(|t| super::merging::refusal(repo, &tag, t, "run it again"))
    {
        return Some(r);
    }
    let Some(tagged) = left else {
        // Its release commit here without its tag (an interrupted release, a deleted tag):
        // finishing it is the way on, not a version above it.
        let half = super::half_made(repo, config).filter(|h| h.version == *greatest);
        let by_hand = half
            .is_none()
            .then(|| written_by_hand(repo, config, head))
            .flatten()
            .filter(|(v, _, _)| v == greatest)
            .map(|(_, how, wrote)| (how, wrote));
        // Released under another tag name (a `[packages.x]` table renamed, a new prefix): the
        // way on is naming the tags as they are, never a second tag on that release.
        if by_hand.is_some()
            && let Some((other, other_prefix)) = released_as(repo, config, head, greatest)
        {
            // The root's release of a changelog moved into the package since (QA292).
            if let Some((what, fix)) = super::packages::moved_from_root(
                repo,
                config,
                (&heading, greatest),
                (&other, &other_prefix),
            ) {
                return Some(Refusal::new(Reason::NotGreater, what, fix));
            }
            let key = match &config.package {
                Some(p) => format!(
                    "`tag = {}` in {}",
                    crate::config::toml_text::string(&format!("{other_prefix}{{version}}")),
                    crate::config::toml_text::package_table(&p.name)
                ),
                None => format!(
                    "`tag_prefix = {}` under [version]",
                    crate::config::toml_text::string(&other_prefix)
                ),
            };
            return Some(Refusal::new(
                Reason::NotGreater,
                format!(
                    "`{heading}` in {path} was released as tag {other}, which is not named as this project's tags are (`{tag}`)"
                ),
                format!(
                    "if its tags were renamed since, name them as before in .relconfig.toml: {key}; tagging that release again would make it two releases"
                ),
            ));
        }
        let what = match (&by_hand, order.is_eq()) {
            (Some((_, wrote)), true) => {
                format!("`{heading}` is in {path} already, {wrote}, and no tag names it yet")
            }
            (Some((_, wrote)), false) => format!(
                "{version} is below {greatest}, whose section (`{heading}` in {path}) was {wrote}; versions only go up"
            ),
            (None, true) => format!(
                "{version} is already released (`{heading}` in {path}); versions only go up"
            ),
            (None, false) => format!(
                "{version} {relation} {greatest}, already released (`{heading}` in {path}); versions only go up"
            ),
        };
        let fix = match (half, by_hand) {
            (Some(h), _) => format!(
                "{} is the release commit of {greatest} and tag {} is missing: `{}` tags it{}",
                crate::git::short_id(h.commit),
                h.tag,
                crate::resume_advice::command(),
                // With no remote there is nothing to fetch it from.
                h.fetch_from
                    .as_ref()
                    .map_or(String::new(), |remote| format!(
                        " (if a remote has the tag, fetch it instead: `git fetch {} tag {}`)",
                        crate::shellword::quote(remote),
                        crate::shellword::quote(&h.tag)
                    ))
            ),
            // Not "a version above it": that would leave the written release untagged.
            (None, Some((how, _))) => how,
            (None, None) => format!("release a version above it: {above}"),
        };
        return Some(Refusal::new(Reason::NotGreater, what, fix));
    };
    let retag = super::retags_needed_from(repo, config, head)
        .into_iter()
        .find(|r| r.tag == tag);
    let move_it = match super::rewritten_tag::rewritten_at(repo, config, head, greatest) {
        // The rewritten release commit, rebased over changes a release made now would tell:
        // made again, never tagged.
        Some(c) => match retag.as_ref().filter(|r| r.stale.is_stale()) {
            Some(r) => format!("if {c} is that release rewritten, {}; or ", r.fix(repo)),
            None => match super::stale::redo_onto(repo, config, &c, &tag) {
                Some((why, redo)) => format!(
                    "if {c} is that release rewritten, {why}; make the release again with them: `{redo}`; or "
                ),
                // Recognised: its tag made again there, with its notes, tested (or, published,
                // the branch put back on it).
                None => match &retag {
                    Some(r) => format!("if {c} is that release rewritten, {}; or ", r.fix(repo)),
                    // The remote's release, merged in: its tag is the one to take.
                    None => match (repo.revparse_commit(&c).ok())
                        .and_then(|at| super::published_instead(repo, at, tagged))
                    {
                        Some(remote) => {
                            let (remote, name) = (
                                crate::shellword::quote(&remote),
                                crate::shellword::quote(&tag),
                            );
                            return Some(Refusal::new(
                                Reason::NotGreater,
                                format!(
                                    "tag {tag} is on {}, this clone's own release of {greatest}, which no remote has, while {remote} released it on {c}, which this branch holds",
                                    crate::git::short_id(tagged)
                                ),
                                format!(
                                    "take {remote}'s tag for it: `git tag -d {name} && git fetch {remote} tag {name}`, then release"
                                ),
                            ));
                        }
                        None => super::rewritten_tag::move_tag(repo, &tag, tagged, &c),
                    },
                },
            },
        },
        None => String::new(),
    };
    Some(Refusal::new(
        Reason::NotGreater,
        format!(
            "{} already released: tag {tag} is on {} which this branch's history no longer holds (amended or rebased after tagging?) while `{heading}` is in {path}",
            if order.is_eq() {
                format!("{version} is")
            } else {
                format!("{version} {relation} {greatest},")
            },
            crate::git::short_id(tagged)
        ),
        // A release commit relhook recognises, tagged again by `--resume`: a release above it
        // would publish it untagged (and `relhook release` refuses that).
        match retag.filter(|r| r.to_resume(repo).is_some()) {
            Some(r) => r.fix(repo),
            None => format!("{move_it}release a version above it: {above}"),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::greatest_of;
    use crate::history::changelog::Changelog;

    fn greatest_section(text: &str) -> Option<semver::Version> {
        greatest_of(&Changelog::parse(text).ok()?)
    }

    #[test]
    fn the_greatest_section_by_precedence_not_by_place() {
        let text = "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-01-02\n\n### Fixed\n\n- y\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- x\n";
        assert_eq!(greatest_section(text).unwrap().to_string(), "1.0.0");
        assert!(greatest_section("# Changelog\n\n## [Unreleased]\n").is_none());
    }
}
