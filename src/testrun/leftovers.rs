//! What to do with the files a test run leaves in the work tree, which make the tree dirty for
//! pre-push: a lock file belongs in the release (its tag moves onto the commit that adds it),
//! build output belongs in `.gitignore`.

/// Whether `path` is a lock file: it pins dependencies and belongs in the commit it locks.
pub fn is_lock_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let named = [
        "npm-shrinkwrap.json",
        "go.sum",
        "Package.resolved",
        "packages.lock.json",
        "gradle.lockfile",
    ];
    named.contains(&name)
        || [".lock", ".lockb", "-lock.json", "-lock.yaml", "-lock.yml"]
            .iter()
            .any(|end| name.ends_with(end))
}

/// The release tag on HEAD that a lock file's fix makes again, and whether it is signed.
#[derive(Debug, Clone, Copy)]
pub struct Tag<'a> {
    /// The tag's name.
    pub name: &'a str,
    /// Signed (`git tag -s`): made again signed.
    pub signed: bool,
}

impl<'a> Tag<'a> {
    /// Tag `name` as `repo` holds it.
    pub fn of(repo: &crate::git::Repo, name: &'a str) -> Self {
        let signed = repo.tag_target(name).is_some_and(|t| repo.is_signed_tag(t));
        Tag { name, signed }
    }
}

