//! A release tag no test can pass: its tree's `test` script is `npm init`'s placeholder, which
//! fails on purpose, and the test command runs that script. Testing it again is no way past
//! pre-push, so every place that advises on an untested tag (the hand tag, a release's `next:`
//! line, pre-push's refusal) says the same: push it untested on purpose, or require no record.

use git2::Oid;

use crate::config::Config;
use crate::git::Repo;
use crate::shellword::quote;

/// Why no test of the release tags `names` can pass, the same words wherever it is said.
pub fn no_tests_to_run(names: &[&str]) -> String {
    let (whose, it) = match names {
        [one] => (format!("{one}'s tree has"), "it"),
        _ => (format!("the trees of {} have", names.join(", ")), "them"),
    };
    format!(
        "{whose} no tests to run (the `test` script of package.json is `npm init`'s placeholder, which always fails), so no test of {it} can pass"
    )
}

/// Whether the release tag on `commit` is one no test can pass: the test command `relhook
/// test --tag` would run (HEAD's) runs package.json's `test` script, and the tag's own
/// package.json has the placeholder there.
pub fn cannot_pass(repo: &Repo, config: &Config, commit: Oid) -> bool {
    let Some((argv, _)) = super::test_argv(repo, config) else {
        return false;
    };
    let manifest = match &config.package {
        Some(p) => p.path.join("package.json"),
        None => "package.json".into(),
    };
    crate::init::runs_test_script(&argv)
        && repo
            .file_at(commit, &manifest)
            .ok()
            .flatten()
            .is_some_and(|f| crate::init::placeholder_test_script(&f.bytes))
}

/// The push that sends the release tags `names` to `remote` past pre-push, untested on purpose.
pub fn on_purpose_push(remote: &str, names: &[&str]) -> String {
    let tags: Vec<String> = names.iter().map(|n| quote(n)).collect();
    format!("RELHOOK_SKIP=1 git push {remote} {}", tags.join(" "))
}

/// The way past release tag `name` to `remote` when no test of it can pass; `again`: the
/// push it was refused in sends more, so it is pushed again afterwards.
pub fn fix(remote: &str, name: &str, again: bool) -> String {
    format!(
        "{}: push it untested on purpose (`{}`){}; or {}",
        no_tests_to_run(&[name]),
        on_purpose_push(&quote(remote), &[name]),
        if again { ", then push again" } else { "" },
        super::TESTS_OFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_tag_or_several_are_named_with_the_same_words() {
        assert!(no_tests_to_run(&["v1.0.0"]).starts_with("v1.0.0's tree has no tests to run"));
        let two = no_tests_to_run(&["v1.0.0", "v1.0.1"]);
        assert!(
            two.starts_with("the trees of v1.0.0, v1.0.1 have no tests"),
            "{two}"
        );
        assert!(two.ends_with("no test of them can pass"), "{two}");
        assert_eq!(
            on_purpose_push("origin", &["v1.0.0", "v1 x"]),
            "RELHOOK_SKIP=1 git push origin v1.0.0 'v1 x'"
        );
    }

    #[test]
    fn only_package_json_test_script_runners_run_the_placeholder() {
        let argv = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        for runs in [
            "npm test",
            "pnpm test",
            "yarn test",
            "bun run test",
            "npm run test",
        ] {
            assert!(crate::init::runs_test_script(&argv(runs)), "{runs}");
        }
        for other in ["cargo test", "bun test", "npm run lint", "make test"] {
            assert!(!crate::init::runs_test_script(&argv(other)), "{other}");
        }
        let placeholder =
            br#"{"scripts": {"test": "echo \"Error: no test specified\" && exit 1"}}"#;
        assert!(crate::init::placeholder_test_script(placeholder));
        assert!(!crate::init::placeholder_test_script(
            br#"{"scripts": {"test": "node -e 0"}}"#
        ));
    }
}
