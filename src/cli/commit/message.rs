//! The answers to `relhook commit`'s questions, and the Conventional Commit message they
//! make (header, body, `BREAKING CHANGE:` and issue footers).

/// The answers, and the message they make.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Answers {
    pub(super) ty: String,
    pub(super) scope: Option<String>,
    pub(super) description: String,
    pub(super) breaking: Option<String>,
    pub(super) body: Vec<String>,
    pub(super) refs: Option<String>,
}

impl Answers {
    pub(super) fn header_prefix(ty: &str, scope: Option<&str>, bang: bool) -> String {
        let scope = scope.map(|s| format!("({s})")).unwrap_or_default();
        let bang = if bang { "!" } else { "" };
        format!("{ty}{scope}{bang}: ")
    }

    pub(super) fn message(&self) -> String {
        let mut m = Self::header_prefix(&self.ty, self.scope.as_deref(), self.breaking.is_some());
        m.push_str(&self.description);
        m.push('\n');
        if !self.body.is_empty() {
            m.push('\n');
            for line in &self.body {
                m.push_str(line);
                m.push('\n');
            }
        }
        let mut footers = Vec::new();
        if let Some(b) = &self.breaking {
            footers.push(format!("BREAKING CHANGE: {b}"));
        }
        if let Some(r) = &self.refs {
            footers.push(r.clone());
        }
        if !footers.is_empty() {
            m.push('\n');
            for f in footers {
                m.push_str(&f);
                m.push('\n');
            }
        }
        m
    }
}

/// Turns what was typed for "issues" into a footer: `#12, 34` → `Refs: #12, #34`; a footer
/// typed in full (`Closes #12`, `Refs: #3`) is kept as it is.
pub(super) fn refs_footer(typed: &str) -> Option<String> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    let numbers: Vec<&str> = t
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    let all_numbers = numbers.iter().all(|n| {
        let n = n.strip_prefix('#').unwrap_or(n);
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
    });
    if all_numbers {
        let refs: Vec<String> = numbers
            .iter()
            .map(|n| format!("#{}", n.trim_start_matches('#')))
            .collect();
        return Some(format!("Refs: {}", refs.join(", ")));
    }
    Some(t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_make_a_conventional_message() {
        let a = Answers {
            ty: "feat".into(),
            scope: Some("api".into()),
            description: "add export".into(),
            breaking: Some("the old endpoint is gone".into()),
            body: vec!["Exports as CSV.".into()],
            refs: refs_footer("#12, 34"),
        };
        assert_eq!(
            a.message(),
            "feat(api)!: add export\n\nExports as CSV.\n\nBREAKING CHANGE: the old endpoint is gone\nRefs: #12, #34\n"
        );
        let plain = Answers {
            ty: "fix".into(),
            description: "x".into(),
            ..Answers::default()
        };
        assert_eq!(plain.message(), "fix: x\n");
    }

    #[test]
    fn refs_are_footers() {
        assert_eq!(refs_footer(""), None);
        assert_eq!(refs_footer("12"), Some("Refs: #12".into()));
        assert_eq!(refs_footer("Closes #7"), Some("Closes #7".into()));
    }
}
