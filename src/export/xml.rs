//! XML output shared by the GraphML and GEXF writers: quick-xml's `Writer`
//! lays out the elements (two-space indentation, one element a line, text
//! kept inline), and this module decides what the bytes of each string are.
//!
//! Both formats put our strings in two places: element text (GraphML
//! `<data>`) and attribute values (GEXF `label`, `value`). Each place has its
//! own traps, and this module handles them once:
//!
//! - Characters that XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) make
//!   every conforming parser reject the whole file, so they are dropped.
//!   quick-xml's own escaping would pass them through, which is why values
//!   are escaped here and handed to the writer already escaped.
//! - Gephi's GraphML reader drops whitespace-only text chunks, and a parser
//!   may cut text at every entity, so `&amp; &lt;Cie&gt;` comes back without
//!   its spaces. Text holding markup characters is therefore written as CDATA,
//!   where the whole value is one chunk.
//! - Parsers normalize attribute values: a literal newline or tab becomes a
//!   space. Attribute values carry them as `&#10;` and `&#9;` instead.
//! - Parsers turn a literal carriage return into a newline everywhere, so a
//!   carriage return is always written as `&#13;`.
//! - An element with no content would make the indenting writer put its end
//!   tag on a line of its own, which readers would take as the value; an
//!   empty value is therefore written as an empty text event, which keeps
//!   `<data key="k"></data>` on one line.

use std::borrow::Cow;
use std::io::{self, Write};

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesCData, BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;

