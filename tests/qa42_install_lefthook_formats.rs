//! QA42: the lines install prints for a lefthook.toml or lefthook.json (which relhook does not
//! edit), pasted as printed and committed, were left by `relhook uninstall --shared` with
//! "remove them by hand"; they come out now, every other byte as it was, and a block the user
//! changed stays and is named.

use crate::support::{Repo, ok, pending, stdout, text};

/// Each snippet install printed (the lines after "Add to …", up to a blank line).
fn snippets(said: &str) -> Vec<String> {
    let lines: Vec<&str> = said.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.contains("NOT wired") {
            continue;
        }
        let snippet: Vec<&str> = lines[i + 1..]
            .iter()
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty())
            .copied()
            .collect();
        out.push(snippet.join("\n"));
    }
    out
}

/// A repository with `original` committed as `file`, install's snippets pasted into it by
/// `paste` (through `edit`), installed again and committed.
fn pasted(
    file: &str,
    original: &str,
    paste: fn(&str, &[String]) -> String,
    edit: fn(&str) -> String,
) -> Repo {
    let repo = Repo::new();
    repo.write(file, original);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let install = repo.relhook(&["install"]);
    let found = snippets(&stdout(&install));
    assert_eq!(found.len(), 3, "{}", text(&install));
    let found: Vec<String> = found.iter().map(|s| edit(s)).collect();
    repo.write(file, paste(original, &found));
    let again = pending(repo.relhook(&["install"]));
    assert!(!stdout(&again).contains("NOT wired"), "{}", text(&again));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: relhook"]);
    repo
}

const TOML: &str = "# the team's\n[pre-commit.commands.lint]\nrun = \"true\"\n";
const JSON: &str =
    "{\n  \"pre-commit\": { \"commands\": { \"lint\": { \"run\": \"true\" } } }\n}\n";

fn toml_paste(original: &str, snippets: &[String]) -> String {
    let mut out = original.to_owned();
    for s in snippets {
        out.push_str(&format!("\n{s}\n"));
    }
    out
}

fn json_paste(original: &str, snippets: &[String]) -> String {
    let body = original.trim_end().strip_suffix('}').unwrap().trim_end();
    let members: String = snippets.iter().map(|s| format!(",\n  {s}")).collect();
    format!("{body}{members}\n}}\n")
}

fn same(s: &str) -> String {
    s.to_owned()
}

#[test]
fn pasted_toml_and_json_blocks_come_out_with_uninstall_shared() {
    for (file, original, paste) in [
        (
            "lefthook.toml",
            TOML,
            toml_paste as fn(&str, &[String]) -> String,
        ),
        (".lefthook.toml", TOML, toml_paste),
        ("lefthook.json", JSON, json_paste),
        (".lefthook.json", JSON, json_paste),
    ] {
        let repo = pasted(file, original, paste, same);
        let out = ok(repo.relhook(&["uninstall", "--shared"]));
        assert!(!stdout(&out).contains("by hand"), "{file}: {}", text(&out));
        assert_eq!(repo.read(file), original, "{file}: {}", text(&out));
    }
}

#[test]
fn an_edited_toml_or_json_block_stays_and_is_named() {
    let edit = |s: &str| s.replace("use_stdin = true", "use_stdin = false");
    let edit_json = |s: &str| s.replace("\"use_stdin\": true", "\"use_stdin\": false");
    for (file, original, paste, edit) in [
        (
            "lefthook.toml",
            TOML,
            toml_paste as fn(&str, &[String]) -> String,
            edit as fn(&str) -> String,
        ),
        ("lefthook.json", JSON, json_paste, edit_json),
    ] {
        let repo = pasted(file, original, paste, edit);
        let out = ok(repo.relhook(&["uninstall", "--shared"]));
        let said = stdout(&out);
        let named: Vec<&str> = said.lines().filter(|l| l.contains("by hand")).collect();
        assert_eq!(named.len(), 1, "{file}: {}", text(&out));
        assert!(named[0].contains("relhook hook pre-push"), "{file}: {said}");
        let left = repo.read(file);
        assert!(
            left.contains("use_stdin") && left.contains("relhook hook pre-push"),
            "{left}"
        );
        assert!(!left.contains("relhook hook commit-msg"), "{file}: {left}");
    }
}
