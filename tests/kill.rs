//! Kill tests: relhook is SIGKILLed at many points of the three jobs that rewrite a user's
//! repository — post-commit (through a real `git commit`), `relhook release`, and the hand-tag
//! hook (through a real `git tag -a`) — at each named transaction step (the
//! `RELHOOK_TEST_FAILPOINT=<step>:pause` points) and after pseudo-random delays. After every
//! kill:
//! - every file is old or new, never a mix (`CHANGELOG.md`, the version file);
//! - `git fsck` is clean;
//! - no relhook temporary file is in the work tree;
//! - after the next relhook command (which finishes or undoes the killed transaction), HEAD,
//!   index and work tree agree: `git status` is clean or holds exactly the entry sync adds;
//! - a half-made release is finished by the command relhook names, with no empty next version.
//!
//! Bounded for CI: 24 kill points run (6 more, ignored, wait for the hand-tag fix), the jobs in
//! parallel. The delays come from a fixed seed, so a failure names a reproducible point.
#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Repo, SKELETON, relhook_bin, stdout, text};

/// A kill point: pause at a named step and kill there, or kill after a delay.
#[derive(Debug, Clone)]
enum Point {
    Step(&'static str),
    After(Duration),
}

/// `n` delays in `0..max_ms`, from a fixed seed (xorshift), so every run kills at the same
/// points.
fn delays(seed: u64, n: usize, max_ms: u64) -> Vec<Point> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            Point::After(Duration::from_micros(x % (max_ms * 1000)))
        })
        .collect()
}

// ------------------------------------------------------------------ processes

/// The parent pid of `pid`, from `/proc/<pid>/stat`.
fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // `pid (comm) state ppid ...`; comm may hold spaces and parentheses.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split(' ').nth(1)?.parse().ok()
}

/// The relhook processes below `root` whose command line holds `word`.
fn relhook_below(root: u32, word: &str) -> Vec<u32> {
    let bin = relhook_bin()
        .canonicalize()
        .unwrap_or_else(|_| relhook_bin());
    let mut found = Vec::new();
    for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        if std::fs::read_link(format!("/proc/{pid}/exe"))
            .ok()
            .as_deref()
            != Some(bin.as_path())
        {
            continue;
        }
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        if !String::from_utf8_lossy(&cmdline).contains(word) {
            continue;
        }
        let mut p = pid;
        while let Some(parent) = parent_of(p) {
            if parent == root {
                found.push(pid);
                break;
            }
            if parent <= 1 {
                break;
            }
            p = parent;
        }
    }
    found
}

fn sigkill(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status();
}

/// Runs `cmd` and kills the relhook process below it (whose command line holds `word`) at
/// `point`. Returns the command's output and whether a kill was sent.
fn run_and_kill(mut cmd: Command, word: &str, point: &Point) -> (Output, bool) {
    if let Point::Step(step) = point {
        cmd.env("RELHOOK_TEST_FAILPOINT", format!("{step}:pause"));
    }
    let mut child: Child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let root = child.id();
    let mut killed = false;
    match point {
        Point::Step(_) => {
            // The paused process says so on stderr; kill it then.
            let err = child.stderr.take().expect("stderr");
            let mut reader = BufReader::new(err);
            let mut seen = String::new();
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                seen.push_str(&line);
                if line.contains("pausing") {
                    let pids = if word.is_empty() {
                        vec![root]
                    } else {
                        relhook_below(root, word)
                    };
                    for pid in pids {
                        sigkill(pid);
                        killed = true;
                    }
                    break;
                }
                line.clear();
            }
            let rest = child.wait_with_output().expect("wait");
            seen.push_str(&String::from_utf8_lossy(&rest.stderr));
            return (
                Output {
                    status: rest.status,
                    stdout: rest.stdout,
                    stderr: seen.into_bytes(),
                },
                killed,
            );
        }
        Point::After(delay) => {
            // Wait for the relhook process to exist, then let it run `delay` and kill it.
            let deadline = Instant::now() + Duration::from_secs(20);
            let target = if word.is_empty() {
                Some(root)
            } else {
                loop {
                    if let Some(pid) = relhook_below(root, word).first() {
                        break Some(*pid);
                    }
                    if child.try_wait().ok().flatten().is_some() || Instant::now() > deadline {
                        break None;
                    }
                    std::thread::sleep(Duration::from_micros(200));
                }
            };
            if let Some(pid) = target {
                std::thread::sleep(*delay);
                if child.try_wait().ok().flatten().is_none() || !word.is_empty() {
                    sigkill(pid);
                    killed = true;
                }
            }
        }
    }
    (child.wait_with_output().expect("wait"), killed)
}

// ------------------------------------------------------------------ invariants

/// relhook's temporary files, anywhere in the work tree (outside `.git`).
fn temporaries(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name == ".git" || name == ".home" {
                continue;
            }
            if name.starts_with(".tmp")
                || name.starts_with(".relhook-")
                || name.starts_with("relhook-tmp-")
            {
                found.push(e.path());
            } else if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(e.path());
            }
        }
    }
    found
}

fn assert_fsck_clean(repo: &Repo, at: &str) {
    let out = repo.git_output(&["fsck", "--no-progress", "--no-dangling"]);
    let all = text(&out);
    assert!(
        out.status.success()
            && !all.contains("error")
            && !all.contains("missing")
            && !all.contains("broken"),
        "{at}: git fsck:\n{all}"
    );
}

/// `after` is `before`, or `before` with text inserted in one place holding `needle` once.
fn old_or_new(before: &str, after: &str, needle: &str) -> bool {
    if after == before {
        return true;
    }
    let (b, a) = (before.as_bytes(), after.as_bytes());
    let prefix = b.iter().zip(a).take_while(|(x, y)| x == y).count();
    let suffix = b
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a.len() > b.len() && prefix + suffix >= b.len() && after.matches(needle).count() == 1
}

/// The commands relhook names (`relhook …` in backticks, or after `fix: `), in order.
fn named_commands(output: &str) -> Vec<Vec<String>> {
    let quoted = output.split('`').skip(1).step_by(2);
    let fixes = output
        .lines()
        .filter_map(|l| l.trim().strip_prefix("fix: "))
        .filter(|l| !l.contains('`'));
    quoted
        .chain(fixes)
        .filter(|c| {
            c.starts_with("relhook ") && !c.contains('<') && !c.starts_with("relhook notes")
        })
        .map(|c| c.split_whitespace().skip(1).map(str::to_owned).collect())
        .collect()
}

