//! Named bucket settings, one per ECR API.

use super::limits::MAX_CALLS;
use crate::catalogue::quotas::{rate_quota, AUTH_TOKEN_BUCKET, RATE_QUOTAS};
use serde::{Deserialize, Serialize};

/// A named bucket setting for one ECR API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    /// Stable id for links and UI keys (the API name alone is not unique).
    pub id: String,
    pub api: String,
    pub capacity: f64,
    pub refill_per_sec: f64,
    pub source: String,
    /// Caveat to show next to the preset, empty when none.
    pub note: String,
}

pub const SOURCE_TROUBLESHOOTING: &str = "AWS troubleshooting page (token bucket)";
pub const SOURCE_QUOTA_TABLE: &str =
    "ECR service quotas; burst not documented, assumed = 1 s of rate";

/// The API whose two AWS pages give two buckets; its troubleshooting bucket comes first.
const AUTH_API: &str = "GetAuthorizationToken";

/// One preset per row of the quota table (a bucket of one second of rate, since no burst is
/// documented), GetAuthorizationToken first with the troubleshooting page's bucket before
/// its quota-table one.
pub fn presets() -> Vec<Preset> {
    let (auth_capacity, auth_refill) = AUTH_TOKEN_BUCKET;
    let auth_quota = rate_quota(AUTH_API).map_or(0, |q| q.per_second);
    let disagree = format!(
        "The two AWS pages disagree: the troubleshooting page documents a \
         {auth_capacity}-call bucket refilling {auth_refill}/s, the current quota table lists {auth_quota}/s."
    );
    let troubleshooting = Preset {
        id: kebab_case(AUTH_API),
        api: AUTH_API.to_string(),
        capacity: f64::from(auth_capacity),
        refill_per_sec: f64::from(auth_refill),
        source: SOURCE_TROUBLESHOOTING.to_string(),
        note: disagree.clone(),
    };
    let auth_first = RATE_QUOTAS
        .iter()
        .filter(|q| q.operation == AUTH_API)
        .chain(RATE_QUOTAS.iter().filter(|q| q.operation != AUTH_API));
    let from_table = auth_first.map(|q| {
        let is_auth = q.operation == AUTH_API;
        let mut id = kebab_case(q.operation);
        if is_auth {
            id.push_str("-quota"); // the plain id is the troubleshooting bucket's
        }
        Preset {
            id,
            api: q.operation.to_string(),
            capacity: f64::from(q.per_second),
            refill_per_sec: f64::from(q.per_second),
            source: SOURCE_QUOTA_TABLE.to_string(),
            note: if is_auth {
                disagree.clone()
            } else {
                String::new()
            },
        }
    });
    std::iter::once(troubleshooting).chain(from_table).collect()
}

/// `GetDownloadUrlForLayer` -> `get-download-url-for-layer`.
fn kebab_case(api: &str) -> String {
    let mut id = String::new();
    for c in api.chars() {
        if c.is_ascii_uppercase() && !id.is_empty() {
            id.push('-');
        }
        id.push(c.to_ascii_lowercase());
    }
    id
}

/// The link a throttling finding offers: the throttled API's bucket (GetAuthorizationToken
/// when the paste names none we know) under a fan-out of 1.5 times its capacity, retried
/// with full jitter as the fix suggests. Returns the href and its title.
///
/// It runs in the explainer's wasm, so it reads the quota table with integers instead of
/// building [`presets`] and a [`LinkFields`](super::LinkFields): their float printing and parsing would cost the
/// first visit about 8 KiB gzip. A test checks it writes the same link as they would.
pub fn link_for_operation(operation: Option<&str>) -> (String, String) {
    // The first preset whose API matches, as `presets()` orders them: GetAuthorizationToken's
    // troubleshooting bucket, then the quota table's rows (one second of rate).
    let (api, capacity, refill, source) = match operation.and_then(rate_quota) {
        Some(q) if q.operation != AUTH_API => {
            (q.operation, q.per_second, q.per_second, SOURCE_QUOTA_TABLE)
        }
        _ => (
            AUTH_API,
            AUTH_TOKEN_BUCKET.0,
            AUTH_TOKEN_BUCKET.1,
            SOURCE_TROUBLESHOOTING,
        ),
    };
    let fanout = (3 * u64::from(capacity)).div_ceil(2);
    let href = format!(
        "#bucket?burst=0&fanout={}&rate=0&capacity={capacity}&refill={refill}&{FULL_JITTER_TAIL}",
        fanout.min(u64::from(MAX_CALLS))
    );
    let title = format!(
        "{fanout} clients at once against {api}'s bucket ({capacity} credits, refilled {refill}/s; {source}), retrying with full jitter"
    );
    (href, title)
}

