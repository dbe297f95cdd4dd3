//! QA41: the lines install prints for a lefthook section of the team's own, pasted exactly as
//! printed and committed, were left by `relhook uninstall --shared` with "remove them by hand";
//! they come out now, with or without the marker lines around them, and a block that differs
//! from the printed one is still named.

use crate::support::{Repo, ok, pending, stdout, text};

/// A lefthook.yml with `commit-msg:` (with a command) and `pre-push:` (without `commands:`)
/// sections of its own, indented `step` spaces a level.
fn config(step: usize) -> String {
    let pad = |n: usize| " ".repeat(n * step);
    format!(
        "# the team's\ncommit-msg:\n{}commands:\n{}mine:\n{}run: echo MINE\npre-push:\n{}parallel: true\n",
        pad(1),
        pad(2),
        pad(3),
        pad(1)
    )
}

/// Each snippet install printed, with the line (from 1) it goes below.
fn snippets(said: &str) -> Vec<(usize, Vec<String>)> {
    let lines: Vec<&str> = said.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(rest) = l.split(", below line ").nth(1) else {
            continue;
        };
        let below: usize = rest.split(' ').next().unwrap().parse().unwrap();
        let snippet = lines[i + 1..]
            .iter()
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty())
            .map(|l| l.to_string())
            .collect();
        out.push((below, snippet));
    }
    out
}

/// A repository with `config(step)` committed, install's snippets pasted into it (each line
/// through `edit`) and committed too.
fn pasted(step: usize, edit: impl Fn(&str) -> Option<String>) -> (Repo, String) {
    let repo = Repo::new();
    let original = config(step);
    repo.write("lefthook.yml", &original);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let install = repo.relhook(&["install"]);
    let found = snippets(&stdout(&install));
    assert_eq!(found.len(), 2, "{}", text(&install));
    let mut lines: Vec<String> = original.lines().map(str::to_owned).collect();
    for (below, snippet) in found.iter().rev() {
        let snippet: Vec<String> = snippet.iter().filter_map(|l| edit(l)).collect();
        lines.splice(*below..*below, snippet);
    }
    repo.write("lefthook.yml", lines.join("\n") + "\n");
    // Installed again, as said: relhook's own sections go in beside them.
    let again = pending(repo.relhook(&["install"]));
    assert!(!stdout(&again).contains("NOT wired"), "{}", text(&again));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: relhook"]);
    (repo, original)
}

fn as_printed(l: &str) -> Option<String> {
    Some(l.to_owned())
}

fn without_markers(l: &str) -> Option<String> {
    (!l.trim_start().starts_with("# >>> relhook") && !l.trim_start().starts_with("# <<< relhook"))
        .then(|| l.to_owned())
}

#[test]
fn pasted_blocks_come_out_with_uninstall_shared() {
    for step in [2, 4] {
        for edit in [as_printed, without_markers] {
            let (repo, original) = pasted(step, edit);
            // Committed: the plain uninstall still refuses, and changes nothing.
            let plain = repo.relhook(&["uninstall"]);
            assert!(!plain.status.success(), "{}", text(&plain));
            assert!(repo.is_clean(), "{}", text(&plain));
            let out = ok(repo.relhook(&["uninstall", "--shared"]));
            assert!(!stdout(&out).contains("by hand"), "{}", text(&out));
            assert_eq!(repo.read("lefthook.yml"), original, "{}", text(&out));
        }
    }
}

#[test]
fn a_pasted_block_that_differs_is_still_named() {
    // The commit-msg block with a key of the user's added.
    let (repo, _) = pasted(2, |l| {
        Some(
            match l.trim_start().starts_with("run: if command -v relhook")
                && l.contains("commit-msg")
            {
                true => format!("{l}\n      tags: mine"),
                false => l.to_owned(),
            },
        )
    });
    // Pasted without its marker lines (a marked block is relhook's to remove whole); the
    // sections relhook wrote itself keep theirs.
    let yml: String = repo
        .read("lefthook.yml")
        .lines()
        .filter(|l| !l.starts_with(' ') || without_markers(l).is_some())
        .map(|l| format!("{l}\n"))
        .collect();
    repo.write("lefthook.yml", &yml);
    repo.git_output(&["commit", "-qam", "chore: mine", "--no-verify"]);
    let out = ok(repo.relhook(&["uninstall", "--shared"]));
    let said = stdout(&out);
    assert!(
        said.contains("still run relhook (`relhook hook commit-msg {1}`): remove them by hand"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("relhook hook pre-push"), "{}", text(&out));
    let left = repo.read("lefthook.yml");
    assert!(left.contains("tags: mine"), "{left}");
    assert!(!left.contains("relhook hook pre-push"), "{left}");
}
