//! A project adopting relhook keeps the changelog it has: the headings conventional-changelog
//! (standard-version, release-please, vue) and commitizen write are read as the release
//! sections they are, new entries and sections are written in Keep a Changelog's form, and
//! every byte of the old history stays as it was.

use crate::support::{dated_release, hand_tag, installed_repo, stderr, text};

/// standard-version's file: no Unreleased section, linked minor headings with parenthesised
/// dates, patch headings at level 3 beside `### Bug Fixes`, and vue's level-1 minor heading.
const ADOPTED: &str = "# Changelog

All notable changes to this project will be documented in this file. See [standard-version](https://github.com/conventional-changelog/standard-version) for commit guidelines.

### [1.2.1](https://github.com/o/r/compare/v1.2.0...v1.2.1) (2021-10-17)

### Bug Fixes

* **deps:** old patch fix ([#12](https://github.com/o/r/issues/12))

## [1.2.0](https://github.com/o/r/compare/v1.1.0...v1.2.0) (2021-07-14)

### Features

* old feature

# [1.1.0](https://github.com/o/r/compare/v1.0.0...v1.1.0) (2021-05-04)

### Features

* older feature

## v1.0.0 (2021-01-01)

* first
";

/// An installed repository whose CHANGELOG.md is `log`, committed past the hooks (as the old
/// tool wrote it), with release tag `tag` made without relhook when given.
fn adopting(log: &str, tag: Option<&str>) -> crate::support::Repo {
    let repo = installed_repo();
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "docs: the changelog so far",
    ]);
    if let Some(tag) = tag {
        repo.git_skipping_relhook(&["tag", "-a", tag, "-m", tag]);
    }
    repo
}

#[test]
fn a_conventional_changelog_history_is_kept_and_released_on() {
    let repo = adopting(ADOPTED, Some("v1.2.1"));
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !text(&doctor).contains("INVALID  changelog"),
        "{}",
        text(&doctor)
    );

    let out = repo.try_commit("fix(bump files): keep spaces in scopes");
    assert!(out.status.success(), "{}", text(&out));
    let now = repo.read("CHANGELOG.md");
    // The entry goes into a new Unreleased section above the history, nowhere else.
    let (head, rest) = now.split_at(now.find("### [1.2.1]").unwrap());
    assert_eq!(rest, &ADOPTED[ADOPTED.find("### [1.2.1]").unwrap()..]);
    assert!(
        head.ends_with(
            "## [Unreleased]\n\n### Bug Fixes\n\n* **bump files:** keep spaces in scopes\n\n"
        ),
        "{now}"
    );

    // The next version comes from the history's tag; the release leaves the old bytes alone.
    let tag = hand_tag(&repo, &["-a", "v1.2.2", "-m", "v1.2.2"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert!(stderr(&tag).contains("release commit"), "{}", text(&tag));
    let released = repo.read("CHANGELOG.md");
    assert!(
        released.contains("## [1.2.2] - 2026-11-21\n\n### Bug Fixes\n\n* **bump files:** keep spaces in scopes\n\n### [1.2.1]"),
        "{released}"
    );
    assert!(released.ends_with(&ADOPTED[ADOPTED.find("### [1.2.1]").unwrap()..]));
    // An old release's notes are its own section, not what follows it at the same level.
    let notes = repo.relhook(&["notes", "v1.2.1"]);
    assert!(text(&notes).contains("old patch fix"), "{}", text(&notes));
    assert!(!text(&notes).contains("old feature"), "{}", text(&notes));
    assert!(repo.is_clean());
}

/// A level-1 or level-3 release heading directly under Unreleased ends it: before, the released
/// entries below it were read as unreleased, and a commit's entry was added among them.
#[test]
fn a_release_heading_at_another_level_ends_unreleased() {
    let log = "# Changelog\n\n## [Unreleased]\n\n# [3.5.0](https://x/compare/v3.4.0...v3.5.0) (2024-09-03)\n\n### Bug Fixes\n\n* shipped fix\n";
    let repo = adopting(log, Some("v3.5.0"));
    repo.commit_hooked("fix: new fix");
    assert_eq!(
        repo.read("CHANGELOG.md"),
        "# Changelog\n\n## [Unreleased]\n\n### Bug Fixes\n\n* new fix\n\n# [3.5.0](https://x/compare/v3.4.0...v3.5.0) (2024-09-03)\n\n### Bug Fixes\n\n* shipped fix\n"
    );
    let dry = repo.relhook(&["release", "--dry-run", "--no-test"]);
    assert!(text(&dry).contains("release v3.5.1"), "{}", text(&dry));
    assert!(!text(&dry).contains("shipped fix"), "{}", text(&dry));
}

/// cargo-release's `## [Unreleased] - ReleaseDate`: the refusal names the one line to change.
#[test]
fn a_dated_unreleased_placeholder_is_named_with_its_fix() {
    let repo = adopting(
        "# Changelog\n\n<!-- next-header -->\n## [Unreleased] - ReleaseDate\n\n## [1.0.0] - 2020-01-01\n\n- a\n",
        None,
    );
    let sync = repo.relhook(&["changelog", "--sync"]);
    assert_eq!(sync.status.code(), Some(2), "{}", text(&sync));
    assert!(
        stderr(&sync).contains("CHANGELOG.md:4: not a Keep a Changelog file: `## [Unreleased] - ReleaseDate` is not the Unreleased heading relhook keeps: change line 4 to `## [Unreleased]`"),
        "{}",
        text(&sync)
    );
}

/// standard-version before 5.0: an `<a name>` anchor above each release heading, blank lines
/// around it.
const ANCHORED: &str = "# Change Log

All notable changes to this project will be documented in this file. See [standard-version](https://github.com/conventional-changelog/standard-version) for commit guidelines.

<a name=\"4.4.0\"></a>
# [4.4.0](https://github.com/o/r/compare/v4.3.0...v4.4.0) (2018-05-21)


### Bug Fixes

* old fix ([#241](https://github.com/o/r/issues/241))



<a name=\"4.3.0\"></a>
# [4.3.0](https://github.com/o/r/compare/v4.2.0...v4.3.0) (2018-01-03)


### Features

* old feature
";

/// An anchor belongs to the heading below it: Unreleased, its entries and the release headings
/// made from it go above the anchor, never between it and its release.
#[test]
fn new_sections_go_above_a_release_headings_anchor() {
    let repo = adopting(ANCHORED, Some("v4.4.0"));
    let history = &ANCHORED[ANCHORED.find("<a name").unwrap()..];
    let preamble = &ANCHORED[..ANCHORED.find("<a name").unwrap()];
    repo.commit_hooked("fix: new fix");
    repo.commit_hooked("feat: new feature");
    // Set apart by three blank lines, as the file's releases are (QA177).
    assert_eq!(
        repo.read("CHANGELOG.md"),
        format!(
            "{preamble}## [Unreleased]\n\n### Features\n\n* new feature\n\n### Bug Fixes\n\n* new fix\n\n\n\n{history}"
        )
    );

    let tag = hand_tag(&repo, &["-a", "v4.5.0", "-m", "v4.5.0"]);
    assert!(tag.status.success(), "{}", text(&tag));
    let released = format!(
        "{preamble}## [Unreleased]\n\n\n\n# [4.5.0](https://github.com/o/r/compare/v4.4.0...v4.5.0) (2026-11-21)\n\n### Features\n\n* new feature\n\n### Bug Fixes\n\n* new fix\n\n\n\n{history}"
    );
    assert_eq!(repo.read("CHANGELOG.md"), released);

    repo.commit_hooked("fix: later fix");
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        released.replace(
            "## [Unreleased]\n\n\n\n",
            "## [Unreleased]\n\n\n\n## [4.5.1](https://github.com/o/r/compare/v4.5.0...v4.5.1) (2026-11-21)\n\n### Bug Fixes\n\n* later fix\n\n\n\n"
        )
    );
    // The old release's notes stop above the next release's anchor.
    let notes = repo.relhook(&["notes", "v4.4.0"]);
    assert_eq!(
        crate::support::stdout(&notes),
        "### Bug Fixes\n\n* old fix ([#241](https://github.com/o/r/issues/241))\n",
        "{}",
        text(&notes)
    );
    assert!(repo.is_clean());
}

/// release-please once headed one version three times (googleapis/release-please's
/// `### [13.16.3]`): `relhook doctor` warns and `relhook notes` refuses, alike naming every
/// heading and the edit, rather than notes printing the first section as the release's.
#[test]
fn a_version_headed_more_than_once_is_refused_alike_naming_each_heading() {
    let patch = |day: &str| {
        format!(
            "### [1.2.3](https://github.com/o/r/compare/v1.2.2...v1.2.3) (2022-05-{day})\n\n### Bug Fixes\n\n* a fix\n\n"
        )
    };
    let log = format!(
        "# Changelog\n\n## [1.3.0](https://github.com/o/r/compare/v1.2.3...v1.3.0) (2022-05-18)\n\n### Features\n\n* b\n\n{}{}{}",
        patch("17"),
        patch("13"),
        patch("13")
    );
    let repo = adopting(&log, Some("v1.2.3"));
    let what = "1.2.3 is headed 3 times (lines 9, 15 and 21), so which section is its release cannot be told";
    let fix = "keep one heading for 1.2.3 and delete the others, moving what their sections add into the one kept";

    let doctor = repo.relhook(&["doctor"]);
    let said = text(&doctor);
    assert_eq!(doctor.status.code(), Some(0), "{said}");
    assert!(
        said.contains(&format!(
            "WARNING  changelog: CHANGELOG.md: {what}: `relhook notes` of it is refused; entries and other releases are not held up\n          fix: in CHANGELOG.md, {fix}\n"
        )),
        "{said}"
    );
    assert!(
        crate::support::stdout(&doctor)
            .ends_with("nothing needs fixing now (see the warning above)\n"),
        "{said}"
    );

    let notes = repo.relhook(&["notes", "v1.2.3"]);
    assert_eq!(notes.status.code(), Some(1), "{}", text(&notes));
    assert_eq!(crate::support::stdout(&notes), "");
    assert!(
        stderr(&notes).contains(&format!("CHANGELOG.md at v1.2.3: {what}; ")),
        "{}",
        text(&notes)
    );
    assert!(
        stderr(&notes).contains(&format!("and in CHANGELOG.md, {fix}")),
        "{}",
        text(&notes)
    );
}

/// commitizen's file (its default version scheme is PEP 440): pre-release headings such as
/// `## 1.0.0b2 (2019-01-18)` are read as the releases they are, not refused.
#[test]
fn pep_440_pre_release_headings_are_release_sections() {
    let log = "## v1.0.0 (2019-03-01)\n\n### Refactor\n\n- old refactor\n\n## 1.0.0b2 (2019-01-18)\n\n## v1.0.0b1 (2019-01-17)\n\n### Feat\n\n- old feature\n\n## v0.9.11 (2018-12-17)\n\n### Fix\n\n- old fix\n";
    let repo = adopting(log, Some("v1.0.0"));
    repo.commit_hooked("fix: new fix");
    assert_eq!(
        repo.read("CHANGELOG.md"),
        format!("## [Unreleased]\n\n### Fix\n\n- new fix\n\n{log}")
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !text(&doctor).contains("INVALID  changelog"),
        "{}",
        text(&doctor)
    );
    repo.git_skipping_relhook(&["tag", "-a", "v1.0.0b1", "-m", "v1.0.0b1", "HEAD~1"]);
    let notes = repo.relhook(&["notes", "v1.0.0b1"]);
    assert_eq!(
        crate::support::stdout(&notes),
        "### Feat\n\n- old feature\n",
        "{}",
        text(&notes)
    );
    let tag = hand_tag(&repo, &["-a", "v1.0.1", "-m", "v1.0.1"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        format!("## [Unreleased]\n\n## v1.0.1 (2026-11-21)\n\n### Fix\n\n- new fix\n\n{log}")
    );
}

/// vuejs/core's file ends with `## Previous Changelogs`, a part after the last release that
/// links the older files: it is kept as it is and is no release's, while new sections go at
/// the top. A heading that names no version between two releases is the part of the release
/// above it (git-cliff's `## New Contributors`, QA44), kept as it is.
#[test]
fn a_trailing_part_after_the_last_release_is_kept() {
    let log = "# [3.5.0](https://github.com/vuejs/core/compare/v3.5.0-rc.1...v3.5.0) (2024-09-03)\n\n### Features\n\n* old feature\n\n## [3.4.38](https://github.com/vuejs/core/compare/v3.4.37...v3.4.38) (2024-08-14)\n\n### Bug Fixes\n\n* old fix\n\n\n\n## Previous Changelogs\n\n### 3.3.x (2023-02-05 - 2023-12-29)\n\nSee [3.3 changelog](./changelogs/CHANGELOG-3.3.md)\n";
    let repo = adopting(log, Some("v3.5.0"));
    repo.commit_hooked("fix: new fix");
    assert_eq!(
        repo.read("CHANGELOG.md"),
        format!("## [Unreleased]\n\n### Bug Fixes\n\n* new fix\n\n{log}")
    );
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !text(&doctor).contains("INVALID  changelog"),
        "{}",
        text(&doctor)
    );
    let tag = hand_tag(&repo, &["-a", "v3.5.1", "-m", "v3.5.1"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        format!(
            "## [Unreleased]\n\n## [3.5.1](https://github.com/vuejs/core/compare/v3.5.0...v3.5.1) (2026-11-21)\n\n### Bug Fixes\n\n* new fix\n\n{log}"
        )
    );
    // The last release's notes stop at the trailing part.
    repo.git_skipping_relhook(&["tag", "-a", "v3.4.38", "-m", "v3.4.38"]);
    let notes = repo.relhook(&["notes", "v3.4.38"]);
    assert_eq!(
        crate::support::stdout(&notes),
        "### Bug Fixes\n\n* old fix\n",
        "{}",
        text(&notes)
    );

    // Between releases headed at level 2: 3.5.0's part, kept as it is.
    let inside = log.replace("# [3.5.0]", "## [3.5.0]").replace(
        "### Features",
        "## Aggregated Features List for 3.5 (alpha to stable)",
    );
    let repo = adopting(&inside, Some("v3.5.0"));
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !text(&doctor).contains("INVALID  changelog"),
        "{}",
        text(&doctor)
    );
    repo.commit_hooked("fix: new fix");
    assert_eq!(
        repo.read("CHANGELOG.md"),
        format!("## [Unreleased]\n\n### Bug Fixes\n\n* new fix\n\n{inside}")
    );
}

/// Each of the parser's other refusals gives `relhook doctor` the edit to make, not a
/// general "make it a Keep a Changelog file".
#[test]
fn doctor_names_the_edit_for_each_refusal() {
    for (log, fix) in [
        (
            "# Changelog\n\n## [Unreleased] - 2020-01-02\n\n## [1.0.0] - 2020-01-01\n\n- a\n",
            "change line 3 to `## [Unreleased]`",
        ),
        (
            "# Changelog\n\n## [Unreleased]\n\n- a\n\n## [Unreleased]\n\n- b\n",
            "move the entries under line 7 into the Unreleased section at line 3, and delete line 7",
        ),
        (
            "# Changelog\n\n## [Unreleased]\n\n- a\n\n```sh\nmake\n\n## [1.0.0] - 2020-01-01\n",
            "add a ``` line after the code that line 7 opens",
        ),
        (
            "# Changelog\n\n## [3.0.0](https://x/releases/tag/v3.0.0) (2017-5-1)\n\n- a\n",
            "write 2017-5-1 on line 3 as 2017-05-01",
        ),
    ] {
        let repo = adopting(log, None);
        let doctor = text(&repo.relhook(&["doctor"]));
        assert!(
            doctor.contains(&format!("fix: in CHANGELOG.md, {fix}")),
            "{log}\n{doctor}"
        );
    }
}

/// vuejs/core's `# [3.5.0]` holds `## Aggregated Features List for 3.5 (alpha to stable)` and
/// `## Bug Fixes`, with more releases below: parts of that release, as Markdown nests them, not
/// refused; the file's `## Previous Changelogs` after the last release is still no release's.
const VUE: &str = "## [3.5.1](https://github.com/vuejs/core/compare/v3.5.0...v3.5.1) (2024-09-04)

### Bug Fixes

* patch fix



# [3.5.0](https://github.com/vuejs/core/compare/v3.5.0-rc.1...v3.5.0) (2024-09-03)

## Aggregated Features List for 3.5 (alpha to stable)

### Reactivity

- **reactivity**: version counting

### SSR

- **runtime-core:** `useId()`



## Bug Fixes

* **cssVars:** escape double quotes



# [3.5.0-rc.1](https://github.com/vuejs/core/compare/v3.5.0-beta.3...v3.5.0-rc.1) (2024-08-29)

### Performance Improvements

* **reactivity:** optimize array tracking



## Previous Changelogs

### 3.4.x (2023-10-28 - 2024-08-15)

See [3.4 changelog](./changelogs/CHANGELOG-3.4.md)
";

#[test]
fn level_2_headings_inside_a_level_1_release_are_its_parts() {
    let repo = adopting(VUE, Some("v3.5.1"));
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !text(&doctor).contains("INVALID  changelog"),
        "{}",
        text(&doctor)
    );
    let out = repo.try_commit("fix: new fix");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        // Set apart by three blank lines, as vue's releases are (QA177).
        format!("## [Unreleased]\n\n### Bug Fixes\n\n* new fix\n\n\n\n{VUE}")
    );
    let tag = hand_tag(&repo, &["-a", "v3.5.2", "-m", "v3.5.2"]);
    assert!(tag.status.success(), "{}", text(&tag));
    assert_eq!(
        repo.read("CHANGELOG.md"),
        format!(
            "## [Unreleased]\n\n\n\n## [3.5.2](https://github.com/vuejs/core/compare/v3.5.1...v3.5.2) (2026-11-21)\n\n### Bug Fixes\n\n* new fix\n\n\n\n{VUE}"
        )
    );
    repo.commit_hooked("fix: later fix");
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("CHANGELOG.md").ends_with(VUE));
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !text(&doctor).contains("INVALID  changelog"),
        "{}",
        text(&doctor)
    );

    // 3.5.0's notes hold both its parts and stop at the next release; the last release's
    // stop at the trailing part.
    repo.git_skipping_relhook(&["tag", "-a", "v3.5.0", "-m", "v3.5.0", "v3.5.1"]);
    repo.git_skipping_relhook(&["tag", "-a", "v3.5.0-rc.1", "-m", "rc", "v3.5.1"]);
    let notes = crate::support::stdout(&repo.relhook(&["notes", "v3.5.0"]));
    assert!(notes.starts_with("## Aggregated Features List"), "{notes}");
    assert!(
        notes
            .trim_end()
            .ends_with("* **cssVars:** escape double quotes"),
        "{notes}"
    );
    let notes = crate::support::stdout(&repo.relhook(&["notes", "v3.5.0-rc.1"]));
    assert_eq!(
        notes,
        "### Performance Improvements\n\n* **reactivity:** optimize array tracking\n"
    );
}

