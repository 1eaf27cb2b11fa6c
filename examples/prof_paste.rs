fn main() {
    let mut s = String::from(
        "Run aws ecr get-login-password --region eu-west-2 | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-2.amazonaws.com\n\
         Login Succeeded\n\
         #12 [build 5/7] RUN make\n",
    );
    while s.len() < 1700 {
        s.push_str("#12 0.532 compiling module ... done\n");
    }
    s.push_str("denied: User: arn:aws:sts::111122223333:assumed-role/ci/GitHubActions is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:eu-west-2:111122223333:repository/team/app because no identity-based policy allows the ecr:InitiateLayerUpload action\n");
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20000);
    for _ in 0..runs {
        std::hint::black_box(ecr_explain::explain(std::hint::black_box(&s)));
    }
}
