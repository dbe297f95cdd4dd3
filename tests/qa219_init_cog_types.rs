//! QA219: `relhook init` read commitlint's and vue's commit types but not cocogitto's own
//! configuration: cog.toml's `[commit_types]` (a custom type, a type's `changelog_title`,
//! `omit_from_changelog`, a default type turned off with `{}`) was passed over, so a `ex:`
//! commit cocogitto allowed was refused. init now sets `[commit] types` and the
//! `[changelog.sections]` they go under from it, as it does from commitlint's rule.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn cog_toml_s_commit_types_become_the_types_and_their_sections() {
    let repo = Repo::new();
    repo.write(
        "cog.toml",
        "branch_whitelist = [\"main\"]\n\n[commit_types]\nex = { changelog_title = \"Experiments\" }\nchore = { omit_from_changelog = true }\nrevert = { changelog_title = \"\", omit_from_changelog = true }\nstyle = {}\n\n[changelog]\npath = \"CHANGELOG.md\"\n",
    );
    repo.commit("feat: start");
    let out = ok(repo.relhook(&["init"]));
    let types = "[\"feat\", \"fix\", \"docs\", \"refactor\", \"perf\", \"test\", \"build\", \"ci\", \"chore\", \"revert\", \"ex\"]";
    assert!(
        stdout(&out).lines().any(|l| l
            == format!("set `[commit] types = {types}` and the `[changelog.sections]` they go under: the project's own, from cog.toml's `[commit_types]`")),
        "{}",
        text(&out)
    );
    let config = repo.read(".relconfig.toml");
    assert!(config.contains(&format!("\ntypes = {types}\n")), "{config}");
    assert!(
        // In cocogitto's order (a type without `order` first), with the types it lists by
        // default (QA232): `docs` under Documentation, and so on.
        config.contains("[changelog.sections]\n# The project's own, from cog.toml's `[commit_types]`.\nex = \"Experiments\"\nfeat = \"Added\"\nfix = \"Fixed\"\nperf = \"Changed\"\ndocs = \"Documentation\"\ntest = \"Tests\"\nbuild = \"Build system\"\nci = \"Continuous Integration\"\nrefactor = \"Refactoring\"\n\n"),
        "{config}"
    );

    // The custom type is allowed, and its commits get entries under its title.
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    repo.write("x.txt", "x\n");
    repo.git(&["add", "x.txt"]);
    repo.commit_hooked("ex: try a thing");
    let log = repo.read("CHANGELOG.md");
    assert!(log.contains("### Experiments\n\n- try a thing\n"), "{log}");
    let refused = repo.try_commit("style: was turned off");
    assert!(!refused.status.success(), "{}", text(&refused));
}
