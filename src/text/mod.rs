//! The French text front end: documents, sentences, tokens.
//!
//! It knows nothing about entities. Offsets are kept both in bytes (to slice
//! `&str`) and in chars (Unicode code points, what the JSON contract asks for).
//! A document is read in its NFC form; `Document::written_span` takes a span
//! of that form back to the text as written.

pub mod date;
mod form;
mod nfc;
mod normalize;
mod sentence;
mod token;

pub use date::{dateline, Date};
pub use form::Form;
pub use normalize::{fold, fold_into, is_all_caps, is_apostrophe, is_capitalized, is_space};
pub use sentence::{sentences, Sentence, MAX_SENTENCE_CHARS};
pub use token::{clitics_start, tokenize, tokenize_at, TokKind, Token};

/// A range of a document, in bytes and in chars, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize)]
#[serde(into = "SpanWire", from = "SpanWire")]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// First char (code point).
    pub cstart: usize,
    /// One past the last char.
    pub cend: usize,
}

/// A span as the extract records write it: `[start, end, cstart, cend]`.
#[derive(serde::Serialize, serde::Deserialize)]
struct SpanWire(usize, usize, usize, usize);

impl From<Span> for SpanWire {
    fn from(s: Span) -> SpanWire {
        SpanWire(s.start, s.end, s.cstart, s.cend)
    }
}

impl From<SpanWire> for Span {
    fn from(w: SpanWire) -> Span {
        Span { start: w.0, end: w.1, cstart: w.2, cend: w.3 }
    }
}

impl Span {
    /// The span covering `self` and `other`.
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
            cstart: self.cstart.min(other.cstart),
            cend: self.cend.max(other.cend),
        }
    }
}

/// One input article.
///
/// `text` is the Unicode NFC form of the text as written: what the whole
/// pipeline reads, so that a letter and its accents written as several
/// code points read as the letter. When NFC changed anything the document
/// also keeps the written text and how the two align (nothing is kept
/// for text already in NFC), and `written_span` maps spans back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file name, used as `doc` in evidence.
    pub name: String,
    /// The whole text, UTF-8, in NFC. Build a document with `Document::new`
    /// rather than changing it, so that spans still map to the written text.
    pub text: String,
    /// The article's date, when its input gave one (JSON Lines `date`).
    pub date: Option<Date>,
    /// The article's title, when its input gave one.
    pub title: Option<String>,
    /// The article's address, when its input gave one.
    pub url: Option<String>,
    written: Option<Box<nfc::Written>>,
}

impl Document {
    /// A document from its name and its text as written, which is put in NFC.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let (text, written) = nfc::normalize(text.into());
        Document { name: name.into(), text, date: None, title: None, url: None, written }
    }

    /// The article's date: the one its input gave, or else that of its
    /// date line ("Publié le 12 mars 2020", see `dateline`).
    pub fn article_date(&self) -> Option<Date> {
        self.date.or_else(|| dateline(&self.text))
    }

    /// The text as written, before NFC (the same as `text` when NFC
    /// changed nothing).
    pub fn written(&self) -> &str {
        self.written.as_ref().map_or(&self.text, |w| &w.text)
    }

    /// Whether NFC changed the text as written.
    pub fn was_normalized(&self) -> bool {
        self.written.is_some()
    }

    /// The span of the written text that `span` (of `text`) stands for. A
    /// span that starts or ends inside a letter NFC composed widens to the
    /// whole letter as written.
    pub fn written_span(&self, span: Span) -> Span {
        let Some(w) = &self.written else { return span };
        let a = w.locate(nfc::Pos { byte: span.start, char: span.cstart }, false);
        let b = w.locate(nfc::Pos { byte: span.end, char: span.cend }, true);
        Span { start: a.byte, end: b.byte.max(a.byte), cstart: a.char, cend: b.char.max(a.char) }
    }

    /// The written words of `span` (of `text`): the slice of the text as
    /// written at `written_span(span)`. Empty for a span that is not of
    /// this document.
    pub fn written_text(&self, span: Span) -> &str {
        let w = self.written_span(span);
        self.written().get(w.start..w.end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decomposed_document_reads_composed_and_maps_back() {
        let written = "Le ministre a\u{300} Ba\u{302}le.";
        let d = Document::new("d.txt", written);
        assert_eq!(d.text, "Le ministre à Bâle.");
        assert!(d.was_normalized());
        assert_eq!(d.written(), written);
        let at = d.text.find("Bâle").unwrap();
        let span = Span { start: at, end: at + "Bâle".len(), cstart: 14, cend: 18 };
        let w = d.written_span(span);
        assert_eq!((w.cstart, w.cend), (15, 20));
        assert_eq!(d.written_text(span), "Ba\u{302}le");
    }

    #[test]
    fn a_composed_document_keeps_its_spans() {
        let d = Document::new("d.txt", "Le ministre à Bâle.");
        assert!(!d.was_normalized());
        let span = Span { start: 15, end: 20, cstart: 14, cend: 18 };
        assert_eq!(d.written_span(span), span);
        assert_eq!(d.written_text(span), "Bâle");
        // A span of no text of this document gives nothing, and no panic.
        assert_eq!(d.written_text(Span { start: 90, end: 99, cstart: 90, cend: 99 }), "");
    }
}
