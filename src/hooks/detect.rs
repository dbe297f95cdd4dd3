//! Other hook managers (husky, lefthook, pre-commit) found in a work tree: `install` wires
//! relhook into the one that owns the hooks, or installs beside it.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::git::HooksLocation;

/// Another hook manager that owns the hooks of this repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Manager {
    /// husky: `core.hooksPath = .husky/_` and shell files in `.husky/`.
    Husky,
    /// lefthook: `lefthook.yml`.
    Lefthook,
    /// The pre-commit framework: `.pre-commit-config.yaml`.
    PreCommit,
}

/// A hook manager found in the work tree, and the file that gave it away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detected {
    /// Which manager.
    pub manager: Manager,
    /// The file or directory (or `core.hooksPath` value) that shows it.
    pub evidence: PathBuf,
    /// Whether its configuration already calls relhook.
    pub calls_relhook: bool,
}

impl Manager {
    /// The manager's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Manager::Husky => "husky",
            Manager::Lefthook => "lefthook",
            Manager::PreCommit => "pre-commit",
        }
    }
}

/// Finds husky, lefthook and pre-commit in the work tree (and in `core.hooksPath`).
pub fn detect_managers(loc: &HooksLocation) -> Vec<Detected> {
    let top = &loc.work_tree;
    let mut found = Vec::new();
    let mentions = |p: &Path| {
        super::link::read(p).is_ok_and(|b| String::from_utf8_lossy(&b).contains("relhook"))
    };
    let husky_path = loc
        .hooks_path
        .as_ref()
        .filter(|s| s.value.replace('\\', "/").contains(".husky"));
    if top.join(".husky").is_dir() || husky_path.is_some() {
        let evidence = match husky_path {
            Some(s) => PathBuf::from(format!("core.hooksPath={}", s.value)),
            None => PathBuf::from(".husky"),
        };
        found.push(Detected {
            manager: Manager::Husky,
            evidence,
            calls_relhook: mentions(&top.join(loc.husky_dir()).join("commit-msg")),
        });
    }
    let candidates: [(Manager, &[&str]); 2] = [
        (
            Manager::Lefthook,
            &[
                "lefthook.yml",
                ".lefthook.yml",
                "lefthook.yaml",
                ".lefthook.yaml",
                "lefthook.toml",
                ".lefthook.toml",
                "lefthook.json",
                ".lefthook.json",
            ],
        ),
        (
            Manager::PreCommit,
            &[".pre-commit-config.yaml", ".pre-commit-config.yml"],
        ),
    ];
    for (manager, files) in candidates {
        if let Some(file) = files.iter().find(|f| top.join(f).is_file()) {
            found.push(Detected {
                manager,
                evidence: PathBuf::from(file),
                calls_relhook: mentions(&top.join(file)),
            });
        }
    }
    found
}
