//! Tokens of one sentence, with byte and char offsets into the document.
//!
//! French specifics: elided articles and pronouns split off with either
//! apostrophe (`l’Ukraine` → `l’` `Ukraine`, `qu’ils` → `qu’` `ils`) except
//! in words that are one (`quelqu’un`, `presqu’île`, `c’est-à-dire`);
//! hyphenated words stay whole (`nord-coréennes`, `Jean-Pierre`, `Covid-19`)
//! except the clitic pronouns after a verb (`a-t-il` → `a` `-t-il`, `Peut-on`
//! → `Peut` `-on`, `dites-le` → `dites` `-le`) and the `-ci`, `-là` of a
//! noun (`ce jour-là`), see `clitics_start`; numbers keep their thousands
//! groups whatever the separator (`11 000` with a plain, no-break or narrow
//! no-break space, `1.500`), and their value is parsed; a decimal comma or
//! point, a date or a fraction is one number (`2,5`, `0.27`, `01.02.2020`,
//! `1/10`). Runs of periods or hyphens (`...`, `--`), `°C` and `n°` are one
//! token. URLs, e-mail addresses and @handles are single `Other` tokens so
//! they never look like names.

use super::{fold, fold_into, is_apostrophe, is_space, Form, Sentence, Span};

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
    /// The text as written (inline when short: no allocation).
    pub text: Form,
    /// Folded form (lowercase, no accents, `'` apostrophe), for matching.
    pub norm: Form,
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

/// The longest word of `ELIDING`, in chars.
const MAX_ELIDING: usize = 7;

/// Words written with an elided form that are one word, not an elision and
/// a word (folded): the pronoun "quelqu'un", the noun "presqu'île", the
/// conjunction "c'est-à-dire".
const WHOLE_ELIDED: &[&str] = &["quelqu'un", "quelqu'une", "presqu'ile", "presqu'iles", "c'est-a-dire"];

/// Lexicalized compounds whose last part looks like a clitic pronoun: nouns,
/// not a verb and its pronoun (lowercase, accents kept).
const WHOLE_COMPOUNDS: &[&str] =
    &["rendez-vous", "chez-moi", "chez-toi", "chez-soi", "chez-nous", "chez-vous", "entre-nous"];

/// Subject pronouns that follow the verb in an inversion ("peut-on", "est-ce").
const SUBJECTS: &[&str] = &["je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce"];

/// Object pronouns that follow a verb in the imperative ("dites-moi", "allez-y").
const OBJECTS: &[&str] = &["moi", "toi", "le", "la", "les", "lui", "leur", "y", "en", "nous", "vous"];

/// Forms of être that take "-ce" ("est-ce", "était-ce", "fût-ce").
const ETRE_CE: &[&str] =
    &["est", "était", "sera", "serait", "fut", "fût", "sont", "étaient", "seront", "seraient", "furent", "soit"];

/// Words that "-ci" and "-là" make one pronoun or adverb with ("celui-ci",
/// "jusque-là", "par-ci"); after any other word they are a part of their own
/// ("ce jour-là" → "jour" "-là").
const DEICTIC_HOSTS: &[&str] = &["celui", "celle", "ceux", "celles", "jusque", "par", "de", "ici", "comme", "là"];

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2011}'
}

