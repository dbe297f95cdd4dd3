//! QA116: `relhook lint 'feat: x'` (a message where lint wants a FILE) said only that the file
//! did not exist. A FILE that is not there and reads as a message now names the command that
//! lints that text, quoted to paste; a missing path that reads as none is said as before.

use crate::support::{Repo, stderr, stdout};

#[test]
fn a_message_given_as_the_file_names_the_message_form() {
    let repo = Repo::new();
    let out = repo.relhook(&["lint", "feat: x"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "relhook: error: cannot read `feat: x`: No such file or directory (os error 2); to lint \
         this text as the message, run `relhook lint --message 'feat: x'`\n"
    );

    // The flags that change the verdict come along; a `'` is quoted as a shell wants it.
    let out = repo.relhook(&["lint", "--strict", "fix: don't crash"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).ends_with("run `relhook lint --strict --message 'fix: don'\\''t crash'`\n"),
        "{}",
        stderr(&out)
    );
    // Pasted, the hint lints the message.
    let out = repo.relhook(&["lint", "--strict", "--message", "fix: don't crash"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // A missing file that reads as no message gets no such hint.
    let out = repo.relhook(&["lint", "msg.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "relhook: error: cannot read `msg.txt`: No such file or directory (os error 2)\n"
    );
}
