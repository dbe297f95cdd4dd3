//! The reference-transaction hook: a release tag made by hand with `git tag`; and a revert or
//! cherry-pick that stopped on a conflict (REVERT_HEAD, CHERRY_PICK_HEAD made), for the
//! changelog it cannot resolve.

use std::io::Write;

use super::{Context, Outcome};
use crate::Result;
use crate::tag::hand;

/// `relhook hook reference-transaction STATE`: runs on every ref update, so anything but the
/// creation or move of a release tag by `git tag`, or its move by another local command,
/// returns before any file is read. `given`: the ref lines, when `linked` has read them.
pub(super) fn reference_transaction(
    ctx: &Context,
    state: &str,
    given: Option<String>,
) -> Result<Outcome> {
    let mut judged = Vec::new();
    let outcome = transaction(ctx, state, given, &mut judged);
    // A Ctrl-C while `prepared` judged tags: git says only "ref updates aborted by hook",
    // which reads as relhook's refusal. The tags are refused, in one line that says why.
    match crate::interrupt::received() {
        Some(signal) if !judged.is_empty() => {
            let _ = writeln!(
                crate::cli::stream::stderr(),
                "relhook: interrupted ({}): tag {} was not made",
                crate::interrupt::name(signal),
                judged.join(", ")
            );
            Ok(Outcome::Failed)
        }
        _ => outcome,
    }
}

