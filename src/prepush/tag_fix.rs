//! How pre-push says to fix a release tag the remote does not have yet: move it to its
//! release commit, make the release again, or delete it and release its version.

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;
use crate::tag::rules;

/// How to fix release tag `name` on `commit`, which the remote does not have (`problems`:
/// pre-push's for it): lightweight on a whole release, made again annotated there; above its
/// release commit, the move back to it; on a release commit rebased over changes a release
/// made now would tell, the redo; else a tag that passes. With whether the fix deletes the
/// tag or makes it again: its test record is then the fix's to give (see [`record_after`]),
/// not a refusal of its own for a tag that goes.
pub(super) fn release_tag_fix(
    repo: &Repo,
    config: &Config,
    (remote, name, commit): (&str, &str, Option<Oid>),
    (hand, branches): (rules::HandTags, rules::RemoteBranches<'_>),
    problems: &[String],
) -> (String, bool) {
    let remade = |fix: String| (fix, true);
    let kept = |fix: String| (fix, false);
    // A record the release made again will not give: its step, before the push.
    let then = match record_after(repo, config, remote, name, commit) {
        Some(step) => format!("; then {step}; and push again"),
        None => ", and push again".to_owned(),
    };
    if let Some(fix) = rules::floating_fix(config, name) {
        return kept(format!(
            "{remote} does not have it yet: {fix}; then push again"
        ));
    }
    let version = name
        .strip_prefix(config.version.tag_prefix.as_str())
        .and_then(|v| semver::Version::parse(v).ok());
    if version.is_none() {
        return kept(format!(
            "{remote} does not have it yet, and no tag of that name passes: {}",
            new_name(config, name, hand)
        ));
    }
    // Off its branch's channel (`[release] channels`): made again on purpose, or not at all.
    let off_channel = |p: &String| p.contains(crate::release::channel::NOT_ON_PURPOSE);
    if let Some(v) = version
        .as_ref()
        .filter(|_| problems.iter().any(off_channel))
    {
        // The channel's next pre-release, as the channel's branch the tag is judged on makes
        // it (after another line's pre-release that sorts after it, that line's); made from
        // that branch, named where HEAD is not on it.
        let judged = commit.and_then(|c| {
            crate::tag::channel_judging_elsewhere(repo, config, branches, c, Some(name))
        });
        let on_purpose = crate::release::channel::on_purpose(config, v);
        let delete = format!(
            "delete it here (`git tag -d {}`)",
            crate::shellword::quote(name)
        );
        if let Some(there) = judged {
            let (branch, (next, what)) = (there.branch(), &there.next);
            return remade(format!(
                "{remote} does not have it yet, so {delete}, then on its channel's branch {branch} (`git switch {}`) make it on purpose: `{on_purpose}`, or let `{next}` make {what}{then}",
                crate::shellword::quote(branch),
            ));
        }
        let next = (repo.branch().as_deref())
            .and_then(|b| config.release.channel(b))
            .map(|c| crate::release::channel::next_pre(repo, config, c, Some(name)));
        let (next, what) = next.unwrap_or_else(|| {
            let what = "the channel's next pre-release".to_owned();
            (rules::release_command(config), what)
        });
        return remade(format!(
            "{remote} does not have it yet, so {delete}, then make it on purpose: `{on_purpose}`, or let `{next}` make {what}{then}",
        ));
    }
    // Its hand release interrupted: what finishes it, as doctor says (deleting it loses it).
    if let Some(does) = interrupted_hand_release(repo, config, name) {
        let resume = crate::resume_advice::command();
        return remade(format!(
            "{remote} does not have it yet, so finish its interrupted release here: `{resume}` ({does}){then}"
        ));
    }
    // Lightweight, and else a whole release: made again annotated where it is (its version's
    // release made now would find it released and refuse).
    let here = commit.and_then(|c| rules::annotated_here(config, name, c, problems));
    if let Some(again) = here {
        return kept(format!(
            "{remote} does not have it yet, so make it again annotated where it is: `{again}`, and push again"
        ));
    }
    let moved = commit
        .zip(version.as_ref())
        .and_then(|(c, v)| crate::tag::later::past_release_commit(repo, config, name, v, c, true));
    if let Some((_, retag, release)) = moved {
        // Its release commit leaves the version files behind: the tag moved there is refused
        // in turn, so it goes where `relhook release` says the section is tagged.
        let unset = version
            .as_ref()
            .zip(commit)
            .and_then(|(v, c)| crate::tag::later::unset_back(repo, config, name, v, (release, c)));
        if let Some((why, steps)) = unset {
            return remade(format!(
                "{remote} does not have it yet, and {why}: {steps}{then}"
            ));
        }
        return kept(format!(
            "{remote} does not have it yet, so move it to its release commit here: `{retag}`, and push again"
        ));
    }
    // On the commit that wrote its section, shipping a change that commit left in Unreleased.
    let shipped = commit
        .zip(version.as_ref())
        .and_then(|(c, v)| crate::release::shipped_unlisted(repo, config, (name, v), c, true));
    if let Some((_, fix)) = shipped {
        return remade(format!(
            "{remote} does not have it yet, so fix it here: {fix}; then push again"
        ));
    }
    // Without its section, below a newer release: its version can be released no more.
    let newer = commit
        .zip(version.as_ref())
        .and_then(|(c, v)| crate::tag::hand::passed_over(repo, config, v, c));
    if let Some(newer) = newer {
        return remade(format!(
            "{remote} does not have it yet, and {newer} above it holds its commits, so its version is past: delete the tag (`git tag -d {}`) and push again",
            crate::shellword::quote(name)
        ));
    }
    // A name no commit of its line takes: deleted, and the release to make instead named.
    if let Some(past) = commit.and_then(|c| super::past::past(repo, config, name, c)) {
        return kept(format!(
            "{remote} does not have it yet, so fix it here: {}, and push again",
            super::past::fix(
                config,
                name,
                &past,
                (
                    hand,
                    crate::release::channel::here(repo, config, Some(name)).as_ref(),
                    commit
                        .and_then(|c| crate::tag::channel_stable_there(
                            repo, config, branches, c, name
                        ))
                        .map(|(_, way)| way)
                        .as_deref()
                )
            )
        ));
    }
    // On another release's commit, or over commits with no entry since the last release:
    // no release makes it, so it only goes.
    let released = commit
        .zip(version.as_ref())
        .and_then(|(c, v)| crate::tag::nothing_since::on_released(repo, config, name, v, c));
    if released.is_some() {
        return remade(format!(
            "{remote} does not have it yet, so delete it here: `git tag -d {}`",
            crate::shellword::quote(name)
        ));
    }
    // Its section has a conflict or nothing in it: no release makes it again (the section is
    // there), the section is fixed and the tag made again on that commit.
    let section = commit
        .zip(version.as_ref())
        .and_then(|(c, v)| rules::section_fix(repo, config, (name, v, c), problems));
    if let Some(fix) = section {
        return remade(format!(
            "{remote} does not have it yet, so fix it here: {fix}{then}"
        ));
    }
    // Its section there, its files behind: no release makes it again, the files are set.
    let unbumped = commit
        .zip(version.as_ref())
        .map(|(c, v)| (c, v, crate::tag::hand::unbumped_files(repo, config, v, c)))
        .filter(|(_, _, files)| !files.is_empty());
    if let Some((c, v, files)) = unbumped {
        return kept(format!(
            "{remote} does not have it yet, so fix it here: {}, and push again",
            crate::tag::hand::unbumped_fix(repo, name, v, &files, c)
        ));
    }
    let stable_there = (commit.zip(version.as_ref()))
        .and_then(|(c, v)| crate::tag::channel_stable_elsewhere(repo, config, branches, c, v));
    remade(
        match commit.and_then(|c| crate::release::stale_tagged(repo, config, name, c, true)) {
            Some((_, redo)) => format!(
                "{remote} does not have it yet, so make the release again here, with the changes below it: `{redo}`{then} with `--follow-tags`"
            ),
            // Held by a stable branch, pushed from a channel's: released on that branch.
            None if stable_there.is_some() => format!(
                "{remote} does not have it yet, so fix it here: delete the tag (`git tag -d {}`), then release it {}{then}",
                crate::shellword::quote(name),
                stable_there.unwrap_or_default()
            ),
            // On a channel's branch, a stable one only on purpose (no hand tag makes it).
            None => match version
                .as_ref()
                .and_then(|v| crate::release::channel::ways_there(repo, config, v, Some(name)))
            {
                Some(ways) => format!(
                    "{remote} does not have it yet, so fix it here: delete the tag (`git tag -d {}`), then {ways}{then}",
                    crate::shellword::quote(name)
                ),
                None => {
                    let here = crate::release::channel::here(repo, config, Some(name));
                    format!(
                        "{remote} does not have it yet, so fix it here: delete the tag (`git tag -d {q}`), then {}{}{then}",
                        release_again(config, name, here.as_ref()),
                        or_hand_tag_here(config, name, hand, here.as_ref()),
                        q = crate::shellword::quote(name)
                    )
                }
            },
        },
    )
}

/// What `relhook release --resume` does when release tag `name` is a hand tag whose hook was
/// killed: before its release commit (the hook's marker names it, on HEAD), or after it, the
/// tag left on the commit before its release commit.
fn interrupted_hand_release(repo: &Repo, config: &Config, name: &str) -> Option<&'static str> {
    if crate::tag::hand::unfinished(repo, config).is_some_and(|u| u.tag == name) {
        return Some("makes its release commit and moves the tag onto it");
    }
    // Killed after its release commit: that commit is made already, commits on top or not.
    killed_after_commit(repo, config, name)
        .map(|_| "moves the tag onto its release commit, made already")
}