/// Where the clitic pronouns that end a hyphenated word start (the byte
/// offset of their first hyphen), if it has any: the subject pronoun of an
/// inversion ("Peut-on", "a-t-il", "est-ce"), the object pronouns of an
/// imperative ("dites-le-moi", "allez-y"), or the "-ci" and "-là" of a noun
/// ("ce jour-là"). The pronouns are lowercase (or the whole word is
/// uppercase) and the verb before has the shape French gives it there: a
/// capitalized 3rd person inverted without "-t-" ends in t or d ("Dit-il",
/// "Prend-elle"; a lowercase verb may be a typo: "ajoute-il"),
/// "-je" follows a vowel, s or x, "-tu" an s or an x, "-ce" a form of être,
/// an imperative ends in e, s, x or z. "Jong-il", "rendez-vous" and
/// "celle-ci" stay whole.
pub fn clitics_start(word: &str) -> Option<usize> {
    if !word.contains(is_hyphen) {
        return None;
    }
    // Segments: (byte offset of the hyphen before, or 0; text).
    let mut segs: Vec<(usize, &str)> = Vec::new();
    let mut from = 0;
    for (b, c) in word.char_indices() {
        if is_hyphen(c) {
            segs.push((from, &word[from..b]));
            from = b;
        }
    }
    segs.push((from, &word[from..]));
    let segs: Vec<(usize, &str)> = segs
        .into_iter()
        .enumerate()
        .map(|(k, (b, s))| if k == 0 { (b, s) } else { (b, &s[s.chars().next().map_or(0, char::len_utf8)..]) })
        .collect();
    let n = segs.len();
    let lower = word.to_lowercase();
    if WHOLE_COMPOUNDS.contains(&lower.replace('\u{2011}', "-").as_str()) {
        return None;
    }
    let all_caps = !word.chars().any(char::is_lowercase);
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    let lowered: Vec<String> = segs.iter().map(|s| s.1.to_lowercase()).collect();
    let clitic = |k: usize, list: &[&str]| {
        (all_caps || !segs[k].1.chars().any(char::is_uppercase)) && list.contains(&lowered[k].as_str())
    };
    let host_end = |k: usize| segs[k - 1].1.chars().last().and_then(|c| c.to_lowercase().next()).unwrap_or(' ');
    // Inversion: one subject pronoun ends the word.
    if clitic(n - 1, SUBJECTS) {
        let last = lowered[n - 1].as_str();
        let euphonic = n >= 3 && (segs[n - 2].1 == "t" || all_caps && segs[n - 2].1 == "T");
        let third = matches!(last, "il" | "elle" | "on" | "ils" | "elles");
        let first = if euphonic && third { n - 2 } else { n - 1 };
        if first >= 1 {
            let end = host_end(first);
            let ok = match last {
                _ if euphonic && third => true,
                // A lowercase verb is no name: "ajoute-il" (for "ajoute-t-il") splits too.
                "il" | "elle" | "on" | "ils" | "elles" => matches!(end, 't' | 'd') || !capitalized,
                "je" => "aeiouéèêsx".contains(end),
                "tu" => matches!(end, 's' | 'x'),
                "ce" => ETRE_CE.contains(&lowered[first - 1].as_str()),
                _ => true, // nous, vous: an inversion or an imperative
            };
            if ok {
                return Some(segs[first].0);
            }
        }
    }
    // Imperative: one or two object pronouns.
    let mut first = n;
    while first > 1 && n - first < 2 && clitic(first - 1, OBJECTS) {
        first -= 1;
    }
    if first < n && matches!(host_end(first), 'e' | 's' | 'x' | 'z') {
        return Some(segs[first].0);
    }
    // "-ci", "-là" after a noun.
    if n == 2 && clitic(1, &["ci", "là"]) && !DEICTIC_HOSTS.contains(&lowered[0].as_str()) {
        return Some(segs[1].0);
    }
    None
}

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
    fn digit(&self, i: usize) -> bool {
        self.ch(i).is_some_and(|c| c.is_ascii_digit())
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
    let sentence_text = &doc_text[span.start..span.end];
    // Sized once: collecting would grow the buffer from a guess of a quarter.
    let mut chars = Vec::with_capacity(sentence_text.len());
    chars.extend(sentence_text.char_indices().map(|(b, c)| (b + span.start, c)));
    let cur = Cursor { chars, end: span.end, char_base: span.cstart };
    let n = cur.chars.len();
    // Words of French run about six characters with their space: one
    // allocation for most sentences.
    let mut out = Vec::with_capacity(n / 5 + 4);
    let mut i = 0;
    let mut folded = String::new();
    let mut push = |out: &mut Vec<Token>, a: usize, b: usize, kind: TokKind, value: Option<i64>| {
        let sp = cur.span(a, b);
        let text = &doc_text[sp.start..sp.end];
        folded.clear();
        fold_into(text, &mut folded);
        out.push(Token { span: sp, text: Form::from(text), norm: Form::from(folded.as_str()), kind, value });
    };
    // E-mail addresses are looked for only where there is an @; the chars
    // before `no_email` are known to start none.
    let has_at = doc_text[span.start..span.end].contains('@');
    let mut no_email = 0;
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
        if has_at && i >= no_email && c.is_alphanumeric() {
            match email_at(&cur, i) {
                Ok(j) => {
                    push(&mut out, i, j, TokKind::Other, None);
                    i = j;
                    continue;
                }
                Err(stop) => no_email = stop,
            }
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
            let mut hyphenated = false;
            let mut elided = false;
            loop {
                match cur.ch(j) {
                    Some(d) if d.is_alphanumeric() => j += 1,
                    Some(h) if is_hyphen(h) && is_letter(cur.ch(j + 1)) => {
                        hyphenated = true;
                        j += 2;
                    }
                    // A name and a number: "Covid-19", "F-16".
                    Some(h) if is_hyphen(h) && cur.digit(j + 1) && joins_number(&cur, doc_text, i, j) => {
                        hyphenated = true;
                        j += 2;
                    }
                    Some(a) if is_apostrophe(a) => {
                        elided = j - i <= MAX_ELIDING && eliding(&doc_text[cur.byte(i)..cur.byte(j)]);
                        if elided || !is_letter(cur.ch(j + 1)) {
                            break;
                        }
                        j += 2;
                    }
                    _ => break,
                }
            }
            // Elision: keep the apostrophe with the elided word, unless they make one word.
            if elided {
                match whole_elided(&cur, doc_text, i, j) {
                    Some(k) => {
                        push(&mut out, i, k, TokKind::Word, None);
                        i = k;
                    }
                    None => {
                        push(&mut out, i, j + 1, TokKind::Word, None);
                        i = j + 1;
                    }
                }
                continue;
            }
            // "n°", "Nº": the abbreviation of numéro.
            if j == i + 1 && matches!(c, 'n' | 'N') && matches!(cur.ch(j), Some('°' | 'º')) {
                push(&mut out, i, j + 1, TokKind::Word, None);
                i = j + 1;
                continue;
            }
            // Clitic pronouns after a verb: "a-t-il" → "a" "-t-il", "Allez-y" → "Allez" "-y".
            let raw = &doc_text[cur.byte(i)..cur.byte(j)];
            match if hyphenated { clitics_start(raw) } else { None } {
                Some(b) => {
                    let at = cur.byte(i) + b;
                    let k = i + raw[..b].chars().count();
                    debug_assert_eq!(cur.byte(k), at);
                    push(&mut out, i, k, TokKind::Word, None);
                    // Each pronoun is a token with its hyphen; "-t-il" is one.
                    let mut a = k;
                    let mut m = k + 1;
                    while m < j {
                        if cur.ch(m).is_some_and(is_hyphen)
                            && !(m == a + 2 && cur.ch(a + 1).is_some_and(|t| t == 't' || t == 'T'))
                        {
                            push(&mut out, a, m, TokKind::Word, None);
                            a = m;
                        }
                        m += 1;
                    }
                    push(&mut out, a, j, TokKind::Word, None);
                }
                None => push(&mut out, i, j, TokKind::Word, None),
            }
            i = j;
            continue;
        }
        // "[…]" is one mark, and so is a run of periods or of hyphens ("...", "--").
        if c == '[' && cur.ch(i + 1) == Some('…') && cur.ch(i + 2) == Some(']') {
            push(&mut out, i, i + 3, TokKind::Punct, None);
            i += 3;
            continue;
        }
        if (c == '.' || c == '-') && cur.ch(i + 1) == Some(c) {
            let mut j = i + 2;
            while cur.ch(j) == Some(c) {
                j += 1;
            }
            push(&mut out, i, j, TokKind::Punct, None);
            i = j;
            continue;
        }
        // Degrees Celsius and Fahrenheit: "°C".
        if c == '°' && matches!(cur.ch(i + 1), Some('C' | 'F')) && !is_letter(cur.ch(i + 2)) {
            push(&mut out, i, i + 2, TokKind::Word, None);
            i += 2;
            continue;
        }
        push(&mut out, i, i + 1, TokKind::Punct, None);
        i += 1;
    }
    out
}