/// Runs `check` at every point, then fails naming every point that broke an invariant.
fn at_every_point(
    job: &str,
    points: &[Point],
    check: impl Fn(usize, &Point, &str) + std::panic::RefUnwindSafe,
) {
    let failures: Vec<String> = points
        .iter()
        .enumerate()
        .filter_map(|(i, point)| {
            let at = format!("{job}, kill point {i} ({point:?})");
            std::panic::catch_unwind(|| check(i, point, &at))
                .err()
                .map(|e| {
                    e.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default()
                })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} kill points broke an invariant:\n\n{}",
        failures.len(),
        points.len(),
        failures.join("\n\n")
    );
}

/// What a killed run left in the git dir: locks and the journal, with its contents.
fn git_dir_state(repo: &Repo) -> String {
    let dir = repo.path().join(".git");
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".lock") || name.starts_with("relhook-") {
            let body = std::fs::read_to_string(e.path()).unwrap_or_default();
            if name == "relhook-txn" {
                out.push(format!("{name} ({} bytes: {body:?})", body.len()));
            } else {
                out.push(name);
            }
        }
    }
    if out.is_empty() {
        "nothing".into()
    } else {
        out.join(", ")
    }
}

fn relhook_dated(repo: &Repo, args: &[&str]) -> Output {
    repo.command_in(relhook_bin(), &repo.path())
        .env("RELHOOK_DATE", "2026-11-21")
        .args(args)
        .output()
        .expect("run relhook")
}

fn cargo_toml(v: &str) -> String {
    format!("[package]\nname = \"app\"\nversion = \"{v}\"\nedition = \"2021\"\n")
}

/// A repository at release v0.1.0 with relhook installed and one `feat` since.
fn released() -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.write("Cargo.toml", cargo_toml("0.1.0"));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore(release): 0.1.0"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.commit_with_hooks("feat: shipped soon");
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    repo
}

// ------------------------------------------------------------------ jobs

#[test]
fn killed_post_commit_leaves_old_or_new_and_the_next_relhook_finishes_it() {
    let mut points: Vec<Point> = ["locked", "files-written", "index-staged", "refs-moved"]
        .into_iter()
        .map(Point::Step)
        .collect();
    points.extend(delays(0x9e37_79b9_7f4a_7c15, 6, 60));
    at_every_point("post-commit", &points, |i, point, at| {
        let repo = released();
        let before = repo.read("CHANGELOG.md");
        let message = format!("feat: killed entry {i}");
        repo.write(&format!("k{i}.txt"), "k\n");
        repo.git(&["add", "."]);
        let mut cmd = repo.command_in("git", &repo.path());
        cmd.args(["commit", "-q", "-m", &message]);
        let (out, _) = run_and_kill(cmd, "post-commit", point);
        assert!(
            out.status.success(),
            "{at}: the commit itself stands: {}",
            text(&out)
        );
        let entry = format!("- killed entry {i}\n");
        let now = repo.read("CHANGELOG.md");
        assert!(old_or_new(&before, &now, &entry), "{at}: a mix:\n{now}");
        assert!(
            temporaries(&repo.path()).is_empty(),
            "{at}: {:?}",
            temporaries(&repo.path())
        );
        assert_fsck_clean(&repo, at);
        // The next relhook finishes or undoes what was killed, and sync supplies the entry.
        let state = git_dir_state(&repo);
        let sync = repo.relhook(&["changelog", "--sync"]);
        assert_eq!(
            sync.status.code(),
            Some(0),
            "{at}: {}\nleft by the kill: {state}",
            text(&sync)
        );
        let work = repo.read("CHANGELOG.md");
        assert_eq!(work.matches(&entry).count(), 1, "{at}: work tree:\n{work}");
        let status = repo.git(&["status", "--porcelain"]);
        assert!(
            status.is_empty() || status == " M CHANGELOG.md",
            "{at}: status after recovery:\n{status}"
        );
        let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
        assert!(head.matches(&entry).count() <= 1, "{at}: HEAD:\n{head}");
        assert_eq!(repo.git(&["log", "-1", "--format=%s"]), message, "{at}");
        assert!(
            !repo.path().join(".git/index.lock").exists(),
            "{at}: index.lock left"
        );
        assert_fsck_clean(&repo, at);
    });
}

/// After a release job was killed: the files are old or new, and running what relhook names
/// (or `relhook release` again) ends with one complete release `version`.
fn assert_release_finishable(repo: &Repo, at: &str, version: &str, retry: &[&str]) {
    let log = repo.read("CHANGELOG.md");
    let heading = format!("## [{version}] - 2026-11-21");
    assert!(
        log.matches(&heading).count() <= 1,
        "{at}: changelog:\n{log}"
    );
    assert!(
        log.contains("- shipped soon"),
        "{at}: an entry lost:\n{log}"
    );
    let cargo = repo.read("Cargo.toml");
    assert!(
        cargo == cargo_toml("0.1.0") || cargo == cargo_toml(version),
        "{at}: Cargo.toml is neither old nor new:\n{cargo}"
    );
    assert!(
        temporaries(&repo.path()).is_empty(),
        "{at}: {:?}",
        temporaries(&repo.path())
    );
    assert_fsck_clean(repo, at);
    let tag = format!("v{version}");
    let complete = |repo: &Repo| -> Result<(), String> {
        let at_tag = repo.git_output(&["show", &format!("{tag}:CHANGELOG.md")]);
        if !at_tag.status.success() {
            return Err(format!("no tag {tag}"));
        }
        let tagged_log = String::from_utf8_lossy(&at_tag.stdout).into_owned();
        let tagged_cargo = repo.git(&["show", &format!("{tag}:Cargo.toml")]);
        if !tagged_log.contains(&heading) || tagged_cargo != cargo_toml(version).trim_end() {
            return Err(format!(
                "{tag} is on a commit without its release:\n{tagged_log}"
            ));
        }
        Ok(())
    };
    let mut transcript = format!("left by the kill: {}\n", git_dir_state(repo));
    for _ in 0..3 {
        if complete(repo).is_ok() {
            break;
        }
        let mut out = relhook_dated(repo, &["doctor"]);
        let mut commands = named_commands(&text(&out));
        if commands.is_empty() {
            out = if retry[0] == "git" {
                repo.command_in("git", &repo.path())
                    .env("RELHOOK_DATE", "2026-11-21")
                    .args(&retry[1..])
                    .output()
                    .expect("git")
            } else {
                relhook_dated(repo, retry)
            };
            transcript.push_str(&format!("$ {}\n{}\n", retry.join(" "), text(&out)));
            commands = named_commands(&text(&out));
            if complete(repo).is_ok() {
                break;
            }
        }
        for c in commands.into_iter().take(1) {
            let args: Vec<&str> = c.iter().map(String::as_str).collect();
            let out = relhook_dated(repo, &args);
            transcript.push_str(&format!("$ relhook {}\n{}\n", args.join(" "), text(&out)));
        }
    }
    if let Err(why) = complete(repo) {
        panic!("{at}: the release was not finished: {why}\n{transcript}");
    }
    let tags = repo.git(&["tag", "--list", "v*"]);
    assert_eq!(tags.lines().count(), 2, "{at}: tags:\n{tags}\n{transcript}");
    let status = repo.git(&["status", "--porcelain"]);
    assert!(status.is_empty(), "{at}: status:\n{status}\n{transcript}");
    assert!(
        !repo.path().join(".git/index.lock").exists(),
        "{at}: index.lock left"
    );
    assert_fsck_clean(repo, at);
}

