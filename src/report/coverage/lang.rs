//! The report's own words (headings, verdict labels, notes) in Chinese and English.

use super::Verdict;

impl Verdict {
    /// The label a reviewer reads.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Verdict::Covered, Lang::En) => "covered",
            (Verdict::Partly, Lang::En) => "partly",
            (Verdict::Missing, Lang::En) => "missing",
            (Verdict::WeakerTarget, Lang::En) => "weaker target",
            (Verdict::LaterDeadline, Lang::En) => "later deadline",
            (Verdict::NotApplicable, Lang::En) => "not applicable",
            (Verdict::Covered, Lang::Zh) => "已体现",
            (Verdict::Partly, Lang::Zh) => "部分体现",
            (Verdict::Missing, Lang::Zh) => "未体现",
            (Verdict::WeakerTarget, Lang::Zh) => "目标降低",
            (Verdict::LaterDeadline, Lang::Zh) => "时限延后",
            (Verdict::NotApplicable, Lang::Zh) => "不适用",
        }
    }
}

/// The language of the report's own words (labels, headings) is the run's language; plan and
/// directive text is quoted as written.
pub use crate::data::Lang;

impl Lang {
    /// One of the report's fixed words.
    pub fn word(self, w: Word) -> &'static str {
        let (en, zh) = match w {
            Word::Title => ("Coverage of the directive's tasks", "上级文件任务落实情况"),
            Word::Directive => ("Directive", "上级文件"),
            Word::Task => ("Directive task", "上级任务"),
            Word::Section => ("Section", "部分"),
            Word::Number => ("number", "编号"),
            Word::Id => ("id", "任务代号"),
            Word::Line => ("line", "行号"),
            Word::Path => ("path", "文件路径"),
            Word::Plans => ("Plans", "下级方案"),
            Word::Carried => ("plans carrying it", "落实方案数"),
            Word::Coverage => ("coverage", "落实率"),
            Word::Legend => ("Legend", "图例"),
            Word::Unread => ("Plans that could not be read", "无法读取的方案"),
            Word::NotRead => ("not read", "无法读取"),
            Word::PlanText => ("The plans' text", "下级方案原文"),
            Word::Nearest => ("nearest plan task", "最接近的方案条目"),
            Word::Lacking => ("the plan lacks", "方案缺少"),
            Word::NoCounterpart => ("no counterpart in the plan", "方案中未见对应内容"),
            Word::Back => ("back to the matrix", "返回矩阵"),
            Word::Total => ("all plans", "全部方案"),
            Word::CoverageNote => (
                "coverage = (covered + partly + not applicable) / directive tasks; weaker target and later deadline count as carried out",
                "落实率 =（已体现 + 部分体现 + 不适用）/ 上级任务数；目标降低、时限延后的任务计为已体现",
            ),
        };
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// The report's fixed words, in [`Lang::word`].
#[derive(Debug, Clone, Copy)]
pub enum Word {
    Title,
    Directive,
    Task,
    Section,
    /// The CSV column of a task's number as the directive prints it (一、（一）1.).
    Number,
    /// The CSV column of planlint's own task id (T1), for joining with the JSON.
    Id,
    /// The CSV column of the task's line in the directive.
    Line,
    /// The xlsx column of a plan's path.
    Path,
    Plans,
    Carried,
    Coverage,
    Legend,
    Unread,
    /// A cell of a plan that could not be read (CSV and xlsx, which have no list beside).
    NotRead,
    PlanText,
    Nearest,
    Lacking,
    NoCounterpart,
    Back,
    Total,
    CoverageNote,
}
