//! Folding text for matching: lowercase, accents stripped, one apostrophe,
//! one kind of space. Labels keep the original; only keys are folded.

/// The base letter of a Latin letter with a diacritic, or the letter itself.
fn base(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Whether `c` is an apostrophe of any of the shapes French text uses.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '´' | '‘')
}

/// Whether `c` is a space, including the no-break spaces of French typography.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00a0}' | '\u{202f}' | '\u{2009}' | '\u{200b}' | '\u{feff}')
}

/// Lowercase, strip accents, turn every apostrophe into `'`, every dash-like
/// hyphen into `-` and every space into one plain space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// `fold`, written at the end of `out` (a buffer kept from word to word).
pub fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        // Most text is ASCII: lowercase it without the Unicode tables.
        if c.is_ascii() && !matches!(c, '\'' | '`') {
            if c.is_ascii_whitespace() {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        if is_apostrophe(c) {
            out.push('\'');
        } else if is_space(c) {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if matches!(c, '\u{2010}' | '\u{2011}') {
            out.push('-');
        } else {
            for l in c.to_lowercase() {
                match base(l) {
                    Some(b) => out.push_str(b),
                    None => out.push(l),
                }
            }
        }
    }
}

/// Whether the word starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether every letter of the word is uppercase and it has at least two.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_apostrophes_and_spaces() {
        assert_eq!(fold("Corée du Nord"), "coree du nord");
        assert_eq!(fold("l’Ukraine"), "l'ukraine");
        assert_eq!(fold("11\u{202f}000"), "11 000");
        assert_eq!(fold("ŒUVRE Sergueï"), "oeuvre serguei");
        assert_eq!(fold("États-Unis"), "etats-unis");
    }

    #[test]
    fn capitalization() {
        assert!(is_capitalized("Écosse"));
        assert!(!is_capitalized("écosse"));
        assert!(is_all_caps("OTAN"));
        assert!(!is_all_caps("X"));
        assert!(!is_all_caps("Otan"));
    }
}
