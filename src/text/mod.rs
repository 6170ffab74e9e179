//! The French text front end: documents, sentences, tokens.
//!
//! It knows nothing about entities. Offsets are kept both in bytes (to slice
//! `&str`) and in chars (Unicode code points, what the JSON contract asks for).

mod normalize;
mod sentence;
mod token;

pub use normalize::{fold, is_all_caps, is_apostrophe, is_capitalized, is_space};
pub use sentence::{sentences, Sentence};
pub use token::{clitics_start, tokenize, tokenize_at, TokKind, Token};

/// A range of a document, in bytes and in chars, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file name, used as `doc` in evidence.
    pub name: String,
    /// The whole text, UTF-8.
    pub text: String,
}

impl Document {
    /// A document from its name and text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Document { name: name.into(), text: text.into() }
    }
}
