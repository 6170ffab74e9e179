//! The constructions of French news that the first readers missed, each with
//! the edges or claims it must give once read through the clause layer.
//! The sentences are written for these tests; none comes from an article.

use crate::common;
use common::{graph_of, triples};
use trame::ontology::{Modality, Relation};

/// The counted edges of a text (asserted or reported), as
/// "source -relation-> target" lines with labels.
fn counted(text: &str) -> Vec<String> {
    let g = graph_of(text);
    let label = |id: &str| g.node(id).map_or(id.to_string(), |n| n.label.clone());
    g.edges()
        .iter()
        .filter(|e| matches!(e.modality, Modality::Asserted | Modality::Reported))
        .flat_map(|e| {
            let (s, r, t) = (label(&e.source), e.relation.as_str(), label(&e.target));
            // Symmetric relations are written one way; either reads.
            let back = matches!(e.relation, Relation::Met | Relation::AlliedWith).then(|| format!("{t} -{r}-> {s}"));
            std::iter::once(format!("{s} -{r}-> {t}")).chain(back)
        })
        .collect()
}

#[track_caller]
fn check(text: &str, wanted: &[&str]) {
    let got = counted(text);
    for w in wanted {
        assert!(got.iter().any(|e| e == w), "\n  text: {text}\n  missing: {w}\n  got: {got:#?}");
    }
}

#[track_caller]
fn check_absent(text: &str, unwanted: &str) {
    let got = counted(text);
    assert!(!got.iter().any(|e| e == unwanted), "\n  text: {text}\n  unexpected: {unwanted}\n  got: {got:#?}");
}

/// The claims of a text as (speaker label, claim label).
fn claims(text: &str) -> Vec<(String, String)> {
    let g = graph_of(text);
    g.edges()
        .iter()
        .filter(|e| e.relation == Relation::Stated)
        .filter_map(|e| Some((g.node(&e.source)?.label.clone(), g.node(&e.target)?.label.clone())))
        .collect()
}

#[track_caller]
fn check_claim(text: &str, speaker: &str, words: &str) {
    let got = claims(text);
    assert!(
        got.iter().any(|(s, c)| s == speaker && c.contains(words)),
        "\n  text: {text}\n  missing claim of {speaker}: {words}\n  got: {got:#?}"
    );
}

// Membership lists.

#[test]
fn members_listed_between_dashes() {
    check(
        "Les trois pays membres de la CEDEAO présents – Sénégal, Ghana et Togo – ont signé l’accord.",
        &["Sénégal -member_of-> CEDEAO", "Ghana -member_of-> CEDEAO", "Togo -member_of-> CEDEAO"],
    );
}

#[test]
fn member_since_fronted() {
    check("Membre de l’OTAN depuis 1999, la Pologne renforce sa frontière.", &["Pologne -member_of-> OTAN"]);
}

#[test]
fn both_members() {
    check(
        "La Suède et la Finlande, toutes deux membres de l’Union européenne, ont protesté.",
        &["Suède -member_of-> UE", "Finlande -member_of-> UE"],
    );
}

// Objects with a place or a title.

#[test]
fn object_after_a_place_adverbial_and_a_title() {
    let text = "Le président tchèque Jan Novák a reçu jeudi à Prague son invité slovaque, le ministre de l’Économie Marek Hlinka.";
    check(text, &["Jan Novák -met-> Marek Hlinka", "Marek Hlinka -visited-> Prague"]);
}

#[test]
fn summoned_ambassador_named_in_apposition() {
    check(
        "Le ministère norvégien des Affaires étrangères a convoqué l’ambassadeur de Russie, Igor Sokolov.",
        &["ministère norvégien des Affaires étrangères -summoned-> Igor Sokolov"],
    );
}

#[test]
fn joint_press_conference() {
    check(
        "Le chancelier Lukas Brandt a tenu une conférence de presse conjointe avec le président polonais Piotr Zalewski.",
        &["Lukas Brandt -met-> Piotr Zalewski"],
    );
}

#[test]
fn ainsi_que_coordinates() {
    check(
        "Le président Étienne Morel ainsi que le chancelier Lukas Brandt ont rencontré Taras Melnyk.",
        &["Étienne Morel -met-> Taras Melnyk", "Lukas Brandt -met-> Taras Melnyk"],
    );
}

// Alliances.

#[test]
fn allies_by_an_apposed_noun() {
    check(
        "Hanoï et Vientiane, alliés de Phnom Penh, ont boycotté la conférence.",
        &["Vietnam -allied_with-> Cambodge", "Laos -allied_with-> Cambodge"],
    );
}

