//! QA35: `relhook release` killed outright (SIGKILL, which it cannot pass on) left its test
//! command running: a suite that kept writing into the work tree after the release was undone,
//! beside the run a `--resume` starts. On Linux the test command now ends with relhook.

use std::time::{Duration, Instant};

use crate::support::{Repo, configured_with_a_feature, relhook_bin};

#[cfg(target_os = "linux")]
#[test]
fn a_test_command_ends_when_relhook_is_killed() {
    let repo: Repo = configured_with_a_feature(|r| {
        let pid = r.scratch("pid").join("test.pid");
        format!(
            "[checks]\ntest = [\"sh\", \"-c\", \"echo $$ > '{}'; exec sleep 60\"]\n",
            pid.display()
        )
    });
    let pid_file = repo.scratch("pid").join("test.pid");
    let mut child = repo
        .command_in(relhook_bin(), &repo.path())
        .args(["release"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let pid = loop {
        if let Some(p) = std::fs::read_to_string(&pid_file)
            .ok()
            .and_then(|t| t.trim().parse::<i32>().ok())
        {
            break p;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the tests never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    let gone = |p: i32| {
        !std::path::Path::new(&format!("/proc/{p}")).exists()
            || std::fs::read_to_string(format!("/proc/{p}/stat"))
                .is_ok_and(|s| s.split(") ").nth(1).is_some_and(|r| r.starts_with('Z')))
    };
    let start = Instant::now();
    while !gone(pid) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the test command (pid {pid}) outlived relhook"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
