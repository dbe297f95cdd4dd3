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
        scripts.contains("cargo install --locked --root"),
        "{scripts}"
    );
    assert!(scripts.contains("--tag \"$RELHOOK_REF\""), "{scripts}");
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
