//! `[release] channels` at release time: on a channel's branch a release is the channel's
//! next pre-release without `--pre`. What else is made there follows one rule ([`ruling`]),
//! the same for `relhook release` (its `--pre`, or the version asked), for a tag made by hand
//! (its name) and for pre-push: a pre-release is asked on purpose whatever its identifier (it
//! is typed: `--pre rc`, `-rc.1`), so another identifier's is made and said; a stable one is
//! what a forgotten `--pre` or `-beta.N` makes, so it is refused unless asked on purpose
//! (`--allow-stable`). A release that departs from its branch's channel says so in its tag
//! message ([`OVERRIDE_TRAILER`]), which pre-push reads as "made on purpose".

use semver::{Prerelease, Version};

use super::Options;
use crate::config::{Channel, Config};
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::bump::Requested;

/// The tag message's trailer of a release that departs from its branch's channel (a stable
/// one, or another identifier's): `Relhook-Channel-Override: beta`.
pub const OVERRIDE_TRAILER: &str = "Relhook-Channel-Override";

/// The channel a release is made under: its branch, its setting, and whether the release
/// departs from it (a stable one, or another identifier's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Under {
    /// HEAD's branch.
    pub branch: String,
    /// Its `[release] channels` entry.
    pub channel: Channel,
    /// The release is not one of the channel's pre-releases (asked on purpose).
    pub departs: bool,
}

impl Under {
    /// The plan's `channel:` line: `` beta pre-release (branch beta: `beta = "beta"` in
    /// `[release] channels`) ``.
    pub fn shown(&self) -> String {
        let (id, branch, named) = (&self.channel.id, &self.branch, self.channel.named());
        match self.departs {
            true => format!(
                "branch {branch} makes {id} pre-releases ({named}); this release departs from it on purpose"
            ),
            false => format!("{id} pre-release (branch {branch}: {named})"),
        }
    }
}

/// How a channel's branch takes a release: the one rule `relhook release`, a tag made by hand
/// and pre-push follow (see the module's comment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ruling {
    /// One of the channel's own pre-releases.
    Own,
    /// Made, and this line said: another identifier's pre-release, or a stable release asked
    /// on purpose.
    Departs(String),
    /// A stable release not asked on purpose: why it is refused (one line; the caller adds
    /// the command that makes it on purpose).
    Refused(String),
}

/// The pre-release identifier `version` is of (`rc` for `2.0.0-rc.1`); `None`: stable.
pub fn identifier(version: &Version) -> Option<&str> {
    (!version.pre.is_empty()).then(|| version.pre.as_str().split('.').next().unwrap_or_default())
}

/// The [`Ruling`] on `asked` (`--pre rc`, `2.0.0`, `` `v2.0.0-rc.1` ``), a release of
/// pre-release identifier `id` (`None`: stable), on `branch` of `channel`; `on_purpose`: a
/// stable release is asked on purpose (`--allow-stable`, or a tag message saying so).
pub fn ruling(
    (branch, channel): (&str, &Channel),
    asked: &str,
    id: Option<&str>,
    on_purpose: bool,
) -> Ruling {
    let (own, named) = (&channel.id, channel.named());
    match id {
        Some(id) if id == own => Ruling::Own,
        Some(_) => Ruling::Departs(format!(
            "{asked} on branch {branch}, whose channel makes {own} pre-releases ({named})"
        )),
        None if on_purpose => Ruling::Departs(format!(
            "a stable release on branch {branch}, as --allow-stable asks: its channel ({named}) makes {own} pre-releases"
        )),
        None => Ruling::Refused(format!(
            "{asked} is a stable release, and branch {branch} makes {own} pre-releases ({named})"
        )),
    }
}

