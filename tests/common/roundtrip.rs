//! The whole chain on some documents, every step checked: text → graph →
//! every export → JSON read back → cache encoded and decoded. Panics on the
//! first broken promise. Shared by `tests/properties.rs` and the fuzz target
//! `fuzz/fuzz_targets/pipeline.rs` (which includes this file by path).

use trame::export::{self, Format};
use trame::graph::{cache, load, Index};
use trame::{Document, Pipeline};

/// Documents from raw bytes, as `trame build` would read them: each piece
/// between 0xFF bytes (never part of UTF-8) is a file, decoded like one;
/// a piece that `input::decode` calls binary is skipped, like a skipped file.
pub fn docs_of_bytes(data: &[u8]) -> Vec<(String, String)> {
    data.split(|&b| b == 0xff)
        .take(4)
        .enumerate()
        .filter_map(|(i, piece)| trame::input::decode(piece).ok().map(|d| (format!("d{i}.txt"), d.text)))
        .collect()
}

/// The chars `start..end` of `text`, or a message saying why not.
fn char_slice(text: &str, start: usize, end: usize) -> Result<&str, String> {
    if end < start {
        return Err(format!("end {end} before start {start}"));
    }
    let mut at = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let b0 = at.nth(start).ok_or_else(|| format!("start {start} past the end"))?;
    let b1 =
        if end == start { b0 } else { at.nth(end - start - 1).ok_or_else(|| format!("end {end} past the end"))? };
    text.get(b0..b1).ok_or_else(|| "not char boundaries".to_string())
}

/// Reads XML to its end with quick-xml, which checks that it is well-formed
/// (tags closed in order, one root, attributes quoted, entities known).
fn check_xml(name: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"));
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut depth = 0i64;
    let mut roots = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
            }
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Empty(_)) if depth == 0 => roots += 1,
            Ok(quick_xml::events::Event::Text(t)) => {
                t.decode().unwrap_or_else(|e| panic!("{name}: text that does not decode: {e}"));
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name} is not well-formed XML at {}: {e}", reader.error_position()),
        }
    }
    assert_eq!((depth, roots), (0, 1), "{name}: one root element, every element closed");
}

/// Runs and checks everything on `docs` (name, decoded text); returns the
/// number of edges read, so that a generator can show it reaches facts.
pub fn check(docs: &[(String, String)]) -> usize {
    let documents: Vec<Document> = docs.iter().map(|(n, t)| Document::new(n.clone(), t.clone())).collect();
    let (graph, mentions) = Pipeline::builtin().run_with_mentions(&documents);
    let text_of = |doc: &str| &docs.iter().find(|(n, _)| n == doc).unwrap_or_else(|| panic!("no document {doc}")).1;

    // Every evidence and mention span slices its document as written.
    for e in graph.edges() {
        assert!(!e.evidence.is_empty(), "an edge without evidence");
        assert!(graph.node(&e.source).is_some() && graph.node(&e.target).is_some(), "an edge to no node");
        for ev in &e.evidence {
            let slice = char_slice(text_of(&ev.doc), ev.start, ev.end)
                .unwrap_or_else(|m| panic!("evidence {}..{} of {}: {m}", ev.start, ev.end, ev.doc));
            assert_eq!(slice, ev.text, "evidence text is the slice of its offsets");
        }
    }
    for m in &mentions {
        let slice = char_slice(text_of(&m.doc), m.start, m.end)
            .unwrap_or_else(|e| panic!("mention {}..{} of {}: {e}", m.start, m.end, m.doc));
        assert_eq!(slice, m.text, "mention text is the slice of its offsets");
    }

    // Every export writes, and parses back.
    let write = |f: Format| {
        let mut out = Vec::new();
        export::write(&graph, f, &mut out).unwrap_or_else(|e| panic!("{f:?}: {e}"));
        out
    };
    let json = write(Format::Json);
    serde_json::from_slice::<serde_json::Value>(&json).expect("the JSON export is JSON");
    check_xml("GraphML", &write(Format::Graphml));
    check_xml("GEXF", &write(Format::Gexf));
    let dot = String::from_utf8(write(Format::Dot)).expect("the DOT export is UTF-8");
    assert!(dot.starts_with("digraph") && dot.trim_end().ends_with('}'), "a DOT graph");
    let csv = String::from_utf8(write(Format::Csv)).expect("the CSV export is UTF-8");
    assert!(csv.starts_with("id:ID,"), "CSV with its header");
    let mut lines = Vec::new();
    export::mentions::write(&mentions, &mut lines).expect("mentions write");
    for line in String::from_utf8(lines).expect("mentions are UTF-8").lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("each mention line is JSON");
    }

    // The JSON reads back into the same graph, byte for byte.
    let text = std::str::from_utf8(&json).expect("the JSON export is UTF-8");
    let back = load::from_json(text).unwrap_or_else(|e| panic!("the JSON export does not load: {e}"));
    let mut again = Vec::new();
    export::json::write(&back, &mut again).expect("json write");
    assert!(again == json, "the JSON changed through graph::load");

    // The cache of its index decodes to the same index and evidence.
    let ix = Index::from_graph(&back);
    let bytes = cache::encode(&ix, cache::Key::of(&json));
    let header = cache::decode_header(&bytes).expect("a fresh header decodes");
    assert_eq!(header.file_len(), Some(bytes.len() as u64));
    let body = &bytes[cache::HEADER_LEN..cache::HEADER_LEN + header.index_len as usize];
    let decoded = cache::decode_index(body, &header).expect("a fresh index decodes");
    assert_eq!((decoded.node_count(), decoded.edge_count()), (ix.node_count(), ix.edge_count()));
    for n in 0..ix.node_count() {
        assert_eq!((decoded.id(n), decoded.label(n), decoded.kind(n)), (ix.id(n), ix.label(n), ix.kind(n)));
        assert!(decoded.aliases(n).eq(ix.aliases(n)) && decoded.adjacent(n).eq(ix.adjacent(n)));
    }
    let base = header.evidence_offset() as usize;
    for e in 0..ix.edge_count() {
        assert_eq!(decoded.edge(e), ix.edge(e));
        let r = decoded.evidence_range(e).expect("a cached index has evidence ranges");
        let ev = cache::decode_evidence(&bytes[base + r.start as usize..base + r.end as usize]).expect("evidence");
        assert_eq!(ev, ix.evidence(e).expect("in memory"));
    }
    graph.edges().len()
}
