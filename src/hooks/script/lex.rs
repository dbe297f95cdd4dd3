//! The lexer of [`super`]: shell text → words, newlines and operators, each with its line.
//! Quotes, `$(…)`, `${…}`, backquotes, comments, line continuations and here-documents are
//! consumed whole, so nothing inside them is read as a command.

use super::Unclear;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    /// A word.
    Word {
        /// Without its quotes.
        text: String,
        /// Nothing in it is quoted or expanded (only such a word is a keyword).
        plain: bool,
    },
    Newline,
    Op(&'static str),
    /// The file descriptor a redirection names (`2` in `2>&1`); the operator follows.
    Fd(u32),
}

/// Longest first, so that `;;` is not read as two `;`.
const OPS: &[&str] = &[
    "<<-", ";;", "&&", "||", "<<", "<&", "<>", ">>", ">&", ">|", ";", "&", "|", "(", ")", "<", ">",
];

pub(super) fn lex(text: &str) -> Result<Vec<(Tok, usize)>, Unclear> {
    let c: Vec<char> = text.chars().collect();
    let mut lx = Lexer { c, i: 0, line: 1 };
    let mut out = Vec::new();
    // Here-documents named on this line (delimiter, `<<-`), read after its newline.
    let mut pending: Vec<(String, bool)> = Vec::new();
    let mut delimiter_next: Option<bool> = None;
    while let Some(&ch) = lx.c.get(lx.i) {
        match ch {
            '\n' => {
                out.push((Tok::Newline, lx.line));
                lx.i += 1;
                lx.line += 1;
                for (delimiter, tabs) in pending.drain(..) {
                    lx.skip_here_document(&delimiter, tabs)?;
                }
            }
            ' ' | '\t' | '\r' => lx.i += 1,
            '\\' if lx.c.get(lx.i + 1) == Some(&'\n') => {
                lx.i += 2;
                lx.line += 1;
            }
            '#' => {
                while lx.c.get(lx.i).is_some_and(|&x| x != '\n') {
                    lx.i += 1;
                }
            }
            ';' | '&' | '|' | '(' | ')' | '<' | '>' => {
                let rest: String = lx.c[lx.i..(lx.i + 3).min(lx.c.len())].iter().collect();
                let op = OPS.iter().find(|op| rest.starts_with(**op)).copied();
                let op = op.unwrap_or(";");
                lx.i += op.chars().count();
                if op.starts_with("<<") {
                    delimiter_next = Some(op == "<<-");
                }
                out.push((Tok::Op(op), lx.line));
            }
            _ => {
                let line = lx.line;
                let (text, plain) = lx.word()?;
                let next = lx.c.get(lx.i).copied();
                // `2>&1`: the digits name a file descriptor; they are not a word.
                if plain
                    && text.chars().all(|x| x.is_ascii_digit())
                    && matches!(next, Some('<' | '>'))
                {
                    out.push((Tok::Fd(text.parse().unwrap_or(u32::MAX)), line));
                    continue;
                }
                if let Some(tabs) = delimiter_next.take() {
                    pending.push((text.clone(), tabs));
                }
                out.push((Tok::Word { text, plain }, line));
            }
        }
    }
    if !pending.is_empty() {
        return Err(lx.unclear("a here-document is not closed"));
    }
    Ok(out)
}

struct Lexer {
    c: Vec<char>,
    i: usize,
    line: usize,
}

impl Lexer {
    fn unclear(&self, why: &'static str) -> Unclear {
        Unclear {
            line: self.line,
            why,
        }
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.c.get(self.i + ahead).copied()
    }

    /// One char inside a quote or substitution; an error at the end of the text.
    fn bump(&mut self, why: &'static str) -> Result<char, Unclear> {
        let ch = self.peek(0).ok_or_else(|| self.unclear(why))?;
        self.i += 1;
        if ch == '\n' {
            self.line += 1;
        }
        Ok(ch)
    }

