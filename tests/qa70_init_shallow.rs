//! `relhook init` in a shallow clone: the tags beyond the cut are unseen, so the tag prefix
//! it sets may not be the project's. Said in one line, with a way back that works pasted.

use crate::support::{Repo, stdout, text};

#[test]
fn init_in_a_shallow_clone_says_so_and_its_way_back_sets_the_whole_history_s_prefix() {
    let upstream = Repo::new();
    upstream.commit("feat: one");
    upstream.git(&["tag", "-a", "app-v1.0.0", "-m", "app 1.0.0"]);
    for n in 0..3 {
        upstream.commit(&format!("fix: later {n}"));
    }
    let repo = Repo::new();
    let url = format!("file://{}", upstream.path().display());
    std::fs::remove_dir_all(repo.path()).unwrap();
    let out = repo
        .command_in("git", repo.dir.path())
        .args(["clone", "-q", "--depth", "1", &url, "repo"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    std::fs::create_dir(repo.path().join("sub")).unwrap();

    let out = repo.relhook_in(&repo.path().join("sub"), &["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = stdout(&out);
    let note = said
        .lines()
        .find(|l| l.starts_with("note: this clone is shallow"))
        .unwrap_or_else(|| panic!("no shallow note: {}", text(&out)));
    assert!(
        !repo.read(".relconfig.toml").contains("app-v"),
        "the cut history shows no app-v tag"
    );

    // Pasted from a subfolder, the way back writes the settings from the whole history.
    let way = note.split('`').nth(1).unwrap();
    let bin = crate::support::relhook_bin();
    let path = crate::support::path_with(&[bin.parent().unwrap()]);
    let out = repo
        .command_in("sh", &repo.path().join("sub"))
        .env("PATH", path)
        .args(["-c", way])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stdout(&out).contains("shallow"), "{}", text(&out));
    assert!(
        repo.read(".relconfig.toml")
            .contains("tag_prefix = \"app-v\""),
        "{}",
        repo.read(".relconfig.toml")
    );
}

#[test]
fn init_in_a_full_clone_says_nothing_of_shallow() {
    let repo = Repo::new();
    repo.commit("feat: one");
    let out = repo.relhook(&["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!stdout(&out).contains("shallow"), "{}", text(&out));
}
