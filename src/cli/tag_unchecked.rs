//! Hand tags relhook cannot check: where it cannot tell `git tag` from `git fetch` (no
//! `/proc`), said once per clone with the command that makes the release instead; and with a
//! configuration it cannot read, where a tag that names a version is refused.

use std::io::Write;

use super::{Context, Outcome};
use crate::tag::{hand, rules};

/// `prepared`/`committed` with a configuration or a repository that cannot be read (`e`:
/// reftable refs, SHA-256 objects), for `tags` created or moved by `git COMMAND`: a tag that
/// names a version is refused, as commit-msg and pre-push refuse in this state (it would be a
/// release nobody checked, with no release commit); any other tag goes, with a word. Said
/// once, in `prepared`.
pub(super) fn unreadable_config(
    state: &str,
    tags: &[&str],
    command: &str,
    e: &crate::Error,
    err: &mut dyn Write,
) -> Outcome {
    if state != "prepared" {
        return Outcome::Ok;
    }
    match tags.iter().find(|t| rules::names_a_version(t)) {
        Some(tag) => {
            let (again, does) = match command {
                "tag" => ("tag", "tags"),
                _ => ("run it", "runs it"),
            };
            let _ = writeln!(
                err,
                "relhook: refusing tag {tag}: relhook cannot check it or make its release commit: {e}; fix that, then {again} again (`RELHOOK_SKIP=1 git {command} …` {does} without relhook)",
            );
            Outcome::Failed
        }
        None => {
            let _ = writeln!(
                err,
                "relhook: warning: tag not checked, and no release commit made for it: {e}"
            );
            Outcome::Ok
        }
    }
}

/// `prepared`, for the tags of an input whose ids relhook's git library cannot read (a
/// SHA-256 repository's): judged as where the repository cannot be opened, so that no release
/// tag goes by unchecked. A fetch's tags are not judged (nor where the command cannot be
/// told, as elsewhere).
pub(super) fn unread_ids(ctx: &Context, state: &str, input: &str) -> Outcome {
    let tags: Vec<&str> = hand::tag_lines(input).map(|(t, _, _)| t).collect();
    if tags.is_empty() || state != "prepared" {
        return Outcome::Ok;
    }
    let Some(command) = hand::git_subcommand().filter(|c| c != "fetch" && c != "receive-pack")
    else {
        return Outcome::Ok;
    };
    match ctx.repo() {
        Err(e) => {
            let command = hand::git_command_run().unwrap_or(command);
            let mut err = crate::cli::stream::stderr();
            unreadable_config(state, &tags, &command, &e, &mut err)
        }
        Ok(_) => Outcome::Ok,
    }
}

/// Where relhook cannot tell `git tag` from `git fetch` (no `/proc`), says once per clone that
/// a new release-looking tag was not turned into a release, why, and what to run instead.
pub(super) fn hand_tag_unchecked_once(ctx: &Context, created: &[hand::Update]) {
    let Ok((_, _, config)) = ctx.open() else {
        return;
    };
    let Some(tag) = created
        .iter()
        .find(|u| u.old.is_none() && rules::is_release_like(&config, &u.tag))
    else {
        return;
    };
    let Ok(loc) = ctx.hooks() else {
        return;
    };
    let marker = loc.common_dir.join("relhook-hand-tags-unchecked");
    if marker.exists() {
        return;
    }
    let version = tag
        .tag
        .strip_prefix(config.version.tag_prefix.as_str())
        .unwrap_or(&tag.tag);
    let _ = writeln!(
        crate::cli::stream::stderr(),
        "relhook: note: if you made {0} by hand, it was not turned into a release commit: on this platform relhook cannot tell `git tag` from `git fetch` (it reads that from /proc, which only Linux has). Instead: `git tag -d {0} && relhook release {version}`; pre-push still refuses a release tag whose commit lacks its changelog section. (Said once per clone.)",
        tag.tag
    );
    let _ = std::fs::write(
        &marker,
        b"relhook said once that hand tags are not checked here\n",
    );
}
