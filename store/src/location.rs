//! Where a ledger is: a JSON Lines file, an SQLite database or a PostgreSQL server, named the
//! way a command line or a portal's settings name it.

use std::path::PathBuf;

use crate::{FileStore, PostgresStore, SqliteStore, Store, StoreError};

/// A ledger's location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A JSON Lines file (any path not named otherwise).
    File(PathBuf),
    /// An SQLite database: `sqlite:PATH`, or a path ending `.sqlite`, `.sqlite3` or `.db`.
    Sqlite(PathBuf),
    /// A PostgreSQL database: `postgres://…` or `postgresql://…`.
    Postgres(String),
}

impl std::str::FromStr for Location {
    type Err = StoreError;

    /// ```
    /// use chiso_store::Location;
    /// assert_eq!("sqlite:so_cai.db".parse::<Location>()?, Location::Sqlite("so_cai.db".into()));
    /// assert_eq!("so_cai.jsonl".parse::<Location>()?, Location::File("so_cai.jsonl".into()));
    /// assert!(matches!("postgres://chiso@127.0.0.1/chiso".parse::<Location>()?, Location::Postgres(_)));
    /// # Ok::<(), chiso_store::StoreError>(())
    /// ```
    fn from_str(given: &str) -> Result<Location, StoreError> {
        if given.trim().is_empty() {
            return Err(StoreError::Location {
                given: given.to_owned(),
            });
        }
        if given.starts_with("postgres://") || given.starts_with("postgresql://") {
            return Ok(Location::Postgres(given.to_owned()));
        }
        if let Some(path) = given.strip_prefix("sqlite:") {
            return Ok(Location::Sqlite(PathBuf::from(path)));
        }
        let path = PathBuf::from(given);
        let database = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "sqlite" | "sqlite3" | "db"));
        Ok(if database {
            Location::Sqlite(path)
        } else {
            Location::File(path)
        })
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::File(path) => write!(f, "{}", path.display()),
            Location::Sqlite(path) => write!(f, "sqlite:{}", path.display()),
            Location::Postgres(url) => f.write_str(url),
        }
    }
}

/// Opens the ledger at `location`, read whole and verified against its anchor. A file or an
/// SQLite database that does not exist is created when `create` is set, and otherwise is
/// [`StoreError::Missing`]; a PostgreSQL database gets its tables when it has none.
pub fn open(location: &Location, create: bool) -> Result<Box<dyn Store>, StoreError> {
    Ok(match location {
        Location::File(path) if create => Box::new(FileStore::create(path)?),
        Location::File(path) => Box::new(FileStore::open(path)?),
        Location::Sqlite(path) => {
            if !create && !path.exists() {
                return Err(StoreError::Missing {
                    location: location.to_string(),
                });
            }
            Box::new(SqliteStore::open(path)?)
        }
        Location::Postgres(url) => Box::new(PostgresStore::open(url)?),
    })
}
