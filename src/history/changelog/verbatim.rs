//! Code fences and HTML comments: what a Markdown reader shows as code or hides, so that no
//! line inside them is read as a heading or an entry.

/// Tracks multi-line HTML comments and code fences so that `## ` lines
/// inside them are not mistaken for headings.
#[derive(Default, Clone)]
pub(super) struct Verbatim {
    pub comment: bool,
    pub fence: Option<&'static str>,
    /// The line (0-based) that opened the comment or fence still open.
    pub opened: usize,
}

impl Verbatim {
    /// Returns `true` when the line is (part of) a comment or fence.
    pub fn eat(&mut self, i: usize, t: &str) -> bool {
        if !self.comment && self.fence.is_none() {
            self.opened = i;
        }
        if self.comment {
            self.comment = !t.contains("-->");
            return true;
        }
        let trimmed = t.trim_start();
        if let Some(f) = self.fence {
            if trimmed.starts_with(f) {
                self.fence = None;
            }
            return true;
        }
        for f in ["```", "~~~"] {
            if trimmed.starts_with(f) {
                self.fence = Some(f);
                return true;
            }
        }
        // As in CommonMark, only a line that starts with `<!--` opens an HTML comment block;
        // `<!--` inside an entry's text is text (and an unterminated one is literal).
        if let Some(rest) = t.strip_prefix("<!--") {
            // Only an unterminated comment affects following lines.
            self.comment = !rest.contains("-->");
            return true;
        }
        false
    }
}
