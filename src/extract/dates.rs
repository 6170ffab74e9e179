//! When a sentence says a fact happened: "le 13 septembre 2023", "le 19
//! juin", "mercredi", "hier", "la semaine dernière", "en juin 2019",
//! resolved against the article's date to ISO dates.
//!
//! A date with its year is read as written. Without the article's date, a
//! day and a month give `--MM-DD` and the rest stays text. With it:
//!
//! - a day and a month without year take the year that puts them on the
//!   side of the article's date the verb's tense says (before or on it for
//!   a past, on or after it for a future), else the nearest;
//! - a weekday is the latest such day on or before the article's date for a
//!   past, the first on or after it for a future, else the nearest of the
//!   seven days around it; "dernier" and "prochain" after it say strictly
//!   before and strictly after;
//! - "hier", "avant-hier", "aujourd'hui", "demain", "après-demain" move by
//!   days;
//! - "la semaine dernière / prochaine", "cette semaine", "le mois dernier /
//!   prochain", "l'an dernier", "l'année dernière / prochaine" and a month
//!   with its year are spans: `date` is their first day, `date_end` their
//!   last.
//!
//! The most precise expression of the sentence wins (a day over a week),
//! the first one among equals.

use crate::text::date::{days_in_month, MONTH_NAMES, WEEKDAY_NAMES};
use crate::text::{Date, Token};

/// What the verb's tense says of the time of a fact against the article's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Time {
    /// A past tense: the fact is on or before the article's date.
    Past,
    /// A present, or no verb: either side.
    Present,
    /// A future: on or after the article's date.
    Future,
}

/// A date read in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaidDate {
    /// The words as written ("le 19 juin" gives "19 juin").
    pub text: String,
    /// `YYYY-MM-DD` (the first day of a span), or `--MM-DD` for a day and
    /// a month without year nor article date; `None` for what could not be
    /// resolved (a weekday without article date).
    pub iso: Option<String>,
    /// The last day of a span ("la semaine dernière"), `YYYY-MM-DD`.
    pub end: Option<String>,
}

/// How precise an expression is: a day, a span of days, a month or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Precision {
    Span,
    Weekday,
    Relative,
    Day,
}

/// The year that puts `month`/`day` on the side of `article` that `time`
/// says, or the nearest.
fn year_for(month: u32, day: u32, article: Date, time: Time) -> Option<Date> {
    let candidates: Vec<Date> =
        (article.year - 1..=article.year + 1).filter_map(|y| Date::new(y, month, day)).collect();
    let a = article.days();
    match time {
        Time::Past => candidates.iter().rev().find(|d| d.days() <= a).copied(),
        Time::Future => candidates.iter().find(|d| d.days() >= a).copied(),
        Time::Present => candidates.iter().min_by_key(|d| (d.days() - a).abs()).copied(),
    }
}

/// The weekday `w` (0 Monday) around `article`: `side` -1 strictly before,
/// 1 strictly after, 0 as `time` says.
fn weekday_for(w: usize, article: Date, time: Time, side: i8) -> Option<Date> {
    let today = article.weekday() as i64;
    let back = (today - w as i64).rem_euclid(7); // days back to the latest w on or before
    let fwd = (w as i64 - today).rem_euclid(7); // days to the first w on or after
    let shift = match (side, time) {
        (-1, _) => -(if back == 0 { 7 } else { back }),
        (1, _) => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        (_, Time::Past) => -back,
        (_, Time::Future) => fwd,
        (_, Time::Present) => {
            if back <= 3 {
                -back
            } else {
                fwd
            }
        }
    };
    article.plus_days(shift)
}

/// The Monday of the week of `d`, `weeks` later.
fn week_start(d: Date, weeks: i64) -> Option<Date> {
    d.plus_days(-(d.weekday() as i64) + 7 * weeks)
}

fn month_span(year: i32, month: u32) -> Option<(Date, Date)> {
    Some((Date::new(year, month, 1)?, Date::new(year, month, days_in_month(year, month))?))
}

/// The month `months` after that of `d`.
fn shifted_month(d: Date, months: i32) -> Option<(Date, Date)> {
    let index = d.year * 12 + d.month as i32 - 1 + months;
    month_span(index.div_euclid(12), (index.rem_euclid(12) + 1) as u32)
}

fn year_of(t: &Token) -> Option<i32> {
    t.value.filter(|y| (1800..=2200).contains(y)).and_then(|y| i32::try_from(y).ok())
}

/// The day number of a token: "19", "1er".
fn day_of(t: &Token) -> Option<u32> {
    let n = if t.norm == "1er" { Some(1) } else { t.value };
    n.filter(|d| (1..=31).contains(d)).and_then(|d| u32::try_from(d).ok())
}

