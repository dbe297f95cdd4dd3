//! QA134: `relhook init` in a project that keeps its changelog as `changelog.md` wrote a
//! second one, `CHANGELOG.md`, beside it (on Linux; where letter case does not count, as on
//! macOS and Windows, the two are one file, and a clone of that commit cannot check out both),
//! though every other writer refuses that second file. A new configuration now names the
//! project's `changelog.md`; one kept from before gets no second file and one line with the
//! fix, which works pasted.

use crate::support::{Repo, ok, stdout, text};

pub(crate) const KEPT: &str =
    "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2020-01-01\n\n### Added\n\n- first\n";

#[test]
fn init_names_the_changelog_kept_in_lower_case_and_writes_no_second_one() {
    let (repo, said) = init_adopts("changelog.md");
    assert!(
        said.contains(
            "set `[changelog] path = \"changelog.md\"`: the changelog here is changelog.md"
        ),
        "{said}"
    );
    assert_eq!(names_on_disk(&repo), ["changelog.md"]);
    assert_eq!(names_in_head(&repo), 1);
}

/// A project keeping its changelog, [`KEPT`], as `name`: `relhook init` leaves the file as it
/// is and names it in the new configuration; its `next:` line, pasted, commits that, and the
/// next hooked commit's entry goes into `name`. What init said.
pub(crate) fn init_adopts(name: &str) -> (Repo, String) {
    let repo = Repo::new();
    repo.write(name, KEPT);
    repo.git(&["add", name]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));

    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert_eq!(repo.read(name), KEPT, "{}", text(&out));
    let config = repo.read(".relconfig.toml");
    let path = format!(
        "\n[changelog]\n# The Keep a Changelog file relhook keeps (relative to the repository's top).\npath = \"{name}\"\n"
    );
    assert!(config.contains(&path), "{config}");
    // The `next:` line commits the configuration only, and the next commit's entry goes into
    // the project's own file.
    let next = said
        .lines()
        .find_map(|l| l.strip_prefix("next: "))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(!next.contains("CHANGELOG.md"), "{next}");
    ok(repo.sh(next));
    repo.commit_hooked("feat: second");
    assert!(repo.read(name).contains("### Added\n\n- second\n"));
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
    (repo, said)
}

/// How many files HEAD holds under a changelog's name, in any letter case.
fn names_in_head(repo: &Repo) -> usize {
    repo.git(&["ls-tree", "--name-only", "HEAD"])
        .lines()
        .filter(|n| n.eq_ignore_ascii_case("changelog.md"))
        .count()
}

#[test]
fn a_kept_configuration_naming_changelog_md_gets_no_second_file_and_the_fix() {
    let repo = Repo::new();
    repo.write("changelog.md", KEPT);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "changelog.md", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));

    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert_eq!(names_on_disk(&repo), ["changelog.md"], "{}", text(&out));
    let line = said
        .lines()
        .find(|l| l.starts_with("wrote no CHANGELOG.md: changelog.md is there"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        !said.contains("next:"),
        "nothing of init's to commit: {said}"
    );
    // The fix, pasted: the rename, then its commit; the next entry goes into CHANGELOG.md.
    let fix = line
        .split_once(": `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(cmd, _)| cmd)
        .unwrap_or_else(|| panic!("{line}"));
    assert!(fix.contains(" mv changelog.md CHANGELOG.md"), "{line}");
    ok(repo.sh(fix));
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "docs: rename the changelog",
    ]);
    repo.commit_hooked("feat: second");
    assert_eq!(names_in_head(&repo), 1);
    assert!(repo.read("CHANGELOG.md").contains("- second\n"));

    // Not committed yet: a plain `mv`, which works where `git mv` would refuse.
    let repo = Repo::new();
    repo.write("changelog.md", KEPT);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert_eq!(names_on_disk(&repo), ["changelog.md"], "{}", text(&out));
    let line = said
        .lines()
        .find(|l| l.starts_with("wrote no CHANGELOG.md:"))
        .unwrap_or_else(|| panic!("{said}"));
    let fix = line
        .split_once(": `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(cmd, _)| cmd)
        .unwrap_or_else(|| panic!("{line}"));
    assert!(fix.starts_with("mv "), "{line}");
    ok(repo.sh(fix));
    assert_eq!(names_on_disk(&repo), ["CHANGELOG.md"]);
}

/// The files of the work tree's top named as a changelog, in any letter case.
fn names_on_disk(repo: &Repo) -> Vec<String> {
    std::fs::read_dir(repo.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.eq_ignore_ascii_case("changelog.md"))
        .collect()
}
