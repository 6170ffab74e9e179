//! Entity mentions (the `mentions` export): spans, kinds and the rules of
//! French that decide them. Names here are examples, not seed material.

use trame::ontology::NodeKind;
use trame::{Document, Pipeline};

/// (text as written, kind, proper) of every mention of one text, in order.
fn mentions(text: &str) -> Vec<(String, NodeKind, bool)> {
    let docs = [Document::new("t.txt", text)];
    let (_, records) = Pipeline::builtin().run_with_mentions(&docs);
    records.into_iter().map(|m| (m.text, m.kind, m.proper)).collect()
}

fn has(text: &str, surface: &str, kind: NodeKind) {
    let got = mentions(text);
    assert!(got.iter().any(|(s, k, p)| s == surface && *k == kind && *p), "{surface} as {kind:?} in {text}\n{got:?}");
}

fn lacks(text: &str, surface: &str) {
    let got = mentions(text);
    assert!(!got.iter().any(|(s, _, _)| s == surface), "no mention {surface} in {text}\n{got:?}");
}

#[test]
fn civility_title_is_part_of_the_person_mention() {
    let text = "Hier, Mme Durand a rencontré M. Lebrun et le général Vautrin.";
    has(text, "Mme Durand", NodeKind::Person);
    has(text, "M. Lebrun", NodeKind::Person);
    // "un certain X", "le dénommé X" introduce a person.
    has("Un certain Mondaric réunit une armée.", "Mondaric", NodeKind::Person);
    // A function is a role of its own: the mention is the name.
    has(text, "Vautrin", NodeKind::Person);
}

#[test]
fn given_name_before_a_place_name_is_a_person() {
    // The surname is a country, a city or a state's name; the given name wins.
    has("Le candidat François Hollande a voté.", "François Hollande", NodeKind::Person);
    has("Sous le gouvernement de Salvador Allende, le pays change.", "Salvador Allende", NodeKind::Person);
    has("Elle a visité le Salvador.", "Salvador", NodeKind::Country);
}

#[test]
fn a_lone_given_name_and_its_place_are_one_name() {
    has("Selon Grégoire de Tours, le roi meurt.", "Grégoire de Tours", NodeKind::Person);
    // A full name keeps its place of origin apart.
    has("Selon Marc Lebrun de Tours, le roi meurt.", "Tours", NodeKind::Location);
}

#[test]
fn a_company_name_after_a_civility_title_is_a_person() {
    has("M. Michelin a protesté contre la décision.", "M. Michelin", NodeKind::Person);
    has("Le groupe Michelin a annoncé des suppressions d’emplois.", "Michelin", NodeKind::Organization);
}

#[test]
fn a_title_and_a_city_name_make_a_person() {
    // "Toledo" is also a city: the title decides.
    has("Le président brésilien Toledo a rencontré son homologue.", "Toledo", NodeKind::Person);
}

#[test]
fn capitals_and_seats_of_power_as_metonyms() {
    has("Washington a répondu à Pékin.", "Washington", NodeKind::Country);
    has("Le Quai d’Orsay a convoqué l’ambassadeur.", "Quai d’Orsay", NodeKind::Organization);
    has("La Maison Blanche a démenti.", "Maison Blanche", NodeKind::Organization);
    has("Il vit à Washington.", "Washington", NodeKind::Location);
}

