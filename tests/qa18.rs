//! Found in the session after qa17: the old-version notes read in-process, as `git grep`
//! reads the tree.

use crate::support::{Repo, hand_tag, ok, stderr, text};

/// A project at 1.0.0 with the old version left in files git names unusually.
fn project_with_stale_files() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    // git grep quotes such a name ("docs/versi\303\263n 1.md") unless told -z.
    repo.write("docs/versión 1.md", "Install 1.0.0 first.\n");
    // Binary: a NUL early on (git grep -I leaves it out), or `-diff` in .gitattributes.
    repo.write("assets/logo.bin", "\0PNG 1.0.0\n");
    repo.write("assets/blob.txt", "1.0.0 data\n");
    repo.write(".gitattributes", "assets/blob.txt -diff\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: y");
    repo
}

#[test]
fn the_old_version_notes_name_files_with_unusual_names_and_skip_binaries() {
    let repo = project_with_stale_files();
    for out in [
        repo.relhook(&["release", "--dry-run", "--no-test"]),
        hand_tag(&repo, &["-a", "v1.0.1", "-m", "v1.0.1"]),
    ] {
        assert!(out.status.success(), "{}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains("relhook: note: docs/versión 1.md:1 ")
                && err.contains("`Install 1.0.0 first.`"),
            "{err}"
        );
        assert!(!err.contains("assets/"), "{err}");
    }
    assert_eq!(repo.head_subject(), "chore(release): 1.0.1");
}

/// Where each run of `repo`'s reference-transaction hook that gets past its first look (the
/// shim's sh, or relhook's gate behind the launcher or link) and on to relhook's own work
/// is logged.
fn count_starts(repo: &Repo) -> std::path::PathBuf {
    let log = repo.dir.path().join("starts.log");
    let hook = repo
        .dir
        .path()
        .join("repo/.git/hooks/reference-transaction");
    assert!(
        crate::support::is_rt_hook(&hook),
        "reference-transaction is the launcher (or a link to relhook)"
    );
    log
}

fn starts(log: &std::path::Path) -> usize {
    std::fs::read_to_string(log).map_or(0, |t| t.lines().count())
}

