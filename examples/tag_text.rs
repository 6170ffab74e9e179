//! Prints the tags trame's tagger gives each token of a text, one sentence
//! per block: form, UPOS, lemma, features.
//!
//!     cargo run --release --example tag_text -- "Le président a porté plainte."
//!     cargo run --release --example tag_text < article.txt

use std::io::Read;

use trame::syntax::tag;
use trame::text::{sentences, tokenize};

fn main() {
    let mut text: String = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        std::io::stdin().read_to_string(&mut text).expect("UTF-8 on standard input");
    }
    for s in sentences(&text) {
        let tokens = tokenize(&text, &s);
        for (t, g) in tokens.iter().zip(tag(&tokens)) {
            println!("{:<20} {:<6} {:<16} {:?}", t.text, g.upos.as_str(), g.lemma, g.feats);
        }
        println!();
    }
}
