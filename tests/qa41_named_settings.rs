//! QA41: `relhook --config cfg/team.toml release --allow-dirty` with uncommitted changes to
//! the tracked cfg/team.toml released with settings no commit carries. A named file git
//! tracks is held to its commit as `.relconfig.toml` is; one no commit could carry (outside
//! the repository, or untracked) is the user's choice, said in a note.

use crate::support::{Repo, configured_with_a_feature, stderr, text};

const PASSING: &str = "[checks]\ntest = [\"true\"]\n";

fn with_team_settings() -> Repo {
    let repo = configured_with_a_feature(|_| PASSING.into());
    std::fs::create_dir_all(repo.path().join("cfg")).unwrap();
    repo.write("cfg/team.toml", PASSING);
    repo.git(&["add", "cfg/team.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: team settings"]);
    repo
}

#[test]
fn a_changed_tracked_config_file_is_refused() {
    let repo = with_team_settings();
    repo.write(
        "cfg/team.toml",
        "[checks]\ntest = [\"sh\", \"-c\", \"true\"]\n",
    );
    let out = repo.relhook(&["--config", "cfg/team.toml", "release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("release refused: cfg/team.toml has uncommitted changes")
            && err.contains("`git restore --staged --worktree -- :/cfg/team.toml`"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert_eq!(repo.git(&["tag", "--list"]), "", "no tag");
}

#[test]
fn a_comment_in_a_tracked_config_file_is_no_reason() {
    let repo = with_team_settings();
    repo.write("cfg/team.toml", format!("# team\n{PASSING}"));
    let out = repo.relhook(&["--config", "cfg/team.toml", "release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        !stderr(&out).contains("note: the settings come from"),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0");
}

#[test]
fn a_config_file_outside_the_repository_is_said_in_a_note() {
    let repo = configured_with_a_feature(|_| PASSING.into());
    let outside = repo.path().parent().unwrap().join("outside.toml");
    std::fs::write(&outside, PASSING).unwrap();
    let named = outside.display().to_string();
    let out = repo.relhook(&["--config", &named, "release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let note = format!("relhook: note: the settings come from {named}, which no commit carries");
    assert_eq!(stderr(&out).matches(&note).count(), 1, "{}", text(&out));
    assert_eq!(repo.git(&["tag", "--list"]), "v0.1.0");
}

#[test]
fn an_untracked_config_file_is_said_in_a_note() {
    let repo = configured_with_a_feature(|_| PASSING.into());
    repo.write("mine.toml", PASSING);
    let out = repo.relhook(&["--config", "mine.toml", "release", "--allow-dirty"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        stderr(&out).contains("note: the settings come from")
            && stderr(&out).contains("mine.toml, which no commit carries"),
        "{}",
        text(&out)
    );
}