#[test]
fn killed_release_is_old_or_new_and_finishable() {
    let mut points: Vec<Point> = [
        "locked",
        "files-written",
        "index-staged",
        "refs-moved",
        "release-committed",
        "release-tested",
    ]
    .into_iter()
    .map(Point::Step)
    .collect();
    points.extend(delays(0x2545_f491_4f6c_dd1d, 6, 120));
    at_every_point("release", &points, |_, point, at| {
        let repo = released();
        let mut cmd = repo.command_in(relhook_bin(), &repo.path());
        cmd.env("RELHOOK_DATE", "2026-11-21")
            .args(["release", "--no-test"]);
        let (out, killed) = run_and_kill(cmd, "", point);
        if !killed {
            assert_eq!(out.status.code(), Some(0), "{at}: {}", text(&out));
        }
        assert_release_finishable(&repo, at, "0.1.1", &["release", "--no-test"]);
    });
}

/// `git tag -a` with the hand-tag hook killed at `points`: the files are old or new, and the
/// half-made release is finished by what relhook names.
fn hand_tag_killed_at(points: &[Point]) {
    at_every_point("hand tag", points, |_, point, at| {
        let repo = released();
        let mut cmd = repo.command_in("git", &repo.path());
        cmd.env("RELHOOK_DATE", "2026-11-21")
            .args(["tag", "-a", "v0.1.1", "-m", "v0.1.1"]);
        let _ = run_and_kill(cmd, "reference-transaction", point);
        // One way to finish what the kill left: doctor names one command, not one per item.
        let said = text(&relhook_dated(&repo, &["doctor"]));
        let mut fixes: Vec<&str> = said
            .lines()
            .filter_map(|l| l.trim().strip_prefix("fix: "))
            .filter(|f| !f.starts_with("relhook install"))
            .collect();
        fixes.dedup();
        assert!(
            fixes.len() <= 1,
            "{at}: doctor names several fixes:\n{said}"
        );
        assert_release_finishable(
            &repo,
            at,
            "0.1.1",
            &["git", "tag", "-a", "v0.1.1", "-m", "v0.1.1"],
        );
    });
}

#[test]
fn killed_hand_tag_hook_is_old_or_new_and_finishable() {
    let points: Vec<Point> = ["refs-moved", "hand-committed"]
        .into_iter()
        .map(Point::Step)
        .collect();
    hand_tag_killed_at(&points);
}

/// Killed before its release commit exists (these steps, and random delays), the hook's
/// transaction is undone by the next relhook and the tag stays on the commit without its
/// release: `doctor` names `relhook release --resume`, which makes the release commit and moves
/// the tag onto it, as the hook would have.
#[test]
fn killed_hand_tag_before_its_release_commit_is_finishable() {
    let mut points: Vec<Point> = ["hand-started", "locked", "files-written", "index-staged"]
        .into_iter()
        .map(Point::Step)
        .collect();
    points.extend(delays(0x5851_f42d_4c95_7f2d, 3, 80));
    hand_tag_killed_at(&points);
}

/// An amend's post-commit killed before it moved HEAD (QA12): the undo leaves the replaced
/// commit's entry in the file, which `--sync` keeps, so the line names the hand edit, not a
/// `--sync` that changes nothing.
#[test]
fn an_undone_amend_names_the_hand_edit_not_sync() {
    let repo = released();
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.args(["commit", "-q", "--amend", "-m", "feat: shipped later"]);
    let (out, killed) = run_and_kill(cmd, "post-commit", &Point::Step("files-written"));
    assert!(killed && out.status.success(), "{}", text(&out));
    let _ = std::fs::remove_file(repo.path().join(".git/index.lock"));
    let out = relhook_dated(&repo, &["changelog", "--sync"]);
    let said = text(&out);
    assert!(said.contains("undid an interrupted post-commit"), "{said}");
    assert!(
        !said.contains("`relhook changelog --sync` adds it"),
        "{said}"
    );
    assert!(said.contains("- shipped later"), "{said}");
    assert_eq!(count_line(&repo.read("CHANGELOG.md"), "- shipped soon"), 1);
}

