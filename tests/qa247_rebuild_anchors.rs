//! QA247: `--rebuild` wrote a release the file has no section for without the `<a name="…">`
//! anchor its neighbours have above their headings (commitlint's 7.x sections, written by
//! standard-version): the section it writes now takes the anchor as it takes their bullets.

use crate::support::{Repo, ok, stdout, text};

fn tag(repo: &Repo, name: &str) {
    repo.git(&["tag", "-a", name, "-m", name]);
}

#[test]
fn a_section_written_between_anchored_ones_gets_its_own_anchor() {
    let repo = Repo::new();
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.commit("chore: start");
    repo.commit("feat: one");
    tag(&repo, "v1.0.0");
    repo.commit("fix: more");
    tag(&repo, "v1.0.1");
    repo.commit("feat: two");
    tag(&repo, "v1.1.0");
    // standard-version's look, with no section for 1.0.1.
    let log = "# Change Log\n\n\
        <a name=\"1.1.0\"></a>\n\n# [1.1.0](https://x/compare/v1.0.1...v1.1.0) (2019-01-31)\n\n\n### Features\n\n* two\n\n\n\n\
        <a name=\"1.0.0\"></a>\n\n# 1.0.0 (2019-01-01)\n\n\n### Features\n\n* one\n";
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "docs: changelog"]);
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    let rebuilt = stdout(&out);
    let lines: Vec<&str> = rebuilt.lines().collect();
    let heading = (lines.iter())
        .position(|l| l.starts_with("## [1.0.1]"))
        .unwrap_or_else(|| panic!("no 1.0.1 heading:\n{}", text(&out)));
    assert_eq!(
        lines[heading.saturating_sub(2)..heading],
        ["<a name=\"1.0.1\"></a>", ""],
        "{}",
        text(&out)
    );
    // The neighbours' anchors stay where they were, each its own version's.
    for v in ["1.1.0", "1.0.0"] {
        let anchor = format!("<a name=\"{v}\"></a>");
        assert_eq!(rebuilt.matches(&anchor).count(), 1, "{}", text(&out));
    }
}