/// [`reference_transaction`]; `judged` gets the tags a `prepared` run judges, under a guard.
fn transaction(
    ctx: &Context,
    state: &str,
    given: Option<String>,
    judged: &mut Vec<String>,
) -> Result<Outcome> {
    if super::lint::skip_requested() || !(state == "prepared" || state == "committed") {
        return Ok(Outcome::Ok);
    }
    // `committed` may make a hand tag's release commit: a Ctrl-C from here on is noted, not
    // fatal, and the tag ends released or withdrawn, never in between (git has made the tag
    // and ignores this hook's exit, so nothing else would say what was left). Its front end
    // ignored the signals until this guard (`linked`): taken all the same.
    let _deferred = (state == "committed").then(crate::interrupt::Deferred::begin_taking_ignored);
    let input = given.unwrap_or_else(|| {
        let mut raw = Vec::new();
        let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut raw);
        String::from_utf8_lossy(&raw).into_owned()
    });
    // A revert that stops on a conflict makes REVERT_HEAD, a cherry-pick CHERRY_PICK_HEAD (the
    // shim sends only that; a hook manager's block sends every update, its removal too).
    fn made(l: &str) -> Option<&'static str> {
        match l.split_whitespace().collect::<Vec<_>>()[..] {
            [_, new, "REVERT_HEAD"] if new.bytes().any(|b| b != b'0') => Some("REVERT_HEAD"),
            [_, new, "CHERRY_PICK_HEAD"] if new.bytes().any(|b| b != b'0') => {
                Some("CHERRY_PICK_HEAD")
            }
            _ => None,
        }
    }
    if let Some(head) = input
        .lines()
        .find_map(made)
        .filter(|_| state == "committed")
    {
        super::changelog::stopped_pick(ctx, head);
        return Ok(Outcome::Ok);
    }
    // An am that ends without committing its last patch (`git am --skip`) runs no
    // post-applypatch: git removes REBASE_HEAD then, and its commits are said here.
    let rebase_head = |l: &str| l.split_whitespace().nth(2) == Some("REBASE_HEAD");
    if state == "committed" && input.lines().any(rebase_head) {
        super::applypatch::am_ended(ctx);
    }
    if !input.contains(" refs/tags/") {
        return Ok(Outcome::Ok);
    }
    // Tags created, and tags moved (`git tag -f`), which a release tag never is.
    let created = hand::tag_updates(&input);
    if created.is_empty() {
        return Ok(super::tag_unchecked::unread_ids(ctx, state, &input));
    }
    let _judging = (state == "prepared").then(|| {
        judged.extend(created.iter().map(|u| u.tag.clone()));
        crate::interrupt::Deferred::begin()
    });
    // The one ref line a `prepared` run may note as settled (see `hand::SETTLED`).
    let single = match (created.as_slice(), input.trim_end().lines().count()) {
        ([_], 1) => Some(input.trim_end()),
        _ => None,
    };
    // A `git tag` that a Ctrl-C ended once it had made the tag is gone from /proc: it is known
    // by the tag its `prepared` run named for this one to finish.
    // (One look at /proc for both.)
    let caller = hand::git_subcommand();
    let orphaned = caller.is_none()
        && state == "committed"
        && hand::can_tell_git_tag()
        && crate::git::locate(&ctx.cwd).is_ok_and(|l| hand::pending_for(&l.git_dir, &created));
    if !orphaned && caller.as_deref() != Some("tag") {
        // `git update-ref`, a forced fetch: a release tag is never moved, whoever moves it.
        if state == "prepared" && moves_refused(ctx, &created) {
            return Ok(Outcome::Failed);
        }
        if state == "committed" && !hand::can_tell_git_tag() {
            super::tag_unchecked::hand_tag_unchecked_once(ctx, &created);
        }
        if state == "prepared" && hand::can_tell_git_tag() {
            // A fetch's tags are not judged (see `moves_refused`): its other transactions
            // need no relhook.
            let fetching = hand::fetch_process();
            if let (true, Ok(loc)) = (
                single.is_some() || fetching.is_some(),
                crate::git::locate(&ctx.cwd),
            ) {
                if single.is_some() {
                    hand::note_settled(&loc.git_dir, single);
                }
                if let Some(process) = fetching {
                    hand::note_fetching(&loc.git_dir, &process);
                }
            }
        }
        return Ok(Outcome::Ok);
    }
    let mut err = crate::cli::stream::stderr();
    let (repo, root, config) = match ctx.open() {
        Ok(x) => x,
        Err(e) => {
            let tags: Vec<&str> = created.iter().map(|u| u.tag.as_str()).collect();
            return Ok(super::tag_unchecked::unreadable_config(
                state, &tags, "tag", &e, &mut err,
            ));
        }
    };
    // A hand tag's checks read the same few commits and tags again and again.
    repo.cache_objects();
    // Each tag with the configuration that judges it: a package's tag, the package's view,
    // as the commit tagged below HEAD had it (a release made before its directory moved is
    // judged where its changelog was, as pre-push judges it).
    let judge = |u: &hand::Update| match repo.peel_to_commit(u.new) {
        Some(c) if repo.head() != Some(c) => {
            crate::tag::config_at(&repo, &config, &root, &u.tag, c)
        }
        _ => crate::tag::config_for(&config, &root, &u.tag),
    };
    let releases: Vec<(&hand::Update, crate::config::Config)> = created
        .iter()
        .filter_map(|u| judge(u).map(|c| (u, c)))
        .collect();
    if state == "prepared" {
        // git holds the transaction open until this returns, and `prepared` only judges.
        // (A signal test's pause: a Ctrl-C while the tag is judged.)
        let _ = crate::git::txn::failpoint("tag-judging");
        repo.hold_still();
        crate::history::version::files::hold_still();
        let mut refused = false;
        // Whether a refused tag may be made past relhook: not a private workspace root's,
        // which is never released (its packages' tags are the way on, said instead).
        let (mut bypass, mut private_root) = (false, false);
        // The tag the way past relhook makes (a `git tag` makes one).
        let mut past: Option<&hand::Update> = None;
        if !releases.is_empty() {
            let (u, view) = &releases[0];
            // A relhook killed mid-transaction: its recovery comes first, named at once (the
            // index lock it left is its own, no git's at work to wait for), not "the tree is
            // dirty" (its lock removed by hand since, as git advises).
            let killed = crate::git::txn::pending(&repo).filter(|p| !p.running);
            if let Some(p) = killed {
                let why = super::tag_pending::refusal(&repo, view, &u.tag, &p);
                let _ = writeln!(err, "relhook: refusing tag {}: {why}", u.tag);
                return Ok(Outcome::Failed);
            }
            if let Err(e) = repo.wait_for_commit_locks() {
                let again = if e.retry_may_help() {
                    "; try again in a moment"
                } else {
                    ", then tag again"
                };
                let _ = writeln!(
                    err,
                    "relhook: refusing tag {}: the release commit cannot be made now ({e}){again}",
                    u.tag
                );
                return Ok(Outcome::Failed);
            }
            // A relhook at work meanwhile (or one that stopped while waited for).
            if let Some(p) = crate::git::txn::pending(&repo) {
                let why = super::tag_pending::refusal(&repo, view, &u.tag, &p);
                let _ = writeln!(err, "relhook: refusing tag {}: {why}", u.tag);
                return Ok(Outcome::Failed);
            }
            // Replace refs git follows: the release would be of a history `git log` hides.
            if let Some(why) = super::replaced::refusal(&repo, true) {
                let _ = writeln!(err, "relhook: refusing tag {}: {why}", u.tag);
                return Ok(Outcome::Failed);
            }
        }
        // A tag that is no release here but names a version: a slip of the release tag's name
        // would stop every later `relhook version` and release.
        for u in created.iter().filter(|u| u.old.is_none()) {
            if releases.iter().any(|(r, _)| r.tag == u.tag) {
                continue;
            }
            match crate::tag::rules::not_a_release(&repo, &config, &u.tag, u.new) {
                Some(Err(why)) => {
                    (refused, bypass) = (true, true);
                    past = past.or(Some(u));
                    let _ = writeln!(err, "relhook: refusing tag {}: {why}", u.tag);
                }
                Some(Ok(said)) => {
                    let _ = writeln!(err, "relhook: {said}");
                }
                None => {}
            }
        }
        let mut release_commit = None;
        let (mut standing, mut off_channel) = (Vec::new(), false);
        for (u, view) in &releases {
            // A package's first release of a version the repository's own tag released: a
            // configuration mistake, refused as `relhook release` refuses it (one line).
            let root_tagged =
                crate::release::packages::released_at_root(&repo, &config, view, &root);
            if let Some(r) = root_tagged.filter(|_| u.old.is_none()) {
                (refused, bypass) = (true, true);
                past = past.or(Some(*u));
                let _ = writeln!(err, "relhook: refusing tag {}: {r}", u.tag);
                continue;
            }
            let judged = hand::judge(&repo, view, u);
            if judged.release_commit && release_commit.is_none() {
                release_commit = Some(u.tag.as_str());
            }
            standing.extend(judged.standing.map(|s| format!("relhook: {}: {s}", u.tag)));
            // Another identifier's pre-release on a channel's branch: made, and said.
            let off = crate::tag::channel_note(&repo, view, &u.tag);
            standing.extend(off.map(|l| format!("relhook: note: {l}")));
            if judged.release_commit && judged.refusals.is_empty() {
                let below = crate::release::tag_below_commits(&repo, view, &root, &u.tag);
                standing.extend(below.map(|b| format!("relhook: warning: {b}")));
                let left = crate::release::tag_leaves_line(&repo, view, &root, &u.tag);
                standing.extend(left.map(|l| format!("relhook: note: {l}")));
            }
            let mut whys = judged.refusals;
            if judged.release_commit && whys.is_empty() {
                whys.extend(crate::release::hand_tag_cannot_sign(&repo, view, &u.tag));
            }
            // A version already refused needs no word on its dependents' requirements. A tag
            // on a commit that has its release already (a tag moved onto its rewritten release
            // commit) changes no file: those checks judge the release commit made from the
            // work tree, and the work tree is not what such a tag released.
            if whys.is_empty() && judged.release_commit {
                whys.extend(super::tag_dependents::dependents_left_behind(
                    &repo,
                    (&config, view),
                    &root,
                    u,
                ));
            }
            let private = crate::release::private_workspace_root(view, &root);
            for why in whys {
                refused = true;
                (bypass, private_root) = (bypass || !private, private_root || private);
                if !private {
                    past = past.or(Some(*u));
                    // Refused by `[release] channels`: pre-push refuses it past the hook too.
                    off_channel |= past.is_some_and(|p| p.tag == u.tag)
                        && crate::tag::is_channel_refusal(&why);
                }
                let _ = writeln!(err, "relhook: refusing tag {}: {why}", u.tag);
            }
        }
        if refused {
            if private_root {
                let _ = writeln!(err, "relhook: {}", super::tag_private_root::said(&config));
            }
            if off_channel {
                let _ = writeln!(err, "relhook: {}", crate::tag::CHANNEL_PAST_THE_HOOK);
            } else if let Some(u) = past.filter(|_| bypass) {
                let command = super::tag_anyway::command(&repo, u);
                let command = crate::printable::visible(&command);
                let _ = writeln!(err, "relhook: to tag anyway: {command}");
            }
        } else {
            // relhook decided not to act: said, so a tag that made no release is not a surprise.
            for line in &standing {
                let _ = writeln!(err, "{line}");
            }
            if single.is_some() {
                hand::note_settled(repo.git_dir(), single.filter(|_| release_commit.is_none()));
            }
            // Named from here, not only once `committed` starts: a hook killed before its
            // release commit leaves a tag `relhook release --resume` must know to finish.
            if let Some(tag) = release_commit {
                hand::note_pending(&repo, tag);
            }
        }
        return Ok(if refused {
            Outcome::Failed
        } else {
            Outcome::Ok
        });
    }
    // A kill test's pause: the hook killed here, before anything of its own is written.
    let _ = crate::git::txn::failpoint("hand-started");
    let date = std::env::var("RELHOOK_DATE")
        .ok()
        .filter(|d| d.len() == 10)
        .unwrap_or_else(crate::date::today);
    let whole = &config;
    for (u, config) in &releases {
        let (u, config) = (*u, config);
        // Named until the tag is finished or withdrawn: a hook killed in between leaves it,
        // and `relhook release --resume` finishes that tag (see `hand::unfinished`).
        let marker = hand::Marker::new(&repo, &u.tag);
        // Until its release commit, `complete` only reads: HEAD, tags and version files are
        // read once (see `hold_still`); it lets go before it writes.
        repo.hold_still();
        crate::history::version::files::hold_still();
        let due = super::tag_dependents::shorthand_due(config, &root, &u.tag);
        let result = crate::interrupt::check("making the release commit")
            .and_then(|()| hand::complete(&repo, config, &root, u, &date));
        repo.let_go();
        crate::history::version::files::let_go();
        drop(marker);
        match result {
            Ok(Some(done)) => {
                let _ = writeln!(
                    err,
                    "relhook: {} now points at release commit {} ({} updated); `relhook notes {}` prints its notes",
                    u.tag,
                    crate::git::short_id(done.commit),
                    crate::release::left_note::shortened(&done.files),
                    crate::shellword::quote(&u.tag)
                );
                for note in &done.notes {
                    let _ = writeln!(err, "relhook: note: {note}");
                }
                super::tag_dependents::say_pre_left(&mut err, (whole, config), &root, &u.tag, &due);
                super::release_after::say_journal_left(&mut err, &repo);
                // The runbook's `grep -r` after the bump, as `relhook release` says it.
                if let Some(old) = &done.old {
                    super::release_after::say_old_version_left(
                        &mut err,
                        &repo,
                        config,
                        old,
                        &[],
                        false,
                    );
                }
                let version = u.tag.strip_prefix(config.version.tag_prefix.as_str());
                let version = version.and_then(|v| semver::Version::parse(v).ok());
                if let Some(v) = &version {
                    super::passed_over::say(&repo, config, Some(v));
                }
                if let Some(note) =
                    version.and_then(|v| super::release_after::uncarried(&repo, &root, config, &v))
                {
                    let _ = writeln!(err, "relhook: note: {note}");
                }
                // A release tag pre-push would refuse as untested: the step before the push,
                // as `relhook release` names it (the first push must not be the surprise).
                let made = [super::release_next::Made {
                    tag: &u.tag,
                    config,
                    tested: false,
                }];
                if made[0].untested(&repo, done.commit) {
                    super::release_next::say_untested_by_hand(&mut err, &repo, done.commit, &made);
                    super::release_next::say_next(&mut err, &repo, done.commit, &made, true);
                }
            }
            Ok(None) => {}
            Err(e) => {
                // Exit codes are ignored here (git-hook-facts §3.12): the tag is withdrawn
                // rather than left on a commit without its section.
                let version = u
                    .tag
                    .strip_prefix(config.version.tag_prefix.as_str())
                    .unwrap_or(&u.tag);
                let version = match &config.package {
                    Some(p) => format!("--package {} {version}", p.name),
                    None => version.to_owned(),
                };
                let gone = match hand::withdraw(&repo, u) {
                    // Said, as a script sees `git tag` exit 0 and the tag gone.
                    Ok(()) => {
                        "was removed (`git tag` still exits 0: git ignores this hook once the tag is made)"
                    }
                    Err(_) => "is left on a commit without its section (delete it: `git tag -d`)",
                };
                // A refusal names its own fix; `relhook release` would refuse the same way.
                let next = match &e {
                    crate::Error::Refused(r) if r.fix.is_some() => String::new(),
                    crate::Error::UnsafePath { .. } => String::new(),
                    crate::Error::IncompleteHistory { fix, .. } => format!("; {fix}"),
                    _ => crate::release::hand_tag_retry(&repo, config, &u.tag, &version, &e),
                };
                if matches!(e, crate::Error::Interrupted { .. }) {
                    let _ = writeln!(
                        err,
                        "relhook: {e}: tag {} {gone} and nothing was released; `relhook release {version}` makes both",
                        u.tag
                    );
                    continue;
                }
                let _ = writeln!(
                    err,
                    "relhook: tag {} {gone}: its release commit could not be made ({e}){next}",
                    u.tag
                );
            }
        }
    }
    Ok(Outcome::Ok)
}