/// Killed before its release commit, then a commit on top (QA12): the tag can no longer be
/// finished where it is. The commit says so at once; doctor, `release` and `--resume` name the
/// way out (delete the tag, release again from HEAD) instead of the next release taking the
/// tag's version for shipped and its entries for the version after it.
#[test]
fn a_killed_hand_tag_with_a_commit_on_top_is_named_until_released_again() {
    let repo = released();
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.1.1", "-m", "v0.1.1"]);
    let _ = run_and_kill(cmd, "reference-transaction", &Point::Step("hand-started"));
    let tagged = repo.git(&["rev-parse", "v0.1.1^{commit}"]);
    let out = repo.commit_with_hooks("fix: after the killed tag");
    assert!(out.status.success(), "{}", text(&out));
    let way_out = "`git tag -d v0.1.1`, then `relhook release 0.1.1` makes the release from HEAD";
    let said = text(&out);
    assert!(
        said.contains("warning: tag v0.1.1 is on") && said.contains(way_out),
        "{said}"
    );
    let doctor = text(&relhook_dated(&repo, &["doctor"]));
    assert!(doctor.contains("INVALID  tag v0.1.1"), "{doctor}");
    assert!(doctor.contains("fix: git tag -d v0.1.1"), "{doctor}");
    for args in [&["release", "--no-test"][..], &["release", "--resume"]] {
        let out = relhook_dated(&repo, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        // With the `--no-test` given repeated (QA50).
        let said = text(&out).replace(" --no-test", "");
        assert!(said.contains(way_out), "{args:?}: {said}");
    }
    assert_eq!(repo.git(&["rev-parse", "v0.1.1^{commit}"]), tagged);
    // The way out releases both commits' entries as 0.1.1.
    repo.git(&["tag", "-d", "v0.1.1"]);
    let out = relhook_dated(&repo, &["release", "0.1.1", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "v0.1.1"]);
    assert!(
        notes.contains("shipped soon") && notes.contains("after the killed tag"),
        "{notes}"
    );
    let doctor = text(&relhook_dated(&repo, &["doctor"]));
    assert!(!doctor.contains("INVALID"), "{doctor}");
    assert!(repo.commit_with_hooks("fix: later").status.success());
    assert!(!repo.path().join(".git/relhook-hand-tag").exists());
}

/// A monorepo of one package `a` (crates/a, at 0.1.0, with its changelog), relhook installed,
/// and `feat: shipped soon` committed in it through the hooks.
fn package_a_with_a_feature() -> Repo {
    let repo = Repo::new();
    repo.write(
        "crates/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.1.0\"\n",
    );
    repo.write("crates/a/CHANGELOG.md", SKELETON);
    repo.write(".relconfig.toml", "[packages.a]\npath = \"crates/a\"\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("crates/a/lib.rs", "x\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "feat: shipped soon"]);
    repo
}

/// `git tag -a a-v0.2.0`, its reference-transaction hook killed before the release commit.
fn kill_package_hand_tag(repo: &Repo) {
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "a-v0.2.0", "-m", "a-v0.2.0"]);
    let (_, killed) = run_and_kill(cmd, "reference-transaction", &Point::Step("hand-started"));
    assert!(killed);
}

