//! Tokens of one sentence, with byte and char offsets into the document.
//!
//! French specifics: elided articles and pronouns split off with either
//! apostrophe (`l’Ukraine` → `l’` `Ukraine`, `qu’ils` → `qu’` `ils`);
//! hyphenated words stay whole (`nord-coréennes`, `Jean-Pierre`) except the
//! subject pronoun of an inversion (`a-t-il` → `a` `-t-il`); numbers keep
//! their thousands groups whatever the separator (`11 000` with a plain,
//! no-break or narrow no-break space, `1.500`), and their value is parsed.
//! URLs and @handles are single `Other` tokens so they never look like names.

use super::{fold, is_apostrophe, is_space, Sentence, Span};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, possibly with inner hyphens and apostrophes.
    Word,
    /// A number; `Token::value` holds it when it is whole.
    Number,
    /// One punctuation mark (or `…`, `[…]`).
    Punct,
    /// A URL, an e-mail or an @handle.
    Other,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where it stands in the document.
    pub span: Span,
    /// The text as written.
    pub text: String,
    /// Folded form (lowercase, no accents, `'` apostrophe), for matching.
    pub norm: String,
    /// Its kind.
    pub kind: TokKind,
    /// The value of a whole number (`3 000` → 3000).
    pub value: Option<i64>,
}

impl Token {
    /// Whether the token starts with an uppercase letter.
    pub fn is_cap(&self) -> bool {
        self.kind == TokKind::Word && super::is_capitalized(&self.text)
    }

    /// Whether the token is this punctuation mark or word (folded).
    pub fn is(&self, norm: &str) -> bool {
        self.norm == norm
    }
}

/// Articles, pronouns and conjunctions that elide before a vowel.
const ELIDING: &[&str] =
    &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"];

/// Subject pronouns that follow a verb in an inversion (`a-t-il`, `dit-elle`).
const INVERTED: &[&str] = &[
    "-t-il", "-t-elle", "-t-on", "-t-ils", "-t-elles", "-il", "-elle", "-ils", "-elles", "-on", "-nous", "-vous", "-je",
];

struct Cursor {
    chars: Vec<(usize, char)>,
    /// Byte offset one past the span: where a token running to the end stops.
    end: usize,
    char_base: usize,
}

impl Cursor {
    fn ch(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }
    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.end, |&(b, _)| b)
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span { start: self.byte(a), end: self.byte(b), cstart: self.char_base + a, cend: self.char_base + b }
    }
}

fn is_letter(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphabetic)
}

/// Tokenizes one sentence of `doc_text`.
pub fn tokenize(doc_text: &str, sentence: &Sentence) -> Vec<Token> {
    tokenize_at(doc_text, sentence.span)
}

