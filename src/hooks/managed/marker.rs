//! relhook's marked block in a file it shares with a hook manager, and what install changed in
//! that file besides adding the block. The block's first line records it: the final newline the
//! file lacked (a block at the end starts on a line of its own, so install added one) and the
//! mode the file had before install made it executable (git runs it itself). uninstall reads
//! the record from the file, so it gives the file back as install found it in any later
//! process, whatever lines of their own the team edited meanwhile.

use std::ops::Range;

use super::place::insert_block;
use crate::hooks::script::Stop;

/// Opens every block relhook writes into a manager's file.
pub(in crate::hooks) const BEGIN: &str = "# >>> relhook: `relhook uninstall` removes this block";
/// Closes it.
pub(in crate::hooks) const END: &str = "# <<< relhook";

/// Introduces the record on the opening line.
const FOUND: &str = " (install found: ";
const NO_NEWLINE: &str = "no final newline";
const BLANK: &str = "a blank file";
const MODE: &str = "mode ";

/// What install changed in a file besides adding its block, as the block's first line says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Found {
    /// The file did not end with a newline: install added one before its block.
    pub(super) no_final_newline: bool,
    /// The file held nothing but blank lines: uninstall keeps it rather than remove it.
    pub(super) blank: bool,
    /// The file's permission bits before install made it executable.
    pub(super) mode: Option<u32>,
}

impl Found {
    /// The block's opening line, with this record.
    pub(super) fn begin(&self) -> String {
        let mut items = Vec::new();
        if self.no_final_newline {
            items.push(NO_NEWLINE.to_owned());
        }
        if self.blank {
            items.push(BLANK.to_owned());
        }
        if let Some(mode) = self.mode {
            items.push(format!("{MODE}{mode:o}"));
        }
        match items.is_empty() {
            true => BEGIN.to_owned(),
            false => format!("{BEGIN}{FOUND}{})", items.join(", ")),
        }
    }
}

/// Whether `line` opens one of relhook's blocks, and what it records.
pub(super) fn opening(line: &str) -> Option<Found> {
    let rest = line.trim().strip_prefix(BEGIN)?;
    let mut found = Found::default();
    if rest.is_empty() {
        return Some(found);
    }
    // An opening line with a record this relhook cannot read still opens the block.
    let items = rest.strip_prefix(" (")?;
    let items = items
        .strip_prefix(FOUND.trim_start_matches(" ("))
        .unwrap_or(items);
    for item in items.trim_end_matches(')').split(", ") {
        match item {
            NO_NEWLINE => found.no_final_newline = true,
            BLANK => found.blank = true,
            _ => {
                let mode = item.strip_prefix(MODE);
                found.mode = mode.and_then(|m| u32::from_str_radix(m, 8).ok());
            }
        }
    }
    Some(found)
}

/// The record of the file's first block of relhook's, if it has one.
pub(super) fn record(text: &str) -> Option<Found> {
    text.lines().find_map(opening)
}

/// `text` (of a file that `existed`) with `block` (whose first line is [`BEGIN`]) above line
/// `stop`, or at the end, its opening line recording what else this changes: a final newline
/// added before it, that the file held nothing else (an empty file of the team's is kept),
/// and the mode `mode_before` the file had when install is about to make it executable.
pub(super) fn add_block(
    text: &str,
    existed: bool,
    block: &str,
    stop: Option<&Stop>,
    mode_before: Option<u32>,
) -> String {
    let found = Found {
        no_final_newline: stop.is_none() && !text.is_empty() && !text.ends_with('\n'),
        blank: existed && text.trim().is_empty(),
        mode: mode_before,
    };
    let block = match block.strip_prefix(BEGIN) {
        Some(rest) => format!("{}{rest}", found.begin()),
        None => block.to_owned(),
    };
    insert_block(text, &block, stop)
}

