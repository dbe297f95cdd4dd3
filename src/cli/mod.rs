//! The command line: parses arguments, loads the configuration once, runs one command and
//! maps its outcome to an exit code. The only module that prints.

mod applypatch;
mod args;
mod changelog;
mod cleanup_flag;
mod commit;
mod context;
mod direct;
mod doctor;
mod doctor_ahead;
mod doctor_awaiting;
mod doctor_changelog;
mod doctor_dropped;
mod doctor_elsewhere;
mod doctor_files;
mod doctor_git_locks;
mod doctor_left_behind;
mod doctor_link;
mod doctor_midway;
mod doctor_missed;
mod doctor_one_fix;
mod doctor_released;
mod doctor_settings;
mod doctor_signing;
mod doctor_stranded;
mod doctor_temporaries;
mod doctor_uncommitted;
mod doctor_unfinished;
mod doctor_unlisted;
mod doctor_unpushed;
mod doctor_untested;
mod doctor_workspace;
mod exit;
mod huge_changelog;
mod init;
mod init_refused;
mod install;
mod json;
mod json_refused;
mod json_replaced;
mod killed;
mod killed_config;
mod linked;
mod lint;
mod lint_input;
mod man;
mod monorepo;
mod notes;
mod passed_over;
mod pasted;
mod plan;
mod prepush;
mod prepush_behind;
mod progress;
mod pushed_tag;
mod rebuild_guard;
mod recovered;
mod release;
mod release_after;
mod release_hand;
mod release_next;
mod release_older;
mod release_options;
mod release_packages;
mod release_resume;
mod replaced;
mod stopping;
mod stream;
mod tag;
mod tag_anyway;
mod tag_dependents;
mod tag_pending;
mod tag_private_root;
mod tag_unchecked;
mod tally;
mod template;
mod test;
mod told;
mod version;
mod version_taken;
mod work_counts;
mod written;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub use args::Cli;
use args::{ColorChoice, Command, HookCommand};
pub(crate) use context::Context;
pub use exit::Outcome;

use crate::{Error, Result};

/// Runs relhook with these arguments (the first is the program name) and returns the exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // post-commit defers Ctrl-C (SIGTERM, SIGHUP) from its very start: git ignores the hook's
    // exit, so one killed before its own guard left the commit without its entry, unsaid.
    // Noted, it stops the hook before any work, in its one line (see `changelog`).
    let deferred = direct::is_post_commit(&args).then(crate::interrupt::Deferred::begin);
    if deferred.is_some() {
        let _ = crate::failpoint::failpoint("post-commit-started");
    }
    crate::interrupt::file_size_limit_as_error();
    let later = match direct::from_shebang(&mut args) {
        Ok(later) => later,
        Err(code) => return code,
    };
    let code = run_args(&args);
    // The hook it chains runs with the signals as git left them.
    drop(deferred);
    // A Ctrl-C post-commit deferred (see `interrupt`) asked to stop: the hook it chains is not
    // started after it, as the sh shim, which the same signal ends, does not start it.
    if let Some(later) = later.filter(|_| crate::interrupt::received().is_none()) {
        later.run();
    }
    code
}

