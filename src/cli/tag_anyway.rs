//! The `git tag` a refused hand tag is made with past relhook: the user's own command where
//! the hook can read it, else one made from the tag git was about to write (its name, kind,
//! message, signature and commit), so that the advice runs as printed.

use crate::git::{ObjectKind, Repo, short_id};
use crate::shellword::quote;
use crate::tag::hand;

/// `RELHOOK_SKIP=1 git tag …` for refused tag `u`.
pub(super) fn command(repo: &Repo, u: &hand::Update) -> String {
    let args = match hand::git_arguments() {
        Some((sub, args)) if sub == "tag" => args,
        _ => from_object(repo, u),
    };
    let words: Vec<String> = args.iter().map(|a| quote(a)).collect();
    format!("RELHOOK_SKIP=1 git tag {}", words.join(" "))
}

/// The arguments that make `u` again: annotated (`-a`, or `-s` when signed) with its message,
/// or lightweight, on the commit it was to name, and `-f` for a move.
fn from_object(repo: &Repo, u: &hand::Update) -> Vec<String> {
    let mut args = Vec::new();
    if u.old.is_some() {
        args.push("-f".to_owned());
    }
    let mut target = u.new;
    if repo.object_kind(u.new) == Some(ObjectKind::Tag) {
        let signed = repo.is_signed_tag(u.new);
        args.push(if signed { "-s" } else { "-a" }.to_owned());
        let message = repo.tag_message(u.new).unwrap_or_default();
        let message = String::from_utf8_lossy(&message);
        // The signature is made again by `-s`: only the message goes in `-m`.
        let text = message.split("-----BEGIN ").next().unwrap_or_default();
        args.extend(["-m".to_owned(), text.trim_end().to_owned()]);
        target = repo.peel_to_commit(u.new).unwrap_or(u.new);
    }
    args.push(u.tag.clone());
    args.push(short_id(target));
    args
}