/// Applies `branch`'s channel to `opts` (its identifier as `--pre` when none is asked), or
/// refuses a stable release asked without `--allow-stable` ([`ruling`]); `again`: the release
/// command as given, for the refusal's way on, and `base`, the same without its version;
/// `judged`: where the channel's next pre-release is judged ([`next_pre`]), and by which
/// configurations' tags (the root's, or the packages' views: [`next_pre_of_packages`];
/// `None`: `base` making the channel's own). With the line to say.
pub fn apply(
    (config, judged): (&Config, Option<(&Repo, &[Config])>),
    branch: Option<&str>,
    opts: &mut Options,
    (again, base): (&str, &str),
) -> Result<Option<String>, Refusal> {
    let Some((branch, channel)) =
        branch.and_then(|b| Some((b.to_owned(), config.release.channel(b)?.clone())))
    else {
        return Ok(None);
    };
    let (asked, id) = match (&opts.pre, &opts.requested) {
        (Some(pre), _) => (format!("--pre {pre}"), Some(pre.as_str())),
        (None, Requested::Exact(v)) => (v.to_string(), identifier(v)),
        (None, _) if opts.allow_stable => ("a stable release".to_owned(), None),
        (None, _) => {
            opts.pre = Some(channel.id.clone());
            let said = format!(
                "relhook: a {} pre-release: branch {branch} is a channel ({} of {}); `--allow-stable` makes a stable release",
                channel.id,
                channel.named(),
                crate::config::FILE_NAME
            );
            opts.channel = Some(Under {
                branch,
                channel,
                departs: false,
            });
            return Ok(Some(said));
        }
    };
    let (departs, said) = match ruling((&branch, &channel), &asked, id, opts.allow_stable) {
        Ruling::Own => (false, None),
        Ruling::Departs(line) => (true, Some(format!("relhook: note: {line}"))),
        Ruling::Refused(why) => {
            let next = match judged {
                Some((repo, [by])) => next_pre(repo, by, &channel, None),
                Some((repo, several)) => next_pre_of_packages(repo, several, &channel, base),
                // The same release, the version dropped.
                None => (base.to_owned(), own_next(config, &channel).1),
            };
            return Err(stable_refused(&why, again, &next));
        }
    };
    opts.channel = Some(Under {
        branch,
        channel,
        departs,
    });
    Ok(said)
}

/// The channel a release of `version` is finished under on `branch` (`relhook release
/// --resume`): the release commit is made, so the choice was made then; a version that is not
/// the channel's pre-release departed on purpose (the release refuses it otherwise).
pub fn resumed(config: &Config, branch: Option<&str>, version: &Version) -> Option<Under> {
    let branch = branch?;
    let channel = config.release.channel(branch)?.clone();
    Some(Under {
        branch: branch.to_owned(),
        departs: !channel.holds(version),
        channel,
    })
}

/// The pre-release identifier `relhook version --next` computes with on `branch` when no
/// `--pre` is asked, as the release would make it there, with the line that says so.
pub fn for_version(config: &Config, branch: Option<&str>) -> Option<(String, String)> {
    let branch = branch?;
    let channel = config.release.channel(branch)?;
    let id = &channel.id;
    Some((
        id.clone(),
        format!(
            "relhook: note: a {id} pre-release: branch {branch} is a channel ({}), as `relhook release` makes it there; `relhook release --allow-stable` makes a stable release",
            channel.named()
        ),
    ))
}

/// The releases that make stable `version` again on HEAD's branch, where its channel refuses
/// it unless asked on purpose ([`ruling`]): each one made there, as a way on (`except`: the
/// tag the advice deletes first, see [`next_pre`]). `None` off a channel's branch, or for a
/// version its channel takes.
pub fn ways_there(
    repo: &Repo,
    config: &Config,
    version: &Version,
    except: Option<&str>,
) -> Option<String> {
    let here = here(repo, config, except)?;
    here.refuses(version).then(|| here.again(config, version))
}

/// A channel's branch as advice given there sees it: what it takes, and the release that makes
/// its next pre-release ([`next_pre`]).
#[derive(Debug, Clone)]
pub struct Here {
    branch: String,
    channel: Channel,
    /// The release of the channel's next pre-release, and what it makes.
    pub next: (String, String),
}