/// The dates a sentence says, the best first; see the module.
pub fn read(toks: &[Token], article: Option<Date>, time: Time) -> Option<SaidDate> {
    let norm = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    let words = |a: usize, b: usize| toks[a..b].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
    let iso = |d: Option<Date>| d.map(|d| d.to_string());
    let mut best: Option<(Precision, SaidDate)> = None;
    let mut offer = |p: Precision, said: SaidDate| {
        if best.as_ref().is_none_or(|(q, _)| p > *q) {
            best = Some((p, said));
        }
    };
    for k in 0..toks.len() {
        let n = norm(k);
        if let Some(m) = MONTH_NAMES.iter().position(|m| *m == n) {
            let month = m as u32 + 1;
            let year = toks.get(k + 1).and_then(year_of);
            match (k.checked_sub(1).and_then(|d| day_of(&toks[d])), year) {
                (Some(day), Some(y)) => {
                    let text = words(k - 1, k + 2);
                    offer(Precision::Day, SaidDate { text, iso: iso(Date::new(y, month, day)), end: None });
                }
                (Some(day), None) => {
                    let text = words(k - 1, k + 1);
                    let resolved = match article {
                        Some(a) => iso(year_for(month, day, a, time)),
                        None => Some(format!("--{month:02}-{day:02}")),
                    };
                    offer(Precision::Day, SaidDate { text, iso: resolved, end: None });
                }
                (None, Some(y)) => {
                    if let Some((a, b)) = month_span(y, month) {
                        let text = words(k, k + 2);
                        offer(Precision::Span, SaidDate { text, iso: iso(Some(a)), end: iso(Some(b)) });
                    }
                }
                (None, None) => {}
            }
            continue;
        }
        if let Some(w) = WEEKDAY_NAMES.iter().position(|d| *d == n) {
            let side = match norm(k + 1) {
                "dernier" => -1,
                "prochain" => 1,
                _ => 0,
            };
            // "mercredi 12 mars" is read by the month.
            if toks.get(k + 1).and_then(day_of).is_some() && MONTH_NAMES.contains(&norm(k + 2)) {
                continue;
            }
            let end = if side != 0 { k + 2 } else { k + 1 };
            let resolved = article.and_then(|a| weekday_for(w, a, time, side));
            offer(Precision::Weekday, SaidDate { text: words(k, end), iso: iso(resolved), end: None });
            continue;
        }
        let shift = match n {
            "hier" => Some(-1),
            "avant-hier" => Some(-2),
            "aujourd'hui" => Some(0),
            "demain" => Some(1),
            "apres-demain" => Some(2),
            _ => None,
        };
        if let Some(s) = shift {
            let resolved = article.and_then(|a| a.plus_days(s));
            offer(Precision::Relative, SaidDate { text: words(k, k + 1), iso: iso(resolved), end: None });
            continue;
        }
        // Spans: "la semaine dernière", "cette semaine", "le mois prochain", "l'an dernier".
        let unit = match n {
            "semaine" => Some(0),
            "mois" => Some(1),
            "an" | "annee" => Some(2),
            _ => None,
        };
        let Some(unit) = unit else { continue };
        let before = k.checked_sub(1).map_or("", norm);
        let (step, start, end): (i32, usize, usize) = match (before, norm(k + 1)) {
            ("la" | "le" | "l'", "derniere" | "dernier" | "passee" | "passe") => (-1, k - 1, k + 2),
            ("la" | "le" | "l'", "prochaine" | "prochain") => (1, k - 1, k + 2),
            ("cette" | "ce" | "cet", _) => (0, k - 1, k + 1),
            _ => continue,
        };
        let span = article.and_then(|a| match unit {
            0 => week_start(a, i64::from(step)).and_then(|s| Some((s, s.plus_days(6)?))),
            1 => shifted_month(a, step),
            _ => Some((Date::new(a.year + step, 1, 1)?, Date::new(a.year + step, 12, 31)?)),
        });
        let (first, last) = span.map_or((None, None), |(s, e)| (Some(s), Some(e)));
        offer(Precision::Span, SaidDate { text: words(start, end), iso: iso(first), end: iso(last) });
    }
    best.map(|(_, said)| said)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{sentences, tokenize};

    fn said(text: &str, article: Option<Date>, time: Time) -> Option<(String, Option<String>, Option<String>)> {
        let s = sentences(text)[0];
        let toks = tokenize(text, &s);
        read(&toks, article, time).map(|d| (d.text, d.iso, d.end))
    }

    fn iso(text: &str, time: Time) -> Option<String> {
        // A Thursday.
        said(text, Date::new(2020, 3, 12), time).and_then(|d| d.1)
    }

    #[test]
    fn weekdays_fall_before_or_after_the_article_as_the_tense_says() {
        assert_eq!(iso("Il est arrivé mercredi à Paris.", Time::Past).as_deref(), Some("2020-03-11"));
        assert_eq!(iso("Il arrivera mercredi à Paris.", Time::Future).as_deref(), Some("2020-03-18"));
        assert_eq!(iso("Il arrive lundi à Paris.", Time::Present).as_deref(), Some("2020-03-09"));
        assert_eq!(iso("Il arrive samedi à Paris.", Time::Present).as_deref(), Some("2020-03-14"));
        // The day of the article itself, and the words that force a side.
        assert_eq!(iso("Il est arrivé jeudi.", Time::Past).as_deref(), Some("2020-03-12"));
        assert_eq!(iso("Il est arrivé jeudi dernier.", Time::Past).as_deref(), Some("2020-03-05"));
        assert_eq!(iso("Il viendra jeudi prochain.", Time::Past).as_deref(), Some("2020-03-19"));
        // Without the article's date a weekday stays text.
        assert_eq!(said("Il est arrivé mercredi.", None, Time::Past), Some(("mercredi".into(), None, None)));
    }

    #[test]
    fn a_month_without_year_takes_the_year_of_the_tense() {
        assert_eq!(iso("Il est venu le 19 juin.", Time::Past).as_deref(), Some("2019-06-19"));
        assert_eq!(iso("Il viendra le 19 juin.", Time::Future).as_deref(), Some("2020-06-19"));
        assert_eq!(iso("La visite du 2 mars.", Time::Present).as_deref(), Some("2020-03-02"));
        assert_eq!(iso("Le sommet du 28 décembre.", Time::Present).as_deref(), Some("2019-12-28"));
        assert_eq!(iso("Il est venu le 1er mars.", Time::Past).as_deref(), Some("2020-03-01"));
        // A year written wins, and without article date the day stays partial.
        assert_eq!(iso("Il est venu le 19 juin 2016.", Time::Past).as_deref(), Some("2016-06-19"));
        assert_eq!(said("Il est venu le 19 juin.", None, Time::Past).unwrap().1.as_deref(), Some("--06-19"));
        // 29 February of a year that has none is never given.
        let leap = Date::new(2021, 3, 1);
        assert_eq!(said("Il est venu le 29 février.", leap, Time::Past).unwrap().1.as_deref(), Some("2020-02-29"));
    }

    #[test]
    fn days_counted_from_the_article() {
        assert_eq!(iso("Il est arrivé hier à Paris.", Time::Past).as_deref(), Some("2020-03-11"));
        assert_eq!(iso("Il est arrivé avant-hier.", Time::Past).as_deref(), Some("2020-03-10"));
        assert_eq!(iso("Il arrive aujourd’hui.", Time::Present).as_deref(), Some("2020-03-12"));
        assert_eq!(iso("Il arrivera demain.", Time::Future).as_deref(), Some("2020-03-13"));
        assert_eq!(said("Il est arrivé hier.", None, Time::Past), Some(("hier".into(), None, None)));
        // New year's eve, from the first of January.
        let d = said("Il est arrivé hier.", Date::new(2021, 1, 1), Time::Past).unwrap();
        assert_eq!(d.1.as_deref(), Some("2020-12-31"));
    }

    #[test]
    fn spans_give_their_first_and_last_day() {
        let s = said("Il est venu la semaine dernière.", Date::new(2020, 3, 12), Time::Past).unwrap();
        assert_eq!(s, ("la semaine dernière".into(), Some("2020-03-02".into()), Some("2020-03-08".into())));
        let s = said("Il viendra le mois prochain.", Date::new(2020, 12, 12), Time::Future).unwrap();
        assert_eq!((s.1.as_deref(), s.2.as_deref()), (Some("2021-01-01"), Some("2021-01-31")));
        let s = said("Il est venu l’an dernier.", Date::new(2020, 3, 12), Time::Past).unwrap();
        assert_eq!((s.1.as_deref(), s.2.as_deref()), (Some("2019-01-01"), Some("2019-12-31")));
        let s = said("Il est venu en février 2020.", None, Time::Past).unwrap();
        assert_eq!(
            (s.0.as_str(), s.1.as_deref(), s.2.as_deref()),
            ("février 2020", Some("2020-02-01"), Some("2020-02-29"))
        );
        // A day is more precise than a span, whatever comes first.
        let s = said("La semaine dernière, il est venu mercredi.", Date::new(2020, 3, 12), Time::Past).unwrap();
        assert_eq!(s.1.as_deref(), Some("2020-03-11"));
        // "le mois de juin" is no span of the article's month.
        assert_eq!(said("Il parle du mois.", Date::new(2020, 3, 12), Time::Past), None);
    }
}