/// `text` whose first block records `mode` as the mode before install, unless it records one
/// already (the first install's is the one to give back); `None` when nothing changes.
pub(super) fn with_mode(text: &str, mode: u32) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 16);
    let mut done = false;
    for line in text.split_inclusive('\n') {
        match opening(line) {
            Some(found) if !done => {
                done = true;
                if found.mode.is_some() {
                    return None;
                }
                let begin = Found {
                    mode: Some(mode),
                    ..found
                };
                out.push_str(&begin.begin());
                out.push_str(&line[line.trim_end().len()..]);
            }
            _ => out.push_str(line),
        }
    }
    done.then_some(out)
}

/// Where relhook's block for `hook` is in a manager's configuration (one whose first line
/// inside is the hook's top-level key, as relhook writes a lefthook section).
pub(super) fn block_of(text: &str, hook: &str) -> Option<Range<usize>> {
    let mut at = 0;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end();
        match start {
            None if opening(bare).is_some() => start = Some(at),
            // An indented block (lines pasted into a lefthook section) closes too, unmatched.
            Some(s) if bare.trim_start() == END => {
                let inside = &text[s..at];
                let key = inside.lines().nth(1).unwrap_or_default();
                if super::has_top_level_key(key, hook) {
                    return Some(s..at + line.len());
                }
                start = None;
            }
            _ => {}
        }
        at += line.len();
    }
    None
}

/// The text without relhook's blocks; `None` when it has none. A final newline install added
/// before a block comes out with it when nothing of the file's own follows that block.
pub(super) fn strip_blocks(text: &str) -> Option<String> {
    Some(unwire_text(text)?.text)
}

/// A file as uninstall leaves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unwired {
    /// Its text without relhook's blocks.
    pub(super) text: String,
    /// Whether it was a blank file of the user's before install (kept, not removed).
    pub(super) blank: bool,
    /// The mode it had before install made it executable.
    pub(super) mode: Option<u32>,
}

/// `text` without relhook's blocks and with what they record; `None` when it has none.
pub(super) fn unwire_text(text: &str) -> Option<Unwired> {
    let mut out = String::with_capacity(text.len());
    let (mut inside, mut found) = (false, None::<Found>);
    // A block recording the newline install added, with nothing of the file's after it yet.
    let mut drop_newline = false;
    for line in text.split_inclusive('\n') {
        if let Some(f) = opening(line).filter(|_| !inside) {
            inside = true;
            drop_newline |= f.no_final_newline;
            let first = found.get_or_insert(f);
            first.blank |= f.blank;
            first.mode = first.mode.or(f.mode);
        } else if inside && line.trim() == END {
            // Indented: the lines printed for a lefthook section of the user's, pasted there.
            inside = false;
        } else if !inside {
            // The block was the whole body of a team's own `if … fi` (or loop, or group)
            // around it: without a command there the file would not parse, and every commit
            // would fail. `:` does nothing, and keeps it shell.
            if emptied_body(&out, line) {
                out.push_str(":\n");
            }
            out.push_str(line);
            drop_newline = false;
        }
    }
    let found = found?;
    if drop_newline && out.ends_with('\n') {
        out.pop();
    }
    Some(Unwired {
        text: out,
        blank: found.blank,
        mode: found.mode,
    })
}

