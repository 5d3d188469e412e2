//! A finding: one problem at one place, stamped with its rule's name, code and severity.

use crate::data::Severity;
use crate::source::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule's kebab-case name, e.g. `missing-lead`.
    pub rule: String,
    /// The rule's permanent code, e.g. `PL101`.
    pub code: String,
    pub severity: Severity,
    /// Where in the checked plan.
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
    /// Other places in the same plan that explain the finding.
    pub related: Vec<(Span, String)>,
    /// The directive task a comparative finding is about.
    pub directive: Option<DirectiveRef>,
}

/// A place in the directive (`--against`).
#[derive(Debug, Clone, PartialEq)]
pub struct DirectiveRef {
    pub span: Span,
    /// The directive task's outline number.
    pub task: String,
}

impl Finding {
    /// A finding of a catalogue rule at the severity it has in this run.
    pub fn new(
        entry: &crate::data::RuleEntry,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: entry.name.clone(),
            code: entry.code.clone(),
            severity,
            span,
            message: message.into(),
            help: None,
            related: Vec::new(),
            directive: None,
        }
    }

    pub fn help(&mut self, help: impl Into<String>) -> &mut Finding {
        self.help = Some(help.into());
        self
    }

    pub fn related(&mut self, span: Span, label: impl Into<String>) -> &mut Finding {
        self.related.push((span, label.into()));
        self
    }

    pub fn directive(&mut self, span: Span, task: impl Into<String>) -> &mut Finding {
        self.directive = Some(DirectiveRef {
            span,
            task: task.into(),
        });
        self
    }
}

/// The directive a plan was checked against: its path and its text, shared by every plan.
pub type DirectiveSource = (String, std::sync::Arc<crate::source::SourceFile>);

/// The outcome of checking one input.
pub struct FileReport {
    pub path: String,
    pub outcome: Result<Checked, String>,
    /// The configuration's own findings (unused-ignore in planlint.toml): they count among
    /// the findings and the files they are in, not among the files checked.
    pub config: bool,
}

pub struct Checked {
    pub src: crate::source::SourceFile,
    pub findings: Vec<Finding>,
    /// The directive it was checked against, for positions of comparative findings.
    pub directive: Option<DirectiveSource>,
    /// Findings dropped by ignore entries, disable comments or the baseline.
    pub suppressed: usize,
    /// The language the findings were written in (and the report's words around them).
    pub lang: crate::data::Lang,
}
