//! QA76: `relhook init` proposed `test = ["npm", "test"]` in a repository whose pnpm-lock.yaml
//! (or pnpm-workspace.yaml, yarn.lock, bun.lock) says which package manager it uses, when
//! package.json has no `packageManager` field. The lock file now names the runner, as the
//! package managers themselves tell one another's projects.

use crate::support::{Repo, text};

#[test]
fn init_tests_with_the_package_manager_the_lock_file_names() {
    for (file, argv) in [
        ("pnpm-lock.yaml", r#"["pnpm", "test"]"#),
        ("pnpm-workspace.yaml", r#"["pnpm", "test"]"#),
        ("yarn.lock", r#"["yarn", "test"]"#),
        ("bun.lock", r#"["bun", "run", "test"]"#),
        ("bun.lockb", r#"["bun", "run", "test"]"#),
        ("package-lock.json", r#"["npm", "test"]"#),
    ] {
        let repo = Repo::new();
        repo.write(
            "package.json",
            r#"{"name": "x", "version": "1.0.0", "scripts": {"test": "vitest"}}"#,
        );
        repo.write(file, "");
        let out = repo.relhook(&["init"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let config = repo.read(".relconfig.toml");
        assert!(
            config.contains(&format!("\ntest = {argv}\n")),
            "{file}: {config}"
        );
    }
}
