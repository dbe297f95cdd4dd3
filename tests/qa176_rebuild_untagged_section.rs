//! QA176: a `## [0.2.0]` section written by hand whose tag is not made yet. `changelog
//! --rebuild` keeps it as written, and told the user to delete it to have it written from its
//! tag, which it has not: deleted, it would be gone. It now says the section has no tag, and
//! gives the commands that tag the commit that wrote it and rebuild again, which work pasted.

use crate::qa176_rebuild_kept_words::released_and_reworded;
use crate::support::{ok, stderr};

#[test]
fn an_untagged_section_gets_the_commands_that_tag_it() {
    let repo = released_and_reworded();
    let log = repo.read("CHANGELOG.md");
    let unreleased = "## [Unreleased]\n\n### Fixed\n\n- two\n";
    assert!(log.contains(unreleased), "{log}");
    let written = "## [Unreleased]\n\n## [0.2.0] - 2026-11-21\n\n### Fixed\n\n- two, by hand\n";
    repo.write("CHANGELOG.md", log.replace(unreleased, written));
    repo.git(&[
        "commit",
        "-q",
        "-m",
        "docs: write 0.2.0 by hand",
        "--",
        "CHANGELOG.md",
    ]);
    let wrote = repo.git(&["rev-parse", "HEAD"]);
    let short = repo.git(&["rev-parse", "--short=9", &wrote]);

    let out = ok(repo.relhook(&["changelog", "--rebuild"]));
    let err = stderr(&out);
    assert!(
        err.contains("as CHANGELOG.md has them: history does not give their lines (delete the section of 0.1.0 to have"),
        "{err}"
    );
    assert!(
        !err.contains("delete a release's section") && !err.contains("delete it"),
        "no advice to delete a section no tag gives back: {err}"
    );
    let line = (err.lines())
        .find(|l| l.starts_with("relhook: 0.2.0 has no tag v0.2.0 yet"))
        .unwrap_or_else(|| panic!("no line for the untagged 0.2.0: {err}"));
    let command = line
        .split('`')
        .nth(1)
        .unwrap_or_else(|| panic!("no command: {line}"));
    assert_eq!(
        command,
        format!("git tag -a v0.2.0 {short} -m 'release 0.2.0' && relhook changelog --rebuild"),
        "{err}"
    );

    // Pasted, it tags the release and the rebuild keeps the section, now its tag's.
    let pasted = ok(repo.sh(command));
    assert_eq!(repo.git(&["rev-parse", "v0.2.0^{commit}"]), wrote);
    let said = stderr(&pasted);
    assert!(
        said.contains("kept the sections of 0.2.0 and 0.1.0"),
        "{said}"
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    assert!(repo.read("CHANGELOG.md").contains("- two, by hand"));
}