/// A monorepo package's hand tag (`git tag -a a-v0.2.0`) killed before its release commit,
/// then a commit on top: post-commit, doctor, `release --package`, `release` and `--resume`
/// name the way out as for a single project's tag, and once it is taken the marker goes.
#[test]
fn a_killed_package_hand_tag_with_a_commit_on_top_is_named_until_released_again() {
    let repo = package_a_with_a_feature();
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    kill_package_hand_tag(&repo);
    let tagged = repo.git(&["rev-parse", "a-v0.2.0^{commit}"]);
    repo.write("crates/a/more.rs", "y\n");
    repo.git(&["add", "."]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: after the killed tag"]);
    assert!(out.status.success(), "{}", text(&out));
    let way_out = "`git tag -d a-v0.2.0`, then `relhook release --package a 0.2.0` makes the release from HEAD";
    let said = text(&out);
    assert!(
        said.contains("warning: tag a-v0.2.0 is on") && said.contains(way_out),
        "{said}"
    );
    let doctor = text(&relhook_dated(&repo, &["doctor"]));
    assert_eq!(
        doctor.matches("INVALID  tag a-v0.2.0").count(),
        1,
        "{doctor}"
    );
    assert!(doctor.contains("fix: git tag -d a-v0.2.0"), "{doctor}");
    for args in [
        &["release", "--package", "a", "--no-test"][..],
        &["release", "--all", "--no-test"],
        &["release", "--no-test"],
        &["release", "--resume"],
        &["release", "--package", "a", "--resume"],
    ] {
        let out = relhook_dated(&repo, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        // With the `--no-test` given repeated (QA50).
        let said = text(&out).replace(" --no-test", "");
        assert!(said.contains(way_out), "{args:?}: {said}");
    }
    assert_eq!(repo.git(&["rev-parse", "a-v0.2.0^{commit}"]), tagged);
    // The way out releases both commits' entries as 0.2.0.
    repo.git(&["tag", "-d", "a-v0.2.0"]);
    let out = relhook_dated(&repo, &["release", "--package", "a", "0.2.0", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let notes = repo.git(&["tag", "-l", "--format=%(contents)", "a-v0.2.0"]);
    assert!(
        notes.contains("shipped soon") && notes.contains("after the killed tag"),
        "{notes}"
    );
    let doctor = text(&relhook_dated(&repo, &["doctor"]));
    assert!(!doctor.contains("INVALID"), "{doctor}");
    repo.write("crates/a/later.rs", "z\n");
    repo.git(&["add", "."]);
    assert!(
        repo.git_output(&["commit", "-q", "-m", "fix: later"])
            .status
            .success()
    );
    assert!(!repo.path().join(".git/relhook-hand-tag").exists());
}

/// Killed after it amended HEAD, before its index took the amend's CHANGELOG.md; then the user
/// removes `index.lock`, as git advises for a lock it finds. The next commit must not take the
/// changelog back, and the command relhook names puts the index right.
#[test]
fn a_removed_lock_after_a_killed_amend_cannot_undo_the_changelog() {
    let repo = released();
    killed_amend_lock_removed(&repo, "refs-moved");
    let entry = "- killed amend";
    let lines = count_line;
    let amended = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(lines(&amended, entry), 1, "{amended}");

    repo.write("l.txt", "l\n");
    repo.git(&["add", "l.txt"]);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let refused = repo.git_output(&["commit", "-q", "-m", "feat: next one"]);
    let said = text(&refused);
    assert!(!refused.status.success(), "{said}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "no commit was made");
    assert!(said.contains("would take CHANGELOG.md back"), "{said}");
    assert!(said.contains("`relhook changelog --sync`"), "{said}");

    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    // The index holds the amend's CHANGELOG.md again, and the user's staged file stays.
    assert_eq!(repo.git(&["status", "--porcelain"]), "A  l.txt");
    let out = repo.git_output(&["commit", "-q", "-m", "feat: next one"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(lines(&log, entry), 1, "{log}");
    assert_eq!(lines(&log, "- next one"), 1, "{log}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    assert_fsck_clean(&repo, "after the next commit");
}

/// The same kill and removed lock, then the amend's CHANGELOG.md staged by hand (`commit -a`):
/// that commit is allowed, and the recovery that follows finishes the killed amend (its
/// commit is in the history now) rather than putting the file back as it was before it.
#[test]
fn a_commit_built_on_a_killed_amend_keeps_its_entry() {
    let repo = released();
    killed_amend_lock_removed(&repo, "refs-moved");
    let out = next_commit(&repo, &["commit", "-q", "-a", "-m", "feat: built on it"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("relhook: finished an interrupted post-commit"),
        "the recovery is said: {}",
        text(&out)
    );
    let lines = count_line;
    for entry in ["- killed amend", "- built on it"] {
        assert_eq!(
            lines(&repo.read("CHANGELOG.md"), entry),
            1,
            "work tree: {entry}"
        );
        let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
        assert_eq!(lines(&head, entry), 1, "HEAD: {entry}\n{head}");
    }
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// The project folder moved after the kill and the removed lock: the journal names files
/// relative to the work tree, so the next commit is still refused (no panic) and sync stages
/// the amend's changelog again in the moved folder.
#[test]
fn a_moved_project_after_a_killed_amend_is_still_put_right() {
    let repo = released();
    killed_amend_lock_removed(&repo, "refs-moved");
    let moved = repo.dir.path().join("moved");
    std::fs::rename(repo.path(), &moved).unwrap();
    let in_moved = |program: &str, args: &[&str]| {
        let mut cmd = repo.command_in(program, &moved);
        cmd.args(args).output().expect("run")
    };
    std::fs::write(moved.join("l.txt"), "l\n").unwrap();
    assert!(in_moved("git", &["add", "l.txt"]).status.success());
    let refused = in_moved("git", &["commit", "-q", "-m", "feat: next one"]);
    let said = text(&refused);
    assert!(!refused.status.success(), "{said}");
    assert!(!said.contains("panicked"), "{said}");
    assert!(said.contains("would take CHANGELOG.md back"), "{said}");
    let bin = relhook_bin();
    let sync = in_moved(bin.to_str().unwrap(), &["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    assert!(
        text(&sync).contains("staged CHANGELOG.md again"),
        "{}",
        text(&sync)
    );
    let status = in_moved("git", &["status", "--porcelain"]);
    assert_eq!(
        String::from_utf8_lossy(&status.stdout).trim_end(),
        "A  l.txt"
    );
}

/// The same kill and removed lock, then a commit with `--no-verify` (commit-msg cannot refuse
/// it): made from the index from before the killed amend, it takes that entry out of the
/// changelog. post-commit's recovery puts it back into that very commit and says so, then
/// adds the commit's own entry (QA39: it was only staged for the next commit, and a reset
/// leftover rule could then take it out of the work tree for good).
#[test]
fn a_no_verify_commit_after_a_killed_amend_gets_the_entry_back() {
    let repo = released();
    killed_amend_lock_removed(&repo, "refs-moved");
    let out = next_commit(
        &repo,
        &["commit", "-q", "--no-verify", "-m", "feat: skipped"],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("put CHANGELOG.md back into commit"),
        "{}",
        text(&out)
    );
    assert!(repo.read("CHANGELOG.md").contains("- killed amend\n"));
    let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    for entry in ["- killed amend", "- skipped"] {
        assert_eq!(
            head.lines().filter(|l| *l == entry).count(),
            1,
            "{entry}:\n{head}"
        );
    }
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    repo.write("n.txt", "n\n");
    repo.git(&["add", "n.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "fix: next"]);
    assert!(out.status.success(), "{}", text(&out));
    let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    for entry in ["- killed amend", "- skipped", "- next"] {
        assert_eq!(
            head.lines().filter(|l| *l == entry).count(),
            1,
            "{entry}:\n{head}"
        );
    }
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// QA39, second round: the same with a commit made with `RELHOOK_SKIP=1` first (no
/// post-commit runs to recover in), then a hooked one: the entry is put back into the later
/// commit, not only staged.
#[test]
fn commits_after_a_killed_amend_skipping_relhook_get_the_entry_back() {
    let repo = released();
    killed_amend_lock_removed(&repo, "refs-moved");
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    repo.git_env(
        &["commit", "-qm", "fix: beta thing"],
        &[("RELHOOK_SKIP", "1")],
    );
    let out = next_commit(&repo, &["commit", "-q", "-m", "fix: gamma thing"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("put CHANGELOG.md back into commit"),
        "{}",
        text(&out)
    );
    let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    for entry in ["- killed amend", "- gamma thing"] {
        assert_eq!(
            head.lines().filter(|l| *l == entry).count(),
            1,
            "{entry}:\n{head}"
        );
    }
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// A repository whose post-commit of `feat: killed amend` was killed at `point`, and whose
/// `index.lock` was then removed by hand (as git advises).
fn killed_amend_lock_removed(repo: &Repo, point: &'static str) {
    repo.write("k.txt", "k\n");
    repo.git(&["add", "k.txt"]);
    kill_commit(repo, "feat: killed amend", point);
}

/// Commits what is staged as `message`, kills its post-commit at `point`, and removes the
/// `index.lock` it leaves.
fn kill_commit(repo: &Repo, message: &str, point: &'static str) {
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.args(["commit", "-q", "-m", message]);
    let (out, killed) = run_and_kill(cmd, "post-commit", &Point::Step(point));
    assert!(killed && out.status.success(), "{}", text(&out));
    std::fs::remove_file(repo.path().join(".git/index.lock")).expect("the index lock");
}

fn count_line(text: &str, line: &str) -> usize {
    text.lines().filter(|l| *l == line).count()
}

/// The user's next commit after the kill: a new file staged, then `git <args>`.
fn next_commit(repo: &Repo, args: &[&str]) -> Output {
    repo.write("l.txt", "l\n");
    repo.git(&["add", "l.txt"]);
    repo.git_output(args)
}

/// Kill points after which a commit took the changelog the killed run wrote (`--amend -a`
/// replacing its commit; `commit -a` before HEAD had moved): the recovery keeps that file.
#[test]
fn a_changelog_a_commit_took_after_a_kill_is_kept() {
    for (point, args, entry) in [
        (
            "refs-moved",
            &[
                "commit",
                "-q",
                "--amend",
                "-a",
                "-m",
                "feat: killed amend, amended",
            ][..],
            "- killed amend, amended",
        ),
        (
            "files-written",
            &["commit", "-q", "-a", "-m", "feat: built on it"][..],
            "- killed amend",
        ),
    ] {
        let repo = released();
        killed_amend_lock_removed(&repo, point);
        let out = repo.git_output(args);
        assert!(out.status.success(), "{point}: {}", text(&out));
        assert!(
            text(&out).contains("kept CHANGELOG.md as it wrote it"),
            "{point}: {}",
            text(&out)
        );
        let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
        assert_eq!(count_line(&head, entry), 1, "{point}: {head}");
        assert_eq!(count_line(&repo.read("CHANGELOG.md"), entry), 1, "{point}");
        assert!(
            repo.is_clean(),
            "{point}: {}",
            repo.git(&["status", "--porcelain"])
        );
    }
}

/// Killed before HEAD moved: the next commit's recovery undoes it and says how the entry
/// comes back.
#[test]
fn an_undone_amend_says_how_its_entry_comes_back() {
    let repo = released();
    killed_amend_lock_removed(&repo, "index-staged");
    let out = next_commit(&repo, &["commit", "-q", "-m", "feat: next one"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("is not in CHANGELOG.md: `relhook changelog --sync` adds it"),
        "{}",
        text(&out)
    );
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    assert_eq!(count_line(&repo.read("CHANGELOG.md"), "- killed amend"), 1);
}

/// Another branch checked out after the kill: its commits are neither refused nor given
/// the killed amend's changelog; back on main, the index has the amend's changelog.
#[test]
fn another_branch_after_a_killed_amend_is_left_alone() {
    let repo = released();
    repo.git(&["branch", "other"]);
    killed_amend_lock_removed(&repo, "refs-moved");
    repo.git(&["checkout", "-q", "-f", "other"]);
    repo.write("o.txt", "o\n");
    repo.git(&["add", "o.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: on other"]);
    assert!(out.status.success(), "{}", text(&out));
    let other = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(count_line(&other, "- killed amend"), 0, "{other}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    repo.git(&["checkout", "-q", "main"]);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    assert_eq!(count_line(&repo.read("CHANGELOG.md"), "- killed amend"), 1);
}

/// The re-staging itself killed (and its lock removed again): the next commit is still
/// refused, and sync still finishes it.
#[test]
fn a_killed_restaging_is_still_guarded_and_finished() {
    let repo = released();
    killed_amend_lock_removed(&repo, "refs-moved");
    let mut sync = repo.command_in(relhook_bin(), &repo.path());
    sync.args(["changelog", "--sync"]);
    let (_, killed) = run_and_kill(sync, "", &Point::Step("locked"));
    assert!(killed);
    let _ = std::fs::remove_file(repo.path().join(".git/index.lock"));
    let refused = next_commit(&repo, &["commit", "-q", "-m", "feat: next one"]);
    assert!(!refused.status.success(), "{}", text(&refused));
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    assert!(
        text(&sync).contains("staged CHANGELOG.md again"),
        "{}",
        text(&sync)
    );
    let out = repo.git_output(&["commit", "-q", "-m", "feat: next one"]);
    assert!(out.status.success(), "{}", text(&out));
    let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(count_line(&head, "- killed amend"), 1, "{head}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// A CRLF checkout of the changelog: the guard and the re-staging go by the index's blobs,
/// not by the work tree's bytes.
#[test]
fn a_crlf_changelog_after_a_killed_amend_is_guarded_too() {
    let repo = released();
    repo.write(".gitattributes", "CHANGELOG.md text eol=crlf\n");
    repo.git(&["add", ".gitattributes"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: attributes"]);
    std::fs::remove_file(repo.path().join("CHANGELOG.md")).unwrap();
    repo.git(&["checkout", "--", "CHANGELOG.md"]);
    killed_amend_lock_removed(&repo, "refs-moved");
    let refused = next_commit(&repo, &["commit", "-q", "-m", "feat: next one"]);
    assert!(!refused.status.success(), "{}", text(&refused));
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    let out = repo.git_output(&["commit", "-q", "-m", "feat: next one"]);
    assert!(out.status.success(), "{}", text(&out));
    let head = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert_eq!(count_line(&head, "- killed amend"), 1, "{head}");
    assert!(!head.contains('\r'), "{head:?}");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// Killed while committing through another index (`GIT_INDEX_FILE`): a command using the
/// default index refuses to finish it there, and names the command that does.
#[test]
fn a_killed_amend_on_another_index_is_finished_only_there() {
    let repo = released();
    let index = repo.dir.path().join("other.idx");
    let with_index = |program: &std::path::Path, args: &[&str]| {
        repo.command_in(program, &repo.path())
            .env("GIT_INDEX_FILE", &index)
            .args(args)
            .output()
            .expect("run")
    };
    let git = crate::support::git_abs();
    assert!(with_index(&git, &["read-tree", "HEAD"]).status.success());
    std::fs::write(repo.path().join("k.txt"), "k\n").unwrap();
    assert!(with_index(&git, &["add", "k.txt"]).status.success());
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("GIT_INDEX_FILE", &index)
        .args(["commit", "-q", "-m", "feat: killed amend"]);
    let (out, killed) = run_and_kill(cmd, "post-commit", &Point::Step("refs-moved"));
    assert!(killed && out.status.success(), "{}", text(&out));
    std::fs::remove_file(repo.dir.path().join("other.idx.lock")).expect("its lock");
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_ne!(sync.status.code(), Some(0), "{}", text(&sync));
    assert!(text(&sync).contains("GIT_INDEX_FILE="), "{}", text(&sync));
    let bin = relhook_bin();
    let sync = with_index(&bin, &["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    assert!(
        text(&sync).contains("staged CHANGELOG.md again"),
        "{}",
        text(&sync)
    );
}

/// A monorepo commit touching two packages, its post-commit killed before HEAD moved: the
/// undo and doctor name the package changelogs and `--sync --all`, which adds the entries
/// (plain `--sync` only syncs the root changelog).
#[test]
fn an_undone_monorepo_amend_names_the_command_that_adds_its_entries() {
    let repo = two_packages();
    kill_commit(&repo, "feat: both", "files-written");
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        stdout(&doctor).contains("fix: relhook changelog --sync --all"),
        "{}",
        text(&doctor)
    );
    let sync = repo.relhook(&["changelog", "--sync", "--all"]);
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync));
    assert!(
        text(&sync).contains("`relhook changelog --sync --all` adds it"),
        "{}",
        text(&sync)
    );
    for log in ["x/CHANGELOG.md", "y/CHANGELOG.md"] {
        assert_eq!(count_line(&repo.read(log), "- both"), 1, "{log}");
    }
}

/// The same monorepo killed after HEAD moved, its lock removed: the refused commit names
/// the monorepo's command too.
#[test]
fn a_refused_monorepo_commit_names_the_monorepo_command() {
    let repo = two_packages();
    kill_commit(&repo, "feat: both", "refs-moved");
    let refused = next_commit(&repo, &["commit", "-q", "-m", "feat: next one"]);
    assert!(!refused.status.success(), "{}", text(&refused));
    assert!(
        text(&refused).contains("run `relhook changelog --sync --all`"),
        "{}",
        text(&refused)
    );
}

/// A monorepo of packages `x` and `y`, relhook installed, a change to both staged.
fn two_packages() -> Repo {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.write("x/f", "1\n");
    repo.write("y/f", "1\n");
    repo.write(
        ".relconfig.toml",
        "[packages.x]\npath = \"x\"\n\n[packages.y]\npath = \"y\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo.write("x/f", "2\n");
    repo.write("y/f", "2\n");
    repo.git(&["add", "."]);
    repo
}

/// The next relhook undoes a hand tag's killed release commit, and says that the tag is left
/// on a commit without its section, with the command that finishes it: not "nothing remains".
#[test]
fn an_undone_hand_tag_release_names_the_tag_left_behind() {
    let repo = released();
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.1.1", "-m", "v0.1.1"]);
    let (_, killed) = run_and_kill(cmd, "reference-transaction", &Point::Step("index-staged"));
    assert!(killed);
    let out = relhook_dated(&repo, &["changelog", "--sync"]);
    let said = text(&out);
    assert!(said.contains("undid an interrupted release"), "{said}");
    assert!(
        said.contains("tag v0.1.1 is on HEAD but CHANGELOG.md there has no section for it")
            && said.contains("`relhook release --resume`"),
        "{said}"
    );
    // A plain `relhook release` names that release, not "nothing to release".
    // It repeats the `--no-test` it was given, so the advice pasted resumes the same way.
    let out = relhook_dated(&repo, &["release", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("`relhook release --resume --no-test`"),
        "{}",
        text(&out)
    );
}

/// `relhook release --resume` after a killed hand tag finishes it without first telling the
/// user to run `relhook release --resume`.
#[test]
fn the_resume_of_a_killed_hand_tag_does_not_name_itself() {
    let repo = released();
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.1.1", "-m", "v0.1.1"]);
    let (_, killed) = run_and_kill(cmd, "reference-transaction", &Point::Step("index-staged"));
    assert!(killed);
    let out = relhook_dated(&repo, &["release", "--resume", "--no-test"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    // It finishes the release, and says that, not that it undid it (QA41).
    assert!(
        said.contains("finishing the interrupted release of v0.1.1") && !said.contains("undid"),
        "{said}"
    );
    assert!(!said.contains("`relhook release --resume`"), "{said}");
}

/// Killed after its release commit, before the tag moved onto it: what is said names the tag
/// as still on the commit before, not as missing.
#[test]
fn a_hand_tag_killed_before_it_moved_is_said_to_be_on_the_commit_before() {
    let repo = released();
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.1.1", "-m", "v0.1.1"]);
    let (_, killed) = run_and_kill(cmd, "reference-transaction", &Point::Step("hand-committed"));
    assert!(killed);
    let said = text(&relhook_dated(&repo, &["doctor"]));
    assert!(
        said.contains("tag v0.1.1 is still on the commit before it") && !said.contains("missing"),
        "{said}"
    );
}

/// A journal or index copy a killed relhook left before the journal took its name (so no
/// recovery sweeps it) is swept by the next command a person runs.
#[test]
fn a_dead_relhooks_pending_journal_is_swept() {
    let repo = released();
    let stale = repo.path().join(".git/relhook-tmp-journal-999999999");
    std::fs::write(&stale, "relhook transaction\npid 999999999\n").unwrap();
    // The marked file a lock is linked from, left by a kill between the two; a live
    // process's (this test's own pid) and any other file are kept.
    let mark = repo.path().join(".git/relhook-tmp-Ab12Cd");
    std::fs::write(&mark, "relhook-lock pid 999999999 started 1\n").unwrap();
    let live = repo.path().join(".git/relhook-tmp-Ef34Gh");
    std::fs::write(&live, format!("relhook-lock pid {}\n", std::process::id())).unwrap();
    let other = repo.path().join(".git/relhook-tmp-other");
    std::fs::write(&other, "not a mark\n").unwrap();
    let out = relhook_dated(&repo, &["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stale.exists());
    assert!(!mark.exists());
    assert!(live.exists() && other.exists());
}

/// Puts `pid` in the journal a killed relhook left, as if that pid had been reused.
fn journal_names_pid(repo: &Repo, pid: u32) {
    let path = repo.path().join(".git/relhook-txn");
    let journal = std::fs::read_to_string(&path).expect("the journal");
    let lines: Vec<String> = journal
        .lines()
        .map(|l| match l.starts_with("pid ") {
            true => format!("pid {pid}"),
            false => l.to_owned(),
        })
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

/// The journal's pid now names a live unrelated process (the pid reused) or the killed relhook
/// not yet reaped (a zombie): neither is the relhook that wrote it, so the commit that would
/// take CHANGELOG.md back is still refused, and doctor does not call it running.
#[test]
fn a_reused_or_zombie_pid_does_not_pass_for_the_killed_relhook() {
    let mut sleeper = Command::new("sleep").arg("60").spawn().expect("sleep");
    let mut zombie = Command::new("true").spawn().expect("true");
    let stat = format!("/proc/{}/stat", zombie.id());
    let deadline = Instant::now() + Duration::from_secs(10);
    while !std::fs::read_to_string(&stat).is_ok_and(|s| s.contains(") Z ")) {
        assert!(Instant::now() < deadline, "no zombie");
        std::thread::sleep(Duration::from_millis(10));
    }
    for (what, pid) in [("reused", sleeper.id()), ("zombie", zombie.id())] {
        let repo = released();
        killed_amend_lock_removed(&repo, "refs-moved");
        journal_names_pid(&repo, pid);
        let doctor = text(&repo.relhook(&["doctor"]));
        assert!(!doctor.contains("is running"), "{what}: {doctor}");
        assert!(doctor.contains("was interrupted"), "{what}: {doctor}");
        let head = repo.git(&["rev-parse", "HEAD"]);
        let refused = next_commit(&repo, &["commit", "-q", "-m", "feat: next one"]);
        let said = text(&refused);
        assert!(!refused.status.success(), "{what}: {said}");
        assert!(
            said.contains("would take CHANGELOG.md back"),
            "{what}: {said}"
        );
        assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{what}: no commit");
    }
    let _ = sleeper.kill();
    let _ = sleeper.wait();
    let _ = zombie.wait();
}

/// A package's hand tag killed before its release commit, still on HEAD: `release --package
/// a --resume` finishes it as `release --resume` does, and `release --package a` names that
/// rather than release again.
#[test]
fn a_killed_package_hand_tag_on_head_is_finished_by_the_package_resume() {
    let repo = package_a_with_a_feature();
    kill_package_hand_tag(&repo);
    for args in [
        &["release", "--package", "a", "--no-test"][..],
        &["release", "--all", "--no-test"],
    ] {
        let out = relhook_dated(&repo, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(text(&out).contains("--resume"), "{args:?}: {}", text(&out));
    }
    let out = relhook_dated(&repo, &["release", "--package", "a", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.head_subject(),
        "chore(release): a-v0.2.0",
        "{}",
        text(&out)
    );
    assert_eq!(
        repo.git(&["rev-parse", "a-v0.2.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
    assert!(
        repo.read("crates/a/CHANGELOG.md")
            .contains("## [0.2.0] - 2026-11-21")
    );
    assert!(
        repo.read("crates/a/Cargo.toml")
            .contains("version = \"0.2.0\"")
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
}

/// A hand tag killed before its release commit, finished by `relhook release --resume`: the
/// tooling `package.json` beside `Cargo.toml` is left alone and the note says so, as the hook
/// would have.
#[test]
fn a_resumed_hand_tag_leaves_a_tooling_file_alone_and_says_so() {
    let tooling = "{\n  \"private\": true,\n  \"version\": \"0.0.0\"\n}\n";
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.write("Cargo.toml", cargo_toml("0.1.0"));
    repo.write("package.json", tooling);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore(release): 0.1.0"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = repo.commit_with_hooks("feat: shipped soon");
    assert!(out.status.success(), "{}", text(&out));
    let mut cmd = repo.command_in("git", &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.2.0", "-m", "v0.2.0"]);
    let _ = run_and_kill(cmd, "reference-transaction", &Point::Step("hand-started"));
    let out = relhook_dated(&repo, &["release", "--resume"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("note: package.json says 0.0.0 (JSON key `version`), not 0.1.0"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("package.json"), tooling);
    assert!(repo.read("Cargo.toml").contains("version = \"0.2.0\""));
    assert_eq!(
        repo.git(&["rev-parse", "v0.2.0^{commit}"]),
        repo.git(&["rev-parse", "HEAD"])
    );
}

/// QA: a release killed while it held git's index lock. A hand tag then waited for the lock
/// and said "held by another git process; try again in a moment", which never helps: the
/// holder is dead. It now says who left the lock and the command that recovers, which does.
#[test]
fn a_hand_tag_after_a_killed_release_names_the_recovery_not_a_retry() {
    let repo = released();
    let mut cmd = repo.command_in(relhook_bin(), &repo.path());
    cmd.env("RELHOOK_DATE", "2026-11-21").args(["release"]);
    let (_, killed) = run_and_kill(cmd, "", &Point::Step("files-written"));
    assert!(killed);
    assert!(repo.path().join(".git/index.lock").exists());
    let started = Instant::now();
    let out = repo
        .command_in("git", &repo.path())
        .env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.2.0", "-m", "v0.2.0"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    // Its journal is found first (QA48): the run and its recovery, as doctor names them.
    assert!(
        err.contains("a relhook release was interrupted (pid ")
            && err.contains("`relhook changelog --sync`, then tag again")
            && !err.contains("try again in a moment"),
        "{err}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "no wait for a dead holder"
    );
    // The lock removed by hand, as git advises: the recovery is still what is named.
    let lock = repo.path().join(".git/index.lock");
    let held = std::fs::read(&lock).unwrap();
    std::fs::remove_file(&lock).unwrap();
    let out = repo
        .command_in("git", &repo.path())
        .args(["tag", "-a", "v0.2.0", "-m", "v0.2.0"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success()
            && err.contains("a relhook release was interrupted (pid ")
            && err.contains("`relhook changelog --sync`, then tag again")
            && !err.contains("commit or stash"),
        "{err}"
    );
    std::fs::write(&lock, held).unwrap();
    let sync = relhook_dated(&repo, &["changelog", "--sync"]);
    assert!(sync.status.success(), "{}", text(&sync));
    let out = repo
        .command_in("git", &repo.path())
        .env("RELHOOK_DATE", "2026-11-21")
        .args(["tag", "-a", "v0.2.0", "-m", "v0.2.0"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.git(&["show", "v0.2.0:CHANGELOG.md"])
            .contains("## [0.2.0]")
    );
}

/// QA: a release killed while testing left its mark (`relhook-releasing`) until the next
/// release. It counts for nothing once its relhook is gone; the next relhook command that
/// cleans up after killed ones removes it, and one of a running relhook stays.
#[test]
fn a_killed_releases_mark_is_swept_and_a_live_ones_is_kept() {
    let repo = released();
    let mark = repo.path().join(".git/relhook-releasing");
    std::fs::write(&mark, "pid 4194303\n").unwrap();
    let out = relhook_dated(&repo, &["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!mark.exists(), "a dead release's mark is removed");
    let mut live = Command::new("sleep").arg("5").spawn().unwrap();
    std::fs::write(&mark, format!("pid {}\n", live.id())).unwrap();
    let out = relhook_dated(&repo, &["changelog", "--sync"]);
    assert!(out.status.success(), "{}", text(&out));
    let kept = mark.exists();
    let _ = live.kill();
    let _ = live.wait();
    assert!(kept, "a running release's mark stays");
}
