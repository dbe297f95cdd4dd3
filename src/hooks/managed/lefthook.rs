//! lefthook's configuration: how each hook stands in it, the section relhook writes, the
//! lines to add by hand to a section of the user's own (at that file's own indentation, so that
//! they paste as they are printed), and the calls left there by hand, which uninstall names.

use std::path::{Path, PathBuf};

mod format;
mod npm;
mod pasted;
mod printed;

pub use self::format::Format;
pub(super) use self::format::has_hook;
pub(super) use self::pasted::strip_pasted;
pub(super) use self::printed::strip_printed;
use super::{Wiring, block_of, calls, has_top_level_key, is_yaml, own_shim, read_text};
use crate::git::HooksLocation;
use crate::hooks::install::{Detected, Manager};

/// Said after `lefthook install` where no `lefthook` is on PATH (`top`: the work tree, whose
/// package.json may list lefthook already): named alone, it sent people to "command not
/// found" while their commits went unchecked.
fn not_on_path(top: &Path) -> String {
    format!(
        "lefthook is not on PATH here: install it first (https://lefthook.dev/installation/: `brew install lefthook`, `go install github.com/evilmartians/lefthook/v2@latest`, or `{}`, then `npx lefthook install`); until then lefthook runs none of these hooks",
        npm::install_command(top)
    )
}

/// [`not_on_path`], when `command` is `lefthook install` and no `lefthook` is on PATH.
pub fn missing(command: &str, top: &Path) -> Option<String> {
    (command == "lefthook install" && !crate::hooks::aside::on_path("lefthook"))
        .then(|| not_on_path(top))
}

/// Said where lefthook's hooks are installed but its runner finds no lefthook to run: the
/// runner says "Can't find lefthook in PATH" and lets the commit through, relhook unrun.
pub fn runner_finds_none(top: &Path) -> String {
    format!(
        "but lefthook's runner finds no lefthook here (not on PATH, not in node_modules, no `LEFTHOOK_BIN`), so it lets every commit and push through unchecked; install it (https://lefthook.dev/installation/: `brew install lefthook`, `go install github.com/evilmartians/lefthook/v2@latest`, or `{}`)",
        npm::install_command(top)
    )
}

/// Whether lefthook's runner finds a lefthook to run for the configuration at `file`, where
/// it looks: `LEFTHOOK_BIN`, PATH, and the project's node_modules (npm's package).
pub fn runner_finds(file: &std::path::Path) -> bool {
    let set = std::env::var_os("LEFTHOOK_BIN").is_some_and(|b| std::path::Path::new(&b).is_file());
    let top = file.parent().unwrap_or(std::path::Path::new("."));
    let modules = [
        "node_modules/.bin/lefthook",
        "node_modules/lefthook",
        "node_modules/@evilmartians/lefthook",
    ];
    set || crate::hooks::aside::on_path("lefthook") || modules.iter().any(|m| top.join(m).exists())
}

/// lefthook merges these over the shared configuration.
pub(super) const LOCAL_FILES: [&str; 8] = [
    "lefthook-local.yml",
    ".lefthook-local.yml",
    "lefthook-local.yaml",
    ".lefthook-local.yaml",
    "lefthook-local.toml",
    ".lefthook-local.toml",
    "lefthook-local.json",
    ".lefthook-local.json",
];

