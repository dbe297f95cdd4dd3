//! QA51: `relhook version --all --next` said `b 0.2.0 -> 0.2.0 (a dependency's requirement
//! changed: a)` for a package never released that `release --all` releases only because its
//! requirement moves: its first release is the version its files hold, said as other first
//! releases are.

use crate::support::{Repo, ok, stdout};

#[test]
fn a_never_released_dependent_due_reads_as_a_first_release() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"root\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n",
    );
    repo.write(
        "packages/a/package.json",
        "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.write(
        "packages/b/package.json",
        "{\n  \"name\": \"b\",\n  \"version\": \"0.2.0\",\n  \"dependencies\": { \"a\": \"^1.0.0\" }\n}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"packages/a\"\ntest = [\"true\"]\n[packages.b]\npath = \"packages/b\"\ntest = [\"true\"]\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("packages/a/i.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat(a)!: break"]);
    let out = stdout(&ok(repo.relhook(&["version", "--all", "--next"])));
    assert_eq!(
        out,
        "a 1.0.0 -> 2.0.0\nb 0.2.0 (first release; a dependency's requirement changed: a)\n"
    );
}
