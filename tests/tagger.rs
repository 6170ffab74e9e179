//! Part-of-speech tagging of sentences written for these tests: nouns and
//! verbs that share a form, auxiliaries, the ambiguous function words (qui,
//! que, en, des, du, a/à), proper nouns, unknown words, and the features and
//! lemmas the chosen reading carries.

use trame::syntax::{tag, Gen, Mood, Num, Tag, Tense, Upos, VerbForm};
use trame::text::{sentences, tokenize, Token};

fn tagged(text: &str) -> Vec<(Token, Tag)> {
    let mut out = Vec::new();
    for s in sentences(text) {
        let tokens = tokenize(text, &s);
        let tags = tag(&tokens);
        assert_eq!(tags.len(), tokens.len());
        out.extend(tokens.into_iter().zip(tags));
    }
    out
}

/// The tag of the `nth` token (0-based) whose text is `word`.
fn nth(text: &str, word: &str, nth: usize) -> Tag {
    tagged(text)
        .into_iter()
        .filter(|(t, _)| t.text == word)
        .nth(nth)
        .unwrap_or_else(|| panic!("no {word:?} #{nth} in {text:?}"))
        .1
}

fn of(text: &str, word: &str) -> Tag {
    nth(text, word, 0)
}

fn upos(text: &str, word: &str) -> Upos {
    of(text, word).upos
}

#[test]
fn the_same_form_as_noun_or_verb() {
    let s = "Le président a porté plainte.";
    assert_eq!(upos(s, "président"), Upos::Noun);
    assert_eq!(upos(s, "plainte"), Upos::Noun);
    let porte = of(s, "porté");
    assert_eq!((porte.upos, porte.lemma), (Upos::Verb, "porter"));
    assert_eq!((porte.feats.verb_form, porte.feats.tense), (VerbForm::Part, Tense::Past));

    let s = "La porte est fermée.";
    assert_eq!(of(s, "porte").upos, Upos::Noun);
    assert_eq!(of(s, "porte").lemma, "porte");
    assert_eq!(of(s, "porte").feats.gender, Gen::Fem);
    assert_eq!(upos(s, "est"), Upos::Aux);

    let s = "Il porte une valise.";
    let porte = of(s, "porte");
    assert_eq!((porte.upos, porte.lemma), (Upos::Verb, "porter"));
    assert_eq!((porte.feats.mood, porte.feats.person, porte.feats.number), (Mood::Ind, 3, Num::Sing));

    let s = "Ils ferment la porte.";
    assert_eq!(upos(s, "ferment"), Upos::Verb);
    assert_eq!(upos(s, "porte"), Upos::Noun);
}

#[test]
fn auxiliaries_and_participles() {
    let s = "Les forces ont été déployées.";
    let forces = of(s, "forces");
    assert_eq!((forces.upos, forces.lemma, forces.feats.number), (Upos::Noun, "force", Num::Plur));
    let ont = of(s, "ont");
    assert_eq!((ont.upos, ont.lemma, ont.feats.person, ont.feats.number), (Upos::Aux, "avoir", 3, Num::Plur));
    assert_eq!((upos(s, "été"), of(s, "été").lemma), (Upos::Aux, "être"));
    let d = of(s, "déployées");
    assert_eq!((d.upos, d.lemma), (Upos::Verb, "déployer"));
    assert_eq!((d.feats.verb_form, d.feats.gender, d.feats.number), (VerbForm::Part, Gen::Fem, Num::Plur));

    // After an auxiliary the participle reading wins over a rarer finite one.
    let s = "Cette décision a été prise par le gouvernement.";
    assert_eq!(of(s, "prise").lemma, "prendre");
    assert_eq!(of(s, "prise").feats.verb_form, VerbForm::Part);

    let s = "L’armée s’est retirée.";
    assert_eq!((upos(s, "L’"), of(s, "L’").lemma), (Upos::Det, "le"));
    assert_eq!((upos(s, "s’"), of(s, "s’").lemma), (Upos::Pron, "soi"));
    assert_eq!(upos(s, "est"), Upos::Aux);
    assert_eq!(of(s, "retirée").lemma, "retirer");
}