/// The fix for leftover `paths` (as `git status` names them, at most a handful) beside release
/// `tag` on HEAD (none: no release tag there): for lock files, the commit that adds them and
/// the tag made again on it, tested; for the rest, the `.gitignore` lines that ignore them.
/// Each commit advised passes the repository's commit `rules`.
pub fn advice(
    paths: &[String],
    tag: Option<Tag<'_>>,
    rules: &crate::config::CommitConfig,
) -> String {
    // Each with a shorter text for a strict `header_max_length`.
    let m = |ty, texts: &[&str]| crate::commit::advised::commit_any(rules, ty, None, texts);
    // relhook's own configuration, not yet committed: no build output, and it governs what
    // every clone's hooks do.
    let (config, paths): (Vec<&String>, Vec<&String>) =
        paths.iter().partition(|p| p.as_str() == ".relconfig.toml");
    let (locks, output): (Vec<&String>, Vec<&String>) =
        paths.into_iter().partition(|p| is_lock_file(p));
    // No .gitignore line can hold a newline: pasted, it would be two patterns, one of them
    // ignoring files of that name everywhere. A name not UTF-8 reaches here with `\u{FFFD}`
    // for its bad bytes, a pattern that would match nothing.
    let (unnamable, output): (Vec<&String>, Vec<&String>) = output
        .into_iter()
        .partition(|p| p.contains(['\n', '\r', '\u{FFFD}']));
    let mut steps = Vec::new();
    if !config.is_empty() {
        steps.push(format!(
            "`.relconfig.toml` is relhook's configuration, which every clone's hooks read: commit it (`git add :/.relconfig.toml && {}`)",
            m("chore", &["configure relhook"])
        ));
    }
    if !output.is_empty() {
        let mut lines: Vec<String> = Vec::new();
        // Each line one shell word: a name with a space, `$` or `*` is pasted as it is.
        for line in output
            .iter()
            .map(|p| crate::shellword::quote(&ignore_line(p)))
        {
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
        steps.push(format!(
            "build output goes in .gitignore: `printf '%s\\n' {} >> \"$(git rev-parse --show-toplevel)/.gitignore\" && git add :/.gitignore && {}`",
            lines.join(" "),
            m("chore", &["ignore build output", "ignore output"])
        ));
    }
    if !unnamable.is_empty() {
        steps.push(match unnamable.len() {
            1 => "1 file with a line break or a byte not UTF-8 in its name cannot be named in .gitignore here: delete it (`git clean -i` lists it to pick)".to_owned(),
            n => format!("{n} files with a line break or a byte not UTF-8 in their names cannot be named in .gitignore here: delete them (`git clean -i` lists them to pick)"),
        });
    }
    if !locks.is_empty() {
        // Named from the top: the hook's paths are, and the person may be in a folder below.
        let files: Vec<String> = locks
            .iter()
            .map(|p| crate::shellword::from_top(std::path::Path::new(p.as_str())))
            .collect();
        let files = files.join(" ");
        let names: Vec<&str> = locks.iter().map(|p| p.as_str()).collect();
        let short: Vec<&str> = names
            .iter()
            .map(|p| p.rsplit('/').next().unwrap_or(p))
            .collect();
        // A name with a line break would split the header: the pathspec names the files.
        let texts = match names.iter().any(|n| n.contains(char::is_control)) {
            true => [["add the lock file", "add lock files"][usize::from(locks.len() > 1)]; 2]
                .map(str::to_owned),
            false => [names, short].map(|n| format!("add {}", n.join(" "))),
        };
        let names = m("build", &texts.each_ref().map(String::as_str));
        steps.push(match tag {
            // Committed while the tag still stands on the release commit: with the tag gone
            // first, post-commit would take the release for an interrupted one. The tag is
            // moved with its own message (the release notes), read first and its `### Added`
            // kept (no comment to strip). Moved with `-f`, not deleted and made again: a
            // signer that fails leaves the old tag (relhook's own hook refuses the move, so
            // RELHOOK_SKIP). A signed tag made again signed: `-a` signs only under `tag.gpgSign`.
            Some(Tag { name, signed }) => format!(
                "a lock file belongs in the release it locks: `git add {files} && {names} && notes=$(git tag -l --format='%(contents:subject)%0a%0a%(contents:body)' {tag}) && RELHOOK_SKIP=1 git tag -f {kind} {tag} --cleanup=whitespace -m \"$notes\" && relhook test`",
                tag = crate::shellword::quote(name),
                kind = if signed { "-s" } else { "-a" }
            ),
            None => format!("a lock file belongs in the commit it locks: `git add {files} && {names}`"),
        });
    }
    steps.join("; ")
}

/// The `.gitignore` line for a leftover: a folder (`src/__pycache__/`) by its name wherever it
/// is (`__pycache__/`), a file by its path from the top (`/out.txt`), each matching only itself.
fn ignore_line(path: &str) -> String {
    match path.strip_suffix('/') {
        Some(dir) => {
            let name = literal(dir.rsplit('/').next().unwrap_or(dir));
            // A line starting `#` is a comment, `!` a negation.
            let lead = if name.starts_with(['#', '!']) {
                "\\"
            } else {
                ""
            };
            format!("{lead}{name}/")
        }
        None => format!("/{}", literal(path)),
    }
}

/// `name` as a .gitignore pattern that matches only itself: git reads `*`, `?`, `[` and `\`
/// as pattern characters and drops trailing spaces, unless each is escaped.
fn literal(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if "*?[\\".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    let kept = out.trim_end_matches(' ').len();
    let spaces = out.len() - kept;
    out.truncate(kept);
    out + &"\\ ".repeat(spaces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str) -> Tag<'_> {
        Tag {
            name,
            signed: false,
        }
    }

    fn rules() -> crate::config::CommitConfig {
        crate::config::Config::default().commit
    }

    #[test]
    fn relhooks_own_configuration_is_committed_not_ignored() {
        let a = advice(
            &[".relconfig.toml".to_owned(), "out.txt".to_owned()],
            None,
            &rules(),
        );
        assert!(
            a.starts_with("`.relconfig.toml` is relhook's configuration"),
            "{a}"
        );
        assert!(a.contains("git add :/.relconfig.toml && git commit"), "{a}");
        assert!(
            a.contains(
                "printf '%s\\n' /out.txt >> \"$(git rev-parse --show-toplevel)/.gitignore\""
            ),
            "{a}"
        );
        assert!(!a.contains("' /.relconfig.toml"), "{a}");
    }

    #[test]
    fn lock_files_go_into_the_release_and_output_into_gitignore() {
        let paths = [
            "Cargo.lock".to_owned(),
            "src/demo/__pycache__/".to_owned(),
            "tests/__pycache__/".to_owned(),
            "report.xml".to_owned(),
        ];
        let a = advice(&paths, Some(tag("v0.1.0")), &rules());
        assert!(
            a.contains("printf '%s\\n' __pycache__/ /report.xml >> \"$(git rev-parse --show-toplevel)/.gitignore\" && git add :/.gitignore"),
            "{a}"
        );
        assert!(
            a.contains("git add :/Cargo.lock && git commit -m \"build: add Cargo.lock\" && notes=$(git tag -l --format='%(contents:subject)%0a%0a%(contents:body)' v0.1.0) && RELHOOK_SKIP=1 git tag -f -a v0.1.0 --cleanup=whitespace -m \"$notes\" && relhook test"),
            "{a}"
        );
        assert!(!advice(&paths[..1], None, &rules()).contains("git tag"));
    }

    #[test]
    fn odd_names_are_one_shell_word_and_a_pattern_matching_only_themselves() {
        let paths = [
            "build out.log".to_owned(),
            "$HOME.txt".to_owned(),
            "out[1].log".to_owned(),
            "#tmp/".to_owned(),
            "odd it's.lock".to_owned(),
        ];
        let a = advice(&paths, None, &rules());
        assert!(
            a.contains(r"printf '%s\n' '/build out.log' '/$HOME.txt' '/out\[1].log' '\#tmp/' >>"),
            "{a}"
        );
        assert!(
            a.contains(
                r#"git add ':/odd it'\''s.lock' && git commit -m 'build: add odd it'\''s.lock'`"#
            ),
            "{a}"
        );
        assert_eq!(literal("a b  "), r"a b\ \ ");
        assert_eq!(literal(r"x\y*"), r"x\\y\*");
    }

    #[test]
    fn a_name_with_a_newline_is_to_delete_not_to_ignore() {
        let a = advice(
            &["nl\nname".to_owned(), "out.txt".to_owned()],
            None,
            &rules(),
        );
        assert!(a.contains("printf '%s\\n' /out.txt >>"), "{a}");
        assert!(!a.contains("nl\n"), "{a}");
        assert!(
            a.contains("1 file with a line break or a byte not UTF-8 in its name cannot be named"),
            "{a}"
        );
    }

    #[test]
    fn a_lock_file_with_a_line_break_is_committed_in_one_line() {
        let a = advice(
            &["a\nFAKE: ok.lock".to_owned()],
            Some(tag("v1.0.0")),
            &rules(),
        );
        assert!(!a.contains('\n'), "{a}");
        assert!(
            a.contains(
                r#"git add "$(printf ':/a\nFAKE: ok.lock')" && git commit -m "build: add the lock file""#
            ),
            "{a}"
        );
    }

    #[test]
    fn lock_files_of_every_ecosystem_are_known() {
        for lock in [
            "Cargo.lock",
            "crates/a/Cargo.lock",
            "uv.lock",
            "poetry.lock",
            "Pipfile.lock",
            "yarn.lock",
            "bun.lockb",
            "package-lock.json",
            "pnpm-lock.yaml",
            "npm-shrinkwrap.json",
            "composer.lock",
            "Gemfile.lock",
            "go.sum",
        ] {
            assert!(is_lock_file(lock), "{lock}");
        }
        for file in [
            "README.md",
            "lockfile.md",
            "src/lock.rs",
            "package.json",
            "docs/block",
        ] {
            assert!(!is_lock_file(file), "{file}");
        }
    }
}
