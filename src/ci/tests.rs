use super::*;

const ZERO: &str = "0000000000000000000000000000000000000000";

fn env(vars: &[(&str, &str)], event: Option<&str>) -> CiEnv {
    let map: BTreeMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    CiEnv::new(|k| map.get(k).cloned(), event).unwrap()
}

#[test]
fn outside_ci_the_local_default_applies() {
    assert_eq!(plan(&env(&[], None), None, false), Plan::Local(None));
    assert_eq!(plan(&env(&[], None), None, true), Plan::All);
}

#[test]
fn base_flag_beats_ci() {
    let e = env(
        &[("GITHUB_ACTIONS", "true"), ("GITHUB_BASE_REF", "main")],
        None,
    );
    let Plan::MergeBase {
        candidates, why, ..
    } = plan(&e, Some("develop"), false)
    else {
        panic!()
    };
    assert_eq!(candidates, vec![Candidate::Revision("develop".into())]);
    assert_eq!(why, "--base develop");
}

#[test]
fn github_pull_request_uses_the_base_ref_then_the_event_sha() {
    let event = r#"{"pull_request":{"base":{"sha":"1111111111111111111111111111111111111111"}}}"#;
    let e = env(
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("GITHUB_BASE_REF", "main"),
        ],
        Some(event),
    );
    let Plan::MergeBase { candidates, .. } = plan(&e, None, false) else {
        panic!()
    };
    assert_eq!(
        candidates,
        vec![
            Candidate::Ref("refs/remotes/origin/main".into()),
            Candidate::Commit("1111111111111111111111111111111111111111".into()),
        ]
    );
    // Without the payload's commit, a local branch of that name is the last resort.
    let e = env(
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("GITHUB_BASE_REF", "main"),
        ],
        None,
    );
    let Plan::MergeBase { candidates, .. } = plan(&e, None, false) else {
        panic!()
    };
    assert_eq!(
        candidates,
        vec![
            Candidate::Ref("refs/remotes/origin/main".into()),
            Candidate::Ref("refs/heads/main".into()),
        ]
    );
}

