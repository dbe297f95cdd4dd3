//! The push a release's `next:` line ends with: the remote and branch it names where a plain
//! `git push` would not do, and `-u` where the branch has no upstream yet.

use crate::git::{PushDestination, Repo};
use crate::shellword::quote;

/// The push that sends the release commit and its tags: the command, the remote it goes to
/// (`None`: there is none yet) and, when a plain `git push` would not do, why it names more.
pub(super) struct Push {
    /// What comes first: adding the remote, when there is none yet.
    pub(super) add: Option<String>,
    pub(super) command: String,
    pub(super) remote: Option<String>,
    /// What the push sends the branch as: `HEAD`, or `HEAD:<upstream>` when its name differs.
    pub(super) head: String,
    pub(super) why: Option<String>,
    /// `-u ` where the branch has no upstream yet (the push gives it one), else empty.
    pub(super) set_upstream: &'static str,
}

/// Without an upstream `git push --follow-tags` fails ("has no upstream branch"), so the
/// remote (the branch's push remote, else the only one, else `origin`) and the branch are
/// named; with no remote at all, adding one comes first.
pub(super) fn push_command(repo: &Repo) -> Push {
    let plain = "git push --follow-tags";
    let destination = repo.push_destination();
    let add = matches!(destination, PushDestination::NoRemote { .. })
        .then(|| "git remote add origin <url>".to_owned());
    let mut head = "HEAD".to_owned();
    // A branch with no upstream gets one from the push (`-u`): a plain `git push` works after.
    let set_upstream = match &destination {
        PushDestination::Branch { branch, .. } | PushDestination::NoRemote { branch }
            if !repo.has_upstream(branch) =>
        {
            "-u "
        }
        _ => "",
    };
    let u = set_upstream;
    let (command, remote, why) = match destination {
        PushDestination::Branch {
            branch,
            remote: Some(r),
            renamed: Some(up),
            ..
        } => {
            head = format!("HEAD:{}", quote(&up));
            (
                format!("{plain} {} {head}", quote(&r)),
                Some(r.clone()),
                Some(format!(
                    "`{branch}`'s upstream is {r}'s `{up}`: a plain `git push` refuses another name (push.default = simple) or sends the branch elsewhere"
                )),
            )
        }
        PushDestination::Branch {
            upstream: true,
            remote,
            ..
        } => (plain.to_owned(), remote, None),
        PushDestination::Branch {
            branch,
            remote: Some(r),
            ..
        } => {
            let why = match repo.push_default().as_deref() {
                Some(d @ ("nothing" | "matching")) if repo.head_upstream().is_some() => {
                    format!("under push.default = {d} a plain `git push` does not send it")
                }
                _ => format!("`{branch}` has no upstream yet"),
            };
            (
                format!("{plain} {u}{} {}", quote(&r), quote(&branch)),
                Some(r),
                Some(why),
            )
        }
        PushDestination::Branch { branch, .. } => (
            format!("{plain} {u}<remote> {}", quote(&branch)),
            Some("<remote>".to_owned()),
            Some(format!(
                "`{branch}` has no upstream, and no remote is the evident one"
            )),
        ),
        PushDestination::NoRemote { branch } => (
            format!("{plain} {u}origin {}", quote(&branch)),
            None,
            Some("this repository has no remote yet".to_owned()),
        ),
        PushDestination::Detached => (plain.to_owned(), Some("origin".into()), None),
    };
    Push {
        add,
        command,
        remote: remote.map(|r| if r == "<remote>" { r } else { quote(&r) }),
        head,
        why,
        set_upstream,
    }
}
