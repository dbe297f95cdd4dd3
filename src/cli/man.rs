//! `relhook man` and `relhook completions`: generated from the same clap command tree as the
//! parser, so they cannot drift from it. Both render into memory first, then write: a closed
//! pipe (`relhook completions bash | true`) is then an ordinary write error, which exits 0
//! quietly, instead of a panic inside the generator.

use std::path::{Path, PathBuf};

use clap::CommandFactory;

use super::args::{Cli, ManArgs};
use super::{Outcome, write_out};
use crate::{Error, Result};

/// `relhook completions <shell>`.
pub(super) fn completions(shell: clap_complete::Shell) -> Result<Outcome> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "relhook", &mut buf);
    write_out(|out| out.write_all(&buf))?;
    Ok(Outcome::Ok)
}

/// Every page: `relhook` and one per subcommand (`relhook-check`, `relhook-hook-commit-msg`),
/// as (file name, roff text).
fn pages() -> Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = super::args::command();
    // Building gives each subcommand its full name (`relhook-check`) as display name.
    cmd.build();
    let mut out = Vec::new();
    collect(&cmd, "relhook", &mut out)?;
    Ok(out)
}

fn collect(cmd: &clap::Command, name: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    let mut buf = Vec::new();
    // A built command's subcommands carry their full name (`relhook-check`) as display name,
    // which becomes the page's title, as `man relhook-check` expects.
    clap_mangen::Man::new(cmd.clone())
        .source(format!("relhook {}", env!("CARGO_PKG_VERSION")))
        .manual("relhook manual")
        .render(&mut buf)
        .map_err(|e| Error::io("write", format!("{name}.1"), e))?;
    out.push((name.to_owned(), buf));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        collect(sub, &format!("{name}-{}", sub.get_name()), out)?;
    }
    Ok(())
}

/// `relhook man [COMMAND] [--dir DIR]`.
pub(super) fn man(args: &ManArgs) -> Result<Outcome> {
    let pages = pages()?;
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir.clone(), e))?;
        let mut written = Vec::new();
        for (name, text) in &pages {
            let path: PathBuf = dir.join(format!("{name}.1"));
            crate::fsx::write_atomic(&path, text)?;
            written.push(path);
        }
        write_out(|out| {
            writeln!(
                out,
                "wrote {} man pages to {} (e.g. `man -l {}`)",
                written.len(),
                dir.display(),
                Path::new(&written[0]).display()
            )
        })?;
        return Ok(Outcome::Ok);
    }
    let wanted = match &args.command {
        Some(c) => format!("relhook-{}", c.join("-")),
        None => "relhook".to_owned(),
    };
    let Some((_, text)) = pages.iter().find(|(n, _)| *n == wanted) else {
        let known: Vec<&str> = pages
            .iter()
            .filter_map(|(n, _)| n.strip_prefix("relhook-"))
            .collect();
        return Err(Error::Usage(format!(
            "no man page for `{}` (pages: {})",
            wanted.trim_start_matches("relhook-"),
            known.join(", ")
        )));
    };
    write_out(|out| out.write_all(text))?;
    Ok(Outcome::Ok)
}
