//! A hand tag refused while a relhook transaction waits in the journal: a killed run's (the
//! index lock it left is its own, not another git's at work, so it is not waited for), or
//! one still at work. The refusal names the command that finishes it, as doctor does.

use crate::config::Config;
use crate::git::Repo;
use crate::git::txn::Pending;

/// Why tag `tag` (judged under `config`) is refused while `p` waits, with the way on: the
/// command that finishes it, then the tag again, unless that command makes this very tag
/// (the release the killed run was making).
pub(super) fn refusal(repo: &Repo, config: &Config, tag: &str, p: &Pending) -> String {
    if p.running {
        return format!("{}; tag again once it is done", p.said);
    }
    // The command that finishes a killed release, and then makes its tag.
    if !p.fix.ends_with(&crate::resume_advice::command()) {
        return format!("{}; `{}`, then tag again", p.said, p.fix);
    }
    let makes_it = crate::release::half_made(repo, config).is_some_and(|h| h.tag == tag);
    let then = if makes_it {
        format!("finishes that release and makes {tag}")
    } else {
        "finishes that release; then tag again".to_owned()
    };
    format!("{}; `{}` {then}", p.said, p.fix)
}
