//! What follows the refusal of a private workspace root's hand tag: the root is never
//! released, so the tag made past relhook (`RELHOOK_SKIP=1`, said after any other refusal) is
//! no way on; its packages' tags are, in their own form.

use crate::config::Config;

/// One line: the root is private, and the tag form of each package (or, with none set up
/// yet, that they are set up first).
pub(super) fn said(config: &Config) -> String {
    let forms: Vec<String> = (config.packages.iter())
        .map(|p| format!("package {}: `{}`", p.name, p.tag.template()))
        .collect();
    let private = "the root package.json is private (`\"private\": true`), so the root is never released and its tag is not to be made past relhook either";
    if forms.is_empty() {
        return format!(
            "{private}: set up its packages as said above, then tag a package's release in its own form"
        );
    }
    format!(
        "{private}: tag a package's release instead, in its own form: {}",
        forms.join(", ")
    )
}
