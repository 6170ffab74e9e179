//! Bytes → documents (decoded like input files, split at 0xFF bytes) →
//! graph → every export → JSON read back byte for byte → cache encoded and
//! decoded; every evidence and mention span checked against its document.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/roundtrip.rs"]
mod roundtrip;

fuzz_target!(|data: &[u8]| {
    let docs = roundtrip::docs_of_bytes(data);
    roundtrip::check(&docs);
});
