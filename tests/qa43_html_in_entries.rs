//! QA43 (open since QA41): a description with an HTML tag (`feat: render <details> blocks`)
//! was copied into CHANGELOG.md as it was, and an unclosed tag swallows the rest of the file
//! where it is rendered. Tags are escaped (`\<details>`), autolinks and code spans are not,
//! and an entry written the old way is the same entry to `--sync`.

use crate::support::{installed_repo, ok, stdout, text};

#[test]
fn a_tag_in_a_description_is_text_in_the_changelog() {
    let repo = installed_repo();
    repo.commit_hooked("feat: render <details> blocks");
    repo.commit_hooked("fix: keep the `<b>` tag and <https://example.com/x>");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("- render \\<details> blocks\n"), "{log}");
    assert!(
        log.contains("- keep the `<b>` tag and <https://example.com/x>\n"),
        "{log}"
    );
    // Written unescaped (by hand, or by an older relhook): no second entry from history.
    repo.write("CHANGELOG.md", log.replace("\\<details>", "<details>"));
    ok(repo.git_output(&["commit", "-q", "-a", "-m", "docs: as it was"]));
    let sync = repo.relhook(&["changelog", "--sync", "--stdout"]);
    assert!(sync.status.success(), "{}", text(&sync));
    assert_eq!(stdout(&sync), repo.read("CHANGELOG.md"));
}
