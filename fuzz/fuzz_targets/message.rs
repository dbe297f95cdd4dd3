//! Commit message bytes → clean → parse → lint, in every cleanup mode: never a panic, the
//! same verdict twice, and the hook's verdict equal to the one `check` gives once stored.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relhook::config::CommitConfig;
use relhook::commit::lint::{Input, Mode, Rule, lint_bytes, lint_stored};
use relhook::commit::message::{Cleanup, CommentPrefix, clean};

fuzz_target!(|raw: &[u8]| {
    let config = CommitConfig::default();
    let Some((&selector, raw)) = raw.split_first() else {
        return;
    };
    let cleanup = [
        Cleanup::Strip,
        Cleanup::Whitespace,
        Cleanup::Scissors,
        Cleanup::Verbatim,
    ][usize::from(selector % 4)];
    let comment = match selector / 4 % 3 {
        0 => CommentPrefix::default(),
        1 => CommentPrefix::Auto,
        _ => CommentPrefix::Fixed(";".into()),
    };
    let input = Input {
        cleanup,
        comment: comment.clone(),
    };
    let hook = lint_bytes(raw, &input, &config, Mode::Check);
    assert_eq!(hook, lint_bytes(raw, &input, &config, Mode::Check));
    let _ = lint_bytes(raw, &input, &config, Mode::Hook);
    let text = String::from_utf8_lossy(raw).replace('\0', "\u{FFFD}");
    let cleaned = clean(&text, cleanup, &comment);
    let _ = relhook::commit::parse::commit(&cleaned.text);
    if cleanup != Cleanup::Verbatim && !cleaned.text.is_empty() {
        if matches!(comment, CommentPrefix::Fixed(_)) {
            assert_eq!(clean(&cleaned.text, cleanup, &comment).text, cleaned.text);
        }
        let stored = lint_stored(&cleaned.text, &config, Mode::Check);
        let key = |v: &relhook::commit::lint::Verdict| {
            v.diagnostics
                .iter()
                .filter(|d| d.rule != Rule::Encoding)
                .map(|d| {
                    (
                        d.rule,
                        d.message.clone(),
                        d.column,
                        d.width,
                        d.source_line.clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&hook), key(&stored));
    }
});
