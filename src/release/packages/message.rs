//! The message of a monorepo release commit: `release.commit_message` with the release tags
//! for `{version}` (`chore(release): api-v1.2.0, web-v0.3.0`), and how the tags are read back
//! from it (a half-made release, one to make again). A header longer than the lint allows
//! (several packages with long names) would be refused by relhook's own pre-push: the header
//! then says how many packages it releases and the tags follow, one a line, below it.

use crate::commit::vocab::{Level, Rule};
use crate::config::Config;

/// The release commit message for `tags`.
pub fn commit_message(config: &Config, tags: &[&str]) -> String {
    let template = &config.release.commit_message;
    let whole = template.replace("{version}", &tags.join(", "));
    let header = whole.lines().next().unwrap_or("");
    let limit = config.commit.header_max_length;
    if tags.len() < 2
        || config.commit.levels.of(Rule::HeaderMaxLength) == Level::Off
        || header.chars().count() <= limit
    {
        return whole;
    }
    let (first, rest) = template.split_once('\n').unwrap_or((template, ""));
    let header = first.replace("{version}", &format!("{} packages", tags.len()));
    let mut message = format!("{header}\n\n{}\n", tags.join("\n"));
    let rest = rest.trim_start_matches('\n');
    if !rest.is_empty() {
        message = message + "\n" + &rest.replace("{version}", &tags.join(", "));
    }
    message
}

/// [`commit_message`], refused when it would fail the lint: the tags are known only once
/// planned, and a header they make too long is refused before anything is written, as the
/// root's release refuses its own.
pub fn checked(config: &Config, tags: &[&str]) -> crate::Result<String> {
    let message = commit_message(config, tags);
    match crate::history::unlinted::message_problem(config, &message) {
        None => Ok(message),
        Some(why) => {
            let fix = "shorten `release.commit_message` in .relconfig.toml, or raise `commit.header_max_length`";
            Err(crate::Error::Refused(crate::error::Refusal::new(
                crate::error::Reason::CommitMessage,
                why,
                fix,
            )))
        }
    }
}

/// The tags a release commit `message` names: in its header, or, where the header says how
/// many packages it releases, on the lines below it.
pub fn tags_named(config: &Config, message: &str) -> Option<Vec<String>> {
    let template = config.release.commit_message.lines().next()?;
    let subject = message.lines().next()?.trim_end();
    let (before, after) = template.split_once("{version}")?;
    let middle = subject.strip_prefix(before)?.strip_suffix(after)?;
    let Some(count) = middle
        .strip_suffix(" packages")
        .and_then(|n| n.parse::<usize>().ok())
    else {
        return Some(middle.split(", ").map(str::to_owned).collect());
    };
    let mut body = message.lines().skip(1).skip_while(|l| l.trim().is_empty());
    let tags: Vec<String> = body
        .by_ref()
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_owned())
        .collect();
    (tags.len() == count).then_some(tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(toml: &str) -> Config {
        Config::parse(std::path::Path::new(".relconfig.toml"), toml).unwrap()
    }

    #[test]
    fn a_header_too_long_lists_the_tags_below_it() {
        let c = config("");
        let short = ["a-v1.0.0", "b-v2.0.0"];
        assert_eq!(
            commit_message(&c, &short),
            "chore(release): a-v1.0.0, b-v2.0.0"
        );
        assert_eq!(
            tags_named(&c, "chore(release): a-v1.0.0, b-v2.0.0").unwrap(),
            short
        );
        let long = [
            "parser-backend-core-v1.0.0",
            "parser-frontend-core-v1.0.0",
            "parser-runtime-corexx-v1.0.0",
        ];
        let message = commit_message(&c, &long);
        assert_eq!(
            message,
            "chore(release): 3 packages\n\nparser-backend-core-v1.0.0\nparser-frontend-core-v1.0.0\nparser-runtime-corexx-v1.0.0\n"
        );
        assert_eq!(tags_named(&c, &message).unwrap(), long);
        // Its lint passes.
        let verdict =
            crate::commit::lint::lint_stored(&message, &c.commit, crate::commit::lint::Mode::Check);
        assert!(verdict.diagnostics.is_empty(), "{verdict:?}");
        // A miscount names nothing.
        assert_eq!(
            tags_named(&c, "chore(release): 2 packages\n\na-v1.0.0\n"),
            None
        );
    }

    #[test]
    fn the_templates_own_body_follows_and_an_unlimited_header_stays_whole() {
        let c = config(
            "[commit]\nheader_max_length = 30\n[release]\ncommit_message = \"chore(release): {version}\\n\\n[skip ci]\"\n",
        );
        let message = commit_message(&c, &["a-v1.0.0", "b-v2.0.0"]);
        assert_eq!(
            message,
            "chore(release): 2 packages\n\na-v1.0.0\nb-v2.0.0\n\n[skip ci]"
        );
        assert_eq!(tags_named(&c, &message).unwrap(), ["a-v1.0.0", "b-v2.0.0"]);
        let off = config(
            "[commit]\nheader_max_length = 30\n[commit.rules]\nheader-max-length = \"off\"\n",
        );
        assert_eq!(
            commit_message(&off, &["a-v1.0.0", "b-v2.0.0"]),
            "chore(release): a-v1.0.0, b-v2.0.0"
        );
    }
}