/// Whether `next` closes a compound command whose body `before` leaves empty: the last line
/// of `before` opens a body (`then`, `do`, `else`, `{`) and `next` closes it.
fn emptied_body(before: &str, next: &str) -> bool {
    let last = before
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let last = last.split(" #").next().unwrap_or(last).trim_end();
    let opens = ["then", "do", "else", "{"].iter().any(|k| {
        last == *k || last.ends_with(&format!(" {k}")) || last.ends_with(&format!(";{k}"))
    });
    let word = next.split_whitespace().next().unwrap_or("");
    let closes = ["fi", "done", "}", "else", "elif", "esac"].contains(&word.trim_end_matches(';'));
    opens && closes
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCK: &str =
        "# >>> relhook: `relhook uninstall` removes this block\nrelhook hook x\n# <<< relhook\n";

    /// QA37: a team's `if` around relhook's block, left empty by uninstall, broke the file.
    #[test]
    fn a_body_the_block_was_alone_in_keeps_a_command() {
        let wrapped = format!("echo a\nif [ -z \"$X\" ]; then\n{BLOCK}fi\n");
        assert_eq!(
            strip_blocks(&wrapped).as_deref(),
            Some("echo a\nif [ -z \"$X\" ]; then\n:\nfi\n")
        );
        let beside = format!("if x; then\n  echo b\n{BLOCK}fi\n");
        assert_eq!(
            strip_blocks(&beside).as_deref(),
            Some("if x; then\n  echo b\nfi\n")
        );
        assert_eq!(strip_blocks(&format!("a\n{BLOCK}")).as_deref(), Some("a\n"));
    }

    #[test]
    fn a_block_at_the_end_records_the_newline_it_added() {
        let wired = add_block("a\nb", true, BLOCK, None, None);
        assert_eq!(
            wired,
            format!("a\nb\n{BEGIN} (install found: no final newline)\nrelhook hook x\n{END}\n")
        );
        assert_eq!(strip_blocks(&wired).as_deref(), Some("a\nb"));
        // Another block after it, as lefthook gets one per hook: both come out.
        let two = add_block(&wired, true, BLOCK, None, None);
        assert_eq!(two, format!("{wired}{BLOCK}"));
        assert_eq!(strip_blocks(&two).as_deref(), Some("a\nb"));
        // A line of the user's below it keeps the newline it needs.
        let below = format!("{wired}c\n");
        assert_eq!(strip_blocks(&below).as_deref(), Some("a\nb\nc\n"));
        // With a final newline there is nothing to record.
        assert_eq!(
            add_block("a\n", true, BLOCK, None, None),
            format!("a\n{BLOCK}")
        );
        assert_eq!(add_block("", false, BLOCK, None, None), BLOCK);
        // An empty file of the team's is kept, as a blank one is.
        let empty = add_block("", true, BLOCK, None, None);
        assert!(unwire_text(&empty).unwrap().blank);
    }

    #[test]
    fn the_mode_and_a_blank_file_are_recorded_and_read_back() {
        let wired = add_block("\n", true, BLOCK, None, Some(0o644));
        assert!(
            wired.starts_with(&format!(
                "\n{BEGIN} (install found: a blank file, mode 644)\n"
            )),
            "{wired}"
        );
        let back = unwire_text(&wired).unwrap();
        assert_eq!(back.text, "\n");
        assert!(back.blank);
        assert_eq!(back.mode, Some(0o644));
        assert_eq!(with_mode(&wired, 0o600), None, "the first record stays");
        let plain = format!("a\n{BLOCK}");
        let marked = with_mode(&plain, 0o640).unwrap();
        assert_eq!(record(&marked).unwrap().mode, Some(0o640));
        assert_eq!(strip_blocks(&marked).as_deref(), Some("a\n"));
        assert_eq!(with_mode("a\n", 0o640), None);
        assert_eq!(unwire_text("a\n"), None);
    }

    #[test]
    fn an_opening_line_is_read_with_or_without_a_record() {
        assert_eq!(opening(BEGIN), Some(Found::default()));
        assert_eq!(opening(&format!("  {BEGIN}\r")), Some(Found::default()));
        let f = opening(&format!(
            "{BEGIN} (install found: no final newline, mode 755)"
        ))
        .unwrap();
        assert!(f.no_final_newline && !f.blank);
        assert_eq!(f.mode, Some(0o755));
        assert_eq!(
            opening(&format!("{BEGIN} (later: something)")),
            Some(Found::default())
        );
        assert_eq!(opening(&format!("{BEGIN}x")), None);
        assert_eq!(opening("# <<< relhook"), None);
    }
}
