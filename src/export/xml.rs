//! XML escaping shared by the GraphML and GEXF writers.
//!
//! Both formats put our strings in two places: element text (GraphML
//! `<data>`) and attribute values (GEXF `label`, `value`). Each place has its
//! own traps, and this module handles them once:
//!
//! - Characters that XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) make
//!   every conforming parser reject the whole file, so they are dropped.
//!   quick-xml's escaping would pass them through, which is why we escape by
//!   hand.
//! - Gephi's GraphML reader drops whitespace-only text chunks, and a parser
//!   may cut text at every entity, so `&amp; &lt;Cie&gt;` comes back without
//!   its spaces. Text holding markup characters is therefore written as CDATA,
//!   where the whole value is one chunk.
//! - Parsers normalize attribute values: a literal newline or tab becomes a
//!   space. Attribute values carry them as `&#10;` and `&#9;` instead.
//! - Parsers turn a literal carriage return into a newline everywhere, so a
//!   carriage return is always written as `&#13;`.

use std::borrow::Cow;

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

/// `s` as element content that every GraphML reader gets back unchanged.
///
/// Text without markup characters is plain escaped text. Text with `&`, `<`
/// or `>` is one CDATA section, so that no reader sees it cut into chunks
/// at entities (Gephi would drop the whitespace-only ones). A literal `]]>`
/// inside the value is split across two sections (`]]` then `>`), and a
/// carriage return, which CDATA cannot protect from newline normalization,
/// is written as `&#13;` between sections.
pub(crate) fn xml_value(s: &str) -> String {
    let clean = strip_illegal(s);
    if !clean.contains(['&', '<', '>']) {
        return xml_text(&clean);
    }
    let mut out = String::with_capacity(clean.len() + 12);
    out.push_str("<![CDATA[");
    let mut rest: &str = &clean;
    while let Some(pos) = rest.find([']', '\r']) {
        let (head, tail) = rest.split_at(pos);
        out.push_str(head);
        rest = if let Some(after) = tail.strip_prefix("]]>") {
            // Close after `]]`, so that the `>` opens the next section.
            out.push_str("]]]]><![CDATA[>");
            after
        } else if let Some(after) = tail.strip_prefix('\r') {
            out.push_str("]]>&#13;<![CDATA[");
            after
        } else {
            // A lone `]` (the only other match) is ordinary CDATA content.
            out.push(']');
            &tail[1..]
        };
    }
    out.push_str(rest);
    out.push_str("]]>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn cdata_terminator_is_split() {
        assert_eq!(xml_value("a]]>b<"), "<![CDATA[a]]]]><![CDATA[>b<]]>");
        assert_eq!(xml_value("]]]>&"), "<![CDATA[]]]]]><![CDATA[>&]]>");
    }

    #[test]
    fn carriage_return_survives_in_cdata() {
        assert_eq!(xml_value("a\r\n<b"), "<![CDATA[a]]>&#13;<![CDATA[\n<b]]>");
    }
}