#[test]
fn regions_seas_and_geopolitical_areas_are_places() {
    has("Des frappes ont visé l’oblast de Belgorod.", "oblast de Belgorod", NodeKind::Location);
    has("La menace grandit au Sahel et dans l’Indo-Pacifique.", "Sahel", NodeKind::Location);
    has("La menace grandit au Sahel et dans l’Indo-Pacifique.", "Indo-Pacifique", NodeKind::Location);
    has("Un navire croise en mer Noire.", "mer Noire", NodeKind::Location);
    // Towns of French-speaking Europe well under 100,000 people are known.
    has("Le conseil s’est réuni à Vevey.", "Vevey", NodeKind::Location);
    // Subdivisions from ISO 3166-2 with their French names: départements,
    // cantons, regions of other states.
    has("Les pompiers du Morbihan et de la Drôme sont arrivés.", "Morbihan", NodeKind::Location);
    has("Les pompiers du Morbihan et de la Drôme sont arrivés.", "Drôme", NodeKind::Location);
    has("Le canton de Vaud a voté, la Bavière aussi.", "Bavière", NodeKind::Location);
    has("La sonde approche de Mercure.", "Mercure", NodeKind::Location);
    // Historical provinces and natural regions of France.
    has("Les vignes de Bourgogne et de Champagne ont gelé.", "Bourgogne", NodeKind::Location);
    has("Il randonne dans le Massif central.", "Massif central", NodeKind::Location);
}

#[test]
fn organizations_by_pattern_and_listed_companies() {
    has("Le ministère sud-coréen de la Défense a réagi.", "ministère sud-coréen de la Défense", NodeKind::Organization);
    has("Le Parti socialiste a voté contre.", "Parti socialiste", NodeKind::Organization);
    has("Les Canucks de Vancouver ont gagné.", "Canucks de Vancouver", NodeKind::Organization);
    has("Il a signé avec le Lightning de Tampa Bay.", "Lightning de Tampa Bay", NodeKind::Organization);
    has("Il a joué au FC Nantes puis à Silkeborg IF.", "FC Nantes", NodeKind::Organization);
    has("Il a joué au FC Nantes puis à Silkeborg IF.", "Silkeborg IF", NodeKind::Organization);
    has("Il rejoint l’Olympique de Marseille.", "Olympique de Marseille", NodeKind::Organization);
    // A capitalized verb form inside a sentence is a name; "des" is no particle.
    let text = "Il a battu Jeremy Hellickson des Mets de New York.";
    has(text, "Jeremy Hellickson", NodeKind::Person);
    has(text, "Mets de New York", NodeKind::Organization);
    // A name that is no given name, then a city: a club.
    has("Il signe au Feyenoord Rotterdam.", "Feyenoord Rotterdam", NodeKind::Organization);
    has("Le secrétaire à la Défense Marc Toulouse est arrivé.", "Marc Toulouse", NodeKind::Person);
    // An event or a building of a place is no club.
    lacks("Il a gagné la Coupe de France.", "Coupe de France");
    // Listed companies from stock index data, short names without legal form.
    has("Le constructeur Airbus et Rheinmetall ont signé.", "Rheinmetall", NodeKind::Organization);
}

#[test]
fn bodies_described_by_common_nouns_are_not_proper_names() {
    let got = mentions("L’armée ukrainienne a reculé, selon la police de Kiev.");
    let army = got.iter().find(|(s, _, _)| s == "armée ukrainienne").expect("the army is a mention");
    assert_eq!((army.1, army.2), (NodeKind::Organization, false), "{got:?}");
}

#[test]
fn no_place_out_of_idioms_and_side_words() {
    lacks("Il a pris la place de Louis Vautrin au conseil.", "place de Louis Vautrin");
    lacks("Il se range du côté de Marie Curie.", "côté de Marie Curie");
}

#[test]
fn names_in_one_list_share_their_sort() {
    // Unknown single names take the sort of the known names they are listed with.
    has("Le film réunit Gérard Oury, Bourvil et Louis de Funès.", "Bourvil", NodeKind::Person);
    has("Le car passe par Toulouse, Quissac et Lodève.", "Quissac", NodeKind::Location);
    // A surname of someone named elsewhere stays that person.
    let text = "Marc Quissac est arrivé. L’ONU et Quissac ont signé.";
    has(text, "Quissac", NodeKind::Person);
    // The article or the preposition of the list said again before each name.
    let text = "Elle a gravi le Pelmo, la Civetta et le mont Blanc.";
    has(text, "Pelmo", NodeKind::Location);
    has(text, "Civetta", NodeKind::Location);
    has("On le trouve dans les îles de Taveuni, de Kadavu et de Sicile.", "Taveuni", NodeKind::Location);
    // A person's "de X" after a comma is where they are from, no list.
    let text = "Jean Dumont, de Villars, a parlé.";
    no_person(text, "Villars");
    // Words of the language stay things in a list with its article.
    lacks("Il cite les résolutions du Conseil de sécurité et la Charte.", "Charte");
}

