//! Reports: findings of checked files rendered for people (miette) or programs (JSON).

pub mod coverage;
pub mod github;
pub mod human;
pub mod json;
pub mod parse_view;
pub mod sarif;

use crate::data::Severity;
use crate::finding::Finding;
use crate::source::SourceFile;

/// A finding's message with the Word place it points at, for one-line formats (SARIF, GitHub).
pub fn message_with_place(src: &SourceFile, f: &Finding) -> String {
    match src.place_at(f.span.start) {
        Some(place) => format!("{} (in Word: {place})", f.message),
        None => f.message.clone(),
    }
}

/// The directive a plan was checked against: its path and its text, shared by every plan.
pub type DirectiveSource = (String, std::sync::Arc<SourceFile>);

/// The outcome of checking one input.
pub struct FileReport {
    pub path: String,
    pub outcome: Result<Checked, String>,
}

pub struct Checked {
    pub src: SourceFile,
    pub findings: Vec<Finding>,
    /// The directive it was checked against, for positions of comparative findings.
    pub directive: Option<DirectiveSource>,
    /// Findings dropped by ignore entries, disable comments or the baseline.
    pub suppressed: usize,
}

/// Counts for the closing summary.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    pub files: usize,
    pub failed_files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for r in reports {
            match &r.outcome {
                Ok(c) => {
                    s.suppressed += c.suppressed;
                    for f in &c.findings {
                        match f.severity {
                            Severity::Error => s.errors += 1,
                            Severity::Warning => s.warnings += 1,
                            Severity::Info => s.infos += 1,
                        }
                    }
                }
                Err(_) => s.failed_files += 1,
            }
        }
        s
    }

    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    pub fn line(&self) -> String {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let mut s = format!(
            "{} ({} error{}, {} warning{}, {} info) in {}",
            plural(self.findings(), "finding"),
            self.errors,
            if self.errors == 1 { "" } else { "s" },
            self.warnings,
            if self.warnings == 1 { "" } else { "s" },
            self.infos,
            plural(self.files, "file")
        );
        if self.suppressed > 0 {
            s.push_str(&format!(
                "; {} accepted by ignores or the baseline",
                plural(self.suppressed, "finding")
            ));
        }
        if self.failed_files > 0 {
            s.push_str(&format!(
                "; {} could not be read",
                plural(self.failed_files, "file")
            ));
        }
        s
    }
}
