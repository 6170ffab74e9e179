//! JSON Lines articles: one JSON object a line,
//! `{"id", "text", "date", "title", "url"}`, only `text` required.
//!
//! A line that is blank is skipped silently; a line that is no JSON
//! object, has no text or repeats an id is a `Problem` naming its line, and
//! the other lines are still read. `id` (a string or a number) names the
//! document; without one the document is named `FILE:LINE`. `date` is
//! `YYYY-MM-DD`, alone or at the start of a timestamp; another value is a
//! problem of that line, which is read without a date. Offsets of a
//! document count the code points of its `text` value once decoded.

use std::collections::HashMap;

use serde_json::Value;

use crate::text::Date;

/// One article read from a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The line number, from 1.
    pub line: usize,
    /// The document name: the `id`, or `FILE:LINE`.
    pub name: String,
    /// The text, control characters other than tab and line breaks read as spaces.
    pub text: String,
    /// The article's date.
    pub date: Option<Date>,
    /// The article's title.
    pub title: Option<String>,
    /// The article's address.
    pub url: Option<String>,
}

/// Something wrong on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line number, from 1.
    pub line: usize,
    /// What is wrong, in lowercase words.
    pub message: String,
    /// Whether the line was still read (a bad date), or left out.
    pub read: bool,
}

/// What the lines of one input gave.
#[derive(Debug, Default)]
pub struct Lines {
    /// The articles, in line order.
    pub records: Vec<Record>,
    /// The problems, in line order.
    pub problems: Vec<Problem>,
}

/// The JSON type of a value, for messages.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// An optional string field; `null` is absent.
fn text_field(obj: &serde_json::Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Err(format!("\"{key}\" must be a string, not {}", type_name(v))),
    }
}

/// Reads one line, `label` naming the input in default document names.
fn record(line: &str, number: usize, label: &str) -> Result<(Record, Option<String>), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Eof => "unfinished JSON",
            _ => "not JSON",
        };
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message).to_string();
        format!("{what} (column {}: {message})", e.column())
    })?;
    let Value::Object(obj) = value else {
        return Err(format!("expected a JSON object {{\"text\": …}}, found {}", type_name(&value)));
    };
    let text = match obj.get("text") {
        Some(Value::String(s)) => s.chars().map(|c| if super::is_stray_control(c) { ' ' } else { c }).collect(),
        Some(v) => return Err(format!("\"text\" must be a string, not {}", type_name(v))),
        None => return Err("no \"text\" field".into()),
    };
    let text: String = text;
    if text.trim().is_empty() {
        return Err("\"text\" is empty".into());
    }
    let name = match obj.get("id") {
        None | Some(Value::Null) => format!("{label}:{number}"),
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(v) => return Err(format!("\"id\" must be a string or a number, not {}", type_name(v))),
    };
    let (mut date, mut bad_date) = (None, None);
    if let Some(s) = text_field(&obj, "date")? {
        match Date::parse_iso(&s) {
            Some(d) => date = Some(d),
            None => bad_date = Some(format!("\"date\" {s:?} is not YYYY-MM-DD: read without a date")),
        }
    }
    let title = text_field(&obj, "title")?;
    let url = text_field(&obj, "url")?;
    Ok((Record { line: number, name, text, date, title, url }, bad_date))
}

/// Reads the lines of decoded JSON Lines text; `label` (the file name)
/// names documents that have no id.
pub fn parse(text: &str, label: &str) -> Lines {
    let mut out = Lines::default();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match record(line, number, label) {
            Ok((rec, bad_date)) => {
                if let Some(&first) = ids.get(&rec.name) {
                    let message = format!("id {:?} was already given on line {first}: line left out", rec.name);
                    out.problems.push(Problem { line: number, message, read: false });
                    continue;
                }
                if let Some(message) = bad_date {
                    out.problems.push(Problem { line: number, message, read: true });
                }
                ids.insert(rec.name.clone(), number);
                out.records.push(rec);
            }
            Err(message) => out.problems.push(Problem { line: number, message, read: false }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_give_articles_and_bad_lines_say_why() {
        let text = concat!(
            "{\"id\": \"a\", \"text\": \"Le ministre est venu.\", \"date\": \"2020-03-12\", \"title\": \"T\"}\n",
            "\n",
            "{\"text\": \"Sans nom\\u0000ici.\", \"date\": \"2020-03-12T10:05:00Z\", \"id\": 7}\n",
            "{\"text\": \"Un texte\", \n",
            "[1, 2]\n",
            "{\"id\": \"a\", \"text\": \"Encore.\"}\n",
            "{\"text\": \"Daté mal.\", \"date\": \"12 mars\"}\n",
            "{\"text\": 3}\n",
            "{\"title\": \"rien\"}\n",
            "{\"text\": \"  \"}\n",
        );
        let got = parse(text, "c.jsonl");
        let names: Vec<&str> = got.records.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["a", "7", "c.jsonl:7"]);
        assert_eq!(got.records[0].date, Date::new(2020, 3, 12));
        assert_eq!(got.records[0].title.as_deref(), Some("T"));
        assert_eq!(got.records[1].text, "Sans nom ici.");
        assert_eq!(got.records[1].date, Date::new(2020, 3, 12));
        assert_eq!(got.records[2].date, None);
        let lines: Vec<(usize, bool)> = got.problems.iter().map(|p| (p.line, p.read)).collect();
        assert_eq!(lines, [(4, false), (5, false), (6, false), (7, true), (8, false), (9, false), (10, false)]);
        assert!(got.problems[0].message.starts_with("unfinished JSON"), "{}", got.problems[0].message);
        assert!(got.problems[1].message.contains("found an array"));
        assert!(got.problems[2].message.contains("already given on line 1"));
        assert!(got.problems[4].message.contains("\"text\" must be a string, not a number"));
        assert_eq!(got.problems[5].message, "no \"text\" field");
    }
}
