//! A release tag on a commit above its release commit: the version's section is in the
//! changelog there, but so is what came after it under Unreleased (a tag deleted and made
//! again on HEAD). The tag would release those changes as the version, whose notes do not
//! list them, and the next release would announce them again. Shared by the hand tag (refused
//! before git writes it) and pre-push (a tag made with the hooks off).

use std::collections::HashSet;

use git2::Oid;
use semver::Version;

use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::normalize;
use crate::history::sync::{changelog_at, has_section_at};
use crate::release::unset;

/// A release tag made past the hook (`RELHOOK_SKIP=1 git tag -f`) above its release commit on
/// HEAD, on a commit no remote-tracking branch holds: every command took its version for
/// released and found nothing since.
pub struct Moved {
    /// The tag's name.
    pub tag: String,
    /// What is wrong, one line, without the command.
    pub why: String,
    /// How it goes back to its release commit (its clause is in `why`).
    pub back: Back,
}

/// The [`Moved`] tag of `config` (the project's or a package's view), if any; `installed` as
/// for [`crate::tag::hand::head_tag_where`].
pub fn moved(repo: &Repo, config: &Config, installed: &dyn Fn() -> bool) -> Option<Moved> {
    let judge = |tag: &str, version: &Version, commit| {
        past_release_commit(repo, config, tag, version, commit, true)
    };
    let (s, (why, fix, release)) =
        crate::tag::hand::head_tag_where(repo, config, installed, judge)?;
    let back = back_to_release(
        repo,
        config,
        (&s.tag, &s.version),
        &fix,
        (release, s.commit),
    );
    Some(Moved {
        tag: s.tag,
        why: format!("{why}; {}", back.clause),
        back,
    })
}

/// How a tag moved above its release commit goes back, from [`back_to_release`].
pub struct Back {
    /// Why it goes that way.
    pub clause: String,
    /// The command, or steps whose commands are quoted.
    pub fix: String,
    /// Whether [`Back::fix`] is one command.
    pub command: bool,
}

impl Back {
    /// [`Back::fix`] in a line: the command quoted, or the steps as they are.
    pub fn said(&self) -> String {
        match self.command {
            true => format!("`{}`", self.fix),
            false => self.fix.clone(),
        }
    }
}

/// How tag `name` of `version`, moved above its release commit `release` onto `tagged`, goes
/// back (`retag`: the command that moves it there by hand). With its release commit on a
/// remote, the tag was likely pushed with it, as it was then: the fetch brings that back, and
/// where the remote lacks it, the tag is moved back instead. Where the version files do not
/// say `version` in the release commit, the hand-tag hook refuses the move: the way
/// [`unset_back`] gives instead (never a rebase of a pushed release commit).
pub fn back_to_release(
    repo: &Repo,
    config: &Config,
    (name, version): (&str, &Version),
    retag: &str,
    (release, tagged): (Oid, Oid),
) -> Back {
    let remote = crate::release::unset_way::published_on(repo, release);
    match (
        remote,
        unset_back(repo, config, name, version, (release, tagged)),
    ) {
        (Some(r), None) => Back {
            clause: format!(
                "its release commit is on `{r}`, which may have the tag as it was: fetched back if so, else moved back"
            ),
            fix: format!(
                "git fetch --force {} tag {} || {{ {retag}; }}",
                crate::shellword::quote(&r),
                crate::shellword::quote(name)
            ),
            command: true,
        },
        // The move back refused: the remote's tag fetched, else the way that keeps its history.
        (Some(r), Some((why, steps))) => Back {
            clause: format!("`{r}` may have the tag as it was (fetched back if so), but {why}"),
            fix: format!(
                "fetch it back if {r} has it (`git fetch --force {} tag {}`); else {steps}",
                crate::shellword::quote(&r),
                crate::shellword::quote(name)
            ),
            command: false,
        },
        (None, Some((why, steps))) => Back {
            clause: format!("it is not pushed, but {why}"),
            fix: steps,
            command: false,
        },
        (None, None) => Back {
            clause: "it is not pushed, so it can be moved".into(),
            fix: retag.to_owned(),
            command: true,
        },
    }
}

/// Why release tag `name` of `version`, moved above its release commit `release` (onto
/// `tagged`) where the version files do not say `version`, is refused there too, and the way
/// on `relhook release` gives for such a section ([`crate::release::unset_way`]): onto the
/// commit since that sets them with nothing under Unreleased; a commit on top that sets them
/// and lists what the section leaves out, where a rebase would rewrite work of its own or a
/// pushed release commit; else deleted, the files set in `release` itself (a commit since that
/// only sets them dropped in that rebase, where it would stop empty), then tagged. `None`: the
/// files say `version` there.
pub fn unset_back(
    repo: &Repo,
    config: &Config,
    name: &str,
    version: &Version,
    (release, tagged): (Oid, Oid),
) -> Option<(String, String)> {
    use crate::release::unset_way::{Way, way};
    let files = unset::files_not_at(repo, config, version, release);
    if files.is_empty() {
        return None;
    }
    let (id, named) = (crate::git::short_id(release), unset::named(&files));
    let quoted = crate::shellword::quote(name);
    let why = format!(
        "its release commit {id} does not set the version ({named}: {}), so it is refused there too",
        unset::they_say(&files)
    );
    let lock = unset::lock_step(repo, &files, release);
    let rebase = |dropped: String, tag: &str| {
        format!(
            "delete it here (`git tag -d {quoted}`), set {named} to {version} in {id} itself (`git rebase -i {id}~1`, mark it `edit`{dropped}){lock}, then tag that commit once the rebase is done: `{tag}`"
        )
    };
    Some(
        match way(
            repo,
            config,
            (name, version),
            &files,
            (release, tagged),
            true,
        ) {
            Way::TagAt(set) => {
                let set = crate::git::short_id(set);
                let kind = if config.release.sign { "-s" } else { "-a" };
                (
                    format!("{why}; {set} sets it, with nothing under `## [Unreleased]`"),
                    format!(
                        "move it there (`git tag -d {quoted} && git tag {kind} {quoted} -m {quoted} {set}`)"
                    ),
                )
            }
            Way::OnTop { why: not, steps } => (format!("{why}; {not}"), steps),
            Way::Rebase {
                drop: Some(only),
                tag,
            } => (
                why,
                rebase(
                    format!(
                        " and {} `drop`: that commit only sets them",
                        crate::git::short_id(only)
                    ),
                    &tag,
                ),
            ),
            Way::Rebase { drop: None, tag } => (why, rebase(String::new(), &tag)),
            // On its release commit the tag is no moved one; the files set on top all the same.
            Way::Here => {
                let kind = if config.release.sign { "-s" } else { "-a" };
                let message = crate::shellword::quote(&format!("release {version}"));
                (
                    why,
                    format!(
                        "delete it here (`git tag -d {quoted}`), set {named} to {version}{lock}, commit, then tag the new commit: `git tag {kind} {quoted} -m {message}`"
                    ),
                )
            }
        },
    )
}

