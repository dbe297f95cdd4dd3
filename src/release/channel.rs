//! `[release] channels` at release time: on a channel's branch a release is the channel's
//! next pre-release without `--pre`; `--pre` of another identifier is made and said; a
//! stable release is made only on purpose (`--allow-stable`), and is refused otherwise. A
//! release that departs from its branch's channel says so in its tag message
//! ([`OVERRIDE_TRAILER`]), which pre-push reads as "made on purpose".

use semver::Version;

use super::Options;
use crate::config::{Channel, Config};
use crate::error::{Reason, Refusal};
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

/// Applies `branch`'s channel to `opts` (its identifier as `--pre` when none is asked), or
/// refuses a stable release asked without `--allow-stable`; `again`: the release command
/// as given, for the refusal's way on. With the line to say, if any.
pub fn apply(
    config: &Config,
    branch: Option<&str>,
    opts: &mut Options,
    again: &str,
) -> Result<Option<String>, Refusal> {
    let Some((branch, channel)) =
        branch.and_then(|b| Some((b.to_owned(), config.release.channel(b)?.clone())))
    else {
        return Ok(None);
    };
    let named = channel.named();
    let id = &channel.id;
    let exact = match &opts.requested {
        Requested::Exact(v) => Some(v.clone()),
        _ => None,
    };
    let (departs, said) = match (&opts.pre, &exact) {
        (Some(pre), _) if pre == id => (false, None),
        (Some(pre), _) => (
            true,
            Some(format!(
                "relhook: note: --pre {pre} on branch {branch}, whose channel makes {id} pre-releases ({named})"
            )),
        ),
        (None, Some(v)) if channel.holds(v) => (false, None),
        (None, Some(v)) if !v.pre.is_empty() => (
            true,
            Some(format!(
                "relhook: note: {v} on branch {branch}, whose channel makes {id} pre-releases ({named})"
            )),
        ),
        (None, Some(v)) if !opts.allow_stable => {
            return Err(stable_refused(&branch, &channel, &v.to_string(), again));
        }
        (None, _) if opts.allow_stable => (
            true,
            Some(format!(
                "relhook: a stable release on branch {branch}, as --allow-stable asks: its channel ({named}) makes {id} pre-releases"
            )),
        ),
        (None, _) => {
            opts.pre = Some(id.clone());
            (
                false,
                Some(format!(
                    "relhook: a {id} pre-release: branch {branch} is a channel ({named} of {}); `--allow-stable` makes a stable release",
                    crate::config::FILE_NAME
                )),
            )
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

/// The refusal of stable `version` on `branch`, whose channel makes pre-releases.
fn stable_refused(branch: &str, channel: &Channel, version: &str, again: &str) -> Refusal {
    Refusal::new(
        Reason::Channel,
        format!(
            "{version} is a stable release, and branch {branch} makes {} pre-releases ({})",
            channel.id,
            channel.named()
        ),
        format!(
            "`{again} --allow-stable` makes it there on purpose; `relhook release` makes the next {} pre-release",
            channel.id
        ),
    )
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

/// Why release tag `name` of `version` does not belong on channel branch `branch`: a stable
/// release, or another identifier's pre-release; `release`: the command that makes it on
/// purpose.
pub fn off_channel(name: &str, version: &Version, branch: &str, channel: &Channel) -> String {
    let id = &channel.id;
    let what = match version.pre.is_empty() {
        true => "a stable release".to_owned(),
        false => format!("no {id} pre-release"),
    };
    format!(
        "`{name}` is {what}, and branch {branch} makes {id} pre-releases ({})",
        channel.named()
    )
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
