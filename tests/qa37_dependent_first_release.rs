//! QA37: `version --all --next` said a never-released dependent had "nothing to release",
//! while `release --all` releases it for its dependency's new requirement.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn a_never_released_dependent_is_due_for_its_dependency() {
    let repo = Repo::new();
    repo.write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
    repo.write(
        "crates/api/Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"1.2.3\"\n",
    );
    repo.write(
        "crates/d2/Cargo.toml",
        "[package]\nname = \"d2\"\nversion = \"0.1.0\"\n[dependencies]\napi = { path = \"../api\", version = \"1.2.3\" }\n",
    );
    repo.write("crates/api/src/lib.rs", "");
    repo.write("crates/d2/src/lib.rs", "");
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\nrequire_tested_tags = false\n[packages.api]\npath = \"crates/api\"\n[packages.d2]\npath = \"crates/d2\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: s"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/api/src/lib.rs", "1\n");
    ok(repo.git_output(&["commit", "-q", "-am", "feat: api"]));
    ok(repo.relhook(&["release", "--package", "api"]));
    repo.write("crates/api/src/lib.rs", "2\n");
    ok(repo.git_output(&["commit", "-q", "-am", "feat!: api 2"]));
    let out = ok(repo.relhook(&["version", "--all", "--next"]));
    let said = stdout(&out);
    assert!(
        !said.contains("d2 0.1.0 (nothing to release)"),
        "{}",
        text(&out)
    );
    assert!(
        said.contains("d2 0.1.0 (first release; a dependency's requirement changed: api)"),
        "{}",
        text(&out)
    );
}