/// Release tag `name`'s hand release killed after its release commit, the tag left on the
/// commit before it: the half-made release `relhook release --resume` finishes.
fn killed_after_commit(
    repo: &Repo,
    config: &Config,
    name: &str,
) -> Option<crate::release::HalfMade> {
    crate::release::half_made(repo, config).filter(|h| h.tag == name && h.misplaced_tag.is_some())
}

/// Pre-push's problems with release tag `name`, said as the interrupted release they come
/// from when its hand release was killed, before its release commit (the tag's missing
/// section and version are the commit's to come) or after it (they are that commit's): the
/// release they would advise is refused until the resume (`relhook release` and doctor say
/// the same line).
pub(super) fn interrupted_problems(
    repo: &Repo,
    config: &Config,
    name: &str,
    problems: Vec<String>,
) -> Vec<String> {
    if problems.is_empty() {
        return problems;
    }
    if let Some(u) = crate::tag::hand::unfinished(repo, config).filter(|u| u.tag == name) {
        return vec![crate::tag::hand::describe_unfinished(repo, config, &u)];
    }
    match killed_after_commit(repo, config, name) {
        Some(half) => vec![half.describe()],
        None => problems,
    }
}

/// The step that gives release tag `name`, made again by `relhook release` (or a hand tag the
/// hook releases), the test record pre-push asks for: none when `[checks] test` is set, as
/// the release runs it and records the pass; else the record's own step (a command evident
/// from a manifest is `relhook test`'s, never a release's).
fn record_after(
    repo: &Repo,
    config: &Config,
    remote: &str,
    name: &str,
    commit: Option<Oid>,
) -> Option<String> {
    if !config.checks.require_tested_tags {
        return None;
    }
    if commit.is_some_and(|c| super::no_tests::cannot_pass(repo, config, c)) {
        return Some(super::no_tests::fix(remote, name, false));
    }
    if config.checks.test.is_some() {
        return None;
    }
    let record = "give it the test record pre-push asks for (a release runs no tests without `[checks] test`)";
    Some(match super::test_tags_steps(repo, config, &[name]) {
        Some((Some(first), test)) => format!("{record}: {first}, then `{test}`"),
        Some((None, test)) => format!("{record}: `{test}`"),
        None => format!(
            "{record}: {}; or {}",
            super::set_test_command(repo, config, Some(&crate::shellword::quote(remote)), name),
            super::TESTS_OFF
        ),
    })
}

