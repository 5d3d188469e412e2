//! The task model a plan is parsed into. Every node carries byte spans into the decoded text.

use crate::data::Bound;
use crate::source::{SourceFile, Span};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
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
    /// 第一章 (a regulation's or 办法's chapter; 编 too)
    Part,
    /// 第一节 (a section of a chapter)
    Division,
    /// 第一条 (an article: the unit a regulation assigns duties by)
    Article,
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

/// A part of a month or of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MonthPart {
    /// 初, 上旬
    Early,
    /// 中, 中旬
    Middle,
    /// 下旬
    Late,
    /// 底, 末 (of the month, or of the year when no month is given)
    End,
    /// 上半年
    FirstHalf,
    /// 下半年
    SecondHalf,
    /// 第一季度 … 第四季度
    Quarter(u8),
}

/// A point in time at the precision the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DatePoint {
    /// None for a month written without its year (6月底完成), which is the plan's year, and for
    /// a date repeating every year (每年12月初).
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub part: Option<MonthPart>,
}

impl DatePoint {
    /// The first and last (month, tenth of month) this point covers within its year.
    fn months(&self) -> ((u32, u8), (u32, u8)) {
        let tenth = |p: Option<MonthPart>, day: Option<u32>| -> (u8, u8) {
            match (p, day) {
                (_, Some(d)) => {
                    let t = ((d.saturating_sub(1)) / 10).min(2) as u8;
                    (t, t)
                }
                (Some(MonthPart::Early), _) => (0, 0),
                (Some(MonthPart::Middle), _) => (1, 1),
                (Some(MonthPart::Late), _) | (Some(MonthPart::End), _) => (2, 3),
                _ => (0, 3),
            }
        };
        match (self.month, self.part) {
            (Some(m), p) => {
                let (a, b) = tenth(p, self.day);
                ((m, a), (m, b))
            }
            (None, Some(MonthPart::FirstHalf)) => ((1, 0), (6, 3)),
            (None, Some(MonthPart::SecondHalf)) => ((7, 0), (12, 3)),
            (None, Some(MonthPart::Quarter(q))) => {
                let q = u32::from(q.clamp(1, 4));
                ((3 * q - 2, 0), (3 * q, 3))
            }
            (None, Some(MonthPart::End)) => ((10, 0), (12, 3)),
            (None, Some(MonthPart::Early)) => ((1, 0), (3, 3)),
            (None, Some(MonthPart::Middle)) | (None, Some(MonthPart::Late)) => ((4, 0), (9, 3)),
            (None, None) => ((1, 0), (12, 3)),
        }
    }

    /// This point with `year` filled in when the text gave none.
    pub fn in_year(&self, year: Option<i32>) -> DatePoint {
        DatePoint {
            year: self.year.or(year),
            ..*self
        }
    }

    /// An ordering key for a deadline that ends at this point: the last moment it covers.
    /// None without a year.
    pub fn end_key(&self) -> Option<(i32, u32, u8)> {
        let (_, (m, t)) = self.months();
        Some((self.year?, m, t))
    }

    /// An ordering key for a start at this point: the first moment it covers.
    pub fn start_key(&self) -> Option<(i32, u32, u8)> {
        let ((m, t), _) = self.months();
        Some((self.year?, m, t))
    }