/// HEAD's branch, when it is a channel's ([`Here`]); `except`: a tag the advice deletes first.
pub fn here(repo: &Repo, config: &Config, except: Option<&str>) -> Option<Here> {
    on_branch(repo, config, &repo.branch()?, except)
}

/// `branch`, when it is a channel's ([`Here`]).
pub fn on_branch(repo: &Repo, config: &Config, branch: &str, except: Option<&str>) -> Option<Here> {
    let channel = config.release.channel(branch)?.clone();
    Some(Here {
        branch: branch.to_owned(),
        next: next_pre(repo, config, &channel, except),
        channel,
    })
}

/// `branch` of `channel`, not HEAD's, as advice given elsewhere sees it ([`Here`]): its next
/// pre-release judged at its `tip` ([`next_pre_at`]).
pub fn at_tip(
    repo: &Repo,
    config: &Config,
    (branch, channel): (String, Channel),
    tip: Option<git2::Oid>,
    except: Option<&str>,
) -> Here {
    Here {
        next: next_pre_at(repo, config, (&channel, tip), except),
        branch,
        channel,
    }
}

impl Here {
    /// The channel's branch.
    pub fn branch(&self) -> &str {
        &self.branch
    }

    /// Whether the branch refuses a release of `version` not asked on purpose: a stable one.
    pub fn refuses(&self, version: &Version) -> bool {
        let asked = version.to_string();
        let ruled = ruling(
            (&self.branch, &self.channel),
            &asked,
            identifier(version),
            false,
        );
        matches!(ruled, Ruling::Refused(_))
    }

    /// The release that makes `version` there: a stable one with `--allow-stable`.
    pub fn makes(&self, config: &Config, version: &Version) -> String {
        match self.refuses(version) {
            true => on_purpose(config, version),
            false => format!("{} {version}", config.release_command()),
        }
    }

    /// Why a release named makes a stable one on purpose: `branch beta makes beta
    /// pre-releases: a stable one only on purpose`.
    pub fn only_on_purpose(&self) -> String {
        format!(
            "branch {} makes {} pre-releases: a stable one only on purpose",
            self.branch, self.channel.id
        )
    }

    /// The releases that make `version` again there, each one the branch takes: the version
    /// (on purpose where stable, said), or the channel's next pre-release.
    pub fn again(&self, config: &Config, version: &Version) -> String {
        let (next, what) = &self.next;
        match self.refuses(version) {
            true => format!(
                "`{}` ({}), or `{next}` for {what}",
                self.makes(config, version),
                self.only_on_purpose()
            ),
            false => format!("`{}` (or `{next}` for {what})", self.makes(config, version)),
        }
    }
}

/// The refusal of a stable release on a channel's branch, `why` ([`Ruling::Refused`]);
/// `next`: the release of the channel's next pre-release ([`next_pre`]).
fn stable_refused(why: &str, again: &str, (next, what): &(String, String)) -> Refusal {
    Refusal::new(
        Reason::Channel,
        why.to_owned(),
        format!("`{again} --allow-stable` makes it there on purpose; `{next}` makes {what}"),
    )
}

/// The release that makes the next pre-release on `channel`'s branch at HEAD, with what it
/// makes: `relhook release`, the channel's next one; but after another identifier's
/// pre-release that SemVer sorts after the channel's (`2.0.0-rc.1` made on `beta`), where the
/// channel's cannot follow and `relhook release` is refused, that line's next one (`relhook
/// release --pre rc`). `except`: a tag the advice deletes first.
pub fn next_pre(
    repo: &Repo,
    config: &Config,
    channel: &Channel,
    except: Option<&str>,
) -> (String, String) {
    next_pre_at(repo, config, (channel, repo.head()), except)
}

/// [`next_pre`] on `channel`'s branch at `tip` (its branch not HEAD's).
pub fn next_pre_at(
    repo: &Repo,
    config: &Config,
    (channel, tip): (&Channel, Option<git2::Oid>),
    except: Option<&str>,
) -> (String, String) {
    let own = &channel.id;
    match line_after(repo, config, channel, tip, except) {
        Some((id, v)) => (
            format!(
                "{} --pre {}",
                config.release_command(),
                crate::shellword::quote(&id)
            ),
            format!("the next {id} pre-release (a {own} pre-release cannot follow {v})"),
        ),
        None => own_next(config, channel),
    }
}

