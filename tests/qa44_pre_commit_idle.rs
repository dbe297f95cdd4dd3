//! QA44: an entry of `.pre-commit-config.yaml` that pre-commit never runs for a hook was taken
//! as running relhook there: its `stages:` (or the top-level `default_stages:`) left the hook
//! out, its `files:` or `exclude:` left out the message file commit-msg passes, post-commit's
//! had no `always_run: true` (post-commit passes no files), or it called a program whose name
//! merely ends in relhook. install wrote no shim, commits went unchecked, and doctor said all
//! was well. Such an entry does not count: relhook's own shim takes the hook, and doctor names
//! the entry in one line.

use crate::support::{Repo, ok, pending, stdout, text};

/// A `repo: local` entry `x` with these keys (at lines 4 and on).
fn config(top: &str, keys: &str) -> String {
    format!(
        "{top}repos:\n  - repo: local\n    hooks:\n      - id: x\n        name: x\n        language: system\n{keys}"
    )
}

#[test]
fn an_entry_pre_commit_never_runs_leaves_the_hook_to_relhooks_shim() {
    let commit_msg = "        entry: relhook hook commit-msg\n";
    let cases: Vec<(String, &str, &str)> = vec![
        (
            config("", &format!("{commit_msg}        stages: [manual]\n")),
            "commit-msg",
            "its stages ([manual]) leave commit-msg out",
        ),
        (
            config("", &format!("{commit_msg}        stages: [push]\n")),
            "commit-msg",
            "its stages ([push]) leave commit-msg out",
        ),
        (
            config("default_stages: [commit]\n", commit_msg),
            "commit-msg",
            "its default_stages ([commit]) leave commit-msg out",
        ),
        (
            config("", &format!("{commit_msg}        files: ^src/\n")),
            "commit-msg",
            "its `files: ^src/` leaves out .git/COMMIT_EDITMSG, the file pre-commit passes it, and it has no `always_run: true`",
        ),
        (
            config("exclude: ^\\.git/\n", commit_msg),
            "commit-msg",
            "the top-level `exclude: ^\\.git/` leaves out .git/COMMIT_EDITMSG, the file pre-commit passes it, and it has no `always_run: true`",
        ),
        (
            config(
                "",
                "        entry: relhook hook post-commit\n        stages: [post-commit]\n",
            ),
            "post-commit",
            "pre-commit passes post-commit no files and skips an entry without `always_run: true`",
        ),
        (
            config("", "        entry: my-relhook hook commit-msg\n"),
            "commit-msg",
            "it calls `my-relhook`, not relhook",
        ),
        // QA45: Python's look-around, which relhook's regex cannot read: pre-commit skipped
        // the entry, and relhook counted it, so bad messages went in unchecked.
        (
            config("", &format!("{commit_msg}        exclude: '^(?!src/)'\n")),
            "commit-msg",
            "its `exclude: ^(?!src/)` is a pattern relhook cannot read (Python's look-around?), so it cannot tell whether pre-commit passes it .git/COMMIT_EDITMSG",
        ),
    ];
    for (config, hook, why) in &cases {
        let repo = Repo::new();
        repo.write(".pre-commit-config.yaml", config);
        let install = stdout(&ok(repo.relhook(&["install"])));
        assert!(
            install.contains(&format!("installed {hook} in .git/hooks")),
            "{install}\nfor:\n{config}"
        );
        let doctor = stdout(&repo.relhook(&["doctor"]));
        let rows: Vec<&str> = doctor
            .lines()
            .filter(|l| l.contains("pre-commit:"))
            .collect();
        let last = config.lines().count();
        assert_eq!(
            rows,
            [format!(
                " WARNING  pre-commit: .pre-commit-config.yaml's entry `x` (lines {}-{last}) does not run relhook for {hook}: {why}; relhook's own shim runs {hook}",
                config.lines().position(|l| l.contains("- id: x")).unwrap() + 1
            )],
            "{doctor}\nfor:\n{config}"
        );
        // Uninstall names the entries that run relhook: these do not.
        let said = stdout(&ok(repo.relhook(&["uninstall"])));
        assert!(!said.contains(".pre-commit-config.yaml"), "{said}");
    }
    // relhook's shim checks the commit pre-commit would not have.
    let repo = Repo::new();
    repo.write(".pre-commit-config.yaml", &cases[0].0);
    ok(repo.relhook(&["install"]));
    let out = repo.try_commit("bad message");
    assert!(!out.status.success(), "{}", text(&out));
}

#[test]
fn an_entry_pre_commit_runs_is_still_left_to_it() {
    let commit_msg = "        entry: /usr/local/bin/relhook hook commit-msg\n";
    for (config, hook) in [
        (
            config("", &format!("{commit_msg}        files: COMMIT_EDITMSG$\n")),
            "commit-msg",
        ),
        (
            config(
                "default_stages: [pre-commit]\n",
                &format!(
                    "{commit_msg}        stages: [commit-msg]\n        exclude: ^\\.git/\n        always_run: true\n"
                ),
            ),
            "commit-msg",
        ),
        (
            config(
                "",
                "        entry: relhook hook post-commit\n        stages: [post-commit]\n        always_run: true\n",
            ),
            "post-commit",
        ),
    ] {
        let repo = Repo::new();
        repo.write(".pre-commit-config.yaml", &config);
        let install = stdout(&pending(repo.relhook(&["install"])));
        assert!(
            install.contains(&format!(
                "{hook}: .pre-commit-config.yaml runs relhook for it, once you run `pre-commit install --hook-type {hook}`"
            )),
            "{install}\nfor:\n{config}"
        );
        let doctor = stdout(&repo.relhook(&["doctor"]));
        assert!(!doctor.contains("does not run relhook"), "{doctor}");
    }
}