    /// A word, without its quotes (the text of a here-document's delimiter).
    fn word(&mut self) -> Result<(String, bool), Unclear> {
        let mut s = String::new();
        let mut plain = true;
        while let Some(ch) = self.peek(0) {
            match ch {
                ' ' | '\t' | '\r' | '\n' | ';' | '&' | '|' | '(' | ')' | '<' | '>' => break,
                '\\' => {
                    plain = false;
                    self.i += 1;
                    let escaped = self.bump("the text ends with a backslash")?;
                    if escaped != '\n' {
                        s.push(escaped);
                    }
                }
                '\'' => {
                    plain = false;
                    self.i += 1;
                    loop {
                        match self.bump("a single quote is not closed")? {
                            '\'' => break,
                            x => s.push(x),
                        }
                    }
                }
                '"' => {
                    plain = false;
                    self.i += 1;
                    self.double_quoted(&mut s)?;
                }
                '`' => {
                    plain = false;
                    self.backquoted()?;
                }
                '$' if matches!(self.peek(1), Some('(' | '{')) => {
                    plain = false;
                    self.substitution()?;
                }
                x => {
                    s.push(x);
                    self.i += 1;
                }
            }
        }
        Ok((s, plain))
    }

    fn double_quoted(&mut self, s: &mut String) -> Result<(), Unclear> {
        const WHY: &str = "a double quote is not closed";
        loop {
            match self.peek(0) {
                Some('"') => {
                    self.i += 1;
                    return Ok(());
                }
                Some('\\') => {
                    self.i += 1;
                    s.push(self.bump(WHY)?);
                }
                Some('`') => self.backquoted()?,
                Some('$') if matches!(self.peek(1), Some('(' | '{')) => self.substitution()?,
                _ => s.push(self.bump(WHY)?),
            }
        }
    }

    fn backquoted(&mut self) -> Result<(), Unclear> {
        const WHY: &str = "a backquote is not closed";
        self.i += 1;
        loop {
            match self.bump(WHY)? {
                '`' => return Ok(()),
                '\\' => {
                    self.bump(WHY)?;
                }
                _ => {}
            }
        }
    }

    /// `$(…)`, `$((…))` or `${…}`: skipped whole, quotes inside included.
    fn substitution(&mut self) -> Result<(), Unclear> {
        const WHY: &str = "a `$(` or `${` is not closed";
        let (open, close) = if self.peek(1) == Some('{') {
            ('{', '}')
        } else {
            ('(', ')')
        };
        self.i += 2;
        let mut depth = 1;
        let mut ignored = String::new();
        loop {
            match self.peek(0) {
                Some('\'') => {
                    self.i += 1;
                    while self.bump(WHY)? != '\'' {}
                }
                Some('"') => {
                    self.i += 1;
                    self.double_quoted(&mut ignored)?;
                }
                Some('`') => self.backquoted()?,
                Some('\\') => {
                    self.i += 1;
                    self.bump(WHY)?;
                }
                _ => {
                    let ch = self.bump(WHY)?;
                    if ch == open {
                        depth += 1;
                    } else if ch == close {
                        depth -= 1;
                        if depth == 0 {
                            return Ok(());
                        }
                    }
                }
            }
        }
    }

    /// Skips the lines of a here-document, up to and with its delimiter line.
    fn skip_here_document(&mut self, delimiter: &str, tabs: bool) -> Result<(), Unclear> {
        loop {
            if self.i >= self.c.len() {
                return Err(self.unclear("a here-document is not closed"));
            }
            let start = self.i;
            while self.peek(0).is_some_and(|x| x != '\n') {
                self.i += 1;
            }
            let line: String = self.c[start..self.i].iter().collect();
            self.i += 1;
            self.line += 1;
            let line = if tabs {
                line.trim_start_matches('\t')
            } else {
                &line
            };
            if line.trim_end_matches('\r') == delimiter {
                return Ok(());
            }
        }
    }
}
