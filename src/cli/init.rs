//! `relhook init`: reports the files `crate::init` wrote or left alone, the packages it found
//! and the test command it set.

use super::install::rel;
use super::{Context, Outcome, write_out};
use crate::Result;

/// `relhook init`.
pub(super) fn init(ctx: &Context) -> Result<Outcome> {
    let root = ctx
        .locate()
        .and_then(|l| l.work_tree)
        .unwrap_or_else(|| ctx.cwd.clone());
    let done = crate::init::init(&root)?;
    write_out(|out| {
        for f in &done.files {
            let name = rel(&f.path, &root);
            if f.written {
                writeln!(out, "wrote {name}")?;
            } else {
                writeln!(out, "left {name} alone: it already exists")?;
            }
        }
        if !done.packages.is_empty() {
            let names: Vec<String> = done
                .packages
                .iter()
                .map(|p| format!("{} ({})", p.name, p.path.display()))
                .collect();
            let config_written = done.files.first().is_some_and(|f| f.written);
            if config_written {
                writeln!(
                    out,
                    "found {} packages, each with its own changelog, version and tags: {}; their [packages.*] tables are in .relconfig.toml",
                    names.len(),
                    names.join(", ")
                )?;
            } else {
                writeln!(
                    out,
                    "found {} packages: {}; to give each its own changelog, version and tags, add these tables to .relconfig.toml:\n{}",
                    names.len(),
                    names.join(", "),
                    done.package_tables
                )?;
            }
        }
        if let Some(argv) = done.test_command {
            writeln!(
                out,
                "set `[checks] test = {argv}`: `relhook test` and `relhook release` run it; edit it if your tests run otherwise"
            )?;
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}
