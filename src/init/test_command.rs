//! A project's test command, as its files give it away: the evident one `init` sets and
//! `relhook test` runs when none is set (`cargo test` for a Cargo.toml, the package manager's
//! for a package.json's `test` script, `pytest`), an example for the hints where none is,
//! and `npm init`'s placeholder script, which fails on purpose.

use std::path::Path;

use super::toml_argv;

/// The projects whose test command is evident from a manifest, in the order they are tried.
const EVIDENT: [(&str, &[&str]); 5] = [
    ("Cargo.toml", &["cargo", "test"]),
    ("package.json", &["npm", "test"]),
    ("pyproject.toml", &["pytest"]),
    ("setup.py", &["pytest"]),
    ("setup.cfg", &["pytest"]),
];

/// The project's evident test command (`cargo test` for a Cargo.toml, `npm test` for a
/// package.json, `pytest` for a Python project) and the manifest that gave it away. `relhook
/// test` runs it when `[checks] test` is not set, and says so; `init` writes it into the config.
pub fn evident_test_command(root: &Path) -> Option<(Vec<String>, &'static str)> {
    let (manifest, argv) = EVIDENT
        .iter()
        .find(|(manifest, _)| evident(root, manifest))?;
    let argv = match *manifest {
        "package.json" => script_runner(root),
        _ => argv,
    };
    Some((argv.iter().map(|a| (*a).to_owned()).collect(), *manifest))
}

/// What runs package.json's `test` script: the package manager its `packageManager` field
/// names (`"pnpm@9.1.0"`, corepack's), as the per-package proposals do; else the one whose
/// lock file or workspace file is there, as the managers tell one another's; else npm.
fn script_runner(root: &Path) -> &'static [&'static str] {
    let manager = crate::fsx::regular_text(&root.join("package.json"))
        .and_then(|t| crate::history::version::files::json_value(t.as_bytes()))
        .and_then(|v| v.get("packageManager")?.as_str().map(str::to_owned))
        .or_else(|| {
            let locks = [
                ("pnpm", "pnpm-lock.yaml"),
                ("pnpm", "pnpm-workspace.yaml"),
                ("yarn", "yarn.lock"),
                ("bun", "bun.lock"),
                ("bun", "bun.lockb"),
            ];
            let found = locks.iter().find(|(_, f)| root.join(f).is_file());
            found.map(|(manager, _)| (*manager).to_owned())
        })
        .unwrap_or_default();
    match manager.split('@').next().unwrap_or_default() {
        "pnpm" => &["pnpm", "test"],
        "yarn" => &["yarn", "test"],
        // `bun test` is bun's own test runner, not the script.
        "bun" => &["bun", "run", "test"],
        _ => &["npm", "test"],
    }
}

/// A test command to offer as an example where none is set, for the project's ecosystem:
/// for the package at `package` (a directory below `root`) the command `relhook init` proposes
/// for it (`pnpm --filter @x/b test`); else the evident one (`cargo test`); else one the
/// files point at (`pnpm test` in a pnpm workspace, `go test ./...`, `make test` with a
/// Makefile's `test` target); else a placeholder ([`NO_TEST_COMMAND`]): an invented command,
/// pasted as told, would only fail.
pub fn example_test_command(root: &Path, package: Option<&Path>) -> Vec<String> {
    let owned = |parts: &[&str]| parts.iter().map(|p| (*p).to_owned()).collect();
    if let Some(dir) = package {
        let proposed = crate::history::packages::detect::detect(root)
            .into_iter()
            .find(|f| f.path == dir)
            .and_then(|f| f.test);
        if let Some((argv, _)) = proposed {
            return argv;
        }
    }
    if let Some((argv, _)) = evident_test_command(root) {
        return argv;
    }
    let has = |file: &str| root.join(file).is_file();
    // A package.json with a `test` script is evident above; without one, `npm test` and
    // `yarn test` fail (`Missing script: "test"`): no command is offered for it.
    if has("pnpm-workspace.yaml") || has("pnpm-lock.yaml") {
        owned(&["pnpm", "-r", "test"])
    } else if has("go.mod") {
        owned(&["go", "test", "./..."])
    } else if make_test_target(root) {
        owned(&["make", "test"])
    } else {
        owned(&[NO_TEST_COMMAND])
    }
}

/// What an example test command says where the project shows none.
pub const NO_TEST_COMMAND: &str = "<your test command>";

