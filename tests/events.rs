//! Rule tables for the action relations: French sentences written for these
//! tests (never the seeds), each with the edges it must (or must not) give.
//! `check` asserts edges the scorer counts (asserted or reported);
//! `check_modality` pins a modality.

use crate::common;
use common::graph_of;
use trame::ontology::Modality;

fn edges(text: &str) -> Vec<(String, Modality)> {
    let g = graph_of(text);
    let label = |id: &str| g.node(id).map_or(id.to_string(), |n| n.label.clone());
    g.edges()
        .iter()
        .filter(|e| !matches!(e.relation.as_str(), "stated" | "mentions"))
        .map(|e| (format!("{} -{}-> {}", label(&e.source), e.relation.as_str(), label(&e.target)), e.modality))
        .collect()
}

#[track_caller]
fn check(text: &str, want: &str) {
    let got = edges(text);
    assert!(
        got.iter().any(|(e, m)| e == want && matches!(m, Modality::Asserted | Modality::Reported)),
        "\n  text: {text}\n  missing: {want}\n  got: {got:#?}"
    );
}

#[track_caller]
fn check_modality(text: &str, want: &str, modality: Modality) {
    let got = edges(text);
    assert!(
        got.iter().any(|(e, m)| e == want && *m == modality),
        "\n  text: {text}\n  missing: {want} ({modality:?})\n  got: {got:#?}"
    );
}

#[track_caller]
fn check_absent(text: &str, unwanted: &str) {
    let got = edges(text);
    assert!(
        !got.iter().any(|(e, m)| e == unwanted && matches!(m, Modality::Asserted | Modality::Reported)),
        "\n  text: {text}\n  unexpected: {unwanted}\n  got: {got:#?}"
    );
}

#[track_caller]
fn attr(text: &str, relation: &str, key: &str) -> Option<String> {
    let g = graph_of(text);
    let e = g.edges().iter().find(|e| e.relation.as_str() == relation)?;
    e.evidence[0].attrs.get(key).map(|v| match v {
        trame::graph::AttrValue::Int(n) => n.to_string(),
        trame::graph::AttrValue::Text(t) => t.clone(),
    })
}

// deploys

#[test]
fn deploys_active_with_capital_as_actor() {
    check("Paris a envoyé 2 000 soldats au Mali en janvier.", "France -deploys-> Mali");
}

#[test]
fn deploys_passive_with_par() {
    check("Des renforts ont été dépêchés en Syrie par Téhéran.", "Iran -deploys-> Syrie");
}

#[test]
fn deploys_troops_with_demonym_moving() {
    check("Des soldats tchadiens sont arrivés à Niamey mardi.", "Tchad -deploys-> Niamey");
}

#[test]
fn deploys_nominal() {
    check("Le déploiement de troupes turques en Libye inquiète l’Égypte.", "Turquie -deploys-> Libye");
}

#[test]
fn deploys_quantity_whatever_the_spaces() {
    assert_eq!(
        attr("L’Inde a déployé 12\u{202f}500 soldats au Cachemire.", "deploys", "quantity").as_deref(),
        Some("12500")
    );
    assert_eq!(
        attr("Des soldats rwandais, 1.200 hommes, ont été envoyés au Mozambique.", "deploys", "quantity").as_deref(),
        Some("1200")
    );
    assert_eq!(attr("Plusieurs milliers de soldats turcs ont été envoyés en Libye.", "deploys", "quantity"), None);
}

#[test]
fn deploys_hypothetical_is_possible() {
    check_modality(
        "Des soldats français pourraient être envoyés en Roumanie.",
        "France -deploys-> Roumanie",
        Modality::Possible,
    );
}

#[test]
fn deploys_conditional_is_reported() {
    check_modality(
        "Selon la presse, des soldats iraniens auraient été envoyés en Syrie.",
        "Iran -deploys-> Syrie",
        Modality::Reported,
    );
}

#[test]
fn deploys_denied_is_negated_not_counted() {
    let text = "Téhéran nie avoir envoyé des soldats en Syrie.";
    check_absent(text, "Iran -deploys-> Syrie");
    check_modality(text, "Iran -deploys-> Syrie", Modality::Negated);
    check_absent("La France n’a pas envoyé de soldats en Ukraine.", "France -deploys-> Ukraine");
    check_absent("Londres ne croit pas que des soldats iraniens soient arrivés en Syrie.", "Iran -deploys-> Syrie");
}

// visited

#[test]
fn visited_se_rendre() {
    let text = "Le président chinois Li Wenbo s’est rendu en Serbie le 7 mai 2024.";
    check(text, "Li Wenbo -visited-> Serbie");
    assert_eq!(attr(text, "visited", "date").as_deref(), Some("2024-05-07"));
}

#[test]
fn visited_nominal() {
    check(
        "La visite du président français Étienne Morel au Maroc a duré trois jours.",
        "Étienne Morel -visited-> Maroc",
    );
}

#[test]
fn visited_effectuer_une_visite() {
    check("Le chancelier Olaf Scholz a effectué une visite officielle en Inde.", "Olaf Scholz -visited-> Inde");
}

