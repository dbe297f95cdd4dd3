//! QA244: `[version] minor_types` (cocogitto's `bump_minor`, which `relhook init` carries)
//! decided the next version, but the weighing of an entry against one Unreleased already
//! lists (after a squash, an own entry, a reword) still took only `feat`'s section as a minor
//! one: a minor type's entry worded as a listed fix's was taken as listed, under Fixed.

use crate::support::{Repo, text};

#[test]
fn a_minor_types_entry_outweighs_a_fix_worded_alike() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[commit]\ntypes = [\"feat\", \"fix\", \"ex\", \"chore\"]\n[version]\nminor_types = [\"feat\", \"ex\"]\n[changelog.sections]\nfeat = \"Added\"\nfix = \"Fixed\"\nex = \"Experimental\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    let out = repo.relhook(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    repo.commit_hooked("fix: try the cache");
    repo.commit_hooked("ex: try the cache");
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("### Experimental\n\n- try the cache\n"),
        "the minor type's entry weighs more than the fix's, as `feat`'s would:\n{log}"
    );
}
