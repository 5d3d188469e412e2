//! The rules: one module each, joined to their catalogue entries in rules/rules.toml by name.
//!
//! A rule reads the model through [`Context`] and reports through [`Findings::report`], which
//! stamps the code and severity from the catalogue. Rules never check whether they are enabled.

/// `t!(cx, "key", name = value, …)`: the message `key` of this module's rule (its `RULE`) in
/// the run's language, its `{name}` placeholders filled.
macro_rules! t {
    ($cx:expr, $key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $cx.msg(RULE, $key, &[$((stringify!($name), &$value as &dyn std::fmt::Display)),*])
    };
}

mod ambiguous_table_cell;
mod dash_for_one;
mod deadline_before_start;
pub(crate) mod directive_not_cited;
mod dropped_target;
mod empty_partner_list;
#[cfg(test)]
mod examples;
mod inconsistent_deadline;
mod inconsistent_target;
mod invisible_character;
mod later_deadline;
mod lead_also_partner;
mod level_mismatch;
mod malformed_deadline;
mod malformed_unit_name;
mod missing_deadline;
mod missing_lead;
mod missing_task;
mod no_leads;
mod no_tasks;
mod numbering;
mod obsolete_agency;
mod partly_covered;
mod repeated_character;
mod repeated_phrase;
mod unaccepted_revisions;
mod unit_name_typo;
mod unit_name_variants;
mod unknown_unit;
mod unread_clause;
mod unread_table;
pub(crate) mod unused_ignore;
mod vague_lead;
mod weakened_target;
mod wrapped_lines;

use crate::align::Alignment;
use crate::data::{Catalogue, RuleData, RuleEntry, Scope, Severity};
use crate::finding::Finding;
use crate::model::{Document, Task};
use crate::source::{SourceFile, Span};
use std::collections::{BTreeMap, BTreeSet};

type RuleFn = fn(&Context, &mut Findings);

/// Every rule's code, by name. The catalogue must list exactly these names.
pub const RULES: &[(&str, RuleFn)] = &[
    (missing_lead::RULE, missing_lead::run),
    (vague_lead::RULE, vague_lead::run),
    (empty_partner_list::RULE, empty_partner_list::run),
    (missing_deadline::RULE, missing_deadline::run),
    (obsolete_agency::RULE, obsolete_agency::run),
    (unit_name_variants::RULE, unit_name_variants::run),
    (inconsistent_target::RULE, inconsistent_target::run),
    (numbering::RULE, numbering::run),
    (malformed_deadline::RULE, malformed_deadline::run),
    (ambiguous_table_cell::RULE, ambiguous_table_cell::run),
    (no_tasks::RULE, no_tasks::run),
    (unread_clause::RULE, unread_clause::run),
    (unknown_unit::RULE, unknown_unit::run),
    (malformed_unit_name::RULE, malformed_unit_name::run),
    (level_mismatch::RULE, level_mismatch::run),
    (repeated_character::RULE, repeated_character::run),
    (repeated_phrase::RULE, repeated_phrase::run),
    (inconsistent_deadline::RULE, inconsistent_deadline::run),
    (deadline_before_start::RULE, deadline_before_start::run),
    (invisible_character::RULE, invisible_character::run),
    (unaccepted_revisions::RULE, unaccepted_revisions::run),
    (no_leads::RULE, no_leads::run),
    (unread_table::RULE, unread_table::run),
    (wrapped_lines::RULE, wrapped_lines::run),
    (dash_for_one::RULE, dash_for_one::run),
    (unit_name_typo::RULE, unit_name_typo::run),
    (lead_also_partner::RULE, lead_also_partner::run),
    (missing_task::RULE, missing_task::run),
    (partly_covered::RULE, partly_covered::run),
    (directive_not_cited::RULE, directive_not_cited::run),
    (weakened_target::RULE, weakened_target::run),
    (dropped_target::RULE, dropped_target::run),
    (later_deadline::RULE, later_deadline::run),
];

/// What a rule may read.
pub struct Context<'a> {
    pub src: &'a SourceFile,
    pub doc: &'a Document,
    pub data: &'a RuleData,
    pub against: Option<Against<'a>>,
    /// Facts about the plan that several rules ask for, computed once.
    pub facts: Facts,
}

