//! The interfaces around the binary: the GitHub Action, the GitLab template, and what the
//! README says about them.

fn read(rel: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::read_to_string(format!("{root}/{rel}")).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The lines of every `run:` script in a workflow-like YAML file (block scalars included).
fn run_scripts(yaml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Option<usize> = None;
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(i) = block {
            if line.trim().is_empty() || indent > i {
                out.push(line.to_owned());
                continue;
            }
            block = None;
        }
        let t = line.trim_start().trim_start_matches("- ");
        if let Some(rest) = t.strip_prefix("run:") {
            if rest.trim() == "|" || rest.trim() == ">" {
                block = Some(indent);
            } else {
                out.push(rest.to_owned());
            }
        }
    }
    out
}

#[test]
fn action_installs_with_cargo_and_checks_with_annotations() {
    let action = read("action.yml");
    assert!(action.contains("using: composite"), "{action}");
    assert!(action.contains("uses: actions/cache@"), "a cached binary");
    let scripts = run_scripts(&action).join("\n");
    assert!(
        scripts.contains(
            "cargo install --locked --root \"$RELHOOK_ROOT\" --path \"$GITHUB_ACTION_PATH\""
        ),
        "{scripts}"
    );
    assert!(scripts.contains("--tag \"$RELHOOK_VERSION\""), "{scripts}");
    assert!(
        scripts.contains("relhook check --format \"$RELHOOK_FORMAT\" $RELHOOK_ARGS"),
        "{scripts}"
    );
    assert!(action.contains("default: github"), "annotations by default");
    assert!(
        scripts.contains("relhook lint --strict --message \"$PR_TITLE\""),
        "{scripts}"
    );
}

/// The `run:` block of the step named `name`.
fn step_script(yaml: &str, name: &str) -> String {
    let start = yaml
        .find(&format!("- name: {name}\n"))
        .unwrap_or_else(|| panic!("no step `{name}`"));
    let rest = &yaml[start + 2..];
    let end = rest.find("\n    - name:").unwrap_or(rest.len());
    run_scripts(&rest[..end]).join("\n")
}

