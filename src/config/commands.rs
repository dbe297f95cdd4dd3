//! The commands advice prints for a configuration, to be pasted: its release, and a release
//! tag made by hand.

use super::Config;

impl Config {
    /// The command that makes a release of what this configuration releases: `relhook
    /// release`, or in a package's view `relhook release --package NAME`; with the
    /// `--config FILE` given, which this configuration may be read from, and the flags of a
    /// release given (`--allow-dirty`, …): pasted without them, it is refused again.
    pub fn release_command(&self) -> String {
        self.release_command_of(None)
    }

    /// [`Config::release_command`] with `flag` (`--allow-branch`) too, once.
    pub fn release_command_with(&self, flag: &str) -> String {
        self.release_command_of(Some(flag))
    }

    fn release_command_of(&self, flag: Option<&str>) -> String {
        let package = self.package.as_ref().map(|p| p.name.as_str());
        crate::resume_advice::release_with(package, flag)
    }

    /// The command that makes release tag `name` by hand, as advice prints it to be pasted:
    /// quoted, with a message (`-a` alone opens an editor, and fails with no terminal), the
    /// tag's name, which is the first line of relhook's own; `-s` where releases are signed,
    /// since an unsigned one is refused there.
    pub fn hand_tag_command(&self, name: &str) -> String {
        let kind = if self.release.sign { "-s" } else { "-a" };
        let q = crate::shellword::quote(name);
        format!("git tag {kind} {q} -m {q}")
    }
}
