//! The lines install printed for a lefthook.toml or lefthook.json (relhook edits neither),
//! pasted as printed: relhook's to take out again, as the YAML ones are. Only the printed text
//! itself comes out (and the comma or blank line pasted with it), every other byte as it was;
//! and only when the file, read again, differs by exactly that command: a block the user
//! changed stays, and uninstall names it.

use super::format::{Format, snippet};
use super::run_of;

/// `text` (a `format` configuration) without every command pasted exactly as install printed
/// it; `None` when it has none.
pub(in crate::hooks::managed) fn strip_printed(format: Format, text: &str) -> Option<String> {
    let mut out = text.to_owned();
    let mut changed = false;
    for hook in crate::hooks::HOOKS.iter().map(|h| h.name) {
        let (run, stdin) = run_of(hook);
        for has_section in [false, true] {
            let (printed, _) = snippet(format, hook, &run, stdin, has_section)?;
            let next = match format {
                Format::Toml => cut_toml(&out, &printed),
                Format::Json => cut_json(&out, printed.trim_end()),
                Format::Yaml => None,
            };
            if let Some(next) = next.filter(|n| same_but(format, &out, n, hook)) {
                out = next;
                changed = true;
            }
        }
    }
    changed.then_some(out)
}

/// `text` without the TOML table `printed` (whole lines, the next meaningful line a header or
/// the end: a key added below it makes it the user's), and the blank line pasted with it.
fn cut_toml(text: &str, printed: &str) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let want: Vec<&str> = printed.lines().collect();
    let bare = |l: &str| l.trim_end_matches(['\n', '\r']).trim_end().to_owned();
    let at = (0..lines.len()).find(|&i| {
        i + want.len() <= lines.len() && (0..want.len()).all(|k| bare(lines[i + k]) == want[k])
    })?;
    let end = at + want.len();
    let meaningful = |l: &&&str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    if lines[end..]
        .iter()
        .find(meaningful)
        .is_some_and(|l| !l.trim_start().starts_with('['))
    {
        return None;
    }
    let blank = |i: usize| lines.get(i).is_some_and(|l| l.trim().is_empty());
    let (before, after) = (at > 0 && blank(at - 1), blank(end));
    let (at, end) = match (before, after) {
        // The blank line that set it apart, above it where it ends the file.
        (true, _) if after || end == lines.len() => (at - 1, end),
        (false, true) if at == 0 => (at, end + 1),
        _ => (at, end),
    };
    let mut out: String = lines[..at].concat();
    out.push_str(&lines[end..].concat());
    Some(out)
}

/// `text` without the JSON member `printed` and the comma that joins it to its neighbour.
fn cut_json(text: &str, printed: &str) -> Option<String> {
    let start = text.find(printed)?;
    let end = start + printed.len();
    let after = text[end..].trim_start();
    let range = if let Some(rest) = after.strip_prefix(',') {
        // Followed by a member: it takes the pasted one's place.
        let next = rest.len() - rest.trim_start().len();
        start..text.len() - rest.len() + next
    } else {
        let head = text[..start].trim_end();
        match head.strip_suffix(',') {
            Some(h) => h.len()..end,
            None => head.len()..end,
        }
    };
    Some(format!("{}{}", &text[..range.start], &text[range.end..]))
}

/// Whether `after`, read as `format`, is `before` without relhook's command for `hook` (and
/// the `commands` and hook tables that held nothing else): nothing of the user's went with it.
fn same_but(format: Format, before: &str, after: &str, hook: &str) -> bool {
    let read = |text: &str| -> Option<serde_json::Value> {
        match format {
            Format::Toml => serde_json::to_value(text.parse::<toml::Table>().ok()?).ok(),
            Format::Json => serde_json::from_str(text).ok(),
            Format::Yaml => None,
        }
    };
    let (Some(mut was), Some(now)) = (read(before), read(after)) else {
        return false;
    };
    let Some(top) = was.as_object_mut() else {
        return false;
    };
    let Some(section) = top.get_mut(hook).and_then(|s| s.as_object_mut()) else {
        return false;
    };
    let Some(commands) = section.get_mut("commands").and_then(|c| c.as_object_mut()) else {
        return false;
    };
    if commands.remove("relhook").is_none() {
        return false;
    }
    if commands.is_empty() {
        section.remove("commands");
    }
    if section.is_empty() {
        top.remove(hook);
    }
    was == now
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(format: Format, hook: &str, has_section: bool) -> String {
        let (run, stdin) = run_of(hook);
        snippet(format, hook, &run, stdin, has_section).unwrap().0
    }

    #[test]
    fn a_toml_table_as_printed_comes_out_alone() {
        let mine = "[pre-commit.commands.lint]\nrun = \"true\"\n";
        let pre = printed(Format::Toml, "pre-push", true);
        let text = format!("{mine}\n{pre}\n[post-commit]\nparallel = true\n");
        assert_eq!(
            strip_printed(Format::Toml, &text).as_deref(),
            Some(format!("{mine}\n[post-commit]\nparallel = true\n").as_str())
        );
        // A key of the user's added below it: theirs.
        let more = format!("{mine}{pre}tags = \"x\"\n");
        assert_eq!(strip_printed(Format::Toml, &more), None);
        let edited = format!(
            "{mine}{}",
            pre.replace("use_stdin = true", "use_stdin = false")
        );
        assert_eq!(strip_printed(Format::Toml, &edited), None);
    }

    #[test]
    fn a_json_member_as_printed_comes_out_with_its_comma() {
        let top = printed(Format::Json, "commit-msg", false);
        let text = format!("{{\n  \"pre-commit\": {{}},\n  {top}}}\n");
        assert_eq!(
            strip_printed(Format::Json, &text).as_deref(),
            Some("{\n  \"pre-commit\": {}\n}\n")
        );
        let member = printed(Format::Json, "pre-push", true);
        let text = format!(
            "{{\"pre-push\": {{\"commands\": {{\n    {}    \"mine\": {{\"run\": \"x\"}}\n}}}}}}\n",
            member.trim_end().to_owned() + ",\n"
        );
        assert_eq!(
            strip_printed(Format::Json, &text).as_deref(),
            Some("{\"pre-push\": {\"commands\": {\n    \"mine\": {\"run\": \"x\"}\n}}}\n")
        );
        let edited = text.replace("use_stdin\": true", "use_stdin\": false");
        assert_eq!(strip_printed(Format::Json, &edited), None);
    }
}