/// Facts about the checked plan that several rules read, computed on first use.
#[derive(Default)]
pub struct Facts {
    plan_level: std::sync::OnceLock<Option<crate::unit_names::Level>>,
    wrapped: std::sync::OnceLock<Option<wrapped_lines::Wrapped>>,
}

/// The directive a plan is checked against, and how their tasks were matched.
pub struct Against<'a> {
    pub src: &'a SourceFile,
    pub doc: &'a Document,
    pub alignment: &'a Alignment,
}

impl Context<'_> {
    /// The plan's own level ([`crate::unit_names::plan_level`]), computed once per plan.
    pub fn plan_level(&self) -> Option<crate::unit_names::Level> {
        *self
            .facts
            .plan_level
            .get_or_init(|| crate::unit_names::plan_level(self.doc, self.data))
    }

    /// Whether the plan is a text wrapped at one width ([`wrapped_lines`]), computed once: its
    /// lines are not its paragraphs, so what the outline shows is not the document's.
    pub fn wrapped(&self) -> Option<&wrapped_lines::Wrapped> {
        self.facts
            .wrapped
            .get_or_init(|| wrapped_lines::wrapped_source(self.src))
            .as_ref()
    }

    pub fn text(&self, span: Span) -> &str {
        self.src.slice(span)
    }

    /// The first line (or first sentence) of a task: where a finding about the whole task points.
    pub fn headline(&self, task: &Task) -> Span {
        let s = self.text(task.span);
        let end = s.find(['\n', '\r', '。']).unwrap_or(s.len());
        let end = if end == 0 { s.len() } else { end };
        Span::new(task.span.start, task.span.start + end)
    }

    /// Every unit the plan names as responsible: leads and partners of its tasks, and units in
    /// table cells that could not be given to one task. Owners read from sentence subjects
    /// are not named as a list of owners is, and are left out.
    pub fn units(&self) -> impl Iterator<Item = &crate::model::Unit> {
        self.doc
            .tasks
            .iter()
            .filter(|t| !t.owners_in_text)
            .flat_map(|t| t.leads.iter().chain(&t.partners))
            .chain(&self.doc.stray_units)
    }

    /// The message `key` of `rule` in the run's language, its `{placeholders}` filled from
    /// `args`. A message missing from the catalogue is a bug of the rule: it panics, and the
    /// catalogue test names it.
    pub fn msg(&self, rule: &str, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let template = self
            .data
            .catalogue
            .message(rule, key, self.data.lang)
            .unwrap_or_else(|| panic!("rule {rule} has no message {key}"));
        fill(template, args)
    }

    /// A date as the run's language writes it: 2023年4月初 or 2023-04 (early).
    pub fn date(&self, p: &crate::model::DatePoint) -> String {
        match self.data.lang {
            crate::data::Lang::Zh => p.display_zh(),
            crate::data::Lang::En => p.display(),
        }
    }

    /// A task's name as a reviewer writes it, from the number the parser gives it: the item
    /// as the document numbers it, a row of an attachment's table as 附件1第45项, and one of
    /// several tasks of one item (the parser's `#2`) by its place (三、（三）（第2项）).
    pub fn task(&self, number: &str) -> String {
        task_name(number, self.data.lang)
    }

    /// A rule parameter from the catalogue's `params` table.
    pub fn param_f64(&self, rule: &str, key: &str, default: f64) -> f64 {
        self.data.catalogue.param_f64(rule, key, default)
    }
}

/// The words of the measure a target names (食品抽检合格率 of 食品抽检合格率达到98%以上; 标准化食品
///加工园区 of 建成1个标准化食品加工园区, the noun after the number), or None where its words
/// name no measure: fewer than three characters (资助), or a phrase opening on 的.
pub fn measure_named(
    src: &crate::source::SourceFile,
    target: &crate::model::Target,
    data: &RuleData,
) -> Option<String> {
    let subject = src.slice(target.subject);
    let labels = &data.metrics.target;
    let words = if target.subject.start >= target.span.end {
        crate::align::noun_label(subject)
    } else {
        crate::align::measure_label(subject, &labels.label_heads, &labels.label_tails)
    };
    (words.chars().count() >= 3 && !words.starts_with('的')).then_some(words)
}

