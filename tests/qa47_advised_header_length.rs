//! QA47: the advised commits ignored `header_max_length`: a version file deep in folders gave
//! `chore: edit deploy/helm/charts/payments-service/Chart.yaml`, 58 characters where 50 are
//! allowed, and `build` with a required scope under 30 gave `chore: ignore build output`,
//! a type the rules refuse. A shorter text is tried too, so each passes when pasted.

use crate::support::{Repo, ok, stderr, text};

const CHART: &str = "deploy/helm/charts/payments-service/Chart.yaml";

#[test]
fn the_release_refusal_advises_a_commit_within_the_header_limit() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        format!(
            "[checks]\ntest = [\"true\"]\n[commit]\nheader_max_length = 50\n[version]\nfiles = [{{ path = \"{CHART}\", pattern = 'version: {{version}}' }}]\n"
        ),
    );
    repo.write(
        CHART,
        "apiVersion: v2\nname: payments-service\nversion: 0.1.0\n",
    );
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "."]);
    repo.commit_hooked("feat: add the chart");
    ok(repo.relhook(&["release", "--no-test"]));
    repo.write("b", "b\n");
    repo.git(&["add", "b"]);
    repo.commit_hooked("fix: b");
    let chart = repo.read(CHART);
    repo.write(
        CHART,
        chart.replace("version: 0.1.0", "version: 0.1.0 # pinned"),
    );
    let out = repo.relhook(&["release", "--allow-dirty", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let command = err
        .split("commit them first (`")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("{err}"));
    assert!(command.contains("\"chore: edit Chart.yaml\""), "{command}");
    assert!(command.ends_with(&format!(" -- :/{CHART}")), "{command}");
    // Pasted, the commit-msg hook takes it, and the release goes on.
    ok(repo.sh(command));
    assert_eq!(repo.head_subject(), "chore: edit Chart.yaml");
    ok(repo.relhook(&["release", "--allow-dirty", "--no-test"]));
}

#[test]
fn the_build_output_advice_takes_an_allowed_type_within_the_limit() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[commit]\ntypes = [\"feat\", \"fix\", \"build\"]\nrequire_scope = true\nheader_max_length = 30\n[checks]\ntest = [\"true\"]\n",
    );
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "."]);
    repo.commit_hooked("fix(core): start");
    repo.write("build.out", "out\n");
    let out = repo.relhook(&["test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let hint = err
        .lines()
        .find_map(|l| l.strip_prefix("hint: "))
        .unwrap_or_else(|| panic!("no hint in:\n{err}"));
    let ignore = hint.split('`').nth(1).unwrap();
    assert!(ignore.contains("\"build(relhook): "), "{ignore}");
    ok(repo.sh(ignore));
    assert!(repo.is_clean(), "{ignore}");
    assert!(
        repo.head_subject().starts_with("build(relhook): "),
        "{ignore}"
    );
}
