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
mod monorepo;
mod monorepo_release;
mod notes;
mod prepush;
mod qa;
mod qa2;
mod qamono;
mod qb;
mod readme;
mod release;
mod security;
mod signing;
mod snapshots;
mod sync_cost;
mod transaction;