/// The fix for release tag `name` whose name is not the prefix + SemVer: no commit makes a
/// tag of that name pass (the tag hook refuses it too), so it goes and a tag of a valid name
/// is made, by a release or, where a hand tag is a release, by hand.
pub(super) fn new_name(config: &Config, name: &str, hand: rules::HandTags) -> String {
    let prefix = config.version.tag_prefix.as_str();
    let by_hand = match hand {
        rules::HandTags::Released => {
            // PEP 440's spelling has a SemVer one; any other name gets an example.
            let example = match rules::semver_spelled(config, name) {
                Some(tag) => format!("`{}`", config.hand_tag_command(&tag)),
                None => format!(
                    "e.g. `{}`",
                    config.hand_tag_command(&format!("{prefix}1.2.3"))
                ),
            };
            format!(", or a hand tag of such a name ({example}) on a commit that passes")
        }
        rules::HandTags::Plain => String::new(),
    };
    format!(
        "delete it (`git tag -d {}`) and make a release tag named `{prefix}` + a SemVer version: `{}`{by_hand}, and push again",
        crate::shellword::quote(name),
        rules::release_command(config)
    )
}

/// `, or git tag -a NAME -m NAME on a commit that passes`, where a tag made by hand is a release.
pub(super) fn or_hand_tag(config: &Config, name: &str, hand: rules::HandTags) -> String {
    match hand {
        rules::HandTags::Released => format!(
            ", or `{}` on a commit that passes",
            config.hand_tag_command(name)
        ),
        rules::HandTags::Plain => String::new(),
    }
}

