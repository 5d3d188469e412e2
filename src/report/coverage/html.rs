//! The matrix as one self-contained HTML file: inline CSS, no script, no network, no web
//! fonts. Every cell names its verdict in words (colour only repeats it) and links to the
//! plan's text for that directive task further down the same file; the directive task's whole
//! text opens on click (and shows on hover). Prints on A4 landscape with the header row
//! repeated on every page.

use super::{Cell, Lang, Matrix, Plan, Row, Verdict, Word};
use std::fmt::Write;

const STYLE: &str = r#"
*{box-sizing:border-box}
body{margin:0;padding:12px 16px;font:13px/1.45 "Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC","SimSun",sans-serif;color:#111;background:#fff}
h1{font-size:18px;margin:0 0 4px}
h2{font-size:16px;margin:24px 0 8px}
h3{font-size:14px;margin:18px 0 6px}
.meta{margin:0 0 6px;color:#333}
.warning{margin:0 0 6px;padding:4px 8px;border-left:4px solid #b45309;background:#fef3c7;color:#111}
.legend{display:flex;flex-wrap:wrap;gap:6px;list-style:none;margin:6px 0;padding:0}
.sw{display:inline-block;padding:1px 6px;border:1px solid #888;border-radius:3px;white-space:nowrap}
.note{color:#444;font-size:12px;margin:2px 0 10px}
table.matrix{border-collapse:separate;border-spacing:0;font-size:12px}
.matrix th,.matrix td{border-right:1px solid #bbb;border-bottom:1px solid #bbb;padding:3px 5px;vertical-align:top}
.matrix thead th{position:sticky;top:0;z-index:2;background:#f3f3f3;border-top:1px solid #bbb;vertical-align:bottom}
.matrix th.task,.matrix th.corner,.matrix tr.section th{position:sticky;left:0;z-index:1;background:#fff;border-left:1px solid #bbb;text-align:left;font-weight:normal;min-width:20em;max-width:26em}
.matrix thead th.corner{z-index:3;background:#f3f3f3}
.matrix th.plan{min-width:6.5em;max-width:10em;font-weight:600;word-break:break-all}
.matrix tr.section th,.matrix tr.section td{background:#e8eef7;font-weight:600}
.matrix tfoot th,.matrix tfoot td{background:#f3f3f3;font-weight:600}
.matrix td.cell{text-align:center;white-space:nowrap}
.matrix td.cell a{color:#111;text-decoration:none;display:block}
.matrix td.num{text-align:right;white-space:nowrap}
summary{cursor:pointer}
summary b{font-weight:600}
.full{margin:4px 0 2px;white-space:pre-wrap}
.v-covered{background:#C6EFCE}.v-partly{background:#FFF2B3}.v-missing{background:#F8B4B4}
.v-weaker-target{background:#FFCC99}.v-later-deadline{background:#D9C8F0}.v-not-applicable{background:#E4E4E4}
dl.cells dt{margin-top:10px;font-weight:600}
dl.cells dd{margin:2px 0 0 1.5em}
dl.cells dt:target,dl.cells dt:target+dd{outline:2px solid #1a5fb4;outline-offset:2px}
blockquote{margin:4px 0;padding:4px 8px;border-left:3px solid #999;background:#fafafa;white-space:pre-wrap}
.small{color:#555;font-size:12px}
@page{size:A4 landscape;margin:10mm}
@media print{
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 body{padding:0;font-size:9pt}
 .matrix{font-size:8pt}
 .matrix thead{display:table-header-group}
 .matrix tfoot{display:table-footer-group}
 .matrix tr{break-inside:avoid}
 .matrix thead th,.matrix th.task,.matrix th.corner,.matrix tr.section th{position:static}
 .plans{break-before:page}
 a{color:inherit;text-decoration:none}
}
"#;

/// Text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Shown, not obeyed: a file name cannot show its characters in another order.
            c if crate::report::human::is_bidi_control(c) => {
                crate::report::human::push_code_point(&mut out, c)
            }
            c => out.push(c),
        }
    }
    out
}

/// An id safe in a fragment: the task id is ASCII already (T12), but be sure.
fn frag(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn first_chars(s: &str, n: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = one.chars().take(n).collect();
    if one.chars().count() > n {
        format!("{cut}…")
    } else {
        cut
    }
}

pub fn render(m: &Matrix, lang: Lang) -> String {
    let mut o = String::with_capacity(64 * 1024);
    let title = format!("{} · {}", lang.word(Word::Title), m.directive);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"planlint {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        if lang == Lang::Zh { "zh-CN" } else { "en" },
        env!("CARGO_PKG_VERSION"),
        esc(&title)
    );
    header(&mut o, m, lang);
    matrix(&mut o, m, lang);
    plans(&mut o, m, lang);
    o.push_str("</body>\n</html>\n");
    o
}

fn header(o: &mut String, m: &Matrix, lang: Lang) {
    let _ = writeln!(o, "<header>\n<h1>{}</h1>", esc(lang.word(Word::Title)));
    let (tasks, plans, total) = (m.rows().count(), m.plans.len(), m.total().show());
    let meta = match lang {
        Lang::En => format!(
            "Directive: <b>{}</b> · {tasks} directive tasks · {plans} plans · coverage {total}",
            esc(&m.directive)
        ),
        Lang::Zh => format!(
            "上级文件：<b>{}</b> · 上级任务 {tasks} 项 · 下级方案 {plans} 个 · 落实率 {total}",
            esc(&m.directive)
        ),
    };
    let _ = writeln!(o, "<p class=\"meta\">{meta}</p>");
    // A plan that may be the directive's sibling: said before any figure.
    for p in &m.plans {
        for w in &p.warnings {
            let _ = writeln!(
                o,
                "<p class=\"warning\" role=\"alert\">⚠ <b>{}</b>: {}</p>",
                esc(&p.name),
                esc(w)
            );
        }
    }
    let _ = write!(
        o,
        "<ul class=\"legend\" aria-label=\"{}\">",
        esc(lang.word(Word::Legend))
    );
    for v in Verdict::ALL {
        let _ = write!(
            o,
            "<li><span class=\"sw v-{}\">{}</span></li>",
            v.id(),
            esc(v.label(lang))
        );
    }
    o.push_str("</ul>\n");
    let _ = writeln!(
        o,
        "<p class=\"note\">{}</p>",
        esc(lang.word(Word::CoverageNote))
    );
    if !m.unread.is_empty() {
        let _ = write!(
            o,
            "<p class=\"unread\"><b>{}:</b></p><ul class=\"unread\">",
            esc(lang.word(Word::Unread))
        );
        for (p, e) in &m.unread {
            let e = crate::report::error_words::error(e, lang);
            let _ = write!(o, "<li>{}: {}</li>", esc(p), esc(&e));
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</header>\n");
}

fn matrix(o: &mut String, m: &Matrix, lang: Lang) {
    let n = m.plans.len();
    o.push_str("<table class=\"matrix\">\n<thead><tr>");
    let _ = write!(
        o,
        "<th class=\"corner\" scope=\"col\">{}</th>",
        esc(lang.word(Word::Task))
    );
    for (j, p) in m.plans.iter().enumerate() {
        let _ = write!(
            o,
            "<th class=\"plan\" scope=\"col\" data-plan=\"{j}\" title=\"{}\"><a href=\"#plan-{j}\">{}</a></th>",
            esc(&p.path),
            esc(&p.name)
        );
    }
    let _ = writeln!(
        o,
        "<th class=\"num\" scope=\"col\">{}</th></tr></thead>",
        esc(lang.word(Word::Carried))
    );
    o.push_str("<tbody>\n");
    for (s, sec) in m.sections.iter().enumerate() {
        let _ = write!(
            o,
            "<tr class=\"section\" data-section=\"{s}\"><th scope=\"rowgroup\">{}</th>",
            esc(&sec.name)
        );
        for j in 0..n {
            let t = m.section_tally(s, j);
            let _ = write!(
                o,
                "<td class=\"num\" data-plan=\"{j}\" title=\"{}\">{}/{}</td>",
                esc(&t.show()),
                t.carried(),
                t.total
            );
        }
        let _ = writeln!(
            o,
            "<td class=\"num\">{}</td></tr>",
            m.section_total(s).show()
        );
        for r in &sec.rows {
            row(o, m, r, lang);
        }
    }
    o.push_str("</tbody>\n<tfoot><tr>");
    let _ = write!(
        o,
        "<th scope=\"row\">{}</th>",
        esc(lang.word(Word::Coverage))
    );
    for j in 0..n {
        let t = m.plan_tally(j);
        let _ = write!(
            o,
            "<td class=\"num\" data-plan=\"{j}\" data-coverage=\"{}\">{}<br>{:.1}%</td>",
            t.percent(),
            format_args!("{}/{}", t.carried(), t.total),
            t.percent()
        );
    }
    let _ = writeln!(
        o,
        "<td class=\"num\">{}</td></tr></tfoot>\n</table>",
        m.total().show()
    );
}

fn row(o: &mut String, m: &Matrix, r: &Row, lang: Lang) {
    let id = frag(&r.id);
    let _ = write!(
        o,
        "<tr id=\"r-{id}\"><th class=\"task\" scope=\"row\" title=\"{}\"><details><summary><b>{}</b> {}</summary><div class=\"full\">{}</div></details></th>",
        esc(&r.full),
        esc(&r.number),
        esc(&first_chars(&r.text, 40)),
        esc(&r.full)
    );
    for (j, c) in r.cells.iter().enumerate() {
        let ids: Vec<&str> = c.verdicts().iter().map(|v| v.id()).collect();
        let _ = write!(
            o,
            "<td class=\"cell v-{}\" data-plan=\"{j}\" data-task=\"{}\" data-verdict=\"{}\" data-verdicts=\"{}\" title=\"{}\"><a href=\"#c{j}-{id}\">{}</a></td>",
            c.verdict().id(),
            esc(&r.id),
            c.verdict().id(),
            ids.join(" "),
            esc(&hover(&m.plans[j], c, lang)),
            esc(&c.label(lang))
        );
    }
    let _ = writeln!(
        o,
        "<td class=\"num\">{}/{}</td></tr>",
        r.carried(),
        r.cells.len()
    );
}

/// The cell's tooltip: the plan task(s) it points at and what the findings say.
fn hover(p: &Plan, c: &Cell, lang: Lang) -> String {
    let mut lines = vec![format!("{} · {}", p.name, c.label(lang))];
    for n in &c.findings {
        lines.push(n.message.clone());
    }
    for k in c.carriers.iter().chain(c.nearest.iter()) {
        let t = &p.tasks[k];
        lines.push(format!(
            "{} (L{}): {}",
            t.number,
            t.line,
            first_chars(&t.text, 60)
        ));
    }
    if let Some(why) = &c.reason {
        lines.push(why.clone());
    }
    lines.join("\n")
}

fn plans(o: &mut String, m: &Matrix, lang: Lang) {
    let _ = writeln!(
        o,
        "<section class=\"plans\">\n<h2>{}</h2>",
        esc(lang.word(Word::PlanText))
    );
    for (j, p) in m.plans.iter().enumerate() {
        let _ = writeln!(
            o,
            "<article class=\"plan\" id=\"plan-{j}\">\n<h3>{} <span class=\"small\">{} · {} {}</span></h3>\n<dl class=\"cells\">",
            esc(&p.name),
            esc(&p.path),
            esc(lang.word(Word::Coverage)),
            m.plan_tally(j).show()
        );
        let mut shown = std::collections::BTreeSet::new();
        for r in m.rows() {
            let c = &r.cells[j];
            let _ = write!(
                o,
                "<dt id=\"c{j}-{}\"><a href=\"#r-{}\" title=\"{}\">{}</a> <span class=\"sw v-{}\">{}</span> <span class=\"small\">{}</span></dt><dd>",
                frag(&r.id),
                frag(&r.id),
                esc(lang.word(Word::Back)),
                esc(&r.number),
                c.verdict().id(),
                esc(&c.label(lang)),
                esc(&first_chars(&r.text, 40))
            );
            detail(o, j, p, c, lang, &mut shown);
            o.push_str("</dd>\n");
        }
        o.push_str("</dl>\n</article>\n");
    }
    o.push_str("</section>\n");
}

/// What one plan says for one directive task: the findings, the reviewer's reason, what the
/// plan lacks, and the text of the plan tasks, each quoted once per plan (later cells link to
/// the first quote).
fn detail(
    o: &mut String,
    j: usize,
    p: &Plan,
    c: &Cell,
    lang: Lang,
    shown: &mut std::collections::BTreeSet<usize>,
) {
    for n in &c.findings {
        let _ = write!(
            o,
            "<p>{} {} (L{}:{}): {}</p>",
            esc(&n.code),
            esc(&n.rule),
            n.line,
            n.column,
            esc(&n.message)
        );
    }
    if let Some(why) = &c.reason {
        let _ = write!(o, "<p class=\"small\">{}</p>", esc(why));
    }
    if !c.lacking.is_empty() {
        let _ = write!(
            o,
            "<p class=\"small\">{}: {}</p>",
            esc(lang.word(Word::Lacking)),
            esc(&c.lacking.join(" · "))
        );
    }
    if c.carriers.is_empty() && c.coverage == crate::align::Coverage::Missing {
        let _ = write!(
            o,
            "<p class=\"small\">{}</p>",
            esc(lang.word(Word::NoCounterpart))
        );
    }
    // The carriers, the nearest task of a missing one, and any other task a finding is in.
    let mut quoted: Vec<(usize, bool)> = c.carriers.iter().map(|&k| (k, false)).collect();
    quoted.extend(c.nearest.iter().map(|&k| (k, true)));
    for k in c.findings.iter().filter_map(|n| n.task) {
        if !quoted.iter().any(|q| q.0 == k) {
            quoted.push((k, false));
        }
    }
    for (k, nearest) in quoted {
        let t = &p.tasks[&k];
        let place = t.place.map(|pl| format!(", {pl}")).unwrap_or_default();
        let label = if nearest {
            format!("{}: ", lang.word(Word::Nearest))
        } else {
            String::new()
        };
        let head = format!("{label}{} (L{}{place})", t.number, t.line);
        if shown.insert(k) {
            let _ = write!(
                o,
                "<blockquote id=\"p{j}-t{k}\"><span class=\"small\">{}</span>\n{}</blockquote>",
                esc(&head),
                esc(&t.text)
            );
        } else {
            let _ = write!(
                o,
                "<p class=\"small\">↑ <a href=\"#p{j}-t{k}\">{}</a></p>",
                esc(&head)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    /// Markup and bidirectional controls in a file name or a task are shown as text.
    #[test]
    fn names_are_shown_not_obeyed() {
        assert_eq!(
            super::esc("plan\u{202e}txt.md <b>&"),
            "plan\\u{202e}txt.md &lt;b&gt;&amp;"
        );
    }
}
