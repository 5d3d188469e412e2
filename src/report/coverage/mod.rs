//! The reviewer's coverage matrix (`planlint report`): the directive's tasks (rows, grouped by
//! top-level section) against the plans (columns), one verdict per cell, coverage in the
//! margins. [`build`] makes the [`Matrix`]; the other modules only render it.

pub mod build;
pub mod csv;
pub mod html;
pub mod json;
mod lang;
pub mod xlsx;

pub use lang::{Lang, Word};

use crate::align::Coverage;
use crate::source::Place;

/// What a cell says, worst first: the order in which a cell's verdicts are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Missing,
    WeakerTarget,
    LaterDeadline,
    Partly,
    Covered,
    NotApplicable,
}

impl Verdict {
    pub const ALL: [Verdict; 6] = [
        Verdict::Covered,
        Verdict::Partly,
        Verdict::Missing,
        Verdict::WeakerTarget,
        Verdict::LaterDeadline,
        Verdict::NotApplicable,
    ];

    /// The stable machine name (JSON, HTML `data-verdict`, CSS classes).
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Covered => "covered",
            Verdict::Partly => "partly",
            Verdict::Missing => "missing",
            Verdict::WeakerTarget => "weaker-target",
            Verdict::LaterDeadline => "later-deadline",
            Verdict::NotApplicable => "not-applicable",
        }
    }

    /// Fill colour (RGB), light enough for black text and for printing.
    pub fn colour(self) -> u32 {
        match self {
            Verdict::Covered => 0xC6EFCE,
            Verdict::Partly => 0xFFF2B3,
            Verdict::Missing => 0xF8B4B4,
            Verdict::WeakerTarget => 0xFFCC99,
            Verdict::LaterDeadline => 0xD9C8F0,
            Verdict::NotApplicable => 0xE4E4E4,
        }
    }
}

/// The whole report.
#[derive(Debug, Clone)]
pub struct Matrix {
    pub directive: String,
    pub sections: Vec<Section>,
    pub plans: Vec<Plan>,
    /// Inputs that gave no plan: (path or argument, why).
    pub unread: Vec<(String, String)>,
}

/// A top-level section of the directive and its tasks, in directive order.
#[derive(Debug, Clone)]
pub struct Section {
    pub name: String,
    pub rows: Vec<Row>,
}

/// One directive task across the plans.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: String,
    pub number: String,
    pub line: usize,
    /// The task statement (without its number and responsibility clause).
    pub text: String,
    /// The whole task as written, number and clause included.
    pub full: String,
    /// One per plan, in column order.
    pub cells: Vec<Cell>,
}

/// How one plan carries one directive task.
#[derive(Debug, Clone)]
pub struct Cell {
    pub coverage: Coverage,
    pub score: f64,
    /// The plan tasks that carry it (indices into the plan's `tasks`); for a missing task, the
    /// nearest one, if any, is in `nearest`.
    pub carriers: Vec<usize>,
    pub nearest: Option<usize>,
    pub lacking: Vec<String>,
    /// Why the verdict is not the alignment's own (a reviewer's entry, a directive condition).
    pub reason: Option<String>,
    /// `weakened-target` and `later-deadline` findings on the plan tasks that carry it.
    pub findings: Vec<Note>,
}

/// A finding attached to a cell.
#[derive(Debug, Clone)]
pub struct Note {
    pub verdict: Verdict,
    pub rule: String,
    pub code: String,
    pub message: String,
    pub line: usize,
    pub column: usize,
    /// The plan's text the finding points at.
    pub text: String,
    /// The plan task holding it (an index into the plan's `tasks`).
    pub task: Option<usize>,
}

/// One plan (a column).
#[derive(Debug, Clone)]
pub struct Plan {
    pub path: String,
    /// A short column heading: the file name without its extension, unless two plans share it.
    pub name: String,
    /// The plan's tasks that cells refer to, by task index (others are left out of the report).
    pub tasks: std::collections::BTreeMap<usize, PlanTask>,
    /// What a reviewer must read before this plan's figures: the plan cites neither the
    /// directive's title nor its number (directive-not-cited), so the two may be siblings.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct PlanTask {
    pub id: String,
    pub number: String,
    pub line: usize,
    pub place: Option<Place>,
    pub text: String,
}

/// Counts of verdicts over some cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub covered: usize,
    pub partly: usize,
    pub missing: usize,
    pub not_applicable: usize,
    pub weaker_target: usize,
    pub later_deadline: usize,
    pub total: usize,
}