#[test]
fn action_cache_key_step_runs() {
    let action = read("action.yml");
    let script = step_script(&action, "Where relhook is cached");
    let dir = assert_fs::TempDir::new().unwrap();
    let output = dir.path().join("github_output");
    let run = |version: &str| {
        std::fs::write(&output, "").unwrap();
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(&script)
            .env("GITHUB_ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
            .env("GITHUB_OUTPUT", &output)
            .env("RUNNER_TOOL_CACHE", "/cache")
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64")
            .env("RELHOOK_VERSION", version)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", crate::support::text(&out));
        std::fs::read_to_string(&output).unwrap()
    };
    let own = run("");
    let key = own
        .lines()
        .find_map(|l| l.strip_prefix("key=relhook-Linux-X64-"))
        .unwrap_or_else(|| panic!("{own}"));
    assert_eq!(key.len(), 16, "a hash of the action's source: {own}");
    assert!(
        own.contains(&format!("root=/cache/relhook/{key}\n")),
        "{own}"
    );
    let tagged = run("v1.2.3; rm -rf /");
    assert!(
        tagged.contains("key=relhook-Linux-X64-v1.2.3__rm_-rf__\n"),
        "a ref is reduced to safe characters: {tagged}"
    );
}

#[test]
fn no_expression_is_pasted_into_a_script() {
    // `${{ github.event.pull_request.title }}` in a script is a shell injection: every value
    // goes through `env:`.
    for file in ["action.yml"] {
        for line in run_scripts(&read(file)) {
            assert!(!line.contains("${{"), "{file}: {line}");
        }
    }
}

#[test]
fn gitlab_template_fetches_everything_and_reports_code_quality() {
    let t = read("ci/gitlab-ci.yml");
    for needle in [
        "GIT_DEPTH: 0",
        "cargo install --locked --root .relhook --git \"$RELHOOK_GIT\" --tag \"$RELHOOK_VERSION\" relhook",
        ".relhook/bin/relhook check --format gitlab > gl-code-quality-report.json",
        "codequality: gl-code-quality-report.json",
        "when: always",
    ] {
        assert!(t.contains(needle), "missing `{needle}`");
    }
}

#[test]
fn readme_documents_ci_and_the_title_recipe() {
    let readme = read("README.md");
    for needle in [
        "## CI",
        "### GitHub Actions",
        "### GitLab CI",
        "fetch-depth: 0",
        "relhook lint --strict --message \"$PR_TITLE\"",
        "PR_TITLE: ${{ github.event.pull_request.title }}",
        "`relhook check --all` then lints this repository's own history",
    ] {
        assert!(readme.contains(needle), "README lacks `{needle}`");
    }
}

mod json {
    //! Every `--format json` document, pinned by its shape: key names and value types
    //! (an array by its first element). A change here is a schema change: bump
    //! `schema_version` when a field is renamed, removed or changes meaning, and update
    //! docs/json.md.

    use crate::support::{Repo, stderr, text};

    fn shape(v: &serde_json::Value) -> String {
        use serde_json::Value;
        match v {
            Value::Null => "null".into(),
            Value::Bool(_) => "bool".into(),
            Value::Number(_) => "number".into(),
            Value::String(_) => "string".into(),
            Value::Array(a) => match a.first() {
                Some(first) => format!("[{}]", shape(first)),
                None => "[]".into(),
            },
            Value::Object(o) => {
                let mut keys: Vec<&String> = o.keys().collect();
                keys.sort();
                let inner: Vec<String> = keys
                    .iter()
                    .map(|k| format!("{k}:{}", shape(&o[k.as_str()])))
                    .collect();
                format!("{{{}}}", inner.join(","))
            }
        }
    }

    fn doc(repo: &Repo, args: &[&str], code: i32) -> serde_json::Value {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", text(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", text(&out)));
        assert_eq!(v["schema_version"], 1, "{args:?}: {v}");
        v
    }

    fn full_id(s: &serde_json::Value) {
        let s = s.as_str().unwrap_or_else(|| panic!("not a string: {s}"));
        assert_eq!(s.len(), 40, "commit ids are full: {s}");
        assert!(s.bytes().all(|b| b.is_ascii_hexdigit()), "{s}");
    }

    const FINDING: &str = "{column:number,expected:string,help:string,line:number,message:string,rule:string,severity:string,source_line:string,suggestion:string,width:number}";

    #[test]
    fn lint_and_check_schemas() {
        let repo = Repo::new();
        repo.commit("feat: one");
        let bad = repo.commit("feature: two");
        let v = doc(
            &repo,
            &["lint", "--format", "json", "--message", "feature: x"],
            1,
        );
        assert_eq!(
            shape(&v),
            format!(
                "{{findings:[{FINDING}],header:string,ignored:null,schema_version:number,source:string,valid:bool}}"
            )
        );
        let v = doc(&repo, &["check", "--all", "--format", "json"], 1);
        assert_eq!(
            shape(&v),
            format!(
                "{{before_install:number,checked:number,commits:[{{commit:string,findings:[{FINDING}],header:string,ignored:null,source:string,valid:bool}}],failed:number,ignored:number,range:{{base:null,head:string,reason:string,source:string,spec:string}},schema_version:number}}"
            )
        );
        full_id(&v["commits"][0]["commit"]);
        assert_eq!(v["commits"][0]["commit"], bad.as_str());
        full_id(&v["range"]["head"]);
    }

    #[test]
    fn release_version_notes_changelog_doctor_schemas() {
        let repo = Repo::new();
        repo.commit("feat: one");
        assert!(repo.relhook(&["init"]).status.success());
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "--no-verify", "-m", "chore: init"]);
        let release_shape = "{commit_message:string,dry_run:bool,edits:[{diff:string,path:string}],head:string,left_alone:[],next:NX,notes:NN,previous:string,previous_from:string,release_commit:RC,schema_version:number,signed:bool,tag:string,tag_message:string,tested:T,tests:null,tests_note:string,version:string,warnings:[]}";
        let v = doc(
            &repo,
            &["release", "--dry-run", "--no-test", "--format", "json"],
            0,
        );
        assert_eq!(
            shape(&v),
            release_shape
                .replace("RC", "null")
                .replace("T", "null")
                .replace("NX", "null")
                .replace("NN", "[]")
        );
        full_id(&v["head"]);
        let v = doc(&repo, &["release", "--no-test", "--format", "json"], 0);
        assert_eq!(
            shape(&v),
            release_shape
                .replace("RC", "string")
                .replace(":T,", ":bool,")
                .replace("NX", "string")
                // The tag pre-push will refuse as untested, as stderr says it.
                .replace("NN", "[string]")
        );
        full_id(&v["release_commit"]);
        repo.write("f0.txt", "changed, not committed\n");
        let refused = doc(&repo, &["release", "--no-test", "--format", "json"], 1);
        assert_eq!(
            shape(&refused),
            "{error:{exit_code:number,hint:string,kind:string,message:string,reason:string},schema_version:number}"
        );
        assert_eq!(refused["error"]["kind"], "refused");
        assert_eq!(refused["error"]["reason"], "dirty-tree");
        assert_eq!(
            refused["error"]["hint"],
            "commit or stash first, or pass --allow-dirty"
        );
        repo.git(&["checkout", "--", "f0.txt"]);
        repo.commit("fix: two");
        let v = doc(&repo, &["version", "--format", "json"], 0);
        assert_eq!(
            shape(&v),
            "{commits:[{calls_for:string,commit:string,header:string,in_changelog:bool,understood:bool}],current:string,current_commit:string,current_from:string,current_tag:string,level:string,next:string,next_tag:string,notes:[],schema_version:number,stable_tag:string,warnings:[]}"
        );
        full_id(&v["commits"][0]["commit"]);
        full_id(&v["current_commit"]);
        let v = doc(&repo, &["notes", "--format", "json"], 0);
        assert_eq!(
            shape(&v),
            "{commit:string,notes:string,schema_version:number,tag:string,version:string}"
        );
        full_id(&v["commit"]);
        let v = doc(&repo, &["changelog", "--stdout", "--format", "json"], 0);
        assert_eq!(
            shape(&v),
            "{added:[{breaking:bool,commit:string,section:string,text:string}],changed:bool,content:string,mode:string,next:null,notes:[],path:string,replaced:[],schema_version:number,warnings:[],written:bool}"
        );
        full_id(&v["added"][0]["commit"]);
        let v = doc(&repo, &["doctor", "--format", "json"], 1);
        assert_eq!(
            shape(&v),
            "{checks:[{detail:string,fix:string,status:string,subject:string}],healthy:bool,hooks_dir:string,hooks_path:null,schema_version:number}"
        );
    }

    #[test]
    fn errors_in_json_mode_are_json_on_stdout_with_the_same_exit_code() {
        let repo = Repo::new();
        repo.commit("feat: one");
        let v = doc(&repo, &["check", "nope..HEAD", "--format", "json"], 2);
        assert_eq!(
            shape(&v),
            "{error:{exit_code:number,hint:string,kind:string,message:string},schema_version:number}"
        );
        assert_eq!(v["error"]["kind"], "range");
        assert_eq!(v["error"]["exit_code"], 2);
        let out = repo.relhook(&["check", "nope..HEAD"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty(), "text mode keeps errors on stderr");
    }

    /// F11: a usage error clap finds (an unknown flag, a bad value) is a JSON document on
    /// stdout too when `--format json` is on the command line, wherever it stands; clap's own
    /// text stays on stderr.
    #[test]
    fn usage_errors_in_json_mode_are_json_on_stdout() {
        let repo = Repo::new();
        repo.commit("feat: one");
        for args in [
            &["version", "--format", "json", "--bogus"][..],
            &["version", "--bogus", "--format=json"],
            &["check", "--format", "json", "--base"],
            &["release", "--format", "json", "bogus-level", "extra"],
        ] {
            let v = doc(&repo, args, 2);
            assert_eq!(
                shape(&v),
                "{error:{exit_code:number,hint:string,kind:string,message:string},schema_version:number}",
                "{args:?}"
            );
            assert_eq!(v["error"]["kind"], "usage", "{args:?}");
            let message = v["error"]["message"].as_str().unwrap();
            assert!(!message.starts_with("error:"), "{args:?}: {message}");
            let out = repo.relhook(args);
            assert!(stderr(&out).starts_with("error: "), "{}", text(&out));
            let hint = v["error"]["hint"].as_str().unwrap();
            assert!(hint.contains("--help"), "{args:?}: {hint}");
        }
        // Help is no error, and text mode keeps usage errors on stderr.
        let out = repo.relhook(&["version", "--format", "json", "--help"]);
        assert_eq!(out.status.code(), Some(0));
        let out = repo.relhook(&["version", "--bogus"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty(), "{}", text(&out));
    }
}

mod cli {
    //! Man pages, completions, help, and output into a pipe that closes early.

    use crate::support::{Repo, relhook_bin, stderr, stdout, text};

    const SUBCOMMANDS: &[&str] = &[
        "install",
        "uninstall",
        "doctor",
        "init",
        "lint",
        "check",
        "changelog",
        "version",
        "release",
        "notes",
        "test",
        "completions",
        "man",
    ];

    /// Every command that needs a work tree refuses a bare repository with one and the same
    /// error; `check`, which reads only history, runs there.
    #[test]
    fn a_bare_repository_is_refused_the_same_way_by_every_command() {
        let repo = Repo::new();
        repo.commit("feat: a thing");
        let bare = repo.scratch("bare.git");
        let cloned = repo.git_in(
            &repo.path(),
            &["clone", "-q", "--bare", ".", bare.to_str().unwrap()],
            &[],
        );
        assert!(cloned.status.success(), "{}", text(&cloned));
        let mut said: Vec<String> = Vec::new();
        for args in [
            &["install"][..],
            &["uninstall"],
            &["doctor"],
            &["changelog", "--stdout"],
            &["version"],
            &["release", "--dry-run"],
            &["notes"],
            &["test"],
        ] {
            let out = repo.relhook_in(&bare, args);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
            let first = stderr(&out).lines().next().unwrap_or("").to_owned();
            assert!(
                first.contains("is a bare repository: relhook works where commits are made"),
                "{args:?}: {}",
                text(&out)
            );
            said.push(first);
        }
        said.dedup();
        assert_eq!(said.len(), 1, "one message: {said:#?}");
        let out = repo.relhook_in(&bare, &["check", "--all"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    }

    /// Runs relhook with its stdout into a pipe whose reader has already gone: the write
    /// fails with EPIPE, which must end relhook quietly with 0, never a panic (101).
    fn into_closed_pipe(repo: &Repo, args: &[&str]) -> (i32, String) {
        let script = r#"set -o pipefail; (sleep 0.3; exec "$@") 2>"$ERR_FILE" | true; echo "${PIPESTATUS[0]}""#;
        let err_file = repo.dir.path().join("pipe-stderr");
        let out = repo
            .command_in("bash", &repo.path())
            .env("ERR_FILE", &err_file)
            .arg("-c")
            .arg(script)
            .arg("bash")
            .arg(relhook_bin())
            .args(args)
            .output()
            .unwrap();
        let code = stdout(&out).trim().parse().unwrap_or(-1);
        (code, std::fs::read_to_string(err_file).unwrap_or_default())
    }

    #[test]
    fn a_closed_pipe_ends_every_command_quietly() {
        let repo = Repo::new();
        for i in 0..30 {
            repo.commit(&format!("not conventional {i}"));
        }
        for args in [
            &["completions", "bash"][..],
            &["completions", "zsh"],
            &["completions", "fish"],
            &["man"],
            &["check", "--all"],
            &["check", "--all", "--format", "json"],
            &["check", "--all", "--format", "github"],
            &["check", "--all", "--format", "gitlab"],
            &["changelog", "--rebuild", "--stdout"],
            &["version", "--format", "json"],
            &["--help"],
        ] {
            let (code, err) = into_closed_pipe(&repo, args);
            // Quietly, but with the verdict: the 30 commits fail the check whether or not
            // anyone reads why.
            let verdict = if args[0] == "check" { 1 } else { 0 };
            assert_eq!(code, verdict, "{args:?}: {err}");
            assert!(!err.contains("panicked"), "{args:?}: {err}");
            assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
        }
    }

    #[test]
    fn man_writes_a_page_for_every_subcommand() {
        let repo = Repo::new();
        let dir = repo.scratch("man");
        let out = repo.relhook(&["man", "--dir", dir.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        for sub in SUBCOMMANDS
            .iter()
            .copied()
            .chain(["hook-commit-msg", "hook-pre-push"])
        {
            let page = std::fs::read_to_string(dir.join(format!("relhook-{sub}.1")))
                .unwrap_or_else(|e| panic!("relhook-{sub}.1: {e}"));
            assert!(
                page.contains(&format!(".TH relhook-{sub} 1")),
                "{sub}: {page}"
            );
            assert!(page.contains(".SH NAME"), "{sub}");
            assert!(page.contains(".SH SYNOPSIS"), "{sub}");
        }
        let top = std::fs::read_to_string(dir.join("relhook.1")).unwrap();
        assert!(top.contains("Exit codes"), "{top}");
        let check = repo.relhook(&["man", "check"]);
        assert!(
            stdout(&check).contains(".TH relhook-check 1"),
            "{}",
            text(&check)
        );
        assert!(stdout(&check).contains("\\-\\-base"), "{}", text(&check));
        let nested = repo.relhook(&["man", "hook", "commit-msg"]);
        assert!(stdout(&nested).contains(".TH relhook-hook-commit-msg 1"));
        let bad = repo.relhook(&["man", "nope"]);
        assert_eq!(bad.status.code(), Some(2));
        assert!(
            stderr(&bad).contains("no man page for `nope`"),
            "{}",
            text(&bad)
        );
    }

    #[test]
    fn completions_for_every_shell() {
        let repo = Repo::new();
        for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
            let out = repo.relhook(&["completions", shell]);
            assert_eq!(out.status.code(), Some(0), "{shell}: {}", text(&out));
            let s = stdout(&out);
            for sub in ["check", "release", "man"] {
                assert!(s.contains(sub), "{shell} lacks {sub}");
            }
        }
    }

    #[test]
    fn help_lists_global_options_once_and_examples_per_command() {
        let repo = Repo::new();
        let top = stdout(&repo.relhook(&["--help"]));
        assert_eq!(top.matches("--color <WHEN>").count(), 1, "{top}");
        assert_eq!(top.matches("--config <FILE>").count(), 1, "{top}");
        assert!(top.contains("Exit codes: 0 ok"), "{top}");
        for sub in SUBCOMMANDS {
            let out = repo.relhook(&[sub, "--help"]);
            assert_eq!(out.status.code(), Some(0), "{sub}: {}", text(&out));
            let h = stdout(&out);
            assert!(
                !h.contains("--color <WHEN>"),
                "{sub} repeats the globals: {h}"
            );
            assert!(h.contains("Example"), "{sub} has no example: {h}");
            assert!(h.contains(&format!("relhook {sub}")), "{sub}: {h}");
        }
        // The globals still work after a subcommand.
        let out = repo.relhook(&["version", "--color", "never", "--config", "nope.toml"]);
        assert!(stderr(&out).contains("nope.toml"), "{}", text(&out));
    }
}

/// The README's first-run example, `relhook check --all` on a fresh clone of relhook itself.
#[test]
fn readme_first_run_check_all_works_on_a_fresh_clone_of_relhook() {
    let root = env!("CARGO_MANIFEST_DIR");
    let repo = crate::support::Repo::new();
    let probe = repo.git_in(
        std::path::Path::new(root),
        &["rev-parse", "--is-shallow-repository"],
        &[],
    );
    let answer = crate::support::stdout(&probe);
    if !probe.status.success() || answer.trim() != "false" {
        eprintln!(
            "skipped: {root} is not a complete git clone ({})",
            answer.trim()
        );
        return;
    }
    let dir = repo.scratch("relhook-clone");
    let url = format!("file://{root}");
    let clone = repo.git_in(&dir, &["clone", "-q", &url, "."], &[]);
    assert!(clone.status.success(), "{}", crate::support::text(&clone));
    let out = repo.relhook_in(&dir, &["check", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", crate::support::text(&out));
    assert!(
        crate::support::stdout(&out)
            .contains("relhook: checking HEAD: all of HEAD's history (--all)"),
        "{}",
        crate::support::text(&out)
    );
}
