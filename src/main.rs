fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = planlint::data::RuleData::builtin();
    let bytes = std::fs::read(&args[1]).unwrap();
    let src = planlint::source::SourceFile::from_bytes(&args[1], &bytes, None).unwrap();
    let doc = planlint::parse::parse_document(&src, &data);
    for t in &doc.tasks {
        let p = src.position(t.span);
        println!(
            "{} {} L{}-{} leads={:?} partners={:?} dl={:?} targets={} amb={:?} cond={}",
            t.id,
            t.number,
            p.line,
            p.end_line,
            t.leads.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(),
            t.partners
                .iter()
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>(),
            t.deadline
                .as_ref()
                .map(|d| (d.text.as_str(), d.inherited_from.as_deref())),
            t.targets.len(),
            t.ambiguous.is_some(),
            t.condition
        );
    }
    println!("headings {}", doc.headings.len());
}
