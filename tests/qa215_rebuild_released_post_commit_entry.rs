//! QA215: in a file whose entries link their commit (git-cliff's `- *(core)* x - ([abc1234](…))`),
//! post-commit writes its entry without a link (it cannot know its own commit), and `relhook
//! release` moves it into the new release's section. `--rebuild` then kept that section as
//! written, saying "history does not give its lines", though history gives every line but the
//! link: on orhun/git-cliff after one `feat` commit and a release. The section is history's
//! now, and written as history gives it: with the link, as `--rebuild` writes Unreleased.

use crate::qa208_rebuild_post_commit_entry::{FULL, hooked_feature};
use crate::support::{ok, text};

#[test]
fn rebuild_writes_a_released_post_commit_entry_with_its_link() {
    let (repo, id) = hooked_feature(&format!(
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### 🐛 Bug Fixes\n\n\
            - *(core)* Handle null - ([abc1234](https://github.com/o/r/commit/{FULL}))\n"
    ));
    ok(repo.relhook(&["release"]));
    let released = repo.read("CHANGELOG.md");
    assert!(released.contains("## [1.1.0]"), "{released}");
    // The release links it (QA305), as git-cliff's template does.
    let link = format!(
        "Add search - ([{}](https://github.com/o/r/commit/{id}))\n",
        &id[..7]
    );
    assert!(released.contains(&link), "{released}");

    let out = repo.relhook(&["changelog", "--rebuild"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    // 1.0.0's entry links a commit history does not have: that section alone stays as written.
    assert!(said.contains("kept the section of 1.0.0 as"), "{said}");
    let rebuilt = repo.read("CHANGELOG.md");
    let linked = format!(
        "- *(api)* Add search - ([{}](https://github.com/o/r/commit/{id}))\n",
        &id[..7]
    );
    assert!(rebuilt.contains(&linked), "{linked}\n{rebuilt}");
    assert_eq!(rebuilt.matches("Add search").count(), 1, "{rebuilt}");
    // The older release, written as history gives it already, stays byte for byte.
    let old = released.split("## [1.0.0]").nth(1).unwrap_or_default();
    assert!(rebuilt.ends_with(old), "{released}\n{rebuilt}");
}