#[test]
fn github_pull_request_without_github_base_ref_reads_the_payloads_base() {
    let sha = "1111111111111111111111111111111111111111";
    let vars = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_EVENT_NAME", "pull_request"),
    ];
    let event = format!(r#"{{"pull_request":{{"base":{{"ref":"dev","sha":"{sha}"}}}}}}"#);
    let Plan::MergeBase {
        candidates, why, ..
    } = plan(&env(&vars, Some(&event)), None, false)
    else {
        panic!()
    };
    assert_eq!(
        candidates,
        vec![
            Candidate::Ref("refs/remotes/origin/dev".into()),
            Candidate::Commit(sha.into()),
        ]
    );
    assert!(
        why.contains("into `dev` (pull_request.base in GITHUB_EVENT_PATH)"),
        "{why}"
    );
    let event = format!(r#"{{"pull_request":{{"base":{{"sha":"{sha}"}}}}}}"#);
    let Plan::MergeBase { candidates, .. } = plan(&env(&vars, Some(&event)), None, false) else {
        panic!()
    };
    assert_eq!(candidates, vec![Candidate::Commit(sha.into())]);
}

/// QA32: a new branch's push whose payload names no default branch was said to be "to the
/// default branch".
#[test]
fn github_push_of_a_new_branch_without_a_default_branch_says_so() {
    let event = r#"{"before":"0000000000000000000000000000000000000000"}"#;
    let planned = plan(
        &env(
            &[
                ("GITHUB_ACTIONS", "true"),
                ("GITHUB_EVENT_NAME", "push"),
                ("GITHUB_REF_NAME", "feature"),
            ],
            Some(event),
        ),
        None,
        false,
    );
    let Plan::Local(Some(why)) = planned else {
        panic!("{planned:?}")
    };
    assert!(why.contains("names no default branch"), "{why}");
    assert!(!why.contains("to the default branch"), "{why}");
}

#[test]
fn github_push_uses_before_and_a_new_branch_the_default_branch() {
    let push = |before: &str, forced: bool, branch: &str| {
        let event = format!(
            r#"{{"before":"{before}","forced":{forced},"repository":{{"default_branch":"main"}}}}"#
        );
        plan(
            &env(
                &[
                    ("GITHUB_ACTIONS", "true"),
                    ("GITHUB_EVENT_NAME", "push"),
                    ("GITHUB_REF_NAME", branch),
                ],
                Some(&event),
            ),
            None,
            false,
        )
    };
    let b = "2222222222222222222222222222222222222222";
    let Plan::MergeBase { candidates, .. } = push(b, false, "feature") else {
        panic!()
    };
    assert_eq!(
        candidates,
        vec![
            Candidate::Commit(b.into()),
            Candidate::Ref("refs/remotes/origin/main".into()),
            Candidate::Ref("refs/heads/main".into()),
        ]
    );
    let Plan::MergeBase { candidates, .. } = push(b, false, "main") else {
        panic!()
    };
    assert_eq!(
        candidates,
        vec![Candidate::Commit(b.into())],
        "no fallback on main"
    );
    for (before, forced) in [(ZERO, false), (b, true)] {
        let Plan::MergeBase { candidates, .. } = push(before, forced, "feature") else {
            panic!()
        };
        assert_eq!(
            candidates[0],
            Candidate::Ref("refs/remotes/origin/main".into())
        );
    }
    assert!(matches!(push(ZERO, false, "main"), Plan::Local(Some(_))));
}

#[test]
fn gitlab_prefers_the_diff_base_then_the_target_then_before() {
    let sha = "3333333333333333333333333333333333333333";
    let Plan::MergeBase { candidates, .. } = plan(
        &env(
            &[
                ("GITLAB_CI", "true"),
                ("CI_MERGE_REQUEST_DIFF_BASE_SHA", sha),
                ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
            ],
            None,
        ),
        None,
        false,
    ) else {
        panic!()
    };
    assert_eq!(candidates[0], Candidate::Commit(sha.into()));
    assert_eq!(
        candidates[1],
        Candidate::Ref("refs/remotes/origin/main".into())
    );
    let Plan::MergeBase { candidates, .. } = plan(
        &env(
            &[("GITLAB_CI", "true"), ("CI_COMMIT_BEFORE_SHA", sha)],
            None,
        ),
        None,
        false,
    ) else {
        panic!()
    };
    assert_eq!(candidates, vec![Candidate::Commit(sha.into())]);
    assert!(matches!(
        plan(
            &env(
                &[
                    ("GITLAB_CI", "true"),
                    ("CI_COMMIT_BEFORE_SHA", ZERO),
                    ("CI_COMMIT_BRANCH", "main"),
                    ("CI_DEFAULT_BRANCH", "main")
                ],
                None
            ),
            None,
            false
        ),
        Plan::Local(Some(_))
    ));
}

#[test]
fn a_bad_event_file_is_an_error() {
    assert!(CiEnv::new(|_| None, Some("not json")).is_err());
}

#[test]
fn a_tag_is_planned_as_a_tag_on_github_and_gitlab() {
    let tag =
        |vars: &[(&str, &str)], event: Option<&str>| match plan(&env(vars, event), None, false) {
            Plan::Tag { tag, .. } => Some(tag),
            _ => None,
        };
    let event = format!(r#"{{"ref":"refs/tags/v1.0.0","before":"{ZERO}"}}"#);
    let gh = [("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", "push")];
    assert_eq!(tag(&gh, Some(&event)).as_deref(), Some("v1.0.0"));
    let by_ref = [gh[0], gh[1], ("GITHUB_REF", "refs/tags/v1.0.0")];
    assert_eq!(tag(&by_ref, None).as_deref(), Some("v1.0.0"));
    let by_type = [
        gh[0],
        gh[1],
        ("GITHUB_REF_NAME", "v1.0.0"),
        ("GITHUB_REF_TYPE", "tag"),
    ];
    assert_eq!(tag(&by_type, None).as_deref(), Some("v1.0.0"));
    let gl = [("GITLAB_CI", "true"), ("CI_COMMIT_TAG", "v1.0.0")];
    assert_eq!(tag(&gl, None).as_deref(), Some("v1.0.0"));
    let Plan::Local(Some(why)) = plan(&env(&gh, None), None, false) else {
        panic!()
    };
    assert!(why.contains("GITHUB_EVENT_PATH is not set"), "{why}");
}

#[test]
fn a_github_push_payload_without_before_invents_none() {
    let vars = [("GITHUB_ACTIONS", "true"), ("GITHUB_EVENT_NAME", "push")];
    let why = "GitHub Actions `push` without `before` in its event payload (GITHUB_EVENT_PATH)";
    let e = env(&vars, Some("{}"));
    assert_eq!(plan(&e, None, false), Plan::Local(Some(why.into())));
    let e = env(&vars, Some("{}")).without_event("is empty");
    let why = "GitHub Actions `push` without its event payload (GITHUB_EVENT_PATH is empty)";
    assert_eq!(plan(&e, None, false), Plan::Local(Some(why.into())));
}

#[test]
fn github_merge_group_uses_its_base_and_says_when_the_payload_lacks_it() {
    let vars = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_EVENT_NAME", "merge_group"),
    ];
    let sha = "2222222222222222222222222222222222222222";
    let with = format!(r#"{{"merge_group":{{"base_sha":"{sha}","head_sha":"x"}}}}"#);
    let Plan::MergeBase { candidates, .. } = plan(&env(&vars, Some(&with)), None, false) else {
        panic!()
    };
    assert_eq!(candidates, vec![Candidate::Commit(sha.into())]);
    let without = r#"{"merge_group":{"head_sha":"x"}}"#;
    let Plan::Local(Some(why)) = plan(&env(&vars, Some(without)), None, false) else {
        panic!("a merge group without its base must say so")
    };
    assert!(why.contains("merge_group.base_sha"), "{why}");
}

/// QA37: a new branch's GitLab pipeline with no `CI_COMMIT_BRANCH` was said to run "on the
/// default branch".
#[test]
fn a_gitlab_pipeline_with_no_branch_named_is_not_said_to_be_the_default_branch() {
    let zero = "0000000000000000000000000000000000000000";
    let said = |vars: &[(&str, &str)]| match plan(&env(vars, None), None, false) {
        Plan::Local(Some(why)) => why,
        _ => panic!("a local plan"),
    };
    let base = [("GITLAB_CI", "true"), ("CI_COMMIT_BEFORE_SHA", zero)];
    let none = said(&base);
    assert!(!none.contains("default branch"), "{none}");
    assert!(none.contains("no branch to compare with"), "{none}");
    let main = [
        base[0],
        base[1],
        ("CI_DEFAULT_BRANCH", "main"),
        ("CI_COMMIT_BRANCH", "main"),
    ];
    assert!(said(&main).contains("on the default branch"));
}

/// QA43: a range with one base is given back as `relhook check` takes it; all of history
/// and one commit alone are no such range.
#[test]
fn a_range_with_one_base_is_a_revspec() {
    let id = Oid::from_str("1111111111111111111111111111111111111111").unwrap();
    let checked = |hidden: Vec<Oid>, single: bool, describe: &str| Checked {
        range: Range {
            tips: vec![id],
            hidden,
            single,
            describe: describe.into(),
        },
        base: None,
        head: Some(id),
        why: String::new(),
        source: "base",
        shallow_fix: String::new(),
        release_check: None,
    };
    let spec = checked(vec![id], false, "111111111..HEAD").revspec();
    assert_eq!(spec.as_deref(), Some("111111111..HEAD"));
    assert_eq!(checked(vec![], false, "HEAD").revspec(), None);
    assert_eq!(checked(vec![], true, "HEAD").revspec(), None);
}

#[test]
fn a_tag_pipeline_names_its_pushed_tag() {
    let github = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_REF", "refs/tags/v1.2.0"),
    ];
    assert_eq!(env(&github, None).pipeline_tag(), Some("v1.2.0"));
    let by_type = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_REF_TYPE", "tag"),
        ("GITHUB_REF_NAME", "v1.2.0"),
    ];
    assert_eq!(env(&by_type, None).pipeline_tag(), Some("v1.2.0"));
    let gitlab = [("GITLAB_CI", "true"), ("CI_COMMIT_TAG", "v1.2.0")];
    assert_eq!(env(&gitlab, None).pipeline_tag(), Some("v1.2.0"));
    let branch = [
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_REF", "refs/heads/main"),
    ];
    assert_eq!(env(&branch, None).pipeline_tag(), None);
    // Only a CI relhook reads: a variable set outside one says nothing.
    assert_eq!(
        env(&[("CI_COMMIT_TAG", "v1.2.0")], None).pipeline_tag(),
        None
    );
}
