//! QA45: `relhook --config /nonexistent doctor` said "make the file readable, or remove it":
//! there is nothing to remove. A missing `--config` file is named with the way on.

use crate::support::{installed_repo, stdout, text};

#[test]
fn doctor_names_a_missing_config_file_without_asking_to_remove_it() {
    let repo = installed_repo();
    let out = repo.relhook(&["--config", "nowhere.toml", "doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains("INVALID  config: cannot read `"),
        "{}",
        text(&out)
    );
    assert!(
        said.contains("fix: name a file that exists (`--config PATH`), or leave `--config` out to use .relconfig.toml"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("remove it"), "{said}");
}
