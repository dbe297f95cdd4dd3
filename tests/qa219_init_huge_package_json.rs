//! QA219: a package.json over the 1 MiB a project file is read to gave `relhook init` two
//! lines: the warning that it was not read, and a second one that its commit types were not
//! read. One line now says what was not read and why; the default types stay.

use crate::support::{Repo, ok, text};

#[test]
fn a_huge_package_json_is_said_in_one_line() {
    let repo = Repo::new();
    repo.commit("feat: start");
    let rule = r#""rules": {"type-enum": [2, "always", ["feat", "fix", "wip"]]}"#;
    repo.write(
        "package.json",
        format!(
            "{{\"name\": \"big\", \"version\": \"1.0.0\", \"commitlint\": {{{rule}}}, \"description\": \"{}\"}}",
            "x".repeat(2 << 20)
        ),
    );
    let out = ok(repo.relhook(&["init"]));
    let all = text(&out);
    let said: Vec<&str> = all.lines().filter(|l| l.contains("package.json")).collect();
    assert_eq!(said.len(), 1, "{all}");
    assert!(
        said[0].starts_with("relhook: warning: did not read ")
            && said[0].ends_with(
                "package.json: it is larger than 1 MiB, the most relhook reads of a project file like it"
            ),
        "{all}"
    );
    let config = repo.read(".relconfig.toml");
    assert!(!config.contains("\"wip\""), "{config}");
}
