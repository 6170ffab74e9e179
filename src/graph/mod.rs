//! The merged graph (`model`) and the questions asked of it.
//!
//! `load` reads the JSON export back into a `Graph`; `index` is the compact
//! view the query commands walk, `cache` its binary form beside the JSON;
//! `query` resolves names and finds paths, neighbours and ego networks;
//! `rank` computes degree and PageRank; `filter` narrows a graph (kinds,
//! relations, evidence counts, dates, isolated nodes); `xml` reads a GraphML
//! or GEXF file back (trame's own, or one edited in Gephi).
//!
//! `graph/` does no I/O, and petgraph's indices never leave it.

pub mod cache;
pub mod filter;
pub mod index;
pub mod load;
pub mod model;
pub mod query;
pub mod rank;
pub mod xml;

pub use index::Index;
pub use model::{node_id, slug, AttrValue, Attrs, Edge, Evidence, Fact, Graph, GraphBuilder, Node};