#[track_caller]
fn no_person(text: &str, surface: &str) {
    let got = mentions(text);
    assert!(
        !got.iter().any(|(s, k, _)| s == surface && *k == NodeKind::Person),
        "{surface} no person in {text}\n{got:?}"
    );
}

#[test]
fn clubs_named_by_a_place_and_a_city_or_by_a_plural_and_its_place() {
    // Two places side by side after an article, or an acronym and a city: a club.
    has("Il a signé au Drenthe Enschede.", "Drenthe Enschede", NodeKind::Organization);
    has("Il a signé au KVC Utrecht en mars.", "KVC Utrecht", NodeKind::Organization);
    let got = mentions("Il a signé au Drenthe Enschede.");
    assert!(!got.iter().any(|(s, _, _)| s == "Enschede"), "{got:?}");
    // "les X de Y": a plural that is no word of the language, then a place.
    has("Il a joué pour les Thunderbirds de Rip City.", "Thunderbirds de Rip City", NodeKind::Organization);
    has("Il a rejoint les Stingers de la Caroline.", "Stingers de la Caroline", NodeKind::Organization);
    // A people of a state is no team.
    lacks("Il a rencontré les Kurdes de Syrie.", "Kurdes de Syrie");
}

#[test]
fn english_names_by_their_last_word_and_natural_places_by_their_noun() {
    has("Il rejoint la Royal Air Force en 1940.", "Royal Air Force", NodeKind::Organization);
    has(
        "Selon Habitat for Humanity International, rien ne change.",
        "Habitat for Humanity International",
        NodeKind::Organization,
    );
    has("Il expose au British Museum.", "British Museum", NodeKind::Location);
    // The noun of a natural place joins the name after it.
    has("Le lac Tchad recule.", "lac Tchad", NodeKind::Location);
    has("Ils ont gravi le mont Everest.", "mont Everest", NodeKind::Location);
    // Buildings named by their noun and a name the lexicon does not know.
    has("Le match a lieu au stade Pierre-Mauroy.", "stade Pierre-Mauroy", NodeKind::Location);
    has("Elle visite le musée du Louvre.", "musée du Louvre", NodeKind::Location);
}

#[test]
fn initials_make_a_name_and_a_number_makes_a_thing() {
    let text = "Le film de D. W. Griffith plaît à George H. W. Bush.";
    has(text, "D. W. Griffith", NodeKind::Person);
    has(text, "George H. W. Bush", NodeKind::Person);
    // "M." is a civility, not an initial.
    has("Il a vu M. Lebrun.", "M. Lebrun", NodeKind::Person);
    // A name then a number is a vessel, a mission or a product.
    lacks("La sonde Mariner 10 survole la planète.", "Mariner");
}

#[test]
fn a_name_after_a_common_noun_of_organizations() {
    has("Le groupe Metallica joue ce soir.", "Metallica", NodeKind::Organization);
    has("Le groupe de rock britannique Deep Purple revient.", "Deep Purple", NodeKind::Organization);
    has("Le quotidien Libération a publié l’enquête.", "Libération", NodeKind::Organization);
    has("La marque Zelvora lance un nouveau téléphone.", "Zelvora", NodeKind::Organization);
    // Words of its kind between the noun and the name.
    has("Le groupe rock québécois Vendolia joue ce soir.", "Vendolia", NodeKind::Organization);
    has("Le groupe de rock progressif Zortrax revient.", "Zortrax", NodeKind::Organization);
    has("Les groupes Zortrax et Vendolia ont signé.", "Vendolia", NodeKind::Organization);
    // The agent of a maker's participle is a firm.
    has("Le jeu a été développé par Quantastic en 2004.", "Quantastic", NodeKind::Organization);
    // An acronym alone in parentheses after a person's name: a party.
    has("Elle devance Jeanne Vautrin (PRDL) au second tour.", "PRDL", NodeKind::Organization);
}

