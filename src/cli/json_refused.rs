//! A monorepo release refused by its packages, in the error document (`--format json`): each
//! refused package's own refusal, with its own way on (docs/json.md, Errors).

use serde::Serialize;

/// One package's refusal in [`super::json::ErrorBody::packages`].
#[derive(Debug, Serialize)]
pub(crate) struct PackageRefused {
    /// The package.
    pub name: String,
    /// The rule that refused it (`not-greater`, ...).
    pub reason: &'static str,
    /// Its refusal as relhook says it.
    pub message: String,
    /// Its own way on, when relhook knows it.
    pub hint: Option<String>,
}

/// Each package's own refusal that `r` gathers ([`crate::error::Refusal::packages`]).
pub(crate) fn of(r: &crate::error::Refusal) -> Vec<PackageRefused> {
    (r.packages.iter())
        .map(|(name, p)| PackageRefused {
            name: name.clone(),
            reason: p.reason.name(),
            message: p.to_string(),
            hint: p.fix.clone(),
        })
        .collect()
}
