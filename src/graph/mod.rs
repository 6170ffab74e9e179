//! The merged graph (`model`) and the questions asked of it.
//!
//! `graph/` does no I/O, and petgraph's indices never leave it.

pub mod model;

pub use model::{node_id, slug, AttrValue, Attrs, Edge, Evidence, Fact, Graph, GraphBuilder, Node};
