//! Commits that fail the lint as pre-push judges them (`git commit --no-verify`, a web UI, a
//! pull from someone without the hook). pre-push refuses those it would publish; a release
//! refuses to tag above those not yet on any remote, since rewording them after would leave
//! the new tag on the old history (`relhook release`, a hand tag).

use git2::Oid;

use crate::Result;
use crate::commit::lint::{Level, Rule, Verdict, lint_stored_commit};
use crate::commit::report::{NAMED, first_few};
use crate::config::Config;
use crate::git::{Range, Repo, StoredCommit, short_id};

/// A commit whose message fails the lint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failing {
    /// The commit.
    pub id: Oid,
    /// Its header.
    pub header: String,
    /// Each error, `rule: message (try: suggestion)`.
    pub problems: Vec<String>,
    /// A `fixup!`/`squash!`/`amend!` commit: squashed, not reworded.
    pub fixup: bool,
    /// The base a `git rebase -i` that fixes it starts from: its first parent, or for a
    /// fixup the first parent of the commit it names (the rebase must reach that one too).
    pub parent: Option<Oid>,
    /// How far back in the walk the commit whose parent is `parent` sits: the oldest of them
    /// gives the base that reaches every commit to fix.
    pub depth: usize,
}

/// The lint's verdict on a stored commit as pre-push, `relhook check` and post-commit judge it
/// (`parents`: how many it is taken to have; a merge is `None` when merges are ignored): the
/// message's rules, then the package-scope rule (read only when it is on), less what git's
/// revert of a commit from before `relhook install` quotes of it.
pub fn verdict(repo: &Repo, config: &Config, c: &StoredCommit, parents: usize) -> Option<Verdict> {
    let mut v = lint_stored_commit(&c.message, c.encoding.as_deref(), parents, &config.commit)?;
    crate::history::scope_rule::stored(repo, config, c.id, &mut v);
    if v.failed() && (v.header.starts_with("Revert \"") || v.header.starts_with("Reapply \"")) {
        crate::history::adoption::revert_of_old(repo, &c.text(), &mut v);
    }
    Some(v)
}

/// pre-push's verdict on a stored commit: `None` when it passes (or is ignored, as merges
/// are by default).
pub fn failing(repo: &Repo, config: &Config, c: &StoredCommit) -> Option<Failing> {
    let v = verdict(repo, config, c, c.parents)?;
    if !v.failed() {
        return None;
    }
    let errors = || v.diagnostics.iter().filter(|d| d.severity == Level::Error);
    let problems = errors()
        .map(|d| {
            let mut p = format!("{}: {}", d.rule.name(), d.message);
            if let Some(s) = &d.suggestion {
                p.push_str(&format!(" (try: {s})"));
            }
            p
        })
        .collect();
    Some(Failing {
        id: c.id,
        fixup: errors().any(|d| d.rule == Rule::Fixup),
        header: v.header,
        problems,
        parent: c.parent_ids.first().copied(),
        depth: 0,
    })
}

/// Of `made` (the commits a `git am` made, oldest first), those pre-push will refuse, oldest
/// first: git runs no commit-msg for a patch's message. As post-commit's notice, a fixup
/// (squashed before it is shared) and a patch of a commit from before `relhook install` (which
/// pre-push lets go as that commit) are left out.
pub fn applied(repo: &Repo, config: &Config, made: &[Oid]) -> Vec<Failing> {
    made.iter()
        .filter_map(|id| {
            let c = repo.stored_commit(*id)?;
            let f = failing(repo, config, &c)?;
            (!f.fixup && !super::adoption::carried_from_before(repo, &c)).then_some(f)
        })
        .collect()
}

/// The commits a release tag on `tip` would sit above that pre-push will refuse: not on any
/// remote (no remote-tracking ref reaches them), not below the latest release tag (a tag
/// already above them is pre-push's to report) nor made before `relhook install` here, and
/// failing the lint. Newest first.
pub fn unpublished(repo: &Repo, config: &Config, tip: Oid) -> Result<Vec<Failing>> {
    let mut hidden = repo.remote_tracking_commits("*");
    if let Some((_, tag)) = repo.latest_release_tag(tip, &config.version.tag_prefix) {
        hidden.extend(repo.peel_to_commit(tag));
    }
    Ok(failing_above(repo, config, tip, &hidden, usize::MAX)?.0)
}

/// The commits not pushed yet below `tip` that pre-push will refuse, for `relhook doctor`:
/// those no remote-tracking ref reaches (with none, those since the latest release tag), at
/// most the newest `limit` of them looked at, and whether the limit cut the walk short.
pub fn unpushed(
    repo: &Repo,
    config: &Config,
    tip: Oid,
    limit: usize,
) -> Result<(Vec<Failing>, bool)> {
    let mut hidden = repo.remote_tracking_commits("*");
    if hidden.is_empty()
        && let Some((_, tag)) = repo.latest_release_tag(tip, &config.version.tag_prefix)
    {
        hidden.extend(repo.peel_to_commit(tag));
    }
    failing_above(repo, config, tip, &hidden, limit)
}