/// A value as a plan writes it: 12, not 12.0.
pub fn number_text(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// See [`Context::task`].
pub fn task_name(number: &str, lang: crate::data::Lang) -> String {
    let zh = lang == crate::data::Lang::Zh;
    let number = number.trim();
    // 第五条¶2: the second paragraph of an item read at the reviewer's grain (crate::grain).
    if let Some((item, k)) = number.rsplit_once(crate::model::PARAGRAPH) {
        let item = task_name(item, lang);
        // A directive read paragraph by paragraph has no item: ¶2 alone (crate::grain::unnumbered).
        return match (zh, item.is_empty()) {
            (true, _) => format!("{item}第{k}段"),
            (false, true) => format!("¶{k}"),
            (false, false) => format!("{item} ¶{k}"),
        };
    }
    let (base, part) = match number.rsplit_once('#') {
        Some((b, k)) if !k.is_empty() && k.chars().all(|c| c.is_ascii_digit()) => {
            (b.trim(), Some(k))
        }
        _ => (number, None),
    };
    // 附件1 45. / 附件： (7): the attachment, then the row's number. A row of a table in the
    // body (正文 2, the parser's name of the part) is the document's item 2: 第2项.
    let base = match base.split_once(' ') {
        Some((label, row)) if label.starts_with("附件") || label == crate::model::BODY_PART => {
            let label = if label == crate::model::BODY_PART {
                ""
            } else {
                label.trim_end_matches(['：', ':', '∶'])
            };
            let row = row.trim();
            let digits = row.trim_matches(|c: char| !c.is_ascii_digit());
            let bare = !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && row
                    .chars()
                    .all(|c| c.is_ascii_digit() || "().（）.．、 ".contains(c));
            match (bare, zh) {
                (true, true) => format!("{label}第{digits}项"),
                (true, false) if label.is_empty() => format!("item {digits}"),
                (true, false) => format!("{label} item {digits}"),
                (false, _) if row.is_empty() => label.to_string(),
                (false, _) if label.is_empty() => row.to_string(),
                (false, _) => format!("{label} {row}"),
            }
        }
        _ => base.to_string(),
    };
    match (part, zh) {
        (Some(k), true) => format!("{base}（第{k}项）"),
        (Some(k), false) => format!("{base} (part {k})"),
        (None, _) => base,
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => out.push_str(&v.to_string()),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The `{placeholders}` of a message template, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Collects findings, stamping identity from the catalogue.
pub struct Findings<'a> {
    entries: BTreeMap<&'a str, &'a RuleEntry>,
    severities: &'a BTreeMap<String, Severity>,
    pub items: Vec<Finding>,
}

impl<'a> Findings<'a> {
    pub fn report(&mut self, rule: &str, span: Span, message: impl Into<String>) -> &mut Finding {
        let entry = self
            .entries
            .get(rule)
            .unwrap_or_else(|| panic!("rule {rule} has no catalogue entry"));
        let severity = self.severities.get(rule).copied().unwrap_or(entry.severity);
        self.items
            .push(Finding::new(entry, severity, span, message));
        self.items.last_mut().expect("just pushed")
    }

    /// Like [`Findings::report`], at `severity` unless this run sets the rule's severity: for a
    /// rule whose weaker evidence deserves a lower severity than its catalogue default.
    pub fn report_at(
        &mut self,
        rule: &str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Finding {
        let configured = self.severities.contains_key(rule);
        let f = self.report(rule, span, message);
        if !configured {
            f.severity = severity;
        }
        f
    }
}

/// Which rules run, at which severity.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub enabled: BTreeSet<String>,
    pub severities: BTreeMap<String, Severity>,
}

/// A rule name or code that is not in the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownRule(pub String);

impl RuleSet {
    /// All rules of the catalogue, narrowed by `select` and `ignore` (names or codes; a code
    /// prefix such as `PL2` selects a family).
    pub fn new(
        catalogue: &Catalogue,
        select: &[String],
        ignore: &[String],
    ) -> Result<RuleSet, UnknownRule> {
        let resolve = |sel: &str| -> Result<Vec<String>, UnknownRule> {
            let hits: Vec<String> = catalogue
                .rule
                .iter()
                .filter(|r| {
                    r.name == sel
                        || r.code.eq_ignore_ascii_case(sel)
                        || (sel.len() >= 3
                            && r.code
                                .to_ascii_uppercase()
                                .starts_with(&sel.to_ascii_uppercase()))
                })
                .map(|r| r.name.clone())
                .collect();
            if hits.is_empty() {
                Err(UnknownRule(sel.to_string()))
            } else {
                Ok(hits)
            }
        };
        let mut enabled: BTreeSet<String> =
            if select.is_empty() || select.iter().any(|s| s == "ALL") {
                catalogue.rule.iter().map(|r| r.name.clone()).collect()
            } else {
                let mut s = BTreeSet::new();
                for sel in select {
                    s.extend(resolve(sel)?);
                }
                s
            };
        // Reports about planlint's own configuration stay on unless skipped by name.
        enabled.extend(
            catalogue
                .rule
                .iter()
                .filter(|r| r.scope == Scope::Config)
                .map(|r| r.name.clone()),
        );
        for ig in ignore {
            for name in resolve(ig)? {
                enabled.remove(&name);
            }
        }
        Ok(RuleSet {
            enabled,
            severities: BTreeMap::new(),
        })
    }

    pub fn set_severity(
        &mut self,
        catalogue: &Catalogue,
        rule: &str,
        severity: Severity,
    ) -> Result<(), UnknownRule> {
        let entry = catalogue
            .rule
            .iter()
            .find(|r| r.name == rule || r.code.eq_ignore_ascii_case(rule))
            .ok_or_else(|| UnknownRule(rule.to_string()))?;
        self.severities.insert(entry.name.clone(), severity);
        Ok(())
    }
}

/// Checks that the code's rules and the catalogue's rules are the same set.
pub fn verify_catalogue(catalogue: &Catalogue) -> Result<(), String> {
    let code: BTreeSet<&str> = RULES
        .iter()
        .map(|(n, _)| *n)
        .chain([unused_ignore::RULE])
        .collect();
    let data: BTreeSet<&str> = catalogue.rule.iter().map(|r| r.name.as_str()).collect();
    let missing: Vec<_> = code.difference(&data).collect();
    let extra: Vec<_> = data.difference(&code).collect();
    if missing.is_empty() && extra.is_empty() {
        Ok(())
    } else {
        Err(format!("rules without a catalogue entry: {missing:?}; catalogue entries without code: {extra:?}"))
    }
}

/// Runs the enabled rules and returns their findings in position order.
/// One defect, one finding: a finding of the first rule is left out where a finding of one of
/// the others covers some of the same characters and says more (an old agency name is also
/// unknown to the plan's member list; obsolete-agency names the new one).
const YIELDS: &[(&str, &[&str])] = &[("unknown-unit", &["obsolete-agency", "malformed-unit-name"])];

pub fn check(cx: &Context, set: &RuleSet) -> Vec<Finding> {
    let entries = cx
        .data
        .catalogue
        .rule
        .iter()
        .map(|r| (r.name.as_str(), r))
        .collect();
    let mut out = Findings {
        entries,
        severities: &set.severities,
        items: Vec::new(),
    };
    for (name, run) in RULES {
        let Some(entry) = out.entries.get(name) else {
            continue;
        };
        if !set.enabled.contains(*name) || (entry.scope == Scope::Directive && cx.against.is_none())
        {
            continue;
        }
        run(cx, &mut out);
    }
    let mut items = out.items;
    items.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.code, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            &b.code,
            &b.message,
        ))
    });
    items.dedup();
    let overlaps =
        |a: &Finding, b: &Finding| a.span.start < b.span.end && b.span.start < a.span.end;
    // Findings are in order of their start: a finding overlapping `f` starts before `f` ends,
    // and no earlier than the longest finding yielded to can reach back. Only those are read.
    let yielded_to = |g: &Finding| YIELDS.iter().any(|(_, to)| to.contains(&g.rule.as_ref()));
    let longest = items
        .iter()
        .filter(|g| yielded_to(g))
        .map(|g| g.span.end - g.span.start)
        .max()
        .unwrap_or(0);
    let yields = |i: usize| {
        let f = &items[i];
        YIELDS.iter().any(|(rule, to)| {
            f.rule == *rule && {
                let after = items[i + 1..]
                    .iter()
                    .take_while(|g| g.span.start < f.span.end);
                let before = items[..i]
                    .iter()
                    .rev()
                    .take_while(|g| g.span.start + longest > f.span.start);
                after
                    .chain(before)
                    .any(|g| to.contains(&g.rule.as_ref()) && overlaps(f, g))
            }
        })
    };
    let keep: Vec<bool> = (0..items.len()).map(|i| !yields(i)).collect();
    items
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect()
}

