//! What post-commit names after `RELHOOK_SKIP=1 git commit`: the command that adds the
//! skipped commit's entry. In a monorepo plain `--sync` is the root's changelog only (when
//! there is one), so the commit's packages decide it: found from HEAD and its parent's trees
//! along the packages' paths, never by walking history (a skip must stay cheap). A commit
//! whose message calls for no entry (`chore: tidy`) misses none, and nothing is claimed.

use super::super::Context;
use crate::history::packages;

/// What the skipped post-commit leaves out, said after "post-commit skipped": the entry and
/// the command that adds it, or that the commit (HEAD) calls for none.
pub(in crate::cli) fn what_is_missed(ctx: &Context) -> String {
    let message = ctx
        .open()
        .ok()
        .and_then(|(repo, _, config)| Some((repo.commit_text(repo.head()?)?, config)));
    match message {
        Some((m, config)) if !calls_for_entry(&m, &config.changelog) => {
            " (this commit calls for no entry)".into()
        }
        _ => format!(
            ", no changelog entry added for this commit (`{}` adds the missing ones)",
            sync_command(ctx)
        ),
    }
}

/// Whether commit `message` gets an entry: a revert may take one out, so it counts as one.
fn calls_for_entry(message: &str, config: &crate::config::ChangelogConfig) -> bool {
    let header = message.lines().next().unwrap_or("");
    let revert = header.starts_with("Revert \"") || header.starts_with("revert");
    revert || crate::history::changelog::entry::entry_for_message(message, config, None).is_some()
}

/// What `--sync` says, writing nothing, for changelog `rel` that does not exist while
/// history has no entry for it: an empty skeleton is no change worth a commit. After a
/// release, "no entry yet" would be wrong (that release's commits may have had some): a
/// project adopting relhook gets its released sections from a rebuild.
pub(in crate::cli) fn unmade(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
    rel: &std::path::Path,
) -> String {
    let prefix = config.version.tag_prefix.as_str();
    match repo.head().and_then(|h| repo.latest_release_tag(h, prefix)) {
        Some((tag, _)) => format!(
            "no {} written: nothing since the last release ({tag}) calls for an entry; `{}` writes it from history with the releases made so far (for a project adopting relhook)",
            rel.display(),
            crate::history::sync::changelog_command(config, rel, "--rebuild")
        ),
        None => format!(
            "no {} written: history has no entry for it yet (the first commit that calls for one creates it)",
            rel.display()
        ),
    }
}

/// The command that adds the entry of the commit just made (HEAD).
fn sync_command(ctx: &Context) -> String {
    const ROOT: &str = "relhook changelog --sync";
    let Ok((repo, _, config)) = ctx.open() else {
        return ROOT.into();
    };
    if config.packages.is_empty() {
        return ROOT.into();
    }
    let message = |id| repo.commit_text(id).unwrap_or_default();
    let found = repo
        .head()
        .and_then(|h| packages::attribute(&repo, &config, h, &message(h)).ok());
    match found {
        Some(a) if a.packages.is_empty() => ROOT.into(),
        Some(a) if a.packages.len() == 1 && !a.root => format!(
            "relhook changelog --sync --package {}",
            crate::shellword::quote(&a.packages[0].name)
        ),
        // Several packages, the root's too, or not told: every changelog.
        _ => "relhook changelog --all".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::calls_for_entry;

    #[test]
    fn only_messages_with_an_entry_or_a_revert_call_for_one() {
        let config = crate::config::ChangelogConfig::default();
        assert!(calls_for_entry("fix: a", &config));
        assert!(calls_for_entry("chore!: drop x", &config));
        assert!(calls_for_entry("Revert \"chore: x\"", &config));
        assert!(!calls_for_entry("chore: tidy", &config));
        assert!(!calls_for_entry("fixup! fix: a", &config));
    }
}