/// The commits below `tip` and above `hidden` that fail the lint, but those made before
/// `relhook install` here (newest first), at most the newest `limit` looked at, and whether
/// the limit cut the walk short.
fn failing_above(
    repo: &Repo,
    config: &Config,
    tip: Oid,
    hidden: &[Oid],
    limit: usize,
) -> Result<(Vec<Failing>, bool)> {
    // Made before relhook was installed here: pre-push lets them go, saying so, and a rebased
    // rewrite of one too, looked for only when something fails (it walks their history).
    let note = repo.adoption();
    let when = note.as_ref().and_then(|a| a.when);
    let noted = note.map(|a| a.tips).unwrap_or_default();
    let range = Range {
        tips: vec![tip],
        hidden: hidden.iter().chain(&noted).copied().collect(),
        single: false,
        describe: String::new(),
    };
    let mut out = Vec::new();
    let mut commits = Vec::new();
    // Each commit's id, header, walk position and first parent: autosquash squashes into the
    // first in the todo list, the oldest that a fixup names.
    let mut walked = Vec::new();
    let mut depth = 0;
    let mut cut = false;
    repo.walk(&range, |c| {
        if depth == limit {
            cut = true;
            return false;
        }
        depth += 1;
        walked.push((c.id, c.header(), depth, c.parent_ids.first().copied()));
        if let Some(mut f) = failing(repo, config, &c) {
            f.depth = depth;
            out.push(f);
            commits.push(c);
        }
        true
    })?;
    // A rewrite keeps its original's author date: one authored since the install is none.
    let rewrites = commits
        .iter()
        .any(|c| when.is_none_or(|w| c.author_time() <= w));
    if !out.is_empty() && !noted.is_empty() && rewrites {
        let mut before = super::adoption::BeforeInstall::load(repo, hidden)?;
        let mut commits = commits.iter();
        out.retain(|_| commits.next().is_none_or(|c| !before.holds(repo, c)));
    }
    for f in out.iter_mut().filter(|f| f.fixup) {
        let target = fixup_target(&f.header).and_then(|t| {
            walked
                .iter()
                .filter(|(id, header, ..)| *id != f.id && fixes(t, *id, header))
                .max_by_key(|(_, _, depth, _)| *depth)
        });
        f.fixup = target.is_some();
        if let Some(&(_, _, depth, parent)) = target.filter(|(_, _, d, _)| *d > f.depth) {
            (f.depth, f.parent) = (depth, parent);
        }
    }
    Ok((out, cut))
}

/// The header a `fixup!`/`squash!`/`amend!` header names (`fixup! fixup! feat: x` names
/// `feat: x`): `git rebase --autosquash` squashes it only into a commit of the rebased range
/// with that header. Where that commit is already pushed, it is reworded like any other.
pub fn fixup_target(header: &str) -> Option<&str> {
    let mut rest = header;
    let mut found = false;
    while let Some(r) = ["fixup! ", "squash! ", "amend! "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    {
        rest = r;
        found = true;
    }
    found.then_some(rest)
}

/// Whether commit `id`, whose header is `header`, is the one `fixup! <target>` names, as `git
/// rebase --autosquash` finds it: the same subject, an id that begins with `target` (`fixup!
/// 1a2b3c4`), or a subject that begins with it.
pub fn fixes(target: &str, id: Oid, header: &str) -> bool {
    let hex = target.len() >= 4 && target.bytes().all(|b| b.is_ascii_hexdigit());
    header == target
        || (hex && id.to_string().starts_with(&target.to_ascii_lowercase()))
        || (!target.is_empty() && header.starts_with(target))
}

/// Why relhook's own release commits would fail the lint (`release.commit_message` rendered
/// for a first release), so pre-push would refuse them: refused before a release is made.
pub fn release_message_problem(config: &Config) -> Option<String> {
    let label = match &config.package {
        Some(_) => format!("{}0.1.0", config.version.tag_prefix),
        None => "0.1.0".to_owned(),
    };
    let message = config.release.commit_message.replace("{version}", &label);
    message_problem(config, &message)
}

/// Why release commit `message` would fail the lint (see [`release_message_problem`]): a
/// monorepo release's, whose tags are only known once planned.
pub fn message_problem(config: &Config, message: &str) -> Option<String> {
    let v = lint_stored_commit(message.as_bytes(), None, 1, &config.commit)?;
    if !v.failed() {
        return None;
    }
    let first = v
        .diagnostics
        .iter()
        .find(|d| d.severity == Level::Error)
        .map_or(String::new(), |d| {
            format!(" ({}: {})", d.rule.name(), d.message)
        });
    Some(format!(
        "`release.commit_message` makes release commits like `{}`, which fail the lint{first}, so pre-push would refuse relhook's own release commit",
        v.header
    ))
}

/// The fix for [`release_message_problem`].
pub const RELEASE_MESSAGE_FIX: &str = "set `release.commit_message` in .relconfig.toml to a Conventional Commit, e.g. `chore(release): {version}` (the default)";

/// What is wrong, in one sentence naming each commit (at most five, then a count and the
/// command that lists them all).
pub fn what(failing: &[Failing]) -> String {
    let named = failing.iter().map(|f| {
        let first = f.problems.first().map_or("", String::as_str);
        format!("{} `{}` ({first})", short_id(f.id), f.header)
    });
    let all = match failing.len() > NAMED {
        true => format!(" (`relhook check {}` lists them all)", check_range(failing)),
        false => String::new(),
    };
    let (count, verb) = match failing.len() {
        1 => ("a commit not pushed yet".to_owned(), "fails"),
        n => (format!("{n} commits not pushed yet"), "fail"),
    };
    format!(
        "{count} {verb} the lint, and pre-push would refuse {} under the release tag: {}{all}",
        them(failing),
        first_few(named)
    )
}

/// The commit below the failing ones, where a rebase starts: `None` for the root.
fn rebase_base(failing: &[Failing]) -> Option<Oid> {
    failing
        .iter()
        .max_by_key(|f| f.depth)
        .and_then(|f| f.parent)
}

/// The range `relhook check` judges them in (`relhook check HEAD` would judge HEAD alone).
fn check_range(failing: &[Failing]) -> String {
    match rebase_base(failing) {
        Some(base) => format!("{}..HEAD", short_id(base)),
        None => "--all".to_owned(),
    }
}

/// `it` or `them`, for `failing`.
pub fn them(failing: &[Failing]) -> &'static str {
    if failing.len() == 1 { "it" } else { "them" }
}

