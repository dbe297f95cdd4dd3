//! QA40: a shallow CI clone whose base's history is cut above the pull request's fork point.
//! The base then hides none of the old commits below its cut, so the walk reached them as if
//! the pull request brought them, judged `Initial commit` and failed, advising to rewrite the
//! root of main. relhook now refuses (exit 2) with the fix to fetch more history, in every
//! output format, for a pull request and for a push alike; a shallow clone whose base reaches
//! below the fork point is checked as before.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{Repo, stderr, stdout, text};

/// main: `old` (the last, `feat: x`, is the fork point), then `fixes` fixes; the branch `feat`
/// has one commit; `refs/pull/1/merge` merges it into main's tip.
struct Origin {
    repo: Repo,
    base: String,
    head: String,
    merge: String,
}

fn origin(old: &[&str], fixes: usize) -> Origin {
    let repo = Repo::new();
    for m in old {
        repo.commit(m);
    }
    repo.git(&["checkout", "-q", "-b", "feat"]);
    let head = repo.commit("feat: the pr");
    repo.git(&["checkout", "-q", "main"]);
    for i in 1..=fixes {
        repo.commit(&format!("fix: m{i}"));
    }
    let base = repo.git(&["rev-parse", "main"]);
    repo.git(&["checkout", "-q", "--detach", "main"]);
    repo.git(&["merge", "-q", "--no-ff", "feat", "-m", "Merge pr"]);
    let merge = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&["update-ref", "refs/pull/1/merge", &merge]);
    repo.git(&["checkout", "-q", "main"]);
    Origin {
        repo,
        base,
        head,
        merge,
    }
}

impl Origin {
    /// A CI checkout of `refs/pull/1/merge` fetched alone at `depth`.
    fn checkout(&self, depth: u32) -> PathBuf {
        let dir = self.repo.scratch(&format!("ci{depth}"));
        let url = format!("file://{}", self.repo.path().display());
        let depth = format!("--depth={depth}");
        let refspec = "+refs/pull/1/merge:refs/remotes/pull/1/merge";
        for args in [
            &["init", "-q"][..],
            &["fetch", "-q", "--no-tags", &depth, &url, refspec],
            &["checkout", "-q", "--detach", "refs/remotes/pull/1/merge"],
        ] {
            let out = self.repo.git_in(&dir, args, &[]);
            assert!(out.status.success(), "{args:?}: {}", text(&out));
        }
        dir
    }

    /// `relhook check` in `dir` as GitHub Actions runs it for `event` with `payload`.
    fn check(&self, dir: &Path, event: &str, payload: &str, format: &str) -> Output {
        let path = dir.join("../event.json");
        std::fs::write(&path, payload).unwrap();
        let path = path.to_str().unwrap().to_owned();
        let mut env = vec![
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", event),
            ("GITHUB_SHA", self.merge.as_str()),
            ("GITHUB_EVENT_PATH", path.as_str()),
        ];
        if event == "pull_request" {
            env.push(("GITHUB_BASE_REF", "main"));
        } else {
            env.extend([
                ("GITHUB_REF", "refs/heads/main"),
                ("GITHUB_REF_NAME", "main"),
            ]);
        }
        let mut cmd = self.repo.command_in(crate::support::relhook_bin(), dir);
        cmd.args(["check", "--format", format]).envs(env);
        cmd.output().unwrap()
    }

    fn pull_request(&self) -> String {
        format!(
            r#"{{"pull_request":{{"base":{{"ref":"main","sha":"{}"}},"head":{{"ref":"feat","sha":"{}"}}}}}}"#,
            self.base, self.head
        )
    }

    fn push(&self) -> String {
        format!(
            r#"{{"before":"{}","after":"{}","repository":{{"default_branch":"main"}}}}"#,
            self.base, self.merge
        )
    }
}

/// Exit 2 with GitHub's fix, nothing judged: the old commits are not failed as new.
fn refused(out: &Output, format: &str) {
    assert_eq!(out.status.code(), Some(2), "{format}: {}", text(out));
    let all = format!("{}{}", stdout(out), stderr(out));
    assert!(all.contains("fetch-depth: 0"), "{format}: {all}");
    assert!(all.contains("shallow"), "{format}: {all}");
    for judged in ["Initial commit", "--root", "failed"] {
        assert!(!all.contains(judged), "{format}: {judged}: {all}");
    }
}

#[test]
fn a_pull_request_whose_base_is_cut_above_the_fork_point_refuses_in_every_format() {
    let o = origin(&["Initial commit", "feat: x"], 10);
    let dir = o.checkout(5);
    for format in ["text", "json", "github", "gitlab"] {
        let out = o.check(&dir, "pull_request", &o.pull_request(), format);
        refused(&out, format);
        match format {
            "json" | "gitlab" => {
                let v: serde_json::Value = serde_json::from_slice(&out.stdout)
                    .unwrap_or_else(|e| panic!("{format}: {e}: {}", text(&out)));
                assert!(v.to_string().contains("fetch-depth: 0"), "{v}");
            }
            "github" => assert!(stdout(&out).contains("::error"), "{}", text(&out)),
            _ => {}
        }
    }
}

#[test]
fn a_push_whose_previous_tip_is_cut_above_the_fork_point_refuses() {
    let o = origin(&["Initial commit", "feat: x"], 10);
    let dir = o.checkout(5);
    refused(&o.check(&dir, "push", &o.push(), "text"), "push");
}

/// With the base one commit past the fork point, depth 4 reaches below it (the cut is
/// `chore: two`): the clone is still shallow and the check is what it was, the pull request's
/// commits only.
#[test]
fn a_shallow_clone_whose_base_reaches_below_the_fork_point_is_checked() {
    let o = origin(
        &["Initial commit", "chore: one", "chore: two", "feat: x"],
        1,
    );
    let dir = o.checkout(4);
    let shallow = std::fs::read_to_string(dir.join(".git/shallow")).unwrap();
    assert!(!shallow.trim().is_empty());
    for (event, payload) in [("pull_request", o.pull_request()), ("push", o.push())] {
        let out = o.check(&dir, event, &payload, "text");
        assert_eq!(out.status.code(), Some(0), "{event}: {}", text(&out));
        assert!(!stdout(&out).contains("Initial commit"), "{}", text(&out));
        assert!(!stderr(&out).contains("shallow"), "{}", text(&out));
    }
}
