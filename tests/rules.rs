//! Rule tables: French sentences written for these tests (not from the
//! seeds) and the triples or nodes they must give.

use crate::common;
use common::{graph_of, graph_of_docs, nodes, triples};

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    let got = triples(&graph_of(text));
    for want in expected {
        assert!(got.iter().any(|g| g == want), "\n  text: {text}\n  missing: {want}\n  got: {got:#?}");
    }
}

#[track_caller]
fn check_absent(text: &str, unwanted: &str) {
    let got = triples(&graph_of(text));
    assert!(!got.iter().any(|g| g == unwanted), "\n  text: {text}\n  unexpected: {unwanted}\n  got: {got:#?}");
}

#[track_caller]
fn has_node(text: &str, node: &str) {
    let got = nodes(&graph_of(text));
    assert!(got.iter().any(|n| n == node), "\n  text: {text}\n  missing node: {node}\n  got: {got:#?}");
}

#[test]
fn title_before_name_with_demonym_and_portfolio() {
    check(
        "La ministre espagnole de la Défense Margarita Robles a visité la base.",
        &["Margarita Robles -holds_role-> ministre de la Défense", "Margarita Robles -affiliated_with-> Espagne"],
    );
}

#[test]
fn title_with_organization_complement_and_comma() {
    check(
        "Le directeur général de l’OMS, Tedros Adhanom Ghebreyesus, a lancé un appel.",
        &[
            "Tedros Adhanom Ghebreyesus -holds_role-> directeur général",
            "Tedros Adhanom Ghebreyesus -affiliated_with-> OMS",
        ],
    );
}

#[test]
fn apposition_after_the_name() {
    check(
        "« Rien n’est décidé », a dit Olivia Dalton, porte-parole de la Maison Blanche.",
        &["Olivia Dalton -holds_role-> porte-parole", "Olivia Dalton -affiliated_with-> Maison Blanche"],
    );
}

#[test]
fn american_title_keeps_its_portfolio_and_moves_the_nationality() {
    check(
        "Le secrétaire américain au Trésor Scott Bessent est attendu lundi.",
        &["Scott Bessent -holds_role-> secrétaire au Trésor", "Scott Bessent -affiliated_with-> États-Unis"],
    );
}

#[test]
fn surname_first_name_after_title() {
    check(
        "Le Premier ministre japonais Ishiba Shigeru a dissous la chambre basse.",
        &["Ishiba Shigeru -holds_role-> Premier ministre", "Ishiba Shigeru -affiliated_with-> Japon"],
    );
}

#[test]
fn descriptor_and_demonym_give_affiliation() {
    check("Il a reçu son homologue brésilien Mauro Vieira à Paris.", &["Mauro Vieira -affiliated_with-> Brésil"]);
}

#[test]
fn surname_alone_joins_the_full_name() {
    let g = graph_of("Le chancelier allemand Friedrich Merz est arrivé. Merz a salué la foule.");
    let merz: Vec<_> = g.nodes().filter(|n| n.kind == trame::ontology::NodeKind::Person).collect();
    assert_eq!(merz.len(), 1, "{merz:?}");
    assert_eq!(merz[0].label, "Friedrich Merz");
    assert_eq!(merz[0].mentions, 2);
    assert_eq!(merz[0].aliases, ["Merz"]);
}

#[test]
fn spelling_variants_across_documents_join() {
    let g = graph_of_docs(&[
        ("a.txt", "Le ministre ukrainien des Affaires étrangères Andriy Kovalenko est à Varsovie."),
        ("b.txt", "Le ministre Andrii Kovalenko a parlé."),
    ]);
    let people: Vec<_> = g.nodes().filter(|n| n.kind == trame::ontology::NodeKind::Person).collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert!(people[0].aliases.iter().any(|a| a == "Andrii Kovalenko") || people[0].label == "Andrii Kovalenko");
}

#[test]
fn shared_surname_is_resolved_per_document_or_left_alone() {
    let g = graph_of_docs(&[
        ("a.txt", "Le ministre sud-coréen de l’Unification Park Jin Woo est arrivé. Park a parlé."),
        ("b.txt", "Le député Park Min Ho a répondu. Park a insisté."),
        ("c.txt", "Park a refusé de commenter."),
    ]);
    let people: Vec<_> = g
        .nodes()
        .filter(|n| n.kind == trame::ontology::NodeKind::Person)
        .map(|n| (n.label.clone(), n.mentions))
        .collect();
    assert_eq!(
        people,
        [("Park Jin Woo".to_string(), 2), ("Park Min Ho".to_string(), 2)],
        "the bare Park of c.txt stays unresolved"
    );
}

#[test]
fn demonym_points_at_the_country_without_a_person() {
    let g = graph_of("Les soldats maliens ont quitté la ville.");
    assert_eq!(nodes(&g), ["country:Mali"]);
    let mali = g.node("country:mali").unwrap();
    assert!(mali.aliases.is_empty(), "a demonym is not an alias");
}

