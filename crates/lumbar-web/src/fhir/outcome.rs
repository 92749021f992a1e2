//! `OperationOutcome` documents: how errors read under `/fhir`.
//!
//! One issue per problem; for answers, the issue's `expression` is the `linkId` (the answer
//! field) it is about. Diagnostics never repeat a value from the request.

use lumbar_core::screening::FieldProblem;
use serde_json::{Value, json};

/// One issue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// `fatal`, `error`, `warning` or `information`.
    pub severity: &'static str,
    /// The FHIR issue type (`required`, `value`, `not-found`, …).
    pub code: &'static str,
    /// What is wrong and how to fix it, in words.
    pub diagnostics: String,
    /// The `linkId` or element it is about, when there is one.
    pub expression: Option<String>,
}

/// The FHIR issue type for a screening problem code ([`FieldProblem::code`]).
pub fn issue_type(problem_code: &str) -> &'static str {
    match problem_code {
        "missing" => "required",
        "wrong_type" | "out_of_range" | "not_allowed" => "value",
        "inconsistent" => "business-rule",
        "unknown_field" | "invalid_json" | "not_an_object" => "structure",
        _ => "invalid",
    }
}

/// The issue for one problem with the answers (`expression` = the `linkId`).
pub fn answer_issue(p: &FieldProblem) -> Issue {
    Issue {
        severity: "error",
        code: issue_type(p.code),
        diagnostics: format!("{}: {}", p.field, p.problem),
        expression: (p.field != "$").then(|| p.field.clone()),
    }
}

/// The `OperationOutcome` resource.
pub fn operation_outcome(issues: &[Issue]) -> Value {
    let issues: Vec<Value> = issues
        .iter()
        .map(|i| {
            let mut v = json!({ "severity": i.severity, "code": i.code, "diagnostics": i.diagnostics });
            if let Some(e) = &i.expression {
                v["expression"] = json!([e]);
            }
            v
        })
        .collect();
    json!({ "resourceType": "OperationOutcome", "issue": issues })
}
