//! Named bucket settings, one per ECR API.

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

pub fn presets() -> Vec<Preset> {
    let disagree = "The two AWS pages disagree: the troubleshooting page documents a \
                    200-call bucket refilling 20/s, the current quota table lists 500/s.";
    let p = |id: &str, api: &str, cap: f64, refill: f64, source: &str, note: &str| Preset {
        id: id.to_string(),
        api: api.to_string(),
        capacity: cap,
        refill_per_sec: refill,
        source: source.to_string(),
        note: note.to_string(),
    };
    let q = |id: &str, api: &str, rate: f64| p(id, api, rate, rate, SOURCE_QUOTA_TABLE, "");
    vec![
        p(
            "get-authorization-token",
            "GetAuthorizationToken",
            200.0,
            20.0,
            SOURCE_TROUBLESHOOTING,
            disagree,
        ),
        p(
            "get-authorization-token-quota",
            "GetAuthorizationToken",
            500.0,
            500.0,
            SOURCE_QUOTA_TABLE,
            disagree,
        ),
        q(
            "batch-check-layer-availability",
            "BatchCheckLayerAvailability",
            1000.0,
        ),
        q("batch-get-image", "BatchGetImage", 2000.0),
        q("complete-layer-upload", "CompleteLayerUpload", 100.0),
        q(
            "get-download-url-for-layer",
            "GetDownloadUrlForLayer",
            3000.0,
        ),
        q("initiate-layer-upload", "InitiateLayerUpload", 100.0),
        q("put-image", "PutImage", 10.0),
        q("upload-layer-part", "UploadLayerPart", 500.0),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