#[test]
fn settlements_are_named_by_their_name_and_places_with_an_article_are_no_people() {
    has("Il vit dans la commune de Quissac-sur-Vidourle.", "Quissac-sur-Vidourle", NodeKind::Location);
    has("La ville de Lyon a voté.", "Lyon", NodeKind::Location);
    // An administrative unit keeps its noun.
    has("Des frappes ont visé l’oblast de Belgorod.", "oblast de Belgorod", NodeKind::Location);
    // "du Montana": a French person's name takes no article.
    let text = "L’actrice Hannah Montana chante. Elle vit au Montana.";
    has(text, "Montana", NodeKind::Location);
}

#[test]
fn a_company_name_and_a_model_number_are_a_product() {
    lacks("La compagnie a commandé dix Airbus A320.", "Airbus");
    has("Airbus a livré dix avions.", "Airbus", NodeKind::Organization);
}

#[test]
fn a_national_team_is_no_state() {
    has("Il joue pour l’équipe de France de football.", "équipe de France de football", NodeKind::Organization);
    has("L’équipe d’Écosse espoirs a gagné.", "équipe d’Écosse espoirs", NodeKind::Organization);
}

#[test]
fn two_unknown_words_after_a_are_a_person_unless_they_open_a_place_name() {
    has("Il laisse sa place à Hamadou Jebaliya, élu hier.", "Hamadou Jebaliya", NodeKind::Person);
    has("Il est né à San Quirico.", "San Quirico", NodeKind::Location);
    lacks("Il a battu au stade Ekaterina Alexandrova.", "stade Ekaterina Alexandrova");
}

#[test]
fn an_unknown_acronym_after_an_article_is_an_organization() {
    has("Le XQPF a voté contre, selon l’AFQ.", "XQPF", NodeKind::Organization);
    // Acronyms of common nouns are not.
    lacks("L’IA progresse et le PIB recule.", "IA");
    lacks("L’IA progresse et le PIB recule.", "PIB");
    // A headline in capitals proves nothing.
    lacks("LE DÉBAT SUR LA RÉFORME DU CODE", "CODE");
}

#[test]
fn a_region_is_no_surname_and_a_competition_no_organization() {
    // "Provence" is one edit from "Provance": a region still never joins a person.
    has("Le député Paul Provance a parlé. La Provence attend.", "Provence", NodeKind::Location);
    lacks("Le club joue la Ligue des champions.", "Ligue des champions");
    // The League of Nations was an organization.
    has("La Ligue des nations a été fondée en 1920.", "Ligue des nations", NodeKind::Organization);
}

#[test]
fn a_thing_named_after_a_known_place_keeps_its_noun() {
    // "le désert de X", "l'arrondissement de X": another thing than X, the
    // noun inside its name.
    has("Les nomades traversent le désert de Mongolie chaque hiver.", "désert de Mongolie", NodeKind::Location);
    has("Le préfet de l'arrondissement de Thuringe a démissionné.", "arrondissement de Thuringe", NodeKind::Location);
    lacks("Les nomades traversent le désert de Mongolie chaque hiver.", "Mongolie");
    // A demonym between: the place is named by its name alone.
    has("Il vit dans le canton suisse de Vorlange.", "Vorlange", NodeKind::Location);
}

#[test]
fn an_island_a_region_or_a_river_is_named_without_its_noun() {
    // "l'île de X", "la province de X", "le fleuve X": X itself.
    has("Le ferry relie le port à l'île de Mortavel.", "Mortavel", NodeKind::Location);
    lacks("Le ferry relie le port à l'île de Mortavel.", "île de Mortavel");
    has("Il a grandi dans la région de Sardaigne.", "Sardaigne", NodeKind::Location);
    lacks("Il a grandi dans la région de Sardaigne.", "région de Sardaigne");
    has("Les crues du fleuve Ostravel ont noyé la plaine.", "Ostravel", NodeKind::Location);
    has("Les crues du fleuve Dniepr ont noyé la plaine.", "Dniepr", NodeKind::Location);
    lacks("Les crues du fleuve Dniepr ont noyé la plaine.", "fleuve Dniepr");
    // A municipality and the communes of a list are places by their noun.
    has("Il habite la municipalité de Verlonde depuis vingt ans.", "Verlonde", NodeKind::Location);
    // A lake keeps its noun.
    has("Ils ont pêché dans le lac Ostravel.", "lac Ostravel", NodeKind::Location);
}