/// How to fix them before the tag exists: the rebase that rewords (or squashes) them, and
/// the command that explains each.
pub fn rebase_step(repo: &Repo, failing: &[Failing]) -> String {
    let parent = rebase_base(failing);
    let base = parent.map_or("--root".to_owned(), short_id);
    let range = check_range(failing);
    let (squash, reword): (Vec<&Failing>, Vec<&Failing>) = failing.iter().partition(|f| f.fixup);
    let merges = rebase_merges(repo, parent, repo.head());
    let rebase = match squash.is_empty() {
        true => format!("`git rebase -i{merges} {base}`"),
        false => format!("`git rebase -i --autosquash{merges} {base}`"),
    };
    match reword.len() {
        0 => format!("{rebase} (`relhook check {range}` explains each)"),
        // Past a handful, the ids would bury the rest of the advice: the check lists them.
        n if n > NAMED => {
            format!("{rebase}, mark `reword` the {n} commits `relhook check {range}` fails")
        }
        _ => {
            let ids: Vec<String> = reword.iter().map(|f| short_id(f.id)).collect();
            format!(
                "{rebase}, mark {} `reword` (`relhook check {range}` explains each)",
                ids.join(", ")
            )
        }
    }
}

/// ` --rebase-merges` when the commits a rebase from `base` to `tip` replays hold a merge: a
/// plain `git rebase -i` flattens it into a line of its two sides' commits.
pub fn rebase_merges(repo: &Repo, base: Option<Oid>, tip: Option<Oid>) -> &'static str {
    let Some(tip) = tip else { return "" };
    let range = Range {
        tips: vec![tip],
        hidden: base.into_iter().collect(),
        single: false,
        describe: String::new(),
    };
    let mut merge = false;
    let _ = repo.walk(&range, |c| {
        merge = c.parents > 1;
        !merge
    });
    if merge { " --rebase-merges" } else { "" }
}

/// The `git rebase` command [`rebase_step`] gives, alone (for a fix that puts steps around it).
pub fn rebase_command(repo: &Repo, failing: &[Failing]) -> String {
    let step = rebase_step(repo, failing);
    step.split(" (`relhook check")
        .next()
        .unwrap_or(&step)
        .to_owned()
}

/// Commits below the tag that pre-push will refuse, refused now: rewording them once the tag
/// exists would leave it on the old history (as `relhook release` refuses).
pub fn below_hand_tag(repo: &Repo, config: &Config, target: Oid) -> Option<String> {
    let commit = repo.peel_to_commit(target)?;
    let failing = unpublished(repo, config, commit).ok()?;
    (!failing.is_empty()).then(|| {
        format!(
            "{}; reword {them} first: {}, then tag again (`relhook release --allow-unlinted` releases {them} as {})",
            what(&failing),
            rebase_step(repo, &failing),
            if failing.len() == 1 { "it is" } else { "they are" },
            them = them(&failing),
        )
    })
}