/// Whether XML 1.0 allows `c` in a document (the `Char` production).
///
/// Rust's `char` cannot be a surrogate, so only the C0 controls other than
/// tab, newline and carriage return, and the two non-characters U+FFFE and
/// U+FFFF, are left out.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `s` without the characters XML 1.0 forbids; borrowed when nothing is dropped.
pub(crate) fn strip_illegal(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// `s` as escaped element text: illegal characters dropped, `& < >` as
/// entities, a carriage return as `&#13;`. Newlines and tabs stay literal,
/// since element text keeps them.
pub(crate) fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| is_xml_char(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            // `>` is only required after `]]`, but escaping it always is simpler to check.
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

/// `s` as a double-quoted attribute value: like [`xml_text`], plus `"` as
/// `&quot;`, and newline and tab as character references, so that attribute
/// value normalization does not turn them into spaces.
pub(crate) fn xml_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| is_xml_char(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

/// One piece of element content: escaped text, or the inside of a CDATA section.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(String),
    CData(&'a str),
}

/// `s` as element content that every GraphML reader gets back unchanged.
///
/// Text without markup characters is plain escaped text. Text with `&`, `<`
/// or `>` is one CDATA section, so that no reader sees it cut into chunks
/// at entities (Gephi would drop the whitespace-only ones). A literal `]]>`
/// inside the value is split across two sections (`]]` then `>`), and a
/// carriage return, which CDATA cannot protect from newline normalization,
/// is written as `&#13;` between sections.
pub(crate) fn value_pieces(clean: &str) -> Vec<Piece<'_>> {
    if !clean.contains(['&', '<', '>']) {
        return vec![Piece::Text(xml_text(clean))];
    }
    let mut pieces = Vec::new();
    let mut section_start = 0;
    let mut at = 0;
    while let Some(pos) = clean[at..].find([']', '\r']).map(|p| p + at) {
        if clean[pos..].starts_with("]]>") {
            // Close after `]]`, so that the `>` opens the next section.
            pieces.push(Piece::CData(&clean[section_start..pos + 2]));
            section_start = pos + 2;
            at = pos + 3;
        } else if clean[pos..].starts_with('\r') {
            pieces.push(Piece::CData(&clean[section_start..pos]));
            pieces.push(Piece::Text("&#13;".into()));
            section_start = pos + 1;
            at = pos + 1;
        } else {
            // A lone `]` is ordinary CDATA content.
            at = pos + 1;
        }
    }
    pieces.push(Piece::CData(&clean[section_start..]));
    pieces
}

/// An XML document written through quick-xml, indented by two spaces.
pub(crate) struct XmlWriter<W: Write> {
    inner: Writer<W>,
}

/// A start tag with attributes whose values are escaped by [`xml_attr`].
fn tag<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
    let mut start = BytesStart::new(name);
    for (key, value) in attrs {
        start.push_attribute(Attribute { key: QName(key.as_bytes()), value: Cow::Owned(xml_attr(value).into_bytes()) });
    }
    start
}

impl<W: Write> XmlWriter<W> {
    /// A writer that begins with the declaration `<?xml version="1.0" encoding="UTF-8"?>`.
    pub(crate) fn new(out: W) -> io::Result<Self> {
        let mut inner = Writer::new_with_indent(out, b' ', 2);
        inner.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(XmlWriter { inner })
    }

    /// `<name attrs…>`; its children are indented one level more.
    pub(crate) fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.inner.write_event(Event::Start(tag(name, attrs)))
    }

    /// `</name>`.
    pub(crate) fn end(&mut self, name: &str) -> io::Result<()> {
        self.inner.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name attrs…/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.inner.write_event(Event::Empty(tag(name, attrs)))
    }

    /// `<name attrs…>value</name>` on one line, the value as [`value_pieces`] says.
    pub(crate) fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], value: &str) -> io::Result<()> {
        self.start(name, attrs)?;
        let clean = strip_illegal(value);
        for piece in value_pieces(&clean) {
            match piece {
                Piece::Text(escaped) => self.inner.write_event(Event::Text(BytesText::from_escaped(escaped)))?,
                Piece::CData(inside) => self.inner.write_event(Event::CData(BytesCData::new(inside)))?,
            }
        }
        self.end(name)
    }

    /// Ends the document with a newline and flushes it.
    pub(crate) fn finish(self) -> io::Result<()> {
        let mut out = self.inner.into_inner();
        out.write_all(b"\n")?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of `<v>value</v>` between the tags, as the writer writes them.
    fn xml_value(value: &str) -> String {
        let mut out = Vec::new();
        let mut w = XmlWriter::new(&mut out).unwrap();
        w.text_element("v", &[], value).unwrap();
        w.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        let inner = text.split_once("<v>").unwrap().1;
        inner.rsplit_once("</v>").unwrap().0.to_string()
    }

    #[test]
    fn illegal_characters_are_dropped_everywhere() {
        let s = "a\u{7}b\u{0}c\u{1F}d\u{FFFE}e\u{FFFF}f";
        assert_eq!(strip_illegal(s), "abcdef");
        assert_eq!(xml_text(s), "abcdef");
        assert_eq!(xml_attr(s), "abcdef");
        assert_eq!(xml_value(&format!("{s}&")), "<![CDATA[abcdef&]]>");
    }

    #[test]
    fn legal_controls_and_non_ascii_are_kept() {
        assert!(matches!(strip_illegal("é\t\n« ’ 😀"), Cow::Borrowed(_)));
        assert!(is_xml_char('\u{85}'));
    }

    #[test]
    fn text_escapes_markup_and_keeps_newlines() {
        assert_eq!(xml_text("a & <b> \"c\"\nd\te\r"), "a &amp; &lt;b&gt; \"c\"\nd\te&#13;");
    }

    #[test]
    fn attributes_encode_whitespace_as_references() {
        assert_eq!(xml_attr("a & <b> \"c\"\nd\te\r"), "a &amp; &lt;b&gt; &quot;c&quot;&#10;d&#9;e&#13;");
    }

    #[test]
    fn values_with_markup_are_one_cdata_section() {
        assert_eq!(xml_value("plain  text\n"), "plain  text\n");
        assert_eq!(xml_value("&amp; &lt;Cie&gt;"), "<![CDATA[&amp; &lt;Cie&gt;]]>");
        assert_eq!(xml_value("a & b"), "<![CDATA[a & b]]>");
        assert_eq!(xml_value("x]y"), "x]y");
        assert_eq!(xml_value("   "), "   ");
    }

    #[test]
    fn cdata_terminator_is_split() {
        assert_eq!(xml_value("a]]>b<"), "<![CDATA[a]]]]><![CDATA[>b<]]>");
        assert_eq!(xml_value("]]]>&"), "<![CDATA[]]]]]><![CDATA[>&]]>");
    }

    #[test]
    fn carriage_return_survives_in_cdata() {
        assert_eq!(xml_value("a\r\n<b"), "<![CDATA[a]]>&#13;<![CDATA[\n<b]]>");
        assert_eq!(xml_value("<b\r"), "<![CDATA[<b]]>&#13;<![CDATA[]]>");
    }

    #[test]
    fn empty_values_stay_on_their_line() {
        assert_eq!(xml_value(""), "");
        assert_eq!(xml_value("\u{1}"), "");
    }

    #[test]
    fn layout_is_indented_and_ends_with_one_newline() {
        let mut out = Vec::new();
        let mut w = XmlWriter::new(&mut out).unwrap();
        w.start("a", &[("k", "x\ny\"z")]).unwrap();
        w.empty("b", &[("v", "1")]).unwrap();
        w.text_element("c", &[], "t").unwrap();
        w.end("a").unwrap();
        w.finish().unwrap();
        let expected =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a k=\"x&#10;y&quot;z\">\n  <b v=\"1\"/>\n  <c>t</c>\n</a>\n";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
