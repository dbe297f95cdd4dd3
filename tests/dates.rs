//! Release dates are local dates: what `date +%Y-%m-%d` prints in the releasing person's time
//! zone (the system's, `TZ` honoured), not the UTC date.

use crate::support::{Repo, SKELETON, stdout, text};

/// `date +%Y-%m-%d` under `tz`.
fn date_in(repo: &Repo, tz: &str) -> String {
    let out = repo
        .command_in("date", &repo.path())
        .env("TZ", tz)
        .arg("+%Y-%m-%d")
        .output()
        .expect("date runs");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn heading_date(repo: &Repo, tz: &str) -> String {
    let out = repo
        .command_in(crate::support::relhook_bin(), &repo.path())
        .env("TZ", tz)
        .args(["release", "--dry-run", "--no-test"])
        .output()
        .expect("relhook runs");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let o = stdout(&out);
    let line = o
        .lines()
        .find(|l| l.starts_with("+## [0.1.1] - "))
        .unwrap_or_else(|| panic!("no heading in {o}"));
    line.trim_start_matches("+## [0.1.1] - ").to_owned()
}

#[test]
fn release_is_dated_in_the_local_time_zone() {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", SKELETON);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    repo.commit("feat: dated");
    // UTC+14 and UTC−12 are 26 hours apart: their dates always differ, and each must be the
    // date `date` prints there (read before and after, in case midnight passes between).
    for tz in ["<+14>-14", "<-12>+12"] {
        let before = date_in(&repo, tz);
        let got = heading_date(&repo, tz);
        let after = date_in(&repo, tz);
        assert!(
            got == before || got == after,
            "TZ={tz}: {got}, date says {before}"
        );
    }
    assert_ne!(
        heading_date(&repo, "<+14>-14"),
        heading_date(&repo, "<-12>+12")
    );
}
