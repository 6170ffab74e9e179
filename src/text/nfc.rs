//! Unicode normalization (NFC) of a document, and the way back to the text
//! as written.
//!
//! The pipeline reads the NFC form, where "é" is one code point whatever
//! the file used ("e" and a combining acute accent in decomposed text, as
//! macOS file names and PDF extraction give). Evidence offsets must still
//! point into the file as written, so a document whose NFC form differs
//! keeps its written text and a list of the stretches that changed. Text
//! already in NFC (nearly every article) keeps nothing and costs one scan
//! for bytes of code points past U+02FF.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A place in a text: its byte and its char (code point) offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Pos {
    pub(crate) byte: usize,
    pub(crate) char: usize,
}

impl Pos {
    fn advanced(self, from: Pos, to: Pos) -> Pos {
        Pos { byte: self.byte + to.byte.saturating_sub(from.byte), char: self.char + to.char.saturating_sub(from.char) }
    }
}

/// One stretch that NFC changed: `[nfc, nfc_end)` of the normalized text
/// stands for `[written, written_end)` of the text as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Change {
    nfc: Pos,
    nfc_end: Pos,
    written: Pos,
    written_end: Pos,
}

/// The text as written, for a document whose NFC form differs from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Written {
    /// The text before normalization.
    pub(crate) text: String,
    /// The changed stretches, in order, adjacent ones merged.
    changes: Vec<Change>,
}

impl Written {
    /// Where `p` of the NFC text falls in the written text. A place inside
    /// a changed stretch (a letter and its accents, which NFC made one code
    /// point) goes to the stretch's start, or to its end when `end` is set,
    /// so that a span never cuts a letter from its accents.
    pub(crate) fn locate(&self, p: Pos, end: bool) -> Pos {
        let i = self.changes.partition_point(|c| c.nfc.char <= p.char);
        let Some(c) = i.checked_sub(1).map(|i| &self.changes[i]) else {
            return p;
        };
        if p.char >= c.nfc_end.char {
            c.written_end.advanced(c.nfc_end, p)
        } else if p.char == c.nfc.char || !end {
            c.written
        } else {
            c.written_end
        }
    }

    /// How many stretches NFC changed.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.changes.len()
    }
}

/// Whether a stretch of text may be cut before `c` without changing its
/// NFC form: `c` is a starter that nothing before it composes with. Every
/// code point below U+0300 is one (the combining marks start there).
fn is_boundary(c: char) -> bool {
    c < '\u{300}' || canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Whether `text` is certainly in NFC: every code point is a boundary.
/// Only code points from U+0300 on are looked up; their UTF-8 lead byte is
/// 0xCC or more, which a byte scan finds fast.
fn is_plain_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(p) = bytes[at..].iter().position(|&b| b >= 0xCC) {
        let start = at + p;
        let Some(c) = text[start..].chars().next() else { return true };
        if !is_boundary(c) {
            return false;
        }
        at = start + c.len_utf8();
    }
    true
}

