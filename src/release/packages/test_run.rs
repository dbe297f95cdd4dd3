//! The test run of a package release: each package's test command on the release commit,
//! once per distinct command, with each pass recorded under the package's tree.

use std::path::Path;

use git2::Oid;

use super::PackagePlan;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::release::Options;
use crate::{Error, Result};

/// Whether any of `plans` runs a test command (`--no-test` not given).
pub(super) fn wants_tests(plans: &[PackagePlan], opts: &Options) -> bool {
    !opts.no_test && plans.iter().any(|p| p.view.checks.test.is_some())
}

/// Runs each package's test command (`[packages.P] test`, else `[checks] test`, once per
/// distinct command) on the release commit and records each pass under the package's tree.
pub(super) fn test_all(
    repo: &Repo,
    root: &Path,
    plans: &[PackagePlan],
    commit: Oid,
    opts: &Options,
) -> Result<Vec<String>> {
    let mut tested = Vec::new();
    if opts.no_test {
        return Ok(tested);
    }
    let mut passed: Vec<&Vec<String>> = Vec::new();
    for p in plans {
        let Some(argv) = &p.view.checks.test else {
            continue;
        };
        if !passed.contains(&argv) {
            let status = crate::testrun::run(argv, root)?;
            if !status.success() {
                return Err(Error::Refused(Refusal::new(
                    Reason::TestsFailed,
                    format!(
                        "the tests of {} failed on the release candidate ({status}); nothing was released",
                        p.name
                    ),
                    format!(
                        "fix them (`relhook test --package {}` runs them alone)",
                        p.name
                    ),
                )));
            }
            passed.push(argv);
        }
        if p.view.package.is_some() {
            crate::testrun::record_for(repo, &p.view, commit, argv)?;
        }
        tested.push(p.name.clone());
    }
    Ok(tested)
}
