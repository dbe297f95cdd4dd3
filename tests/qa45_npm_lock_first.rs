//! QA45: the first hand tag below `npm init`'s 1.0.0 was refused with "set package.json to
//! 0.1.0 and commit that first"; done as said (`npm pkg set version=0.1.0`),
//! package-lock.json stayed at 1.0.0 and no release bumped it again. The refusal names every
//! file that says the version.

use crate::support::{Repo, hand_tag, installed_repo, ok, stderr, text};

const LOCK: &str = r#"{
  "name": "r",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "r",
      "version": "1.0.0",
      "license": "ISC"
    }
  }
}
"#;

fn npm_project() -> Repo {
    let repo = installed_repo();
    repo.write(
        "package.json",
        "{\n  \"name\": \"r\",\n  \"version\": \"1.0.0\",\n  \"license\": \"ISC\"\n}\n",
    );
    repo.write("package-lock.json", LOCK);
    ok(repo.git_output(&["add", "."]));
    repo.commit_hooked("feat: add x");
    repo
}

#[test]
fn the_refusal_below_npm_inits_version_names_the_lock_file_too() {
    let repo = npm_project();
    let out = hand_tag(&repo, &["-a", "v0.1.0", "-m", "rel"]);
    assert_eq!(out.status.code(), Some(128), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("set package.json (JSON key `version`) and package-lock.json (JSON keys `version` and `packages[\"\"].version`) to 0.1.0 and commit that first"),
        "{err}"
    );
    // Done as said, the next releases bump both.
    for file in ["package.json", "package-lock.json"] {
        let text = repo.read(file).replace("\"1.0.0\"", "\"0.1.0\"");
        repo.write(file, text);
    }
    ok(repo.git_output(&["commit", "-q", "-am", "chore: version 0.1.0"]));
    ok(hand_tag(&repo, &["-a", "v0.1.0", "-m", "rel"]));
    repo.commit_hooked("feat: y");
    ok(repo.relhook(&["release", "--no-test"]));
    assert_eq!(
        repo.read("package-lock.json"),
        LOCK.replace("1.0.0", "0.1.1")
    );
}
