pub mod ontology;
pub mod text;
pub mod graph;