/// Tokenizes the given span of `doc_text` (offsets stay document-relative).
pub fn tokenize_at(doc_text: &str, span: Span) -> Vec<Token> {
    let cur = Cursor {
        chars: doc_text[span.start..span.end].char_indices().map(|(b, c)| (b + span.start, c)).collect(),
        end: span.end,
        char_base: span.cstart,
    };
    let n = cur.chars.len();
    let mut out = Vec::new();
    let mut i = 0;
    let push = |out: &mut Vec<Token>, a: usize, b: usize, kind: TokKind, value: Option<i64>| {
        let sp = cur.span(a, b);
        let text = doc_text[sp.start..sp.end].to_string();
        let norm = fold(&text);
        out.push(Token { span: sp, text, norm, kind, value });
    };
    while i < n {
        let c = cur.chars[i].1;
        if is_space(c) {
            i += 1;
            continue;
        }
        // URLs and handles run to the next space.
        let rest = &doc_text[cur.byte(i)..span.end];
        if rest.starts_with("http://")
            || rest.starts_with("https://")
            || rest.starts_with("www.")
            || (c == '@' && is_letter(cur.ch(i + 1)))
            || (c == '#' && is_letter(cur.ch(i + 1)))
        {
            let mut j = i + 1;
            while j < n && !is_space(cur.chars[j].1) {
                j += 1;
            }
            // A trailing punctuation mark is not part of the URL.
            while j > i + 1 && matches!(cur.chars[j - 1].1, '.' | ',' | ')' | ';' | ':' | '»') {
                j -= 1;
            }
            push(&mut out, i, j, TokKind::Other, None);
            i = j;
            continue;
        }
        if c.is_ascii_digit() {
            let (j, value) = scan_number(&cur, i);
            // Digits glued to letters (1er, 13h07, 2e) are one word.
            if is_letter(cur.ch(j)) {
                let mut k = j;
                while k < n && cur.chars[k].1.is_alphanumeric() {
                    k += 1;
                }
                push(&mut out, i, k, TokKind::Word, None);
                i = k;
            } else {
                push(&mut out, i, j, TokKind::Number, value);
                i = j;
            }
            continue;
        }
        if c.is_alphabetic() {
            let mut j = i + 1;
            loop {
                match cur.ch(j) {
                    Some(d) if d.is_alphanumeric() => j += 1,
                    Some('-' | '\u{2011}') if is_letter(cur.ch(j + 1)) => j += 2,
                    Some(a) if is_apostrophe(a) && is_letter(cur.ch(j + 1)) => {
                        let word = fold(&doc_text[cur.byte(i)..cur.byte(j)]);
                        if ELIDING.contains(&word.as_str()) {
                            break;
                        }
                        j += 2;
                    }
                    _ => break,
                }
            }
            // Elision: keep the apostrophe with the elided word.
            if cur.ch(j).is_some_and(is_apostrophe)
                && ELIDING.contains(&fold(&doc_text[cur.byte(i)..cur.byte(j)]).as_str())
            {
                push(&mut out, i, j + 1, TokKind::Word, None);
                i = j + 1;
                continue;
            }
            // Inversion: "a-t-il" → "a" "-t-il", only after a lowercase verb.
            let raw = &doc_text[cur.byte(i)..cur.byte(j)];
            let split = if c.is_lowercase() && raw.contains('-') {
                let word = fold(raw);
                INVERTED
                    .iter()
                    .find(|suf| word.len() > suf.len() && word.ends_with(*suf))
                    .map(|suf| suf.chars().count())
            } else {
                None
            };
            match split {
                Some(k) => {
                    push(&mut out, i, j - k, TokKind::Word, None);
                    push(&mut out, j - k, j, TokKind::Word, None);
                }
                None => push(&mut out, i, j, TokKind::Word, None),
            }
            i = j;
            continue;
        }
        // "[…]" and "..." are single marks.
        if c == '[' && cur.ch(i + 1) == Some('…') && cur.ch(i + 2) == Some(']') {
            push(&mut out, i, i + 3, TokKind::Punct, None);
            i += 3;
            continue;
        }
        if c == '.' && cur.ch(i + 1) == Some('.') && cur.ch(i + 2) == Some('.') {
            push(&mut out, i, i + 3, TokKind::Punct, None);
            i += 3;
            continue;
        }
        push(&mut out, i, i + 1, TokKind::Punct, None);
        i += 1;
    }
    out
}

