//! QA257: the changelog merge driver was not passed `%L`, git's conflict marker size, and
//! labelled its own markers `ours` and `theirs` whatever the operation: a clone with
//! `conflict-marker-size=12` for CHANGELOG.md got 7-character markers from relhook (and
//! 12-character ones from git everywhere else), and neither side was named as git names it.
//! Now the driver takes `--marker-size=%L` (a driver line registered before still works) and
//! labels the sides as git does: `HEAD` and the merged branch in a merge, `HEAD` and the
//! commit applied in a rebase.

use crate::support::{Repo, installed_repo, relhook_bin, text};

/// An installed clone whose Unreleased entry each branch rewords by hand, differently: the
/// driver cannot combine them and leaves the line merge's conflict. `size`: the
/// `conflict-marker-size` attribute of CHANGELOG.md, if any.
fn reworded_on_both(size: Option<usize>) -> Repo {
    let repo = installed_repo();
    if let Some(n) = size {
        let attrs = repo.path().join(".git/info/attributes");
        let mut text = std::fs::read_to_string(&attrs).unwrap_or_default();
        text.push_str(&format!("/CHANGELOG.md conflict-marker-size={n}\n"));
        std::fs::write(&attrs, text).unwrap();
    }
    let reword = |to: &str| {
        let log = repo.read("CHANGELOG.md");
        assert!(log.contains("- init\n"), "{log}");
        repo.write(
            "CHANGELOG.md",
            log.replace("- init\n", &format!("- {to}\n")),
        );
        repo.git(&["add", "CHANGELOG.md"]);
        repo.commit_hooked(&format!("chore: reword as {to}"));
    };
    repo.git(&["switch", "-qc", "side"]);
    reword("init on side");
    repo.git(&["switch", "-q", "main"]);
    reword("init on main");
    repo
}

/// The conflict marker lines of the work tree's CHANGELOG.md.
fn marker_lines(repo: &Repo) -> Vec<String> {
    repo.read("CHANGELOG.md")
        .lines()
        .filter(|l| l.starts_with("<<<<<<<") || l.starts_with(">>>>>>>") || l.starts_with("====="))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_merge_conflict_has_git_s_marker_size_and_labels() {
    let repo = reworded_on_both(Some(12));
    let out = repo.git_output(&["merge", "--no-edit", "side"]);
    assert!(!out.status.success(), "{}", text(&out));
    let (lt, eq, gt) = ("<".repeat(12), "=".repeat(12), ">".repeat(12));
    assert_eq!(
        marker_lines(&repo),
        [format!("{lt} HEAD"), eq, format!("{gt} side")],
        "{}",
        repo.read("CHANGELOG.md")
    );
    // Committed unresolved, relhook's own check still sees the longer markers.
    repo.git(&["add", "CHANGELOG.md"]);
    let out = repo.git_output(&["commit", "-q", "--no-edit"]);
    assert!(
        text(&out).contains("has unresolved conflict markers"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_rebase_conflict_names_the_commit_applied() {
    let repo = reworded_on_both(None);
    repo.git(&["switch", "-q", "side"]);
    let id = repo.git(&["rev-parse", "--short", "HEAD"]);
    let out = repo.git_output(&["rebase", "main"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!(
        marker_lines(&repo),
        [
            "<<<<<<< HEAD".to_owned(),
            "=======".to_owned(),
            format!(">>>>>>> {} (chore: reword as init on side)", id.trim()),
        ],
        "{}",
        repo.read("CHANGELOG.md")
    );
}

#[test]
fn a_driver_registered_without_the_marker_size_still_merges() {
    let repo = reworded_on_both(None);
    // The command relhook registered before it passed `%L`.
    let bin = relhook_bin().display().to_string().replace('\'', r"'\''");
    let old = format!("b='{bin}'; exec \"$b\" hook merge-changelog %O %A %B %P");
    repo.git(&["config", "merge.relhook-changelog.driver", &old]);
    let out = repo.git_output(&["merge", "--no-edit", "side"]);
    assert!(
        text(&out).contains("merged line by line") && !text(&out).contains("error:"),
        "{}",
        text(&out)
    );
    assert_eq!(
        marker_lines(&repo),
        ["<<<<<<< HEAD", "=======", ">>>>>>> side"],
        "{}",
        repo.read("CHANGELOG.md")
    );
}
