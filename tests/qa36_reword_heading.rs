//! QA36: a `rebase -i` reword or a `cherry-pick -e` that changes only the type (`feat: two`
//! made `fix: two`) left `- two` under Added in silence, where a reword that changes the words
//! is said: a release would list a fix as a feature. It is said now, with the heading to move
//! it to.

use std::process::Output;

use crate::support::{Repo, ok, stderr, text, untested_installed};

/// `feat: <what>` (with a file of its own) and a `docs:` commit above it, then a `rebase -i`
/// that rewords the feature's header with the sed expression `to` (`s/^feat:/fix:/`).
fn feature_reworded(what: &str, to: &str) -> (Repo, Output) {
    let repo = untested_installed();
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.commit_hooked(&format!("feat: {what}"));
    repo.commit_hooked("docs: above it");
    let editor = format!("sed -i '1{to}'");
    let out = ok(repo.git_in(
        &repo.path(),
        &["rebase", "-i", "HEAD~2"],
        &[
            ("GIT_SEQUENCE_EDITOR", "sed -i '1s/^pick/reword/'"),
            ("GIT_EDITOR", &editor),
        ],
    ));
    (repo, out)
}

#[test]
fn a_reword_to_another_type_names_the_heading_its_entry_still_stands_under() {
    let (_repo, out) = feature_reworded("two", "s/^feat:/fix:/");
    assert!(
        stderr(&out).contains("still lists `- two` under Added for reworded commit"),
        "{}",
        text(&out)
    );
    assert!(
        stderr(&out).contains("`relhook changelog --sync` moves it to Fixed"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_cherry_pick_given_another_type_names_the_heading() {
    let repo = untested_installed();
    let trunk = repo.git(&["branch", "--show-current"]);
    repo.git(&["checkout", "-q", "-b", "topic"]);
    repo.write("d.txt", "d\n");
    repo.git(&["add", "d.txt"]);
    repo.commit_hooked("feat: shiny");
    repo.git(&["checkout", "-q", &trunk]);
    let out = ok(repo.git_in(
        &repo.path(),
        &["cherry-pick", "-e", "topic"],
        &[(
            "GIT_EDITOR",
            "sed -i '1s/^feat: shiny/fix(backport): shiny/'",
        )],
    ));
    assert!(
        stderr(&out).contains("lists `- shiny` under Added for cherry-picked commit"),
        "{}",
        text(&out)
    );
    assert!(
        stderr(&out).contains("calls for `- **backport:** shiny` under Fixed"),
        "{}",
        text(&out)
    );
    // A plain pick, whose message is the one its entry was made for, says nothing.
    repo.git(&["reset", "-q", "--hard", "HEAD~1"]);
    let out = ok(repo.git_output(&["cherry-pick", "topic"]));
    assert!(!stderr(&out).contains("relhook"), "{}", text(&out));
}

/// QA36: git's revert of a revert said the reapplied change would not ship ("neither ships"),
/// though its entry was back in Unreleased.
#[test]
fn a_reapply_of_an_unreleased_revert_says_the_change_is_back() {
    let repo = untested_installed();
    repo.commit_hooked("feat: base");
    repo.write("a.txt", "a\n");
    repo.git(&["add", "a.txt"]);
    repo.commit_hooked("feat: search");
    ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    assert!(!repo.read("CHANGELOG.md").contains("- search"));
    let out = ok(repo.git_output(&["revert", "--no-edit", "HEAD"]));
    assert_eq!(repo.head_subject(), "Reapply \"feat: search\"");
    let said = stderr(&out);
    assert!(
        said.contains("reapplies the change its unreleased revert took out, and `- search` is back in Unreleased"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("neither ships"), "{said}");
    assert!(repo.read("CHANGELOG.md").contains("- search\n"));
}

/// QA36: a reword to a breaking type said to change the entry by hand, as if nothing else
/// would. QA41: `--sync` then added the breaking entry beside it; it replaces it now, as said.
#[test]
fn a_reword_to_a_breaking_type_says_sync_replaces_the_entry() {
    let (repo, out) = feature_reworded("x", "s/^feat:/feat!:/");
    assert!(
        stderr(&out)
            .contains("`relhook changelog --sync` replaces it with `- **BREAKING** x` under Added"),
        "{}",
        text(&out)
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains(
            "- **BREAKING** x
"
        ) && !log.contains(
            "- x
"
        ),
        "{log}"
    );
}

/// QA36: `cherry-pick -e` of `feat: x` as `feat!: x` said nothing, and `--sync` then added
/// `- **BREAKING** x` beside `- x`. QA41: `--sync` replaces it, as said.
#[test]
fn a_cherry_pick_made_breaking_says_sync_replaces_its_entry() {
    let repo = untested_installed();
    let trunk = repo.git(&["branch", "--show-current"]);
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    repo.commit_hooked("feat: x");
    repo.git(&["checkout", "-q", &trunk]);
    repo.commit_hooked("docs: m");
    let out = ok(repo.git_in(
        &repo.path(),
        &["cherry-pick", "-e", "side"],
        &[("GIT_EDITOR", "sed -i '1s/^feat:/feat!:/'")],
    ));
    assert!(
        stderr(&out).contains("whose message calls for `- **BREAKING** x` under Added (relhook leaves a pick's entry as it came); `relhook changelog --sync` replaces it with that"),
        "{}",
        text(&out)
    );
}
