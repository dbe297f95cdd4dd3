//! `relhook lint` and the commit-msg hook as a user runs them.

use crate::support::{Repo, stderr, stdout, text};

#[test]
fn good_message_exits_0_bad_exits_1() {
    let repo = Repo::new();
    let ok = repo.relhook(&["lint", "--message", "feat(api): add endpoint"]);
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok));
    let bad = repo.relhook(&["lint", "--message", "feature(api):add endpoint"]);
    assert_eq!(bad.status.code(), Some(1), "{}", text(&bad));
    let out = stdout(&bad);
    assert!(
        out.contains("error[type-enum]: unknown commit type `feature`"),
        "{out}"
    );
    assert!(out.contains("1 | feature(api):add endpoint"), "{out}");
    assert!(out.contains("  |              ^ expected `: `"), "{out}");
    assert!(out.contains("= try: feat(api): add endpoint"), "{out}");
}

#[test]
fn json_lists_every_finding() {
    let repo = Repo::new();
    let out = repo.relhook(&["lint", "--format", "json", "--message", "fxi:x"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["valid"], false);
    let rules: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(rules, ["header-format", "type-enum"]);
    assert_eq!(v["findings"][1]["severity"], "error");
    assert_eq!(v["findings"][1]["line"], 1);
    assert_eq!(v["findings"][1]["column"], 1);
}

#[test]
fn file_stdin_and_usage_errors() {
    let repo = Repo::new();
    repo.write("msg.txt", "fix: y\n\n# a comment git strips\n");
    assert_eq!(repo.relhook(&["lint", "msg.txt"]).status.code(), Some(0));
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
    let out = cmd
        .args(["lint", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(b"nope\n")?;
            c.wait_with_output()
        })
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let missing = repo.relhook(&["lint", "no-such-file"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("cannot read `no-such-file`"),
        "{}",
        text(&missing)
    );
    let usage = repo.relhook(&["lint", "--format", "xml", "-m", "feat: x"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn config_errors_exit_2_with_file_line_column() {
    let repo = Repo::new();
    for (config, needle) in [
        (
            "[commit]\nheader_max_length = \"long\"\n",
            ".relconfig.toml:2:",
        ),
        (
            "[commit]\nunknown_key = 1\n",
            ".relconfig.toml:2:1: unknown field `unknown_key`",
        ),
        ("[commit\n", ".relconfig.toml:1:"),
        (
            "[commit]\nignore = ['(']\n",
            ".relconfig.toml:2:11: `commit.ignore`: invalid regex",
        ),
    ] {
        repo.write(".relconfig.toml", config);
        let out = repo.relhook(&["lint", "-m", "feat: x"]);
        assert_eq!(out.status.code(), Some(2), "{config}\n{}", text(&out));
        assert!(stderr(&out).contains(needle), "{config}\n{}", text(&out));
    }
}

#[test]
fn config_changes_the_rules() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[commit]\ntypes = [\"feat\", \"fix\", \"wip\"]\nscopes = [\"parser\"]\n\n[commit.rules]\nsubject-full-stop = \"error\"\n",
    );
    assert_eq!(
        repo.relhook(&["lint", "-m", "wip(parser): x"])
            .status
            .code(),
        Some(0)
    );
    let out = repo.relhook(&["lint", "-m", "docs(parsr): x."]);
    assert_eq!(out.status.code(), Some(1));
    let o = stdout(&out);
    assert!(
        o.contains("type-enum") && o.contains("scope-enum") && o.contains("subject-full-stop"),
        "{o}"
    );
    assert!(o.contains("did you mean `parser`?"), "{o}");
}

#[test]
fn non_utf8_and_nul_get_a_verdict_not_a_panic() {
    let repo = Repo::new();
    repo.write("latin1.txt", b"feat: caf\xe9\n".as_slice());
    let out = repo.relhook(&["lint", "latin1.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stdout(&out).contains("error[encoding]"));
    repo.write("nul.txt", b"feat: a\0b\n".as_slice());
    assert_eq!(repo.relhook(&["lint", "nul.txt"]).status.code(), Some(1));
}

#[test]
fn five_megabyte_message_is_judged() {
    let repo = Repo::new();
    let body = "a line of body text for the big message\n".repeat(130_000);
    repo.write("big.txt", format!("feat: big\n\n{body}"));
    let out = repo.relhook(&["lint", "big.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// Installs a bare commit-msg shim by hand (installation itself is `relhook install`'s job).
fn shim(repo: &Repo) {
    let hook = repo.path().join(".git/hooks/commit-msg");
    let bin = crate::support::relhook_bin();
    std::fs::write(
        &hook,
        format!(
            "#!/bin/sh\nexec '{}' hook commit-msg \"$@\"\n",
            bin.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn commit_msg_hook_rejects_through_git_commit() {
    let repo = Repo::new();
    shim(&repo);
    repo.write("a", "a");
    repo.git(&["add", "a"]);
    let out = repo.git_output(&["commit", "-m", "bad message"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("error[header-format]"),
        "{}",
        text(&out)
    );
    // The way back names the message file itself, by a path that works from anywhere.
    let editmsg = repo.path().join(".git/COMMIT_EDITMSG");
    assert!(
        stderr(&out).contains(&format!(
            "`git commit -e -F {}` reopens it",
            editmsg.display()
        )),
        "{}",
        text(&out)
    );
    assert_eq!(
        repo.git_output(&["rev-parse", "HEAD"]).status.code(),
        Some(128),
        "no commit made"
    );
    repo.git(&["commit", "-q", "-m", "feat: good"]);
    let bypass = repo.git_skipping_relhook(&["commit", "--allow-empty", "-m", "bad again"]);
    assert!(bypass.status.success(), "{}", text(&bypass));
}

#[test]
fn hash_lines_from_m_are_kept_and_judged() {
    // `git commit -m` keeps `#` lines, so they are body text, not comments.
    let repo = Repo::new();
    shim(&repo);
    let out = repo.git_output(&[
        "commit",
        "--allow-empty",
        "-m",
        "feat: x",
        "-m",
        "#123 body\nno blank above",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["log", "-1", "--format=%B"]),
        "feat: x\n\n#123 body\nno blank above"
    );
}

#[test]
fn editor_session_strips_comments_and_scissors() {
    let repo = Repo::new();
    shim(&repo);
    repo.write("a", "a\n");
    repo.git(&["add", "a"]);
    // The "editor" writes a message whose `#` lines git strips, and the -v diff below
    // the scissors line must not be judged either.
    let editor = repo.dir.path().join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nprintf 'feat: from editor\\n\\n# a comment line, a very long one that would break any length rule if it were judged as body text\\n' | cat - \"$1\" > \"$1.new\" && mv \"$1.new\" \"$1\"\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    repo.write(
        ".relconfig.toml",
        "[commit]\nbody_max_line_length = 20\n[commit.rules]\nbody-max-line-length = \"error\"\n",
    );
    let out = repo
        .command_in("git", &repo.path())
        .env("GIT_EDITOR", &editor)
        .args(["commit", "-v"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["log", "-1", "--format=%B"]), "feat: from editor");
}

#[test]
fn custom_comment_char_from_git_config() {
    let repo = Repo::new();
    shim(&repo);
    repo.git(&["config", "core.commentChar", ";"]);
    let editor = repo.dir.path().join("ed.sh");
    // With `;` as comment char, a `#` line is part of the message; `;` lines are not.
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'feat: x\\n\\n#42 is kept\\n; fxi: dropped\\n' > \"$1\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = repo
        .command_in("git", &repo.path())
        .env("GIT_EDITOR", &editor)
        .args(["commit", "--allow-empty"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["log", "-1", "--format=%B"]),
        "feat: x\n\n#42 is kept"
    );
}

#[test]
fn crlf_message_file_passes() {
    let repo = Repo::new();
    repo.write("crlf.txt", "fix(io): handle CRLF\r\n\r\nbody line\r\n");
    let out = repo.relhook(&["lint", "crlf.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn shell_completions_name_the_subcommands() {
    let repo = Repo::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = repo.relhook(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", text(&out));
        let script = stdout(&out);
        assert!(
            script.contains("release") && script.contains("changelog"),
            "{shell}"
        );
    }
    assert_eq!(
        repo.relhook(&["completions", "tcsh"]).status.code(),
        Some(2)
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let repo = Repo::new();
    let always = repo.relhook(&["--color", "always", "lint", "-m", "fxi: x"]);
    assert!(stdout(&always).contains("\u{1b}["), "{}", text(&always));
    // Not a terminal, NO_COLOR set by the harness: plain text.
    let auto = repo.relhook(&["lint", "-m", "fxi: x"]);
    assert!(!stdout(&auto).contains('\u{1b}'), "{}", text(&auto));
    let never = repo.relhook(&["--color", "never", "lint", "-m", "fxi: x"]);
    assert!(!stdout(&never).contains('\u{1b}'));
}

/// `relhook lint --message` (a pull request's title in CI) and `lint -` have no file to reopen
/// and no hook to bypass: the hook's note is the hook's alone.
#[test]
fn lint_outside_the_hook_says_nothing_of_files_or_bypasses() {
    let repo = Repo::new();
    let cmd = |args: &[&str], input: &str| {
        let mut cmd = repo.command_in(crate::support::relhook_bin(), &repo.path());
        crate::support::output_with_stdin(cmd.args(args), input.as_bytes())
    };
    for out in [
        cmd(&["lint", "--strict", "--message", "#123 feat: x"], ""),
        cmd(&["lint", "-"], "bad title\n"),
    ] {
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert!(stdout(&out).contains("error:"), "{}", text(&out));
        assert!(!text(&out).contains("reopens it"), "{}", text(&out));
        assert!(!text(&out).contains("RELHOOK_SKIP"), "{}", text(&out));
    }
}

#[test]
fn not_conventional_suggestion_keeps_a_short_description_meaningful() {
    let repo = Repo::new();
    // Dropping the verb would leave one word ("feat: a"): the verb stays.
    let out = stdout(&repo.relhook(&["lint", "--message", "add a"]));
    assert!(out.contains("= try: feat: add a"), "{out}");
    // A verb that says what was done stays, in the imperative (the spec's own examples keep it).
    let out = stdout(&repo.relhook(&["lint", "--message", "Add login page"]));
    assert!(out.contains("= try: feat: add login page"), "{out}");
    let out = stdout(&repo.relhook(&["lint", "--message", "added a file"]));
    assert!(out.contains("= try: feat: add a file"), "{out}");
    // So does a verb of a fix: "Resolve relative URLs" is not "relative URLs".
    let out = stdout(&repo.relhook(&["lint", "--message", "Resolve relative URLs"]));
    assert!(out.contains("= try: fix: resolve relative URLs"), "{out}");
    // A word that only names the type goes.
    let out = stdout(&repo.relhook(&["lint", "--message", "Bugfix the crash"]));
    assert!(out.contains("= try: fix: the crash"), "{out}");
    // A verb that is the type itself adds nothing to repeat.
    let out = stdout(&repo.relhook(&["lint", "--message", "fix crash"]));
    assert!(out.contains("= try: fix: crash"), "{out}");
}
