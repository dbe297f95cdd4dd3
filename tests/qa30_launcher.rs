//! reference-transaction as the launcher (`launcher/`, `hooks::launcher`): a small program of
//! the hook's own that ends at once for every update that is not relhook's and starts relhook
//! with everything git gave it for the rest. A file written over it leaves relhook whole; an
//! older install's link becomes it; with relhook gone no update fails, and one that relhook
//! would have looked at says it was not checked.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

use std::path::{Path, PathBuf};

use crate::support::{Repo, chmod, installed_repo, ok, relhook_bin, stderr, stdout, text};

const MARKER: &[u8] = b"relhook-launcher:v1:path=";

fn rt(repo: &Repo) -> PathBuf {
    repo.hooks_dir().join("reference-transaction")
}

/// The installed launcher, naming `program` instead of relhook, as `dir/reference-transaction`.
fn launcher_naming(repo: &Repo, program: &Path, dir: &Path) -> PathBuf {
    let mut bytes = std::fs::read(rt(repo)).unwrap();
    let at = bytes
        .windows(MARKER.len())
        .position(|w| w == MARKER)
        .expect("the launcher holds its marker")
        + MARKER.len();
    let path = program.to_str().unwrap().as_bytes();
    bytes[at..at + path.len()].copy_from_slice(path);
    bytes[at + path.len()] = 0;
    let file = dir.join("reference-transaction");
    std::fs::write(&file, bytes).unwrap();
    chmod(&file, 0o755);
    file
}

#[test]
fn install_writes_the_launcher_and_a_file_written_over_it_leaves_relhook_whole() {
    let repo = installed_repo();
    let hook = rt(&repo);
    let meta = hook.symlink_metadata().unwrap();
    assert!(meta.is_file() && meta.len() < 64 * 1024, "{meta:?}");
    assert!(std::fs::read(&hook).unwrap().starts_with(b"\x7fELF"));
    let again = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&again)
            .contains("reference-transaction: already installed in .git/hooks, nothing changed"),
        "{}",
        text(&again)
    );
    let d = ok(repo.relhook(&["doctor"]));
    assert!(
        stdout(&d).contains("ok  hook reference-transaction"),
        "{}",
        text(&d)
    );
    // A hand tag still makes its release commit through it.
    let out = crate::support::hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");

    // `curl -o`, `cp` or `>` onto the hook writes the hook, not relhook (as a link let them).
    let before = std::fs::read(relhook_bin()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\nexit 0\n").unwrap();
    assert!(std::fs::read(relhook_bin()).unwrap() == before);
    let out = ok(repo.relhook(&["install"]));
    assert!(
        text(&out).contains("reference-transaction"),
        "{}",
        text(&out)
    );
    assert_eq!(
        std::fs::read_to_string(repo.hooks_dir().join("reference-transaction.relhook-orig"))
            .unwrap(),
        "#!/bin/sh\nexit 0\n"
    );
    ok(repo.relhook(&["uninstall"]));
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\nexit 0\n"
    );
}

#[test]
fn an_older_installs_link_becomes_the_launcher() {
    let repo = installed_repo();
    let hook = rt(&repo);
    std::fs::remove_file(&hook).unwrap();
    std::os::unix::fs::symlink(relhook_bin(), &hook).unwrap();
    let d = repo.relhook(&["doctor"]);
    assert!(
        stdout(&d).contains("shim v14 is older than this relhook's v15"),
        "{}",
        text(&d)
    );
    let out = ok(repo.relhook(&["install"]));
    assert!(text(&out).contains("shim v14 → v15"), "{}", text(&out));
    assert!(hook.symlink_metadata().unwrap().is_file());
    assert!(repo.relhook(&["doctor"]).status.success());
    // Another relhook build's launcher works, and install puts this build's in its place.
    let ours = std::fs::read(&hook).unwrap();
    let mut other = ours.clone();
    other[0x40] ^= 1;
    std::fs::write(&hook, &other).unwrap();
    assert!(repo.relhook(&["doctor"]).status.success());
    let out = ok(repo.relhook(&["install"]));
    assert!(
        text(&out).contains("(it was another relhook build's launcher)"),
        "{}",
        text(&out)
    );
    assert!(std::fs::read(&hook).unwrap() == ours);
}

