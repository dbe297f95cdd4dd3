//! QA225: what `[release] channels` (QA224) left out. On a channel's branch `relhook version
//! --next` (and its JSON) showed the stable next version, where the release makes the
//! channel's pre-release; a departing release (`--allow-stable`) killed after its commit and
//! finished by `relhook release --resume` lost its `Relhook-Channel-Override:` line, so
//! pre-push refused the tag it had made on purpose; and `relhook release --package`/`--all`
//! made stable package releases from the channel's branch without a word.

use crate::qa224_release_channels::{CONFIG, on_beta};
use crate::support::{Repo, dated_release, ok, stderr, stdout, text};

#[test]
fn version_next_on_a_channel_branch_is_the_pre_release_the_release_makes() {
    let repo = on_beta(CONFIG);
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "2.0.0-beta.1", "{}", text(&out));
    let said = stderr(&out);
    let lines: Vec<&str> = (said.lines())
        .filter(|l| l.contains("[release] channels"))
        .collect();
    assert!(
        lines.len() == 1
            && lines[0].contains("branch beta")
            && lines[0].contains("beta = \"beta\""),
        "{said}"
    );
    let out = ok(repo.relhook(&["version", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["next"], "2.0.0-beta.1", "{doc}");
    assert_eq!(doc["next_tag"], "v2.0.0-beta.1", "{doc}");
    assert_eq!(doc["channel"], "beta", "{doc}");
    // What the release makes.
    let out = ok(dated_release(&repo, &[]));
    assert!(
        repo.git(&["tag", "-l"]).contains("v2.0.0-beta.1"),
        "{}",
        text(&out)
    );
    repo.commit_hooked("fix: api");
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "2.0.0-beta.2", "{}", text(&out));
    // `--pre` still asks for another identifier; main stays stable.
    let out = ok(repo.relhook(&["version", "--next", "--pre", "rc"]));
    assert_eq!(stdout(&out).trim(), "2.0.0-rc.1", "{}", text(&out));
    repo.git(&["switch", "-q", "main"]);
    repo.commit_hooked("fix: on main");
    let out = ok(repo.relhook(&["version", "--next"]));
    assert_eq!(stdout(&out).trim(), "1.0.1", "{}", text(&out));
    assert!(!stderr(&out).contains("channels"), "{}", text(&out));
}

#[test]
fn a_departing_release_resumed_after_its_commit_keeps_its_override_line() {
    for (args, tag) in [
        (&["release", "--allow-stable"][..], "v2.0.0"),
        (&["release", "--pre", "rc"][..], "v2.0.0-rc.1"),
    ] {
        let repo = on_beta(CONFIG);
        repo.relhook_killed_at("release-committed", args);
        assert_eq!(repo.git(&["tag", "-l", tag]), "", "killed before its tag");
        ok(repo.relhook(&["release", "--resume"]));
        let message = repo.git(&["tag", "-l", "--format=%(contents)", tag]);
        assert!(
            message.contains("Relhook-Channel-Override: beta"),
            "{tag}: {message}"
        );
        repo.with_origin();
        let out = repo.git_output(&["push", "-q", "origin", "beta", tag]);
        assert!(out.status.success(), "{tag}: {}", text(&out));
    }
    // The channel's own pre-release, resumed, has no such line.
    let repo = on_beta(CONFIG);
    repo.relhook_killed_at("release-committed", &["release"]);
    ok(repo.relhook(&["release", "--resume"]));
    let message = repo.git(&["tag", "-l", "--format=%(contents)", "v2.0.0-beta.1"]);
    assert!(!message.contains("Relhook-Channel-Override"), "{message}");
}

/// Packages a and b released at 1.0.0 on main, then a breaking change to a on `beta`, a
/// channel.
pub(crate) fn packages_on_beta() -> Repo {
    let repo = Repo::new();
    repo.write("p/a/package.json", r#"{"name":"a","version":"1.0.0"}"#);
    repo.write("p/b/package.json", r#"{"name":"b","version":"1.0.0"}"#);
    repo.write(
        ".relconfig.toml",
        format!("{CONFIG}\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: start"]);
    ok(repo.relhook(&["install"]));
    ok(repo.relhook(&["release", "--all", "--no-test"]));
    repo.git(&["switch", "-q", "-c", "beta"]);
    repo.write("p/a/x.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: new api");
    repo
}

#[test]
fn a_package_release_on_a_channel_branch_is_the_channels_pre_release() {
    let repo = packages_on_beta();
    let before = repo.git(&["tag", "-l"]);
    let out = ok(dated_release(&repo, &["--package", "a", "--no-test"]));
    let made: Vec<String> = (repo.git(&["tag", "-l"]).lines())
        .filter(|t| !before.lines().any(|b| b == *t))
        .map(str::to_owned)
        .collect();
    assert!(
        made.len() == 1 && made[0].ends_with("2.0.0-beta.1"),
        "{made:?}\n{}",
        text(&out)
    );
    assert!(
        stderr(&out)
            .lines()
            .any(|l| l.contains("branch beta") && l.contains("beta = \"beta\"")),
        "{}",
        text(&out)
    );
    assert!(repo.read("p/a/package.json").contains("2.0.0-beta.1"));
    // `--all` too: b's fix is a beta pre-release of b.
    repo.write("p/b/y.txt", "y\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(b): y");
    let before = repo.git(&["tag", "-l"]);
    let out = ok(dated_release(&repo, &["--all", "--no-test"]));
    let made: Vec<String> = (repo.git(&["tag", "-l"]).lines())
        .filter(|t| !before.lines().any(|b| b == *t))
        .map(str::to_owned)
        .collect();
    assert!(
        !made.is_empty() && made.iter().all(|t| t.contains("-beta.")),
        "{made:?}\n{}",
        text(&out)
    );
    // A stable package release is made only on purpose, and says so in its tag.
    repo.write("p/a/z.txt", "z\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): z");
    let before = repo.git(&["tag", "-l"]);
    let out = ok(dated_release(
        &repo,
        &["--package", "a", "--no-test", "--allow-stable"],
    ));
    let made: Vec<String> = (repo.git(&["tag", "-l"]).lines())
        .filter(|t| !before.lines().any(|b| b == *t))
        .map(str::to_owned)
        .collect();
    assert!(
        made.len() == 1 && made[0].ends_with("2.0.0"),
        "{made:?}\n{}",
        text(&out)
    );
    let message = repo.git(&["tag", "-l", "--format=%(contents)", &made[0]]);
    assert!(
        message.contains("Relhook-Channel-Override: beta"),
        "{message}"
    );
    // Killed after its commit and resumed, it says so still.
    repo.write("p/b/w.txt", "w\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(b): w");
    let args = ["release", "--package", "b", "--no-test", "--allow-stable"];
    repo.relhook_killed_at("release-committed", &args);
    ok(repo.relhook(&["release", "--resume", "--no-test"]));
    let message = repo.git(&["tag", "-l", "--format=%(contents)", "b-v1.0.1"]);
    assert!(
        message.contains("Relhook-Channel-Override: beta"),
        "{message}"
    );
}