/// [`run`], once the hook's `#!` form is turned into a command.
fn run_args(args: &[OsString]) -> ExitCode {
    let linked = match linked::gate(args) {
        Some(Err(code)) => return code,
        Some(Ok(cli)) => Some(cli),
        None => None,
    };
    let cli = match linked
        .or_else(|| hot_path(args))
        .map_or_else(|| parse(args), Ok)
    {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            if e.use_stderr() && asks_for_json(args) {
                // Machines read stdout: a usage error is a JSON document there too.
                let _ = json::print(&json::ErrorReport::usage(&e));
            }
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let bypass = bypass(&cli.command);
    let ctx = match Context::new(&cli) {
        Ok(ctx) => ctx,
        Err(e) => return fail(&e, use_color(cli.color, &std::io::stderr()), bypass),
    };
    let json_mode = wants_json(&cli.command);
    let github_mode =
        matches!(&cli.command, Command::Check(a) if a.format == args::CheckFormat::Github);
    let gitlab_mode =
        matches!(&cli.command, Command::Check(a) if a.format == args::CheckFormat::Gitlab);
    let result = dispatch(&ctx, cli.command);
    work_counts::print();
    match &result {
        Err(e) => {
            fail(e, ctx.color_err, bypass);
            if json_mode {
                // Machines read stdout: the error is a JSON document there too.
                let _ = json::print(&json::ErrorReport::new(e, exit::number(&result)));
            }
            if github_mode {
                // In GitHub Actions the reason (and its fix) shows on the run as an annotation.
                let _ = write_out(|out| crate::commit::report::github_error(out, e));
            }
            if gitlab_mode {
                // GitLab's code-quality artifact must stay a JSON array: the reason is its issue.
                let _ = json::print(&[crate::commit::report::CodeQualityIssue::could_not_run(e)]);
            }
            exit::code(&result)
        }
        Ok(_) => exit::code(&result),
    }
}

/// How the git command a hook stops goes on without relhook, said under an error of the
/// configuration file (which stops the hook each time until it is fixed); a command the user
/// ran has nothing to bypass, and post-commit stops nothing.
fn bypass(command: &Command) -> Option<&'static str> {
    match command {
        Command::Hook(HookCommand::CommitMsg { .. }) => Some(
            "`git commit --no-verify ...` or `RELHOOK_SKIP=1 git commit ...` commits without relhook",
        ),
        Command::Hook(HookCommand::PrePush { .. }) => Some(
            "the same `git push` again with `--no-verify`, or with `RELHOOK_SKIP=1 ` in front, pushes without relhook",
        ),
        _ => None,
    }
}

/// Whether the command was asked for `--format json`, so that an
/// error is also given as JSON on stdout.
fn wants_json(command: &Command) -> bool {
    use args::{CheckFormat, Format};
    match command {
        Command::Lint(a) => a.format == Format::Json,
        Command::Check(a) => a.format == CheckFormat::Json,
        Command::Changelog(a) => a.format == Format::Json,
        Command::Version(a) => a.format == Format::Json,
        Command::Release(a) => a.format == Format::Json,
        Command::Notes(a) => a.format == Format::Json,
        Command::Doctor(a) => a.format == Format::Json,
        _ => false,
    }
}

/// Whether the command line asks for `--format json` (before any `--`), for a usage error
/// clap finds before relhook knows which command it is.
fn asks_for_json(args: &[OsString]) -> bool {
    let words: Vec<&OsString> = args
        .iter()
        .skip(1)
        .take_while(|a| a.as_os_str() != "--")
        .collect();
    words.iter().any(|a| a.as_os_str() == "--format=json")
        || words
            .windows(2)
            .any(|w| w[0].as_os_str() == "--format" && w[1].as_os_str() == "json")
}

/// Parses with [`args::command`] (global options listed once).
fn parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let matches = args::command().try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// The hooks run on every commit (reference-transaction on a tag, twice), and building clap's
/// whole command tree costs more than the lint itself: the exact forms the shims use
/// (`hook commit-msg FILE`, `hook post-commit`, `hook reference-transaction STATE`,
/// `hook pre-push REMOTE URL`) and `lint FILE` are read directly (a test checks that clap
/// reads them the same way). Anything else goes to clap.
fn hot_path(args: &[OsString]) -> Option<Cli> {
    let file = |f: &OsString| {
        (!f.is_empty() && !f.to_string_lossy().starts_with('-')).then(|| PathBuf::from(f))
    };
    let word = |w: &OsString| {
        w.to_str()
            .filter(|w| !w.is_empty() && !w.starts_with('-'))
            .map(str::to_owned)
    };
    let command = match args {
        [_, hook, name, f] if hook == "hook" && name == "commit-msg" => {
            Command::Hook(HookCommand::CommitMsg { file: file(f)? })
        }
        [_, hook, name] if hook == "hook" && name == "post-commit" => {
            Command::Hook(HookCommand::PostCommit)
        }
        [_, hook, name] if hook == "hook" && name == "post-applypatch" => {
            Command::Hook(HookCommand::PostApplypatch)
        }
        [_, hook, name, state] if hook == "hook" && name == "reference-transaction" => {
            Command::Hook(HookCommand::ReferenceTransaction {
                state: word(state)?,
                input: None,
            })
        }
        [_, hook, name, remote, url] if hook == "hook" && name == "pre-push" => {
            Command::Hook(HookCommand::PrePush {
                remote: Some(word(remote)?),
                url: Some(word(url)?),
            })
        }
        [_, lint, f] if lint == "lint" => Command::Lint(args::LintArgs {
            file: Some(file(f)?),
            message: None,
            format: args::Format::Text,
            cleanup: args::CleanupArg::Auto,
            strict: false,
        }),
        _ => return None,
    };
    Some(Cli {
        color: ColorChoice::Auto,
        config: None,
        command,
    })
}