#[cfg(test)]
mod severity_tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn a_configured_severity_replaces_the_catalogues() {
        let data = RuleData::builtin();
        let plan = SourceFile::new(
            "plan.txt",
            "一、任务\n（一）加强监管。（区市场监管局负责）\n（二）开展检查。\n",
        );
        let mut set = RuleSet::new(&data.catalogue, &["missing-lead".to_string()], &[]).unwrap();
        let severities = |set: &RuleSet| -> Vec<Severity> {
            crate::batch::check_source(&plan, &data, set, None)
                .iter()
                .map(|f| f.severity)
                .collect()
        };
        assert_eq!(severities(&set), vec![Severity::Error]);
        set.set_severity(&data.catalogue, "PL101", Severity::Info)
            .unwrap();
        assert_eq!(severities(&set), vec![Severity::Info]);
        set.set_severity(&data.catalogue, "missing-lead", Severity::Warning)
            .unwrap();
        assert_eq!(severities(&set), vec![Severity::Warning]);
        assert!(set
            .set_severity(&data.catalogue, "no-such-rule", Severity::Info)
            .is_err());
    }
}

#[cfg(test)]
mod catalogue_tests {
    use super::*;

    #[test]
    fn the_catalogue_must_name_exactly_the_rules_of_the_code() {
        let data = RuleData::builtin();
        assert_eq!(verify_catalogue(&data.catalogue), Ok(()));
        // An entry without code.
        let mut extra = data.catalogue.clone();
        let mut ghost = extra.rule[0].clone();
        ghost.name = "ghost-rule".into();
        extra.rule.push(ghost);
        assert_eq!(
            verify_catalogue(&extra),
            Err("rules without a catalogue entry: []; catalogue entries without code: [\"ghost-rule\"]".into())
        );
        // A rule without an entry.
        let mut missing = data.catalogue.clone();
        missing.rule.retain(|r| r.name != "numbering");
        assert_eq!(
            verify_catalogue(&missing),
            Err("rules without a catalogue entry: [\"numbering\"]; catalogue entries without code: []".into())
        );
    }
}

