//! QA51: the uv.lock advice wrote a workspace member's folder into TOML as `"<folder>"`
//! without escaping, and relhook read a `source` only as uv writes a plain name: a folder
//! holding both quotes and a backslash (uv escapes it, `"it's \"odd\"\\ dir"`) had its entry
//! passed over, the root lock left at the old version without a word. The entry now moves,
//! and the advice that names the folder is TOML that reads back as it, or a shell word.

use crate::support::{Repo, ok, stderr, text};

/// A workspace member's folder with a quote of each kind, a backslash and a space.
const DIR: &str = r#"it's "odd"\ dir"#;

/// The member's `source` as uv writes it (both quotes inside: a basic string, escaped).
const SOURCE: &str = r#"{ editable = "it's \"odd\"\\ dir" }"#;

/// The root uv.lock: the member `a` at `version`, and the virtual root.
fn root_lock(version: &str) -> String {
    format!(
        "version = 1\nrevision = 3\n\n[[package]]\nname = \"a\"\nversion = \"{version}\"\nsource = {SOURCE}\n\n[[package]]\nname = \"root\"\nversion = \"0.1.0\"\nsource = {{ virtual = \".\" }}\n"
    )
}

/// A uv workspace whose member `a` (in [`DIR`], tagged `a-v1.0.0`) has a fix since, the
/// root lock `lock`.
fn workspace(lock: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"root\"\nversion = \"0.1.0\"\n",
    );
    repo.write(
        &format!("{DIR}/pyproject.toml"),
        "[project]\nname = \"a\"\nversion = \"1.0.0\"\n",
    );
    repo.write("uv.lock", lock);
    let path = r#""it's \"odd\"\\ dir""#;
    repo.write(
        ".relconfig.toml",
        format!("[checks]\ntest = [\"true\"]\n[packages.a]\npath = {path}\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "a-v1.0.0", "-m", "a 1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.write(&format!("{DIR}/m.py"), "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: y");
    repo
}

#[test]
fn a_member_in_a_folder_uv_escapes_moves_its_entry() {
    let repo = workspace(&root_lock("1.0.0"));
    let out = ok(repo.relhook(&["release", "--package", "a"]));
    assert_eq!(repo.read("uv.lock"), root_lock("1.0.1"), "{}", text(&out));
}

#[test]
fn the_entries_to_keep_one_of_are_named_in_toml_that_reads_back() {
    let entry = format!("\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = {SOURCE}\n");
    let repo = workspace(&format!("{}{entry}", root_lock("1.0.0")));
    let out = repo.relhook(&["release", "--package", "a"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    let snippet = (err.split("have `").nth(1))
        .and_then(|r| r.split('`').next())
        .unwrap_or_else(|| panic!("no entry named:\n{err}"));
    let pasted: toml::Table = toml::from_str(snippet).unwrap_or_else(|e| panic!("{e}\n{err}"));
    assert_eq!(pasted["source"]["editable"].as_str(), Some(DIR), "{err}");
}

#[test]
fn the_command_that_refreshes_a_member_s_own_lock_names_its_folder_as_one_word() {
    let repo = workspace(&root_lock("1.0.0"));
    let own = "version = 1\nrevision = 3\n\n[[package]]\nname = \"a\"\nversion = \"0.9.0\"\nsource = { editable = \".\" }\n";
    repo.write(&format!("{DIR}/uv.lock"), own);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("build: lock");
    let err = stderr(&ok(repo.relhook(&[
        "release",
        "--package",
        "a",
        "--dry-run",
    ])));
    let command = (err.split('`'))
        .find(|c| c.starts_with("uv lock --directory "))
        .unwrap_or_else(|| panic!("no command:\n{err}"));
    // The shell hands uv the folder as one argument.
    let words = command.replacen("uv lock", "printf '%s\\n'", 1);
    let said = String::from_utf8_lossy(&ok(repo.sh(&words)).stdout).into_owned();
    assert_eq!(said, format!("--directory\n{DIR}\n"), "{err}");
}