#[test]
fn allies_by_a_participle() {
    let text = "La Grèce et Chypre, unies par un traité de défense, ont dénoncé les manœuvres.";
    let got = counted(text);
    assert!(got.iter().any(|e| e == "Grèce -allied_with-> Chypre" || e == "Chypre -allied_with-> Grèce"), "{got:#?}");
}

#[test]
fn pact_of_three_with_an_incise() {
    let text = "Le Mali, le Burkina Faso et le Niger ont signé, à Niamey, un pacte de défense mutuelle.";
    check(
        text,
        &["Mali -allied_with-> Burkina Faso", "Mali -allied_with-> Niger", "Burkina Faso -allied_with-> Niger"],
    );
}

// Deployments.

#[test]
fn vessels_crossing_and_escorted() {
    check(
        "Un patrouilleur norvégien a franchi samedi le détroit de Malacca, escorté par une corvette danoise.",
        &["Norvège -deploys-> détroit de Malacca", "Danemark -deploys-> détroit de Malacca"],
    );
}

#[test]
fn fronted_place_of_a_deployment() {
    check("Au Niger, la France a déployé un millier de soldats.", &["France -deploys-> Niger"]);
}

#[test]
fn deployment_in_a_relative_where() {
    check("Le Tchad a retiré ses troupes du Mali, où il a déployé des soldats en 2013.", &["Tchad -deploys-> Mali"]);
}

#[test]
fn military_presence_as_a_noun() {
    check("La présence militaire turque en Libye inquiète l’Égypte.", &["Turquie -deploys-> Libye"]);
}

#[test]
fn massing_troops() {
    check("La Russie a concentré des troupes près de la frontière ukrainienne.", &["Russie -deploys-> Ukraine"]);
}

// Place descriptions.

#[test]
fn capital_and_second_city_described() {
    check(
        "Le ministre s’est rendu à Accra, la capitale ghanéenne, puis à Kumasi, deuxième ville du Ghana.",
        &["Accra -located_in-> Ghana", "Kumasi -located_in-> Ghana"],
    );
}

#[test]
fn port_with_a_nationality() {
    check("Des missiles ont frappé le port ukrainien d’Odessa.", &["Odessa -located_in-> Ukraine"]);
}

#[test]
fn enclave_of_a_possessor() {
    check("L’Angola a renforcé la sécurité dans son enclave de Cabinda.", &["Cabinda -located_in-> Angola"]);
}

// part_of.

#[test]
fn central_bank_of_a_country() {
    check("La Banque centrale du Kenya a relevé ses taux.", &["Banque centrale du Kenya -part_of-> Kenya"]);
}

#[test]
fn official_agency_with_its_acronym() {
    check("Selon l’agence officielle vietnamienne VNA, le sommet est reporté.", &["VNA -part_of-> Vietnam"]);
}

#[test]
fn service_attached_to_a_government() {
    check("Le MIT, service rattaché au gouvernement turc, a arrêté trois suspects.", &["MIT -part_of-> Turquie"]);
}

#[test]
fn embassy_of_a_state() {
    let got = counted("L’ambassade du Japon au Brésil a été évacuée.");
    assert!(got.iter().any(|e| e.ends_with("-part_of-> Japon")), "{got:#?}");
}

// Supplies.

#[test]
fn a_loan_to_a_country() {
    check("La Chine a accordé un prêt de 2 millions de dollars au Laos.", &["Chine -supplies-> Laos"]);
}

#[test]
fn a_gift_to_a_country() {
    check("Le Japon a annoncé un don de 5 millions d’euros à la Moldavie.", &["Japon -supplies-> Moldavie"]);
}

#[test]
fn cession_to() {
    check("La France a approuvé la cession à la Grèce de six frégates.", &["France -supplies-> Grèce"]);
}

#[test]
fn equipped_and_supported_by() {
    check("Le M23, équipé et soutenu par le Rwanda, a revendiqué l’attaque.", &["Rwanda -supplies-> M23"]);
}

#[test]
fn clitic_recipient() {
    check(
        "La Corée du Sud a signé un accord avec la Pologne et lui a vendu des chars.",
        &["Corée du Sud -supplies-> Pologne"],
    );
}

// Visits.

#[test]
fn fronted_participle_of_arrival() {
    check(
        "Parvenu dans la matinée à Lisbonne, le président ghanéen Kwame Ofori a signé l’accord.",
        &["Kwame Ofori -visited-> Lisbonne"],
    );
}

#[test]
fn arrived_in_a_city() {
    check(
        "Les ministres Ingrid Dahl et Mette Kjeldsen sont arrivés à Tallinn.",
        &["Ingrid Dahl -visited-> Tallinn", "Mette Kjeldsen -visited-> Tallinn"],
    );
}

#[test]
fn present_in_a_city() {
    check("Présent à Kiev, le chancelier Lukas Brandt a promis une aide.", &["Lukas Brandt -visited-> Kiev"]);
}