/// The release that makes tag `name` again: its version named (below 1.0.0 a plain
/// `relhook release` of a `feat` makes a patch, not the version the tag said), and the
/// release the commits call for; on a channel's branch (`here`), each one it takes.
pub(super) fn release_again(
    config: &Config,
    name: &str,
    here: Option<&crate::release::channel::Here>,
) -> String {
    let release = rules::release_command(config);
    let version = name
        .strip_prefix(config.version.tag_prefix.as_str())
        .and_then(|v| semver::Version::parse(v).ok());
    match (version, here) {
        (Some(v), Some(here)) => here.again(config, &v),
        (Some(v), None) => {
            format!("`{release} {v}` (or `{release}` for the version the commits call for)")
        }
        (None, _) => format!("`{release}`"),
    }
}

/// [`or_hand_tag`], unless the hand tag is one `here`, a channel's branch, refuses.
pub(super) fn or_hand_tag_here(
    config: &Config,
    name: &str,
    hand: rules::HandTags,
    here: Option<&crate::release::channel::Here>,
) -> String {
    let version = name
        .strip_prefix(config.version.tag_prefix.as_str())
        .and_then(|v| semver::Version::parse(v).ok());
    match (version, here) {
        (Some(v), Some(here)) if here.refuses(&v) => String::new(),
        _ => or_hand_tag(config, name, hand),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// QA49: a name that is no release name is deleted and another made, never made again;
    /// PEP 440's spelling is named in SemVer's, and without the tag hook a release alone.
    #[test]
    fn a_tag_of_no_release_name_is_made_under_another() {
        let config = Config::default();
        assert_eq!(
            new_name(&config, "v1.2.3.4", rules::HandTags::Released),
            "delete it (`git tag -d v1.2.3.4`) and make a release tag named `v` + a SemVer version: `relhook release`, or a hand tag of such a name (e.g. `git tag -a v1.2.3 -m v1.2.3`) on a commit that passes, and push again"
        );
        let pep = new_name(&config, "v1.0.0b1", rules::HandTags::Released);
        assert!(
            pep.contains("(`git tag -a v1.0.0-b.1 -m v1.0.0-b.1`)"),
            "{pep}"
        );
        let plain = new_name(&config, "v1.2.3.4", rules::HandTags::Plain);
        assert!(
            plain.ends_with("`relhook release`, and push again"),
            "{plain}"
        );
    }
}
