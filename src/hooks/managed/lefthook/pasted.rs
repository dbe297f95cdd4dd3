//! The lines install printed for a lefthook section of the user's own, pasted there as printed
//! (the marker lines around them left out): relhook's to take out again, as its own sections
//! are. A block that differs in anything but its indentation is the user's, and stays.

use super::{command_block, lefthook_command};
use crate::hooks::managed::has_top_level_key;

/// `text` without every command block that is exactly relhook's; `None` when it has none.
pub(in crate::hooks::managed) fn strip_pasted(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let bare: Vec<&str> = lines
        .iter()
        .map(|l| l.trim_end_matches(['\n', '\r']))
        .collect();
    let mut drop = vec![false; lines.len()];
    for (n, line) in bare.iter().enumerate() {
        let Some(hook) = line
            .split("relhook hook ")
            .nth(1)
            .and_then(|rest| rest.split([' ', ';']).next())
        else {
            continue;
        };
        if let Some(range) = printed_block(&bare, n, hook) {
            range.for_each(|i| drop[i] = true);
        }
    }
    if !drop.contains(&true) {
        return None;
    }
    let kept = lines.iter().zip(&drop).filter(|(_, d)| !**d);
    Some(kept.map(|(l, _)| *l).collect())
}

/// The lines (from 0) of the block around the call on line `at` when they are what install
/// prints for `hook`: the `relhook:` command, and the `commands:` line above it where that
/// holds nothing else (install prints one for a section without it). Inside the hook's own
/// top-level section only.
fn printed_block(lines: &[&str], at: usize, hook: &str) -> Option<std::ops::Range<usize>> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let meaningful = |l: &str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    let section = (0..at)
        .rev()
        .find(|&i| meaningful(lines[i]) && indent(lines[i]) == 0)?;
    if !has_top_level_key(lines[section], hook) {
        return None;
    }
    let (first, last) = command_block(lines, at);
    let (first, last) = (first - 1, last - 1);
    if first == at || last < first + 1 {
        return None;
    }
    let (at_indent, step) = (
        indent(lines[first]),
        indent(lines[first + 1]).checked_sub(indent(lines[first]))?,
    );
    let printed = lefthook_command(hook, at_indent, step);
    let block: Vec<&str> = lines[first..=last].iter().map(|l| l.trim_end()).collect();
    if step == 0 || !printed.lines().eq(block.iter().copied()) {
        return None;
    }
    // The `commands:` line install printed with it: right above, with nothing else below it.
    let above = first.checked_sub(1).filter(|&i| i > section);
    let next = (last + 1..lines.len()).find(|&i| meaningful(lines[i]));
    let alone = next.is_none_or(|i| indent(lines[i]) < at_indent);
    let commands = above.filter(|&i| {
        lines[i].trim_end().trim_start() == "commands:" && indent(lines[i]) < at_indent && alone
    });
    Some(commands.unwrap_or(first)..last + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_printed_block_comes_out() {
        let pre = lefthook_command("pre-push", 4, 2);
        let text = format!("pre-push:\n  parallel: true\n  commands:\n{pre}post-commit:\n  x: 1\n");
        assert_eq!(
            strip_pasted(&text).as_deref(),
            Some("pre-push:\n  parallel: true\npost-commit:\n  x: 1\n")
        );
        let four = lefthook_command("commit-msg", 8, 4);
        let mine = "commit-msg:\n    commands:\n        mine:\n            run: echo\n";
        assert_eq!(
            strip_pasted(&format!("{mine}{four}")).as_deref(),
            Some(mine)
        );
        // In another hook's section, or with a line changed: the user's.
        assert_eq!(
            strip_pasted(&format!(
                "pre-push:\n  commands:\n{}",
                lefthook_command("commit-msg", 4, 2)
            )),
            None
        );
        let edited = pre.replace("use_stdin: true", "use_stdin: false");
        assert_eq!(
            strip_pasted(&format!("pre-push:\n  commands:\n{edited}")),
            None
        );
        let more = format!("pre-push:\n  commands:\n{pre}      tags: x\n");
        assert_eq!(strip_pasted(&more), None);
    }
}
