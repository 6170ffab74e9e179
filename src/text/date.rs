//! Calendar dates: the proleptic Gregorian calendar as day numbers, ISO
//! dates, and the date line an article may open with ("Publié le 12 mars
//! 2020 à 10h05", "2020-03-12", "12/03/2020").

use std::fmt;

use super::normalize::fold;

/// Months, folded, in calendar order.
pub const MONTH_NAMES: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// Days of the week, folded, from Monday.
pub const WEEKDAY_NAMES: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

/// A day of the calendar, years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

/// Whether `year` has a 29 February.
fn leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The date, when it is one of the calendar (years 1 to 9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD`, alone or at the start of a timestamp
    /// (`2020-03-12T10:05:00Z`, `2020-03-12 10:05`).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
        };
        Date::new(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days-from-civil, on years starting in March.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, when it is in years 1 to 9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Date::new(year, month, day)
    }

    /// The date `n` days later (earlier when negative).
    pub fn plus_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days() + n)
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday.
        (self.days() + 3).rem_euclid(7) as usize
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Words that may come before the date of a date line, folded.
const DATELINE_LEADS: [&str; 8] = ["publie", "mis a jour", "modifie", "cree", "date", "le", "du", "en ligne"];

/// The date of an article's date line: its first line that is not blank,
/// when it is short and opens with a date, after words such as "Publié
/// le", "Mis à jour le" or a weekday: "12 mars 2020" (also "1er"),
/// "2020-03-12" or "12/03/2020" (day first, also with dots or dashes).
/// What follows the date (an hour, a second date) is not read.
pub fn dateline(text: &str) -> Option<Date> {
    let line = text.lines().find(|l| !l.trim().is_empty())?.trim();
    if line.chars().count() > 120 {
        return None;
    }
    let folded = fold(line);
    let mut rest = folded.as_str();
    loop {
        let before = rest;
        rest = rest.trim_start_matches([' ', ':', ',', '-', '|']);
        for lead in DATELINE_LEADS.iter().chain(WEEKDAY_NAMES.iter()) {
            if let Some(r) = rest.strip_prefix(lead) {
                if r.is_empty() || r.starts_with([' ', ':', ',']) {
                    rest = r;
                }
            }
        }
        if rest == before {
            break;
        }
    }
    date_at_start(rest)
}

/// A date at the start of folded text: ISO, numeric day first, or a day,
/// a month name and a year.
fn date_at_start(s: &str) -> Option<Date> {
    if let Some(d) = Date::parse_iso(s.get(..10)?).filter(|_| !s[10..].starts_with(|c: char| c.is_ascii_digit())) {
        return Some(d);
    }
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let dn = digits(s);
    if (1..=2).contains(&dn) {
        let day: u32 = s[..dn].parse().ok()?;
        let after = &s[dn..];
        if let Some(sep) = after.chars().next().filter(|c| matches!(c, '/' | '.' | '-')) {
            let rest = &after[1..];
            let mn = digits(rest);
            let month: u32 = rest.get(..mn)?.parse().ok()?;
            let rest = rest[mn..].strip_prefix(sep)?;
            let yn = digits(rest);
            if !(1..=2).contains(&mn) || yn != 4 || rest[yn..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                return None;
            }
            return Date::new(rest[..4].parse().ok()?, month, day);
        }
        let after = after.strip_prefix("er").unwrap_or(after).strip_prefix(' ')?;
        let month = MONTH_NAMES.iter().position(|m| after.starts_with(m))?;
        let rest = after[MONTH_NAMES[month].len()..].strip_prefix(' ')?;
        let yn = digits(rest);
        if yn != 4 || rest[yn..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        return Date::new(rest[..4].parse().ok()?, month as u32 + 1, day);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_weekdays_are_right() {
        let d = Date::new(2020, 3, 12).unwrap();
        assert_eq!(d.weekday(), 3); // a Thursday
        assert_eq!(Date::from_days(d.days()), Some(d));
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(Date::new(2000, 2, 28).unwrap().plus_days(1), Date::new(2000, 2, 29));
        assert_eq!(Date::new(1900, 2, 28).unwrap().plus_days(1), Date::new(1900, 3, 1));
        assert_eq!(Date::new(2021, 1, 1).unwrap().plus_days(-1), Date::new(2020, 12, 31));
        assert_eq!(Date::new(2019, 2, 29), None);
        for n in (-700_000..2_900_000).step_by(997) {
            let d = Date::from_days(n).unwrap();
            assert_eq!(d.days(), n);
        }
    }

    #[test]
    fn iso_dates_alone_or_in_a_timestamp() {
        assert_eq!(Date::parse_iso("2020-03-12"), Date::new(2020, 3, 12));
        assert_eq!(Date::parse_iso("2020-03-12T10:05:00Z"), Date::new(2020, 3, 12));
        assert_eq!(Date::parse_iso("2020-02-30"), None);
        assert_eq!(Date::parse_iso("2020-3-12"), None);
        assert_eq!(Date::parse_iso("20200-03-12"), None);
        assert_eq!(Date::parse_iso("2020-03-123"), None);
        assert_eq!(Date::new(987, 6, 5).unwrap().to_string(), "0987-06-05");
    }

    #[test]
    fn date_lines_in_their_usual_forms() {
        let d = Date::new(2020, 3, 12);
        assert_eq!(dateline("Publié le 12 mars 2020 à 10h05\nLe texte."), d);
        assert_eq!(dateline("\n  2020-03-12\nLe texte."), d);
        assert_eq!(dateline("12/03/2020\nLe texte."), d);
        assert_eq!(dateline("Mis à jour le jeudi 12 mars 2020, 10:05"), d);
        assert_eq!(dateline("Le 1er août 2021"), Date::new(2021, 8, 1));
        // Text that merely holds a date, or a date that is none, is no date line.
        assert_eq!(dateline("Le ministre est arrivé le 12 mars 2020 à Paris."), None);
        assert_eq!(dateline("12 mars"), None);
        assert_eq!(dateline("31/02/2020"), None);
        assert_eq!(dateline("12/03/20201"), None);
        assert_eq!(dateline(""), None);
    }
}