/// `prepared`, for a ref transaction that is not `git tag`'s: refuses (saying why, with the
/// fix) the move of a release tag by a local command (`git update-ref`, a script), as
/// `git tag -f` is refused. `git update-ref <ref> <new>` gives no old value, so its line reads
/// as a creation: the tag as it stands tells. Allowed: deleting a tag (`git tag -d`: the shim
/// does not even pass those lines), `git fetch`, which takes the remote's tag (`git fetch
/// --force origin tag v1.2.0` is how pre-push says to restore a moved one), and a push into
/// this repository. Where the command
/// cannot be read (no `/proc`), nothing is refused, as `git tag -f` is not.
fn moves_refused(ctx: &Context, updates: &[hand::Update]) -> bool {
    // A push into this repository (`receive-pack`) is the pusher's to check: its pre-push
    // refuses a moved release tag, and a refusal here would only break the whole push.
    let Some(command) = hand::git_subcommand().filter(|c| c != "fetch" && c != "receive-pack")
    else {
        return false;
    };
    // The bypass named is for the command the user ran: `git filter-branch`, not the `git
    // update-ref` its script runs.
    let command = || hand::git_command_run().unwrap_or(command.clone());
    let mut err = crate::cli::stream::stderr();
    let repo = match ctx.repo() {
        Ok(repo) => repo,
        // Reftable refs: nothing can be judged, and a release tag is not let by unchecked.
        Err(e) => {
            let tags: Vec<&str> = updates.iter().map(|u| u.tag.as_str()).collect();
            let said = super::tag_unchecked::unreadable_config(
                "prepared",
                &tags,
                &command(),
                &e,
                &mut err,
            );
            return matches!(said, Outcome::Failed);
        }
    };
    let moves = hand::moves(&repo, updates);
    if moves.is_empty() {
        return false;
    }
    // A broken configuration is reported by every command that reads it; a move is not
    // judged without one.
    let Ok((root, config)) = ctx.history_config(&repo) else {
        return false;
    };
    let command = command();
    let mut refused = false;
    for u in &moves {
        let view = crate::tag::config_for(&config, &root, &u.tag);
        if let Some(why) = view.and_then(|v| hand::moved(&repo, &v, u)) {
            refused = true;
            // One line: the reason, then this command's own bypass.
            let _ = writeln!(
                err,
                "relhook: refusing tag {}: {why}; to move it anyway with `git {command}`: `RELHOOK_SKIP=1 git {command} ...`",
                u.tag
            );
        }
    }
    refused
}
