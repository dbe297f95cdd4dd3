//! QA261: release channels in a monorepo. After one package's pre-release of another line
//! (`a-v2.0.0-rc.1` made on `beta` with `--pre rc`), `relhook release --all` released the
//! other packages and left `a` out with a note, exit 0: a partial release that looked like
//! success, where `--package a` (and `--package a --package b`) is refused. `--all` is now
//! refused the same way, nothing released, each refused package named with its own way on,
//! and the release of the others named too. The JSON document of a refusal of several
//! packages carried only the last package's way on (`hint`): each package's is listed now.

use crate::qa243_channel_advice_accepted::each_release_taken;
use crate::support::{Repo, dated_release, ok, stderr, stdout, text};

/// `packages_on_beta` (a and b at 1.0.0, a breaking change of a on `beta`) with
/// `--pre rc` pre-releases of `rc_of` made there, then a fix of each package above them.
fn after_rc_of(rc_of: &[&str]) -> Repo {
    let repo = crate::qa225_channel_version_resume_packages::packages_on_beta();
    let change = |file: &str, message: &str| {
        repo.write(file, "x\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked(message);
    };
    if rc_of.contains(&"b") {
        change("p/b/first.txt", "feat(b): first");
    }
    let mut args = vec!["--pre", "rc", "--no-test"];
    for p in rc_of {
        args.extend(["--package", p]);
    }
    ok(dated_release(&repo, &args));
    change("p/a/y.txt", "fix(a): y");
    change("p/b/y.txt", "fix(b): y");
    repo
}

#[test]
fn release_all_refuses_a_package_the_channel_cannot_follow_as_package_does() {
    let repo = after_rc_of(&["a"]);
    let (tags, head) = (repo.git(&["tag", "-l"]), repo.git(&["rev-parse", "HEAD"]));
    // What `--package a` says.
    let out = dated_release(&repo, &["--package", "a", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let alone = stderr(&out);
    assert!(alone.contains("cannot follow 2.0.0-rc.1"), "{alone}");
    // `--all` asked for every package: refused, nothing made.
    let out = dated_release(&repo, &["--all", "--no-test"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l"]), tags, "{}", text(&out));
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{}", text(&out));
    let said = stderr(&out);
    let refused = (said.lines())
        .find(|l| l.starts_with("relhook: release refused: "))
        .unwrap_or_else(|| panic!("no refusal:\n{said}"));
    assert!(
        refused.contains("a: pre-release `beta` cannot follow"),
        "{said}"
    );
    // a's own way on, and the release of the others.
    assert!(
        refused.contains("`relhook release --package a --no-test --pre rc`"),
        "{said}"
    );
    assert!(
        refused.contains("`relhook release --package b --no-test`"),
        "{said}"
    );
    assert!(!said.contains("is not released"), "{said}");
    each_release_taken(&repo, &said, "relhook release");
    // Taken one after the other, they make both releases.
    ok(dated_release(
        &repo,
        &["--package", "a", "--no-test", "--pre", "rc"],
    ));
    ok(dated_release(&repo, &["--package", "b", "--no-test"]));
    let made = repo.git(&["tag", "-l"]);
    assert!(
        made.contains("a-v2.0.0-rc.2") && made.contains("b-v1.0.1-beta.1"),
        "{made}"
    );
}

#[test]
fn release_all_still_leaves_out_a_package_with_nothing_to_release() {
    let repo = crate::qa225_channel_version_resume_packages::packages_on_beta();
    // b has nothing since b-v1.0.0: the release of a goes, b said left out.
    let out = ok(dated_release(&repo, &["--all", "--no-test"]));
    assert!(
        repo.git(&["tag", "-l"]).contains("a-v2.0.0-beta.1"),
        "{}",
        text(&out)
    );
    assert!(stderr(&out).contains("b is not released"), "{}", text(&out));
}

/// The `error.packages` entries of a JSON refusal, by name: (reason, message, hint).
fn each_package(doc: &serde_json::Value) -> Vec<(String, String, String, String)> {
    let list = doc["error"]["packages"]
        .as_array()
        .unwrap_or_else(|| panic!("no error.packages:\n{doc:#}"));
    (list.iter())
        .map(|p| {
            let field = |k: &str| p[k].as_str().unwrap_or_default().to_owned();
            (
                field("name"),
                field("reason"),
                field("message"),
                field("hint"),
            )
        })
        .collect()
}

#[test]
fn a_json_refusal_of_several_packages_carries_each_packages_way_on() {
    let repo = after_rc_of(&["a", "b"]);
    for selection in [&["--all"][..], &["--package", "a", "--package", "b"][..]] {
        let args = [&["--no-test", "--format", "json"][..], selection].concat();
        let out = dated_release(&repo, &args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        let doc: serde_json::Value =
            serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", text(&out)));
        assert_eq!(doc["error"]["reason"], "not-greater", "{doc:#}");
        let each = each_package(&doc);
        let names: Vec<&str> = each.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["a", "b"], "{doc:#}");
        for (name, reason, message, hint) in &each {
            assert_eq!(reason, "not-greater", "{doc:#}");
            assert!(message.contains("cannot follow"), "{doc:#}");
            let own = format!("`relhook release --package {name} --no-test --pre rc`");
            assert!(hint.contains(&own), "{name}: {doc:#}");
            let other = if name == "a" { "b" } else { "a" };
            assert!(
                !hint.contains(&format!("--package {other}")),
                "{name}: {doc:#}"
            );
        }
    }
}
