//! QA184: Vue's shape: the trunk holds the stable releases, the next version's pre-releases
//! (`v3.6.0-alpha.1` … `rc.5`) are on a branch named `minor`, after none of their
//! identifiers, and the last 3.4 release on a branch named `3.4`; a fresh clone has them only
//! as `origin/minor` and `origin/3.4`. `init` proposed only `["main", "master"]`, so a release
//! from either branch was refused. It proposes both, and says what each carries.

use crate::support::{Repo, ok, stdout, text};

fn tag(repo: &Repo, name: &str) {
    repo.git(&["tag", "-a", name, "-m", name]);
}

/// Pushes `branches` to a bare `origin` and deletes them here but for main: a fresh clone's
/// branches.
fn only_remote(repo: &Repo, branches: &[&str]) {
    repo.with_origin();
    let mut push = vec!["push", "-q", "origin", "main"];
    push.extend(branches);
    repo.git(&push);
    let mut delete = vec!["branch", "-q", "-D"];
    delete.extend(branches);
    repo.git(&delete);
}

/// main: v3.4.0, v3.5.0, v3.5.1; 3.4: v3.4.1; minor (main merged in): v3.6.0-alpha.1,
/// beta.1, rc.1, rc.2; a topic branch cut from minor; 3.5, a line's name with nothing of its
/// own.
fn vue_like() -> Repo {
    let repo = Repo::new();
    repo.write("package.json", r#"{"name":"x","version":"3.4.0"}"#);
    repo.git(&["add", "-A"]);
    repo.commit("feat: start");
    tag(&repo, "v3.4.0");
    repo.git(&["branch", "3.4"]);
    repo.commit("feat: more");
    tag(&repo, "v3.5.0");
    repo.git(&["branch", "3.5"]);
    repo.git(&["switch", "-q", "3.4"]);
    repo.commit("fix: backport");
    tag(&repo, "v3.4.1");
    repo.git(&["switch", "-q", "-c", "minor", "main"]);
    repo.commit("feat: vapor");
    tag(&repo, "v3.6.0-alpha.1");
    repo.commit("fix: vapor");
    tag(&repo, "v3.6.0-beta.1");
    repo.commit("fix: vapor again");
    tag(&repo, "v3.6.0-rc.1");
    repo.git(&["switch", "-q", "main"]);
    repo.commit("fix: on main");
    tag(&repo, "v3.5.1");
    repo.git(&["switch", "-q", "minor"]);
    repo.git(&["merge", "-q", "--no-edit", "main"]);
    repo.commit("fix: after the merge");
    tag(&repo, "v3.6.0-rc.2");
    repo.git(&["switch", "-q", "-c", "edison/feat/x"]);
    repo.commit("feat: x");
    repo.git(&["switch", "-q", "main"]);
    only_remote(&repo, &["3.4", "3.5", "minor", "edison/feat/x"]);
    repo
}

#[test]
fn init_proposes_the_pre_release_and_maintenance_branches_whatever_their_names() {
    let repo = vue_like();
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    // minor is a channel of its newest identifier (QA224).
    assert!(
        config.contains("\nbranches = [\"main\", \"3.4\"]\n")
            && config.contains("\n[release.channels]\nminor = \"rc\"\n"),
        "{config}"
    );
    let said = stdout(&out);
    assert!(
        said.contains("set `[release] branches = [\"main\", \"3.4\"]` and `[release.channels]` `minor = \"rc\"`: ")
            && said.contains("main holds the stable releases (`v3.5.1`)")
            && said.contains("3.4 the 3.4.x releases the trunk does not hold (`v3.4.1`)")
            && said.contains("minor the 3.6.0 pre-releases (`v3.6.0-rc.2`)")
            && said.contains("on minor, `relhook release` makes the next rc pre-release"),
        "{}",
        text(&out)
    );
    // The configuration loads.
    ok(repo.relhook(&["version"]));
}

/// main: v2.0.0, v2.1.0, v2.2.0; release-2.1: v2.1.1; v2.0: v2.0.1, then v2.0.2 on a branch
/// cut from it; next and preview both at v3.0.0-beta.1.
#[test]
fn only_a_line_s_newest_release_and_a_lone_pre_release_branch_are_proposed() {
    let repo = Repo::new();
    repo.write("package.json", r#"{"name":"x","version":"2.0.0"}"#);
    repo.git(&["add", "-A"]);
    repo.commit("feat: start");
    tag(&repo, "v2.0.0");
    repo.git(&["branch", "v2.0"]);
    repo.commit("feat: more");
    tag(&repo, "v2.1.0");
    repo.git(&["branch", "release-2.1"]);
    repo.commit("feat: again");
    tag(&repo, "v2.2.0");
    repo.git(&["switch", "-q", "release-2.1"]);
    repo.commit("fix: backport");
    tag(&repo, "v2.1.1");
    repo.git(&["switch", "-q", "v2.0"]);
    repo.commit("fix: old backport");
    tag(&repo, "v2.0.1");
    repo.git(&["switch", "-q", "-c", "hotfix"]);
    repo.commit("fix: older backport");
    tag(&repo, "v2.0.2");
    repo.git(&["switch", "-q", "-c", "next", "main"]);
    repo.commit("feat!: new api");
    tag(&repo, "v3.0.0-beta.1");
    repo.git(&["branch", "preview"]);
    repo.git(&["switch", "-q", "main"]);
    only_remote(&repo, &["v2.0", "release-2.1", "hotfix", "next", "preview"]);
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("\nbranches = [\"main\", \"release-2.1\"]\n"),
        "{config}"
    );
    let said = stdout(&out);
    assert!(
        said.contains("release-2.1 the 2.1.x releases the trunk does not hold (`v2.1.1`)")
            && !said.contains("v2.0.1")
            && !said.contains("pre-release"),
        "{}",
        text(&out)
    );
    ok(repo.relhook(&["version"]));
}
