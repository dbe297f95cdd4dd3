//! A clone where git does not run relhook's reference-transaction hook (a fresh clone of a
//! husky project before `relhook install` there, or `relhook install --hooks` without it): a
//! tag made by hand is a plain tag there, never a release. A refused release tag's advice then
//! names no hand tag, nor the hook that would write its section, and the push says why once.

use std::cell::OnceCell;

use crate::tag::rules::HandTags;

/// Why a tag made by hand is no release here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unhooked {
    /// A subset install (`relhook install --hooks`) left the hook out on purpose.
    LeftOut,
    /// The hook is meant to be here, and git does not run it: doctor's fix, when it has one.
    Missing(Option<String>),
}

/// Whether git runs relhook's reference-transaction hook here: asked of `cli` (which reads
/// the hooks' files as doctor does) only when a release tag is judged, and only once.
pub struct HandTagHook<'a> {
    ask: Box<dyn Fn() -> Option<Unhooked> + 'a>,
    found: OnceCell<Option<Unhooked>>,
}

impl<'a> HandTagHook<'a> {
    /// `ask` says why a hand tag is no release here, or `None` where the hook runs.
    pub fn new(ask: impl Fn() -> Option<Unhooked> + 'a) -> Self {
        HandTagHook {
            ask: Box::new(ask),
            found: OnceCell::new(),
        }
    }

    /// How a tag made by hand fares here.
    pub(super) fn hand_tags(&self) -> HandTags {
        match self.found.get_or_init(|| (self.ask)()) {
            Some(_) => HandTags::Plain,
            None => HandTags::Released,
        }
    }

    /// The one line said with a refused release tag where a hand tag makes no release: why,
    /// and doctor's fix. `None` when nothing asked (no release tag judged) or the hook runs.
    pub(super) fn note(&self) -> Option<String> {
        let why = match self.found.get()?.as_ref()? {
            Unhooked::LeftOut => {
                "`relhook install --hooks` left out relhook's reference-transaction hook, which would make its release commit".to_owned()
            }
            Unhooked::Missing(fix) => format!(
                "git does not run relhook's reference-transaction hook here, which would make its release commit; {}",
                fix.as_deref()
                    .map_or("`relhook doctor` says why".to_owned(), |f| format!(
                        "to add it: {}",
                        command_shown(f)
                    ))
            ),
        };
        Some(format!(
            "a tag made by hand (`git tag -a`) is a plain tag in this clone, not a release: {why}"
        ))
    }
}

/// Doctor's fix as advice that works when pasted: its leading command in backticks, before
/// its explanation in parentheses (`relhook install (adds …)`); a fix over several lines (a
/// snippet to add) is left to doctor.
fn command_shown(fix: &str) -> String {
    if fix.contains('\n') {
        return "see `relhook doctor`".into();
    }
    match fix.split_once(" (") {
        _ if fix.starts_with('`') => fix.to_owned(),
        Some((command, why)) if !command.contains('`') => format!("`{command}` ({why}"),
        None if !fix.contains('`') => format!("`{fix}`"),
        _ => fix.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctor_s_fix_is_shown_with_its_command_quoted() {
        assert_eq!(
            command_shown("relhook install (adds .husky/_/reference-transaction)"),
            "`relhook install` (adds .husky/_/reference-transaction)"
        );
        assert_eq!(
            command_shown("relhook install (husky's `prepare` keeps it)"),
            "`relhook install` (husky's `prepare` keeps it)"
        );
        assert_eq!(command_shown("relhook install"), "`relhook install`");
        let quoted = "`git config core.hooksPath x`, then `relhook install`";
        assert_eq!(command_shown(quoted), quoted);
        assert_eq!(command_shown("add to f:\nsnippet"), "see `relhook doctor`");
    }

    /// Asked once, and the note only where a release tag was judged and the hook is missing.
    #[test]
    fn the_hook_is_asked_once_and_the_note_follows_the_answer() {
        let asked = std::cell::Cell::new(0);
        let hook = HandTagHook::new(|| {
            asked.set(asked.get() + 1);
            Some(Unhooked::Missing(Some("relhook install (adds it)".into())))
        });
        assert_eq!(hook.note(), None);
        assert_eq!(hook.hand_tags(), HandTags::Plain);
        assert_eq!(hook.hand_tags(), HandTags::Plain);
        assert_eq!(asked.get(), 1);
        let note = hook.note().unwrap();
        assert!(
            note.contains("to add it: `relhook install` (adds it)"),
            "{note}"
        );
        let runs = HandTagHook::new(|| None);
        assert_eq!(runs.hand_tags(), HandTags::Released);
        assert_eq!(runs.note(), None);
    }
}
