//! A package's hand tag that would leave another package's requirement on it unmet: refused,
//! with the release that rewrites the requirement, planned first (a way on that is refused
//! too is no way on).

/// A package's hand tag changes that package only: when its new version would leave a
/// requirement of another package unmet (the workspace would no longer build), the tag is
/// refused for `relhook release --package`, which rewrites those requirements too. A crate that
/// shares its workspace's version (`version.workspace = true`) cannot take another by itself.
pub(super) fn dependents_left_behind(
    repo: &crate::git::Repo,
    (config, view): (&crate::config::Config, &crate::config::Config),
    root: &std::path::Path,
    u: &crate::tag::hand::Update,
) -> Vec<String> {
    let Some(p) = &view.package else {
        return Vec::new();
    };
    let Some(version) = p.tag.parse(&u.tag) else {
        return Vec::new();
    };
    let inherited = crate::release::packages::hand_tag_inherited(root, &p.name, &p.path, &version);
    if let Some(why) = inherited {
        return vec![why];
    }
    let versionless =
        crate::release::packages::hand_tag_versionless(root, &p.name, &p.path, &version);
    if let Some(why) = versionless {
        return vec![why];
    }
    // A stable version of a package that requires a sibling's pre-release, as `release` refuses.
    let tag = crate::release::packages::HandTag {
        form: &p.tag,
        pre_start: view.version.pre_release_start,
        taken: &|t: &str| repo.tag_target(t).is_some(),
    };
    let on_pre = crate::release::packages::hand_tag_on_pre(config, root, (&p.name, &version), &tag);
    if let Some(why) = on_pre {
        return vec![why];
    }
    let left =
        match crate::release::packages::dependents_left_behind(config, root, &p.name, &version) {
            Ok(left) => left,
            Err(e) => {
                return vec![format!(
                    "cannot judge the packages that depend on {}: {e}",
                    p.name
                )];
            }
        };
    // With `bump_dependents = false` a requirement outside any workspace is the dependent's
    // own business: it keeps the published version it requires.
    let bump = config.release.bump_dependents;
    let left: Vec<_> = left
        .into_iter()
        .filter(|u| bump || u.in_workspace)
        .collect();
    if left.is_empty() {
        return Vec::new();
    }
    let way_on = (bump && left.iter().any(|u| u.rewritable))
        .then(|| release_way_on(repo, config, root, &p.name, &version));
    left.iter()
        .map(|u| {
            let c = &u.change;
            let said = format!(
                "{} requires {} `{}`, which {version} does not meet",
                c.file.display(),
                c.dependency,
                c.before,
            );
            match (&way_on, u.rewritable) {
                (Some(way_on), true) => format!("{said}, and a hand tag changes {} only; {way_on}", p.name),
                (_, true) => format!(
                    "{said}, and with `[release] bump_dependents = false` nothing rewrites it; edit it by hand so that it admits {version}, commit, and make the tag again"
                ),
                (_, false) => format!(
                    "{said}, and relhook cannot rewrite a range; edit it by hand so that it admits {version}, commit, and make the tag again"
                ),
            }
        })
        .collect()
}

/// The release named as the way on, planned as it would be: when it is refused too, its
/// refusal is the way on (a stable release on a sibling's pre-release).
fn release_way_on(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
    root: &std::path::Path,
    package: &str,
    version: &semver::Version,
) -> String {
    let command = format!("relhook release --package {package} {version}");
    match crate::release::packages::plan(
        repo,
        config,
        root,
        &crate::release::packages::Selection::Named(vec![package.to_owned()]),
        &crate::release::Options::preview(
            crate::history::version::bump::Requested::Exact(version.clone()),
            None,
        ),
    ) {
        Err(crate::Error::Refused(r)) => format!(
            "`{command}` would release it and rewrite that requirement, but is refused too: {}{}",
            r.what,
            r.fix.map(|f| format!("; {f}")).unwrap_or_default()
        ),
        _ => format!("`{command}` releases it and rewrites that requirement"),
    }
}

/// After a package's stable hand tag (which rewrites no requirement): a note for each package
/// that still requires the pre-release the tag finishes, whose stable release is refused until
/// that requirement is edited.
pub(super) fn say_pre_left(
    err: &mut impl std::io::Write,
    (config, view): (&crate::config::Config, &crate::config::Config),
    root: &std::path::Path,
    tag: &str,
    due: &[String],
) {
    for d in due {
        let _ = writeln!(err, "relhook: note: {d}");
    }
    let Some(p) = &view.package else {
        return;
    };
    let Some(version) = p.tag.parse(tag) else {
        return;
    };
    for note in crate::release::packages::hand_tag_leaves_pre(config, root, &p.name, &version) {
        let _ = writeln!(err, "relhook: note: {note}");
    }
}

/// Before a package's hand tag makes its release commit (the work tree still holds the previous
/// version): a note for each package whose workspace shorthand (`workspace:*`) will be
/// published as a version the tag no longer meets, naming the release it needs.
pub(super) fn shorthand_due(
    view: &crate::config::Config,
    root: &std::path::Path,
    tag: &str,
) -> Vec<String> {
    let Some(p) = &view.package else {
        return Vec::new();
    };
    let Some(version) = p.tag.parse(tag) else {
        return Vec::new();
    };
    let due = crate::release::packages::shorthand_dependents(view, root, &p.name, &version);
    due.unwrap_or_default()
        .into_iter()
        .filter_map(|c| {
            let (old, _) = c.published?;
            Some(format!(
                "{} requires {} as `{}` in {}, published as `{old}`, which {version} does not meet: `relhook release --package {}` releases it",
                c.dependent,
                c.dependency,
                c.before,
                c.file.display(),
                crate::shellword::quote(&c.dependent)
            ))
        })
        .collect()
}
