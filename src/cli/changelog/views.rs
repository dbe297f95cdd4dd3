//! Which changelogs `relhook changelog` works on: the root's, a package's (`--package`), or
//! a monorepo's packages and its root's if it has one (`--all`).

use std::io::Write;
use std::path::Path;

use crate::cli::args::ChangelogArgs;
use crate::config::Config;
use crate::history::packages;
use crate::{Error, Result};

/// The changelogs to work on, and the arguments as they are taken (`--all` made explicit).
pub(super) fn chosen(
    err: &mut dyn Write,
    root: &Path,
    config: Config,
    args: &ChangelogArgs,
) -> Result<(ChangelogArgs, Vec<Config>)> {
    // A monorepo whose root keeps no changelog: `--sync` means its packages' (the fix several
    // messages name as plain `--sync`), not a new root file holding every package's entries;
    // so does `--rebuild` where the root is never released (`init` writes it no changelog).
    let unreleased = || packages::private_root::unreleased(root).is_some();
    let all = args.all
        || ((!args.rebuild || unreleased())
            && !args.stdout
            && args.package.is_none()
            && !config.packages.is_empty()
            && !root.join(&config.changelog.path).exists()
            && {
                let (doing, flag) = match args.rebuild {
                    true => ("rebuilding", "--rebuild"),
                    false => ("syncing", "--sync"),
                };
                let _ = writeln!(
                    err,
                    "relhook: a monorepo without a root {}: {doing} every package's changelog (`{flag} --all`)",
                    config.changelog.path.display()
                );
                true
            });
    let args = ChangelogArgs {
        all,
        ..args.clone()
    };
    let views = match &args.package {
        Some(name) => vec![packages::view(&config, name, root)?],
        None if args.all => {
            if config.packages.is_empty() {
                return Err(Error::Usage(
                    "--all is for a monorepo: .relconfig.toml has no [packages.<name>] tables"
                        .into(),
                ));
            }
            packages::confine_all(&config, root)?;
            // The root changelog of a monorepo is optional: synced when it exists.
            let root_log = root
                .join(&config.changelog.path)
                .exists()
                .then(|| config.clone());
            let mut views: Vec<Config> = root_log.into_iter().collect();
            for p in &config.packages {
                views.push(packages::view(&config, &p.name, root)?);
            }
            views
        }
        None => vec![config],
    };
    Ok((args, views))
}