/// A file with several headings relhook cannot read names them all at once (up to five,
/// then how many more), in doctor and in the hooks' refusal, rather than one per run.
#[test]
fn every_refused_heading_is_named_at_once() {
    let mut log = String::from("# Changelog\n\n## [1.0.0] - 2020-01-01\n\n- a\n");
    for k in 0..7 {
        log.push_str(&format!(
            "\n## Notes {k}\n\n- n\n\n## 0.{}.0 (2019-1-0{})\n\n- b\n",
            9 - k,
            k + 1
        ));
    }
    let repo = adopting(&log, Some("v1.0.0"));
    let doctor = text(&repo.relhook(&["doctor"]));
    let fix = "make line 7 the sub-heading `### Notes 0`; write 2019-1-01 on line 11 as 2019-01-01; make line 15 the sub-heading `### Notes 1`; write 2019-1-02 on line 19 as 2019-01-02; make line 23 the sub-heading `### Notes 2`; and 9 more like these after line 23";
    assert!(
        doctor.contains(&format!("fix: in CHANGELOG.md, {fix}; or point")),
        "{doctor}"
    );
    assert!(doctor.contains("CHANGELOG.md:7 is not"), "{doctor}");
    let out = repo.try_commit("fix: new fix");
    let said = stderr(&out);
    assert!(
        said.contains("CHANGELOG.md:7 is not a Keep a Changelog file (`## Notes 0` names no version, and each `## ` heading above the last release starts one: make line 7 the sub-heading `### Notes 0`; also write 2019-1-01 on line 11 as 2019-01-01; ")
            && said.contains("; and 9 more like these after line 23): post-commit adds no entries"),
        "{said}"
    );
}

