//! QA47: a `git rebase -i` fixup chain (`pick A`, `fixup -C C`, `fixup -C D`) gives the first
//! commit D's message and leaves the file listing all three entries. Its rebase line told to
//! add D's entry, which the file lists, and doctor named A's entry alone: git keeps the
//! chain's middle step's message as it wrote it (`# This is a combination of 2 commits.`), so
//! C's was read as no message. And `fixup -c` given a new message named the entry it replaced,
//! not the folded commit's that the file keeps, as a plain `fixup` names it. Now both name
//! every entry as a single `fixup -C` does.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// `feat: add search`, `fix: crash b`, then `tail` (each through the hooks), and `rebase -i`
/// with `todo` (`{n}`: the short id of the commit `n` commits below HEAD); `editor` writes
/// the message a `fixup -c` asks for.
fn rebased(tail: &[&str], todo: &str, editor: &str) -> (Repo, std::process::Output) {
    let repo = installed_repo();
    for m in [&["feat: add search", "fix: crash b"], tail].concat() {
        repo.commit_hooked(m);
    }
    let mut todo = todo.to_owned();
    for n in 0..4 {
        let id = repo.git(&["rev-parse", "--short", &format!("HEAD~{n}")]);
        todo = todo.replace(&format!("{{{n}}}"), &id);
    }
    let file = repo.scratch("todo").join("todo");
    std::fs::write(&file, todo).unwrap();
    let copy = format!("cp '{}'", file.display());
    let env = [
        ("GIT_SEQUENCE_EDITOR", copy.as_str()),
        ("GIT_EDITOR", editor),
    ];
    let base = format!("HEAD~{}", tail.len() + 2);
    let out = repo.git_in(&repo.path(), &["rebase", "-i", &base], &env);
    assert!(out.status.success(), "{}", text(&out));
    (repo, out)
}

#[test]
fn every_entry_a_fixup_c_chain_replaced_is_named_to_remove() {
    let (repo, out) = rebased(
        &["feat: add full-text search", "fix: search ranking"],
        "pick {3}\nfixup -C {1}\nfixup -C {0}\npick {2}\n",
        "true",
    );
    let log = repo.read("CHANGELOG.md");
    for e in ["add search", "add full-text search", "search ranking"] {
        assert_eq!(log.matches(&format!("- {e}\n")).count(), 1, "{log}");
    }
    let said =
        "CHANGELOG.md still lists `- add full-text search`, `- add search` for reworded commit";
    let fix = "beside `- search ranking`, the entry its new message calls for (relhook leaves the commits of a rebase as git makes them); remove `- add full-text search`, `- add search` by hand if they should go";
    // The rebase's own line: both stale entries, to remove, and nothing to add.
    let line = stderr(&out);
    assert!(line.contains(said) && line.contains(fix), "{line}");
    assert!(!line.contains("by hand;"), "{line}");
    assert!(!line.contains("folded into"), "{line}");
    assert_eq!(line.matches("relhook:").count(), 1, "{line}");
    // doctor and `--sync` name both too.
    let out = repo.relhook(&["doctor"]);
    assert!(stdout(&out).contains(said), "{}", text(&out));
    assert!(stdout(&out).contains(fix), "{}", text(&out));
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains(said), "{}", text(&out));
    // Removed by hand, all is well.
    let log = log
        .replace("- add search\n", "")
        .replace("- add full-text search\n", "");
    repo.write("CHANGELOG.md", log);
    ok(repo.git_output(&["commit", "-q", "-am", "docs: drop stale entries"]));
    let out = repo.relhook(&["doctor"]);
    assert!(stdout(&out).contains("all is well"), "{}", text(&out));
}

/// A plain `fixup` after a `fixup -C` keeps the `-C` message: the first pick's entry is still
/// stale, though the last step changed no message.
#[test]
fn a_plain_fixup_ending_a_fixup_c_chain_names_the_first_entry() {
    let (repo, out) = rebased(
        &["feat: add full-text search", "fix: search ranking"],
        "pick {3}\nfixup -C {1}\nfixup {0}\npick {2}\n",
        "true",
    );
    let said = "CHANGELOG.md still lists `- add search` for reworded commit";
    let fix = "beside `- add full-text search`, the entry its new message calls for";
    let line = stderr(&out);
    assert!(line.contains(said) && line.contains(fix), "{line}");
    // The plain fixup's entry is a folded commit's.
    assert!(
        line.contains("keeps `- search ranking`, the entry of a commit folded into"),
        "{line}"
    );
    let out = repo.relhook(&["doctor"]);
    assert!(stdout(&out).contains(said), "{}", text(&out));
}

#[test]
fn a_fixup_c_given_a_new_message_names_the_folded_commits_entry() {
    let (repo, out) = rebased(
        &["fix: search ranking"],
        "pick {2}\nfixup -c {0}\npick {1}\n",
        "sh -c 'echo \"feat: ranked search\" > \"$1\"' x",
    );
    let subject = repo.git(&["log", "-1", "--format=%s", "HEAD~1"]);
    assert_eq!(subject, "feat: ranked search");
    let line = stderr(&out);
    let said = [
        "CHANGELOG.md still reads `- add search` for reworded commit",
        "change it by hand to `- ranked search` under Added",
        "CHANGELOG.md keeps `- search ranking`, the entry of a commit folded into",
        "beside its own `- add search`, as the rebase made it; if that entry stands for it, take it out by hand once the rebase is done",
    ];
    for s in said {
        assert!(line.contains(s), "{s}: {line}");
    }
    assert_eq!(line.matches("relhook:").count(), 1, "{line}");
}
