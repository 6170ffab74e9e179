//! Exports: one file per format, each writing a `Graph` to any `io::Write`.
//!
//! All of them are deterministic: the graph's nodes and edges are already
//! sorted, attribute maps are ordered, nothing depends on time or paths.

pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod json;
mod xml;

use std::io::{self, Write};

use crate::graph::Graph;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The JSON contract of ontology.md.
    Json,
    /// GraphML for Gephi, networkx, igraph.
    Graphml,
    /// GEXF 1.3, Gephi's own format.
    Gexf,
    /// Graphviz DOT.
    Dot,
}

impl Format {
    /// The file extension, also the name on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Dot => "dot",
        }
    }
}

/// Writes `graph` in `format`.
pub fn write(graph: &Graph, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => json::write(graph, out),
        Format::Graphml => graphml::write(graph, out),
        Format::Gexf => gexf::write(graph, out),
        Format::Dot => dot::write(graph, dot::Layout::default(), out),
    }
}
