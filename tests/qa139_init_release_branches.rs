//! QA139: semantic-release's shape: stable tags on the trunk, pre-release tags
//! (`v2.0.0-beta.N`) on a `beta` branch, which a fresh clone has only as `origin/beta`. `init`
//! proposed the default `branches = ["main", "master"]`, so the first beta release from that
//! branch was refused. It proposes the branches the release tags show, and says why; the
//! pre-release line's branch as a channel (`[release.channels]`, QA224).

use crate::support::{Repo, ok, stdout, text};

fn tag(repo: &Repo, name: &str) {
    repo.git(&["tag", "-a", name, "-m", name]);
}

/// main: v1.0.0, v1.1.0; beta (pushed, then only origin/beta here): v2.0.0-beta.1 and .2;
/// a feature branch off beta and a maintenance-looking name with nothing of its own.
pub(crate) fn channels() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"x","version":"0.0.0-development"}"#,
    );
    repo.git(&["add", "-A"]);
    repo.commit("feat: start");
    tag(&repo, "v1.0.0");
    repo.commit("feat: more");
    tag(&repo, "v1.1.0");
    repo.git(&["switch", "-q", "-c", "beta"]);
    repo.commit("feat!: new api");
    tag(&repo, "v2.0.0-beta.1");
    repo.commit("fix: api");
    tag(&repo, "v2.0.0-beta.2");
    repo.git(&["switch", "-q", "-c", "feat/x"]);
    repo.commit("feat: x");
    repo.git(&["switch", "-q", "main"]);
    repo.git(&["branch", "1.x"]);
    repo.commit("fix: on main");
    repo.with_origin();
    repo.git(&["push", "-q", "origin", "main", "beta", "feat/x", "1.x"]);
    repo.git(&["branch", "-q", "-D", "beta", "feat/x"]);
    repo
}

#[test]
fn init_proposes_the_branches_the_release_tags_are_on() {
    let repo = channels();
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    // beta is a channel, not a stable branch (QA224).
    assert!(
        config.contains("\nbranches = [\"main\"]\n")
            && config.contains("\n[release.channels]\nbeta = \"beta\"\n"),
        "{config}"
    );
    let said = stdout(&out);
    assert!(
        said.contains(
            "set `[release] branches = [\"main\"]` and `[release.channels]` `beta = \"beta\"`: "
        ) && said.contains("main holds the stable releases (`v1.1.0`)")
            && said.contains("beta the beta pre-releases (`v2.0.0-beta.2`)")
            && said.contains("on beta, `relhook release` makes the next beta pre-release"),
        "{}",
        text(&out)
    );
    // The configuration loads.
    ok(repo.relhook(&["version"]));
}

#[test]
fn a_trunk_alone_keeps_the_default() {
    let repo = Repo::new();
    repo.write("package.json", r#"{"name":"x","version":"1.0.0"}"#);
    repo.git(&["add", "-A"]);
    repo.commit("feat: start");
    tag(&repo, "v1.0.0");
    repo.git(&["switch", "-q", "-c", "beta"]);
    repo.commit("feat: on a branch named beta, no pre-release of its own");
    repo.git(&["switch", "-q", "main"]);
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("\nbranches = [\"main\", \"master\"]\n"),
        "{config}"
    );
    assert!(
        !stdout(&out).contains("[release] branches"),
        "{}",
        text(&out)
    );
}