/// Whether a Makefile at `root` has a `test` target.
fn make_test_target(root: &Path) -> bool {
    ["GNUmakefile", "makefile", "Makefile"].iter().any(|name| {
        std::fs::read_to_string(root.join(name)).is_ok_and(|text| {
            text.lines().any(|l| {
                l.strip_prefix("test")
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
        })
    })
}

/// [`evident_test_command`] as a TOML argv, for the config template.
pub(super) fn guess_test_command(root: &Path) -> Option<String> {
    evident_test_command(root).map(|(argv, _)| toml_argv(&argv))
}

/// Whether `manifest` in `root` gives its test command away. The root `package.json` of an
/// npm, yarn or pnpm workspace without a `test` script does not: `npm test` there only fails
/// ("Missing script"), and every package without a test command of its own would run it.
fn evident(root: &Path, manifest: &str) -> bool {
    let path = root.join(manifest);
    if !path.is_file() {
        return false;
    }
    if manifest != "package.json" {
        return true;
    }
    let Some(json) = crate::fsx::regular_text(&path)
        .and_then(|t| crate::history::version::files::json_value(t.as_bytes()))
    else {
        return false;
    };
    // `npm test` runs the `test` script: without one it fails (`Missing script: "test"`), and
    // `npm init`'s placeholder fails on purpose.
    json.pointer("/scripts/test")
        .and_then(|t| t.as_str())
        .is_some_and(|t| !t.contains("no test specified"))
}

/// Whether `dir`'s package.json has `npm init`'s placeholder `test` script (`echo "Error: no
/// test specified" && exit 1`), which fails on purpose: no test command to propose as it is.
pub fn npm_placeholder_test(dir: &Path) -> bool {
    crate::fsx::regular_text(&dir.join("package.json"))
        .is_some_and(|t| placeholder_test_script(t.as_bytes()))
}

/// [`npm_placeholder_test`] for a package.json's bytes (as a commit holds them).
pub fn placeholder_test_script(package_json: &[u8]) -> bool {
    crate::history::version::files::json_value(package_json)
        .and_then(|json| {
            json.pointer("/scripts/test")
                .and_then(|t| t.as_str())
                .map(|t| t.contains("no test specified"))
        })
        .unwrap_or(false)
}

/// Whether `argv` runs package.json's `test` script (`npm test`, `pnpm test`, `yarn test`,
/// `bun run test`), which is then what a test of a commit's tree runs.
pub fn runs_test_script(argv: &[String]) -> bool {
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    matches!(
        argv.as_slice(),
        ["npm" | "pnpm" | "yarn", "test"] | ["npm" | "pnpm" | "yarn" | "bun", "run", "test"]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_test_commands_follow_the_ecosystem() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |rel: &str, text: &str| {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        let example =
            |package: Option<&str>| example_test_command(root, package.map(Path::new)).join(" ");
        assert_eq!(example(None), NO_TEST_COMMAND);
        write("Makefile", "all:\n\techo\ntest: all\n\t./t.sh\n");
        assert_eq!(example(None), "make test");
        write("go.mod", "module example.com/x\n");
        assert_eq!(example(None), "go test ./...");
        write("package.json", r#"{"name": "root", "private": true}"#);
        write("pnpm-workspace.yaml", "packages:\n  - \"packages/*\"\n");
        assert_eq!(
            example(None),
            "pnpm -r test",
            "not cargo in a pnpm workspace"
        );
        write(
            "packages/b/package.json",
            r#"{"name": "@x/b", "version": "2.0.0"}"#,
        );
        assert_eq!(example(Some("packages/b")), "pnpm --filter @x/b test");
        assert_eq!(
            toml_argv(&["pnpm".into(), "say \"hi\"".into()]),
            r#"["pnpm", "say \"hi\""]"#
        );
    }

    #[test]
    fn the_evident_test_command_agrees_with_the_proposal() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(evident_test_command(tmp.path()), None);
        for (manifest, argv) in EVIDENT {
            let dir = tempfile::tempdir().unwrap();
            // A package.json is evident by its `test` script.
            let text = match manifest {
                "package.json" => r#"{"scripts":{"test":"jest"}}"#,
                _ => "",
            };
            std::fs::write(dir.path().join(manifest), text).unwrap();
            let (got, from) = evident_test_command(dir.path()).unwrap();
            assert_eq!(
                (got.as_slice(), from),
                (
                    argv.iter()
                        .map(|a| a.to_string())
                        .collect::<Vec<_>>()
                        .as_slice(),
                    manifest
                )
            );
            let toml: toml::Table = format!("t = {}", guess_test_command(dir.path()).unwrap())
                .parse()
                .unwrap();
            let proposed: Vec<String> = toml["t"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            assert_eq!(proposed, got);
        }
    }

    #[test]
    fn a_workspace_root_without_a_test_script_has_no_evident_test_command() {
        let tmp = tempfile::tempdir().unwrap();
        let json = |text: &str| std::fs::write(tmp.path().join("package.json"), text).unwrap();
        json(r#"{"private":true,"workspaces":["packages/*"]}"#);
        assert_eq!(evident_test_command(tmp.path()), None);
        assert_eq!(guess_test_command(tmp.path()), None);
        json(r#"{"private":true,"workspaces":["p/*"],"scripts":{"test":"jest"}}"#);
        assert!(evident_test_command(tmp.path()).is_some());
        json(r#"{"private":true,"scripts":{"test":"jest"}}"#);
        assert!(evident_test_command(tmp.path()).is_some());
        // No test script, or `npm init`'s placeholder: `npm test` would only fail.
        json(r#"{"private":true}"#);
        assert_eq!(evident_test_command(tmp.path()), None);
        json(r#"{"scripts":{"test":"echo \"Error: no test specified\" && exit 1"}}"#);
        assert_eq!(evident_test_command(tmp.path()), None);
        json(r#"{"private":true}"#);
        std::fs::write(tmp.path().join("pnpm-workspace.yaml"), "packages: [p/*]\n").unwrap();
        assert_eq!(evident_test_command(tmp.path()), None);
    }
}