#[test]
fn an_event_named_after_a_place_is_no_mention_of_the_place() {
    lacks("Le film a été primé au Festival de Locarno.", "Locarno");
    lacks("Elle a couru le Marathon de Genève en mai.", "Genève");
    lacks("Il a nagé aux Jeux du Commonwealth.", "Commonwealth");
    lacks("Le Festival international du film de Berlin a ouvert.", "Berlin");
    // The place of a sentence outside the event's name stays.
    has("Le Festival de Locarno se tient en Suisse.", "Suisse", NodeKind::Country);
    // "la Tour de X" is a building, "le Tour de X" a race.
    lacks("Il a gagné le Tour de Suisse.", "Suisse");
}

#[test]
fn an_unknown_name_after_an_article_is_a_place_or_a_body_by_its_context() {
    // French gives no article to people's names: the words before the
    // article tell a river or a land from a club.
    has("La ville est traversée par la Vézeronce.", "Vézeronce", NodeKind::Location);
    has("Le château se dresse au bord de l’Ardusson.", "Ardusson", NodeKind::Location);
    has("Le bourg s’étend entre la Vézeronce et la Bourbre.", "Bourbre", NodeKind::Location);
    has("Les marmottes vivent dans le Queyras.", "Queyras", NodeKind::Location);
    has("En 2019, il rejoint le Vestervik.", "Vestervik", NodeKind::Organization);
    // A person named elsewhere stays that person.
    let text = "Marc Vézeronce est arrivé. Il a voté contre le Vézeronce.";
    has(text, "Vézeronce", NodeKind::Person);
    // A town after "le maire de", a land beside a point of the compass, a
    // port's name without its noun.
    has("Il a été élu maire de Saint-Quentin-Fallavier.", "Saint-Quentin-Fallavier", NodeKind::Location);
    has("La commune touche Oyeu au nord et Biol au sud.", "Biol", NodeKind::Location);
    has("Le cargo entre dans le port de Brindisi-Sud.", "Brindisi-Sud", NodeKind::Location);
    lacks("Le câble se branche au port USB.", "port USB");
}

#[test]
fn a_part_of_a_land_named_by_an_adjective_spans_both_and_stands_for_the_land() {
    let text = "Des renforts ont été envoyés en Bulgarie orientale.";
    has(text, "Bulgarie orientale", NodeKind::Country);
    has("Il a grandi en Allemagne de l’Ouest.", "Allemagne de l’Ouest", NodeKind::Country);
    // A body's adjective stays the body's.
    has("La Banque centrale a relevé ses taux.", "Banque centrale", NodeKind::Organization);
}

#[test]
fn a_body_named_by_its_head_ends_where_its_name_ends() {
    let text = "Après la fin du Parti des Roses blanches et la chute du régime, il part.";
    has(text, "Parti des Roses blanches", NodeKind::Organization);
    has("Il est le meilleur de Ligue nationale pour la saison.", "Ligue nationale", NodeKind::Organization);
    has(
        "Il dirige la Ligue nationale de curling derrière son rival.",
        "Ligue nationale de curling",
        NodeKind::Organization,
    );
    let text = "Il a rencontré le chef du Parti radical valaisan Pierre Dumoulin.";
    has(text, "Parti radical valaisan", NodeKind::Organization);
    has(text, "Pierre Dumoulin", NodeKind::Person);
    has("Le Parti radical valaisan et vaudois a voté.", "Parti radical valaisan et vaudois", NodeKind::Organization);
}
