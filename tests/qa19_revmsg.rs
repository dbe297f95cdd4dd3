//! Found by QA: a revert written as a Conventional Commit (`revert: feat: add e`, with a
//! `Refs: <sha>` footer) was read as a change of its own, not as git's `Revert "feat: add e"`
//! is: post-commit gave it `- feat: add e (#…)` under Removed (the raw header, and the sha's
//! digits taken for an issue) for a feature that never shipped, and version, `--sync` and
//! `--rebuild` counted both. And pre-push's "stays behind" hint for a lightweight release tag
//! named `--follow-tags` (which never sends one) and a push that pre-push then refuses.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// From `git init`: relhook installed, `feat: add a`, then `target` (which adds `e.txt`),
/// both through the hooks.
fn two_features(target: &str) -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: add a");
    repo.write("e.txt", "e\n");
    repo.git(&["add", "e.txt"]);
    repo.git(&["commit", "-q", "-m", target]);
    repo
}

/// A way to write a revert as a Conventional Commit: the header of the change it reverts,
/// and its message's paragraphs for that change's full id.
type Case = (&'static str, fn(&str) -> Vec<String>);

/// The `revert` type with the reverted header as its subject (with and without a footer
/// naming the commit, scoped, breaking), and with a subject of its own and a footer naming it.
const CASES: [Case; 5] = [
    ("feat: add e", |id| {
        vec!["revert: feat: add e".into(), format!("Refs: {}", &id[..7])]
    }),
    ("feat: add e", |_| vec!["revert: feat: add e".into()]),
    ("feat(api): add e", |id| {
        vec![
            "revert(api): feat(api): add e".into(),
            format!("This reverts commit {id}."),
        ]
    }),
    ("feat: add e", |id| {
        vec!["revert!: feat: add e".into(), format!("Refs: {}", &id[..7])]
    }),
    ("feat: add e", |id| {
        vec!["revert: drop e again".into(), format!("Refs: {}", &id[..7])]
    }),
];

/// `git commit` with one `-m` per paragraph, through the hooks unless `skip`.
fn commit_paragraphs(repo: &Repo, paragraphs: &[String], skip: bool) -> std::process::Output {
    let mut args = vec!["commit", "-q"];
    for p in paragraphs {
        args.extend(["-m", p.as_str()]);
    }
    if skip {
        repo.git_skipping_relhook(&args)
    } else {
        repo.git_output(&args)
    }
}

/// QA's case: `git revert --no-commit` of an unreleased feature, committed as a `revert:`
/// commit. The reverted diff takes `- add e` out, and post-commit adds nothing, as for git's
/// own `Revert "feat: add e"`. A revert made by hand (the file untouched) takes the entry out.
#[test]
fn a_revert_type_commit_of_an_unreleased_change_leaves_no_entry() {
    let want = "## [Unreleased]\n\n### Added\n\n- add a\n";
    for by_hand in [false, true] {
        for (target, message) in CASES {
            let repo = two_features(target);
            let message = message(&repo.git(&["rev-parse", "HEAD"]));
            if by_hand {
                repo.git(&["rm", "-q", "e.txt"]);
            } else {
                repo.git(&["revert", "--no-commit", "HEAD"]);
            }
            let out = commit_paragraphs(&repo, &message, false);
            assert!(out.status.success(), "{message:?}: {}", text(&out));
            let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
            let unreleased = &log[log.find("## [Unreleased]").unwrap()..];
            assert_eq!(
                unreleased.trim_end(),
                want.trim_end(),
                "{message:?} (by hand: {by_hand}): {}",
                text(&out)
            );
            assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
            // History agrees: nothing to sync, nothing else rebuilt.
            let before = repo.read("CHANGELOG.md");
            ok(repo.relhook(&["changelog", "--sync"]));
            assert_eq!(repo.read("CHANGELOG.md"), before, "{message:?}");
            let rebuilt = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
            let rebuilt = String::from_utf8_lossy(&rebuilt.stdout).into_owned();
            assert!(rebuilt.ends_with(want), "{message:?}: {rebuilt}");
        }
    }
}

/// The same commits made with the hooks off: `--sync`, `--rebuild`, the next version and the
/// release read the `revert:` commit as git's `Revert "…"`: the two cancel out.
#[test]
fn history_cancels_a_revert_type_commit_with_the_change_it_reverts() {
    for (target, message) in CASES {
        let repo = Repo::new();
        ok(repo.relhook(&["install"]));
        repo.commit_hooked("feat: add a");
        let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
        assert!(out.status.success(), "{}", text(&out));
        let released = repo.read("CHANGELOG.md");
        repo.write("e.txt", "e\n");
        repo.git(&["add", "e.txt"]);
        ok(repo.git_skipping_relhook(&["commit", "-q", "-m", target]));
        let message = message(&repo.git(&["rev-parse", "HEAD"]));
        repo.git(&["rm", "-q", "e.txt"]);
        ok(commit_paragraphs(&repo, &message, true));
        ok(repo.relhook(&["changelog", "--sync"]));
        assert_eq!(repo.read("CHANGELOG.md"), released, "{message:?}");
        let rebuilt = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
        let rebuilt = String::from_utf8_lossy(&rebuilt.stdout).into_owned();
        assert!(
            rebuilt.contains("## [Unreleased]\n\n## [0.1.0]"),
            "{message:?}: {rebuilt}"
        );
        let out = repo.relhook(&["version", "--next"]);
        assert_eq!(out.status.code(), Some(1), "{message:?}: {}", text(&out));
        assert!(
            stderr(&out).contains("nothing to release"),
            "{message:?}: {}",
            text(&out)
        );
        // A release tagged anyway has no notes to build from its commits.
        ok(repo.git_skipping_relhook(&["tag", "-a", "v0.1.1", "-m", "r"]));
        let out = repo.relhook(&["notes", "v0.1.1"]);
        assert_eq!(out.status.code(), Some(1), "{message:?}: {}", text(&out));
    }
}

/// A revert of a released change gets its entry, worded as git's own revert's
/// (`**api:** revert "add e"`), never the raw `feat(api):` header nor the sha's digits as an
/// issue; `--sync`, `--rebuild` and the version read it alike.
#[test]
fn a_revert_type_commit_of_a_released_change_reads_like_git_s_own() {
    let made = |own: bool| {
        let repo = two_features("feat(api): add e");
        let full = repo.git(&["rev-parse", "HEAD"]);
        let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
        assert!(out.status.success(), "{}", text(&out));
        if own {
            repo.git(&["revert", "--no-commit", &full]);
            let message = [
                "revert(api): feat(api): add e".into(),
                format!("Refs: {}", &full[..7]),
            ];
            let out = commit_paragraphs(&repo, &message, false);
            assert!(out.status.success(), "{}", text(&out));
        } else {
            ok(repo.git_output(&["revert", "--no-edit", &full]));
        }
        repo
    };
    let (git_s, ours) = (made(false), made(true));
    let log = ours.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        log.contains("## [Unreleased]\n\n### Removed\n\n- **api:** revert \"add e\"\n\n## [0.1.0]"),
        "{log}"
    );
    assert_eq!(log, git_s.git(&["show", "HEAD:CHANGELOG.md"]));
    assert!(ours.is_clean(), "{}", ours.git(&["status", "--porcelain"]));
    ok(ours.relhook(&["changelog", "--sync"]));
    assert_eq!(ours.read("CHANGELOG.md").trim_end(), log);
    let rebuilt = |r: &Repo| ok(r.relhook(&["changelog", "--rebuild", "--stdout"])).stdout;
    assert_eq!(
        String::from_utf8_lossy(&rebuilt(&ours)),
        String::from_utf8_lossy(&rebuilt(&git_s))
    );
    let next = |r: &Repo| text(&r.relhook(&["version", "--next"]));
    assert_eq!(next(&ours), next(&git_s));
    // Notes built from the commits of a release tagged without its section.
    let notes = |r: &Repo| {
        ok(r.git_skipping_relhook(&["tag", "-a", "v0.1.1", "-m", "r"]));
        String::from_utf8_lossy(&ok(r.relhook(&["notes", "v0.1.1"])).stdout).into_owned()
    };
    let said = notes(&ours);
    assert_eq!(said, notes(&git_s));
    assert!(said.contains("- **api:** revert \"add e\""), "{said}");
}
/// git's revert of a released `revert: fix: beta` is `Revert "revert: fix: beta"` (git names
/// only a revert of its own `Revert "…"` a `Reapply`): the change itself again, as `Reapply
/// "fix: beta"` is, its entry `- beta` under Fixed, never `revert "beta"` under Removed.
#[test]
fn git_s_revert_of_a_released_revert_type_commit_is_the_change_again() {
    let repo = crate::support::installed_repo();
    repo.write("b.txt", "1\n");
    repo.git(&["add", "b.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: beta"]);
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["revert", "--no-commit", ":/^fix: beta"]);
    ok(repo.git_output(&["commit", "-q", "-m", "revert: fix: beta"]));
    let out = hand_tag(&repo, &["-a", "v0.1.1", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["revert", "--no-edit", ":/^revert: fix: beta"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "Revert \"revert: fix: beta\"");
    let log = repo.git(&["show", "HEAD:CHANGELOG.md"]);
    assert!(
        log.contains("## [Unreleased]\n\n### Fixed\n\n- beta\n\n## [0.1.1] - 2026-11-21\n\n### Removed\n\n- revert \"beta\"\n"),
        "{log}\n{}",
        text(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--porcelain"]));
    let before = repo.read("CHANGELOG.md");
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), before);
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(
        crate::support::stdout(&next).trim(),
        "0.1.2",
        "{}",
        text(&next)
    );
}

/// A repository pushed to `origin` with release v0.1.0 (no test records asked for), then
/// `fix: z` tagged v0.1.1 by a lightweight tag made with the hooks off, as QA did.
pub(crate) fn lightweight_tag_after_a_push(config: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        format!("[checks]\nrequire_tested_tags = false\n{config}"),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: add a");
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "r"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.with_origin();
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    repo.commit_hooked("fix: z");
    ok(repo.git_skipping_relhook(&["tag", "v0.1.1"]));
    repo
}

/// The "stays behind" line of a push's output, with the lines indented under it.
pub(crate) fn behind_line(out: &std::process::Output) -> String {
    let err = stderr(out);
    let mut lines = err.lines().skip_while(|l| !l.contains("stays behind"));
    let first = lines
        .next()
        .unwrap_or_else(|| panic!("no \"stays behind\" line:\n{}", text(out)));
    std::iter::once(first)
        .chain(lines.take_while(|l| l.starts_with("    ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// After `git push --follow-tags`, the hint for a lightweight release tag pre-push would refuse
/// names neither `--follow-tags` as the way to send it (it just left it behind) nor a push of
/// it as it is, but the refusal's way to make it again; done as said, the next push with
/// `--follow-tags` takes the release.
#[test]
fn a_lightweight_release_tag_left_behind_is_told_how_to_make_it_again() {
    let repo = lightweight_tag_after_a_push("");
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    let line = behind_line(&out);
    assert!(!line.contains("(or push with `--follow-tags`"), "{line}");
    assert!(!line.contains("`git push origin v0.1.1`"), "{line}");
    assert!(line.contains("lightweight"), "{line}");
    assert!(
        line.contains("`git tag -d v0.1.1`") && line.contains("`relhook release 0.1.1`"),
        "{line}"
    );
    // As said: delete it, release it, push with the tags.
    ok(repo.git_output(&["tag", "-d", "v0.1.1"]));
    let out = crate::support::dated_release(&repo, &["0.1.1"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("stays behind"), "{}", text(&out));
    let remote = repo.git(&["ls-remote", "--tags", "origin", "v0.1.1"]);
    assert!(remote.contains("refs/tags/v0.1.1"), "{remote}");
}

/// A lightweight tag on a commit that has its section (made by hand): re-made annotated on
/// the same commit, the exact commands said. One allowed by `release.allow_lightweight_tags`
/// is pushed by name only: `--follow-tags` never sends it.
#[test]
fn a_lightweight_tag_on_its_release_commit_is_made_annotated_or_pushed_by_name() {
    for allowed in [false, true] {
        let config = if allowed {
            "[release]\nallow_lightweight_tags = true\n"
        } else {
            ""
        };
        let repo = lightweight_tag_after_a_push(config);
        ok(repo.git_output(&["tag", "-d", "v0.1.1"]));
        let log = repo.read("CHANGELOG.md").replacen(
            "## [Unreleased]\n\n",
            "## [Unreleased]\n\n## [0.1.1] - 2026-11-21\n\n",
            1,
        );
        repo.write("CHANGELOG.md", log);
        ok(repo.git_skipping_relhook(&["commit", "-q", "-am", "chore(release): 0.1.1"]));
        ok(repo.git_skipping_relhook(&["tag", "v0.1.1"]));
        let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
        assert!(out.status.success(), "{}", text(&out));
        let line = behind_line(&out);
        assert!(!line.contains("--follow-tags"), "{line}");
        if allowed {
            assert!(line.contains("`git push origin v0.1.1`"), "{line}");
            ok(repo.git_output(&["push", "origin", "v0.1.1"]));
            continue;
        }
        let fix = line
            .split('`')
            .find(|c| c.starts_with("git tag -d v0.1.1 && git tag -a v0.1.1 "))
            .unwrap_or_else(|| panic!("no command re-making the tag: {line}"));
        assert!(fix.ends_with(" -m v0.1.1"), "{line}");
        assert!(line.ends_with("; then `git push origin v0.1.1`"), "{line}");
        let out = repo.sh(fix);
        assert!(out.status.success(), "{}", text(&out));
        let out = repo.git_output(&["push", "origin", "v0.1.1"]);
        assert!(out.status.success(), "{}", text(&out));
        let remote = repo.git(&["ls-remote", "--tags", "origin", "v0.1.1"]);
        assert!(remote.contains("refs/tags/v0.1.1"), "{remote}");
    }
}
