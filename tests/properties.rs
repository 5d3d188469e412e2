//! Property tests (issue #5): on generated plan-like text, every span the model and the checks
//! report lies on char boundaries inside the text, line/column agree with byte offsets, and
//! checking (also against a generated directive) and rendering never panic.

use planlint::data::RuleData;
use planlint::testing_support::check_and_render;
use proptest::prelude::*;
use std::sync::OnceLock;

fn data() -> &'static RuleData {
    static DATA: OnceLock<RuleData> = OnceLock::new();
    DATA.get_or_init(RuleData::builtin)
}

/// Pieces of real plans: numbering of every level in both bracket widths, clause markers,
/// units, targets, deadlines, table syntax, line ends of every kind, and stray bytes of
/// multi-byte characters' neighbours.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "（一）",
    "(二）",
    "（三)",
    "1.",
    "2．",
    "（1）",
    "①",
    "附件",
    "附件1",
    "加强食品安全监管",
    "落实主体责任",
    "开展专项整治",
    "。",
    "，",
    "、",
    "；",
    "：",
    "（",
    "）",
    "(",
    ")",
    "[",
    "]",
    "【",
    "】",
    "《",
    "》",
    "〔2020〕",
    "号",
    "市场监管局",
    "县农业农村局",
    "卫生健康委",
    "食品药品监管局",
    "各乡镇",
    "相关部门",
    "牵头",
    "负责",
    "配合",
    "按职责分工负责",
    "会同",
    "共同负责",
    "责任单位：",
    "牵头单位：",
    "到2022年",
    "2022年底",
    "2020年10月底完成并长期坚持",
    "2023年4月初开始，常态化推进",
    "用2—3年时间",
    "长期坚持",
    "每年",
    "合理缺项",
    "不低于4批次/千人",
    "达到80%以上",
    "由15天压缩到12天以内",
    "提高2个百分点左右",
    "每人每年至少2000元",
    "98%",
    "3家以上",
    "０",
    "１２",
    ".5",
    "\t",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\u{3000}",
    "|",
    "| --- |",
    "\n|",
    "#",
    "## ",
    "**",
    "<!-- planlint-disable -->",
    "主要任务",
    "牵头单位",
    "配合单位",
    "完成时限",
    "项目",
    "é",
    "😀",
    "\u{feff}",
    "\u{200b}",
    "\u{200e}\u{202c}",
    "\u{ad}",
    "\u{61c}",
    "\u{301}",
    "负\u{301}责",
];

fn plan_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..160).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_valid_and_rendering_never_panics(plan in plan_text()) {
        check_and_render(&plan, None, data());
    }

    #[test]
    fn spans_are_valid_against_a_directive(plan in plan_text(), directive in plan_text()) {
        check_and_render(&plan, Some(&directive), data());
    }

    #[test]
    fn any_unicode_is_handled(plan in "\\PC{0,300}") {
        check_and_render(&plan, Some(&plan), data());
    }
}

#[test]
fn seeds_keep_the_invariants_against_each_other() {
    let seeds: Vec<String> = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| crate::support::seed_text(p))
        .collect();
    for (plan, directive) in [(3, 1), (2, 0), (4, 4), (0, 3)] {
        let f = check_and_render(&seeds[plan], Some(&seeds[directive]), data());
        assert!(!f.is_empty());
    }
}

#[test]
#[should_panic(expected = "is not on char boundaries")]
fn the_invariant_check_catches_a_split_character() {
    let src = planlint::source::SourceFile::new("x.txt", "一、任务");
    planlint::testing_support::assert_span(&src, planlint::source::Span::new(0, 1), "test");
}