pub(super) fn lefthook_state(
    loc: &HooksLocation,
    config: &Path,
    hook: &'static str,
) -> (PathBuf, Wiring) {
    let text = read_text(&loc.work_tree.join(config));
    let file = config.to_owned();
    let hook_file = read_text(&loc.hooks_dir.join(hook));
    let shim = crate::hooks::recognise(hook_file.as_bytes()).is_some();
    if own_shim(Manager::Lefthook, hook) && block_of(&text, hook).is_some() {
        return (file, Wiring::Noisy);
    }
    if own_shim(Manager::Lefthook, hook) && !has_hook(config, &text, hook) {
        return (
            file,
            if shim {
                Wiring::Shim { shared: false }
            } else {
                Wiring::Missing
            },
        );
    }
    if calls(&text, hook) {
        let wiring = if hook_file.contains("lefthook") {
            Wiring::Wired
        } else if shim {
            Wiring::Shim { shared: true }
        } else {
            // lefthook from npm (`npm install -D lefthook`) is no command of its own.
            let npm = loc.work_tree.join("node_modules/.bin/lefthook").exists();
            Wiring::Inactive {
                command: if npm {
                    "npx lefthook install"
                } else {
                    "lefthook install"
                }
                .into(),
            }
        };
        return (file, wiring);
    }
    if !is_yaml(config) {
        let (run, stdin) = run_of(hook);
        let format = Format::of(config);
        let has_section = has_hook(config, &text, hook);
        let (snippet, place) = format::snippet(format, hook, &run, stdin, has_section)
            .unwrap_or_else(|| (lefthook_section(hook), "as a section"));
        return (
            file,
            Wiring::Manual {
                why: format!(
                    "relhook edits only a YAML lefthook configuration, and this one is {} (add the lines {place})",
                    config.display()
                ),
                snippet,
            },
        );
    }
    if let Some(place) = hand_place(&text, hook) {
        let why = if shim {
            "so relhook's own hook here runs only until lefthook writes its own over it (at the next `lefthook install`, or lefthook's next run after the file changed); add relhook's command to that section"
        } else {
            "add relhook's command to it"
        };
        return (
            file,
            Wiring::Manual {
                why: format!(
                    "{} already has a `{hook}:` section; {why}, below line {} (`{}`), indented as shown",
                    config.display(),
                    place.line,
                    place.text
                ),
                snippet: place.snippet,
            },
        );
    }
    if shim {
        return (file, Wiring::Shim { shared: false });
    }
    (file, Wiring::Missing)
}

/// The arguments lefthook passes on, and whether the hook reads standard input.
fn lefthook_args(hook: &str) -> (&'static str, bool) {
    match hook {
        "commit-msg" => (" {1}", false),
        "pre-push" => (" {1} {2}", true),
        "reference-transaction" => (" {1}", true),
        _ => ("", false),
    }
}

/// The `relhook:` command of a lefthook hook section, `indent` spaces in, its keys `step`
/// spaces more.
fn lefthook_command(hook: &str, indent: usize, step: usize) -> String {
    let (run, stdin) = run_of(hook);
    let (at, keys) = (" ".repeat(indent), " ".repeat(indent + step));
    let mut out = format!("{at}relhook:\n{keys}run: {run}\n");
    if stdin {
        out.push_str(&format!("{keys}use_stdin: true\n"));
    }
    out
}

/// The command lefthook runs for `hook` (a no-op where relhook is not installed), and whether
/// it reads standard input.
fn run_of(hook: &str) -> (String, bool) {
    let (args, stdin) = lefthook_args(hook);
    // As husky's block: the commit-msg check says once per commit that it was skipped. No
    // `: ` in it (it would end a plain YAML scalar) and no `"` (TOML and JSON strings).
    let otherwise = if hook == "commit-msg" {
        "; else echo 'relhook is not on PATH, so the commit message was not checked' >&2"
    } else {
        ""
    };
    (
        format!(
            "if command -v relhook >/dev/null 2>&1; then relhook hook {hook}{args}{otherwise}; fi"
        ),
        stdin,
    )
}

/// A whole top-level lefthook section calling relhook.
pub(super) fn lefthook_section(hook: &str) -> String {
    format!("{hook}:\n  commands:\n{}", lefthook_command(hook, 4, 2))
}

/// Where relhook's command goes in a `hook:` section of the user's own, and the lines.
struct HandPlace {
    /// The line to add them below, from 1.
    line: usize,
    /// Its text, trimmed.
    text: String,
    /// The lines, indented as the file indents that section.
    snippet: String,
}

