//! QA264 (third): doctor read the merge driver's line at any scope while install and uninstall
//! work on this clone's config only: a line in git's global config read as relhook's
//! registration here, which neither command ever touches.

use crate::support::{installed_repo, stdout, text};

const DRIVER: &str = "merge.relhook-changelog.driver";
const NAME: &str = "merge.relhook-changelog.name";

#[test]
fn doctor_names_the_global_config_a_driver_line_lives_in_and_install_registers_its_own() {
    let repo = installed_repo();
    let line = repo.git(&["config", "--local", "--get", DRIVER]);
    let line = line.trim_end();
    repo.git(&["config", "--global", DRIVER, line]);
    repo.git(&[
        "config",
        "--local",
        "--remove-section",
        "merge.relhook-changelog",
    ]);
    let global = repo.home().join("gitconfig");

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    let named: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("global config"))
        .collect();
    assert_eq!(named.len(), 1, "{}", text(&out));
    assert!(named[0].contains("merge driver"), "{said}");
    assert!(named[0].contains(&global.display().to_string()), "{said}");

    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.git(&["config", "--local", "--get", DRIVER]).trim_end(),
        line,
        "{}",
        text(&out)
    );
    assert!(
        !repo
            .git(&["config", "--local", "--get", NAME])
            .trim()
            .is_empty(),
        "{}",
        text(&out)
    );
    let said = stdout(&repo.relhook(&["doctor"]));
    assert!(!said.contains("global config"), "{said}");

    let out = repo.relhook(&["uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        repo.git(&["config", "--global", "--get", DRIVER])
            .trim_end(),
        line
    );
}
