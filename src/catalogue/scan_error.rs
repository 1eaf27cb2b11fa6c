use super::*;

/// `scan-error`: image scanning did not produce findings as expected.
pub const FAMILY: Family = Family {
    id: "scan-error",
    title: "Image scan results are not available",
    http_status: Some(400),
    stage: Stage::Api,
    umbrella: false,
    explanation: "A tool asked ECR for the scan findings of an image and the scan was not in a finished state it understands (status {scan_status|unknown}), or no scan exists.",
    causes: "Enhanced scanning (Amazon Inspector) reports `ACTIVE` for continuously scanned images and serves findings through Inspector, not the basic-scan status many tools wait for; the scan has not run or is still running; scan on push is off; the image type or OS is unsupported; a basic scan can run once per image per 24 hours.",
    signatures: &[
        Signature {
            anchors: &["imagescanstatus"],
            pattern: r#""?imageScanStatus"?\s*:\s*\{\s*"?status"?\s*:\s*"(?P<scan_status>[A-Z_]+)""#,
            scope: Scope::Ecr,
            confidence: 0.8,
            ..Signature::BASE
        },
        Signature {
            anchors: &["unsupportedimageerror"],
            pattern: r"\bUnsupportedImageError\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["scannotfoundexception"],
            pattern: r"\bScanNotFoundException\b",
            scope: Scope::Ecr,
            confidence: 0.95,
            ..Signature::BASE
        },
        Signature {
            anchors: &["scan"],
            pattern: r"\b(?:Unhandled|unexpected|unknown) scan status\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "See the registry's scanning mode and the image's scan status",
            "aws ecr get-registry-scanning-configuration --region {region}\naws ecr describe-image-scan-findings --repository-name {repository} --image-id imageTag=<tag> --region {region} --query imageScanStatus",
        ),
        remedy(
            "With enhanced scanning, read findings from Amazon Inspector",
            "aws inspector2 list-findings --filter-criteria '{\"ecrImageRepositoryName\":[{\"comparison\":\"EQUALS\",\"value\":\"{repository}\"}]}' --region {region}",
        ),
        remedy(
            "With basic scanning, start a scan",
            "aws ecr start-image-scan --repository-name {repository} --image-id imageTag=<tag> --region {region}",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ImageScanStatus.html",
    ],
    examples: &[
        "Error: Unhandled scan status \"ACTIVE\". API response: {\"repositoryName\":\"app\",\"imageScanStatus\":{\"status\":\"ACTIVE\",\"description\":\"Continuous scan is selected for image.\"}}",
    ],
    near_misses: near_misses(&["Scan complete: 0 vulnerabilities found"]),
};
