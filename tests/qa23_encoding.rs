//! QA23: a repository whose `i18n.commitEncoding` is ISO-8859-1 stores messages in Latin-1
//! (and git's own rewrites, a rebase or an amend, re-encode a message into the configured
//! encoding). Every place that reads a commit's message reads it decoded: the scopes
//! `relhook commit` offers, the changelog a monorepo commit's entry goes to, pre-push's
//! advice (a fixup's target, a release commit above a commit to reword), `release --resume`,
//! a released merge's revert, commits from before the install rewritten in another encoding.

use std::path::Path;

use crate::support::{Repo, SKELETON, dated_release, ok, stderr, text};

/// Commits what is staged with the message `bytes` (in the repository's encoding) through
/// `-F`, with the hooks unless `verify` is false.
fn commit_bytes(repo: &Repo, bytes: &[u8], verify: bool) -> std::process::Output {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file = repo.scratch("msgs").join(format!("m{n}"));
    std::fs::write(&file, bytes).unwrap();
    let mut args = vec!["commit", "-q", "-F", file.to_str().unwrap()];
    if !verify {
        args.push("--no-verify");
    }
    repo.git_output(&args)
}

/// A new file `name` committed with the Latin-1 message `bytes`.
fn latin1_commit(repo: &Repo, name: &str, bytes: &[u8], verify: bool) {
    repo.write(name, format!("{name}\n"));
    repo.git(&["add", name]);
    ok(commit_bytes(repo, bytes, verify));
}

fn latin1(repo: &Repo) {
    repo.git(&["config", "i18n.commitEncoding", "ISO-8859-1"]);
}

/// `relhook commit` offers the scopes of recent commits: `café`, as it was typed, not
/// `caf` and a replacement character.
#[test]
fn commit_offers_a_latin1_scope_as_typed() {
    let repo = Repo::new();
    repo.commit("chore: init");
    latin1(&repo);
    latin1_commit(&repo, "a.txt", b"feat(caf\xe9): menu\n", false);
    latin1_commit(&repo, "b.txt", b"fix(caf\xe9): prices\n", false);
    // Nothing is staged: `--allow-empty` gets the questions asked.
    let mut pty = crate::commit::Pty::spawn(&repo, &["commit", "--allow-empty"]);
    let mut at = 0;
    pty.expect("type (number or name): ", &mut at);
    pty.send("1\n");
    let start = at;
    pty.expect("scope (empty for none): ", &mut at);
    let offered = pty.screen()[start..at].to_owned();
    pty.stop();
    assert!(offered.contains(") café"), "{offered}");
    assert!(!offered.contains('\u{fffd}'), "{offered}");
}

/// A monorepo package whose scope is `café`: a Latin-1 `feat(café): …` that touches no
/// package path is that package's, so its entry goes to the package's changelog.
#[test]
fn a_latin1_scope_names_its_package_in_a_monorepo() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[packages.cafe]\npath = \"pkgs/cafe\"\nscopes = [\"café\"]\n",
    );
    repo.write("CHANGELOG.md", SKELETON);
    repo.write("pkgs/cafe/CHANGELOG.md", SKELETON);
    repo.write("pkgs/cafe/menu.txt", "menu\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    latin1(&repo);
    latin1_commit(&repo, "README.md", b"feat(caf\xe9): opening hours\n", true);
    let package = repo.read("pkgs/cafe/CHANGELOG.md");
    assert!(package.contains("opening hours"), "{package}");
    let root = repo.read("CHANGELOG.md");
    assert!(!root.contains("opening hours"), "{root}");
}

/// The refusal of a push, with relhook's `fix:` line.
fn refused_fix(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{}", text(out));
    let err = stderr(out);
    err.lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no fix line in:\n{err}"))
        .to_owned()
}