#[test]
fn the_launcher_ends_only_what_relhook_would_and_passes_every_line_on() {
    let repo = installed_repo();
    let dir = repo.scratch("launch");
    let seen = dir.join("seen");
    let program = dir.join("program");
    std::fs::write(
        &program,
        format!(
            "#!/bin/sh\nprintf '%s %s ' \"$0\" \"$1\" >>'{0}'\nwc -l >>'{0}'\n",
            seen.display()
        ),
    )
    .unwrap();
    chmod(&program, 0o755);
    let launcher = launcher_naming(&repo, &program, &dir);
    let run = |state: &str, input: &str, env: &[(&str, &str)]| {
        let _ = std::fs::remove_file(&seen);
        let mut cmd = repo.command_in(&launcher, &repo.path());
        cmd.arg(state);
        for (k, v) in env {
            cmd.env(k, v);
        }
        // Like git, the writer takes a hook that stops reading early in its stride.
        let mut child = cmd
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let _ = std::io::Write::write_all(&mut child.stdin.take().unwrap(), input.as_bytes());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out));
        std::fs::read_to_string(&seen).ok()
    };
    let z = "0".repeat(40);
    let a = "1".repeat(40);
    // 3,000 tags: far more than the launcher reads at once; every line reaches the program.
    let tags: String = (0..3000)
        .map(|i| format!("{z} {a} refs/tags/v1.0.{i}\n"))
        .collect();
    assert_eq!(
        run("prepared", &tags, &[]).as_deref(),
        Some(format!("{} prepared 3000\n", program.display()).as_str())
    );
    assert!(run("committed", &format!("{z} {a} REVERT_HEAD\n"), &[]).is_some());
    // What relhook would end at once ends here.
    let branch = format!("{z} {a} refs/heads/main\n{z} {a} refs/tags/v2\n");
    assert_eq!(run("prepared", &branch, &[]), None);
    assert_eq!(
        run("prepared", &format!("{z} {a} refs/tags/latest\n"), &[]),
        None
    );
    // A digit of another script (a byte past ASCII) is relhook's to refuse.
    assert!(run("prepared", &format!("{z} {a} refs/tags/v１.０.０\n"), &[]).is_some());
    assert_eq!(run("aborted", &tags, &[]), None);
    assert_eq!(run("prepared", "", &[]), None);
    assert_eq!(run("prepared", &tags, &[("RELHOOK_SKIP", "1")]), None);
    assert!(run("prepared", &tags, &[("RELHOOK_SKIP", "false")]).is_some());
    // A fetch relhook noted (its git, this test, named in the git dir after it started): ended
    // here; a note older than the process it names is another one's, and relhook decides.
    let note = repo.path().join(".git/relhook-tag-fetch");
    std::fs::write(&note, format!("{}\nfetch\n", std::process::id())).unwrap();
    assert_eq!(run("prepared", &tags, &[]), None);
    let old = repo
        .command_in("touch", &repo.path())
        .args(["-d", "2000-01-01"])
        .arg(&note)
        .output();
    assert!(old.unwrap().status.success());
    assert!(run("prepared", &tags, &[]).is_some());
    std::fs::write(&note, "1\nfetch\n").unwrap();
    assert!(run("prepared", &tags, &[]).is_some());
    std::fs::remove_file(&note).unwrap();
    // With a hook relhook replaced beside it, relhook always runs (it runs that hook first),
    // and the input is untouched.
    let kept = dir.join("reference-transaction.relhook-orig");
    std::fs::write(&kept, "#!/bin/sh\nexit 0\n").unwrap();
    chmod(&kept, 0o755);
    assert_eq!(
        run("aborted", &branch, &[("RELHOOK_SKIP", "1")]).as_deref(),
        Some(format!("{} aborted 2\n", program.display()).as_str())
    );
}

