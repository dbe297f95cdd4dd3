//! The adoption note of a clone whose team's committed hook-manager files call relhook
//! already (a teammate's clone): relhook's judging starts at the commit that wired it in (see
//! [`crate::hooks::wired`]), not at this install, which finds its hooks running.

/// Notes the commits below the one that wired relhook into the committed files (below a
/// merged branch's too, when a merge brought it in), and that commit's time, unless a note is here already (an earlier install's, kept by uninstall).
/// Nothing is noted when HEAD's files do not call relhook (its hooks run from the hooks
/// directory alone, an older relhook's install: the commits since may have dodged them).
pub(super) fn note_team_adoption(loc: &crate::git::HooksLocation, repo: &crate::git::Repo) {
    let note = loc.common_dir.join(crate::git::ADOPTED);
    if note.exists() {
        return;
    }
    let Some(head) = repo.head() else {
        return;
    };
    let Some(wired) = crate::hooks::wired::wired_at(repo, head) else {
        return;
    };
    let Some(at) = repo.stored_commit(wired.at) else {
        return;
    };
    let adoption = repo.adoption_below(&wired.before, at.time);
    let _ = std::fs::write(&note, adoption.render());
}