/// The identifier of the pre-release line `config`'s latest release tag at `tip` is on, with
/// its version, where SemVer sorts it after `channel`'s own (`rc` of `2.0.0-rc.1` on `beta`):
/// the channel's pre-release cannot follow it.
fn line_after(
    repo: &Repo,
    config: &Config,
    channel: &Channel,
    tip: Option<git2::Oid>,
    except: Option<&str>,
) -> Option<(String, Version)> {
    let prefix = config.version.tag_prefix.as_str();
    let (name, _) = repo.latest_release_tag_except(tip?, prefix, except)?;
    let v = Version::parse(name.get(prefix.len()..)?).ok()?;
    let id = identifier(&v)?.to_owned();
    let after = match (Prerelease::new(&id), Prerelease::new(&channel.id)) {
        (Ok(id), Ok(own)) => id > own,
        _ => false,
    };
    after.then_some((id, v))
}

/// [`next_pre`] of a release of several packages (`views`) at HEAD, `base` the release as
/// given without its version: the channel's next pre-release, or where a package's line sorts
/// after the channel's (`a` at `2.0.0-rc.1` on `beta`), the greatest such line's, which every
/// package takes (`base --pre rc`).
pub fn next_pre_of_packages(
    repo: &Repo,
    views: &[Config],
    channel: &Channel,
    base: &str,
) -> (String, String) {
    let lines: Vec<(String, Version, &str)> = (views.iter())
        .filter_map(|v| {
            let (id, version) = line_after(repo, v, channel, repo.head(), None)?;
            Some((id, version, v.package.as_ref()?.name.as_str()))
        })
        .collect();
    let greatest = (lines.iter().map(|(id, ..)| id)).max_by(|a, b| {
        match (Prerelease::new(a), Prerelease::new(b)) {
            (Ok(a), Ok(b)) => a.cmp(&b),
            _ => std::cmp::Ordering::Equal,
        }
    });
    let Some(id) = greatest else {
        return (base.to_owned(), own_next_of(channel));
    };
    let at: Vec<String> = (lines.iter())
        .map(|(_, version, name)| format!("{name} {version}"))
        .collect();
    (
        format!("{base} --pre {}", crate::shellword::quote(id)),
        format!(
            "the next {id} pre-releases (a {} pre-release cannot follow {})",
            channel.id,
            at.join(", ")
        ),
    )
}

/// What the channel's own next pre-release is said as.
fn own_next_of(channel: &Channel) -> String {
    format!("the channel's next {} pre-release", channel.id)
}

/// `relhook release`, which makes `channel`'s next pre-release, with what it makes.
fn own_next(config: &Config, channel: &Channel) -> (String, String) {
    (config.release_command(), own_next_of(channel))
}

/// The tag message of a release made under `under`: with [`OVERRIDE_TRAILER`] where the
/// release departs from its channel.
pub fn tag_message(message: String, under: Option<&Under>) -> String {
    match under.filter(|u| u.departs) {
        Some(u) => format!(
            "{}\n\n{OVERRIDE_TRAILER}: {}\n",
            message.trim_end(),
            u.branch
        ),
        None => message,
    }
}

/// Whether a tag message says its release departed from its channel on purpose.
pub fn overridden(message: &str) -> bool {
    (message.lines()).any(|l| l.starts_with(&format!("{OVERRIDE_TRAILER}: ")))
}

/// What pre-push's problem with such a tag says, which its fix is chosen by.
pub const NOT_ON_PURPOSE: &str = "was not made on purpose there";

/// The command that makes release `version` on a channel's branch on purpose.
pub fn on_purpose(config: &Config, version: &Version) -> String {
    let stable = match version.pre.is_empty() {
        true => " --allow-stable",
        false => "",
    };
    format!("{} {version}{stable}", config.release_command())
}