/// How many commits down the first-parent line the commit that added the section is sought;
/// beyond that the tag is left to the other rules.
const LOOKED_AT: usize = 200;

/// Why release tag `name` may not stand on `commit`: the changelog there has `version`'s
/// section, and entries under Unreleased that the commit which added the section (the release
/// commit) did not have, with the command that moves the tag there. `made`: the tag exists
/// already (pre-push), so the command deletes it first. `None`: no such entries, or no section.
pub fn past_release_commit(
    repo: &Repo,
    config: &Config,
    name: &str,
    version: &Version,
    commit: Oid,
    made: bool,
) -> Option<(String, String, Oid)> {
    let path = &config.changelog.path;
    let log = changelog_at(repo, commit, path)?;
    log.entries_of(&version.to_string())?;
    let unreleased = log.unreleased_entries();
    if unreleased.is_empty() {
        return None;
    }
    let (release, after) = section_added_by(repo, config, version, commit)?;
    let before: HashSet<String> = changelog_at(repo, release, path)
        .map(|l| l.unreleased_entries())
        .unwrap_or_default()
        .iter()
        .map(|e| normalize(&e.text))
        .collect();
    let new: Vec<&str> = unreleased
        .iter()
        .filter(|e| !before.contains(&normalize(&e.text)))
        .map(|e| e.text.lines().next().unwrap_or_default())
        .collect();
    let first = new.first()?;
    let more = match new.len() {
        1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    let release_id = release;
    let (release, at) = (crate::git::short_id(release), crate::git::short_id(commit));
    let quoted = crate::shellword::quote(name);
    // Where releases are signed, an unsigned tag is refused in turn.
    let kind = if config.release.sign { "-s" } else { "-a" };
    let tag = format!("git tag {kind} {quoted} -m {quoted} {release}");
    let (is, fix) = if made {
        ("is", format!("git tag -d {quoted} && {tag}"))
    } else {
        ("would be", tag)
    };
    // Pre-push names the command as its fix; the hand tag's refusal has only this line.
    let instead = match (
        made,
        crate::history::sync::released_on(repo, config, release_id, version),
    ) {
        (true, _) => String::new(),
        // Another clone's release a pull merged in: its tag is on the remote, not to be made here.
        (false, Some(r)) => format!(
            "; it is {r}'s release, whose tag this clone has not fetched (a pull of a branch fetches none): `git fetch {} tag {quoted}`, then `{}`",
            crate::shellword::quote(&r),
            config.release_command()
        ),
        // Its version files never said the version there (set later, by a commit with work of
        // its own): a tag there is refused in turn, so the way on is a commit on top that lists
        // that work in the section, tagged.
        (false, None) if !unset::files_not_at(repo, config, version, release_id).is_empty() => {
            let set = unset::files_not_at(repo, config, version, commit).is_empty();
            let follow = crate::history::sync::shipped_unlisted;
            match follow(repo, config, (name, version), commit, false).filter(|_| set) {
                Some((_, follow)) => format!("; {follow}"),
                None => String::new(),
            }
        }
        (false, None) => format!("; tag the release commit instead: `{fix}`"),
    };
    let heading = crate::history::changelog::quoted_heading(Some(&log), &version.to_string());
    let why = format!(
        "{name} {is} on {at}, {} after {release}, the commit that added `{heading}` to {}: it would release as {version} what {} lists under `## [Unreleased]` (`- {first}`{more}), and the next release would announce it again{instead}",
        crate::commit::report::plural(after, "commit"),
        path.display(),
        path.display(),
    );
    Some((why, fix, release_id))
}

/// The commit on `commit`'s first-parent line that added `version`'s section to the
/// changelog (its release commit), and how many commits lie above it up to `commit`.
fn section_added_by(
    repo: &Repo,
    config: &Config,
    version: &Version,
    commit: Oid,
) -> Option<(Oid, usize)> {
    let path = &config.changelog.path;
    let (mut at, mut blob) = (commit, repo.blob_at(commit, path));
    for above in 0..LOOKED_AT {
        let Some(parent) = repo.first_parent(at) else {
            return Some((at, above));
        };
        let parent_blob = repo.blob_at(parent, path);
        // The same file has the section too; only a changed one is read.
        let has = parent_blob.is_some()
            && (parent_blob == blob || has_section_at(repo, parent, path, version));
        if !has {
            return Some((at, above));
        }
        (at, blob) = (parent, parent_blob);
    }
    None
}