fn fail(e: &Error, color: bool, bypass: Option<&str>) -> ExitCode {
    exit::print_error(&mut crate::cli::stream::styled_stderr(), e, color, bypass);
    ExitCode::from(2)
}

fn dispatch(ctx: &Context, command: Command) -> Result<Outcome> {
    match command {
        Command::Lint(a) => lint::lint(ctx, &a),
        Command::Check(a) => lint::check(ctx, &a),
        Command::Changelog(a) => changelog::changelog(ctx, &a),
        Command::Version(a) => version::version(ctx, &a),
        Command::Release(a) => release::release(ctx, &a),
        Command::Notes(a) => notes::notes(ctx, &a),
        Command::Test(a) => test::test(ctx, &a),
        Command::Completions { shell } => man::completions(shell),
        Command::Man(a) => man::man(&a),
        Command::Commit(a) => commit::commit(ctx, &a),
        Command::Install(a) => install::install(ctx, &a),
        Command::Uninstall(a) => install::uninstall(ctx, &a),
        Command::Doctor(a) => doctor::doctor(ctx, &a),
        Command::Init => init::init(ctx),
        Command::Hook(HookCommand::CommitMsg { file }) => lint::commit_msg_hook(ctx, &file),
        Command::Hook(HookCommand::PostCommit) => changelog::post_commit_hook(ctx),
        Command::Hook(HookCommand::PostApplypatch) => applypatch::post_applypatch_hook(ctx),
        Command::Hook(HookCommand::ReferenceTransaction { state, input }) => {
            tag::reference_transaction(ctx, &state, input)
        }
        Command::Hook(HookCommand::PrePush { remote, url }) => {
            prepush::pre_push_hook(ctx, remote.as_deref(), url.as_deref())
        }
        Command::Hook(HookCommand::MergeChangelog {
            marker_size,
            base_label,
            ours_label,
            theirs_label,
            base,
            ours,
            theirs,
            name,
        }) => {
            let labels = changelog::GivenLabels::new([ours_label, base_label, theirs_label]);
            changelog::merge_driver(
                ctx,
                (&base, &ours, &theirs),
                name.as_deref(),
                (marker_size, labels),
            )
        }
    }
}

fn use_color(choice: ColorChoice, stream: &impl IsTerminal) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && stream.is_terminal()
        }
    }
}

/// Writes to stdout, turning a write failure into an `Error` (a closed pipe is none: see
/// [`stream`]).
fn write_out(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut out = crate::cli::stream::stdout();
    f(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("write", "<stdout>", e))
}

/// [`write_out`] for a report of relhook's own (install, uninstall, doctor, init): a control
/// character in a path it names is shown, never obeyed (`stream::shown_stdout`).
fn write_shown(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut out = crate::cli::stream::shown_stdout();
    f(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("write", "<stdout>", e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn hot_path_reads_what_clap_reads() {
        let os = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        for form in [
            &["relhook", "hook", "commit-msg", ".git/COMMIT_EDITMSG"][..],
            &["relhook", "lint", "msg.txt"],
            &["relhook", "hook", "post-commit"],
            &["relhook", "hook", "post-applypatch"],
            &["relhook", "hook", "reference-transaction", "prepared"],
            &["relhook", "hook", "reference-transaction", "committed"],
            &[
                "relhook",
                "hook",
                "pre-push",
                "origin",
                "git@example.com:a/b.git",
            ],
        ] {
            let fast = hot_path(&os(form)).expect("hot path");
            let clap = Cli::try_parse_from(os(form)).unwrap();
            assert_eq!(format!("{fast:?}"), format!("{clap:?}"), "{form:?}");
        }
        for other in [
            &["relhook", "lint", "-"][..],
            &["relhook", "lint", "--help"],
            &["relhook", "hook", "commit-msg"],
            &["relhook", "hook", "post-commit", "--help"],
            &["relhook", "hook", "reference-transaction", "--help"],
            &["relhook", "hook", "pre-push", "origin", "-"],
            &["relhook", "check"],
        ] {
            assert!(hot_path(&os(other)).is_none(), "{other:?}");
        }
    }
}