#[test]
fn with_relhook_gone_no_ref_update_fails_and_a_tag_says_it_was_not_checked() {
    let repo = Repo::new();
    repo.commit("chore: init");
    let log = repo.scratch("log").join("seen");
    let mine = format!("#!/bin/sh\ncat >>'{}'\n", log.display());
    std::fs::write(rt(&repo), &mine).unwrap();
    chmod(&rt(&repo), 0o755);
    crate::support::installed_by_a_binary_that_then_goes(&repo);
    let git = |args: &[&str]| repo.git_with_path("/usr/bin:/bin", args);
    let out = git(&["branch", "b1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stderr(&out), "");
    let out = git(&["tag", "-a", "v1.0.0", "-m", "one"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.starts_with("relhook: this ref update was not checked: relhook is no longer at "),
        "{said}"
    );
    // The hook relhook replaced still saw every update.
    let seen = std::fs::read_to_string(&log).unwrap();
    assert!(
        seen.contains("refs/heads/b1") && seen.contains("refs/tags/v1.0.0"),
        "{seen}"
    );
    let d = repo.relhook(&["doctor"]);
    assert!(
        stdout(&d).contains("which no longer exists: ref updates go on"),
        "{}",
        text(&d)
    );
    // Deleting a tag, or a fetch of tags, is nothing relhook checks: nothing is said.
    let out = git(&["tag", "-d", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stderr(&out), "");
    let upstream = Repo::new();
    upstream.commit("chore: up");
    upstream.git(&["tag", "v7.0.0"]);
    upstream.git(&["tag", "v7.0.1"]);
    let url = upstream.path().display().to_string();
    let out = git(&["fetch", "-q", &url, "refs/tags/*:refs/tags/*"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stderr(&out), "");
    // A kept hook git would not run (not executable) stops nothing either.
    chmod(
        &repo.hooks_dir().join("reference-transaction.relhook-orig"),
        0o644,
    );
    let out = git(&["branch", "b2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn a_relhook_moved_but_on_path_still_checks_a_hand_tag() {
    let repo = Repo::new();
    repo.commit("chore: init");
    let bin = crate::support::installed_by_a_binary_that_then_goes(&repo);
    std::os::unix::fs::symlink(relhook_bin(), bin.join("relhook")).unwrap();
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let out = repo.git_with_path(&path, &["tag", "-a", "1.0.0", "-m", "no prefix"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("refusing tag 1.0.0"),
        "{}",
        text(&out)
    );
}

#[test]
fn lines_appended_to_the_launcher_are_kept_by_install_and_named_by_doctor() {
    let repo = installed_repo();
    let hook = rt(&repo);
    // `echo … >> hook`, as people add a line to a sh hook: in an ELF it never runs.
    let mut bytes = std::fs::read(&hook).unwrap();
    let launcher_len = bytes.len();
    bytes.extend_from_slice(b"\necho 'deploy hook'\n");
    std::fs::write(&hook, &bytes).unwrap();
    let out = repo.relhook(&["install"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stdout(&out).contains("reference-transaction: NOT updated: .git/hooks/reference-transaction has lines appended to relhook's launcher, a program, not a script (first: `echo 'deploy hook'`)")
            && !stdout(&out).contains("line ")
            && stdout(&out).contains("`echo 'deploy hook'`"),
        "{}",
        text(&out)
    );
    assert_eq!(
        std::fs::read(&hook).unwrap(),
        bytes,
        "the added line is kept"
    );
    let d = repo.relhook(&["doctor"]);
    assert!(
        stdout(&d).contains("has lines appended to relhook's launcher")
            && stdout(&d).contains("`echo 'deploy hook'`"),
        "{}",
        text(&d)
    );
    // The launcher still works as before meanwhile.
    let out = crate::support::hand_tag(&repo, &["-a", "v0.1.0", "-m", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    // Blank lines alone are nothing to keep: install writes the launcher again.
    std::fs::write(&hook, [&bytes[..launcher_len], b"\n\n"].concat()).unwrap();
    ok(repo.relhook(&["install"]));
    assert_eq!(std::fs::read(&hook).unwrap().len(), launcher_len);
}

#[test]
fn force_writes_the_launcher_where_it_keeps_no_hook_out_and_a_later_install_brings_it_back() {
    // `--force` on a hooks directory with no reference-transaction: nothing to keep out of
    // the chain, so the launcher.
    let repo = Repo::new();
    repo.commit("chore: start");
    ok(repo.relhook(&["install", "--force"]));
    assert!(crate::support::is_launcher(
        &std::fs::read(rt(&repo)).unwrap()
    ));

    // `--force` over a hook of the user's: the sh shim, which does not run it.
    let repo = Repo::new();
    repo.commit("chore: start");
    let hook = rt(&repo);
    std::fs::create_dir_all(hook.parent().unwrap()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\necho kept >&2\n").unwrap();
    chmod(&hook, 0o755);
    ok(repo.relhook(&["install", "--force"]));
    assert!(std::fs::read(&hook).unwrap().starts_with(b"#!/bin/sh\n"));
    let out = repo.git_output(&["branch", "topic"]);
    assert!(!stderr(&out).contains("kept"), "{}", text(&out));
    // A plain install keeps that choice while the replaced hook is there...
    let again = ok(repo.relhook(&["install"]));
    assert!(text(&again).contains("nothing changed"), "{}", text(&again));
    assert!(std::fs::read(&hook).unwrap().starts_with(b"#!/bin/sh\n"));
    // ...and once it is gone, there is nothing to keep out: the launcher again.
    std::fs::remove_file(repo.hooks_dir().join("reference-transaction.relhook-orig")).unwrap();
    let out = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&out).contains(
            "updated reference-transaction in .git/hooks (the hook `--force` kept from running is gone, so no shim needs to leave it out)"
        ),
        "{}",
        text(&out)
    );
    assert!(crate::support::is_launcher(&std::fs::read(&hook).unwrap()));
}

#[test]
fn force_again_after_the_shim_was_deleted_still_keeps_the_replaced_hook_from_running() {
    let repo = Repo::new();
    repo.commit("chore: start");
    let hooks = repo.hooks_dir();
    std::fs::create_dir_all(&hooks).unwrap();
    for name in ["commit-msg", "reference-transaction"] {
        let hook = hooks.join(name);
        std::fs::write(&hook, "#!/bin/sh\necho 'OLD hook: rejecting' >&2\nexit 1\n").unwrap();
        chmod(&hook, 0o755);
    }
    ok(repo.relhook(&["install", "--force"]));
    // The user deletes relhook's shims by hand, and forces again: the kept hooks stay out.
    for name in ["commit-msg", "reference-transaction"] {
        std::fs::remove_file(hooks.join(name)).unwrap();
    }
    ok(repo.relhook(&["install", "--force"]));
    let out = repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: two"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("OLD hook"), "{}", text(&out));
    let out = repo.git_output(&["branch", "topic"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("OLD hook"), "{}", text(&out));
}

#[test]
fn another_builds_launcher_keeps_appended_text_and_a_launcher_cut_short_is_named_broken() {
    let repo = installed_repo();
    let hook = rt(&repo);
    let launcher = std::fs::read(&hook).unwrap();
    // Another build's launcher (one byte of its code differs) with a line appended, and an
    // escape sequence that must not reach the terminal as one.
    let mut other = launcher.clone();
    other[0x40] ^= 1;
    let with_text = [
        &other[..],
        b"git lfs reference-transaction \"$@\" \x1b]0;x\x07\n",
    ]
    .concat();
    std::fs::write(&hook, &with_text).unwrap();
    let out = repo.relhook(&["install"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stdout(&out).contains("has lines appended to relhook's launcher")
            && stdout(&out).contains("`git lfs reference-transaction \"$@\" \\u{1b}]0;x\\u{7}`")
            && !stdout(&out).contains('\x1b'),
        "{}",
        text(&out)
    );
    assert_eq!(std::fs::read(&hook).unwrap(), with_text);

    // Cut short: git cannot start it. doctor says so; install writes it again.
    std::fs::write(&hook, &launcher[..launcher.len() - 1000]).unwrap();
    let d = repo.relhook(&["doctor"]);
    assert!(
        stdout(&d).contains(
            "is relhook's launcher cut short: git cannot start it, so every ref update fails"
        ),
        "{}",
        text(&d)
    );
    let out = ok(repo.relhook(&["install"]));
    assert!(
        stdout(&out).contains("updated reference-transaction in .git/hooks (it was cut short, so git could not start it)"),
        "{}",
        text(&out)
    );
    assert_eq!(std::fs::read(&hook).unwrap(), launcher);

    // Padded past a megabyte, it is still relhook's launcher (the padding is named, not
    // lost), never kept aside as the user's hook, and ref updates go on through it.
    std::fs::write(&hook, [&launcher[..], &vec![0u8; 1_100_000]].concat()).unwrap();
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stdout(&out).contains("NOT updated"), "{}", text(&out));
    assert!(
        !repo
            .hooks_dir()
            .join("reference-transaction.relhook-orig")
            .exists()
    );
    let out = repo.git_output(&["branch", "topic"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn uninstall_keeps_a_shim_with_lines_added_by_hand_and_says_so() {
    let repo = installed_repo();
    for name in ["reference-transaction", "commit-msg"] {
        let hook = repo.hooks_dir().join(name);
        let mut bytes = std::fs::read(&hook).unwrap();
        bytes.extend_from_slice(b"\ngit lfs post-checkout \"$@\"\n");
        std::fs::write(&hook, &bytes).unwrap();
    }
    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    for name in ["reference-transaction", "commit-msg"] {
        assert!(
            stdout(&out).contains(&format!(
                "{name}: NOT removed: .git/hooks/{name} has {}",
                match name {
                    "commit-msg" => "lines added below relhook's shim (line ",
                    _ => "lines appended to relhook's launcher, a program, not a script (first: ",
                }
            )),
            "{}",
            text(&out)
        );
        let kept = std::fs::read(repo.hooks_dir().join(name)).unwrap();
        assert!(
            kept.ends_with(b"\ngit lfs post-checkout \"$@\"\n"),
            "{name}"
        );
    }
    assert!(
        stdout(&out).contains("removed post-commit from .git/hooks"),
        "{}",
        text(&out)
    );
}
