//! QA205: `relhook init` read the files that may hold the project's commit types (package.json,
//! commitlint's configurations) whole, whatever their size: a 50 MB package.json cost its size
//! in memory for a key a configuration holds in a few lines. A file over 1 MiB is now told by
//! its size and never read, in one line naming it and the limit, and the defaults stay.

use crate::support::{Repo, ok, stdout, text};

/// The sentence for `file`, too large to read.
fn too_large(file: &str) -> String {
    format!(
        "did not read the commit types in {file}: it is larger than 1 MiB, the most relhook reads of a configuration file; set `types` under `[commit]` in .relconfig.toml to the types your commits use"
    )
}

/// A JSON commitlint configuration allowing `wip`, padded past 1 MiB.
fn padded(config: &str) -> String {
    format!(
        "{{{config}, \"description\": \"{}\"}}",
        "x".repeat(1024 * 1024 + 1)
    )
}

#[test]
fn a_config_over_a_mebibyte_is_said_too_large_and_not_read() {
    let rule = r#""rules": {"type-enum": [2, "always", ["feat", "fix", "wip"]]}"#;
    for (file, contents) in [
        (".commitlintrc.json", padded(rule)),
        (".commitlintrc", padded(rule)),
    ] {
        // package.json, which the rest of init reads too, is said in its one warning line
        // (qa219_init_huge_package_json).
        let repo = Repo::new();
        repo.commit("feat: start");
        repo.write(file, contents);
        let out = ok(repo.relhook(&["init"]));
        let said = stdout(&out);
        assert!(
            said.lines().any(|l| l == too_large(file)),
            "{file}: {}",
            text(&out)
        );
        let config = repo.read(".relconfig.toml");
        assert!(!config.contains("\"wip\""), "{file}: {config}");
    }

    // One of the limit's size is still read.
    let repo = Repo::new();
    repo.commit("feat: start");
    let small = format!("{{{rule}}}");
    let pad = " ".repeat(1024 * 1024 - small.len());
    repo.write(".commitlintrc.json", format!("{small}{pad}"));
    let out = ok(repo.relhook(&["init"]));
    assert!(
        stdout(&out).contains("from .commitlintrc.json's `type-enum` rule"),
        "{}",
        text(&out)
    );
}
