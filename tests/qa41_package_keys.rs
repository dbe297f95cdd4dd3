//! QA41: a package named `@m/b` whose folder was deleted got `relhook doctor`'s advice to
//! remove the `[packages.@m/b]` table: not TOML, whose keys other than bare ones are quoted.
//! Every table header relhook writes or names is now TOML as a user can paste it.

use crate::support::{Repo, ok, stdout, text};

/// Each `[packages.…]` header naming a package in `said` parses as TOML (the header of an
/// empty table); the words `[packages.*]` and `[packages.<name>]` name none.
fn headers_parse(said: &str) -> usize {
    let mut found = 0;
    for (at, _) in said.match_indices("[packages.") {
        let end = at + said[at..].find(']').expect("a closed header");
        let header = &said[at..=end];
        if header.contains(['*', '<']) {
            continue;
        }
        assert!(
            toml::from_str::<toml::Table>(&format!("{header}\n")).is_ok(),
            "{header} is not TOML, in:\n{said}"
        );
        found += 1;
    }
    found
}

#[test]
fn a_scoped_package_s_table_is_named_as_toml_writes_it() {
    let repo = Repo::new();
    repo.write("p/a/package.json", r#"{"name":"@m/a","version":"1.0.0"}"#);
    repo.write("p/b/package.json", r#"{"name":"@m/b","version":"1.0.0"}"#);
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.\"@m/a\"]\npath = \"p/a\"\n[packages.\"@m/b\"]\npath = \"p/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.git(&["rm", "-rq", "p/b"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: remove b"]);

    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains("remove the `[packages.\"@m/b\"]` table"),
        "{}",
        text(&out)
    );
    assert!(headers_parse(&said) > 0, "{}", text(&out));
}

#[test]
fn init_proposes_scoped_packages_as_toml() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"workspaces":["p/*"]}"#,
    );
    repo.write("p/a/package.json", r#"{"name":"@m/a","version":"1.0.0"}"#);
    repo.write("p/b/package.json", r#"{"name":"@m/b","version":"1.0.0"}"#);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("\n[packages.\"@m/b\"]\n"),
        "{}\n{config}",
        text(&out)
    );
    assert!(toml::from_str::<toml::Table>(&config).is_ok(), "{config}");
    assert!(headers_parse(&config) >= 2, "{config}");
}
