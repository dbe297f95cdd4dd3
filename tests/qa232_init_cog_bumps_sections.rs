//! QA232: `relhook init` read cog.toml's `[commit_types]` titles and omissions but not its
//! bumps (`bump_minor = true` on a type of the project's own: under relhook its commits made a
//! patch release) nor the types cocogitto lists in its changelog by default (`docs` under
//! Documentation, `test`, `build`, `ci`, `refactor`, `chore`, `style`): after the switch, their
//! commits got no entry. init now proposes `[version] minor_types` and every section
//! cocogitto would write, in its `order`, without those cog.toml leaves out.

use crate::support::{Repo, ok, stdout, text};

/// Shaped like cocogitto's own cog.toml (its hooks, profiles, changelog and monorepo tables
/// trimmed to one of each), with a type of the project's own that bumps the minor version.
const COG_TOML: &str = r##"#:schema https://docs.cocogitto.io/cog-schema.json
branch_whitelist = ["main"]
ignore_merge_commits = true
tag_prefix = "v"
pre_bump_hooks = ["cargo test", "cargo build --release"]
post_bump_hooks = ["git push", "git push origin {{version}}"]

[bump_profiles.manual]
post_bump_hooks = ["echo 'manual bump'"]

[git_hooks.commit-msg]
script = """#!/bin/sh
set -e
cog verify --file $1
"""

[commit_types]
ex = { changelog_title = "Experiments", bump_minor = true, order = 12 }
hotfix = { changelog_title = "Hotfixes", bump_patch = true, order = 2 }
chore = { omit_from_changelog = true }
test = { omit_from_changelog = true }

[changelog]
path = "CHANGELOG.md"
template = "remote"
remote = "github.com"
repository = "demo"
owner = "demo"
authors = [
    { signature = "Ann", username = "ann" },
]
"##;

#[test]
fn init_carries_cog_toml_s_bumps_and_changelog_sections() {
    let repo = Repo::new();
    repo.write("cog.toml", COG_TOML);
    repo.commit("feat: start");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let out = ok(repo.relhook(&["init"]));
    assert!(
        stdout(&out).contains(", with `[version] minor_types = [\"feat\", \"ex\"]`: the project's own, from cog.toml's `[commit_types]`"),
        "{}",
        text(&out)
    );
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("\nminor_types = [\"feat\", \"ex\"]\n"),
        "{config}"
    );
    assert!(
        config.contains("\nfeat = \"Added\"\nfix = \"Fixed\"\nhotfix = \"Hotfixes\"\nperf = \"Changed\"\nrevert = \"Removed\"\ndocs = \"Documentation\"\nbuild = \"Build system\"\nci = \"Continuous Integration\"\nrefactor = \"Refactoring\"\nstyle = \"Style\"\nex = \"Experiments\"\n"),
        "{config}"
    );

    repo.hooks(&["commit-msg", "post-commit"]);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: adopt relhook"]);
    repo.commit_hooked("docs: explain the setup");
    repo.commit_hooked("test: cover the setup");
    repo.commit_hooked("hotfix: mend the setup");
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("### Documentation\n\n- explain the setup\n"),
        "{log}"
    );
    assert!(log.contains("### Hotfixes\n\n- mend the setup\n"), "{log}");
    assert!(
        !log.contains("cover the setup"),
        "cocogitto omits `test`: {log}"
    );
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "1.0.1", "{}", text(&next));
    // A commit of the type cog.toml bumps the minor version with does so.
    repo.commit_hooked("ex: try a thing");
    let next = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&next).trim(), "1.1.0", "{}", text(&next));
    assert!(
        repo.read("CHANGELOG.md")
            .contains("### Experiments\n\n- try a thing\n")
    );
}
