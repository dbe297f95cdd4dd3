//! QA299: `relhook changelog --rebuild --stdout` in a treeless clone (`git clone
//! --filter=tree:0`) read the configuration committed at each commit of history, asking git
//! for each commit's tree alone: a connection to the remote each (19 for 19 commits). The
//! trees and files it reads now come in one fetch each; the changelog is the same.

use crate::support::{ok, stdout, text, untested_installed};

#[test]
fn a_rebuild_in_a_treeless_clone_fetches_the_trees_it_reads_at_once() {
    let repo = untested_installed();
    let origin = repo.with_origin();
    for r in 1..=2 {
        for i in 1..=4 {
            repo.write(&format!("d{r}/f{i}"), format!("{r}{i}\n"));
            repo.git(&["add", "-A"]);
            repo.commit_hooked(&format!("feat: r{r} f{i}"));
        }
        ok(repo.relhook(&["release", &format!("0.{r}.0"), "--no-test"]));
    }
    repo.commit_hooked("fix: after");
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    let bare = origin.to_str().unwrap();
    repo.git(&["-C", bare, "config", "uploadpack.allowFilter", "true"]);
    let any = [
        "-C",
        bare,
        "config",
        "uploadpack.allowAnySHA1InWant",
        "true",
    ];
    repo.git(&any);
    let clone = repo.dir.path().join("treeless");
    let url = format!("file://{bare}");
    let args = [
        "clone",
        "-q",
        "--filter=tree:0",
        "-b",
        "main",
        &url,
        clone.to_str().unwrap(),
    ];
    let out = repo.git_in(repo.dir.path(), &args, &[]);
    assert!(out.status.success(), "{}", text(&out));

    let mut cmd = repo.command_in(crate::support::relhook_bin(), &clone);
    cmd.args(["changelog", "--rebuild", "--stdout"])
        .env("RELHOOK_TEST_OBJECT_FETCHES", "1");
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    let fetches: usize = err
        .lines()
        .find_map(|l| {
            l.strip_prefix("relhook: test: ")?
                .strip_suffix(" object fetches")
        })
        .unwrap_or_else(|| panic!("{err}"))
        .parse()
        .unwrap();
    assert!(fetches <= 2, "{fetches} object fetches:\n{err}");
    let full = repo.relhook(&["changelog", "--rebuild", "--stdout"]);
    assert_eq!(stdout(&out), stdout(&full));
}
