//! Sentence splitting for French news typography.
//!
//! A line break always ends a sentence: headlines, datelines and pasted
//! tweets stand on lines of their own and often lack a final stop. Inside a
//! line, `.`, `!`, `?` and `…` end a sentence when what follows (after any
//! closing quotes) starts a new one: an uppercase letter, a digit, an opening
//! quote that does not go on in lowercase, or a dash. A straight `"` closes
//! or opens by the spaces and marks around it, and where they do not tell
//! (`. " Il`), by the quotes still open in the paragraph. Abbreviations
//! (`M.`, `Mme.`), initials (`J.`, `J.-P.`, `U.S.A.`, unless a guillemet
//! follows), numbers (`1.500`) and the number of a list item (`1. À partir`)
//! do not end sentences; `etc.` and the era `av. J.-C.` end one before a
//! capital. Scraped text that glued two sentences (`sur Telegram.Au moins`)
//! is split. A sentence longer than `MAX_SENTENCE_CHARS` (scraped text
//! without stops) is cut into pieces of at most that length, at the last
//! comma, semicolon or colon of its second half, else at its last space, so
//! that every later stage works on bounded sentences. The work is linear
//! in the text.

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
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "av", "apr", "cf", "p", "pp",
    "vol", "art", "gén", "Gén", "col", "lt", "cdt", "env", "hab", "min", "max", "no", "n", "tél", "fig", "éd", "dir",
    "coll", "Jr", "Sr", "sq", "Cie", "Inc", "Ltd", "Corp", "vs",
];

/// Abbreviations that close a list or a date and end the sentence when a
/// capital follows: "etc. Le lendemain", "52 av. J.-C. César" (see `dot_after`).
const CLOSING_ABBREVIATIONS: &[&str] = &["etc"];

/// The words before "J.-C." that make it the era (Jésus-Christ), not the
/// initials of a given name (Jean-Claude).
const ERA_MARKERS: &[&str] = &["av", "avant", "apr", "après", "ap"];

/// A word longer than this (in chars) before a period is no abbreviation; the
/// bound keeps the scan linear on text without spaces.
const MAX_ABBREVIATION: usize = 24;

/// The longest sentence, in chars: a longer one is cut into pieces. News
/// sentences are shorter (one in two thousand of a large French news
/// corpus is longer); past it, text without stops would make every piece of
/// evidence, and the parse, as long as the whole text.
pub const MAX_SENTENCE_CHARS: usize = 1000;

fn closes(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | '’' | ')' | ']' | '\'')
}

fn opens_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '“' | '"' | '—' | '–' | '-' | '[' | '(' | '¿' | '¡')
}

/// Whether `c` belongs to the word an abbreviation is read from.
fn in_word(c: char) -> bool {
    c.is_alphabetic() || c == '-' || c == '.'
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2029}')
}

/// Words that open a sentence and never end a name, which scraped text
/// glues to the last word of the line before (a headline, a caption):
/// "Emmanuel MacronUne réforme", "explique-t-il au SénatLe concours".
const GLUED_OPENERS: &[&str] = &[
    "Le", "La", "Les", "Un", "Une", "Des", "Du", "Et", "Mais", "Malgré", "Depuis", "Dans", "En", "Au", "Aux", "Pour",
    "Selon", "Alors", "Ce", "Cette", "Ces", "Cet", "Il", "Elle", "Ils", "Elles", "On", "Nous", "Vous", "Après",
    "Avant", "Lors", "Pendant", "Si", "Son", "Sa", "Ses", "Leur", "Leurs", "Quand", "Pourtant", "Ainsi", "Enfin",
    "Par", "Sur", "Avec", "Sans", "Entre", "Contre", "Vers", "Chez", "Face", "Mercredi", "Jeudi", "Vendredi", "Samedi",
    "Dimanche", "Lundi", "Mardi",
];

