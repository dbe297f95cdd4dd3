//! QA49: a `feat: add export` commit that also rewords ANOTHER commit's entry (`- add search`
//! made `- add search (fuzzy)`, staged with it) and was made while post-commit did not run
//! (RELHOOK_SKIP=1, a teammate without relhook, a web UI): `changelog --sync` counted the
//! reworded line as the commit's own entry, so `- add export` was never added; doctor said
//! all is well and the release shipped without it. Now a line that replaces an entry the
//! commit took out stands for no entry of its own, as post-commit already judged: sync,
//! doctor and the release add `- add export`. A commit that writes its own entry by hand
//! still carries it (no duplicate).

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// Installed, `feat: add search` committed with its entry; then the CHANGELOG.md line
/// `- add search` replaced with `reworded` (and `written` added below it, if any) and
/// committed as `feat: add export`, post-commit running when `hooked`.
fn export_rewording_search(reworded: &str, written: Option<&str>, hooked: bool) -> Repo {
    let repo = installed_repo();
    repo.commit_hooked("feat: add search");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- add search\n"), "{log}");
    let line = match written {
        Some(w) => format!("- {reworded}\n- {w}\n"),
        None => format!("- {reworded}\n"),
    };
    repo.write("CHANGELOG.md", log.replace("- add search\n", &line));
    repo.write("export.txt", "e\n");
    repo.git(&["add", "export.txt", "CHANGELOG.md"]);
    let commit = ["commit", "-q", "-m", "feat: add export"];
    let out = match hooked {
        true => repo.git_output(&commit),
        false => repo.git_skipping_relhook(&commit),
    };
    assert!(out.status.success(), "{}", text(&out));
    repo
}

fn entries(repo: &Repo) -> Vec<String> {
    (repo.read("CHANGELOG.md").lines())
        .filter(|l| l.starts_with("- "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn sync_adds_the_entry_of_a_commit_that_reworded_another() {
    let repo = export_rewording_search("add search (fuzzy)", None, false);
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&out).contains("`- add export` under Added"),
        "{}",
        text(&out)
    );
    assert_eq!(
        entries(&repo),
        ["- init", "- add search (fuzzy)", "- add export"]
    );
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&out).contains("up to date with history"),
        "{}",
        text(&out)
    );
}

#[test]
fn doctor_and_the_release_see_the_missing_entry() {
    let repo = export_rewording_search("add search (fuzzy)", None, false);
    let report = stdout(&repo.relhook(&["doctor"]));
    let row = (report.lines())
        .find(|l| l.contains("changelog:"))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(row.contains("has no entry for 1 commit"), "{report}");
    assert!(report.contains("fix: relhook changelog --sync"), "{report}");
    let out = ok(repo.relhook(&["release", "--no-test", "--dry-run"]));
    let said = text(&out);
    let tag = said
        .split("tag:")
        .nth(1)
        .unwrap_or_else(|| panic!("{said}"));
    assert!(tag.contains("- add export"), "{said}");
}

#[test]
fn a_reword_past_its_first_words_stands_for_no_entry_either() {
    let repo = export_rewording_search("fuzzy search", None, false);
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(entries(&repo), ["- init", "- fuzzy search", "- add export"]);
}

#[test]
fn post_commit_and_sync_agree() {
    let repo = export_rewording_search("add search (fuzzy)", None, true);
    assert_eq!(
        entries(&repo),
        ["- init", "- add search (fuzzy)", "- add export"]
    );
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(
        stderr(&out).contains("up to date with history"),
        "{}",
        text(&out)
    );
}

#[test]
fn an_entry_written_by_hand_still_stands_for_the_commit() {
    // Beside the reword, and alone; and its own entry reworded as it is written.
    for (reworded, written) in [
        ("add search (fuzzy)", Some("export to CSV")),
        ("add search", Some("add export (CSV)")),
    ] {
        let repo = export_rewording_search(reworded, written, false);
        let before = entries(&repo);
        let out = ok(repo.relhook(&["changelog", "--sync"]));
        assert!(
            stderr(&out).contains("up to date with history"),
            "{}",
            text(&out)
        );
        assert_eq!(entries(&repo), before);
        let out = ok(repo.relhook(&["release", "--no-test", "--dry-run"]));
        assert!(!text(&out).contains("- add export\n"), "{}", text(&out));
    }
}