    /// The point as a Chinese document writes it: 2022年, 2020年10月底, 2019年上半年, 6月底.
    pub fn display_zh(&self) -> String {
        let part = match self.part {
            Some(MonthPart::Early) => "初",
            Some(MonthPart::Middle) => "中旬",
            Some(MonthPart::Late) => "下旬",
            Some(MonthPart::End) => "底",
            Some(MonthPart::FirstHalf) => "上半年",
            Some(MonthPart::SecondHalf) => "下半年",
            Some(MonthPart::Quarter(1)) => "第一季度",
            Some(MonthPart::Quarter(2)) => "第二季度",
            Some(MonthPart::Quarter(3)) => "第三季度",
            Some(MonthPart::Quarter(_)) => "第四季度",
            None => "",
        };
        let year = self.year.map_or("每年".to_string(), |y| format!("{y}年"));
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{year}{m}月{d}日"),
            (Some(m), None) => format!("{year}{m}月{part}"),
            (None, _) => format!("{year}{part}"),
        }
    }

    /// `2022`, `2020-10`, `2020-10 (end)`, `2019 (first half)`, `06 (end)` without a year.
    pub fn display(&self) -> String {
        let part = match self.part {
            Some(MonthPart::Early) => " (early)",
            Some(MonthPart::Middle) => " (middle)",
            Some(MonthPart::Late) => " (late)",
            Some(MonthPart::End) => " (end)",
            Some(MonthPart::FirstHalf) => " (first half)",
            Some(MonthPart::SecondHalf) => " (second half)",
            Some(MonthPart::Quarter(1)) => " (Q1)",
            Some(MonthPart::Quarter(2)) => " (Q2)",
            Some(MonthPart::Quarter(3)) => " (Q3)",
            Some(MonthPart::Quarter(_)) => " (Q4)",
            None => "",
        };
        let year = self.year.map(|y| y.to_string());
        match (year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y}-{m:02}{part}"),
            (Some(y), None, _) => format!("{y}{part}"),
            (None, Some(m), Some(d)) => format!("{m:02}-{d:02}"),
            (None, Some(m), None) => format!("{m:02}{part}"),
            (None, None, _) => format!("year{part}"),
        }
    }
}

/// A period counted from the plan's issue (本意见印发之日起30日内).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relative {
    pub count: u32,
    /// 日, 天, 个月 or 个工作日.
    pub unit: String,
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
    /// 本意见印发之日起30日内: a period from the plan's issue.
    pub relative: Option<Relative>,
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
            && self.relative.is_none()
            && !self.not_applicable
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deadline {
    pub span: Span,
    /// The deadline text, with line breaks inside a table cell removed.
    pub text: String,
    pub when: When,
    /// Text in the deadline that is not part of any date or period (`…长期坚持底`).
    pub leftover: Option<Span>,
    /// The index (into [`Document::tasks`]) of the task whose merged 完成时限 cell this one
    /// continues.
    pub inherited_from: Option<usize>,
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
    /// Its comparator names a change to reach (提高到, 压缩到), not a standing limit.
    pub change: bool,
    /// A year given in the same sentence (到2023年…).
    pub year: Option<DatePoint>,
    /// 每年, 年度…: the target repeats, so it needs no year of its own.
    pub periodic: bool,
    /// Its place in a list of targets for listed subjects (A、B分别达到65%和55%): each is a
    /// measure of its own.
    pub respectively: Option<u8>,
    /// The sentence reports the past (现状: 2018年…已达到…), so it promises nothing.
    pub status: bool,
    /// A count a verb promises (建成10个, 培育千家): a result to deliver.
    pub promised: bool,
    /// A ceiling a rule allows per case (最高50万元, 可提高至35%): no result promised.
    pub allowance: bool,
    /// Its sentence first names, by a figure, the case it applies to (建筑面积五万平方米以下的住宅区，
    /// 健身用房不少于二百五十平方米): one tier of a graded standard.
    pub tiered: bool,
    /// A standing share, quota or weight (按不低于5%的比例预留, 预留30%的号源): held always,
    /// not a result to reach by a date.
    pub standing: bool,
    /// The index of the task it belongs to, if any.
    pub task: Option<usize>,
}

/// The label of a document's body, the part before its first 附件 ([`Part::label`]); a row of
/// a table in it is numbered `正文 2`, shown to a reviewer as 第2项 ([`crate::rules::task_name`]).
pub const BODY_PART: &str = "正文";

/// What separates an item's number from its paragraph's (`第五条¶2`); shown to a reviewer as
/// 第五条第2段 ([`crate::rules::task_name`]).
pub const PARAGRAPH: char = '¶';

