//! The names of relhook's temporary files in the git directory: `relhook-tmp-<pid>-…`, so
//! that one a relhook killed before its first write left (empty, nothing in it to say whose
//! it is) is known by its dead writer's pid, and a live process's is never taken for one.

use super::TMP_PREFIX;

/// The prefix of a temporary file this process creates: [`TMP_PREFIX`], its pid and a dash.
pub fn tmp_prefix() -> String {
    format!("{TMP_PREFIX}{}-", std::process::id())
}

/// The pid of the process that created the temporary file `name` ([`tmp_prefix`]), if it is
/// named so (older names, and the journal's and index copies', are not).
pub fn tmp_writer(name: &str) -> Option<u32> {
    let (pid, rest) = name.strip_prefix(TMP_PREFIX)?.split_once('-')?;
    let digits = !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit());
    (digits && !rest.is_empty()).then(|| pid.parse().ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_is_known_by_its_writer_s_pid_and_no_other_name_is() {
        let mine = format!("{}AbC123", tmp_prefix());
        assert_eq!(tmp_writer(&mine), Some(std::process::id()));
        assert_eq!(tmp_writer("relhook-tmp-42-x"), Some(42));
        for other in [
            "relhook-tmp-AbC123",
            "relhook-tmp-journal-42",
            "relhook-tmp-index-42.lock",
            "relhook-tmp-+42-x",
            "relhook-tmp-42-",
            "relhook-tmp-99999999999-x",
            ".relhook-42-x",
        ] {
            assert_eq!(tmp_writer(other), None, "{other}");
        }
    }
}