#[test]
fn a_and_a_grave() {
    let s = "Il a parlé à la presse.";
    assert_eq!((upos(s, "a"), of(s, "a").lemma), (Upos::Aux, "avoir"));
    assert_eq!((upos(s, "à"), of(s, "à").lemma), (Upos::Adp, "à"));
}

#[test]
fn qui_que_en() {
    assert_eq!(upos("Le ministre qui parle est absent.", "qui"), Upos::Pron);
    assert_eq!(upos("Le livre que je lis est long.", "que"), Upos::Pron);
    assert_eq!(upos("Il dit que la guerre est finie.", "que"), Upos::Sconj);
    let s = "Il en parle en France.";
    assert_eq!(nth(s, "en", 0).upos, Upos::Pron);
    assert_eq!(nth(s, "en", 1).upos, Upos::Adp);
    assert_eq!(upos("Elles en sont revenues.", "en"), Upos::Pron);
}

#[test]
fn des_du_au_as_article_or_contraction() {
    let s = "Des soldats ont été tués.";
    assert_eq!((upos(s, "Des"), of(s, "Des").lemma), (Upos::Det, "un"));
    let s = "La fin des combats approche.";
    assert_eq!((upos(s, "des"), of(s, "des").lemma), (Upos::Adp, "de"));
    assert_eq!(upos("Les ministres ont envoyé des troupes.", "des"), Upos::Det);
    let s = "Le chef du parti est venu au marché.";
    assert_eq!((upos(s, "du"), of(s, "du").lemma), (Upos::Adp, "de"));
    assert_eq!((upos(s, "au"), of(s, "au").lemma), (Upos::Adp, "à"));
}

#[test]
fn proper_nouns_and_sentence_initial_capitals() {
    let s = "Hier, Jules Ferrandin a rencontré Odile Brassac à Varnel.";
    assert_eq!(upos(s, "Hier"), Upos::Adv);
    for name in ["Jules", "Ferrandin", "Odile", "Brassac", "Varnel"] {
        assert_eq!(upos(s, name), Upos::Propn, "{name}");
        assert_eq!(of(s, name).lemma, "", "{name}");
    }
    let s = "Demain, la séance reprendra.";
    assert_eq!(upos(s, "Demain"), Upos::Adv);
    assert_eq!(of(s, "Demain").lemma, "demain");
}

#[test]
fn unknown_words_by_their_ending() {
    let s = "Les frobulations ont augmenté.";
    let f = of(s, "frobulations");
    assert_eq!((f.upos, f.lemma, f.feats.number), (Upos::Noun, "", Num::Plur));
}

#[test]
fn verbs_agree_with_their_subject_pronoun() {
    let p = of("Nous portons des valises.", "portons");
    assert_eq!((p.upos, p.feats.person, p.feats.number), (Upos::Verb, 1, Num::Plur));
    let e = of("Vous êtes partis.", "êtes");
    assert_eq!((e.upos, e.lemma, e.feats.person), (Upos::Aux, "être", 2));
    let v = of("Il viendrait demain.", "viendrait");
    assert_eq!((v.lemma, v.feats.mood, v.feats.person), ("venir", Mood::Cnd, 3));
    let p = of("Ils partiront lundi.", "partiront");
    assert_eq!((p.lemma, p.feats.tense, p.feats.number), ("partir", Tense::Fut, Num::Plur));
    let pr = of("Elle a bu.", "Elle");
    assert_eq!((pr.upos, pr.lemma, pr.feats.gender, pr.feats.person), (Upos::Pron, "lui", Gen::Fem, 3));
}

#[test]
fn punctuation_numbers_and_odd_input() {
    let s = "Il a reçu 3 000 euros, soit 40 % de plus !";
    assert_eq!(upos(s, ","), Upos::Punct);
    assert_eq!(upos(s, "!"), Upos::Punct);
    assert_eq!(upos(s, "3 000"), Upos::Num);
    assert!(tag(&[]).is_empty());
    // Nothing panics on odd text.
    let long = "x".repeat(300);
    for text in ["…", "🙂 🙂", "A", "-t-il", "’’’", long.as_str(), "ÉÉÉÉ ÉTAT-MAJOR l’", "\u{0301}a"]
    {
        let t = tagged(text);
        assert!(t.iter().all(|(_, g)| Upos::ALL.contains(&g.upos)));
    }
}