/// Whether the uppercase char at `i` starts a sentence glued to the word
/// before it: a lowercase letter before it that ends a word of at least two
/// letters, and from `i` one of `GLUED_OPENERS` followed by a space. Names
/// written with an inner capital ("McDonald", "LeBlanc", "DiCaprio") go on
/// in letters, so they do not match.
fn glued_opener(chars: &[(usize, char)], i: usize, work: &mut usize) -> bool {
    if i < 2 || !chars[i - 1].1.is_lowercase() || !chars[i - 2].1.is_alphabetic() {
        return false;
    }
    let mut j = i;
    while j < chars.len() && j - i < 9 && chars[j].1.is_alphabetic() {
        j += 1;
    }
    *work += j - i;
    if chars.get(j).is_none_or(|&(_, c)| c != ' ') {
        return false;
    }
    let word: String = chars[i..j].iter().map(|&(_, c)| c).collect();
    GLUED_OPENERS.contains(&word.as_str())
}

/// What a period after a word says about the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dot {
    /// An ordinary stop: the sentence ends if a new one follows.
    Stop,
    /// An abbreviation: the sentence goes on.
    Abbreviation,
    /// Initials ("J.", "U.S.A."): the sentence goes on unless a quotation
    /// opens after them, as no name starts with one.
    Initials,
    /// An abbreviation that ends the sentence only before a capital or an
    /// opening quote ("etc. Le lendemain", not "etc. (voir plus bas)").
    Closing,
}

/// Initials, one capital letter each, joined by periods and hyphens:
/// "J", "J.-P", "J.F.K", "U.S.A".
fn is_initials(word: &str) -> bool {
    let mut any = false;
    for part in word.split('.') {
        let part = part.strip_prefix('-').unwrap_or(part);
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_uppercase() => any = true,
            _ => return false,
        }
    }
    any
}

/// Reads the word `chars[from..to]` before a period (`from` is where the
/// letters, periods and hyphens before it start).
fn dot_after(chars: &[(usize, char)], text: &str, from: usize, to: usize, work: &mut usize) -> Dot {
    if to - from > MAX_ABBREVIATION {
        return Dot::Stop;
    }
    *work += to - from;
    let end = chars.get(to).map_or(text.len(), |&(b, _)| b);
    let word = text[chars[from].0..end].trim_start_matches(['.', '-']);
    if word.is_empty() {
        return Dot::Stop;
    }
    if CLOSING_ABBREVIATIONS.contains(&word) {
        return Dot::Closing;
    }
    if word == "J.-C" || word == "J.C" {
        return if ERA_MARKERS.contains(&word_before(chars, text, from, work).as_str()) {
            Dot::Closing
        } else {
            Dot::Abbreviation
        };
    }
    if is_initials(word) {
        // A unit after a degree sign is no initial: "2 °C. Le".
        let mut k = from;
        while k > 0 && from - k < 2 && is_space(chars[k - 1].1) {
            k -= 1;
        }
        if k > 0 && chars[k - 1].1 == '°' {
            return Dot::Stop;
        }
        return Dot::Initials;
    }
    if ABBREVIATIONS.contains(&word) {
        Dot::Abbreviation
    } else {
        Dot::Stop
    }
}

/// The lowercase word (without its period) just before char `at` and the
/// spaces before it, read over at most a few chars.
fn word_before(chars: &[(usize, char)], text: &str, at: usize, work: &mut usize) -> String {
    let mut b = at;
    while b > 0 && at - b < 3 && is_space(chars[b - 1].1) {
        b -= 1;
    }
    if b > 0 && chars[b - 1].1 == '.' {
        b -= 1;
    }
    let mut a = b;
    while a > 0 && b - a < 8 && chars[a - 1].1.is_alphabetic() {
        a -= 1;
    }
    *work += at - a;
    let end = chars.get(b).map_or(text.len(), |&(x, _)| x);
    text[chars.get(a).map_or(text.len(), |&(x, _)| x)..end].to_lowercase()
}

