//! `Form`: the text of a token, kept inline when short.
//!
//! Almost every word of French news is under 23 bytes; a token's text and
//! folded form stored inline cost no allocation, so tokenizing a sentence
//! allocates its token vector and little else. Longer forms (URLs, long
//! compounds) go to the heap. A `Form` reads as a `&str` everywhere.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// The bytes kept inline.
const INLINE: usize = 22;

/// A string of a token: inline up to 22 bytes, else boxed. The same size as
/// a `String`. The one `unsafe` of the crate reads the inline bytes as the
/// `&str` they were copied from.
#[derive(Clone)]
pub struct Form(Repr);

#[derive(Clone)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Form {
    /// The form as a string slice.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => {
                let bytes = &bytes[..usize::from(*len)];
                debug_assert!(std::str::from_utf8(bytes).is_ok());
                // SAFETY: `Inline` is made only by `From<&str>`, which copies
                // the whole of a `&str` (valid UTF-8, ending at its end) and
                // records its length; the bytes are never changed after.
                // Checking them again at every read cost a tenth of a run.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Repr::Heap(s) => s,
        }
    }
}

impl From<&str> for Form {
    fn from(s: &str) -> Form {
        if s.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            Form(Repr::Inline { len: s.len() as u8, bytes })
        } else {
            Form(Repr::Heap(s.into()))
        }
    }
}

impl From<String> for Form {
    fn from(s: String) -> Form {
        if s.len() <= INLINE {
            Form::from(s.as_str())
        } else {
            Form(Repr::Heap(s.into_boxed_str()))
        }
    }
}

impl From<&String> for Form {
    fn from(s: &String) -> Form {
        Form::from(s.as_str())
    }
}

impl Default for Form {
    fn default() -> Form {
        Form::from("")
    }
}

impl Deref for Form {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Form {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Form {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for Form {
    fn eq(&self, other: &Form) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Form {}

impl PartialOrd for Form {
    fn partial_cmp(&self, other: &Form) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Form {
    fn cmp(&self, other: &Form) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Form {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h)
    }
}

impl PartialEq<str> for Form {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Form {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Form {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Form> for str {
    fn eq(&self, other: &Form) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Form> for &str {
    fn eq(&self, other: &Form) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Form> for String {
    fn eq(&self, other: &Form) -> bool {
        self.as_str() == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_forms_read_back_as_written() {
        for s in
            ["", "a", "l'", "présidente", "vingt-deux caractères!", "une forme bien plus longue que vingt-deux octets"]
        {
            let f = Form::from(s);
            assert_eq!(f.as_str(), s);
            assert_eq!(f, s);
            assert_eq!(Form::from(s.to_string()), f);
        }
        assert_eq!(std::mem::size_of::<Form>(), std::mem::size_of::<String>());
    }

    #[test]
    fn forms_compare_and_hash_as_their_text() {
        let mut set = std::collections::HashSet::new();
        set.insert(Form::from("Paris"));
        assert!(set.contains("Paris"));
        let (a, b) = (Form::from("a"), Form::from("b"));
        assert_eq!(a.cmp(&b), std::cmp::Ordering::Less);
        let (long, short) = (Form::from("une forme bien plus longue que vingt-deux octets"), Form::from("une"));
        assert_eq!(long.cmp(&short), std::cmp::Ordering::Greater);
    }
}
