//! The plan's own list of units: the members of its leading group, or a table of units and
//! their duties.
//!
//! ```text
//! member_list := label ws? ("：" | ":") member_line (newline member_line)*
//! label       := 成员单位 | 成员 | 组长 | 副组长 …   (spaces inside allowed: 成 员：)
//! member_line := (person? unit post?) ("、" unit post?)*   (区财政局局长 → 区财政局)
//! duty_table  := header with a unit column (部门名称) and a duty word (事权) in the header
//!                or the paragraph above it
//! ```
//! A member list ends at the first line that names no unit. Words are in rules/units.toml.

use super::lex::{bracket_groups, ends_with_any, find_any, is_space, trim};
use super::units::split_units;
use crate::blocks::Block;
use crate::data::longest_first;
use crate::data::RuleData;
use crate::model::{ListKind, MemberList, Unit};
use crate::source::Span;

/// Every list of the plan's own units, in document order.
pub fn read(text: &str, blocks: &[Block], data: &RuleData) -> Vec<MemberList> {
    let mut lists = paragraph_lists(text, blocks, data);
    lists.extend(duty_tables(text, blocks, data));
    lists.sort_by_key(|l| l.label.start);
    lists
}

/// Lines of paragraphs, with their offsets.
fn lines<'t>(text: &'t str, blocks: &[Block]) -> Vec<(usize, &'t str)> {
    let mut out = Vec::new();
    for b in blocks {
        if let Block::Paragraph(p) = b {
            let Some(s) = text.get(p.span.start..p.span.end) else {
                continue;
            };
            let mut at = p.span.start;
            for line in s.split_inclusive('\n') {
                out.push((at, line.trim_end_matches(['\n', '\r'])));
                at += line.len();
            }
        }
    }
    out
}

fn paragraph_lists(text: &str, blocks: &[Block], data: &RuleData) -> Vec<MemberList> {
    let mut out: Vec<MemberList> = Vec::new();
    let mut open = false;
    for (at, line) in lines(text, blocks) {
        if let Some((label, rest)) = label_of(line, data) {
            let (units, _) = units_of_line(rest, at + (line.len() - rest.len()), data);
            out.push(MemberList {
                kind: ListKind::Members,
                label: Span::of(line, label).shift(at),
                units,
            });
            open = true;
            continue;
        }
        if !open {
            continue;
        }
        match (units_of_line(line, at, data), out.last_mut()) {
            ((units, Shape::Members), Some(list))
                if line.chars().count() <= 80 && !line.contains('。') =>
            {
                list.units.extend(units)
            }
            _ => open = false,
        }
    }
    // Lists that named nobody (成员：as a heading with the names in a table) are no lists.
    out.retain(|l| !l.units.is_empty());
    merge_lists(out)
}

/// Lines of one leading group (组长, 副组长, 成员) are one list.
fn merge_lists(lists: Vec<MemberList>) -> Vec<MemberList> {
    let mut out: Vec<MemberList> = Vec::new();
    for l in lists {
        match out.last_mut() {
            Some(prev) if prev.kind == l.kind => prev.units.extend(l.units),
            _ => out.push(l),
        }
    }
    out
}

/// The label a line opens with (spaces inside it ignored) and the text after its colon.
fn label_of<'l>(line: &'l str, data: &RuleData) -> Option<(&'l str, &'l str)> {
    let line = trim(line);
    let colon = line
        .char_indices()
        .take(12)
        .find(|&(_, c)| matches!(c, '：' | ':' | '∶'))
        .map(|(i, _)| i)?;
    let compact: String = line[..colon].chars().filter(|&c| !is_space(c)).collect();
    data.units.members.list_labels.contains(&compact).then(|| {
        let sep = line[colon..].chars().next().map_or(1, char::len_utf8);
        (&line[..colon], &line[colon + sep..])
    })
}

/// Whether a line reads as a member line: people with posts, or units only.
#[derive(PartialEq)]
enum Shape {
    Members,
    Other,
}