/// What a straight double quote does, told by the chars around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    /// After a space and before a word: `dit "Non`.
    Opens,
    /// Before a comma, a period, a closing bracket, or after a word and
    /// before a space: `non", a-t-il`, `non." Il`.
    Closes,
    /// Spaced or glued on both sides (`. " Il`, `."Il`): the quotes open
    /// before it in the paragraph tell.
    Either,
}

fn quote_role(chars: &[(usize, char)], k: usize) -> Quote {
    let before = if k > 0 { Some(chars[k - 1].1) } else { None };
    let after = chars.get(k + 1).map(|&(_, c)| c);
    if after.is_some_and(|c| matches!(c, ',' | ';' | ':' | '.' | ')' | ']' | '!' | '?' | '…')) {
        return Quote::Closes;
    }
    let spaced_before = before.is_none_or(is_space);
    let spaced_after = after.is_none_or(is_space);
    match (spaced_before, spaced_after) {
        (true, false) => Quote::Opens,
        (false, true) => Quote::Closes,
        _ => Quote::Either,
    }
}

/// Splits a document into sentences, trimmed of spaces, skipping those with
/// no letter or digit. Never fails: odd text gives odd sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut work = 0;
    let out = split_counting(text, &mut work);
    crate::work::add(work);
    out
}

/// The splitter; `work` counts the chars it looks at, so that tests can
/// check it stays linear in its input.
fn split_counting(text: &str, work: &mut usize) -> Vec<Sentence> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Indices into `chars` where a new sentence starts, the last one apart.
    let mut cuts: Vec<usize> = Vec::new();
    let mut last_cut = 0;
    // Whether a straight quote is open in this paragraph (see `Quote`).
    let mut quote_open = false;
    let mut i = 0;
    // Chars before `skip` were read as a run of marks.
    let mut skip = 0;
    while i < chars.len() {
        *work += 1;
        let c = chars[i].1;
        if c == '"' {
            quote_open = match quote_role(&chars, i) {
                Quote::Opens => true,
                Quote::Closes => false,
                Quote::Either => !quote_open,
            };
        }
        if i < skip {
            i += 1;
            continue;
        }
        if is_line_break(c) {
            cuts.push(i + 1);
            last_cut = i + 1;
            quote_open = false;
            i += 1;
            continue;
        }
        if !is_terminal(c) {
            if c.is_uppercase() && glued_opener(&chars, i, work) {
                cuts.push(i);
                last_cut = i;
            }
            i += 1;
            continue;
        }
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let mut dot = Dot::Stop;
        if c == '.' && next != Some('.') {
            if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
                i += 1;
                continue;
            }
            if prev.is_some_and(|p| p.is_ascii_digit()) && is_list_number(&chars, i, last_cut, work) {
                i += 1;
                continue;
            }
            if prev.is_some_and(char::is_alphabetic) {
                // The letters, periods and hyphens before: "M", "J.-P", "etc".
                let mut word_start = i;
                while word_start > 0 && i - word_start <= MAX_ABBREVIATION && in_word(chars[word_start - 1].1) {
                    word_start -= 1;
                }
                *work += i - word_start;
                dot = dot_after(&chars, text, word_start, i, work);
                if dot == Dot::Abbreviation || dot == Dot::Initials && !guillemet_after(&chars, i, work) {
                    i += 1;
                    continue;
                }
            }
        }
        // Run of terminal marks, then closing quotes and spaces.
        let mut j = i + 1;
        while j < chars.len() && is_terminal(chars[j].1) {
            *work += 1;
            j += 1;
        }
        let mut end = j;
        let mut k = j;
        let mut open = quote_open;
        while k < chars.len() {
            *work += 1;
            let d = chars[k].1;
            if d == '"' {
                let closing = match quote_role(&chars, k) {
                    Quote::Opens => false,
                    Quote::Closes => true,
                    Quote::Either => open,
                };
                if !closing {
                    break;
                }
                open = false;
                end = k + 1;
            } else if closes(d) {
                end = k + 1;
            } else if !is_space(d) || is_line_break(d) {
                break;
            }
            k += 1;
        }
        let starts = match chars.get(k) {
            None => true,
            // A quotation that starts lowercase goes on with the sentence: `(glaces...) "a été`.
            Some(&(_, '«' | '“' | '"')) => !lowercase_after(&chars, k, work),
            Some(&(_, n)) if dot == Dot::Closing => n.is_uppercase(),
            Some(&(_, n)) => is_line_break(n) || opens_sentence(n),
        };
        if starts {
            cuts.push(end);
            last_cut = end;
        }
        skip = j;
        i += 1;
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
        *work += cut - from;
        from = cut;
        while b - a > MAX_SENTENCE_CHARS {
            let cut = long_cut(&chars, a, work);
            push_sentence(&mut out, &chars, a, cut, &byte_at);
            a = cut;
            while a < b && is_space(chars[a].1) {
                a += 1;
            }
        }
        push_sentence(&mut out, &chars, a, b, &byte_at);
    }
    out
}

