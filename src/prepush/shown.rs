//! Which refusals the report shows: past a handful, commits that fail the lint are counted,
//! not each shown, so the other refusals and the last line stay in sight; `relhook check`
//! lists the rest.

use super::{Inspection, Kind, Refusal};
use crate::commit::report::NAMED;

impl Inspection {
    /// The refusals to show, in order, and the line that counts the commits left out.
    pub fn shown(&self) -> (Vec<&Refusal>, Option<String>) {
        let mut commits = 0;
        let shown = (self.refusals.iter())
            .filter(|r| {
                commits += usize::from(r.kind == Kind::Commit);
                r.kind != Kind::Commit || commits <= NAMED
            })
            .collect();
        if commits <= NAMED {
            return (shown, None);
        }
        let mut ranges: Vec<String> = Vec::new();
        for r in &self.lint_ranges {
            let command = format!("`relhook check {}`", crate::printable::visible(r));
            if !ranges.contains(&command) {
                ranges.push(command);
            }
        }
        let more = match commits - NAMED {
            1 => "1 more commit that fails".to_owned(),
            n => format!("{n} more commits that fail"),
        };
        let line = format!(
            "… and {more} the lint, fixed as these are ({} lists them all)",
            ranges.join(" and ")
        );
        (shown, Some(line))
    }
}
