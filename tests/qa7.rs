//! QA pass 7: commit variants whose entry post-commit used to get wrong or drop without a
//! word (trailers hiding a reference, amends it could not rewrite, autosquash and squash
//! rewordings, commits the reflog does not name, entries already there).

use crate::support::hooked_changelog_repo as setup;
use crate::support::{Repo, SKELETON, ok, relhook_bin, stderr, text};

/// Stages a change to `a.txt` (a new line each time).
fn touch(repo: &Repo) {
    let path = repo.path().join("a.txt");
    let mut a = std::fs::read_to_string(&path).unwrap_or_default();
    a.push_str("x\n");
    std::fs::write(&path, a).unwrap();
    repo.git(&["add", "a.txt"]);
}

/// `git commit -s` (and `--trailer`) puts the trailer in a paragraph of its own after
/// `Fixes #9`: the reference still reaches the entry.
#[test]
fn a_signed_off_commit_keeps_its_issue_reference() {
    let repo = setup();
    touch(&repo);
    ok(repo.git_output(&["commit", "-q", "-s", "-m", "fix: y", "-m", "Fixes #9"]));
    touch(&repo);
    ok(repo.git_output(&[
        "commit",
        "-q",
        "--trailer",
        "Co-authored-by: B <b@example.com>",
        "-m",
        "feat: z",
        "-m",
        "Closes #10",
    ]));
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- y (#9)\n"), "{log}");
    assert!(log.contains("- z (#10)\n"), "{log}");
    assert!(repo.is_clean(), "{}", text(&repo.git_output(&["status"])));
}

/// post-commit run by hand (after a commit made with `RELHOOK_SKIP=1`) with the index locked
/// by someone else for longer than it waits.
fn post_commit_locked_out(repo: &Repo) -> std::process::Output {
    let lock = repo.path().join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["hook", "post-commit"])
        .env("RELHOOK_LOCK_WAIT_MS", "200")
        .output()
        .unwrap();
    std::fs::remove_file(&lock).unwrap();
    out
}

/// An `--amend` post-commit cannot rewrite (the index stays locked): the file still has the
/// old entry, and `--sync` would answer "up to date" (the amended commit's own change to the
/// file stands for its entry); the line names what it reads and the hand edit, not `--sync`.
#[test]
fn an_amend_left_unrewritten_names_the_hand_edit_not_sync() {
    let repo = setup();
    touch(&repo);
    repo.commit_hooked("feat: will be amended");
    ok(repo.git_skipping_relhook(&["commit", "-q", "--amend", "-m", "fix: amended while locked"]));
    let said = stderr(&post_commit_locked_out(&repo));
    assert_eq!(said.lines().count(), 1, "one line:\n{said}");
    assert!(
        said.contains("CHANGELOG.md still reads `- will be amended` for amended commit")
            && said.contains("change it by hand to `- amended while locked` under Fixed")
            && !said.contains("--sync"),
        "{said}"
    );
    assert!(repo.is_clean(), "{}", text(&repo.git_output(&["status"])));
    // A plain commit locked out the same way still names `--sync`, which adds its entry.
    touch(&repo);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: plain"]));
    let said = stderr(&post_commit_locked_out(&repo));
    assert!(
        said.contains("`relhook changelog --sync` writes it"),
        "{said}"
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("- plain\n"));
}

/// `git rebase -i` with `GIT_SEQUENCE_EDITOR` (sed script or `true`) and `GIT_EDITOR`.
fn rebase(repo: &Repo, args: &[&str], todo: &str, editor: &str) -> std::process::Output {
    let mut all = vec!["rebase", "-q", "-i"];
    all.extend(args);
    repo.git_in(
        &repo.path(),
        &all,
        &[("GIT_SEQUENCE_EDITOR", todo), ("GIT_EDITOR", editor)],
    )
}

/// A message changed by `git commit --fixup=reword:` and `rebase --autosquash` (reflog
/// `rebase (fixup)`) is said like a `reword`; a plain `--fixup`, which keeps the message, is not.
#[test]
fn an_autosquash_reword_says_what_the_entry_still_reads() {
    let repo = setup();
    touch(&repo);
    repo.commit_hooked("feat: alpha");
    let alpha = repo.git(&["rev-parse", "HEAD"]);
    repo.commit_hooked("fix: beta");
    let to = "sed -i 's/^feat: alpha$/fix: alpha crash on empty input/'";
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", &format!("--fixup=reword:{alpha}")],
        &[("GIT_EDITOR", to)],
    );
    ok(out);
    let out = ok(rebase(&repo, &["--autosquash", "HEAD~3"], "true", "true"));
    let said = stderr(&out);
    assert!(
        said.contains("CHANGELOG.md still reads `- alpha` for reworded commit")
            && said.contains("change it by hand to `- alpha crash on empty input` under Fixed"),
        "{said}"
    );
    assert_eq!(said.matches("relhook:").count(), 1, "{said}");
    // A plain fixup keeps the message, and the entry with it: nothing to say.
    touch(&repo);
    ok(repo.git_output(&["commit", "-q", "--fixup", "HEAD"]));
    let out = ok(rebase(&repo, &["--autosquash", "HEAD~2"], "true", "true"));
    assert!(!stderr(&out).contains("relhook:"), "{}", text(&out));
    assert!(repo.is_clean(), "{}", text(&repo.git_output(&["status"])));
}