/// The number of an item's `k`-th paragraph read as a task of its own.
pub fn paragraph_number(number: &str, k: usize) -> String {
    format!("{number}{PARAGRAPH}{k}")
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
    /// The item speaks of the document itself (十二、上述措施适用于…。本措施解释权由…负责，有效期为…):
    /// its scope, term or who explains it. Kept as a task, since a plan carries its directive's,
    /// but it owes no lead and no deadline.
    #[serde(skip)]
    pub about_document: bool,
    /// The item sets up the group that carries the work and names its members (建立工作专班。
    /// 由…任组长，…为成员): the group owns it, no lead is owed.
    #[serde(skip)]
    pub sets_up_group: bool,
    /// A sentence gives the work to a unit after 由 (评审通过的，由市领导小组办公室进行公示) in
    /// words no clause reader takes for a lead: the item names its owner, no lead is owed.
    #[serde(skip)]
    pub owner_after_you: bool,
    /// Items packed into one table cell whose lead or deadline groups do not match them one to
    /// one, so which belongs to which cannot be told.
    pub packed: Option<Packed>,
    /// The item number as written in a table (for numbering checks).
    pub item_number: Option<Numbering>,
    /// The table it is a row of (1-based, in document order).
    pub table: Option<usize>,
    /// Its leads were read from its sentences' subjects (`市民政部门应当…`), not from a clause
    /// or a lead cell: the text names them in passing, so their names are not judged.
    pub owners_in_text: bool,
    /// It has leads and every one is a catch-all (有关部门, 各成员单位).
    #[serde(skip)]
    pub vague_leads: bool,
    /// The yearly dates its statement names (每年12月初), with their spans.
    #[serde(skip)]
    pub recurring: Vec<(Span, DatePoint)>,
    /// A paragraph of a directive item read at the reviewer's grain ([`crate::grain`]): the
    /// item's whole statement, which decides what kind of provision each paragraph is.
    #[serde(skip)]
    pub item_text: Option<Span>,
}

/// Several items packed into one table cell (PDF conversions), with the groups of leads and
/// deadlines found beside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Packed {
    pub items: usize,
    pub lead_groups: usize,
    pub deadline_groups: usize,
}

/// Which kind of list of the plan's own units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListKind {
    /// The members of a leading group (成员：…, 成员单位：…): who takes part in the plan.
    Members,
    /// A table of units and their duties (事权清单): units the plan knows, not all it names.
    Duties,
}

/// A note assigning every later task at once (以下均由市州、县市区人民政府负责落实，不再列出).
#[derive(Debug, Clone, Serialize)]
pub struct StandingOwners {
    pub note: Span,
    pub units: Vec<Unit>,
}

/// A list of the plan's own units.
#[derive(Debug, Clone, Serialize)]
pub struct MemberList {
    pub kind: ListKind,
    /// The label (成员) or the table's header row.
    pub label: Span,
    pub units: Vec<Unit>,
}

/// A date in the plan's schedule: a stage's time (时间安排：2023年4月初开始) and where it starts.
#[derive(Debug, Clone, Serialize)]
pub struct Scheduled {
    /// The date as written.
    pub span: Span,
    /// The first moment the statement names.
    pub start: DatePoint,
    /// The stage heading it stands under (…阶段), if any.
    pub stage: Option<usize>,
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
    /// The span of years a title names (…行动方案（2023—2025年）): its targets are for its end.
    pub period: Option<(i32, i32)>,
    /// The sentence saying how long the plan's measures hold (有效期至2023年12月31日, 有效期3年):
    /// its undated targets are for that term.
    pub validity: Option<Span>,
    /// The plan's year and how it was found.
    pub year: Option<(i32, YearSource)>,
    /// The issuing date read as a date (its span within `date`).
    #[serde(skip)]
    pub issued: Option<(Span, DatePoint)>,
    /// The first place the plan shows that it names owners in a form of its own: an owner cue
    /// (rules/lexicon.toml `owner_cues`) standing as a label (责任单位：), a line of its own (a
    /// table header cell) or a numbered title (二、职责分工).
    #[serde(skip)]
    pub owner_cue: Option<Span>,
    /// Whether the plan owes its tasks owners: its title names a plan or a list of measures
    /// (`owner_genres`), it is not issued at the national level (`national_titles`,
    /// `national_numbers`) and not addressed to banks, insurers or enterprises
    /// (`market_addressees`).
    #[serde(skip)]
    pub owes_owners: bool,
    /// The first of at least two marks that the text reports on a document rather than being
    /// it (记者…获悉, 《通知》要求, 文件提出: rules/lexicon.toml `report_markers`, `report_verbs`).
    #[serde(skip)]
    pub report_mark: Option<Span>,
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
    /// Bracket groups with a role word or label that could not be read whole: the text left
    /// unread (the rest of the clause was read).
    pub unread_clauses: Vec<Span>,
    /// Notes in a clause that assign every task after them (以下均需各区政府落实，不再列出): the
    /// note and the units it names. Read as the plan's standing owners, not as any one task's.
    pub standing_owners: Vec<StandingOwners>,
    /// Where the document declares that the first unit of every clause leads (列第一位者为牵头单位).
    pub first_listed_lead: Option<Span>,
    /// Where the document declares that in a lead label's list the units before the first comma
    /// lead and the rest are partners (逗号前面的为牵头单位).
    pub before_comma_lead: Option<Span>,
    /// What the reader saw, for `parse` and the `no-tasks` finding.
    pub census: Census,
    /// The task tables, by [`Task::table`] (1-based).
    pub tables: Vec<TaskTable>,
    /// The plan's own lists of units (members of its leading group, a duty table).
    pub member_lists: Vec<MemberList>,
    /// The dates of the plan's schedule, in document order.
    pub schedule: Vec<Scheduled>,
    /// Every duration the text states (用2—3年时间), with its years.
    #[serde(skip)]
    pub durations: Vec<(Span, (u32, u32))>,
    /// The stretches from one heading to the next (and the text before the first) that name a
    /// date, in order.
    #[serde(skip)]
    pub dated_blocks: Vec<Span>,
    /// Outline numbers a copy ran into the middle of a line (…自动封存。2.灵活就业人员…): not
    /// headings, but an item the numbering would otherwise miss. In document order.
    #[serde(skip)]
    pub run_in_numbers: Vec<Numbering>,
}

