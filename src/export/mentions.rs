//! The mentions export: JSON Lines, one entity mention a line in reading
//! order, as `shared/ontology.md` specifies. Offsets count chars (Unicode
//! code points) of the document; `proper` is false for demonyms and
//! common-noun mentions. Annotation viewers and `shared/eval/ner.py` read it.

use std::io::{self, Write};

use serde::Serialize;

use crate::extract::MentionRecord;

#[derive(Serialize)]
struct Wire<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    node: &'a str,
    #[serde(skip_serializing_if = "is_true")]
    proper: bool,
}

fn is_true(b: &bool) -> bool {
    *b
}

/// Writes one JSON object a line, each line ending with a newline.
///
/// # Example
/// ```
/// let docs = [trame::Document::new("a.txt", "Les soldats maliens sont arrivés à Dakar.")];
/// let (_, mentions) = trame::Pipeline::builtin().run_with_mentions(&docs);
/// let mut out = Vec::new();
/// trame::export::mentions::write(&mentions, &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains(r#""text":"maliens","kind":"country","node":"country:mali","proper":false"#));
/// assert!(text.contains(r#""text":"Dakar","kind":"location""#));
/// ```
pub fn write(mentions: &[MentionRecord], out: &mut dyn Write) -> io::Result<()> {
    for m in mentions {
        let wire = Wire {
            doc: &m.doc,
            start: m.start,
            end: m.end,
            text: &m.text,
            kind: m.kind.as_str(),
            node: &m.node,
            proper: m.proper,
        };
        serde_json::to_writer(&mut *out, &wire).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
