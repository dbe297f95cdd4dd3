//! What post-commit names after `RELHOOK_SKIP=1 git commit`: the command that adds the
//! skipped commit's entry. In a monorepo plain `--sync` is the root's changelog only (when
//! there is one), so the commit's packages decide it: found from HEAD and its parent's trees
//! along the packages' paths, never by walking history (a skip must stay cheap).

use super::super::Context;
use crate::history::packages;

/// The command that adds the entry of the commit just made (HEAD).
pub(in crate::cli) fn sync_command(ctx: &Context) -> String {
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