#[cfg(test)]
mod task_name_tests {
    use super::task_name;
    use crate::data::Lang;

    #[test]
    fn tasks_are_named_as_the_document_numbers_them() {
        assert_eq!(task_name("三、（三）#2", Lang::Zh), "三、（三）（第2项）");
        assert_eq!(task_name("三、（三）#2", Lang::En), "三、（三） (part 2)");
        assert_eq!(task_name("附件1 45.", Lang::Zh), "附件1第45项");
        // A row of a table in the body: the document's item, not the parser's 正文 (issue 20).
        assert_eq!(task_name("正文 2", Lang::Zh), "第2项");
        assert_eq!(task_name("正文 2", Lang::En), "item 2");
        assert_eq!(task_name("正文 一、（二）", Lang::Zh), "一、（二）");
        assert_eq!(task_name("附件1 45.", Lang::En), "附件1 item 45");
        assert_eq!(task_name("附件： (7)", Lang::Zh), "附件第7项");
        assert_eq!(
            task_name("附件1 （12）#3", Lang::Zh),
            "附件1第12项（第3项）"
        );
        // A row under a section heading keeps the heading's number; a body item is as it was.
        assert_eq!(task_name("附件2 一、（二）", Lang::Zh), "附件2 一、（二）");
        assert_eq!(task_name(" 四、（一）2. ", Lang::Zh), "四、（一）2.");
        assert_eq!(task_name("第五条", Lang::En), "第五条");
        // A paragraph of an item, and one of a directive read paragraph by paragraph.
        assert_eq!(task_name("第五条¶2", Lang::En), "第五条 ¶2");
        assert_eq!(task_name("第五条¶2", Lang::Zh), "第五条第2段");
        assert_eq!(task_name("¶2", Lang::En), "¶2");
        assert_eq!(task_name("¶2", Lang::Zh), "第2段");
    }
}
