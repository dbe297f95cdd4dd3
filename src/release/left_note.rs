//! The note on a found version file a release leaves as it is: in full in the JSON report,
//! and on stderr with a long list of the files that hold the version cut to its first few
//! names, as a monorepo's dozens of package.json files would fill the terminal on every
//! release. Each file is named once: the `files` line that stops the note, when it is short
//! enough to paste, is where the files that hold the version are named.

use std::fmt;

use crate::config::Config;

/// How many files a note names on stderr before "and N more".
const SHOWN: usize = 3;

/// A note, in full (the JSON report's) and as stderr says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftNote {
    /// Every file named.
    pub full: String,
    /// A long list of files cut short; the same as `full` otherwise.
    pub short: String,
}

impl From<String> for LeftNote {
    fn from(note: String) -> Self {
        LeftNote {
            full: note.clone(),
            short: note,
        }
    }
}

impl fmt::Display for LeftNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short)
    }
}

/// The files a note on a file left alone names: those that hold the version, and the
/// `[version] files` entries of those the release bumps.
pub(super) struct Held<'a> {
    pub files: &'a [String],
    pub kept: &'a [String],
}

/// The note on a file left alone (`what`: what it says, against what), for a release of the
/// root project that bumps from `current`; `fix`: the way on for a file above the release, or
/// `None` for the usual one; `private`: the file is a private package.json, whose version can
/// go (npm needs none there), which stops the note for good where a `files` list would have
/// to name every package added later.
pub(super) fn note(
    config: &Config,
    what: &str,
    current: &semver::Version,
    held: Held<'_>,
    fix: Option<String>,
    private: bool,
) -> LeftNote {
    let Held { files: held, kept } = held;
    // The `files` line that stops the note names the files that hold the version: with it,
    // they are not named again.
    let (fix, named) = match (fix, &config.package) {
        (Some(fix), _) => (fix, false),
        (None, Some(p)) => (
            format!(
                "if it holds package {}'s version too, set it to {current} and commit (relhook then bumps it with the others)",
                p.name
            ),
            false,
        ),
        (None, None) => {
            let list = "if it holds the project's version too, list it in `[version] files` in .relconfig.toml";
            if private {
                let stop = "if not, delete its `\"version\"` line to stop this note: a private package.json (`\"private\": true`) needs none";
                (format!("{list}; {stop}"), false)
            } else if kept.len() > SHOWN + 1 {
                let stop = "to stop this note, set `[version] detect = false` there and list in `files` every file that holds the version";
                (format!("{list}; {stop}"), false)
            } else {
                let stop = format!(
                    "to stop this note, set `[version] detect = false` and `files = [{}]` there, the files that hold the version",
                    kept.join(", ")
                );
                (format!("{list}; {stop}"), true)
            }
        }
    };
    let verb = if held.len() == 1 { "holds" } else { "hold" };
    let say = |names: String| {
        let holders = if named {
            String::new()
        } else {
            format!(" ({names} {verb} the version)")
        };
        format!("{what}, so the release leaves it as it is{holders}; {fix}")
    };
    LeftNote {
        full: say(held.join(", ")),
        short: say(shortened(held)),
    }
}

/// `names` joined, cut to the first [`SHOWN`] and "and N more" when there are more than one
/// beyond them.
pub fn shortened(names: &[String]) -> String {
    if names.len() <= SHOWN + 1 {
        return names.join(", ");
    }
    format!(
        "{} and {} more",
        names[..SHOWN].join(", "),
        names.len() - SHOWN
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_is_cut_short_on_stderr_only() {
        let names: Vec<String> = (1..=6).map(|i| format!("p{i}/package.json")).collect();
        assert_eq!(
            shortened(&names),
            "p1/package.json, p2/package.json, p3/package.json and 3 more"
        );
        assert_eq!(shortened(&names[..4]), names[..4].join(", "));
    }
}
