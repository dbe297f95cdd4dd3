//! QA222: on commitlint (lerna's fixed mode), `git tag -a v21.3.1` said the 28 files its release
//! commit updated in one line of 1,300 characters; the release's own notes already cut such a
//! list short ("… and 24 more"). The hand tag's line names the first three and counts the rest.

use crate::support::{hand_tag, ok, stderr, text};

#[test]
fn a_hand_tags_long_list_of_updated_files_is_cut_short() {
    let repo = crate::support::Repo::new();
    let names: Vec<String> = (1..=5).map(|i| format!("p{i}/package.json")).collect();
    let mut files = String::new();
    for name in &names {
        repo.write(name, "{\"name\": \"p\", \"version\": \"0.1.0\"}\n");
        files.push_str(&format!("{{ path = \"{name}\", key = \"version\" }}, "));
    }
    repo.write(
        ".relconfig.toml",
        format!("[version]\nfiles = [{files}]\n[checks]\nrequire_tested_tags = false\n"),
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: one");
    let out = hand_tag(&repo, &["-a", "v0.2.0", "-m", "v0.2.0"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stderr(&out);
    let line = said
        .lines()
        .find(|l| l.contains("now points at release commit"))
        .unwrap_or_default();
    assert!(
        line.contains("(CHANGELOG.md, p1/package.json, p2/package.json and 3 more updated)"),
        "{said}"
    );
    // Every file moved all the same.
    assert!(repo.read("p5/package.json").contains("0.2.0"), "{said}");
}