impl Document {
    /// Every span of the model through `f` (the parser read a compacted copy of the text:
    /// [`crate::compact`]).
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        let opt = |s: &mut Option<Span>| {
            if let Some(x) = s {
                *x = f(*x);
            }
        };
        let units = |us: &mut Vec<Unit>| us.iter_mut().for_each(|u| u.span = f(u.span));
        opt(&mut self.facts.title);
        opt(&mut self.facts.doc_number);
        opt(&mut self.facts.date);
        opt(&mut self.facts.owner_cue);
        opt(&mut self.facts.report_mark);
        for t in &mut self.tables {
            opt(&mut t.header);
        }
        if let Some((s, _)) = &mut self.facts.issued {
            *s = f(*s);
        }
        for c in &mut self.facts.cited {
            c.title = f(c.title);
            opt(&mut c.number);
        }
        for p in &mut self.parts {
            p.span = f(p.span);
        }
        for h in &mut self.headings {
            h.numbering.span = f(h.numbering.span);
            h.title = f(h.title);
            h.line = f(h.line);
        }
        for (s, _) in &mut self.durations {
            *s = f(*s);
        }
        for s in &mut self.dated_blocks {
            *s = f(*s);
        }
        for n in &mut self.run_in_numbers {
            n.span = f(n.span);
        }
        for t in &mut self.tasks {
            t.span = f(t.span);
            t.text = f(t.text);
            for (s, _) in &mut t.recurring {
                *s = f(*s);
            }
            units(&mut t.leads);
            units(&mut t.partners);
            opt(&mut t.clause);
            opt(&mut t.empty_partner_list);
            if let Some(d) = &mut t.deadline {
                d.span = f(d.span);
                opt(&mut d.leftover);
            }
            if let Some(n) = &mut t.item_number {
                n.span = f(n.span);
            }
        }
        for t in &mut self.targets {
            t.span = f(t.span);
            t.subject = f(t.subject);
        }
        units(&mut self.stray_units);
        for s in &mut self.unread_clauses {
            *s = f(*s);
        }
        for s in &mut self.standing_owners {
            s.note = f(s.note);
            units(&mut s.units);
        }
        opt(&mut self.first_listed_lead);
        opt(&mut self.before_comma_lead);
        for l in &mut self.member_lists {
            l.label = f(l.label);
            units(&mut l.units);
        }
        for s in &mut self.schedule {
            s.span = f(s.span);
        }
    }
}

