//! QA296: on changesets' history a package's release said "packages/read/src/index.test.ts:181
//! still says 1.0.0 … bump it by hand": a test's data, not a place that states the version.
//! The runbook's `grep -r` check looks for places people read the version (a README, the
//! docs, a constant in the code); a test that checks the version fails by itself once it is
//! bumped, so test sources are left out as fixtures are, and docs and code still count.

use crate::support::told::two_packages;
use crate::support::{Repo, ok, stderr};

/// Files naming 1.4.2: test sources in each usual form, and the places that still count.
const TESTS: &[&str] = &[
    "src/index.test.ts",
    "src/parse.spec.js",
    "src/__tests__/run.ts",
    "tests/cli.rs",
    "test/helpers.js",
    "pkg/cmd/version_test.go",
    "test_version.py",
];
const COUNTED: &[&str] = &["README.md", "docs/install.md", "src/version.ts"];

#[test]
fn test_sources_are_not_left_behind_but_docs_and_code_are() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"app\",\n  \"version\": \"1.4.2\"\n}\n",
    );
    for file in TESTS.iter().chain(COUNTED) {
        repo.write(file, "const version = \"1.4.2\";\n");
    }
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.4.2", "-m", "v1.4.2"]);
    ok(repo.relhook(&["install"]));
    repo.write("src/a.ts", "x\n");
    repo.git(&["add", "src/a.ts"]);
    repo.commit_hooked("fix: a");
    for args in [&["release", "--dry-run"][..], &["release", "--no-test"]] {
        let said = stderr(&ok(repo.relhook(args)));
        for file in TESTS {
            assert!(!said.contains(&format!("{file}:1 ")), "{file}: {said}");
        }
        for file in COUNTED {
            assert!(said.contains(&format!("note: {file}:1 ")), "{file}: {said}");
        }
    }
}

/// changesets' own case: a package's test file beside its source.
#[test]
fn a_packages_test_file_is_not_left_behind() {
    let repo = two_packages("", true);
    repo.write("p/a/src/index.test.ts", "expect(v).toBe(\"1.0.0\");\n");
    repo.write("p/a/README.md", "Install a 1.0.0 with npm.\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): mend");
    let said = stderr(&ok(repo.relhook(&["release", "--all", "--no-test"])));
    assert!(
        said.contains("note: p/a/README.md:1 still says 1.0.0"),
        "{said}"
    );
    assert!(!said.contains("index.test.ts"), "{said}");
}
