//! Image references and registry URLs: the registry host, its account and Region, and the
//! repository.

use super::{all_digits, fact, is_region, is_template, Fact, Found};

/// A parsed image reference or registry URL.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub registry: Option<String>,
    pub account: Option<String>,
    pub region: Option<String>,
    pub repository: Option<String>,
    pub ecr: bool,
}

/// Parses `host/repo[:tag|@digest]`, `https://host/v2/repo/manifests/tag`, or a bare `repo:tag`.
pub fn parse_image_ref(raw: &str) -> ImageRef {
    let s = raw
        .trim_matches(|c: char| "\"'`,;()[]".contains(c))
        .trim_end_matches(['.', ':']);
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .or_else(|| s.strip_prefix("docker://"))
        .unwrap_or(s);
    let looks_like_host = |h: &str| {
        let l = h.to_ascii_lowercase();
        l.contains(".dkr.")
            || l.contains(".dkr-ecr.")
            || l == "public.ecr.aws"
            || l.ends_with(".amazonaws.com")
            || l.ends_with(".amazonaws.eu")
    };
    let (host, path) = match s.split_once('/') {
        Some((h, p)) if h.contains('.') || h.contains(':') || h == "localhost" || h == "***" => {
            (Some(h), p)
        }
        None if looks_like_host(s) => (Some(s), ""),
        _ => (None, s),
    };
    let mut out = ImageRef::default();
    if let Some(h) = host {
        out.registry = Some(h.to_string());
        let lower = h.to_ascii_lowercase();
        if let Some((account, rest)) = lower
            .split_once(".dkr.ecr.")
            .or_else(|| lower.split_once(".dkr-ecr."))
            .or_else(|| lower.split_once(".dkr.ecr-fips."))
        {
            out.ecr = true;
            let account = &h[..account.len()];
            if all_digits(account) {
                out.account = Some(account.to_string());
            }
            let region = rest.split('.').next().unwrap_or("");
            if is_region(region) {
                out.region = Some(region.to_string());
            }
        } else if lower == "public.ecr.aws"
            || lower.ends_with(".amazonaws.com")
            || lower.ends_with(".amazonaws.eu")
        {
            out.ecr = lower == "public.ecr.aws" || lower.contains(".ecr.");
        }
    }
    let path = path.strip_prefix("v2/").map_or(path, |api| {
        // Registry API URL: /v2/<repo>/(manifests|blobs|tags)/...
        ["/manifests/", "/blobs/", "/tags/"]
            .iter()
            .filter_map(|m| api.find(m))
            .min()
            .map_or(api, |end| &api[..end])
    });
    let path = path.split('@').next().unwrap_or("");
    let repo = match path.rfind(':') {
        Some(colon) if !path[colon..].contains('/') => &path[..colon],
        _ => path,
    };
    let repo = repo.trim_matches('/');
    if !repo.is_empty() && !is_template(repo) && repo != "v2" {
        out.repository = Some(repo.to_string());
    }
    out
}

/// Facts from an image reference (positions are the whole reference's).
pub fn image_facts<'a>(out: &mut Vec<Fact>, at: impl Into<Found<'a>>, rank: u8) {
    let at = at.into();
    let r = parse_image_ref(at.text);
    if let Some(v) = &r.repository {
        fact(out, "repository", v, at, rank);
    }
    if let Some(v) = &r.region {
        fact(out, "region", v, at, rank);
    }
    // A host is a fact when its account is real or masked, not a template (`aws_account_id`).
    let account_known = r.registry.as_deref().is_some_and(|h| {
        let account = h.split('.').next().unwrap_or("");
        h == "public.ecr.aws"
            || (!account.is_empty()
                && account
                    .bytes()
                    .all(|c| c.is_ascii_digit() || matches!(c, b'*' | b'x' | b'X')))
    });
    if r.ecr && account_known {
        if let Some(v) = &r.registry {
            fact(out, "registry", v, at, rank);
        }
    }
    if let Some(v) = &r.account {
        fact(out, "registry_id", v, at, rank);
    }
}
