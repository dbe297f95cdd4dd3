//! SECURITY.md's promises that no other test file already proves: the binary is built
//! position-independent, and nothing from a commit message, branch, tag or configuration value
//! ever reaches a shell, whichever hook or command reads it.

use std::path::Path;

use crate::support::{Repo, SKELETON, relhook_bin, text};

/// ELF `e_type` 3 (`ET_DYN`): a position-independent executable, loaded at a random address.
#[cfg(target_os = "linux")]
#[test]
fn binary_is_position_independent() {
    let bytes = std::fs::read(relhook_bin()).expect("read the binary");
    assert_eq!(&bytes[..4], b"\x7fELF");
    let e_type = u16::from_le_bytes([bytes[16], bytes[17]]);
    if option_env!("RELHOOK_NO_PIE") == Some("1") {
        assert_eq!(
            e_type, 2,
            "RELHOOK_NO_PIE=1 links a fixed-address executable"
        );
    } else {
        assert_eq!(
            e_type, 3,
            "relhook must be a PIE (ET_DYN), got e_type {e_type}"
        );
    }
}

/// Every file below `dir` whose name starts with `pwned`.
fn planted(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p);
            } else if e.file_name().to_string_lossy().starts_with("pwned") {
                found.push(p.display().to_string());
            }
        }
    }
    found
}

/// Shell syntax that would create a `pwned*` file in the current directory if any shell
/// ever evaluated it.
const PAYLOADS: &[&str] = &[
    "$(touch pwned-dollar)",
    "`touch pwned-backtick`",
    "; touch pwned-semicolon",
    "| touch pwned-pipe",
    "&& touch pwned-and",
    "'\"$(touch pwned-quoted)\"'",
];

#[test]
fn shell_syntax_in_messages_branches_tags_and_config_is_never_executed() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    // `[checks] test` is an argv list: `echo` receives the payloads as plain arguments. The
    // release branch is one git allows (no space: `release.branches` refuses it at load).
    let argv: Vec<String> = std::iter::once("echo".to_string())
        .chain(PAYLOADS.iter().map(|p| p.to_string()))
        .map(|a| format!("{a:?}"))
        .collect();
    repo.write(
        ".relconfig.toml",
        format!(
            "[checks]\ntest = [{}]\n\n[release]\nbranches = [\"main\", \"x$(touch${{IFS}}pwned-config)\"]\n",
            argv.join(", ")
        ),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    let install = repo.relhook(&["install"]);
    assert_eq!(install.status.code(), Some(0), "{}", text(&install));
    // A branch name git accepts that is shell syntax.
    repo.git(&["checkout", "-q", "-b", "x$(touch${IFS}pwned-branch)"]);
    for p in PAYLOADS {
        for message in [
            format!("feat: {p}"),
            format!("fix({p}): x"),
            format!("nonsense {p}"),
        ] {
            let _ = repo.commit_with_hooks(&message);
        }
    }
    let body = format!(
        "feat: body\n\n{}\n\nRefs: {}",
        PAYLOADS.join("\n"),
        PAYLOADS[0]
    );
    let _ = repo.commit_with_hooks(&body);
    for args in [
        &["check"][..],
        &["lint", "--message", "feat: $(touch pwned-lint)"],
        &["changelog", "--sync"],
        &["version", "--next"],
        &["notes"],
    ] {
        let _ = repo.relhook(args);
    }
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&[
        "merge",
        "-q",
        "--no-ff",
        "--no-verify",
        "-m",
        "merge",
        "x$(touch${IFS}pwned-branch)",
    ]);
    let release = repo
        .command_in(relhook_bin(), &repo.path())
        .env("RELHOOK_DATE", "2026-11-21")
        .args(["release", "--allow-dirty"])
        .output()
        .expect("run relhook");
    // The test command ran, and echoed the payloads as text.
    assert!(
        text(&release).contains("$(touch pwned-dollar)"),
        "{}",
        text(&release)
    );
    // Hand tags whose names are shell syntax (git accepts `$`, `(`, `)`, `{`, `}`, `;`, `|`).
    for name in [
        "v9.0.0$(touch${IFS}pwned-tag)",
        "v9.1.0;touch${IFS}pwned-tag2",
        "$(touch${IFS}pwned-tag3)",
    ] {
        let _ = repo.git_output(&["tag", "-a", name, "-m", "$(touch pwned-tag-message)"]);
    }
    // pre-push reads every pushed ref name and message.
    let remote = repo.scratch("remote.git");
    let _ = repo
        .command_in("git", &remote)
        .args(["init", "-q", "--bare"])
        .output();
    repo.git(&[
        "remote",
        "add",
        "origin",
        remote.to_str().expect("UTF-8 path"),
    ]);
    let _ = repo.git_output(&["push", "-q", "origin", "--all"]);
    let _ = repo.git_output(&["push", "-q", "origin", "--tags"]);
    let found = planted(repo.dir.path());
    assert!(found.is_empty(), "a shell ran: {found:?}");
}

/// SECURITY.md names the tests that prove each promise: every one it names must exist, so
/// that a renamed or deleted test cannot leave a promise without its proof.
#[test]
fn security_md_names_only_tests_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("SECURITY.md")).expect("SECURITY.md");
    let mut sources = String::new();
    let mut stack = vec![root.join("src"), root.join("tests")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(e.path());
            } else if e.path().extension().is_some_and(|x| x == "rs") {
                sources.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
    }
    let named: Vec<&str> = doc
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.contains("::")
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == ':' || c == '*')
        })
        .collect();
    assert!(named.len() >= 20, "SECURITY.md names {} tests", named.len());
    for name in named {
        let (module, test) = name.rsplit_once("::").expect("a path");
        if test == "*" {
            let file = module.rsplit("::").next().unwrap_or(module);
            assert!(
                root.join(format!("tests/{file}.rs")).exists(),
                "{name}: no tests/{file}.rs"
            );
            continue;
        }
        assert!(
            sources.contains(&format!("fn {test}(")),
            "SECURITY.md names `{name}`, which does not exist"
        );
    }
}