/// Reads the user's `hook:` section for its own indentation: below its `commands:` line, the
/// command goes at the indentation of the commands already there (its keys as deep as theirs);
/// a section without `commands:` gets one, at the section's own indentation.
fn hand_place(text: &str, hook: &str) -> Option<HandPlace> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let meaningful = |l: &&&str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    let start = lines.iter().position(|l| has_top_level_key(l, hook))?;
    let end = lines[start + 1..]
        .iter()
        .position(|l| meaningful(&l) && indent(l) == 0)
        .map_or(lines.len(), |p| start + 1 + p);
    let body = &lines[start + 1..end];
    let child = body.iter().find(meaningful).map_or(2, |l| indent(l)).max(1);
    let is_commands = |l: &str| {
        l.trim_start()
            .strip_prefix("commands")
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    };
    let at = body
        .iter()
        .position(|l| meaningful(&l) && indent(l) == child && is_commands(l));
    let Some(i) = at else {
        let snippet = format!(
            "{}commands:\n{}",
            " ".repeat(child),
            lefthook_command(hook, 2 * child, child)
        );
        let text = lines[start].trim().to_owned();
        return Some(HandPlace {
            line: start + 1,
            text,
            snippet: marked(&snippet),
        });
    };
    let deeper: Vec<usize> = body[i + 1..]
        .iter()
        .filter(meaningful)
        .map(|l| indent(l))
        .take_while(|&n| n > child)
        .collect();
    let command = deeper.first().copied().unwrap_or(2 * child);
    let step = deeper
        .iter()
        .find(|&&n| n > command)
        .map_or(command - child, |n| n - command);
    Some(HandPlace {
        line: start + 1 + i + 1,
        text: body[i].trim().to_owned(),
        snippet: marked(&lefthook_command(hook, command, step)),
    })
}

/// The lines to paste between relhook's marker lines at their own indentation, so that
/// `relhook uninstall --shared` takes them out as it does relhook's own sections.
fn marked(snippet: &str) -> String {
    let pad = &snippet[..snippet.len() - snippet.trim_start().len()];
    format!("{pad}{}\n{snippet}{pad}{}\n", super::BEGIN, super::END)
}

/// A call of relhook someone added by hand to lefthook's configuration, which uninstall (taking
/// out only the sections relhook wrote) leaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandCall {
    /// The configuration file, relative to the work tree.
    pub file: PathBuf,
    /// The first and the last line of the lefthook command that runs it (its `relhook:` key
    /// through its last key), from 1.
    pub lines: (usize, usize),
    /// The call, e.g. `relhook hook commit-msg {1}`.
    pub call: String,
}

/// Every line of lefthook's configuration (shared and local) outside relhook's own sections
/// that still runs relhook.
pub fn hand_calls(loc: &HooksLocation, managers: &[Detected]) -> Vec<HandCall> {
    let Some(config) = managers.iter().find(|m| m.manager == Manager::Lefthook) else {
        return Vec::new();
    };
    let files = std::iter::once(config.evidence.as_path()).chain(LOCAL_FILES.iter().map(Path::new));
    let mut found = Vec::new();
    for file in files {
        let text = read_text(&loc.work_tree.join(file));
        let mut inside = false;
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            match line.trim() {
                l if super::marker::opening(l).is_some() => inside = true,
                super::END => inside = false,
                _ if inside => {}
                _ => {
                    if let Some(at) = line.find("relhook hook ") {
                        let rest = &line[at..];
                        let end = rest.find([';', '&', '|', '"', '\'']).unwrap_or(rest.len());
                        found.push(HandCall {
                            file: file.to_owned(),
                            lines: command_block(&lines, n),
                            call: rest[..end].trim().to_owned(),
                        });
                    }
                }
            }
        }
    }
    found
}