/// lefthook's `## 1.7.19 and 1.7.20 – failed to build`: the refusal says the heading names two
/// versions and the edits that fit, not a generic heading to write.
#[test]
fn a_heading_naming_two_versions_is_named_with_a_fitting_edit() {
    let log = "# Change log\n\n## 1.7.21 (2024-10-17)\n\n- feat: c\n\n## 1.7.19 and 1.7.20 – failed to build\n\n## 1.7.18 (2024-09-30)\n\n- fix: b\n";
    let repo = adopting(log, Some("v1.7.21"));
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("(`## 1.7.19 and 1.7.20 – failed to build` names 2 versions, and a release heading names one: "),
        "{doctor}"
    );
    assert!(
        doctor.contains("fix: in CHANGELOG.md, delete line 7 if 1.7.19 and 1.7.20 were never released, or else give each its own `## [X.Y.Z] - YYYY-MM-DD` heading; or point"),
        "{doctor}"
    );
    // A link to the version's tag names it once.
    let log = "# Changelog\n\n## [3.0.0](https://x/releases/tag/v3.0.0) (2017-5-1)\n\n- a\n";
    let doctor = text(&adopting(log, None).relhook(&["doctor"]));
    assert!(
        doctor.contains("(2017-5-1)` is not a Keep a Changelog release heading: write 2017-5-1 on line 3 as 2017-05-01"),
        "{doctor}"
    );
}

