//! Word comment parts read with an XML parser, never by string search: the ids already in use
//! (any prefix bound to the w namespace), and where new comments go (before the root's real end
//! tag, so an XML comment holding `</w:comments>` or a part written with `ns0:` keeps every
//! comment the reviewer wrote).

use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::NsReader;
use std::collections::BTreeSet;

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Word writes ids as signed 32-bit numbers; new ids stay within them.
const MAX_ID: u64 = i32::MAX as u64;

fn is_w(r: &ResolveResult) -> bool {
    matches!(r, ResolveResult::Bound(Namespace(ns)) if *ns == W_NS)
}

/// Adds every `w:id` value of `xml` that reads as a number to `used`.
pub fn used_ids(xml: &str, used: &mut BTreeSet<u64>) -> Result<(), String> {
    let mut r = NsReader::from_str(xml);
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                for a in e.attributes().flatten() {
                    let (ns, local) = r.resolver().resolve_attribute(a.key);
                    if local.as_ref() == "id" && is_w(&ns) {
                        if let Ok(n) = a.value.trim().parse() {
                            used.insert(n);
                        }
                    }
                }
            }
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => return Err(format!("a Word part is not well-formed XML: {e}")),
        }
    }
}

/// `n` comment ids none of `used` holds: after the largest while they fit in Word's range,
/// else the smallest free ones (an id of 4294967295 must not make the next one wrap to 0).
pub fn new_ids(used: &BTreeSet<u64>, n: usize) -> Vec<u32> {
    let above = used.last().map_or(0, |m| m.saturating_add(1));
    if above.saturating_add(n as u64) <= MAX_ID + 1 {
        return (above..above + n as u64).map(|i| i as u32).collect();
    }
    (0..=MAX_ID)
        .filter(|i| !used.contains(i))
        .take(n)
        .map(|i| i as u32)
        .collect()
}

/// A document's own comments part, as far as adding to it needs.
#[derive(Debug)]
pub struct Part<'a> {
    xml: &'a str,
    /// Byte offset of the root's end tag, or of the `/>` closing an empty root.
    at: usize,
    /// `Some("ns0:comments")` when the root is empty (`<ns0:comments …/>`) and must be opened.
    empty_root: Option<String>,
    /// Whether the prefix `w` is bound to the w namespace at the root: if not, each new
    /// comment declares it.
    pub binds_w: bool,
}

impl<'a> Part<'a> {
    pub fn read(xml: &'a str) -> Result<Part<'a>, String> {
        let bad = |why: &str| format!("word/comments.xml {why}; no comment was added");
        let mut r = NsReader::from_str(xml);
        let mut depth = 0usize;
        let mut root: Option<(bool, Option<String>)> = None;
        loop {
            let before = r.buffer_position() as usize;
            let event = r
                .read_resolved_event()
                .map_err(|e| bad(&format!("is not well-formed XML ({e})")))?;
            match event {
                (ns, Event::Start(e) | Event::Empty(e)) if depth == 0 => {
                    if root.is_some() || !is_w(&ns) || e.local_name().as_ref() != "comments" {
                        return Err(bad("is not a Word comments part"));
                    }
                    let binds_w = e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == "xmlns:w" && a.value == W_NS);
                    let end = r.buffer_position() as usize;
                    if xml.get(before..end).is_some_and(|t| t.ends_with("/>")) {
                        let name = e.name().as_ref().to_string();
                        return Ok(Part {
                            xml,
                            at: end - 2,
                            empty_root: Some(name),
                            binds_w,
                        });
                    }
                    root = Some((binds_w, None));
                    depth = 1;
                }
                (_, Event::Start(_)) => depth += 1,
                (_, Event::End(_)) => {
                    depth -= 1;
                    if depth == 0 {
                        let binds_w = root.as_ref().is_some_and(|r| r.0);
                        return Ok(Part {
                            xml,
                            at: before,
                            empty_root: None,
                            binds_w,
                        });
                    }
                }
                (_, Event::Eof) if root.is_some() => return Err(bad("is cut short")),
                (_, Event::Eof) => return Err(bad("has no comments element")),
                _ => {}
            }
        }
    }

    /// The part with `comments` (`<w:comment>` elements) added after the existing ones.
    pub fn with(&self, comments: &str) -> String {
        let (head, tail) = self.xml.split_at(self.at);
        match &self.empty_root {
            Some(name) => format!("{head}>{comments}</{name}>{}", &tail[2..]),
            None => format!("{head}{comments}{tail}"),
        }
    }
}

/// A new comments part holding only `comments`.
pub fn new_part(comments: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:comments xmlns:w=\"{W_NS}\">{comments}</w:comments>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_under_any_prefix_and_never_wrap() {
        let mut used = BTreeSet::new();
        let xml = format!(
            "<ns0:comments xmlns:ns0=\"{W_NS}\"><ns0:comment ns0:id=\"4294967295\"/>\
             <ns0:comment ns0:id=\"0\"/><x id=\"1\"/></ns0:comments>"
        );
        used_ids(&xml, &mut used).unwrap();
        assert_eq!(used.iter().copied().collect::<Vec<_>>(), [0, 4294967295]);
        assert_eq!(new_ids(&used, 3), [1, 2, 3]);
        let small: BTreeSet<u64> = [0, 5].into();
        assert_eq!(new_ids(&small, 2), [6, 7]);
        assert_eq!(new_ids(&BTreeSet::new(), 2), [0, 1]);
        let top: BTreeSet<u64> = [MAX_ID - 1].into();
        assert_eq!(new_ids(&top, 1), [MAX_ID as u32]);
        assert_eq!(new_ids(&top, 2), [0, 1]);
    }

    #[test]
    fn comments_go_before_the_real_end_tag() {
        let xml = format!(
            "<?xml version=\"1.0\"?><ns0:comments xmlns:ns0=\"{W_NS}\"><!-- </w:comments> -->\
             <ns0:comment ns0:id=\"0\"/></ns0:comments>\r\n"
        );
        let p = Part::read(&xml).unwrap();
        assert!(!p.binds_w);
        assert_eq!(
            p.with("<NEW/>"),
            format!(
                "<?xml version=\"1.0\"?><ns0:comments xmlns:ns0=\"{W_NS}\"><!-- </w:comments> -->\
                 <ns0:comment ns0:id=\"0\"/><NEW/></ns0:comments>\r\n"
            )
        );
        let empty = format!("<w:comments xmlns:w=\"{W_NS}\" />");
        let p = Part::read(&empty).unwrap();
        assert!(p.binds_w);
        assert_eq!(
            p.with("<NEW/>"),
            format!("<w:comments xmlns:w=\"{W_NS}\" ><NEW/></w:comments>")
        );
        let other = "<w:comments xmlns:w=\"urn:other\"></w:comments>";
        assert!(Part::read(other)
            .unwrap_err()
            .contains("not a Word comments part"));
        let cut = format!("<w:comments xmlns:w=\"{W_NS}\"><w:comment>");
        assert!(Part::read(&cut).is_err());
    }
}
