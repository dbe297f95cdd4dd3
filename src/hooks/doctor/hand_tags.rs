//! Whether a tag made by hand (`git tag -a`) becomes a release in this clone: git runs
//! relhook's reference-transaction hook here, judged exactly as doctor judges that hook.
//! pre-push asks when it refuses a release tag, so that its advice names only what works
//! here (a fresh clone of a husky project has relhook's other hooks through husky, not this).

use std::path::Path;

use super::{Status, hook_check, left_out, managed_check, turned_off_check};
use crate::git::HooksLocation;

const HOOK: &str = "reference-transaction";

/// How relhook's reference-transaction hook stands in this clone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagHook {
    /// git runs it: a hand tag is checked and made a release.
    Runs,
    /// A subset install (`relhook install --hooks`) left it out on purpose.
    LeftOut,
    /// git does not run it, though relhook's hook is meant to be here: doctor's fix for it.
    Missing(Option<String>),
}

/// How relhook's reference-transaction hook stands in this clone, as doctor finds it.
pub fn tag_hook(loc: &HooksLocation, binary: &Path) -> TagHook {
    if let Some(off) = turned_off_check(loc) {
        return TagHook::Missing(off.fix);
    }
    let managers = crate::hooks::install::detect_managers(loc);
    let owner = crate::hooks::managed::in_charge(loc, &managers).is_some();
    let mut checks = Vec::new();
    for m in crate::hooks::managed::consulted(loc, &managers) {
        for w in crate::hooks::managed::survey(loc, m, &[HOOK]) {
            // relhook's own shim runs in husky's runner's place: hand tags are released.
            if matches!(w.wiring, crate::hooks::managed::Wiring::Forced { .. }) {
                return TagHook::Runs;
            }
            checks.push(managed_check(loc, binary, m, &w));
        }
    }
    if checks.is_empty() && !owner {
        let chosen = crate::hooks::chosen::chosen(loc);
        if left_out(loc, chosen.as_ref(), HOOK).is_some() {
            return TagHook::LeftOut;
        }
        checks.push(hook_check(loc, HOOK, binary));
    }
    match checks
        .into_iter()
        .find(|c| !matches!(c.status, Status::Ok | Status::Warning))
    {
        Some(c) => TagHook::Missing(c.fix),
        None => TagHook::Runs,
    }
}
