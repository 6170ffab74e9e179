//! The library's one error type. Only I/O and user-supplied lexicons fail;
//! extraction itself never does (odd text gives fewer facts, not an error).

use std::fmt;
use std::path::PathBuf;

/// What went wrong, with what the user needs to fix it.
#[derive(Debug)]
pub enum Error {
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// An output could not be written; `kept` says what was left in place.
    Output {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
        /// What the reader finds there now ("nothing was replaced…").
        kept: String,
    },
    /// A lexicon file has a bad row.
    Lexicon {
        /// The file's name.
        file: String,
        /// The 1-based line.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The input holds nothing to read, or names something that does not exist.
    Input(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            Error::Output { path, source, kept } => write!(f, "{}: {}; {kept}", path.display(), source),
            Error::Lexicon { file, line, message } => write!(f, "{file}:{line}: {message}"),
            Error::Input(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } | Error::Output { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Whether the error is a closed pipe on stdout (`trame … | head`), which is no error.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } | Error::Output { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
