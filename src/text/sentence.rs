//! Sentence splitting for French news typography.
//!
//! A line break always ends a sentence: headlines, datelines and pasted
//! tweets stand on lines of their own and often lack a final stop. Inside a
//! line, `.`, `!`, `?` and `…` end a sentence when what follows (after any
//! closing quotes) starts a new one: an uppercase letter, a digit, an opening
//! quote or a dash. Abbreviations (`M.`, `Mme.`), initials (`J.`) and numbers
//! (`1.500`) do not end sentences; scraped text that glued two sentences
//! (`sur Telegram.Au moins`) is split.

use super::{is_space, Span};

/// A sentence of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Position of the sentence in its document, from 0.
    pub index: usize,
    /// Where it stands in the document.
    pub span: Span,
}

/// Abbreviations that end with a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "av", "apr", "J.-C", "etc", "cf",
    "p", "pp", "vol", "art", "gén", "Gén", "col", "lt", "cdt", "env", "hab", "min", "max", "no", "n", "tél", "fig",
    "éd", "dir", "coll", "Jr", "Sr", "sq", "Cie", "Inc", "Ltd", "Corp", "vs",
];

fn closes(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | '’' | ')' | ']' | '\'')
}

fn opens_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '“' | '"' | '—' | '–' | '-' | '[' | '(' | '¿' | '¡')
}

/// The word (letters, `.` and `-` inside) that ends just before byte `at`.
fn word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

fn is_abbreviation(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    // A single uppercase letter is an initial (J. Biden, G. W. Bush).
    if let (Some(c), None) = (letters.next(), letters.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    ABBREVIATIONS.contains(&word) || ABBREVIATIONS.contains(&word.trim_start_matches('.'))
}

/// Splits a document into sentences, trimmed of spaces, skipping those with
/// no letter or digit. Never fails: odd text gives odd sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut cuts: Vec<usize> = Vec::new(); // indices into `chars` where a new sentence starts
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            cuts.push(i + 1);
            i += 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let next = chars.get(i + 1).map(|&(_, c)| c);
        if c == '.' {
            if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
                i += 1;
                continue;
            }
            if prev.is_some_and(char::is_alphabetic) && is_abbreviation(word_before(text, pos)) {
                i += 1;
                continue;
            }
            // Glued sentences from scrapers: "Telegram.Au moins".
            let glued = prev.is_some_and(char::is_lowercase)
                && next.is_some_and(char::is_uppercase)
                && chars.get(i + 2).is_some_and(|&(_, c)| c.is_lowercase());
            if glued {
                cuts.push(i + 1);
                i += 1;
                continue;
            }
        }
        // Run of terminal marks, then closing quotes and spaces.
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…') {
            j += 1;
        }
        let mut end = j;
        let mut k = j;
        while k < chars.len() && (is_space(chars[k].1) && chars[k].1 != '\n' || closes(chars[k].1)) {
            if closes(chars[k].1) {
                end = k + 1;
            }
            k += 1;
        }
        match chars.get(k) {
            None => cuts.push(end),
            Some(&(_, n)) if n == '\n' || opens_sentence(n) => {
                // "[…]" in a quotation is an elision mark, not an end, unless a capital follows.
                cuts.push(end);
            }
            _ => {}
        }
        i = j;
    }
    cuts.push(chars.len());

    let byte_at = |ci: usize| chars.get(ci).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts {
        if cut <= from {
            continue;
        }
        let (mut a, mut b) = (from, cut);
        while a < b && is_space(chars[a].1) {
            a += 1;
        }
        while b > a && is_space(chars[b - 1].1) {
            b -= 1;
        }
        from = cut;
        if !chars[a..b].iter().any(|&(_, c)| c.is_alphanumeric()) {
            continue;
        }
        out.push(Sentence { index: out.len(), span: Span { start: byte_at(a), end: byte_at(b), cstart: a, cend: b } });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("M. Dupont est arrivé. Mme Martin aussi. J. Doe part."),
            ["M. Dupont est arrivé.", "Mme Martin aussi.", "J. Doe part."]
        );
    }

    #[test]
    fn numbers_do_not_split() {
        assert_eq!(split("Il y a 1.500 soldats. Puis 11 000."), ["Il y a 1.500 soldats.", "Puis 11 000."]);
    }

    #[test]
    fn headline_without_stop_is_its_own_sentence() {
        assert_eq!(
            split("La grève s’étend\nLes syndicats appellent à manifester."),
            ["La grève s’étend", "Les syndicats appellent à manifester."]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            split("« Nous ne céderons pas. » Le maire a quitté la salle."),
            ["« Nous ne céderons pas. »", "Le maire a quitté la salle."]
        );
        assert_eq!(
            split("« Nous ne céderons pas. », a déclaré le maire. Il est parti."),
            ["« Nous ne céderons pas. », a déclaré le maire.", "Il est parti."]
        );
    }

    #[test]
    fn glued_sentences_are_split() {
        assert_eq!(split("publié sur Telegram.Au moins dix morts."), ["publié sur Telegram.", "Au moins dix morts."]);
        assert_eq!(split("voir https://t.co/abc et la suite"), ["voir https://t.co/abc et la suite"]);
    }

    #[test]
    fn elision_mark_and_offsets() {
        let text = "Élu […] Nous verrons.";
        let s = sentences(text);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].span.cstart, 8);
        assert_eq!(&text[s[1].span.start..s[1].span.end], "Nous verrons.");
    }

    #[test]
    fn empty_and_blank_input() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n … ").is_empty());
    }
}
#[cfg(test)]
mod regression {
    use super::*;

    #[test]
    fn final_stop_before_a_line_break() {
        let text = "Le maire a parlé de tous les domaines.\nArrivé à Lyon par bateau\nLes élus ont voté.";
        let got: Vec<&str> = sentences(text).iter().map(|s| &text[s.span.start..s.span.end]).collect();
        assert_eq!(got, ["Le maire a parlé de tous les domaines.", "Arrivé à Lyon par bateau", "Les élus ont voté."]);
    }
}