/// The rest of the link: full jitter with its default base and cap, ten attempts, and the
/// default seed and speed, as [`LinkFields::to_query`](super::LinkFields::to_query) writes them.
const FULL_JITTER_TAIL: &str = "policy=full-jitter&base=0.1&cap=20&attempts=10&seed=1&speed=1";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bucket::{LinkFields, PolicyKind};

    #[test]
    fn presets_are_as_documented() {
        let ps = presets();
        assert_eq!(ps.len(), 9);
        let gat = &ps[0];
        assert_eq!(
            (gat.api.as_str(), gat.capacity, gat.refill_per_sec),
            ("GetAuthorizationToken", 200.0, 20.0)
        );
        assert_eq!(gat.source, SOURCE_TROUBLESHOOTING);
        let put = ps.iter().find(|p| p.api == "PutImage").unwrap();
        assert_eq!((put.capacity, put.refill_per_sec), (10.0, 10.0));
        assert_eq!(put.source, SOURCE_QUOTA_TABLE);
        let mut ids: Vec<_> = ps.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ps.len());
    }

    #[test]
    fn presets_follow_the_quota_table() {
        let ps = presets();
        assert_eq!(
            ps.len(),
            RATE_QUOTAS.len() + 1,
            "one per row, plus the troubleshooting bucket"
        );
        for q in RATE_QUOTAS {
            let rate = f64::from(q.per_second);
            assert!(
                ps.iter().any(|p| p.api == q.operation
                    && p.source == SOURCE_QUOTA_TABLE
                    && (p.capacity, p.refill_per_sec) == (rate, rate)),
                "{}",
                q.operation
            );
        }
        let (capacity, refill) = AUTH_TOKEN_BUCKET;
        assert_eq!(
            (ps[0].capacity, ps[0].refill_per_sec),
            (f64::from(capacity), f64::from(refill))
        );
        let ids: Vec<_> = ps.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "get-authorization-token",
                "get-authorization-token-quota",
                "batch-check-layer-availability",
                "batch-get-image",
                "complete-layer-upload",
                "get-download-url-for-layer",
                "initiate-layer-upload",
                "put-image",
                "upload-layer-part",
            ]
        );
        assert_eq!(
            ps[1].note,
            "The two AWS pages disagree: the troubleshooting page documents a 200-call bucket \
             refilling 20/s, the current quota table lists 500/s."
        );
        assert_eq!(ps[0].note, ps[1].note);
        assert!(ps[2..].iter().all(|p| p.note.is_empty()));
    }

    /// What [`link_for_operation`] would write through [`presets`] and [`LinkFields`].
    fn link_through_link_fields(operation: Option<&str>) -> (String, String) {
        let all = presets();
        let p: &Preset = operation
            .and_then(|op| all.iter().find(|p| p.api.eq_ignore_ascii_case(op)))
            .unwrap_or(&all[0]);
        let fanout = (1.5 * p.capacity).ceil() as u64;
        let mut link = LinkFields {
            fanout: fanout.min(u64::from(MAX_CALLS)),
            capacity: p.capacity,
            refill: p.refill_per_sec,
            policy: PolicyKind::FullJitter,
            ..LinkFields::default()
        };
        link.params.max_attempts = 10;
        let title = format!(
            "{fanout} clients at once against {}'s bucket ({} credits, refilled {}/s; {}), retrying with full jitter",
            p.api, p.capacity, p.refill_per_sec, p.source
        );
        (format!("#bucket?{}", link.to_query()), title)
    }

    #[test]
    fn link_for_operation_writes_what_link_fields_would() {
        let mut operations: Vec<Option<String>> = vec![None, Some("DescribeImages".into())];
        for p in presets() {
            operations.push(Some(p.api.clone()));
            operations.push(Some(p.api.to_ascii_lowercase()));
        }
        for op in &operations {
            assert_eq!(
                link_for_operation(op.as_deref()),
                link_through_link_fields(op.as_deref()),
                "{op:?}"
            );
        }
    }

    #[test]
    fn link_for_operation_fans_out_one_and_a_half_buckets() {
        let (href, title) = link_for_operation(Some("GetAuthorizationToken"));
        assert_eq!(
            href,
            "#bucket?burst=0&fanout=300&rate=0&capacity=200&refill=20&policy=full-jitter\
             &base=0.1&cap=20&attempts=10&seed=1&speed=1"
        );
        assert_eq!(
            title,
            "300 clients at once against GetAuthorizationToken's bucket (200 credits, refilled \
             20/s; AWS troubleshooting page (token bucket)), retrying with full jitter"
        );
        // Unknown or absent operations get GetAuthorizationToken's bucket; case does not matter.
        assert_eq!(link_for_operation(None).0, href);
        assert_eq!(link_for_operation(Some("DescribeImages")).0, href);
        let (put, put_title) = link_for_operation(Some("putimage"));
        assert!(
            put.contains("&fanout=15&rate=0&capacity=10&refill=10&"),
            "{put}"
        );
        assert!(put_title.starts_with("15 clients at once against PutImage's bucket (10 credits"));
        // The link is canonical: it parses to a scenario that writes it back.
        for p in presets() {
            let (href, _) = link_for_operation(Some(&p.api));
            let query = href.strip_prefix("#bucket?").unwrap();
            assert_eq!(crate::bucket::from_fragment_query(query).to_query(), query);
            let first = presets().into_iter().find(|f| f.api == p.api).unwrap();
            let fanout = (first.capacity * 1.5).round();
            assert!(query.contains(&format!("&fanout={fanout}&")), "{query}");
        }
    }
}
