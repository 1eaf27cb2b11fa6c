use super::*;

/// `endpoint-unreachable`: the network path to ECR (API, registry or S3 layers) is broken.
pub const FAMILY: Family = Family {
    id: "endpoint-unreachable",
    title: "Cannot reach the ECR endpoint (network, DNS or VPC endpoints)",
    http_status: None,
    stage: Stage::Network,
    umbrella: false,
    explanation: "The client could not complete a connection to ECR{region_q}: a timeout, a refused or closed connection, or a name that does not resolve. Nothing reached ECR's authorization, so no ECR error code came back.",
    causes: "A subnet with no route out (no NAT gateway, no public IP) and no VPC endpoints; missing endpoints `com.amazonaws.{region}.ecr.api`, `com.amazonaws.{region}.ecr.dkr` (private DNS on) and the S3 gateway endpoint for layers; security groups or NACLs blocking 443; a proxy or firewall (one that inspects TLS presents its own certificate: `x509: certificate signed by unknown authority`, `SSL validation failed`); DNS failure; an endpoint that does not exist in that Region (ECR Public's API is only in us-east-1 and us-west-2); ECR PrivateLink does not support dual-stack endpoints.",
    signatures: &[
        Signature {
            anchors: &["endpoint"],
            pattern: r#"\b(?:Could not connect to the endpoint URL|Connect timeout on endpoint URL|Read timeout on endpoint URL|Connection was closed before we received a valid response from endpoint URL):?\s*"?(?P<url>https?://[^"\s]+)?"#,
            scope: Scope::NeedsEcr,
            confidence: 0.92,
            ..Signature::BASE
        },
        Signature {
            anchors: &["enotfound", "eai", "econnrefused", "etimedout"],
            pattern: r"\b(?:getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|connect (?:ECONNREFUSED|ETIMEDOUT)) \S*ecr\S*",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["dkr"],
            pattern: r#"\b(?:Get|Head|Post) "?https://[^"\s]*\.dkr\.ecr\.[^"\s]+/v2/[^"\s]*"?:\s*(?:net/http: TLS handshake timeout|context deadline exceeded|dial tcp[^\n]{0,80}?(?:i/o timeout|connection refused|no such host))|\b(?:Get|Head) "?https://[^"\s]*\.dkr\.ecr\.[^"\s]+/v2/[^"\s]*"?:\s*EOF\b"#,
            scope: Scope::Ecr,
            confidence: 0.85,
            // A precise network cause: inside an ECS or Docker wrapper, it is read first.
            ..Signature::BASE
        },
        Signature {
            anchors: &["canceled", "cancelled"],
            pattern: r"\b(?:request cancell?ed while waiting for connection|Client\.Timeout exceeded while awaiting headers)\b",
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["tcp", "tls"],
            pattern: r"\b(?:dial tcp\b.{0,120}?(?:i/o timeout|connection refused|network is unreachable|no such host)|net/http: TLS handshake timeout)",
            scope: Scope::NeedsEcr,
            confidence: 0.75,
            ..Signature::BASE
        },
        Signature {
            anchors: &["connection", "network"],
            pattern: r"\b(?:There is a connection issue between the task and Amazon ECR|The task can.t pull the image\. Check your network configuration)",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["starport"],
            // Layers come from S3: a failure on the layer bucket, whichever comes first.
            pattern: r"\bprod-[a-z0-9-]+-starport-layer-bucket\b.{0,240}?(?:AccessDenied|403 Forbidden|i/o timeout|timed out|connection (?:refused|reset)|no such host|EOF)|(?:AccessDenied|403 Forbidden|i/o timeout|timed out|connection (?:refused|reset)|no such host)\b.{0,240}?prod-[a-z0-9-]+-starport-layer-bucket\b",
            scope: Scope::Ecr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["configuration"],
            pattern: r"\berror pulling image configuration\b",
            scope: Scope::NeedsEcr,
            confidence: 0.7,
            precise: false,
            ..Signature::BASE
        },
        Signature {
            anchors: &["x509", "ssl"],
            pattern: r"\b(?:x509: certificate signed by unknown authority|SSL validation failed for \S+)",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        // The Go SDK's transport failure (`RequestError: send request failed caused by: Post
        // https://api.ecr...`), also inside ECS's ResourceInitializationError.
        Signature {
            anchors: &["requesterror"],
            pattern: r"\bRequestError: send request failed\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
        // SDK stack traces whose message is only the endpoint host (the name did not resolve),
        // or a connect timeout to it.
        Signature {
            anchors: &["execute", "unknownhostexception", "resolved", "known", "open", "resolve"],
            pattern: r"\b(?:Unable to execute HTTP request:\s*(?:Connect to \S*ecr\S*|[a-z0-9.-]*\becr[a-z0-9.-]*\.(?:amazonaws\.com(?:\.cn)?|amazonaws\.eu|api\.aws))|(?:java\.net\.)?UnknownHostException:\s*[a-z0-9.-]*\becr[a-z0-9.-]*|Received an UnknownHostException when attempting to interact with a service|The remote name could not be resolved:\s*'?[a-z0-9.-]*\becr[a-z0-9.-]*|No such host is known\.?\s*\(?[a-z0-9.-]*\becr[a-z0-9.-]*|Failed to open TCP connection to [a-z0-9.-]*\becr[a-z0-9.-]*|Failed to resolve '[a-z0-9.-]*\becr[a-z0-9.-]*'|Could not resolve host:? [a-z0-9.-]*\becr[a-z0-9.-]*)",
            scope: Scope::NeedsEcr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["ping"],
            pattern: r"\bunable to ping registry endpoint\b",
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Test the path from the failing host (expect HTTP 401 from the registry, not a timeout)",
            "curl -sS -o /dev/null -w '%{http_code}\\n' https://api.ecr.{region}.amazonaws.com/\ncurl -sS -o /dev/null -w '%{http_code}\\n' https://{registry}/v2/",
        ),
        remedy(
            "Private subnets without NAT: create the ECR and S3 VPC endpoints",
            "aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --vpc-endpoint-type Interface --service-name com.amazonaws.{region}.ecr.api --subnet-ids <subnet-ids> --security-group-ids <sg-id> --private-dns-enabled\naws ec2 create-vpc-endpoint --vpc-id <vpc-id> --vpc-endpoint-type Interface --service-name com.amazonaws.{region}.ecr.dkr --subnet-ids <subnet-ids> --security-group-ids <sg-id> --private-dns-enabled\naws ec2 create-vpc-endpoint --vpc-id <vpc-id> --vpc-endpoint-type Gateway --service-name com.amazonaws.{region}.s3 --route-table-ids <route-table-ids>",
        ),
        remedy(
            "ECS tasks: let AWS diagnose the task's network path",
            "aws ssm start-automation-execution --document-name AWSSupport-TroubleshootECSTaskFailedToStart --parameters ClusterName=<cluster>,TaskId=<task-id>",
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html",
        "https://docs.aws.amazon.com/general/latest/gr/ecr.html",
    ],
    examples: &[
        "error pulling image configuration: download failed after attempts=6: dial tcp 52.216.1.1:443: i/o timeout (https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com/...)",
        "SSL validation failed for https://api.ecr.eu-west-1.amazonaws.com/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain",
        "Connect timeout on endpoint URL: \"https://api.ecr.us-west-2.amazonaws.com/\"\nError: Cannot perform an interactive login from a non TTY device",
        "Could not connect to the endpoint URL: \"https://api.ecr.eu-west-1.amazonaws.com/\"",
        "CannotPullContainerError: Error response from daemon: Get \"https://123456789012.dkr.ecr.ap-south-1.amazonaws.com/v2/\": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)",
        "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post \"https://api.ecr.ca-central-1.amazonaws.com/\": dial tcp 10.1.2.3:443: i/o timeout",
        "com.amazonaws.SdkClientException: Unable to execute HTTP request: api.ecr.sa-east-1.amazonaws.com\n\tat com.amazonaws.http.AmazonHttpClient.execute(AmazonHttpClient.java:100)",
    ],
    near_misses: near_misses(&[
        "Could not connect to the endpoint URL: \"https://dynamodb.us-east-1.amazonaws.com/\"",
        "com.amazonaws.SdkClientException: Unable to execute HTTP request: sqs.us-east-1.amazonaws.com",
    ]),
};