/// Reads a number starting at char `i`: digits, thousands groups separated by
/// a space of any kind or a period, and a decimal comma. Returns the end and
/// the whole value when there is no decimal part.
fn scan_number(cur: &Cursor, i: usize) -> (usize, Option<i64>) {
    let digit = |k: usize| cur.ch(k).is_some_and(|c| c.is_ascii_digit());
    let mut j = i;
    while digit(j) {
        j += 1;
    }
    let mut grouped = j - i <= 3;
    let mut value_digits: String = cur.chars[i..j].iter().map(|&(_, c)| c).collect();
    while grouped {
        let sep = cur.ch(j);
        let is_sep = matches!(sep, Some(' ' | '\u{00a0}' | '\u{202f}' | '\u{2009}' | '.'));
        if is_sep && digit(j + 1) && digit(j + 2) && digit(j + 3) && !digit(j + 4) {
            value_digits.extend(cur.chars[j + 1..j + 4].iter().map(|&(_, c)| c));
            j += 4;
        } else {
            grouped = false;
        }
    }
    if cur.ch(j) == Some(',') && digit(j + 1) {
        let mut k = j + 1;
        while digit(k) {
            k += 1;
        }
        return (k, None);
    }
    (j, value_digits.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let span = Span { start: 0, end: text.len(), cstart: 0, cend: text.chars().count() };
        tokenize_at(text, span).into_iter().map(|t| t.text).collect()
    }

    fn values(text: &str) -> Vec<i64> {
        let span = Span { start: 0, end: text.len(), cstart: 0, cend: text.chars().count() };
        tokenize_at(text, span).into_iter().filter_map(|t| t.value).collect()
    }

    #[test]
    fn elision_with_both_apostrophes() {
        assert_eq!(toks("l’Algérie et l'ONU"), ["l’", "Algérie", "et", "l'", "ONU"]);
        assert_eq!(toks("qu’ils d’entre eux"), ["qu’", "ils", "d’", "entre", "eux"]);
        assert_eq!(toks("aujourd’hui"), ["aujourd’hui"]);
        assert_eq!(toks("jusqu’à Lyon"), ["jusqu’", "à", "Lyon"]);
    }

    #[test]
    fn hyphens_and_inversions() {
        assert_eq!(toks("les forces sud-africaines"), ["les", "forces", "sud-africaines"]);
        assert_eq!(toks("Park Ji-sung, Asie-Pacifique"), ["Park", "Ji-sung", ",", "Asie-Pacifique"]);
        assert_eq!(toks("a-t-il ajouté"), ["a", "-t-il", "ajouté"]);
        assert_eq!(toks("poursuit-elle"), ["poursuit", "-elle"]);
    }

    #[test]
    fn thousands_groups_with_any_space() {
        assert_eq!(values("2 500 policiers"), [2500]);
        assert_eq!(values("2\u{00a0}500 et 14\u{202f}000 et 1.200 et 1500"), [2500, 14000, 1200, 1500]);
        assert_eq!(toks("le 14 juillet 1789"), ["le", "14", "juillet", "1789"]);
        assert_eq!(values("en 2019 300 personnes"), [2019, 300]);
        assert_eq!(toks("1,5 million"), ["1,5", "million"]);
    }

    #[test]
    fn urls_handles_and_marks() {
        assert_eq!(
            toks("lu sur https://t.co/xY1z. Voir @AFP"),
            ["lu", "sur", "https://t.co/xY1z", ".", "Voir", "@AFP"]
        );
        assert_eq!(toks("« Bon » […] fin..."), ["«", "Bon", "»", "[…]", "fin", "..."]);
    }

    #[test]
    fn last_token_of_a_span_ends_with_the_span() {
        let text = "Il est parti. Elle reste.";
        let span = Span { start: 0, end: 13, cstart: 0, cend: 13 };
        let t = tokenize_at(text, span);
        assert_eq!(t.last().unwrap().span.end, 13);
        assert_eq!(t.last().unwrap().text, ".");
    }

    #[test]
    fn offsets_count_chars_and_bytes() {
        let text = "Élysée : Mme Ngoné";
        let span = Span { start: 0, end: text.len(), cstart: 0, cend: text.chars().count() };
        let t = tokenize_at(text, span);
        let last = t.last().unwrap();
        assert_eq!(last.text, "Ngoné");
        assert_eq!((last.span.cstart, last.span.cend), (13, 18));
        assert_eq!(&text[last.span.start..last.span.end], "Ngoné");
        assert_eq!(last.norm, "ngone");
    }
}
