//! QA270: a git-cliff project's `[git] commit_parsers` decide a commit's entry as git-cliff
//! decides it (git-cliff-core's `Commit::parse`): in order, the first parser whose regex
//! matches wins; `skip = true` leaves the commit out, unless `protect_breaking_commits` and
//! the commit is breaking; `filter_commits = true` leaves out a commit no parser matches. relhook
//! wrote an entry for a skipped commit and chose its sub-section by kind of change (a `body`
//! parser's `Security`, a `^fix\(deps\)` parser's `Deps` never used), and read neither flag.

use crate::support::{Repo, ok, stderr};

const RELEASED: &str =
    "# Changelog\n\n## [unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Features\n\n- add import\n";

/// A template listing groups in the order of `commit_parsers` (git-cliff's own).
const BY_PARSERS: &str = "[changelog]\nbody = \"\"\"\n{% for entry in commits | commit_groups(groups=commit_parsers_groups) %}\n### {{ entry.group | striptags | trim | upper_first }}\n{% endfor %}\n\"\"\"\n";

const PARSERS: &str = r#"commit_parsers = [
  { message = "^chore\\(release\\)", skip = true },
  { message = "^feat\\(wip\\)", skip = true },
  { body = ".*security", group = "<!-- 0 -->🛡️ Security" },
  { message = "^fix\\(deps\\)", group = "<!-- 1 -->Deps" },
  { message = "^feat", group = "<!-- 2 -->Features" },
  { message = "^fix", group = "<!-- 3 -->🐛 Bug Fixes" },
  { message = "^doc", group = "<!-- 4 -->Documentation" },
]
"#;

/// A git-cliff project with `cliff` for its cliff.toml, released at `v1.0.0`, post-commit
/// installed.
fn cliff_project(cliff: &str) -> Repo {
    crate::support::cliff_released(RELEASED, cliff)
}

