//! ECR API rate quotas (per account and Region), from the ECR service-quotas page.
//! GetAuthorizationToken also has the older troubleshooting page's token-bucket figures.

pub struct RateQuota {
    pub operation: &'static str,
    pub per_second: u32,
    pub quota_code: &'static str,
}

pub const RATE_QUOTAS: &[RateQuota] = &[
    RateQuota {
        operation: "BatchCheckLayerAvailability",
        per_second: 1000,
        quota_code: "L-B9173138",
    },
    RateQuota {
        operation: "BatchGetImage",
        per_second: 2000,
        quota_code: "L-16E70933",
    },
    RateQuota {
        operation: "CompleteLayerUpload",
        per_second: 100,
        quota_code: "L-44194860",
    },
    RateQuota {
        operation: "GetAuthorizationToken",
        per_second: 500,
        quota_code: "L-55A41110",
    },
    RateQuota {
        operation: "GetDownloadUrlForLayer",
        per_second: 3000,
        quota_code: "L-A60A366D",
    },
    RateQuota {
        operation: "InitiateLayerUpload",
        per_second: 100,
        quota_code: "L-95B28F8D",
    },
    RateQuota {
        operation: "PutImage",
        per_second: 10,
        quota_code: "L-AD52DFB2",
    },
    RateQuota {
        operation: "UploadLayerPart",
        per_second: 500,
        quota_code: "L-A1670B10",
    },
];

/// The seed page's token bucket for GetAuthorizationToken: capacity and refill per second.
pub const AUTH_TOKEN_BUCKET: (u32, u32) = (200, 20);

pub fn rate_quota(operation: &str) -> Option<&'static RateQuota> {
    RATE_QUOTAS
        .iter()
        .find(|q| q.operation.eq_ignore_ascii_case(operation))
}

/// One sentence on the throttled API's rate, for explanations.
pub fn rate_note(operation: Option<&str>) -> String {
    match operation.and_then(rate_quota) {
        Some(q) if q.operation == "GetAuthorizationToken" => format!(
            "AWS's troubleshooting page describes GetAuthorizationToken as a bucket of {} credits per account and Region, refilled at {} per second (so {} calls in one second, then {} per second indefinitely); the current service-quota table lists {} per second ({}). The two AWS pages disagree; the quota table is the newer figure, and Service Quotas shows the value applied to your account.",
            AUTH_TOKEN_BUCKET.0, AUTH_TOKEN_BUCKET.1, AUTH_TOKEN_BUCKET.0, AUTH_TOKEN_BUCKET.1, q.per_second, q.quota_code
        ),
        Some(q) => format!(
            "The ECR service-quota table lists {} at {} requests per second per account and Region (adjustable, quota code {}); no burst size is documented.",
            q.operation, q.per_second, q.quota_code
        ),
        None => "Each ECR API has its own rate quota per account and Region: PutImage 10/s, InitiateLayerUpload and CompleteLayerUpload 100/s, GetAuthorizationToken and UploadLayerPart 500/s, BatchCheckLayerAvailability 1,000/s, BatchGetImage 2,000/s, GetDownloadUrlForLayer 3,000/s. ECR Public allows 1 unauthenticated pull per second per IP and 10 authenticated pulls per second.".to_string(),
    }
}