/// casey/just underlines its release headings (setext): each is named with the one line to
/// write instead, and the file so edited is kept.
#[test]
fn setext_release_headings_are_named_with_the_line_to_write() {
    let log = "Changelog\n=========\n\n[1.58.0](https://github.com/casey/just/releases/tag/1.58.0) - 2026-08-03\n------------------------------------------------------------------------\n\n### Added\n- new ([#1](https://x/1))\n\n[1.57.0](https://github.com/casey/just/releases/tag/1.57.0) - 2026-07-18\n------------------------------------------------------------------------\n\n### Fixed\n- old\n";
    let repo = adopting(log, Some("1.58.0"));
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("fix: in CHANGELOG.md, write lines 4 and 5 as the one line `## [1.58.0](https://github.com/casey/just/releases/tag/1.58.0) - 2026-08-03`; write lines 10 and 11 as the one line `## [1.57.0](https://github.com/casey/just/releases/tag/1.57.0) - 2026-07-18`; or point"),
        "{doctor}"
    );
    assert!(
        doctor.contains("underlined with `-` is a setext heading"),
        "{doctor}"
    );
    let rule = format!("\n{}\n", "-".repeat(72));
    repo.write(
        "CHANGELOG.md",
        log.replace("\n[1.5", "\n## [1.5").replace(&rule, "\n"),
    );
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("INVALID  changelog"), "{doctor}");
}