impl Tally {
    pub fn add(&mut self, c: &Cell) {
        self.total += 1;
        match c.coverage {
            Coverage::Covered => self.covered += 1,
            Coverage::Partly => self.partly += 1,
            Coverage::Missing => self.missing += 1,
            Coverage::NotApplicable => self.not_applicable += 1,
        }
        let v = c.verdicts();
        self.weaker_target += usize::from(v.contains(&Verdict::WeakerTarget));
        self.later_deadline += usize::from(v.contains(&Verdict::LaterDeadline));
    }

    /// Directive tasks carried out (covered or partly, whatever their targets and dates) or not
    /// applicable.
    pub fn matched(&self) -> usize {
        self.covered + self.partly + self.not_applicable
    }

    /// Directive tasks carried out in full, or not applicable: the headline rate counts these;
    /// a task carried only in part is shown beside it, never counted as done.
    pub fn carried(&self) -> usize {
        self.covered + self.not_applicable
    }

    /// The headline rate in percent, to one decimal (100 when there is nothing to cover):
    /// covered and not applicable tasks.
    pub fn percent(&self) -> f64 {
        self.share(self.carried())
    }

    /// Tasks carried only in part, in percent.
    pub fn partly_percent(&self) -> f64 {
        self.share(self.partly)
    }

    /// Missing tasks, in percent.
    pub fn missing_percent(&self) -> f64 {
        self.share(self.missing)
    }

    fn share(&self, n: usize) -> f64 {
        if self.total == 0 {
            if n == self.carried() {
                100.0
            } else {
                0.0
            }
        } else {
            (1000.0 * n as f64 / self.total as f64).round() / 10.0
        }
    }

    /// `48/64 (75.0%)`: the headline rate.
    pub fn show(&self) -> String {
        format!("{}/{} ({:.1}%)", self.carried(), self.total, self.percent())
    }
}

impl Cell {
    /// Everything the cell says, worst first: a missing or not-applicable task says only that;
    /// a carried task lists weaker targets and later deadlines, then `partly`; `covered` only
    /// when nothing else is to be said.
    pub fn verdicts(&self) -> Vec<Verdict> {
        match self.coverage {
            Coverage::Missing => return vec![Verdict::Missing],
            Coverage::NotApplicable => return vec![Verdict::NotApplicable],
            _ => {}
        }
        let mut v: Vec<Verdict> = self.findings.iter().map(|n| n.verdict).collect();
        if self.coverage == Coverage::Partly {
            v.push(Verdict::Partly);
        }
        v.sort();
        v.dedup();
        if v.is_empty() {
            v.push(Verdict::Covered);
        }
        v
    }

    /// The verdict that colours the cell.
    pub fn verdict(&self) -> Verdict {
        self.verdicts()[0]
    }

    /// The cell's words: its verdicts' labels joined with `; `.
    pub fn label(&self, lang: Lang) -> String {
        self.verdicts()
            .iter()
            .map(|v| v.label(lang))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl Matrix {
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.sections.iter().flat_map(|s| &s.rows)
    }

    /// Per plan, over all directive tasks.
    pub fn plan_tally(&self, plan: usize) -> Tally {
        let mut t = Tally::default();
        for r in self.rows() {
            t.add(&r.cells[plan]);
        }
        t
    }

    /// Per plan, over one section.
    pub fn section_tally(&self, section: usize, plan: usize) -> Tally {
        let mut t = Tally::default();
        for r in &self.sections[section].rows {
            t.add(&r.cells[plan]);
        }
        t
    }

    /// One section over all plans.
    pub fn section_total(&self, section: usize) -> Tally {
        let mut t = Tally::default();
        for r in &self.sections[section].rows {
            for c in &r.cells {
                t.add(c);
            }
        }
        t
    }

    /// Every cell.
    pub fn total(&self) -> Tally {
        let mut t = Tally::default();
        for c in self.rows().flat_map(|r| &r.cells) {
            t.add(c);
        }
        t
    }
}

impl Row {
    /// How many plans carry it out (or need not).
    pub fn carried(&self) -> usize {
        self.cells
            .iter()
            .filter(|c| c.coverage != Coverage::Missing)
            .count()
    }

    /// The task's number and its first `n` characters, with … when cut.
    pub fn short(&self, n: usize) -> String {
        let one: String = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let cut: String = one.chars().take(n).collect();
        let tail = if one.chars().count() > n { "…" } else { "" };
        format!("{} {cut}{tail}", self.number)
    }
}

/// Text from the documents that Excel would take for a formula (opening with `=`, `+`, `-`,
/// `@`, a tab or a carriage return: a plan file named `=HYPERLINK(…)`, a task opening with
/// `=`): the CSV writes it after an apostrophe and the workbook with a quote prefix (OWASP).
pub(crate) fn opens_as_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}