/// Whether the hyphen at char `j`, after the word that starts at `i` and
/// before a digit, joins a name and its number ("Covid-19", "MiG-29",
/// "polonium-210") rather than being a minus sign ("à -2,5" typed "à-2,5"):
/// not before a decimal, not after a short lowercase word.
fn joins_number(cur: &Cursor, doc_text: &str, i: usize, j: usize) -> bool {
    let mut k = j + 1;
    while cur.digit(k) {
        k += 1;
    }
    if matches!(cur.ch(k), Some(',' | '.')) && cur.digit(k + 1) {
        return false;
    }
    let word = &doc_text[cur.byte(i)..cur.byte(j)];
    j - i > 4 || word.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether `word` is one of the words that elide (they are ASCII).
fn eliding(word: &str) -> bool {
    ELIDING.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// The end of a word written with an elided form that is one word
/// ("quelqu'un"), the elided form being chars `i..j` and the apostrophe at `j`.
fn whole_elided(cur: &Cursor, doc_text: &str, i: usize, j: usize) -> Option<usize> {
    let head = &doc_text[cur.byte(i)..cur.byte(j)];
    if !["c", "quelqu", "presqu"].iter().any(|h| h.eq_ignore_ascii_case(head)) {
        return None;
    }
    let mut k = j + 1;
    while k - j < 12 && (is_letter(cur.ch(k)) || cur.ch(k).is_some_and(is_hyphen) && is_letter(cur.ch(k + 1))) {
        k += 1;
    }
    if is_letter(cur.ch(k)) {
        return None;
    }
    WHOLE_ELIDED.contains(&fold(&doc_text[cur.byte(i)..cur.byte(k)]).as_str()).then_some(k)
}

/// An e-mail address starting at char `i`: its end, or `Err` with the char
/// where the look-up stopped (no address starts before it).
fn email_at(cur: &Cursor, i: usize) -> Result<usize, usize> {
    let local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    let mut k = i;
    while cur.ch(k).is_some_and(local) {
        k += 1;
    }
    if cur.ch(k) != Some('@') || k == i {
        return Err(k.max(i + 1));
    }
    // The domain: labels of letters, digits and hyphens joined by periods.
    let mut j = k + 1;
    let mut end = None;
    loop {
        let start = j;
        while cur.ch(j).is_some_and(|c| c.is_alphanumeric() || c == '-') {
            j += 1;
        }
        if j == start {
            break;
        }
        if start > k + 1 && (start..j).all(|m| is_letter(cur.ch(m))) && j - start >= 2 {
            end = Some(j); // a top-level domain after a period
        }
        if cur.ch(j) == Some('.') && cur.ch(j + 1).is_some_and(char::is_alphanumeric) {
            j += 1;
        } else {
            break;
        }
    }
    end.ok_or(k + 1)
}

/// Reads a number starting at char `i`: digits, thousands groups separated by
/// a space of any kind or a period, and a decimal comma or point; dates and
/// fractions written with periods or slashes ("01.01.2012", "1/10") are one
/// number too. Returns the end and the whole value when there is no decimal
/// or fraction part.
fn scan_number(cur: &Cursor, i: usize) -> (usize, Option<i64>) {
    let digit = |k: usize| cur.digit(k);
    let mut j = i;
    while digit(j) {
        j += 1;
    }
    // A lone zero has no thousands: "0.270" is a decimal.
    let mut grouped = j - i <= 3 && !(j - i == 1 && cur.ch(i) == Some('0'));
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
    if matches!(cur.ch(j), Some(',' | '.' | '/')) && digit(j + 1) {
        let sep = cur.ch(j);
        let mut k = j + 1;
        while digit(k) {
            k += 1;
        }
        // More parts with the same separator (or a period after a decimal comma is a stop).
        while sep != Some(',') && cur.ch(k) == sep && digit(k + 1) {
            k += 1;
            while digit(k) {
                k += 1;
            }
        }
        // A fraction whose denominator has thousands ("1/10 000") is left as
        // its parts: the groups cannot be told from the next number.
        let grouped_after = matches!(cur.ch(k), Some(' ' | '\u{00a0}' | '\u{202f}' | '\u{2009}'))
            && digit(k + 1)
            && digit(k + 2)
            && digit(k + 3)
            && !digit(k + 4);
        if sep == Some('/') && grouped_after {
            return (j, value_digits.parse().ok());
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
        tokenize_at(text, span).into_iter().map(|t| t.text.to_string()).collect()
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

#[cfg(test)]
mod french_typography {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let span = Span { start: 0, end: text.len(), cstart: 0, cend: text.chars().count() };
        tokenize_at(text, span).into_iter().map(|t| t.text.to_string()).collect()
    }

    fn kinds(text: &str) -> Vec<(String, TokKind, Option<i64>)> {
        let span = Span { start: 0, end: text.len(), cstart: 0, cend: text.chars().count() };
        tokenize_at(text, span).into_iter().map(|t| (t.text.to_string(), t.kind, t.value)).collect()
    }

    #[test]
    fn inverted_subject_after_a_capitalized_verb() {
        assert_eq!(toks("Puis-je entrer ?"), ["Puis", "-je", "entrer", "?"]);
        assert_eq!(toks("Peut-on le croire"), ["Peut", "-on", "le", "croire"]);
        assert_eq!(toks("Faut-il attendre"), ["Faut", "-il", "attendre"]);
        assert_eq!(toks("Sont-elles prêtes"), ["Sont", "-elles", "prêtes"]);
        assert_eq!(toks("Que faut-il retenir"), ["Que", "faut", "-il", "retenir"]);
        assert_eq!(toks("Pourquoi a-t-il menti"), ["Pourquoi", "a", "-t-il", "menti"]);
        assert_eq!(toks("Va-t-elle céder"), ["Va", "-t-elle", "céder"]);
        assert_eq!(toks("Peux-tu venir"), ["Peux", "-tu", "venir"]);
        assert_eq!(toks("Avez-vous fini"), ["Avez", "-vous", "fini"]);
        assert_eq!(toks("FAUT-IL PAYER"), ["FAUT", "-IL", "PAYER"]);
    }

    #[test]
    fn ce_after_etre() {
        assert_eq!(toks("Est-ce grave"), ["Est", "-ce", "grave"]);
        assert_eq!(toks("est-ce que tu viens"), ["est", "-ce", "que", "tu", "viens"]);
        assert_eq!(toks("Qu'est-ce que c'est"), ["Qu'", "est", "-ce", "que", "c'", "est"]);
        assert_eq!(toks("n’est-ce pas"), ["n’", "est", "-ce", "pas"]);
        assert_eq!(toks("serait-ce vrai"), ["serait", "-ce", "vrai"]);
    }

    #[test]
    fn imperative_pronouns() {
        assert_eq!(toks("Allez-y"), ["Allez", "-y"]);
        assert_eq!(toks("Dites-le-moi"), ["Dites", "-le", "-moi"]);
        assert_eq!(toks("allez-vous-en"), ["allez", "-vous", "-en"]);
        assert_eq!(toks("Revenons-en aux faits"), ["Revenons", "-en", "aux", "faits"]);
        assert_eq!(toks("croyez-moi"), ["croyez", "-moi"]);
    }

    #[test]
    fn demonstrative_particles_after_a_noun() {
        assert_eq!(toks("ce soir-là"), ["ce", "soir", "-là"]);
        assert_eq!(toks("cette fois-ci"), ["cette", "fois", "-ci"]);
        assert_eq!(toks("celle-ci et ceux-là"), ["celle-ci", "et", "ceux-là"]);
        assert_eq!(toks("jusque-là"), ["jusque-là"]);
    }

    #[test]
    fn compounds_and_names_stay_whole() {
        assert_eq!(toks("un rendez-vous"), ["un", "rendez-vous"]);
        assert_eq!(toks("Rendez-vous demain"), ["Rendez-vous", "demain"]);
        assert_eq!(toks("le va-et-vient"), ["le", "va-et-vient"]);
        assert_eq!(toks("un laissez-passer"), ["un", "laissez-passer"]);
        assert_eq!(toks("un chez-soi, un entre-nous"), ["un", "chez-soi", ",", "un", "entre-nous"]);
        assert_eq!(toks("Rendez-nous la clé"), ["Rendez", "-nous", "la", "clé"]);
        assert_eq!(toks("Kim Jong-il"), ["Kim", "Jong-il"]);
        assert_eq!(toks("Marie-Elle"), ["Marie-Elle"]);
        assert_eq!(toks("peut-être là-bas"), ["peut-être", "là-bas"]);
        assert_eq!(toks("le vent d'Est-Ouest"), ["le", "vent", "d'", "Est-Ouest"]);
        assert_eq!(toks("quelqu'un, Quelqu’une"), ["quelqu'un", ",", "Quelqu’une"]);
        assert_eq!(toks("la presqu'île"), ["la", "presqu'île"]);
        assert_eq!(toks("c'est-à-dire c'est"), ["c'est-à-dire", "c'", "est"]);
    }

    #[test]
    fn clitics_start_offsets() {
        assert_eq!(clitics_start("Peut-on"), Some(4));
        assert_eq!(clitics_start("a-t-il"), Some(1));
        assert_eq!(clitics_start("Était-ce"), Some("Était".len()));
        assert_eq!(clitics_start("Dites-le-moi"), Some(5));
        assert_eq!(clitics_start("Jean-Pierre"), None);
        assert_eq!(clitics_start("Jong-il"), None);
        assert_eq!(clitics_start("Min-je"), None);
        assert_eq!(clitics_start("rendez-vous"), None);
        assert_eq!(clitics_start("chez-moi"), None);
        assert_eq!(clitics_start("mot"), None);
    }

    #[test]
    fn decimals_dates_and_fractions() {
        assert_eq!(kinds("0.27"), [("0.27".to_string(), TokKind::Number, None)]);
        assert_eq!(toks("la version 2.0."), ["la", "version", "2.0", "."]);
        assert_eq!(toks("2,5 et 1.500"), ["2,5", "et", "1.500"]);
        assert_eq!(kinds("1.500")[0].2, Some(1500));
        assert_eq!(toks("le 01.02.2020 puis"), ["le", "01.02.2020", "puis"]);
        assert_eq!(toks("1/10 des cas, 3/4"), ["1/10", "des", "cas", ",", "3/4"]);
        assert_eq!(toks("8/10e"), ["8/10e"]);
        // A denominator with thousands is left in parts.
        assert_eq!(toks("1/10 000"), ["1", "/", "10 000"]);
        assert_eq!(kinds("en 2019.")[1].2, Some(2019));
    }

    #[test]
    fn marks_units_and_addresses() {
        assert_eq!(toks("non -- pas ça"), ["non", "--", "pas", "ça"]);
        assert_eq!(toks("bon.. bof.... fin..."), ["bon", "..", "bof", "....", "fin", "..."]);
        assert_eq!(toks("il fait 30 °C."), ["il", "fait", "30", "°C", "."]);
        assert_eq!(toks("le n° 5, le N°7"), ["le", "n°", "5", ",", "le", "N°", "7"]);
        assert_eq!(
            toks("écrire à jean.dupont@exemple.fr. Merci"),
            ["écrire", "à", "jean.dupont@exemple.fr", ".", "Merci"]
        );
        assert_eq!(kinds("a@b.fr")[0].1, TokKind::Other);
        assert_eq!(toks("Rendez-vous @AFP"), ["Rendez-vous", "@AFP"]);
        assert_eq!(toks("moi@ici est faux"), ["moi", "@ici", "est", "faux"]);
    }

    #[test]
    fn names_with_numbers() {
        assert_eq!(toks("le Covid-19 et un F-16"), ["le", "Covid-19", "et", "un", "F-16"]);
        assert_eq!(toks("le polonium-210"), ["le", "polonium-210"]);
        // A minus sign typed without its space.
        assert_eq!(toks("de 2 à-2,5"), ["de", "2", "à", "-", "2,5"]);
    }

    #[test]
    fn every_token_is_its_slice() {
        let texts = [
            "« Puis-je ? » Est-ce…  rendez-vous à 18h30, n° 7 ; 0.5 °C -- écrire@ici.fr ...",
            "Qu’en pense-t-il ?\u{a0}Dites-le-moi : 1/4 des 2\u{202f}000 Covid-19 ce jour-là.",
            "é-é-é-a-t-il l'l'l' quelqu'un@@ -- .. - @ # http://x.y/z",
        ];
        for text in texts {
            let span = Span { start: 0, end: text.len(), cstart: 0, cend: text.chars().count() };
            let mut last = 0;
            for t in tokenize_at(text, span) {
                assert_eq!(&text[t.span.start..t.span.end], t.text);
                let chars: String = text.chars().skip(t.span.cstart).take(t.span.cend - t.span.cstart).collect();
                assert_eq!(chars, t.text);
                assert!(t.span.start >= last && t.span.end > t.span.start, "{text}: {t:?}");
                last = t.span.end;
            }
        }
    }
}