#[test]
fn visited_future_is_possible() {
    check_modality("Le pape François se rendra en Belgique.", "François -visited-> Belgique", Modality::Possible);
}

// met

#[test]
fn met_rencontrer() {
    check(
        "Le président brésilien Toledo a rencontré le président argentin Javier Ortiz.",
        "Javier Ortiz -met-> Toledo",
    );
}

#[test]
fn met_s_entretenir_avec() {
    check("Daniel Harlow s’est entretenu avec Wang Lei à Pékin.", "Daniel Harlow -met-> Wang Lei");
}

#[test]
fn met_nominal() {
    check("Étienne Morel a parlé lors d’une réunion avec Giulia Ferri.", "Étienne Morel -met-> Giulia Ferri");
}

// summoned

#[test]
fn summoned_named_ambassador() {
    check("Paris a convoqué l’ambassadeur Alexeï Mechkov.", "France -summoned-> Alexeï Mechkov");
}

#[test]
fn summoned_ambassador_described_then_named() {
    let text = "L’Algérie a convoqué l’ambassadeur de France. L’ambassadeur Stéphane Romatet a été reçu au ministère.";
    check(text, "Algérie -summoned-> Stéphane Romatet");
    check(text, "Stéphane Romatet -affiliated_with-> France");
}

#[test]
fn summoned_by_a_government() {
    check(
        "Le gouvernement polonais a convoqué le diplomate Mikhaïl Kotchkine.",
        "Pologne -summoned-> Mikhaïl Kotchkine",
    );
}

// supplies

#[test]
fn supplies_active_with_recipient() {
    let text = "L’Allemagne a livré à l’Ukraine des systèmes de défense antiaérienne.";
    check(text, "Allemagne -supplies-> Ukraine");
    assert!(attr(text, "supplies", "what").is_some_and(|w| w.contains("systèmes de défense")));
}

#[test]
fn supplies_head_of_state_acts_for_the_state() {
    let text = "Le président turc Kemal Arslan fournit au Qatar des drones armés.";
    check(text, "Turquie -supplies-> Qatar");
}

#[test]
fn supplies_passive() {
    check("Des munitions ont été fournies à l’Arménie par l’Inde.", "Inde -supplies-> Arménie");
}

// attacks

#[test]
fn attacks_active() {
    check("L’Azerbaïdjan a attaqué l’Arménie en septembre.", "Azerbaïdjan -attacks-> Arménie");
}

#[test]
fn attacks_passive() {
    check("La ville de Marioupol a été bombardée par la Russie.", "Russie -attacks-> Marioupol");
}

#[test]
fn attacks_nominal() {
    check("Depuis l’invasion du Koweït par l’Irak, la région a changé.", "Irak -attacks-> Koweït");
}

// allied_with

#[test]
fn allied_with_signed_treaty() {
    check("La France et l’Allemagne ont signé un traité de coopération.", "Allemagne -allied_with-> France");
}

#[test]
fn allied_with_pronoun_subject() {
    check(
        "Le Japon et les Philippines renforcent leurs liens. En juillet, ils ont signé un accord de défense.",
        "Japon -allied_with-> Philippines",
    );
}

#[test]
fn allied_with_nominal() {
    check("Le partenariat stratégique entre la Chine et le Pakistan se renforce.", "Chine -allied_with-> Pakistan");
}

#[test]
fn denial_is_a_claim_of_the_denier() {
    let g = graph_of("Téhéran nie avoir envoyé des soldats en Syrie.");
    let claim = g.edges().iter().find(|e| e.relation == trame::ontology::Relation::Stated).expect("a stated edge");
    assert_eq!(claim.source, "country:iran");
    assert!(g.node(&claim.target).unwrap().label.contains("envoyé des soldats en Syrie"));
}

#[test]
fn deploys_in_a_participial_clause() {
    check(
        "Les troupes turques, arrivées à Tripoli la semaine dernière, ont commencé leur mission.",
        "Turquie -deploys-> Tripoli",
    );
}

#[test]
fn different_numbers_from_two_sources_are_both_kept() {
    let g = graph_of(
        "Selon Washington, 4 000 soldats iraniens ont été envoyés en Syrie. Selon Londres, 2 500 soldats iraniens ont été envoyés en Syrie.",
    );
    let e = g.edges().iter().find(|e| e.relation == trame::ontology::Relation::Deploys).expect("one deploys edge");
    let mut q: Vec<String> =
        e.evidence.iter().filter_map(|ev| ev.attrs.get("quantity")).map(|v| format!("{v:?}")).collect();
    q.sort();
    assert_eq!(q, ["Int(2500)", "Int(4000)"]);
}

#[test]
fn met_needs_the_person_as_object() {
    check_absent(
        "Alain Juppé a reçu le soutien de nombreux élus, dont Valérie Pécresse.",
        "Alain Juppé -met-> Valérie Pécresse",
    );
    check(
        "Le président chilien Gabriel Boric a reçu son homologue péruvien Pedro Castillo.",
        "Gabriel Boric -met-> Pedro Castillo",
    );
}
