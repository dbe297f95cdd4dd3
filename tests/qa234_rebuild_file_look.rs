//! QA234: commitlint's CHANGELOG.md (lerna's conventional-changelog) has `*` bullets and two
//! blank lines between its newer releases, and `-` bullets and one blank line between its
//! older ones (reformatted once). `--rebuild` wrote the sections it adds among the older ones
//! (releases the file has no section for: 12.1.4, 8.3.3, 7.0.1 there) in the newest's look,
//! `*` bullets and two blank lines. A section written afresh now takes the look of the
//! sections around it, and every section the rebuild need not change stays byte for byte.

use crate::support::Repo;

const DATE: &str = "2024-01-01T12:00:00+0000";

/// `git ARGS` with every date at [`DATE`].
fn dated(repo: &Repo, args: &[&str]) {
    repo.git_env(
        args,
        &[("GIT_AUTHOR_DATE", DATE), ("GIT_COMMITTER_DATE", DATE)],
    );
}

/// A release `v{version}` of one commit `message`.
fn released(repo: &Repo, message: &str, version: &str) {
    let file = format!("{version}.txt");
    repo.write(&file, "x\n");
    repo.git(&["add", &file]);
    dated(repo, &["commit", "-q", "-m", message]);
    let tag = format!("v{version}");
    dated(repo, &["tag", "-a", &tag, "-m", &tag]);
}

fn heading(version: &str, from: &str) -> String {
    format!("## [{version}](https://github.com/o/r/compare/v{from}...v{version}) (2024-01-01)")
}

#[test]
fn a_section_rebuild_adds_looks_like_those_around_it() {
    let repo = Repo::new();
    repo.git(&["remote", "add", "origin", "https://github.com/o/r.git"]);
    released(&repo, "feat: first", "1.0.0");
    released(&repo, "fix(core): fix one", "1.0.1");
    released(&repo, "fix(core): fix two", "1.0.2");
    released(&repo, "fix(core): fix three", "1.0.3");
    released(&repo, "fix(core): fix four", "1.0.4");
    let top =
        "# Change Log\n\nAll notable changes to this project will be documented in this file.\n\n";
    let newest = format!(
        "{}\n\n### Bug Fixes\n\n* **core:** fix four\n\n\n",
        heading("1.0.4", "1.0.3")
    );
    let older = format!(
        "{}\n\n### Bug Fixes\n\n- **core:** fix three\n\n",
        heading("1.0.3", "1.0.2")
    );
    let oldest = format!(
        "{}\n\n### Bug Fixes\n\n- **core:** fix one\n\n\
        # 1.0.0 (2024-01-01)\n\nThe first release, by hand.\n",
        heading("1.0.1", "1.0.0")
    );
    // 1.0.2 has no section.
    let log = format!("{top}{newest}{older}{oldest}");
    repo.write("CHANGELOG.md", &log);
    repo.git(&["add", "CHANGELOG.md"]);
    dated(&repo, &["commit", "-q", "-m", "chore: changelog"]);

    let out = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    let rebuilt = crate::support::stdout(&out);
    assert!(out.status.success(), "{}", crate::support::text(&out));
    let added = format!(
        "{}\n\n### Bug Fixes\n\n- **core:** fix two\n\n",
        heading("1.0.2", "1.0.1")
    );
    assert_eq!(rebuilt, format!("{top}{newest}{older}{added}{oldest}"));
}
