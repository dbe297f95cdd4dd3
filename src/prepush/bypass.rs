//! The push that goes past pre-push on purpose: the refused push itself, as a command to paste
//! (`RELHOOK_SKIP=1 git push origin main`), built from what git told the hook, so that every
//! "push anyway" names the same remote and refs as the push it stands for.

use super::Update;
use crate::git::{ObjectKind, Repo};
use crate::shellword::quote;

/// `RELHOOK_SKIP=1 git push` of `updates` to `remote` (a remote's name, or the URL pushed to).
/// An update git only makes when forced (a branch that is not a fast-forward, a tag the remote
/// has elsewhere) gets `--force-with-lease` at the remote's commit the hook saw: it replaces
/// what was refused, and nothing pushed there since.
pub fn push_command(repo: &Repo, remote: &str, updates: &[&Update]) -> String {
    let mut leases = Vec::new();
    let mut specs = Vec::new();
    for u in updates {
        if u.is_delete() {
            specs.push(quote(&format!(":{}", u.remote_ref)));
            continue;
        }
        if forced(repo, u) {
            leases.push(quote(&format!(
                "--force-with-lease={}:{}",
                u.remote_ref, u.remote
            )));
        }
        specs.push(quote(&refspec(repo, u)));
    }
    let mut words = vec!["RELHOOK_SKIP=1 git push".to_owned()];
    words.extend(leases);
    words.push(quote(remote));
    words.extend(specs);
    words.join(" ")
}

/// Whether git makes update `u` only when forced: the remote has the ref, at a commit this
/// branch does not contain (or has not fetched), or a tag at another object.
fn forced(repo: &Repo, u: &Update) -> bool {
    if u.remote.is_zero() || u.remote == u.local {
        return false;
    }
    if u.remote_ref.starts_with("refs/tags/") {
        return true;
    }
    let commit = |id| repo.object_kind(id) == Some(ObjectKind::Commit);
    !(commit(u.local) && commit(u.remote) && repo.reaches(u.local, u.remote))
}

/// The refspec of `u`: one name when both sides are the same branch or tag and the short name
/// says which (`main`), else `local:remote` as git wrote them.
fn refspec(repo: &Repo, u: &Update) -> String {
    if u.local_ref == u.remote_ref {
        let short = ["refs/heads/", "refs/tags/"]
            .iter()
            .find_map(|p| u.local_ref.strip_prefix(p));
        // `main` is both refs/heads/main and refs/tags/main when both exist: git refuses it.
        let ambiguous = |s: &str| {
            ["refs/heads/", "refs/tags/"]
                .iter()
                .filter(|p| repo.ref_target(&format!("{p}{s}")).is_some())
                .count()
                > 1
        };
        return match short {
            Some(s) if !ambiguous(s) => s.to_owned(),
            _ => u.local_ref.clone(),
        };
    }
    format!("{}:{}", u.local_ref, u.remote_ref)
}