/// git 2.46 and later fetch each ref in a transaction of its own: a fetch of many new tags
/// starts relhook once, not twice per tag, and a hand tag afterwards is still a release.
#[test]
fn a_fetch_of_many_new_tags_starts_relhook_once() {
    let repo = crate::support::installed_repo();
    let up = repo.scratch("up");
    let git_up = |args: &[&str]| {
        let out = repo.git_in(&up, args, &[]);
        assert!(out.status.success(), "{}", text(&out));
    };
    // The upstream shares the repository's history: tags of an unrelated history are no
    // releases a hand tag here could follow (QA299).
    let here_path = repo.path();
    git_up(&["clone", "-q", here_path.to_str().unwrap(), "."]);
    git_up(&["commit", "-q", "--allow-empty", "-m", "chore: up"]);
    for i in 1..=40 {
        git_up(&["tag", &format!("v1.0.{i}")]);
    }
    let log = count_starts(&repo);
    let up_path = up.to_str().unwrap();
    let logged = [("RELHOOK_TEST_GATE_LOG", log.to_str().unwrap())];
    let here = repo.path();
    let out = repo.git_in(
        &here,
        &["fetch", "-q", up_path, "refs/tags/*:refs/tags/*"],
        &logged,
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "v1.0.*"]).lines().count(), 40);
    let fetched = starts(&log);
    assert!(fetched <= 2, "relhook started {fetched} times for 40 tags");

    // A tag moved upstream and fetched with force: a fetch's tags are not relhook's to judge.
    git_up(&["commit", "-q", "--allow-empty", "-m", "chore: moved"]);
    git_up(&["tag", "-f", "v1.0.1"]);
    let out = repo.git_in(
        &here,
        &["fetch", "-q", "--force", up_path, "refs/tags/*:refs/tags/*"],
        &logged,
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(starts(&log) <= fetched + 2, "{}", starts(&log));
    let upstream = repo.git_in(&up, &["rev-parse", "v1.0.1"], &[]);
    assert_eq!(
        repo.git(&["rev-parse", "v1.0.1"]),
        String::from_utf8_lossy(&upstream.stdout).trim()
    );

    // A hand tag is still a release.
    repo.commit_hooked("feat: later");
    let out = hand_tag(&repo, &["-a", "v1.1.0", "-m", "v1.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 1.1.0");
}

/// Before the first release tag an explicit level has no release to bump: it used to be
/// dropped without a word (`release major` made v0.1.0). It is refused, naming both ways on:
/// the first release as it is, or the version the level would give.
#[test]
fn a_level_before_the_first_release_is_refused_with_the_versions_to_name() {
    let repo = crate::support::installed_repo();
    for (level, pre, want) in [
        ("major", None, "relhook release --no-test 1.0.0"),
        ("minor", None, "relhook release --no-test 0.2.0"),
        ("patch", None, "relhook release --no-test 0.1.1"),
        ("major", Some("rc"), "relhook release --no-test 1.0.0-rc.1"),
    ] {
        let mut args = vec!["release", level, "--no-test"];
        if let Some(p) = pre {
            args.extend(["--pre", p]);
        }
        let out = repo.relhook(&args);
        assert_eq!(out.status.code(), Some(1), "{level}: {}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "`{level}` bumps the last release, and there is none yet"
            )) && err.contains("the commits make the first release 0.1.0")
                && err.contains(&format!("`{want}`")),
            "{err}"
        );
        assert_eq!(repo.git(&["tag", "-l"]), "", "{level}");
    }
    // The version files' version is the base when there is one.
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"1.4.2\"\n}\n",
    );
    repo.git(&["add", "package.json"]);
    repo.commit_hooked("build: packaging");
    let out = repo.relhook(&["release", "major", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("`relhook release --no-test 2.0.0`"),
        "{}",
        text(&out)
    );
    // What it names works, and so does the first release as it is.
    let out = crate::support::dated_release(&repo, &["2.0.0", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "v2.0.0");
    // From then on a level bumps that release.
    repo.commit_hooked("fix: later");
    let out = repo.relhook(&["release", "minor", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("v2.1.0"), "{}", text(&out));
}

/// A breaking change after the version files last set the version makes the first release
/// bump it, with `--pre` too (it used to make 1.4.2-rc.1, then 1.4.2); `major`, which gives the
/// same, is taken.
#[test]
fn a_breaking_first_release_is_bumped_with_pre_and_major_alike() {
    let repo = crate::support::installed_repo();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"1.4.2\"\n}\n",
    );
    repo.git(&["add", "package.json"]);
    repo.commit_hooked("build: packaging");
    repo.commit_hooked("feat!: drop the old API");
    let next = |args: &[&str]| {
        let out = repo.relhook(args);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        crate::support::stdout(&out).trim().to_owned()
    };
    assert_eq!(next(&["version", "--next"]), "2.0.0");
    assert_eq!(next(&["version", "--next", "--pre", "rc"]), "2.0.0-rc.1");
    let out = repo.relhook(&["release", "major", "--dry-run", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("v2.0.0"), "{}", text(&out));
    let out = crate::support::dated_release(&repo, &["--pre", "rc", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "v2.0.0-rc.1");
    assert!(
        repo.read("package.json")
            .contains("\"version\": \"2.0.0-rc.1\"")
    );
    repo.commit_hooked("fix: polish");
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["describe", "--exact-match", "HEAD"]), "v2.0.0");
}

/// Below 1.0.0 an explicit level is what was asked: the policy that lowers a breaking change
/// to a minor bump (and a feature to a patch) is for what the commits call for.
#[test]
fn below_1_0_0_an_explicit_level_is_what_was_asked() {
    let repo = crate::support::installed_repo();
    ok(crate::support::dated_release(&repo, &["--no-test"]));
    repo.commit_hooked("fix: b");
    for (level, want) in [
        ("major", "v1.0.0"),
        ("minor", "v0.2.0"),
        ("patch", "v0.1.1"),
    ] {
        let out = repo.relhook(&["release", level, "--dry-run", "--no-test"]);
        assert!(out.status.success(), "{}", text(&out));
        assert!(
            text(&out).contains(&format!("release {want} ")),
            "{level}: {}",
            text(&out)
        );
    }
    // What the commits call for is still lowered: a feature is a patch, as configured.
    repo.commit_hooked("feat: c");
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(
        crate::support::stdout(&out).trim(),
        "0.1.1",
        "{}",
        text(&out)
    );
}

/// 0.0.0 says "no version yet": it is never a release, even named.
#[test]
fn version_0_0_0_is_never_released() {
    let repo = crate::support::installed_repo();
    let out = repo.relhook(&["release", "0.0.0", "--dry-run", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("0.0.0 is no version"),
        "{}",
        text(&out)
    );
}

/// `git tag -a 0.1.0` where release tags are `v0.1.0`: it used to make no release and say
/// nothing, and every later `relhook version` stopped at it. It is refused, naming both ways on.
#[test]
fn a_hand_tag_without_the_prefix_is_refused_naming_the_release_tag() {
    let repo = crate::support::installed_repo();
    let out = hand_tag(&repo, &["-a", "0.1.0", "-m", "first release"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("relhook: refusing tag 0.1.0: release tags here are named v0.1.0")
            && err.contains("`git tag -a v0.1.0 -m v0.1.0`")
            && err.contains("`tag_prefix = \"\"`"),
        "{err}"
    );
    assert_eq!(repo.git(&["tag", "-l"]), "");
    ok(repo.relhook(&["version"]));
    // The release tag it names is a release; a name that is no version stays a plain tag.
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "first release"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    let out = hand_tag(&repo, &["-a", "nightly", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    // With unprefixed releases configured, the bare version is the release tag.
    repo.write(".relconfig.toml", "[version]\ntag_prefix = \"\"\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: unprefixed"]);
    // Its release tag renamed as the new prefix names it (a release commit left without
    // its tag is refused as an interrupted release).
    let out = repo.git_skipping_relhook(&["tag", "-a", "0.1.0", "-m", "0.1.0", "v0.1.0^{}"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_skipping_relhook(&["tag", "-d", "v0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: two");
    let out = hand_tag(&repo, &["-a", "0.1.1", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.head_subject(), "chore(release): 0.1.1");
}

/// A bare-version tag made before relhook (or with RELHOOK_SKIP) stops `relhook version` and
/// every release: doctor says so, with the fix, instead of "all is well".
#[test]
fn doctor_names_tags_that_stop_every_release() {
    let repo = crate::support::installed_repo();
    let out = repo.git_skipping_relhook(&["tag", "-a", "0.1.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = crate::support::stdout(&out);
    assert!(
        said.contains(
            "INVALID  version: the release tags here do not start with the default tag_prefix \"v\""
        ) && said.contains("fix: set `tag_prefix = \"\"`"),
        "{said}"
    );
}

/// A comment that opens Unreleased (`<!-- Add new entries below this line -->`) is the file's
/// marker: a release leaves it there, out of the release's section, its notes and its tag.
#[test]
fn a_comment_opening_unreleased_stays_there_through_a_release() {
    let repo = crate::support::installed_repo();
    let marker = "<!-- Add new entries below this line -->";
    repo.write(
        "CHANGELOG.md",
        format!("# Changelog\n\n## [Unreleased]\n{marker}\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- old\n"),
    );
    repo.git(&["add", "CHANGELOG.md"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "docs: the marker"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("feat: new");
    let out = hand_tag(&repo, &["-a", "v1.1.0", "-m", "v1.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.starts_with(&format!(
            "# Changelog\n\n## [Unreleased]\n{marker}\n\n## [1.1.0] - "
        )),
        "{log}"
    );
    let notes = repo.relhook(&["notes", "v1.1.0"]);
    assert!(
        !crate::support::stdout(&notes).contains("<!--"),
        "{}",
        text(&notes)
    );
    // The next entry goes below the marker, and so does the next release (by relhook release).
    repo.commit_hooked("fix: more");
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.starts_with(&format!(
            "# Changelog\n\n## [Unreleased]\n{marker}\n\n## [1.1.1] - 2026-11-21\n\n### Fixed\n\n- more\n"
        )),
        "{log}"
    );
    let tag = repo.git(&["tag", "-l", "--format=%(contents)", "v1.1.1"]);
    assert!(!tag.contains("<!--"), "{tag}");
}

/// lerna's fixed mode (commitlint's layout): one version in lerna.json and in every package's
/// package.json. A release bumps them all, as `lerna version` does; a package at another
/// version is no part of it and is left alone.
#[test]
fn a_lerna_fixed_mode_release_bumps_every_package_at_the_version() {
    let repo = Repo::new();
    let pkg = |name: &str, version: &str| {
        format!("{{\n  \"name\": \"@x/{name}\",\n  \"version\": \"{version}\"\n}}\n")
    };
    repo.write("package.json", "{\n  \"private\": true\n}\n");
    repo.write(
        "lerna.json",
        "{\n  \"version\": \"1.2.3\",\n  \"packages\": [\"@x/*\"]\n}\n",
    );
    repo.write("@x/a/package.json", pkg("a", "1.2.3"));
    repo.write("@x/b/package.json", pkg("b", "1.2.3"));
    repo.write("@x/tool/package.json", pkg("tool", "0.0.1"));
    // npm's lock file repeats each workspace package's version.
    let lock = |v: &str| {
        format!(
            "{{\n  \"name\": \"root\",\n  \"lockfileVersion\": 3,\n  \"packages\": {{\n    \"\": {{\n      \"name\": \"root\"\n    }},\n    \"@x/a\": {{\n      \"name\": \"@x/a\",\n      \"version\": \"{v}\"\n    }},\n    \"@x/tool\": {{\n      \"name\": \"@x/tool\",\n      \"version\": \"0.0.1\"\n    }},\n    \"node_modules/@x/a\": {{\n      \"resolved\": \"@x/a\",\n      \"link\": true\n    }}\n  }}\n}}\n"
        )
    };
    repo.write("package-lock.json", lock("1.2.3"));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.2.3", "-m", "v1.2.3"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: more");
    let out = crate::support::dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(repo.read("lerna.json").contains("\"version\": \"1.3.0\""));
    assert_eq!(repo.read("@x/a/package.json"), pkg("a", "1.3.0"));
    assert_eq!(repo.read("@x/b/package.json"), pkg("b", "1.3.0"));
    assert_eq!(repo.read("@x/tool/package.json"), pkg("tool", "0.0.1"));
    assert_eq!(repo.read("package-lock.json"), lock("1.3.0"));
    assert!(!stderr(&out).contains("still says"), "{}", text(&out));
    // A hand tag does the same.
    repo.commit_hooked("fix: again");
    let out = hand_tag(&repo, &["-a", "v1.3.1", "-m", "v1.3.1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("@x/b/package.json"), pkg("b", "1.3.1"));
    assert!(repo.is_clean());
}

/// `git tag -a v0.0.0` is no release, as `relhook release 0.0.0` is not.
#[test]
fn a_hand_tag_of_0_0_0_is_refused() {
    let repo = crate::support::installed_repo();
    repo.write(
        "package.json",
        "{\n  \"name\": \"x\",\n  \"version\": \"0.0.0\"\n}\n",
    );
    repo.git(&["add", "package.json"]);
    repo.commit_hooked("feat: packaging");
    let err = crate::support::hand_tag_refused(&repo, "v0.0.0");
    assert!(
        err.contains("0.0.0 is no version") && err.contains("`v0.1.0`"),
        "{err}"
    );
    assert!(repo.read("package.json").contains("\"version\": \"0.0.0\""));
    assert_eq!(repo.git(&["tag", "-l"]), "");
}

/// Slips of the release tag's name (`V0.1.0`, `ver0.1.0`, the default `v` where releases are
/// `release-X.Y.Z`) before the first release would stop every later `relhook version`: each
/// is refused, naming the tag to make.
#[test]
fn hand_tags_of_another_scheme_before_the_first_release_are_refused() {
    let repo = crate::support::installed_repo();
    for name in ["V0.1.0", "ver0.1.0", "v-0.1.0"] {
        let out = hand_tag(&repo, &["-a", name, "-m", "x"]);
        assert!(!out.status.success(), "{name}: {}", text(&out));
        assert!(
            stderr(&out).contains("`git tag -a v0.1.0 -m v0.1.0`"),
            "{name}: {}",
            text(&out)
        );
        assert_eq!(repo.git(&["tag", "-l"]), "", "{name}");
        ok(repo.relhook(&["version"]));
    }
    // Other tags (no version at their end) are tags.
    ok(hand_tag(&repo, &["-a", "nightly", "-m", "x"]));
    // Once the project has a release, other schemes no longer stop anything: left alone.
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]));
    ok(hand_tag(&repo, &["-a", "docs-1.0.0", "-m", "x"]));
    ok(repo.relhook(&["version"]));

    let repo = crate::support::installed_repo();
    repo.write(".relconfig.toml", "[version]\ntag_prefix = \"release-\"\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: release- tags");
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("`git tag -a release-0.1.0 -m release-0.1.0`"),
        "{}",
        text(&out)
    );
}

/// In a monorepo a package's tag in another form than its template (`web-1.0.0` beside
/// `web-v{version}`) is refused before the package's first release, and one made anyway is
/// what doctor names; `api-V0.5.0` is package api's, not the root's.
#[test]
fn a_package_tag_in_another_form_is_refused_and_doctor_names_it() {
    let repo = crate::support::installed_repo();
    repo.write(
        "crates/api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"0.3.0\"\n",
    );
    repo.write(
        "crates/web/package.json",
        "{\"name\":\"web\",\"version\":\"2.0.0\"}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[packages.api]\npath = \"crates/api\"\n[packages.web]\npath = \"crates/web\"\n",
    );
    repo.git(&["add", "."]);
    repo.commit_hooked("build: packages");
    ok(repo.relhook(&["install"]));
    repo.write("crates/web/y", "y\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("fix(web): thing");
    let out = hand_tag(&repo, &["-a", "web-1.0.0", "-m", "x"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        stderr(&out).contains("`git tag -a web-v1.0.0 -m web-v1.0.0`"),
        "{}",
        text(&out)
    );
    // Made anyway, it is what doctor names.
    let out = repo.git_skipping_relhook(&["tag", "-a", "web-1.0.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        crate::support::stdout(&out).contains("INVALID  version of web:"),
        "{}",
        text(&out)
    );
    repo.git(&["tag", "-d", "web-1.0.0"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "api-V0.5.0", "-m", "x"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["version"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// Once the project has a release in HEAD's history, a tag of another scheme on an older
/// commit stops nothing (`relhook version` reads HEAD's history): it is left alone.
#[test]
fn a_tag_of_another_scheme_below_a_release_is_left_alone() {
    let repo = crate::support::installed_repo();
    repo.commit_hooked("fix: a");
    ok(crate::support::dated_release(&repo, &["--no-test"]));
    ok(hand_tag(
        &repo,
        &["-a", "docs-1.0.0", "-m", "docs", "HEAD~1"],
    ));
    ok(repo.relhook(&["version"]));
}

/// lerna's packages as git has them: an ignored or untracked package.json is no version file
/// (it would go into the release commit), and `"packages": ["."]` is the top's package.json.
#[test]
fn lerna_packages_are_the_tracked_ones_and_dot_is_the_top() {
    let repo = Repo::new();
    let pkg = |version: &str| format!("{{\n  \"name\": \"x\",\n  \"version\": \"{version}\"\n}}\n");
    repo.write(
        "lerna.json",
        "{\n  \"version\": \"1.0.0\",\n  \"packages\": [\"packages/*\", \".\"]\n}\n",
    );
    repo.write("package.json", pkg("1.0.0"));
    repo.write("packages/a/package.json", pkg("1.0.0"));
    repo.write(".gitignore", "packages/gen/\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    // Made after: one ignored, one new and untracked.
    repo.write("packages/gen/package.json", pkg("1.0.0"));
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: more");
    let out = crate::support::dated_release(&repo, &["--no-test", "--allow-dirty"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("package.json"), pkg("1.0.1"));
    assert_eq!(repo.read("packages/a/package.json"), pkg("1.0.1"));
    assert_eq!(repo.read("packages/gen/package.json"), pkg("1.0.0"));
    let shown = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(!shown.contains("packages/gen"), "{shown}");
}

/// A release tag deleted here: `version --next` names the missing tag and its two ways back
/// (`--resume`, or fetching the pushed tag), as `release` does, not a version `release` then
/// refuses.
#[test]
fn a_deleted_release_tag_is_named_by_version_next_as_by_release() {
    let repo = crate::support::installed_repo();
    // A remote the deleted tag could be fetched back from.
    repo.with_origin();
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]));
    repo.git(&["tag", "-d", "v0.1.0"]);
    // The release's advice repeats the `--no-test` it was given.
    for (args, resume) in [
        (&["version", "--next"][..], "`relhook release --resume`"),
        (
            &["release", "--dry-run", "--no-test"],
            "`relhook release --resume --no-test`",
        ),
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        let err = stderr(&out);
        assert!(
            err.contains(resume)
                && err.contains("`git fetch origin tag v0.1.0`")
                && !err.contains("0.1.0 is 0.1.0")
                && !err.contains("relhook release 0.1.1"),
            "{args:?}: {err}"
        );
    }
}

/// After the first release a slip of the prefix (`V0.2.0`, `v-0.2.0`) is refused, and another
/// tag that ends in a version (`ver0.2.0`, `docs-1.0.0`) is said in one line to make no
/// release: never silent.
#[test]
fn after_a_release_a_tag_that_makes_no_release_says_so() {
    let repo = crate::support::installed_repo();
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]));
    repo.commit_hooked("feat: two");
    for name in ["V0.2.0", "v-0.2.0", "v.0.2.0"] {
        let out = hand_tag(&repo, &["-a", name, "-m", "x"]);
        assert!(!out.status.success(), "{name}: {}", text(&out));
        assert!(
            stderr(&out).contains("`git tag -a v0.2.0 -m v0.2.0`"),
            "{name}: {}",
            text(&out)
        );
    }
    for name in ["ver0.2.0", "docs-1.0.0"] {
        let out = hand_tag(&repo, &["-a", name, "-m", "x"]);
        assert!(out.status.success(), "{name}: {}", text(&out));
        assert!(
            stderr(&out).contains(&format!("relhook: {name} is no release tag here")),
            "{name}: {}",
            text(&out)
        );
    }
    assert_eq!(repo.head_subject(), "feat: two");
}

/// `relhook notes 0.1.0` (and `test --tag`) where the tag is `v0.1.0` takes that tag.
#[test]
fn a_version_without_the_prefix_names_the_tag_that_exists() {
    let repo = crate::support::installed_repo();
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "x"]));
    for args in [&["notes", "0.1.0"][..], &["test", "--tag", "0.1.0"]] {
        let out = repo.relhook(args);
        assert!(
            !stderr(&out).contains("no tag `0.1.0`"),
            "{args:?}: {}",
            text(&out)
        );
    }
    let out = repo.relhook(&["notes", "0.1.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["notes", "9.9.9"]);
    assert!(
        stderr(&out).contains("`git tag -l` lists the tags"),
        "{}",
        text(&out)
    );
}
