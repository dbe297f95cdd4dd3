//! Version texts that are no version: semantic-release's placeholders, which its docs have
//! its users keep in package.json for good, as the versions live in tags only.

/// The pre-releases of 0.0.0 that semantic-release's docs name. Exact words: any other 0.0.0
/// pre-release (`0.0.0-alpha.1`) may be a version someone means to bump.
const TAGS_ONLY: [&str; 3] = ["development", "semantically-released", "semantic-release"];

/// Whether a version file's text `old` is semantic-release's placeholder (`0.0.0-development`,
/// `0.0.0-semantically-released`, `0.0.0-semantic-release`): the project's version comes from
/// its tags, and a file relhook finds by itself at it beside release tags is neither bumped
/// nor checked (`init` turns detection off for it).
pub fn tags_only_placeholder(old: &str) -> bool {
    semver::Version::parse(old).is_ok_and(|v| {
        (v.major, v.minor, v.patch) == (0, 0, 0)
            && v.build.is_empty()
            && TAGS_ONLY.contains(&v.pre.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_semantic_release_s_own_words_make_a_tags_only_placeholder() {
        for yes in [
            "0.0.0-development",
            "0.0.0-semantically-released",
            "0.0.0-semantic-release",
        ] {
            assert!(tags_only_placeholder(yes), "{yes}");
        }
        for no in [
            "0.0.0",
            "0.0.0-alpha.1",
            "0.0.0-development.1",
            "0.0.0-development+x",
            "0.1.0-development",
            "v0.0.0-development",
            "0.0.0-Development",
        ] {
            assert!(!tags_only_placeholder(no), "{no}");
        }
    }
}