/// The NFC form of `text`, and the written text with its changes when NFC
/// changed anything.
pub(crate) fn normalize(text: String) -> (String, Option<Box<Written>>) {
    if is_plain_nfc(&text) {
        return (text, None);
    }
    let mut out = String::with_capacity(text.len());
    let mut changes: Vec<Change> = Vec::new();
    let mut out_chars = 0;
    // The stretch being gathered: from one boundary to the next.
    let mut seg = Pos::default();
    let mut seg_plain = true;
    let mut chars = 0;
    let mut flush = |seg: Pos, end: Pos, plain: bool, out: &mut String, out_chars: &mut usize| {
        let piece = &text[seg.byte..end.byte];
        if plain {
            out.push_str(piece);
            *out_chars += end.char - seg.char;
            return;
        }
        let n: String = piece.nfc().collect();
        let nfc = Pos { byte: out.len(), char: *out_chars };
        if n == piece {
            out.push_str(piece);
            *out_chars += end.char - seg.char;
            return;
        }
        out.push_str(&n);
        *out_chars += n.chars().count();
        let nfc_end = Pos { byte: out.len(), char: *out_chars };
        match changes.last_mut() {
            Some(last) if last.nfc_end == nfc && last.written_end == seg => {
                last.nfc_end = nfc_end;
                last.written_end = end;
            }
            _ => changes.push(Change { nfc, nfc_end, written: seg, written_end: end }),
        }
    };
    for (byte, c) in text.char_indices() {
        let here = Pos { byte, char: chars };
        if is_boundary(c) {
            if here.char > seg.char {
                flush(seg, here, seg_plain, &mut out, &mut out_chars);
            }
            seg = here;
            seg_plain = true;
        } else {
            seg_plain = false;
        }
        chars += 1;
    }
    let end = Pos { byte: text.len(), char: chars };
    if end.char > seg.char {
        flush(seg, end, seg_plain, &mut out, &mut out_chars);
    }
    if changes.is_empty() {
        return (text, None);
    }
    (out, Some(Box::new(Written { text, changes })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfc_of(s: &str) -> String {
        s.nfc().collect()
    }

    /// The written stretch of every char range of the NFC text that starts
    /// and ends on a boundary of the written text normalizes back to it.
    fn check_round_trip(written: &str) {
        let (nfc, w) = normalize(written.to_string());
        assert_eq!(nfc, nfc_of(written), "{written:?}");
        let Some(w) = w else {
            assert_eq!(nfc, written);
            return;
        };
        assert_eq!(w.text, written);
        let idx: Vec<(usize, char)> = nfc.char_indices().collect();
        let pos = |i: usize| Pos { byte: idx.get(i).map_or(nfc.len(), |x| x.0), char: i };
        for a in 0..=idx.len() {
            for b in a..=idx.len() {
                let (wa, wb) = (w.locate(pos(a), false), w.locate(pos(b), true));
                assert!(wa.char <= wb.char && wb.byte <= written.len(), "{written:?} {a}..{b}");
                let slice = &written[wa.byte..wb.byte];
                assert_eq!(slice.chars().count(), wb.char - wa.char);
                assert!(nfc_of(slice).contains(&nfc[pos(a).byte..pos(b).byte]), "{written:?} {a}..{b}: {slice:?}");
            }
        }
    }

    #[test]
    fn composed_text_is_kept_as_it_is() {
        for s in ["", "Le président a parlé à Paris.", "Œuvre « citée » l’été, 12\u{202f}€", "한국어", "ǅ ǈ"]
        {
            let (n, w) = normalize(s.to_string());
            assert_eq!(n, s);
            assert!(w.is_none(), "{s:?}");
        }
    }

    #[test]
    fn decomposed_letters_compose_and_map_back() {
        let written = "Le pre\u{301}sident a parle\u{301} a\u{300} Ko\u{308}ln.";
        let (nfc, w) = normalize(written.to_string());
        assert_eq!(nfc, "Le président a parlé à Köln.");
        let w = w.expect("changed");
        assert_eq!(w.len(), 4);
        // "président" is chars 3..12 of the NFC text and 3..13 as written.
        let start = Pos { byte: 3, char: 3 };
        let end = Pos { byte: nfc.find(" a parlé").unwrap(), char: 12 };
        let (a, b) = (w.locate(start, false), w.locate(end, true));
        assert_eq!((a.char, b.char), (3, 13));
        assert_eq!(&written[a.byte..b.byte], "pre\u{301}sident");
        // After the last change the offsets shift by the four marks.
        let dot = Pos { byte: nfc.len() - 1, char: nfc.chars().count() - 1 };
        assert_eq!(w.locate(dot, false).char, written.chars().count() - 1);
    }

    #[test]
    fn a_place_inside_a_changed_stretch_goes_to_its_edges() {
        // Reordered marks: "a", cedilla, acute in NFC is "á" and the cedilla,
        // two code points for the three written.
        let written = "xa\u{301}\u{327}y";
        let (nfc, w) = normalize(written.to_string());
        assert_eq!(nfc, "x\u{e1}\u{327}y");
        let w = w.unwrap();
        assert_eq!(w.len(), 1);
        let inside = Pos { byte: 3, char: 2 };
        assert_eq!((w.locate(inside, false).char, w.locate(inside, true).char), (1, 4));
        assert_eq!(w.locate(Pos { byte: 5, char: 3 }, false), Pos { byte: 6, char: 4 });
    }

    #[test]
    fn tricky_sequences_round_trip() {
        for s in [
            "a\u{301}\u{327}",                          // marks out of canonical order
            "c\u{327}\u{301}a",                         // cedilla then acute: ḉ
            "\u{301}debut",                             // a text that opens on a mark
            "\u{212b}ngstro\u{308}m",                   // the angstrom sign is Å in NFC
            "\u{1100}\u{1161}\u{11a8}\u{1100}\u{1161}", // Hangul jamo compose
            "\u{915}\u{93c}\u{93e}",                    // Devanagari nukta
            "e\u{301}\u{301}\u{301}\u{301}",
            "\u{fb01} \u{2126} \u{f900}", // compatibility ligature stays, ohm and a CJK compatibility ideograph change
            "A\u{30a}\u{30a}B\u{30a}",
        ] {
            check_round_trip(s);
        }
    }

    #[test]
    fn cutting_at_boundaries_agrees_with_normalizing_the_whole_text() {
        // Letters, marks of several classes, jamo, singletons, Indic signs.
        let pool: Vec<char> = "aeoAEcC ,\u{300}\u{301}\u{302}\u{308}\u{327}\u{323}\u{345}\u{1100}\u{1161}\u{11a8}\u{ac00}\u{212b}\u{2126}\u{915}\u{93c}\u{93e}\u{9c7}\u{9be}\u{b47}\u{b3e}\u{fb01}é"
            .chars()
            .collect();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let len = (next() % 10) as usize;
            let s: String = (0..len).map(|_| pool[(next() % pool.len() as u64) as usize]).collect();
            check_round_trip(&s);
        }
    }

    #[test]
    fn the_plain_scan_is_sound() {
        for s in ["abc", "é", "’«»\u{202f}€", "한국", "ǅ"] {
            assert!(is_plain_nfc(s) && unicode_normalization::is_nfc(s), "{s:?}");
        }
        // Not plain: a mark, a singleton, a jamo that composes backward.
        for s in ["e\u{301}", "\u{212b}", "\u{1100}\u{1161}", "\u{300}"] {
            assert!(!is_plain_nfc(s), "{s:?}");
        }
    }
}