/// Appends the sentence of chars `a..b` (trimmed at its end) when it holds
/// a letter or a digit.
fn push_sentence(
    out: &mut Vec<Sentence>,
    chars: &[(usize, char)],
    a: usize,
    b: usize,
    byte_at: &dyn Fn(usize) -> usize,
) {
    let mut b = b;
    while b > a && is_space(chars[b - 1].1) {
        b -= 1;
    }
    if !chars[a..b].iter().any(|&(_, c)| c.is_alphanumeric()) {
        return;
    }
    out.push(Sentence { index: out.len(), span: Span { start: byte_at(a), end: byte_at(b), cstart: a, cend: b } });
}

/// Where to cut a sentence starting at char `a` that runs past
/// `MAX_SENTENCE_CHARS`: after the last comma, semicolon or colon followed
/// by a space in the second half of the allowed length, else at the last
/// space, else at the length itself (never inside a char).
fn long_cut(chars: &[(usize, char)], a: usize, work: &mut usize) -> usize {
    let end = a + MAX_SENTENCE_CHARS;
    let half = a + MAX_SENTENCE_CHARS / 2;
    *work += end - half;
    let window = half..end;
    let after_mark = window.clone().rev().find(|&k| matches!(chars[k - 1].1, ',' | ';' | ':') && is_space(chars[k].1));
    let at_space = || window.clone().rev().find(|&k| is_space(chars[k].1));
    after_mark.or_else(at_space).unwrap_or(end)
}

/// Whether an opening guillemet or curly quote follows the char at `k`
/// past a space or two.
fn guillemet_after(chars: &[(usize, char)], k: usize, work: &mut usize) -> bool {
    let mut m = k + 1;
    while m < chars.len() && m - k < 4 && is_space(chars[m].1) {
        m += 1;
    }
    *work += m - k;
    chars.get(m).is_some_and(|&(_, c)| matches!(c, '«' | '“'))
}

/// Whether the first char after the quote at `k` and a space or two is a
/// lowercase letter.
fn lowercase_after(chars: &[(usize, char)], k: usize, work: &mut usize) -> bool {
    let mut m = k + 1;
    while m < chars.len() && m - k < 4 && is_space(chars[m].1) && !is_line_break(chars[m].1) {
        m += 1;
    }
    *work += m - k;
    chars.get(m).is_some_and(|&(_, c)| c.is_lowercase())
}

