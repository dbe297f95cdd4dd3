//! QA50: doctor's merge-driver row advised `git check-attr merge -- docs/CH"A\NGES.md` with
//! the changelog's name unquoted: pasted, the shell ate the quote and the backslash.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn the_check_attr_advice_quotes_the_changelog_and_works_pasted_below_the_top() {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[changelog]\npath = 'docs/CH\"A\\NGES.md'\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    // No attribute line git reads applies the driver any more.
    std::fs::write(repo.path().join(".git/info/attributes"), "").unwrap();
    std::fs::create_dir_all(repo.path().join("docs")).unwrap();
    let doctor = repo.relhook_in(&repo.path().join("docs"), &["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", text(&doctor));
    let out = stdout(&doctor);
    let advice = out
        .split("(`")
        .find_map(|s| {
            s.split_once("` does not name it")
                .map(|(c, _)| c.to_owned())
        })
        .unwrap_or_else(|| panic!("no check-attr advice: {out}"));
    assert_eq!(
        advice,
        "git check-attr merge -- \"$(git rev-parse --show-toplevel)\"/'docs/CH\"A\\NGES.md'"
    );
    // Pasted in the folder doctor ran in, it asks git about the changelog itself.
    let pasted = repo
        .command_in("sh", &repo.path().join("docs"))
        .args(["-c", &advice])
        .output()
        .unwrap();
    let said = stdout(&pasted);
    // git shows the name in C quotes.
    assert!(
        said.ends_with("/docs/CH\\\"A\\\\NGES.md\": merge: unspecified\n"),
        "{}",
        text(&pasted)
    );
}
