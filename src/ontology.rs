//! The vocabulary shared with `shared/ontology.md`: node kinds and relations.
//!
//! `as_str()` spells exactly what the ontology lists, because the JSON export
//! and the quality scorer key on those strings. Everything else in the crate
//! uses these enums, never the raw strings.

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    /// A named human being.
    Person,
    /// A sovereign state, also when it acts through a metonym (a capital, a government).
    Country,
    /// An alliance, institution, ministry, agency, army, company or media outlet.
    Organization,
    /// A city, region, sea or other place that is not a state.
    Location,
    /// A title or office without its holder.
    Role,
    /// Something an actor stated, as a short text.
    Claim,
}

impl NodeKind {
    /// Every kind, in the order the ontology lists them.
    pub const ALL: [NodeKind; 6] = [
        NodeKind::Person,
        NodeKind::Country,
        NodeKind::Organization,
        NodeKind::Location,
        NodeKind::Role,
        NodeKind::Claim,
    ];

    /// The ontology's spelling, also the prefix of node ids (`person:ada-lovelace`).
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Country => "country",
            NodeKind::Organization => "organization",
            NodeKind::Location => "location",
            NodeKind::Role => "role",
            NodeKind::Claim => "claim",
        }
    }

    /// The kind spelled `s`, if any.
    pub fn parse(s: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Actors are the kinds a path query walks through by default.
    pub fn is_actor(self) -> bool {
        matches!(self, NodeKind::Person | NodeKind::Country | NodeKind::Organization | NodeKind::Location)
    }
}

/// A typed edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// person → role
    HoldsRole,
    /// person → country or organization
    AffiliatedWith,
    /// country or organization → location or country
    Deploys,
    /// actor → claim
    Stated,
    /// location → location or country
    LocatedIn,
    /// organization → organization or country
    PartOf,
    /// country → organization
    MemberOf,
    /// person ↔ person
    Met,
    /// person → location or country
    Visited,
    /// actor → person
    Summoned,
    /// country or organization → country or organization
    Supplies,
    /// country or organization → country or location
    Attacks,
    /// country ↔ country
    AlliedWith,
    /// claim → entity it names
    Mentions,
}

impl Relation {
    /// Every relation, in the order the ontology lists them.
    pub const ALL: [Relation; 14] = [
        Relation::HoldsRole,
        Relation::AffiliatedWith,
        Relation::Deploys,
        Relation::Stated,
        Relation::LocatedIn,
        Relation::PartOf,
        Relation::MemberOf,
        Relation::Met,
        Relation::Visited,
        Relation::Summoned,
        Relation::Supplies,
        Relation::Attacks,
        Relation::AlliedWith,
        Relation::Mentions,
    ];

    /// The ontology's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::HoldsRole => "holds_role",
            Relation::AffiliatedWith => "affiliated_with",
            Relation::Deploys => "deploys",
            Relation::Stated => "stated",
            Relation::LocatedIn => "located_in",
            Relation::PartOf => "part_of",
            Relation::MemberOf => "member_of",
            Relation::Met => "met",
            Relation::Visited => "visited",
            Relation::Summoned => "summoned",
            Relation::Supplies => "supplies",
            Relation::Attacks => "attacks",
            Relation::AlliedWith => "allied_with",
            Relation::Mentions => "mentions",
        }
    }

    /// The relation spelled `s`, if any.
    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Symmetric relations are stored once, with the smaller id as source.
    pub fn is_symmetric(self) -> bool {
        matches!(self, Relation::Met | Relation::AlliedWith)
    }
}

/// How the text holds a fact (ontology.md, "Modality").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Modality {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Attributed to a source or hedged by the conditional.
    Reported,
    /// Future, hypothetical, planned or feared.
    Possible,
    /// Denied or negated.
    Negated,
}

impl Modality {
    /// The ontology's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Possible => "possible",
            Modality::Negated => "negated",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for k in NodeKind::ALL {
            assert_eq!(NodeKind::parse(k.as_str()), Some(k));
        }
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.as_str()), Some(r));
        }
    }
}
