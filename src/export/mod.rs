//! Exports: each format writes a `Graph` to any `io::Write`. CSV is two
//! files (`nodes.csv`, `edges.csv`), written by `csv::write_nodes` and
//! `csv::write_edges`; every other format is one file.
//!
//! All of them are deterministic: the graph's nodes and edges are already
//! sorted, attribute maps are ordered, nothing depends on time or paths.

pub mod csv;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod mentions;
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
    /// Two CSV files for Gephi's spreadsheet import and `neo4j-admin import`.
    Csv,
    /// One self-contained HTML page to explore the graph in a browser.
    Html,
}

impl Format {
    /// The file extension, also the name on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Dot => "dot",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// The names of the files the format writes into a folder:
    /// `graph.EXT`, or `nodes.csv` and `edges.csv`.
    pub fn file_names(self) -> Vec<String> {
        match self {
            Format::Csv => vec!["nodes.csv".into(), "edges.csv".into()],
            f => vec![format!("graph.{}", f.extension())],
        }
    }
}

/// Writes `graph` in `format`, DOT for the default layout. CSV is two
/// files: this writes `nodes.csv`, a blank line and `edges.csv`, which is
/// handy to read but no single CSV file; write the files with
/// `csv::write_nodes` and `csv::write_edges`.
pub fn write(graph: &Graph, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => json::write(graph, out),
        Format::Graphml => graphml::write(graph, out),
        Format::Gexf => gexf::write(graph, out),
        Format::Dot => dot::write(graph, dot::Layout::default(), out),
        Format::Html => html::write(graph, out),
        Format::Csv => {
            csv::write_nodes(graph, out)?;
            out.write_all(b"\n")?;
            csv::write_edges(graph, out)
        }
    }
}
