//! QA51: a Python project at 1.3.0-pre.1 asked for `--pre c` was refused advising "`--pre
//! pre`, or an identifier that sorts after it (`rc`)"; `--pre rc` makes 1.3.0-rc.1, which
//! PEP 440 reads as the `1.3.0rc1` released (`pre`, `c` and `rc` are all `rc` there), so it
//! was refused in turn. A PEP 440 project is now told only ways on that go up in both orders:
//! `--pre pre`, the release of `1.3.0-rc.2` by name, or 1.3.0. `rc` is named where it works.

use crate::support::{Repo, installed_repo, ok, stderr, stdout, text};

/// A project of `file` (path, contents) released as 1.2.0, then as `1.3.0-{pre}.1`, with a
/// `fix:` commit since.
fn on_pre_line(file: (&str, &str), pre: &str) -> Repo {
    let repo = installed_repo();
    repo.write(file.0, file.1);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: init");
    repo.commit_hooked("fix: zero");
    ok(repo.relhook(&["release", "1.2.0", "--no-test"]));
    repo.commit_hooked("feat: one");
    ok(repo.relhook(&["release", "--pre", pre, "--no-test"]));
    repo.commit_hooked("fix: two");
    repo
}

const PYPROJECT: (&str, &str) = (
    "pyproject.toml",
    "[project]\nname = \"x\"\nversion = \"1.2.0\"\n",
);
const PACKAGE_JSON: (&str, &str) = (
    "package.json",
    "{\n  \"name\": \"x\",\n  \"version\": \"1.2.0\"\n}\n",
);

#[test]
fn python_refusal_names_rc_2_not_rc_and_the_advice_is_taken() {
    let repo = on_pre_line(PYPROJECT, "pre");
    let out = repo.relhook(&["release", "--pre", "c", "--no-test"]);
    let said = stderr(&out);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(said.contains("SemVer orders `c` before `pre`"), "{said}");
    assert!(!said.contains("(`rc`)"), "{said}");
    assert!(
        said.contains(
            "go on with `relhook release --no-test --pre pre`, or release 1.3.0-rc.2 (`relhook release --no-test 1.3.0-rc.2`;"
        ),
        "{said}"
    );
    // Each way on named is taken.
    let next = ok(repo.relhook(&["version", "--next", "--pre", "pre"]));
    assert_eq!(stdout(&next).trim(), "1.3.0-pre.2", "{}", text(&next));
    ok(repo.relhook(&["release", "1.3.0-rc.2", "--no-test"]));
    let py = repo.read("pyproject.toml");
    assert!(py.contains("version = \"1.3.0rc2\""), "{py}");
}

#[test]
fn rc_is_named_where_it_goes_up_in_both_orders() {
    // After a beta, `rc.1` is PEP 440's `rc1`, above `b1`: `--pre rc` is taken.
    let repo = on_pre_line(PYPROJECT, "beta");
    let out = repo.relhook(&["release", "--pre", "alpha", "--no-test"]);
    let said = stderr(&out);
    assert!(
        said.contains("or an identifier that sorts after it (`rc`)"),
        "{said}"
    );
    ok(repo.relhook(&["release", "--pre", "rc", "--no-test"]));
    // A project without a Python version file keeps SemVer's order alone.
    let repo = on_pre_line(PACKAGE_JSON, "pre");
    let out = repo.relhook(&["release", "--pre", "c", "--no-test"]);
    let said = stderr(&out);
    assert!(
        said.contains("or an identifier that sorts after it (`rc`)"),
        "{said}"
    );
    ok(repo.relhook(&["release", "--pre", "rc", "--no-test"]));
}
