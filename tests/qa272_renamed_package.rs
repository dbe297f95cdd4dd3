//! QA272: a package whose `[packages.<name>]` table was renamed (its tags stay `zcore-v…`,
//! the name gives `kernel-v…`): every release of it is refused, naming the `tag` setting that
//! reads its tags as before. doctor said "all is well" meanwhile, and the refusal could name a
//! sibling's tags (`ui-v1.0.0`, at the same version) as the renamed package's.

use crate::support::{Repo, ok, text};

/// Packages zcore (p/core) and ui (p/ui), both released at 1.0.0, zcore's table renamed to
/// kernel, and a fix committed in it.
fn renamed() -> Repo {
    let repo = crate::support::two_packages(
        "{\n  \"name\": \"@p/core\",\n  \"version\": \"1.0.0\"\n}\n",
        "{\n  \"name\": \"@p/ui\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    let config = repo
        .read(".relconfig.toml")
        .replace("[packages.a]", "[packages.zcore]");
    let config = config.replace("[packages.b]", "[packages.ui]");
    let config = config
        .replace("\"p/a\"", "\"p/core\"")
        .replace("\"p/b\"", "\"p/ui\"");
    repo.git(&["mv", "p/a", "p/core"]);
    repo.git(&["mv", "p/b", "p/ui"]);
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: name them"]);
    ok(repo.relhook(&["release", "--all", "--no-test"]));
    let config = repo
        .read(".relconfig.toml")
        .replace("[packages.zcore]", "[packages.kernel]");
    repo.write(".relconfig.toml", config);
    repo.git(&["commit", "-q", "-am", "chore: rename zcore to kernel"]);
    repo.write("p/core/y.js", "y\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(kernel): y");
    repo
}

#[test]
fn the_refusal_names_the_renamed_packages_own_tags_not_a_siblings() {
    let repo = renamed();
    let out = repo.relhook(&["release", "--package", "kernel", "--no-test", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("`tag = \"zcore-v{version}\"` in [packages.kernel]"),
        "{}",
        text(&out)
    );
    assert!(!text(&out).contains("ui-v1.0.0"), "{}", text(&out));
}

#[test]
fn doctor_says_the_renamed_packages_release_is_refused() {
    let repo = renamed();
    let doctor = repo.relhook(&["doctor"]);
    let said = String::from_utf8_lossy(&doctor.stdout).into_owned();
    assert!(!said.contains("all is well"), "{}", text(&doctor));
    assert!(said.contains("package kernel"), "{}", text(&doctor));
    assert!(
        said.contains("`tag = \"zcore-v{version}\"` in [packages.kernel]"),
        "{}",
        text(&doctor)
    );
    // Named as before, nothing is said.
    let config = repo.read(".relconfig.toml").replace(
        "[packages.kernel]\n",
        "[packages.kernel]\ntag = \"zcore-v{version}\"\n",
    );
    repo.write(".relconfig.toml", config);
    let doctor = repo.relhook(&["doctor"]);
    assert!(
        !text(&doctor).contains("its release is refused"),
        "{}",
        text(&doctor)
    );
}
