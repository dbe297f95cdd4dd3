//! End-to-end tests: one test binary (it links once) driving the built `relhook` and real
//! `git` in temporary repositories, with the developer's own git configuration kept out.

mod support;

mod architecture;
mod changelog;
mod check;
mod ci;
mod commit;
mod dates;
mod firstrun;
mod fuzz;
mod history;
mod hook_files;
mod install;
mod interfaces;
mod kill;
mod lfs;
mod lint;
mod managers;
mod merges;
mod monorepo;
mod monorepo_hints;
mod monorepo_release;
mod next_step;
mod notes;
mod picks;
mod pipes;
mod prepush;
mod qa;
mod qa2;
mod qa3;
mod qa6a;
mod qa7;
mod qa7c;
mod qamono;
mod qamono4;
mod qb;
mod readme;
mod release;
mod resume;
mod security;
mod signing;
mod snapshots;
mod sparse;
mod sync_cost;
mod transaction;