// Attacks.

#[test]
fn firing_on() {
    check("Des soldats indiens ont tiré sur des positions pakistanaises.", &["Inde -attacks-> Pakistan"]);
}

#[test]
fn launching_drones_against() {
    check("La Russie a lancé des drones contre l’Ukraine.", &["Russie -attacks-> Ukraine"]);
}

#[test]
fn shells_of_a_nationality_killed() {
    check("Des obus togolais ont tué mardi trois habitants de Kumasi.", &["Togo -attacks-> Kumasi"]);
}

// Plural anaphora.

#[test]
fn the_two_ministers() {
    let text = "Les ministres Ingrid Dahl et Mette Kjeldsen sont arrivés à Tallinn. \
                Les deux ministres ont ensuite rencontré Liisa Tamm.";
    let got = counted(text);
    let met = |a: &str, b: &str| got.iter().any(|e| *e == format!("{a} -met-> {b}") || *e == format!("{b} -met-> {a}"));
    assert!(met("Ingrid Dahl", "Liisa Tamm") && met("Mette Kjeldsen", "Liisa Tamm"), "{got:#?}");
}

// Roles through possessives and appositions.

#[test]
fn counterpart_with_a_nationality() {
    let text = "Le ministre grec Nikos Dimas a reçu son homologue chypriote, Andreas Kyriakou.";
    check(text, &["Andreas Kyriakou -affiliated_with-> Chypre", "Nikos Dimas -met-> Andreas Kyriakou"]);
}

#[test]
fn her_spokeswoman() {
    let text = "La présidente Greta von der Lohe et sa porte-parole, Dana Keller, sont arrivées à Kiev.";
    let g = graph_of(text);
    let t = triples(&g);
    assert!(t.iter().any(|e| e.starts_with("Dana Keller -holds_role-> ")), "{t:#?}");
}

#[test]
fn a_rank_is_no_role() {
    let text = "Le chef de l’État ghanéen, le général Kofi Boateng, a dissous le gouvernement.";
    let g = graph_of(text);
    let t = triples(&g);
    assert!(t.iter().any(|e| e == "Kofi Boateng -affiliated_with-> Ghana"), "{t:#?}");
    assert!(!g.nodes().any(|n| n.kind == trame::ontology::NodeKind::Role && n.label.starts_with("général")), "{t:#?}");
}

// Speech.

#[test]
fn speaker_after_a_civility() {
    let text = "« Nous voulons des garanties », a affirmé M. Dimas à l’issue de la rencontre.";
    let got = claims(text);
    assert!(got.iter().any(|(s, c)| s.ends_with("Dimas") && c.contains("Nous voulons des garanties")), "{got:#?}");
}

#[test]
fn one_word_quotation() {
    check_claim("Gábor Szalai a qualifié la décision de « trahison ».", "Gábor Szalai", "trahison");
}

#[test]
fn more_verbs_of_saying() {
    let mut missed = Vec::new();
    for (text, words) in [
        ("« Nous ne reculerons pas », a lancé Taras Melnyk devant le Parlement.", "Nous ne reculerons pas"),
        ("« C’est une provocation », a réagi Étienne Morel.", "C’est une provocation"),
        ("Le groupe Hamas a revendiqué l’attaque contre la base.", "l’attaque contre la base"),
        ("Le président Paul Girard a proclamé que la guerre était finie.", "la guerre était finie"),
        ("« Il fallait protéger nos soldats », a justifié le ministre Ivan Petrov.", "Il fallait protéger nos soldats"),
        ("Le président Paul Girard a reproché à la Turquie son silence.", "son silence"),
        ("Lukas Brandt a dénoncé une attaque inacceptable.", "attaque inacceptable"),
        ("Lukas Brandt a fustigé l’attitude de la Russie.", "l’attitude de la Russie"),
        ("Lukas Brandt a prévenu que la patience avait des limites.", "la patience avait des limites"),
        ("Lukas Brandt a martelé que l’aide continuerait.", "l’aide continuerait"),
        ("Lukas Brandt a rappelé que l’Allemagne tiendrait ses engagements.", "tiendrait ses engagements"),
        ("Lukas Brandt a insisté sur la nécessité d’un cessez-le-feu.", "cessez-le-feu"),
        ("Lukas Brandt s’est inquiété de la montée des tensions.", "montée des tensions"),
    ] {
        let got = claims(text);
        if !got.iter().any(|(_, c)| c.contains(words)) {
            missed.push(format!("{text} -> {got:?}"));
        }
    }
    assert!(missed.is_empty(), "{missed:#?}");
}