#[test]
fn capital_acting_is_the_country_and_capital_as_place_is_a_location() {
    has_node("Ankara a démenti toute implication.", "country:Turquie");
    has_node("Le sommet s’est tenu à Ankara.", "location:Ankara");
}

#[test]
fn seat_of_power_is_part_of_its_country() {
    check("L’Élysée a publié un communiqué.", &["Élysée -part_of-> France"]);
}

#[test]
fn national_bodies_by_pattern() {
    check(
        "Le ministère italien de l’Intérieur et l’armée polonaise ont réagi, comme la marine indienne.",
        &[
            "ministère italien de l’Intérieur -part_of-> Italie",
            "armée polonaise -part_of-> Pologne",
            "marine indienne -part_of-> Inde",
        ],
    );
}

#[test]
fn government_is_the_country_itself() {
    // The announcement is a claim; the only actor is the state.
    let g = graph_of("Le gouvernement canadien a annoncé de nouvelles mesures.");
    let actors: Vec<String> = nodes(&g).into_iter().filter(|n| !n.starts_with("claim:")).collect();
    assert_eq!(actors, ["country:Canada"]);
}

#[test]
fn body_named_with_its_parent() {
    check(
        "Une résolution du Conseil de sécurité de l’ONU a été votée.",
        &["Conseil de sécurité de l'ONU -part_of-> ONU"],
    );
}

#[test]
fn located_in_when_the_text_says_so() {
    check("Les blessés ont été conduits à Lyon, en France.", &["Lyon -located_in-> France"]);
    check("Des combats ont eu lieu dans la région russe de Belgorod.", &["région de Belgorod -located_in-> Russie"]);
}

#[test]
fn located_in_not_when_the_text_contradicts_the_lexicon() {
    check_absent("Des combats ont eu lieu à Lyon, en Italie.", "Lyon -located_in-> Italie");
}

#[test]
fn member_of() {
    check("La Finlande, membre de l’OTAN depuis 2023, renforce sa frontière.", &["Finlande -member_of-> OTAN"]);
}

#[test]
fn no_role_node_without_a_holder() {
    let g = graph_of("Le président a parlé de la situation.");
    assert!(g.nodes().all(|n| n.kind != trame::ontology::NodeKind::Role));
}

#[track_caller]
fn check_claim(text: &str, speaker: &str, words: &str) {
    let g = graph_of(text);
    let found = g.edges().iter().filter(|e| e.relation == trame::ontology::Relation::Stated).any(|e| {
        g.node(&e.source).is_some_and(|s| s.label == speaker)
            && g.node(&e.target).is_some_and(|c| c.label.contains(words))
    });
    assert!(found, "\n  text: {text}\n  missing claim of {speaker}: {words}\n  got: {:#?}", triples(&g));
}

#[test]
fn claim_from_a_quote_with_the_speaker_after() {
    check_claim("« Nous ne céderons rien », a déclaré Olaf Scholz à Berlin.", "Olaf Scholz", "Nous ne céderons rien");
}

#[test]
fn claim_from_a_split_quote_is_one_claim() {
    let text = "« La paix est possible », a affirmé Antonio Ferraz, « mais elle exige du courage ».";
    check_claim(text, "Antonio Ferraz", "La paix est possible mais elle exige du courage");
}

#[test]
fn claim_from_reported_speech() {
    check_claim(
        "La chancelière Angela Merkel a annoncé que les frontières resteraient ouvertes.",
        "Angela Merkel",
        "les frontières resteraient ouvertes",
    );
}

#[test]
fn claim_of_an_organization_with_selon() {
    check_claim("Selon l’OMS, l’épidémie recule dans la région.", "OMS", "l’épidémie recule dans la région");
}

#[test]
fn pronoun_speaker_is_the_last_named_speaker() {
    let text =
        "Le ministre Gabriel Attal a déclaré que la croissance repartait. La dette baissera aussi, a-t-il ajouté.";
    check_claim(text, "Gabriel Attal", "La dette baissera aussi");
}

#[test]
fn anonymous_source_makes_no_claim() {
    let g = graph_of("« Tout est prêt », a déclaré un haut responsable du ministère.");
    assert!(g.edges().iter().all(|e| e.relation != trame::ontology::Relation::Stated), "{:#?}", triples(&g));
}

#[test]
fn quotation_over_several_sentences_is_one_claim_per_sentence() {
    let text = "« Le pays traverse une crise grave. Nous devons agir vite et ensemble », a déclaré Pedro Sánchez.";
    check_claim(text, "Pedro Sánchez", "Le pays traverse une crise grave");
    check_claim(text, "Pedro Sánchez", "Nous devons agir vite et ensemble");
}

#[test]
fn dash_incise_inside_a_quotation_is_left_out_of_the_words() {
    let text = "« La réforme – a expliqué Gabriel Attal – sera votée avant l’été. »";
    check_claim(text, "Gabriel Attal", "La réforme sera votée avant l’été");
}

#[test]
fn untagged_quotation_right_after_another_continues_its_speaker() {
    let text = "« Nous tiendrons bon », a affirmé Keir Starmer. « Personne ne nous fera reculer. »";
    check_claim(text, "Keir Starmer", "Personne ne nous fera reculer");
}

