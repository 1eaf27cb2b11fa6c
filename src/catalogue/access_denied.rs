use super::*;

/// The caller's identity policies lack the action (or the message does not say who refused).
const IDENTITY_GAP: When = When::UnsetOr("deny_reason", &["identity-policy"]);
const ROLE: When = When::OneOf("principal_type", &["role", "assumed-role"]);

/// `access-denied`: IAM refused an ECR action for the calling principal.
pub const FAMILY: Family = Family {
    id: "access-denied",
    title: "Not authorized to perform an ECR action (access denied)",
    http_status: Some(403),
    stage: Stage::Api,
    umbrella: false,
    explanation: "IAM evaluated the request and refused it: the principal that made the call is not allowed to perform {action|that ECR action} on {resource|that resource}. The ECR API reports this as AccessDeniedException; Docker shows it as `denied: User: ... is not authorized`.",
    causes: "The principal has no identity policy granting the action; the profile, role or instance role in use is not the one you think; for a repository in another account, its repository policy does not name your principal; or a service control policy, resource control policy, permissions boundary, session policy or VPC endpoint policy blocks it. The end of the message says which layer refused (deny_reason). `ecr:GetAuthorizationToken` can only be granted by an identity policy, on `\"Resource\": \"*\"`.",
    signatures: &[
        // The registry's JSON error body with nothing but the code: a bare status, vague.
        Signature {
            anchors: &["errors"],
            pattern: r#"\{\s*"errors"\s*:\s*\[\s*\{\s*"code"\s*:\s*"DENIED""#,
            scope: Scope::NeedsEcr,
            confidence: 0.8,
            precise: false,
            ..Signature::BASE
        },
        Signature {
            anchors: &["authorized"],
            pattern: r"(?:\bUser\b:?\s*(?P<principal_arn>arn:aws[a-z-]*:(?:iam|sts)::(?:\[[^\]]*\]|[^:\s]*):\S+?)\s*)?is not authorized to perform:?\s*(?P<action>ecr(?:-public)?:[a-z*]+)",
            scope: Scope::Ecr,
            confidence: 0.97,
            ..Signature::BASE
        },
        Signature {
            anchors: &["accessdeniedexception", "accessdenied"],
            pattern: r"\bAccessDenied(?:Exception)?\b",
            scope: Scope::NeedsEcr,
            confidence: 0.75,
            precise: false,
            ..Signature::BASE
        },
        Signature {
            anchors: &["403"],
            pattern: r"\berror parsing HTTP 403 response body: unexpected end of JSON input",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.6,
            ..Signature::BASE
        },
        Signature {
            anchors: &["403"],
            pattern: r"\b(?:unexpected status(?: code)?|status code|failed with status)(?: from [A-Z]+ request (?:to|at))?(?:\s\S+?){0,2}:?\s*403\b",
            scope: Scope::NeedsEcr,
            confidence: 0.6,
            precise: false,
            ..Signature::BASE
        },
        Signature {
            anchors: &["requested"],
            pattern: r"\brequested access to the resource is denied\b",
            scope: Scope::NeedsEcr,
            confidence: 0.6,
            precise: false,
            ..Signature::BASE
        },
        Signature {
            anchors: &["authorized"],
            pattern: r"\bdenied: Not Authorized\b",
            scope: Scope::NeedsEcr,
            confidence: 0.75,
            ..Signature::BASE
        },
        Signature {
            anchors: &["permission"],
            pattern: r"\bdoes not have (?P<operation>[A-Z][A-Za-z]+) permission for the image\b",
            scope: Scope::Ecr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["grant"],
            pattern: r"\bdoes not grant (?P<action>ecr:[A-Za-z]+)(?:, ecr:[A-Za-z]+)* permission to \S+ service principal",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["access"],
            pattern: r"\bAccess denied for repository: (?P<repository>[a-z0-9][a-z0-9._/-]*) in registry ID: (?P<registry_id>\d+)",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["application"],
            pattern: r"\bFailed to pull your application image\. Be sure you configure your service with a valid access role to your ECR repository",
            scope: Scope::Ecr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["allows", "allow"],
            pattern: r"\bno (?:identity-based|resource-based|service control|resource control|session|VPC endpoint) polic(?:y|ies) allows? the (?P<action>ecr(?:-public)?:[a-z]+)",
            scope: Scope::Ecr,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["lambda"],
            pattern: r"\bLambda does not have permission to access the ECR image",
            scope: Scope::Ecr,
            confidence: 0.9,
            ..Signature::BASE
        },
        Signature {
            anchors: &["permission"],
            pattern: r"\bThe function does not have permission to access the specified image\b",
            scope: Scope::EcrUnlessForeign,
            confidence: 0.85,
            ..Signature::BASE
        },
        Signature {
            anchors: &["create"],
            pattern: r"\b(?:could not|couldn't|cannot|failed to|unable to) create (?:the )?(?:Amazon )?ECR repository '?(?P<repository>[a-z0-9][a-z0-9._/-]*)'?(?: in (?P<region>[a-z0-9-]+))?",
            scope: Scope::Ecr,
            confidence: 0.45,
            sets: &[("action", "ecr:CreateRepository")],
            ..Signature::BASE
        },
    ],
    remedies: &[
        remedy(
            "Confirm which identity is actually calling (compare with the ARN in the error)",
            "aws sts get-caller-identity",
        ),
        remedy_when(
            "Grant exactly the denied action on exactly that resource (identity policy)",
            "cat > allow-{action_name}.json <<'EOF'\n{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": \"{action}\",\n      \"Resource\": \"{policy_resource}\"\n    }\n  ]\n}\nEOF",
            When::UnsetOr("deny_reason", &["identity-policy"]),
        ),
        remedy_when(
            "Attach it to the role {principal_name}",
            "aws iam put-role-policy --role-name {principal_name} --policy-name allow-{action_name} --policy-document file://allow-{action_name}.json",
            When::All(&[ROLE, IDENTITY_GAP]),
        ),
        remedy_when(
            "Attach it to the user {principal_name}",
            "aws iam put-user-policy --user-name {principal_name} --policy-name allow-{action_name} --policy-document file://allow-{action_name}.json",
            When::All(&[When::Is("principal_type", "user"), IDENTITY_GAP]),
        ),
        remedy_when(
            "Or attach an AWS managed policy: PullOnly for pulls, PowerUser to push as well",
            "aws iam attach-role-policy --role-name {principal_name} --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly\n# pushing also needs: arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser",
            When::All(&[ROLE, IDENTITY_GAP]),
        ),
        remedy_when(
            "The repository policy does not allow you: add your role (not the session) to it, in the registry's account",
            "aws ecr get-repository-policy --repository-name {repository} --registry-id {registry_id} --region {region}   # keep its existing statements\naws ecr set-repository-policy --repository-name {repository} --registry-id {registry_id} --region {region} --policy-text '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowAccess\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"{role_arn}\"},\"Action\":[\"{action}\"]}]}'",
            When::OneOf("deny_reason", &["resource-policy", "explicit-deny-resource"]),
        ),
        remedy_when(
            "An explicit Deny in your own IAM policies wins over any Allow: find and narrow it",
            "aws iam list-attached-role-policies --role-name {principal_name}\naws iam list-role-policies --role-name {principal_name}",
            When::Is("deny_reason", "explicit-deny-identity"),
        ),
        remedy_when(
            "A service control policy of your AWS Organization blocks it: only the organization's administrators can change it (from the management account)",
            "aws organizations list-policies-for-target --target-id {account_id} --filter SERVICE_CONTROL_POLICY\naws organizations describe-policy --policy-id {policy_id}",
            When::Is("deny_reason", "scp"),
        ),
        remedy_when(
            "A resource control policy of your AWS Organization blocks it: ask the organization's administrators",
            "aws organizations list-policies-for-target --target-id {account_id} --filter RESOURCE_CONTROL_POLICY",
            When::Is("deny_reason", "rcp"),
        ),
        remedy_when(
            "The permissions boundary on {principal_name} does not include the action: widen the boundary",
            "aws iam get-role --role-name {principal_name} --query Role.PermissionsBoundary",
            When::Is("deny_reason", "permissions-boundary"),
        ),
        remedy_when(
            "The session policy passed when the role was assumed leaves the action out: assume the role without it, or include the action",
            "aws sts assume-role --role-arn {role_arn} --role-session-name ecr-session   # no --policy / --policy-arns",
            When::Is("deny_reason", "session-policy"),
        ),
        remedy_when(
            "The ECR VPC endpoint policy does not allow it: add the action for your principal to the endpoint policy",
            "aws ec2 describe-vpc-endpoints --region {region} --filters Name=service-name,Values=com.amazonaws.{region}.ecr.api,com.amazonaws.{region}.ecr.dkr --query 'VpcEndpoints[].[VpcEndpointId,PolicyDocument]'",
            When::Is("deny_reason", "vpc-endpoint-policy"),
        ),
        remedy_when(
            "ECR Public answers 403 even for public images when Docker holds an expired ECR Public login: log out (or log in again)",
            "docker logout public.ecr.aws",
            When::Is("registry", "public.ecr.aws"),
        ),
        remedy_when(
            "Check the result before and after the change",
            "aws iam simulate-principal-policy --policy-source-arn {role_arn} --action-names {action} --resource-arns {policy_resource}",
            When::Has("principal_arn"),
        ),
    ],
    references: &[
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/common-errors.html",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html",
    ],
    examples: &[
        "ERROR: failed to solve: failed to push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1: unexpected status from PUT request to https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/web/manifests/1: 403 Forbidden",
        "A client error (AccessDeniedException) occurred when calling the GetAuthorizationToken operation: User: arn:aws:iam::123456789012:user/username is not authorized to perform: ecr:GetAuthorizationToken on resource: *",
        "denied: User: arn:aws:sts::111122223333:assumed-role/ci/GitHubActions is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:eu-west-2:111122223333:repository/team/app because no identity-based policy allows the ecr:InitiateLayerUpload action",
        "software.amazon.awssdk.services.ecr.model.EcrException: User: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: ecr:GetAuthorizationToken on resource: * with an explicit deny in a service control policy (Service: Ecr, Status Code: 400, Request ID: 1)",
    ],
    near_misses: near_misses(&[
        "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key",
        "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
    ]),
};