/// What a task table's header promises for every row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TaskTable {
    /// Its header names a lead column (牵头单位, 责任部门…).
    pub lead_column: bool,
    /// Its header names a deadline column (完成时限, 时间节点…).
    pub deadline_column: bool,
    /// Its header names a task column (重点任务, 工作内容…).
    #[serde(skip)]
    pub task_column: bool,
    /// Its header row, when it has one.
    #[serde(skip)]
    pub header: Option<Span>,
    /// The rows below its header.
    #[serde(skip)]
    pub rows: usize,
    /// The tasks read from its rows (`parse` shows them beside `rows`; none is `unread-table`).
    #[serde(skip)]
    pub tasks: usize,
    /// How many of its cells' paragraphs close on a responsibility clause (`…。（市商务局牵头）`),
    /// and the first, counted in a table whose columns were not read as tasks: owners written
    /// in a table left unread.
    #[serde(skip)]
    pub clauses: usize,
    #[serde(skip)]
    pub first_clause: Option<Span>,
}

/// What a plan's text holds, counted whether or not tasks were found in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Census {
    pub paragraphs: usize,
    pub tables: usize,
    pub table_rows: usize,
    pub headings: usize,
    /// Bracket groups (…) of any kind.
    pub bracket_groups: usize,
    /// Bracket groups read as responsibility clauses.
    pub clauses: usize,
}

impl Document {
    /// The table a task is a row of.
    pub fn table_of(&self, task: &Task) -> Option<&TaskTable> {
        task.table.and_then(|k| self.tables.get(k.checked_sub(1)?))
    }

    /// The headings whose own text holds a responsibility clause.
    pub fn headings_with_own_clauses(&self) -> HashSet<usize> {
        self.tasks
            .iter()
            .filter(|t| t.clause.is_some())
            .filter_map(|t| t.heading)
            .collect()
    }

    /// The headings that carry a responsibility clause: a task with a clause stands under
    /// them (or in their own text).
    pub fn headings_with_clauses(&self) -> HashSet<usize> {
        let mut carries = HashSet::default();
        for t in self.tasks.iter().filter(|t| t.clause.is_some()) {
            let mut h = t.heading;
            while let Some(x) = h {
                if !carries.insert(x) {
                    break; // its ancestors are in already
                }
                h = self.headings.get(x).and_then(|y| y.parent);
            }
        }
        carries
    }

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

/// Sibling headings counted once for a whole outline: those under one parent, of one
/// numbering style, in one part and one origin; and how many of them carry clauses in their
/// own text (a chapter whose items carry clauses is a container, not an item with a clause).
/// Asking about a heading is then a lookup, so a plan with thousands of headings stays linear.
pub struct Siblings {
    groups: HashMap<SiblingKey, (usize, usize)>,
}

/// Part, origin, parent and numbering style: what sibling headings share.
type SiblingKey = (usize, Origin, Option<usize>, NumberStyle);

impl Siblings {
    pub fn new(headings: &[Heading], carries: &HashSet<usize>) -> Siblings {
        let mut groups: HashMap<_, (usize, usize)> = HashMap::default();
        for (k, h) in headings.iter().enumerate() {
            let g = groups
                .entry((h.part, h.origin, h.parent, h.numbering.style))
                .or_default();
            g.0 += 1;
            g.1 += usize::from(carries.contains(&k));
        }
        Siblings { groups }
    }

    /// At least half of the heading's siblings (itself left out) carry clauses: the level
    /// assigns responsibility, so an item of it without a clause lost one.
    pub fn carry_clauses(&self, headings: &[Heading], h: usize, carries: &HashSet<usize>) -> bool {
        let Some(me) = headings.get(h) else {
            return false;
        };
        let (all, with) = self
            .groups
            .get(&(me.part, me.origin, me.parent, me.numbering.style))
            .copied()
            .unwrap_or_default();
        let own = usize::from(carries.contains(&h));
        let (all, with) = (all.saturating_sub(1), with.saturating_sub(own));
        with > 0 && with * 2 >= all
    }
}

/// The top-level section directive task `k` stands in (its first heading's number and title),
/// for coverage by section.
pub fn section_of(src: &SourceFile, doc: &Document, k: usize) -> String {
    match doc.heading_path(doc.tasks[k].heading).first() {
        Some(&h) => format!(
            "{}{}",
            src.slice(doc.headings[h].numbering.span),
            src.slice(doc.headings[h].title)
        ),
        None => "(no section)".to_string(),
    }
}