/// A Latin-1 `fixup! feat: café` whose target is pushed with it: pre-push (and a release)
/// say to squash it with `--autosquash`, which reaches that target, not to reword it.
#[test]
fn a_latin1_fixup_is_squashed_into_its_target() {
    let repo = crate::support::installed_repo();
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    latin1(&repo);
    latin1_commit(&repo, "a.txt", b"feat: caf\xe9 menu\n", true);
    latin1_commit(&repo, "b.txt", b"fixup! feat: caf\xe9 menu\n", false);
    let fix = refused_fix(&repo.git_output(&["push", "-q", "origin", "main"]));
    assert!(fix.contains("--autosquash"), "{fix}");
    let out = dated_release(&repo, &["--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("--autosquash"), "{err}");
}

/// The commands between backquotes in `text`, in order.
fn quoted(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// A release commit written in the repository's encoding (`release.commit_message` says
/// `publiée`), tagged, above a commit that dodged the hook: pre-push's fix tells it for a
/// release commit, drops it with its tag, and has the release made again after the reword.
#[test]
fn a_latin1_release_commit_above_a_reword_is_resumed() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[release]\ncommit_message = \"chore(release): {version} publiée\"\n".into()
    });
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.commit("added x");
    repo.commit_hooked("feat: y");
    ok(dated_release(&repo, &["--allow-unlinted", "--no-test"]));
    // The release commit as git writes it in this repository: its message in Latin-1 (as a
    // rebase or an amend re-encodes it), tagged again.
    latin1(&repo);
    let skip = [("RELHOOK_SKIP", "1")];
    repo.git_env(&["tag", "-d", "v0.1.0"], &skip);
    let file = repo.scratch("msgs").join("release");
    std::fs::write(&file, b"chore(release): 0.1.0 publi\xe9e\n").unwrap();
    let file = file.to_str().unwrap();
    repo.git_env(
        &["commit", "-q", "--amend", "--no-verify", "-F", file],
        &skip,
    );
    repo.git_env(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"], &skip);
    let out = repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]);
    let fix = refused_fix(&out);
    let commands = quoted(&fix);
    // Told for a release commit (its Latin-1 header read), on top: dropped and made again.
    assert_eq!(
        commands[0], "git tag -d v0.1.0 && git reset --keep HEAD~1",
        "{fix}"
    );
    assert_eq!(commands[3], "relhook release 0.1.0", "{fix}");
    ok(repo.sh(&commands[0]));
    let line = format!(
        "GIT_SEQUENCE_EDITOR=\"sed -i '1s/^pick/reword/'\" GIT_EDITOR=\"sed -i '1s/.*/feat: added x/'\" {}",
        commands[1]
    );
    ok(repo.sh(&line));
    let out = repo.sh(&format!("{} --no-test", commands[3]));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.git(&["rev-parse", "v0.1.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}

/// A branch whose commit is Latin-1, merged, released, then reverted with `git revert -m 1`:
/// the entry says what the revert takes back in readable words.
#[test]
fn a_released_latin1_merge_reverted_reads_in_its_entry() {
    let repo = crate::support::installed_repo();
    repo.git(&["branch", "-M", "main"]);
    latin1(&repo);
    repo.git(&["switch", "-q", "-c", "topic"]);
    latin1_commit(&repo, "t.txt", b"feat: caf\xe9 corner\n", true);
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["merge", "-q", "--no-ff", "--no-edit", "topic"]);
    ok(crate::support::hand_tag(
        &repo,
        &["-a", "v0.1.1", "-m", "r"],
    ));
    ok(repo.git_output(&["revert", "--no-edit", "-m", "1", ":/^Merge branch"]));
    let log = repo.read("CHANGELOG.md");
    let unreleased = log.split("\n## [0").next().unwrap_or(&log);
    assert!(
        unreleased.contains("- revert \"café corner\""),
        "{unreleased}"
    );
}

/// Commits a new file `name` with `message`, no hooks involved, in `cwd`.
fn plain_commit(repo: &Repo, cwd: &Path, name: &str, message: &[u8]) {
    std::fs::write(cwd.join(name), b"x\n").unwrap();
    ok(repo.git_in(cwd, &["add", name], &[]));
    ok(commit_bytes(repo, message, false));
}

/// A branch from before the install, written in Latin-1; the project then moves to UTF-8,
/// installs relhook, and rebases the branch, which git re-encodes: the same messages by the
/// same authors, still from before the install, so pre-push lets them go with its note.
#[test]
fn commits_from_before_the_install_stay_theirs_when_a_rebase_reencodes_them() {
    let repo = Repo::new();
    let root = repo.path();
    plain_commit(&repo, &root, "a.txt", b"Initial commit\n");
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    latin1(&repo);
    repo.git(&["checkout", "-q", "-b", "feature"]);
    plain_commit(&repo, &root, "w.txt", b"Ajout du caf\xe9\n");
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["config", "--unset", "i18n.commitEncoding"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: on main after the install");
    ok(repo.git_output(&["push", "-q", "origin", "main"]));
    repo.git(&["checkout", "-q", "feature"]);
    ok(repo.git_output(&["rebase", "-q", "main"]));
    assert_eq!(repo.head_subject(), "Ajout du café");
    let out = repo.git_output(&["push", "-q", "origin", "feature"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("from before `relhook install`"), "{err}");
}

/// What relhook writes for a new commit reads in `git log` as it was written: a release
/// commit's message (`publiée`) and `relhook commit`'s go to git in the repository's
/// encoding, as git labels them, not UTF-8 bytes labelled ISO-8859-1.
#[test]
fn messages_relhook_writes_are_in_the_repositorys_encoding() {
    let repo = crate::support::configured_with_a_feature(|_| {
        "[release]\ncommit_message = \"chore(release): {version} publiée\"\n".into()
    });
    latin1(&repo);
    ok(dated_release(&repo, &["--no-test"]));
    let log = |format: &str| repo.git(&["log", "-1", "--encoding=UTF-8", format]);
    assert_eq!(log("--format=%s"), "chore(release): 0.1.0 publiée");
    assert_eq!(log("--format=%e"), "ISO-8859-1");

    repo.write("menu.txt", "menu\n");
    repo.git(&["add", "menu.txt"]);
    let mut pty = crate::commit::Pty::spawn(&repo, &["commit", "-q"]);
    let mut at = 0;
    pty.expect("type (number or name): ", &mut at);
    pty.send("1\n");
    pty.expect("scope (empty for none): ", &mut at);
    pty.send("\n");
    pty.expect("[y/N] ", &mut at);
    pty.send("\n");
    pty.expect("description: feat: ", &mut at);
    pty.send("menu du café\r");
    pty.expect("> ", &mut at);
    pty.send("\n");
    pty.expect("issues", &mut at);
    pty.send("\n");
    pty.expect("Commit with this message? [Y/n] ", &mut at);
    pty.send("y\n");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
    assert_eq!(log("--format=%s"), "feat: menu du café");
    assert_eq!(log("--format=%e"), "ISO-8859-1");
    let changelog = repo.read("CHANGELOG.md");
    assert!(changelog.contains("- menu du café\n"), "{changelog}");
}

/// The template a team sets with `commit.template`: a placeholder header, and hints git strips.
const TEMPLATE: &str = "Short summary here\n\n# Why this change:\n# Refs:\n";

/// An installed repository whose `commit.template` is [`TEMPLATE`] (named relative to the
/// work tree, as git reads it from there), with a change staged.
fn with_a_template() -> Repo {
    let repo = crate::support::installed_repo();
    repo.write(".gitmessage", TEMPLATE);
    repo.git(&["add", ".gitmessage"]);
    repo.git(&["commit", "-q", "-m", "chore: the commit template"]);
    repo.git(&["config", "commit.template", ".gitmessage"]);
    repo.write("change.txt", "change\n");
    repo.git(&["add", "change.txt"]);
    repo
}

/// `git commit` with `GIT_EDITOR` as the editor.
fn commit_editing(repo: &Repo, editor: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["commit", "-q"];
    all.extend_from_slice(args);
    repo.git_in(&repo.path(), &all, &[("GIT_EDITOR", editor)])
}

/// `git commit`, the template left as it was and the editor quit: git would say "Aborting
/// commit; you did not edit the message". relhook says so in one line, not a lint error
/// about the template's placeholder text, and nothing is committed.
#[test]
fn an_unedited_commit_template_is_said_in_one_line() {
    let repo = with_a_template();
    let head = repo.git(&["rev-parse", "HEAD"]);
    // `true` leaves the file as git wrote it; the script adds only a sign-off, which git's
    // own check also counts as unedited.
    let sign_off = repo.scratch("editor").join("sign-off");
    std::fs::write(
        &sign_off,
        "#!/bin/sh\nprintf 'Signed-off-by: A U Thor <a@example.com>\\n' >> \"$1\"\n",
    )
    .unwrap();
    crate::support::make_executable(&sign_off);
    for editor in ["true", sign_off.to_str().unwrap()] {
        let out = commit_editing(&repo, editor, &[]);
        assert_eq!(out.status.code(), Some(1), "{editor}: {}", text(&out));
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "{editor}: {err}");
        assert!(lines[0].starts_with("relhook: nothing committed"), "{err}");
        assert!(lines[0].contains("commit.template"), "{err}");
        assert!(lines[0].contains("unedited"), "{err}");
        assert!(!err.contains("header-format"), "{err}");
        assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    }
    // From a subdirectory, git still reads the template from the top of the work tree.
    std::fs::create_dir_all(repo.path().join("sub")).unwrap();
    let out = repo.git_in(
        &repo.path().join("sub"),
        &["commit", "-q"],
        &[("GIT_EDITOR", "true")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).starts_with("relhook: nothing committed"),
        "{}",
        text(&out)
    );
    // Without relhook, git refuses it alike: the outcome is git's.
    let out = repo.git_in(
        &repo.path(),
        &["commit", "-q", "--no-verify"],
        &[("GIT_EDITOR", "true")],
    );
    git_refused_it_unedited(&out);
}

/// git's own refusal of a template quit unedited (as `--no-verify` shows it).
pub(crate) fn git_refused_it_unedited(out: &std::process::Output) {
    assert_eq!(out.status.code(), Some(1), "{}", text(out));
    assert!(
        stderr(out).contains("you did not edit the message"),
        "{}",
        text(out)
    );
}

/// A template the user did edit is linted as any message: a placeholder kept with a line
/// added below it, or a header that is not conventional, is refused as such; a conventional
/// one is committed.
#[test]
fn an_edited_commit_template_is_linted() {
    let repo = with_a_template();
    for editor in [
        "sed -i -e '2s/^$/\\nmore words/'",
        "sed -i -e '1s/.*/updated things/'",
    ] {
        let out = commit_editing(&repo, editor, &[]);
        assert_eq!(out.status.code(), Some(1), "{editor}: {}", text(&out));
        let err = stderr(&out);
        assert!(err.contains("header-format"), "{editor}: {err}");
        assert!(!err.contains("unedited"), "{editor}: {err}");
    }
    let out = commit_editing(&repo, "sed -i -e '1s/.*/feat: the change/'", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.head_subject(), "feat: the change");
}

/// `-m` and `-F` do not use the template (git commits their text as given, even when it is
/// the template's): relhook lints that text as any other.
#[test]
fn a_message_given_as_the_templates_text_is_linted() {
    let repo = with_a_template();
    let file = repo.path().join(".gitmessage");
    for args in [
        &["-m", "Short summary here"][..],
        &["-F", file.to_str().unwrap()][..],
    ] {
        let out = commit_editing(&repo, "true", args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert!(err.contains("header-format"), "{args:?}: {err}");
        assert!(!err.contains("unedited"), "{args:?}: {err}");
    }
}
