//! trame reads French news articles and builds a knowledge graph of the
//! actors in them (people, countries, organizations, places, roles, claims)
//! joined by typed relations, every edge carrying the sentence it was read
//! from. It exports the graph as JSON, GraphML, GEXF and DOT.
//!
//! The pipeline: `text` splits sentences and tokens, `lexicon` holds the
//! world knowledge, `extract` reads mentions and facts, `graph` merges them,
//! `export` writes files. See ARCHITECTURE.md.
//!
//! ```
//! use trame::{Document, Pipeline, ontology::Relation};
//! let docs = [Document::new("a.txt", "Le président kényan William Ruto a reçu des journalistes.")];
//! let graph = Pipeline::builtin().run(&docs);
//! let e = graph.edges().iter().find(|e| e.relation == Relation::HoldsRole).unwrap();
//! assert_eq!((e.source.as_str(), e.target.as_str()), ("person:william-ruto", "role:president"));
//! ```
#![warn(missing_docs)]

pub mod cli;
pub mod digest;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod ontology;
pub mod syntax;
pub mod text;
pub mod work;

pub use error::{Error, Result};
pub use extract::{Pipeline, Spill};
pub use graph::Graph;
pub use text::Document;