#[test]
fn innermost_named_speaker_keeps_the_words() {
    let text = "Le ministère a indiqué que l’ambassadeur Jean Dupuis avait assuré que les négociations continuaient.";
    check_claim(text, "Jean Dupuis", "les négociations continuaient");
    let g = graph_of(text);
    let outer = g.edges().iter().filter(|e| e.relation == trame::ontology::Relation::Stated).count();
    assert_eq!(outer, 1, "{:#?}", triples(&g));
}

#[test]
fn denial_by_several_subjects() {
    let text = "Des drones iraniens seraient utilisés au Soudan, ce que Téhéran et Khartoum démentent.";
    check_claim(text, "Iran", "Des drones iraniens seraient utilisés au Soudan");
    check_claim(text, "Soudan", "Des drones iraniens seraient utilisés au Soudan");
}

#[test]
fn apposed_subject_speaks() {
    check_claim(
        "Parallèlement, l’agence japonaise Kyodo, citant des sources, a rapporté que le sommet était reporté.",
        "Kyodo",
        "le sommet était reporté",
    );
}

#[test]
fn c_est_ce_qu_a_declare() {
    let text = "« Nous ne paierons pas. » C’est ce qu’a déclaré le président argentin Javier Milei.";
    check_claim(text, "Javier Milei", "Nous ne paierons pas");
}

#[test]
fn headline_makes_no_claim() {
    let g = graph_of("Étienne Morel met en garde contre une escalade\nLe président a parlé longuement.");
    assert!(g.edges().iter().all(|e| e.relation != trame::ontology::Relation::Stated), "{:#?}", triples(&g));
}

#[test]
fn selon_lesquelles_is_no_speaker() {
    let g = graph_of("L’Élysée a démenti les rumeurs selon lesquelles Étienne Morel serait malade.");
    let got = triples(&g);
    assert!(got.iter().any(|t| t.starts_with("Élysée -stated-> ")), "{got:#?}");
    assert!(!got.iter().any(|t| t.starts_with("Étienne Morel -stated-> ")), "{got:#?}");
}

#[test]
fn pronoun_speaker_takes_the_last_speaker_of_its_gender() {
    let text =
        "« Le dialogue continue », a déclaré Sergueï Choïgou. « Nous restons fermes », a affirmé Annalena Baerbock. \
                La rencontre a duré deux heures, a-t-il ajouté. Les sanctions demeurent, a-t-elle précisé.";
    check_claim(text, "Sergueï Choïgou", "La rencontre a duré deux heures");
    check_claim(text, "Annalena Baerbock", "Les sanctions demeurent");
}

#[test]
fn organization_named_by_a_capitalized_head() {
    has_node("Le Parti socialiste a exclu trois élus.", "organization:Parti socialiste");
    has_node(
        "La Fédération française de football a sanctionné le club.",
        "organization:Fédération française de football",
    );
}

#[test]
fn club_named_after_its_city() {
    has_node("Il a joué pour les Maple Leafs de Toronto.", "organization:Maple Leafs de Toronto");
    // A demonym names the people of a city, not a club.
    let g = graph_of("Les Ukrainiens de Marioupol ont fui.");
    assert!(g.nodes().all(|n| n.kind != trame::ontology::NodeKind::Organization), "{:#?}", nodes(&g));
}

#[test]
fn capitalized_words_alone_are_no_person() {
    let g = graph_of("Le groupe Soft Cell a repris Tainted Love en concert.");
    assert!(g.nodes().all(|n| n.kind != trame::ontology::NodeKind::Person), "{:#?}", nodes(&g));
}

#[test]
fn unknown_name_acting_as_a_person_is_one() {
    has_node("Wang Lei a déclaré que la visite était reportée.", "person:Wang Lei");
}

#[test]
fn place_named_after_a_geographic_noun() {
    has_node("Les alpinistes ont atteint le sommet du mont Thabor.", "location:mont Thabor");
    has_node("La tempête a touché les îles Kerguelen.", "location:îles Kerguelen");
}

#[test]
fn unknown_town_after_a_locative_preposition() {
    has_node("Le pêcheur est né à Plouguerneau en 1950.", "location:Plouguerneau");
    let g = graph_of("Le ministre Gabriel Attal a parlé. Le prix a été remis à Attal.");
    assert!(g.nodes().all(|n| n.label != "Attal" || n.kind == trame::ontology::NodeKind::Person), "{:#?}", nodes(&g));
}

#[test]
fn names_with_capitalized_particles_and_regnal_numbers() {
    has_node("Marine Le Pen a répondu aux questions.", "person:Marine Le Pen");
    has_node("Le règne de Louis XIV a duré longtemps.", "person:Louis XIV");
}

#[test]
fn things_with_an_article_are_no_person() {
    let g = graph_of("Il a acheté une Aston Martin. Le Nouvel Obs a publié l’enquête.");
    assert!(g.nodes().all(|n| n.kind != trame::ontology::NodeKind::Person), "{:#?}", nodes(&g));
}
