//! The words the configuration and the lint share: rule names (`Rule`), levels (`Level`) and
//! the Conventional Commits types allowed by default. A leaf: it imports nothing of relhook,
//! so `config` can name rules without depending on the lint that applies them.
//!
//! The rule list is written once, in the `rules!` table below: the `Rule` enum, its names,
//! summaries and default levels, and the keys `[commit.rules]` accepts all derive from it.

use serde::{Deserialize, Serialize};

/// The Conventional Commits types allowed when the file names none.
pub const DEFAULT_TYPES: &[&str] = &[
    "feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore", "revert",
];

/// How serious a rule's finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Rejects the message (exit 1).
    Error,
    /// Reported, accepted.
    #[serde(alias = "warn")]
    Warning,
    /// Not checked.
    Off,
}

macro_rules! rules {
    ($($variant:ident = $name:literal, $level:ident, $doc:literal;)*) => {
        /// Every lint rule. The name is the key in `[commit.rules]` and in JSON output.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule {
            $(#[doc = $doc] $variant,)*
        }

        impl Rule {
            /// All rules, in reporting order.
            pub const ALL: [Rule; [$(Rule::$variant),*].len()] = [$(Rule::$variant),*];

            /// Every rule's name, in the order of [`Rule::ALL`] (the keys `[commit.rules]` accepts).
            pub const NAMES: &[&str] = &[$($name),*];

            /// The rule's name.
            pub fn name(self) -> &'static str {
                match self { $(Rule::$variant => $name,)* }
            }

            /// What the rule wants, in one line.
            pub fn summary(self) -> &'static str {
                match self { $(Rule::$variant => $doc,)* }
            }

            /// The level when `[commit.rules]` does not set one.
            pub fn default_level(self) -> Level {
                match self { $(Rule::$variant => Level::$level,)* }
            }
        }
    };
}

rules! {
    EmptyMessage = "empty-message", Error, "the message must not be empty once git has cleaned it";
    Encoding = "encoding", Error, "the message must be UTF-8 without NUL bytes";
    HeaderFormat = "header-format", Error, "the header must read `type(scope)!: description`";
    HeaderWhitespace = "header-whitespace", Warning, "exactly one space after the colon";
    TypeEnum = "type-enum", Error, "the type must be one of `commit.types`";
    TypeCase = "type-case", Warning, "the type should be lowercase";
    ScopeEnum = "scope-enum", Error, "the scope must be one of `commit.scopes` (when it names any)";
    ScopeRequired = "scope-required", Error, "a scope is required (`commit.require_scope`)";
    ScopeCase = "scope-case", Off, "the scope should be lowercase";
    DescriptionEmpty = "description-empty", Error, "the description must not be empty";
    HeaderMaxLength = "header-max-length", Error, "the header must fit in `commit.header_max_length` characters";
    BodyLeadingBlank = "body-leading-blank", Error, "one blank line between the header and the body";
    FooterFormat = "footer-format", Error, "footers are `Token: value` or `Token #value`; `BREAKING CHANGE:` needs a description";
    BreakingChangeFormat = "breaking-change-format", Warning, "breaking changes are `!` or an uppercase `BREAKING CHANGE: ` footer";
    Fixup = "fixup", Error, "`fixup!`/`squash!`/`amend!` commits must be squashed before they are shared";
    SubjectCase = "subject-case", Off, "the description should not start with a capital letter or be all capitals";
    SubjectFullStop = "subject-full-stop", Off, "the description should not end with a full stop";
    BodyMaxLineLength = "body-max-line-length", Off, "body lines must fit in `commit.body_max_line_length` characters";
    FooterMaxLineLength = "footer-max-line-length", Off, "footer lines must fit in `commit.footer_max_line_length` characters";
    PackageScope = "package-scope", Off, "in a monorepo, a commit that changes several packages names one of them in its scope";
}