/// The lines (from 1) of the lefthook command whose `run:` is line `at` (from 0): its name's
/// key above and every key below that is deeper than the name. A call anywhere else (a
/// script's line) is the line alone.
fn command_block(lines: &[&str], at: usize) -> (usize, usize) {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let meaningful = |l: &str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    let alone = (at + 1, at + 1);
    let run = lines[at]
        .trim_start()
        .strip_prefix("run")
        .map(str::trim_start);
    // TOML: the command is the table whose header is above, down to the next header.
    if run.is_some_and(|r| r.starts_with('=')) {
        let is_header = |l: &str| l.trim_start().starts_with('[');
        let Some(header) = (0..at).rev().find(|&i| is_header(lines[i])) else {
            return alone;
        };
        let last = (at..lines.len())
            .take_while(|&i| i == at || !is_header(lines[i]))
            .filter(|&i| meaningful(lines[i]))
            .last()
            .unwrap_or(at);
        return (header + 1, last + 1);
    }
    if !run.is_some_and(|r| r.starts_with(':')) {
        return alone;
    }
    let Some(key) = (0..at)
        .rev()
        .find(|&i| meaningful(lines[i]) && indent(lines[i]) < indent(lines[at]))
    else {
        return alone;
    };
    let name = lines[key].trim();
    if !name.ends_with(':') || name == "commands:" || name == "jobs:" {
        return alone;
    }
    let last = (key + 1..lines.len())
        .take_while(|&i| !meaningful(lines[i]) || indent(lines[i]) > indent(lines[key]))
        .filter(|&i| meaningful(lines[i]))
        .last()
        .unwrap_or(at);
    (key + 1, last + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_added_command_is_named_whole() {
        let file = "commit-msg:\n  commands:\n    mine:\n      run: echo\n    relhook:\n      run: relhook hook commit-msg {1}\n      use_stdin: true\n\n    other:\n      run: x\n";
        let lines: Vec<&str> = file.lines().collect();
        assert_eq!(command_block(&lines, 5), (5, 7));
        let toml = [
            "[a.commands.x]",
            "run = \"y\"",
            "",
            "[pre-push.commands.relhook]",
            "run = \"relhook hook pre-push\"",
            "use_stdin = true",
            "",
            "[b]",
        ];
        assert_eq!(command_block(&toml, 4), (4, 6));
        let script = [
            "pre-push:",
            "  scripts:",
            "    a.sh: |",
            "      relhook hook pre-push",
        ];
        assert_eq!(command_block(&script, 3), (4, 4));
    }

    #[test]
    fn hand_lines_follow_the_files_indentation() {
        let two = "commit-msg:\n  commands:\n    mine:\n      run: echo MINE\n";
        let p = hand_place(two, "commit-msg").unwrap();
        assert_eq!((p.line, p.text.as_str()), (2, "commands:"));
        assert!(
            p.snippet.starts_with(&format!(
                "    {}\n    relhook:\n      run: ",
                crate::hooks::managed::BEGIN
            )),
            "{}",
            p.snippet
        );
        let four = "commit-msg:\n    commands:\n        mine:\n            run: echo MINE\n";
        let p = hand_place(four, "commit-msg").unwrap();
        assert!(
            p.snippet.starts_with(&format!(
                "        {}\n        relhook:\n            run: ",
                crate::hooks::managed::BEGIN
            )),
            "{}",
            p.snippet
        );
        let none = "pre-push:\n    parallel: true\n";
        let p = hand_place(none, "pre-push").unwrap();
        assert_eq!(p.line, 1);
        assert!(
            p.snippet.starts_with(&format!(
                "    {}\n    commands:\n        relhook:\n            run: ",
                crate::hooks::managed::BEGIN
            )),
            "{}",
            p.snippet
        );
        assert!(
            p.snippet
                .ends_with("            use_stdin: true\n    # <<< relhook\n"),
            "{}",
            p.snippet
        );
        assert!(hand_place(two, "pre-push").is_none());
    }
}
