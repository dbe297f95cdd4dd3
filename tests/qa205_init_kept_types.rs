//! QA205: `relhook init` run again in a repository whose `.relconfig.toml` it wrote told the
//! user to set the project's commit types "if it does not say them", though the kept
//! configuration allowed every one (seen on vuejs/core). That line is now printed only when
//! the kept configuration leaves one of the project's types out.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn a_kept_configuration_allowing_the_project_s_types_gets_no_advice() {
    let repo = Repo::new();
    repo.write(
        "scripts/verify-commit.js",
        "const commitRE = /^(revert: )?(feat|fix|dx|wip)(\\(.+\\))?: .{1,50}/\n",
    );
    repo.commit("feat: start");
    ok(repo.relhook(&["init"]));

    // Again, beside the configuration it wrote: nothing to set.
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert!(
        said.contains("left .relconfig.toml alone"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("commit types"), "{}", text(&out));

    // A kept configuration without `wip`: the line names the types to set.
    repo.write(
        ".relconfig.toml",
        "[commit]\ntypes = [\"feat\", \"fix\", \"dx\", \"revert\"]\n",
    );
    let out = ok(repo.relhook(&["init"]));
    assert!(
        stdout(&out).lines().any(|l| l
            == "the project's commit types, from the regex of scripts/verify-commit.js, are [\"feat\", \"fix\", \"dx\", \"wip\", \"revert\"]: set `types = [\"feat\", \"fix\", \"dx\", \"wip\", \"revert\"]` under [commit] in .relconfig.toml if it does not say them"),
        "{}",
        text(&out)
    );
}