/// Whether the period at `i`, after a digit, follows the number of a list
/// item: one to three digits that open the sentence (the last one started
/// at `last_cut`) or follow a colon ("1. À partir de demain", "deux mesures :
/// 1. La baisse").
fn is_list_number(chars: &[(usize, char)], i: usize, last_cut: usize, work: &mut usize) -> bool {
    let mut a = i;
    while a > 0 && i - a < 4 && chars[a - 1].1.is_ascii_digit() {
        a -= 1;
    }
    if i - a > 3 || a > 0 && chars[a - 1].1.is_alphanumeric() {
        return false;
    }
    // Past a space or two, the start of the sentence or a colon.
    let mut k = a;
    while k > last_cut && a - k < 3 && is_space(chars[k - 1].1) {
        k -= 1;
    }
    *work += i - k;
    k == last_cut || k > 0 && chars[k - 1].1 == ':'
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
        // A headline glued to the sentence after it, with no stop.
        assert_eq!(
            split("selon Bérengère MoulardUne réforme attendue"),
            ["selon Bérengère Moulard", "Une réforme attendue"]
        );
        assert_eq!(split("a dit le SénatLe texte passe"), ["a dit le Sénat", "Le texte passe"]);
        // Inner capitals of names, or a capital not followed by a space.
        assert_eq!(split("Paul McDonald et Ana DiCaprio"), ["Paul McDonald et Ana DiCaprio"]);
        assert_eq!(split("le groupe LeBlanc Une"), ["le groupe LeBlanc Une"]);
        assert_eq!(split("le logiciel iLe est là"), ["le logiciel iLe est là"]);
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

#[cfg(test)]
mod french_typography {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn dotted_initials_and_acronyms_go_on() {
        assert_eq!(split("Le rapport de J.-P. Martin est paru."), ["Le rapport de J.-P. Martin est paru."]);
        assert_eq!(split("Selon J.F.K. Durand, tout va bien."), ["Selon J.F.K. Durand, tout va bien."]);
        assert_eq!(split("Il vit aux U.S.A. Depuis dix ans."), ["Il vit aux U.S.A. Depuis dix ans."]);
        assert_eq!(split("M. Dupont et Mme Durand sont là."), ["M. Dupont et Mme Durand sont là."]);
        // No name opens with a guillemet.
        assert_eq!(
            split("Il dirige la société X.Y.Z. « Nous grandissons », dit-il."),
            ["Il dirige la société X.Y.Z.", "« Nous grandissons », dit-il."]
        );
    }

    #[test]
    fn straight_quotes_open_and_close() {
        assert_eq!(
            split("Le maire a parlé. \"Nous resterons\", a-t-il dit."),
            ["Le maire a parlé.", "\"Nous resterons\", a-t-il dit."]
        );
        assert_eq!(split("\"Nous avons gagné.\" Le maire sourit."), ["\"Nous avons gagné.\"", "Le maire sourit."]);
        assert_eq!(
            split("Il dit \"Non !\", puis part. \"Demain.\" Il rit."),
            ["Il dit \"Non !\", puis part.", "\"Demain.\"", "Il rit."]
        );
        // Spaced on both sides: the quote open before tells.
        assert_eq!(
            split("\" Nous partons. \" Il rit. \" Nous restons. \""),
            ["\" Nous partons. \"", "Il rit.", "\" Nous restons. \""]
        );
        // A quotation that starts lowercase goes on with its sentence.
        assert_eq!(
            split("Les stocks (lait, beurre...) \"ont été vendus\", dit-il."),
            ["Les stocks (lait, beurre...) \"ont été vendus\", dit-il."]
        );
    }

    #[test]
    fn list_numbers_do_not_end_a_sentence() {
        assert_eq!(
            split("Le plan a deux volets. 1. À partir de lundi, les écoles ferment. 2. Les bars restent ouverts."),
            ["Le plan a deux volets.", "1. À partir de lundi, les écoles ferment.", "2. Les bars restent ouverts."]
        );
        assert_eq!(
            split("Trois mesures : 1. La taxe baisse. Il a signé en 2019. Le texte est parti."),
            ["Trois mesures : 1. La taxe baisse.", "Il a signé en 2019.", "Le texte est parti."]
        );
    }

    #[test]
    fn etc_and_ellipsis_before_a_new_sentence() {
        assert_eq!(
            split("Il vend des pommes, des poires, etc. Le lendemain, il part."),
            ["Il vend des pommes, des poires, etc.", "Le lendemain, il part."]
        );
        assert_eq!(split("des pommes, etc. (voir plus bas)"), ["des pommes, etc. (voir plus bas)"]);
        assert_eq!(split("des pommes, etc. et des poires."), ["des pommes, etc. et des poires."]);
        assert_eq!(
            split("des fruits (pommes, etc.) Le marché ferme."),
            ["des fruits (pommes, etc.)", "Le marché ferme."]
        );
        assert_eq!(split("Il hésite… à Paris on l'attend."), ["Il hésite… à Paris on l'attend."]);
        assert_eq!(split("Il hésite... Puis il part."), ["Il hésite...", "Puis il part."]);
    }

    #[test]
    fn era_and_units() {
        assert_eq!(
            split("La ville fut fondée en 753 av. J.-C. Elle grandit vite."),
            ["La ville fut fondée en 753 av. J.-C.", "Elle grandit vite."]
        );
        assert_eq!(split("Le directeur J.-C. Durand arrive."), ["Le directeur J.-C. Durand arrive."]);
        assert_eq!(split("Il fait 30 °C. Demain il pleut."), ["Il fait 30 °C.", "Demain il pleut."]);
        assert_eq!(split("Il fait 30° C. Demain il pleut."), ["Il fait 30° C.", "Demain il pleut."]);
    }

    /// The chars the splitter looks at, per char of input.
    fn work_per_char(text: &str) -> f64 {
        let mut work = 0;
        split_counting(text, &mut work);
        work as f64 / text.chars().count() as f64
    }

    #[test]
    fn long_sentences_are_cut_at_a_comma_or_a_space() {
        let text = "le chat dort sur le tapis rouge, ".repeat(200);
        let got = sentences(&text);
        assert!(got.len() > 5, "{} pieces", got.len());
        let chars: Vec<char> = text.chars().collect();
        let mut covered = 0;
        for s in &got {
            assert!(s.span.cend - s.span.cstart <= MAX_SENTENCE_CHARS);
            assert!(text[s.span.start..s.span.end].ends_with(','), "{:?}", &text[s.span.start..s.span.end]);
            covered += chars[s.span.cstart..s.span.cend].iter().filter(|c| !c.is_whitespace()).count();
        }
        assert_eq!(covered, chars.iter().filter(|c| !c.is_whitespace()).count());
        // Without any mark, at a space; without a space, at the length.
        for unit in ["mot ", "x"] {
            let text = unit.repeat(3 * MAX_SENTENCE_CHARS);
            let got = sentences(&text);
            assert!(got.iter().all(|s| s.span.cend - s.span.cstart <= MAX_SENTENCE_CHARS));
            assert!(got.len() >= 3, "{unit:?}: {} pieces", got.len());
            if unit == "mot " {
                assert!(got.iter().all(|s| text[s.span.start..s.span.end].ends_with("mot")));
            }
        }
        // A sentence under the length stays whole.
        let short = format!("{}.", "mot ".repeat(MAX_SENTENCE_CHARS / 4 - 1));
        assert_eq!(sentences(&short).len(), 1);
    }

    #[test]
    fn work_is_linear_on_pathological_input() {
        for unit in ["a.", "a. ", "M.", "J.-", "1. ", "\" ", ". ", "…", "a", "U.S.", "etc. ", "av. J.-C. ", "«. "] {
            let small = work_per_char(&unit.repeat(1_000));
            let big = work_per_char(&unit.repeat(100_000));
            // Each mark reads back at most the length of an abbreviation.
            assert!(big < 2.0 * MAX_ABBREVIATION as f64, "{unit:?} repeated: {big} chars read per char");
            assert!(big < small * 1.5 + 1.0, "{unit:?} repeated: {small} then {big} chars read per char");
        }
    }
}