fn unreleased(repo: &Repo) -> String {
    let log = repo.read("CHANGELOG.md");
    log.split("## [1.0.0]")
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The sub-section headings and entries of Unreleased, in order.
fn lines(repo: &Repo) -> Vec<String> {
    (unreleased(repo).lines())
        .filter(|l| l.starts_with("### ") || l.starts_with("- "))
        .map(str::to_owned)
        .collect()
}

fn git_section(flags: &str) -> String {
    format!("{BY_PARSERS}\n[git]\n{flags}\n{PARSERS}")
}

#[test]
fn a_skipped_commit_gets_no_entry_and_one_line_says_so() {
    let repo = cliff_project(&git_section(""));
    let out = ok(repo.commit_with_hooks("feat(wip): half of the importer"));
    assert_eq!(lines(&repo), Vec::<String>::new(), "{}", unreleased(&repo));
    let err = stderr(&out);
    let said: Vec<&str> = err.lines().filter(|l| l.contains("no entry")).collect();
    assert_eq!(
        said,
        [
            r"relhook: no entry added: cliff.toml's commit_parsers skip it (`{ message = '^feat\(wip\)', skip = true }`)"
        ],
        "{err}"
    );
    // A commit no entry was due for anyway is not told about.
    let out = ok(repo.commit_with_hooks("chore(release): prepare for v1.1.0"));
    assert!(!stderr(&out).contains("relhook:"), "{}", stderr(&out));
}

#[test]
fn the_first_parser_that_matches_names_the_group_in_git_cliffs_order() {
    let repo = cliff_project(&git_section(""));
    ok(repo.commit_with_hooks("fix(api): handle an empty body"));
    ok(repo.commit_with_hooks("fix(deps): bump serde"));
    ok(repo.commit_with_hooks(
        "fix(auth): check the token\n\nThis closes a security hole in the login.",
    ));
    ok(repo.commit_with_hooks("docs(readme): explain the importer"));
    ok(repo.commit_with_hooks("feat(cli): add --dry-run"));
    assert_eq!(
        lines(&repo),
        [
            "### 🛡️ Security",
            "- **auth:** check the token",
            "### Deps",
            "- **deps:** bump serde",
            "### Features",
            "- **cli:** add --dry-run",
            "### 🐛 Bug Fixes",
            "- **api:** handle an empty body",
            "### Documentation",
            "- **readme:** explain the importer",
        ],
        "{}",
        unreleased(&repo)
    );
}

#[test]
fn sync_follows_the_parsers_too() {
    let repo = cliff_project(&git_section(""));
    let skip = [("RELHOOK_SKIP", "1")];
    for m in [
        "feat(wip): half",
        "fix(deps): bump serde",
        "fix(api): handle x",
    ] {
        repo.write(&format!("{}.txt", m.len()), m);
        repo.git(&["add", "-A"]);
        repo.git_env(&["commit", "-q", "-m", m], &skip);
    }
    ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(
        lines(&repo),
        [
            "### Deps",
            "- **deps:** bump serde",
            "### 🐛 Bug Fixes",
            "- **api:** handle x",
        ],
        "{}",
        unreleased(&repo)
    );
}

#[test]
fn a_breaking_commit_is_never_skipped_where_breaking_commits_are_protected() {
    let skip_unscoped = "commit_parsers = [\n  { message = \"^[a-z]+!?\\\\s*:\", skip = true },\n  { message = \"^feat\", group = \"Features\" },\n]\n";
    let protected =
        format!("{BY_PARSERS}\n[git]\nprotect_breaking_commits = true\n{skip_unscoped}");
    let repo = cliff_project(&protected);
    ok(repo.commit_with_hooks("feat: add a plain thing"));
    ok(repo.commit_with_hooks("feat!: drop the old importer"));
    let got = lines(&repo);
    assert_eq!(got.len(), 2, "{}", unreleased(&repo));
    assert!(got[1].contains("drop the old importer"), "{got:?}");
    // Not protected: skipped like any other.
    let plain = cliff_project(&format!("{BY_PARSERS}\n[git]\n{skip_unscoped}"));
    ok(plain.commit_with_hooks("feat!: drop the old importer"));
    assert_eq!(
        lines(&plain),
        Vec::<String>::new(),
        "{}",
        unreleased(&plain)
    );
}

#[test]
fn filter_commits_leaves_out_a_commit_no_parser_matches() {
    let repo = cliff_project(&git_section("filter_commits = true"));
    let out = ok(repo.commit_with_hooks("perf(io): read in one go"));
    assert_eq!(lines(&repo), Vec::<String>::new(), "{}", unreleased(&repo));
    assert!(
        stderr(&out).contains("matches none of cliff.toml's commit_parsers"),
        "{}",
        stderr(&out)
    );
    // Without it, relhook's own sub-section for its kind.
    let kept = cliff_project(&git_section(""));
    ok(kept.commit_with_hooks("perf(io): read in one go"));
    assert_eq!(lines(&kept).len(), 2, "{}", unreleased(&kept));
}

#[test]
fn a_parser_relhook_cannot_read_is_said_and_the_kind_of_change_decides() {
    let cliff = format!(
        "{BY_PARSERS}\n[git]\ncommit_parsers = [\n  {{ field = \"author.name\", pattern = \"bot\", skip = true }},\n  {{ message = \"^fix\", group = \"Fixes\" }},\n]\n"
    );
    let repo = cliff_project(&cliff);
    let out = ok(repo.commit_with_hooks("fix(api): handle x"));
    let err = stderr(&out);
    let warned: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warned.len(), 1, "{err}");
    assert!(
        warned[0].starts_with("relhook: warning: cliff.toml: commit_parsers[0]: relhook cannot read the field `author.name`"),
        "{err}"
    );
    assert_eq!(lines(&repo).len(), 2, "{}", unreleased(&repo));
    let bad = format!(
        "{BY_PARSERS}\n[git]\ncommit_parsers = [{{ message = \"^fix(\", group = \"Fixes\" }}]\n"
    );
    let repo = cliff_project(&bad);
    let out = ok(repo.commit_with_hooks("fix(api): handle x"));
    assert!(
        stderr(&out).contains("the message regex `^fix(` does not compile here"),
        "{}",
        stderr(&out)
    );
    assert_eq!(lines(&repo).len(), 2, "{}", unreleased(&repo));
}

/// git-cliff's own `cliff.toml` (copied from orhun/git-cliff at 5963160d) skips every commit
/// without a scope but a breaking one, lists `chore(deps)` nowhere and `refactor(x)` under
/// its own group, as git-cliff's CHANGELOG.md does.
#[test]
fn git_cliff_s_own_configuration_is_followed() {
    let repo = cliff_project(include_str!("support/fixtures/git-cliff.cliff.toml"));
    for m in [
        "fix: handle a plain thing",
        "chore(deps): bump serde",
        "refactor(config): split the loader",
        "feat!: drop the old importer",
        "fix(changelog): keep the footer",
    ] {
        ok(repo.commit_with_hooks(m));
    }
    let got = lines(&repo);
    assert_eq!(
        got.iter()
            .filter(|l| l.starts_with("### "))
            .collect::<Vec<_>>(),
        ["### ⛰️  Features", "### 🐛 Bug Fixes", "### 🚜 Refactor"],
        "{}",
        unreleased(&repo)
    );
    let text = unreleased(&repo);
    assert!(
        !text.contains("plain thing") && !text.contains("serde"),
        "{text}"
    );
    for kept in [
        "drop the old importer",
        "keep the footer",
        "split the loader",
    ] {
        assert!(text.contains(kept), "{kept}: {text}");
    }
}