#[test]
fn apposition_before_the_verb_speaks_not_its_organization() {
    let text = "Ana Ferreira, présidente de l’OCDE, a estimé que la croissance ralentirait.";
    check_claim(text, "Ana Ferreira", "la croissance ralentirait");
    assert!(!claims(text).iter().any(|(s, _)| s == "OCDE"), "{:#?}", claims(text));
}

#[test]
fn relative_before_the_verb() {
    let text =
        "Le président grec Nikos Dimas, qui exige plus de patrouilleurs, a déclaré que la frontière était menacée.";
    check_claim(text, "Nikos Dimas", "la frontière était menacée");
}

#[test]
fn selon_lui_takes_the_last_speaker() {
    let text = "Nikos Dimas a reçu les journalistes. Selon lui, la frontière est menacée.";
    check_claim(text, "Nikos Dimas", "la frontière est menacée");
}

#[test]
fn d_apres_and_pour() {
    check_claim("D’après Nikos Dimas, la frontière est menacée.", "Nikos Dimas", "la frontière est menacée");
    check_claim("Pour Nikos Dimas, la frontière est menacée.", "Nikos Dimas", "la frontière est menacée");
}

#[test]
fn infinitive_content() {
    check_claim(
        "Le ministre Nikos Dimas a affirmé avoir démantelé trois réseaux.",
        "Nikos Dimas",
        "avoir démantelé trois réseaux",
    );
}

#[test]
fn accusing_participle_is_the_subject_speaking() {
    let text = "La Russie a coupé le gaz à l’Ukraine, accusant le Kazakhstan de « chantage énergétique ».";
    let got = claims(text);
    assert!(got.iter().any(|(s, c)| s == "Russie" && c.contains("chantage énergétique")), "{got:#?}");
    assert!(!got.iter().any(|(s, _)| s == "Kazakhstan"), "{got:#?}");
}

#[test]
fn two_subjects_two_claims() {
    let text = "Nikos Dimas et Andreas Kyriakou exigent que la Turquie retire ses navires.";
    check_claim(text, "Nikos Dimas", "la Turquie retire ses navires");
    check_claim(text, "Andreas Kyriakou", "la Turquie retire ses navires");
}

#[test]
fn one_claim_per_act_of_saying() {
    let text = "Nikos Dimas a déclaré que la Grèce « ne cédera jamais » face aux pressions.";
    let got = claims(text);
    assert_eq!(got.iter().filter(|(s, _)| s == "Nikos Dimas").count(), 1, "{got:#?}");
}

#[test]
fn a_negated_construction_gives_no_counted_edge() {
    check_absent("La France n’a pas livré de chars à l’Ukraine.", "France -supplies-> Ukraine");
}

#[test]
fn participle_between_commas_ends_before_the_main_verb() {
    // The noun frame after the main verb takes the main clause's subject,
    // not the incise's.
    check(
        "Le Front rouge, armé et financé par Khartoum, a de son côté revendiqué des tirs de roquettes contre la ville tchadienne de Mongo.",
        &["Front rouge -attacks-> Mongo"],
    );
}

#[test]
fn the_organization_named_earlier_in_the_sentence() {
    check(
        "À Lima, l'Union des États andins (UEA) a échoué mercredi à adopter une résolution : le Pérou et l'Équateur, pourtant membres de l'organisation, se sont abstenus.",
        &["Pérou -member_of-> Union des États andins", "Équateur -member_of-> Union des États andins"],
    );
}

#[test]
fn a_title_with_a_state_body_then_a_name_between_commas() {
    check(
        "Le porte-parole du gouvernement péruvien, Julio Mendaza, a jugé la situation préoccupante.",
        &["Julio Mendaza -holds_role-> porte-parole", "Julio Mendaza -affiliated_with-> Pérou"],
    );
    check(
        "Le colonel Julio Mendaza, porte-parole du gouvernement péruvien, a affirmé que le Pérou resterait neutre.",
        &["Julio Mendaza -affiliated_with-> Pérou"],
    );
}

#[test]
fn a_transition_president_with_a_rank_after_the_comma() {
    check(
        "Moscou a livré des drones, au nom d'un partenariat que le président de la transition péruvienne, le général Julio Mendaza, qualifie de sincère.",
        &["Julio Mendaza -holds_role-> président de la transition", "Julio Mendaza -affiliated_with-> Pérou"],
    );
}

#[test]
fn a_detached_predicate_is_no_subject_and_a_titled_adviser_is_a_person() {
    check(
        "Le conseiller diplomatique chilien Julio Mendaza, présent à Lima le jour du vote, y a rencontré M. Pedro Castillo.",
        &["Julio Mendaza -met-> Pedro Castillo", "Julio Mendaza -affiliated_with-> Chili"],
    );
    check("Julio Mendaza, présent à Lima, a rencontré Pedro Castillo.", &["Julio Mendaza -met-> Pedro Castillo"]);
}
