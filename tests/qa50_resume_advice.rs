//! QA50: a release given `--config FILE` and flags, then interrupted, advised a bare
//! `relhook release --resume`: pasted, it read `.relconfig.toml` (another tag prefix, other
//! tests) and refused the tree `--allow-dirty` had let through. Every `--resume` advice now
//! repeats the `--config FILE` given and the flags a resume honours.

use crate::support::{Repo, configured_with_a_feature, ok, relhook_bin, stderr, text};

/// Runs `advice` as a person pastes it into a shell in the repository.
fn pasted(repo: &Repo, advice: &str) -> std::process::Output {
    let bin_dir = relhook_bin().parent().unwrap().to_owned();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    repo.command_in("sh", &repo.path())
        .env("PATH", path)
        .args(["-c", advice])
        .output()
        .unwrap()
}

/// A release given `--config 'ci conf.toml'` (tag prefix `rel-`, tests that fail while
/// `fail` exists) and `--allow-dirty` (an untracked `notes.txt`), killed once its release
/// commit is made. `.relconfig.toml` (tag prefix `v`) is the default.
fn killed_with_its_own_config() -> (Repo, std::path::PathBuf) {
    let repo = configured_with_a_feature(|_| String::new());
    let fail = repo.dir.path().join("fail-the-tests");
    repo.write(
        "ci conf.toml",
        format!(
            "[version]\ntag_prefix = \"rel-\"\n[checks]\ntest = [\"sh\", \"-c\", \"test ! -e '{}'\"]\n",
            fail.display()
        ),
    );
    repo.git(&["add", "ci conf.toml"]);
    repo.git(&["commit", "-q", "-m", "ci: its own release config"]);
    repo.write("notes.txt", "mine\n");
    repo.relhook_killed_at(
        "release-committed",
        &["--config", "ci conf.toml", "release", "--allow-dirty"],
    );
    assert_eq!(repo.head_subject(), "chore(release): 0.1.0");
    (repo, fail)
}

#[test]
fn the_half_made_release_and_doctor_advise_the_resume_with_its_config_and_flags() {
    let (repo, _fail) = killed_with_its_own_config();
    let resume = "relhook --config 'ci conf.toml' release --resume --allow-dirty";
    let out = repo.relhook(&["--config", "ci conf.toml", "release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("tag rel-0.1.0 is missing (an interrupted release)"),
        "{err}"
    );
    assert!(err.contains(&format!("`{resume}` finishes it")), "{err}");
    let out = repo.relhook(&["--config", "ci conf.toml", "doctor"]);
    let said = text(&out);
    assert!(
        said.contains("relhook --config 'ci conf.toml' release --resume"),
        "{said}"
    );
    assert!(!said.contains("relhook release --resume"), "{said}");
    // Pasted as advised, it tags under the config given, beside the untracked file.
    let out = ok(pasted(&repo, resume));
    assert!(
        stderr(&out).contains("(tested, release finished)"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "-l"]), "rel-0.1.0");
}

#[test]
fn a_resume_whose_tests_fail_names_the_resume_with_its_config_and_flags() {
    let (repo, fail) = killed_with_its_own_config();
    std::fs::write(&fail, "").unwrap();
    let out = repo.relhook(&[
        "--config",
        "ci conf.toml",
        "release",
        "--resume",
        "--allow-dirty",
    ]);
    std::fs::remove_file(&fail).unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let next = err.lines().find(|l| l.starts_with("next: ")).unwrap();
    assert!(
        next.contains("`relhook --config 'ci conf.toml' release --resume --allow-dirty --no-test`"),
        "{err}"
    );
    assert!(
        next.contains("then `relhook --config 'ci conf.toml' release --allow-dirty 0.1.0`"),
        "{err}"
    );
    assert!(!next.contains("`relhook release"), "{err}");
    // The tests pass again: the resume named after "fix that" finishes it, pasted.
    let again = "relhook --config 'ci conf.toml' release --resume --allow-dirty";
    assert!(
        next.contains(&format!("fix that, then `{again}`;")),
        "{err}"
    );
    let out = ok(pasted(&repo, again));
    assert!(stderr(&out).contains("release finished"), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), "rel-0.1.0");
}
