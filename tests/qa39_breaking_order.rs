//! QA39: breaking changes piled up newest first under their heading (`**BREAKING** second`
//! above `**BREAKING** first`), while the other entries and `--rebuild` run oldest first. Each
//! new breaking change now goes below the ones already first: one order everywhere.

use crate::support::{Repo, ok, stdout};

fn entries(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with("- "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn breaking_changes_keep_the_order_they_were_made_in() {
    let repo = Repo::new();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    for m in [
        "feat!: first",
        "feat!: second",
        "feat: third",
        "feat!: fourth",
        "feat: fifth",
    ] {
        repo.git(&["commit", "-q", "--allow-empty", "-m", m]);
    }
    let kept = entries(&repo.read("CHANGELOG.md"));
    assert_eq!(
        kept,
        [
            "- **BREAKING** first",
            "- **BREAKING** second",
            "- **BREAKING** fourth",
            "- third",
            "- fifth"
        ]
    );
    let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    assert_eq!(entries(&rebuilt), kept);
}