/// The units a member line names: each piece with its post removed, kept when it ends like a
/// unit (a person's name does not). The line reads as a member line when a post was named or
/// every piece is a unit.
fn units_of_line(line: &str, base: usize, data: &RuleData) -> (Vec<Unit>, Shape) {
    let posts = longest_first(&data.units.members.posts);
    let suffixes = longest_first(&data.lexicon.units.suffixes);
    // Brackets hold remarks (主持政府办工作), not members.
    let mut masked = line.to_string();
    for g in bracket_groups(line).into_iter().rev() {
        masked.replace_range(g.start..g.end, &" ".repeat(g.len()));
    }
    let mut out = Vec::new();
    let (mut posted, mut others) = (false, 0);
    for unit in split_units(&masked, base, &data.lexicon) {
        // The unit stands before the first post (区财政局局长张三 → 区财政局).
        let mut name = unit.name.as_str();
        if let Some((at, _)) = find_any(name, &posts).filter(|&(at, _)| at > 0) {
            name = &name[..at];
            posted = true;
        } else if find_any(name, &posts).is_some() {
            name = "";
            posted = true;
        }
        let name = trim(name);
        let bare_suffix = suffixes.contains(&name);
        if name.chars().count() >= 2 && !bare_suffix && ends_with_any(name, &suffixes).is_some() {
            out.push(Unit {
                name: name.to_string(),
                span: Span::new(unit.span.start, unit.span.start + name.len()),
            });
        } else if !name.is_empty() {
            others += 1;
        }
    }
    let shape = if posted || (others == 0 && !out.is_empty()) {
        Shape::Members
    } else {
        Shape::Other
    };
    (out, shape)
}

/// Tables listing units with their duties (事权清单): the cells of their unit column.
fn duty_tables(text: &str, blocks: &[Block], data: &RuleData) -> Vec<MemberList> {
    let m = &data.units.members;
    let compact = |s: Span| -> String {
        text.get(s.start..s.end)
            .unwrap_or("")
            .chars()
            .filter(|&c| !is_space(c))
            .collect()
    };
    let mut out = Vec::new();
    let mut above = String::new();
    for b in blocks {
        let t = match b {
            Block::Paragraph(p) => {
                above = compact(p.span);
                continue;
            }
            Block::Table(t) => t,
        };
        let Some(header) = t.rows.first() else {
            continue;
        };
        let cells: Vec<(usize, String)> = header
            .cells
            .iter()
            .map(|c| (c.column, c.paras.iter().map(|&p| compact(p)).collect()))
            .collect();
        let duty = |s: &str| m.duty_words.iter().any(|w| s.contains(w.as_str()));
        let Some(&(column, _)) = cells
            .iter()
            .find(|(_, s)| m.unit_columns.iter().any(|w| w == s))
        else {
            continue;
        };
        if !(duty(&above) || cells.iter().any(|(_, s)| duty(s))) {
            continue;
        }
        let mut units = Vec::new();
        for row in &t.rows[1..] {
            for cell in row.cells.iter().filter(|c| c.column == column) {
                for &p in &cell.paras {
                    let s = text.get(p.start..p.end).unwrap_or("");
                    units.extend(split_units(s, p.start, &data.lexicon));
                }
            }
        }
        if !units.is_empty() {
            out.push(MemberList {
                kind: ListKind::Duties,
                label: header.span,
                units,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::parse;

    fn names(plan: &str) -> Vec<(String, Vec<String>)> {
        parse(plan)
            .member_lists
            .iter()
            .map(|l| {
                (
                    format!("{:?}", l.kind),
                    l.units.iter().map(|u| u.name.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn members_named_with_their_posts() {
        let plan = "组 长：邢 凯 区委副书记、区长\n\n成 员：区发改局局长张三、区教育局副局长李四\n刘熙臣 区委办常务副主任（主持政府办工作）\n田鑫雨 区委宣传部副部长\n张云玺 区财政局局长\n刘小洁 区矿山路街道党工委书记、宝山社区党委第一书记\n\n领导小组下设办公室，办公室设在区市场监管局，办公室主任由区市场监管局局长担任。\n";
        assert_eq!(
            names(plan),
            vec![(
                "Members".to_string(),
                [
                    "区委",
                    "区发改局",
                    "区教育局",
                    "区委办",
                    "区委宣传部",
                    "区财政局",
                    "区矿山路街道党工委",
                    "宝山社区党委"
                ]
                .map(String::from)
                .to_vec()
            )]
        );
    }

    #[test]
    fn member_units_listed() {
        let plan = "成员单位：县发改局、县教体局、县公安局和县市场监管局。\n";
        assert_eq!(
            names(plan)[0].1,
            ["县发改局", "县教体局", "县公安局", "县市场监管局"].map(String::from)
        );
    }

    #[test]
    fn units_of_a_duty_table() {
        let plan = "附件2\n平罗县食品安全监管事权清单\n序号\t部门名称\t事权清单\n1\t纪委监委\t负责调查处理。\n2\t文旅局\t负责指导。\n";
        assert_eq!(
            names(plan),
            vec![(
                "Duties".to_string(),
                vec!["纪委监委".to_string(), "文旅局".to_string()]
            )]
        );
    }

    #[test]
    fn a_table_of_units_without_duties_is_no_list() {
        let plan = "序号\t部门名称\t联系人\n1\t纪委监委\t张三\n2\t文旅局\t李四\n";
        assert!(names(plan).is_empty());
    }
}
