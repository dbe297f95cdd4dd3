//! Why relhook does not keep a changelog, which it then leaves alone: a page of prose, list
//! items under no `## ` section.

use super::{Changelog, setext};

impl Changelog {
    /// `true` when the file is recognisably a changelog relhook may edit: it has a `# ` title or
    /// a `## ` release section, or it is blank. A file of prose only ("Our release notes live on
    /// the wiki.") parses, but is somebody else's: it must never gain an Unreleased section.
    pub fn is_keep_a_changelog(&self) -> bool {
        self.unkept_because().is_none()
    }

    /// Why relhook does not keep this file (`None`: it does). Without any `## ` section,
    /// a file is kept when it is empty, or a title and prose (`## [Unreleased]` goes after
    /// them); list items there are releases written some other way, and where Unreleased
    /// would go among them is not guessed.
    /// Setext headings (underlined with `===` or `---`) are named, with the line to write the
    /// first as: relhook reads only `#` headings.
    pub fn unkept_because(&self) -> Option<String> {
        if !self.doc.sections.is_empty() || self.lines.iter().all(|l| l.text.trim().is_empty()) {
            return None;
        }
        let setext = self.doc.setext.and_then(|i| {
            let mark = setext::underline(&self.lines.get(i + 1)?.text)?;
            Some(setext::convert_hint(i, &self.lines.get(i)?.text, mark))
        });
        if self.doc.title.is_none() {
            let why = "no `# ` title and no `## ` section";
            return Some(setext.map_or(why.to_string(), |s| format!("{why}: {s}")));
        }
        let item = |t: &str| {
            ["- ", "* ", "+ "]
                .iter()
                .any(|m| t.trim_start().starts_with(m))
        };
        let add = "add `## [Unreleased]` above the newest changes";
        self.lines
            .iter()
            .any(|l| item(&l.text))
            .then(|| match setext {
                Some(s) => format!("list items but no `## ` section: {s}, and {add}"),
                None => format!("list items but no `## ` section: {add}"),
            })
    }
}
