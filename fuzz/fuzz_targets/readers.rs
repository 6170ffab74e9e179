//! What trame reads back from disk, fed anything: the JSON loader and the
//! cache decoder must refuse bad bytes with an error, never panic, and what
//! the loader accepts must write back and load again to the same bytes.
//! (Under `cfg(fuzzing)` the cache skips its checksums, so that the fuzzer
//! reaches the decoding behind them.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use trame::graph::{cache, load};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(g) = load::from_json(text) {
            let mut json = Vec::new();
            trame::export::json::write(&g, &mut json).unwrap();
            let again = load::from_json(std::str::from_utf8(&json).unwrap()).expect("an export loads");
            let mut twice = Vec::new();
            trame::export::json::write(&again, &mut twice).unwrap();
            assert!(json == twice, "a loaded graph writes back the same bytes");
        }
    }
    if let Ok(header) = cache::decode_header(data) {
        let end = (cache::HEADER_LEN as u64).saturating_add(header.index_len).min(data.len() as u64) as usize;
        if let Some(body) = data.get(cache::HEADER_LEN.min(end)..end) {
            if let Ok(ix) = cache::decode_index(body, &header) {
                for n in 0..ix.node_count() {
                    let _ = (ix.id(n), ix.label(n), ix.aliases(n).count(), ix.adjacent(n).count());
                }
                let base = header.evidence_offset();
                for e in 0..ix.edge_count() {
                    let r = ix.evidence_range(e).unwrap();
                    let (a, b) = (base.saturating_add(r.start), base.saturating_add(r.end));
                    if let Some(bytes) = data.get(a as usize..b as usize) {
                        let _ = cache::decode_evidence(bytes);
                    }
                }
            }
        }
    }
    let _ = cache::decode_memo(data);
    let _ = cache::decode_evidence(data);
});
