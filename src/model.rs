//! The task model a plan is parsed into. Every node carries byte spans into the decoded text.

use crate::data::Bound;
use crate::source::Span;
use serde::Serialize;

/// Where a task was written: running text or a task table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Body,
    Table,
}

/// The numbering styles of the outline, from the top level down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberStyle {
    /// 一、
    Chapter,
    /// （一） or (一)
    Section,
    /// 1. 1． 1、
    Item,
    /// （1） or (1)
    SubItem,
    /// ①
    Circled,
}

impl NumberStyle {
    pub fn rank(self) -> u8 {
        self as u8 + 1
    }
}

/// A heading number as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Numbering {
    pub style: NumberStyle,
    pub value: u32,
    /// The number with its brackets or punctuation, e.g. `（二）` or `1.`.
    pub span: Span,
    /// A bracket pair of mixed widths, such as `(二）`.
    pub mixed_brackets: bool,
    /// Punctuation missing or wrong, such as `36县级…` or `—、`.
    pub malformed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub numbering: Numbering,
    /// The heading's title, without its number.
    pub title: Span,
    /// The whole line the heading stands on.
    pub line: Span,
    pub parent: Option<usize>,
    pub origin: Origin,
    pub part: usize,
}

/// A part of the document: the main text or an attachment (附件).
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub span: Span,
    pub label: String,
}

/// A responsible unit as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub name: String,
    pub span: Span,
}

/// A point in time at the precision the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DatePoint {
    pub year: i32,
    pub month: Option<u32>,
    /// 0 early (初/上旬), 1 middle (中旬), 2 late (下旬), 3 end (底/末); none: the whole month or year.
    pub part: Option<u8>,
}

impl DatePoint {
    /// An ordering key for a deadline that ends at this point: the last moment it covers.
    pub fn end_key(&self) -> (i32, u32, u8) {
        (self.year, self.month.unwrap_or(12), self.part.unwrap_or(3))
    }

    /// An ordering key for a start at this point: the first moment it covers.
    pub fn start_key(&self) -> (i32, u32, u8) {
        (self.year, self.month.unwrap_or(1), self.part.unwrap_or(0))
    }

    /// `2022`, `2020-10`, or `2020-10 (end)`.
    pub fn display(&self) -> String {
        let part = match self.part {
            Some(0) => " (early)",
            Some(1) => " (middle)",
            Some(2) => " (late)",
            Some(3) => " (end)",
            _ => "",
        };
        match self.month {
            Some(m) => format!("{}-{:02}{}", self.year, m, part),
            None => format!("{}{}", self.year, part),
        }
    }
}

/// What a deadline says, normalised.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct When {
    pub start: Option<DatePoint>,
    pub end: Option<DatePoint>,
    /// 长期坚持, 常态化推进: the work goes on after the date.
    pub ongoing: bool,
    /// 每年12月初: a date repeating every year.
    pub recurring: bool,
    /// 用2—3年时间: a duration in years, from the plan's date.
    pub duration_years: Option<(u32, u32)>,
    /// 合理缺项: the item does not apply.
    pub not_applicable: bool,
}

impl When {
    pub fn is_empty(&self) -> bool {
        self.start.is_none()
            && self.end.is_none()
            && !self.ongoing
            && !self.recurring
            && self.duration_years.is_none()
            && !self.not_applicable
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    pub span: Span,
    /// The deadline text, with line breaks inside a table cell removed.
    pub text: String,
    pub when: When,
    /// Text in the deadline that is not part of any date or period (`…长期坚持底`).
    pub leftover: Option<Span>,
    /// The id of the task whose merged 完成时限 cell this one continues.
    pub inherited_from: Option<String>,
}

/// A quantitative promise: a number with its unit, comparator and subject.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub span: Span,
    pub subject: Span,
    /// The measure named in the subject (知晓率, 合格率…), when the lexicon knows it.
    pub metric: Option<String>,
    pub value: f64,
    /// The upper end of a range such as 2—3名.
    pub value_max: Option<f64>,
    pub unit: String,
    pub bound: Bound,
    /// A year given in the same sentence (到2023年…).
    pub year: Option<DatePoint>,
    /// 每年, 年度…: the target repeats, so it needs no year of its own.
    pub periodic: bool,
    /// The index of the task it belongs to, if any.
    pub task: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub id: String,
    /// Where it sits in the outline, e.g. `五（三）#2` or `表1-29`.
    pub number: String,
    pub origin: Origin,
    /// The whole task, its responsibility clause included.
    pub span: Span,
    /// The task statement without its clause.
    pub text: Span,
    /// The innermost heading it stands under.
    pub heading: Option<usize>,
    pub leads: Vec<Unit>,
    pub partners: Vec<Unit>,
    /// The responsibility clause or lead cell.
    pub clause: Option<Span>,
    /// A partner marker with no unit before it (`；配合）`).
    pub empty_partner_list: Option<Span>,
    pub deadline: Option<Deadline>,
    pub targets: Vec<usize>,
    /// 合理缺项: the whole item does not apply.
    pub not_applicable: bool,
    /// The item states a condition (否决项), not work to do.
    pub condition: bool,
    /// Why its leads or deadline could not be told from a packed table cell.
    pub ambiguous: Option<String>,
    /// The item number as written in a table (for numbering checks).
    pub item_number: Option<Numbering>,
}

/// What the document says about itself.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facts {
    pub title: Option<Span>,
    /// The document's own number, e.g. 白府发〔2023〕40号.
    pub doc_number: Option<Span>,
    /// The issuing date, e.g. 2022年2月19日.
    pub date: Option<Span>,
    pub cited: Vec<Citation>,
    /// The year of an annual plan (2018年…重点工作安排).
    pub annual_year: Option<i32>,
    /// The plan's year and how it was found.
    pub year: Option<(i32, YearSource)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum YearSource {
    Date,
    DocNumber,
    Title,
    /// No date: the year of the newest document it cites, a lower bound.
    Citations,
}

#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    pub title: Span,
    pub number: Option<Span>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Document {
    pub facts: Facts,
    pub parts: Vec<Part>,
    pub headings: Vec<Heading>,
    pub tasks: Vec<Task>,
    pub targets: Vec<Target>,
    /// Units in table cells that belong to no item (rows of a converted table out of step).
    pub stray_units: Vec<Unit>,
}

impl Document {
    /// The chain of headings above a task or heading, outermost first.
    pub fn heading_path(&self, mut heading: Option<usize>) -> Vec<usize> {
        let mut path = Vec::new();
        while let Some(h) = heading {
            path.push(h);
            heading = self.headings.get(h).and_then(|x| x.parent);
        }
        path.reverse();
        path
    }

    pub fn is_annual(&self) -> bool {
        self.facts.annual_year.is_some()
    }
}