/// A `squash` given a new message (reflog `rebase (squash)`) names the entries the commit
/// still carries, once (the intermediate `# This is a combination` step says nothing); a squash
/// that keeps the first message, or whose message calls for no entry, says nothing.
#[test]
fn a_rebase_squash_with_a_new_message_says_what_the_entries_still_read() {
    let repo = setup();
    for m in ["feat: alpha", "feat: beta", "feat: gamma"] {
        touch(&repo);
        repo.commit_hooked(m);
    }
    let todo = "sed -i -e '2s/^pick/squash/' -e '3s/^pick/squash/'";
    let out = ok(rebase(
        &repo,
        &["HEAD~3"],
        todo,
        "sed -i '1s/.*/feat: all three/'",
    ));
    let said = stderr(&out);
    assert!(
        said.contains(
            "CHANGELOG.md still reads `- alpha`, `- beta`, `- gamma` for squashed commit"
        ) && said.contains("change them by hand to `- all three` under Added"),
        "{said}"
    );
    assert_eq!(said.matches("relhook:").count(), 1, "{said}");
    for m in ["feat: delta", "feat: epsilon"] {
        touch(&repo);
        repo.commit_hooked(m);
    }
    let todo = "sed -i -e '2s/^pick/squash/'";
    let out = ok(rebase(&repo, &["HEAD~2"], todo, "true"));
    assert!(!stderr(&out).contains("relhook:"), "{}", text(&out));
    for m in ["feat: zeta", "feat: eta"] {
        touch(&repo);
        repo.commit_hooked(m);
    }
    let out = ok(rebase(
        &repo,
        &["HEAD~2"],
        todo,
        "sed -i '1s/.*/chore: both/'",
    ));
    assert!(!stderr(&out).contains("relhook:"), "{}", text(&out));
}

/// With `core.logAllRefUpdates=false` HEAD has no reflog until something creates one, so
/// post-commit cannot tell `git commit` made the commit: no entry, but one line that says
/// so and names `--sync`, which adds it.
#[test]
fn a_commit_without_a_reflog_is_said_and_sync_adds_its_entry() {
    let repo = Repo::new();
    repo.git(&["config", "core.logAllRefUpdates", "false"]);
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "chore: start"]));
    assert!(!repo.path().join(".git/logs/HEAD").exists());
    touch(&repo);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "feat: no reflog"]));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("no entry added to CHANGELOG.md for commit")
            && said.contains("HEAD has no reflog")
            && said.contains("`relhook changelog --sync` adds `- no reflog`"),
        "{said}"
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("- no reflog\n"));
}

/// `GIT_REFLOG_ACTION=mytool git commit`: the reflog names the tool, not `git commit`; said
/// in one line with `--sync`, which adds the entry. A message that calls for no entry, and
/// git's own operations (a cherry-pick of a commit made with hooks off), stay silent.
#[test]
fn a_commit_the_reflog_credits_to_another_tool_is_said() {
    let repo = setup();
    touch(&repo);
    let tool = [("GIT_REFLOG_ACTION", "mytool")];
    let out = repo.git_in(&repo.path(), &["commit", "-q", "-m", "chore: quiet"], &tool);
    assert!(!stderr(&ok(out)).contains("relhook"));
    touch(&repo);
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "-m", "feat: tool commit"],
        &tool,
    );
    let said = stderr(&ok(out));
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("HEAD's reflog says `mytool` made it, not `git commit`")
            && said.contains("`relhook changelog --sync` adds `- tool commit`"),
        "{said}"
    );
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("- tool commit\n"));
    ok(repo.git_output(&["commit", "-q", "-am", "docs: synced"]));
    repo.git(&["checkout", "-q", "-b", "side", "HEAD~1"]);
    repo.write("side.txt", "s");
    repo.git(&["add", "side.txt"]);
    ok(repo.git_skipping_relhook(&["commit", "-q", "-m", "feat: picked"]));
    repo.git(&["checkout", "-q", "main"]);
    // A pick of a commit that carries no entry (made past the hook) is said too (QA33).
    let out = ok(repo.git_output(&["cherry-pick", "side"]));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("`relhook changelog --sync` adds `- picked`"),
        "{said}"
    );
}

/// A plain commit whose entry is already in Unreleased (`git commit -C HEAD` of a feat, a
/// second `fix: typo`) gets none, and one line says where it is; a commit that wrote that
/// entry itself, by hand, hears nothing.
#[test]
fn an_entry_already_in_unreleased_is_said_unless_the_commit_wrote_it() {
    let repo = setup();
    touch(&repo);
    repo.commit_hooked("feat: x");
    touch(&repo);
    let out = ok(repo.git_output(&["commit", "-q", "-C", "HEAD"]));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("no entry added: `- x` is already under Added in CHANGELOG.md's Unreleased"),
        "{said}"
    );
    touch(&repo);
    repo.commit_hooked("fix: typo");
    touch(&repo);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "fix: typo"]));
    assert!(
        stderr(&out).contains("`- typo` is already under Fixed in CHANGELOG.md's Unreleased"),
        "{}",
        text(&out)
    );
    let log = repo.read("CHANGELOG.md");
    assert_eq!(log.matches("- typo\n").count(), 1, "{log}");
    // Written by hand in the commit itself: nothing to say.
    repo.write(
        "CHANGELOG.md",
        log.replace("### Fixed\n\n", "### Fixed\n\n- by hand\n"),
    );
    touch(&repo);
    let out = ok(repo.git_output(&["commit", "-q", "-am", "fix: by hand"]));
    assert!(!stderr(&out).contains("relhook"), "{}", text(&out));
    assert!(repo.is_clean(), "{}", text(&repo.git_output(&["status"])));
}
