//! The ledger as a JSON Lines file: what the CLI and small offices keep.
//!
//! An append takes the file's exclusive lock, reads what others appended since it last looked
//! (from the byte it stopped at, never the whole file), writes the new entry as one `O_APPEND`
//! write, `fsync`s it, then replaces the sidecar anchor (`<file>.anchor`: written aside,
//! `fsync`ed, renamed over, the folder `fsync`ed) and only then acknowledges. A kill at any
//! instant leaves either the entry whole (acknowledged or not) or a torn last line, which is
//! named by its number and which [`FileStore::repair`] drops, since it was never
//! acknowledged. Readers take the shared lock, so they never see a half-written line.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chiso::ledger::{Entry, Ledger};
use chrono::NaiveDateTime;

use crate::{Anchor, Clock, Store, StoreError, SystemClock, catch_up, verified};

/// A ledger kept as JSON Lines in one file, with its anchor beside it.
pub struct FileStore {
    path: PathBuf,
    anchor_path: PathBuf,
    file: File,
    ledger: Ledger,
    /// Bytes of whole lines read so far.
    offset: u64,
    /// Lines read so far (blank ones included), for numbering the next.
    lines: u64,
    clock: Box<dyn Clock>,
}

/// What [`FileStore::repair`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// The file ends with a whole line: nothing to do.
    Intact {
        /// Entries in the ledger.
        entries: u64,
    },
    /// A torn last line was dropped.
    Dropped {
        /// Its line number.
        line: u64,
        /// Its bytes, as they were.
        bytes: Vec<u8>,
        /// Entries left in the ledger, every acknowledged one among them.
        entries: u64,
    },
}

impl FileStore {
    /// Opens the ledger at `path`, which must exist, and reads it whole, verified against
    /// its anchor.
    pub fn open(path: impl AsRef<Path>) -> Result<FileStore, StoreError> {
        FileStore::at(path.as_ref(), false)
    }

    /// Opens the ledger at `path`, creating an empty one when there is none.
    pub fn create(path: impl AsRef<Path>) -> Result<FileStore, StoreError> {
        FileStore::at(path.as_ref(), true)
    }

    /// The same store, stamping entries from `clock` instead of the system's.
    #[must_use]
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> FileStore {
        self.clock = Box::new(clock);
        self
    }

    /// The anchor file of the ledger at `path`: `<path>.anchor`.
    pub fn anchor_path(path: &Path) -> PathBuf {
        let mut name = path.as_os_str().to_owned();
        name.push(".anchor");
        PathBuf::from(name)
    }

    fn at(path: &Path, create: bool) -> Result<FileStore, StoreError> {
        let anchor_path = FileStore::anchor_path(path);
        if !create && !path.exists() {
            return Err(if anchor_path.exists() {
                // The file is gone but acknowledged entries were recorded.
                StoreError::Truncated {
                    entries: 0,
                    anchored: read_anchor(&anchor_path)?.map_or(0, |a| a.sequence),
                }
            } else {
                StoreError::Missing {
                    location: path.display().to_string(),
                }
            });
        }
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(create)
            .open(path)
            .map_err(|source| io(path, source))?;
        let mut store = FileStore {
            path: path.to_owned(),
            anchor_path,
            file,
            ledger: Ledger::default(),
            offset: 0,
            lines: 0,
            clock: Box::new(SystemClock),
        };
        let handle = store.handle()?;
        let _lock = Lock::shared(&handle, &store.path)?;
        let (text, torn) = store.read_from(0)?;
        let entries = store.parse(&text)?;
        store.offset = text.len() as u64;
        let anchor = store.read_anchor()?;
        if let Some(torn) = torn {
            // A cut inside what was acknowledged is a truncation, not a torn tail.
            if let Some(anchor) = &anchor
                && (entries.len() as u64) < anchor.sequence
            {
                return Err(StoreError::Truncated {
                    entries: entries.len() as u64,
                    anchored: anchor.sequence,
                });
            }
            return Err(torn);
        }
        store.ledger = verified(entries, anchor.as_ref())?;
        Ok(store)
    }

    /// Reads the file from byte `from` to its end: the whole lines, and the torn last line if
    /// it does not end with a newline.
    fn read_from(&mut self, from: u64) -> Result<(String, Option<StoreError>), StoreError> {
        let mut bytes = Vec::new();
        (&self.file)
            .seek(SeekFrom::Start(from))
            .and_then(|_| (&self.file).read_to_end(&mut bytes))
            .map_err(|source| io(&self.path, source))?;
        let whole = bytes
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        let torn = (whole < bytes.len()).then(|| {
            let line = self.lines + newlines(&bytes[..whole]) + 1;
            StoreError::TornTail {
                path: self.path.clone(),
                line,
                bytes: (bytes.len() - whole) as u64,
            }
        });
        bytes.truncate(whole);
        let text = String::from_utf8(bytes).map_err(|e| {
            io(
                &self.path,
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })?;
        Ok((text, torn))
    }

    /// The entries of whole lines `text`, numbered after those read before.
    fn parse(&mut self, text: &str) -> Result<Vec<Entry>, StoreError> {
        let mut entries = Vec::new();
        let mut findings = Vec::new();
        for line in text.split_terminator('\n') {
            self.lines += 1;
            if line.trim().is_empty() {
                continue;
            }
            match Entry::from_json_line(line) {
                Ok(entry) => entries.push(entry),
                Err(error) => {
                    findings.extend(error.findings().iter().cloned().map(|mut f| {
                        f.path = format!("/{}{}", self.lines, f.path);
                        f
                    }));
                    if findings.len() >= chiso::ledger::MAX_LINE_FINDINGS {
                        break;
                    }
                }
            }
        }
        if findings.is_empty() {
            Ok(entries)
        } else {
            Err(StoreError::Ledger(chiso::Error::InvalidInput {
                what: chiso::InputKind::Ledger,
                findings,
            }))
        }
    }

    /// Another handle on the open file (the same lock), so a lock can be held across calls
    /// that change the store.
    fn handle(&self) -> Result<File, StoreError> {
        self.file
            .try_clone()
            .map_err(|source| io(&self.path, source))
    }

    fn read_anchor(&self) -> Result<Option<Anchor>, StoreError> {
        read_anchor(&self.anchor_path)
    }

    /// Reads what other writers appended since the last look, under a lock already held, and
    /// holds the result to the anchor.
    fn refresh(&mut self) -> Result<(), StoreError> {
        let length = self
            .file
            .metadata()
            .map_err(|source| io(&self.path, source))?
            .len();
        if length < self.offset {
            return Err(StoreError::Truncated {
                entries: 0,
                anchored: self.ledger.entries().len() as u64,
            });
        }
        if length > self.offset {
            let (text, torn) = self.read_from(self.offset)?;
            let lines = self.lines;
            let entries = self.parse(&text).inspect_err(|_| self.lines = lines)?;
            // A line that does not chain on means the file was changed behind the lock: the
            // error stands for every later call too, since the offset does not move past it.
            catch_up(&mut self.ledger, entries)?;
            self.offset += text.len() as u64;
            if let Some(torn) = torn {
                return Err(torn);
            }
        }
        if let Some(anchor) = self.read_anchor()? {
            anchor.check(&self.ledger)?;
        }
        Ok(())
    }

    /// Drops a torn last line, if the file has one and everything acknowledged is before it,
    /// and says exactly what it dropped. A cut inside acknowledged entries is refused
    /// ([`StoreError::Truncated`]): nothing acknowledged is ever dropped.
    pub fn repair(path: impl AsRef<Path>) -> Result<Repair, StoreError> {
        let path = path.as_ref();
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .map_err(|source| io(path, source))?;
        let _lock = Lock::exclusive(&file, path)?;
        let mut bytes = Vec::new();
        (&file)
            .read_to_end(&mut bytes)
            .map_err(|source| io(path, source))?;
        let whole = bytes
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        let text = std::str::from_utf8(&bytes[..whole]).map_err(|e| {
            io(
                path,
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })?;
        let ledger = Ledger::from_jsonl(text).map_err(StoreError::Ledger)?;
        let anchor = read_anchor(&FileStore::anchor_path(path))?;
        let entries = ledger.entries().len() as u64;
        let ledger = verified(ledger.entries().to_vec(), anchor.as_ref())?;
        if whole == bytes.len() {
            return Ok(Repair::Intact { entries });
        }
        file.set_len(whole as u64)
            .and_then(|()| file.sync_all())
            .map_err(|source| io(path, source))?;
        Ok(Repair::Dropped {
            line: newlines(&bytes[..whole]) + 1,
            bytes: bytes[whole..].to_vec(),
            entries: ledger.entries().len() as u64,
        })
    }

    /// Writes `line` at the end of the file as one write and makes it durable; on failure,
    /// cuts the file back to where it was, so no partial line stays.
    fn write_line(&mut self, line: &[u8]) -> Result<(), StoreError> {
        let written = self
            .file
            .write_all(line)
            .and_then(|()| self.file.sync_data());
        if let Err(source) = written {
            let _ = self.file.set_len(self.offset);
            return Err(io(&self.path, source));
        }
        Ok(())
    }

    /// Replaces the anchor: written aside, made durable, renamed over, the folder synced.
    fn write_anchor(&self, anchor: &Anchor) -> Result<(), StoreError> {
        let mut aside = self.anchor_path.clone().into_os_string();
        aside.push(".new");
        let aside = PathBuf::from(aside);
        let text = serde_json::to_string(anchor).unwrap_or_default() + "\n";
        let written = File::create(&aside)
            .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
            .and_then(|()| std::fs::rename(&aside, &self.anchor_path));
        written.map_err(|source| io(&self.anchor_path, source))?;
        let folder = match self.anchor_path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        File::open(&folder)
            .and_then(|f| f.sync_all())
            .map_err(|source| io(&folder, source))
    }
}

impl Store for FileStore {
    fn ledger(&mut self) -> Result<&Ledger, StoreError> {
        {
            let handle = self.handle()?;
            let _lock = Lock::shared(&handle, &self.path)?;
            self.refresh()?;
        }
        Ok(&self.ledger)
    }

    fn append_with(
        &mut self,
        prepare: &mut dyn FnMut(&Ledger, NaiveDateTime) -> Result<Entry, chiso::Error>,
    ) -> Result<Entry, StoreError> {
        let handle = self.handle()?;
        let _lock = Lock::exclusive(&handle, &self.path)?;
        self.refresh()?;
        let entry = prepare(&self.ledger, self.clock.now()).map_err(StoreError::Ledger)?;
        let line = chiso::to_json(&entry) + "\n";
        self.write_line(line.as_bytes())?;
        self.offset += line.len() as u64;
        self.lines += 1;
        // The entry is durable in the file; the anchor records it as acknowledged.
        self.ledger
            .accept(entry.clone())
            .map_err(StoreError::Ledger)?;
        self.write_anchor(&Anchor::of(&self.ledger))?;
        Ok(entry)
    }

    fn anchor(&mut self) -> Result<Option<Anchor>, StoreError> {
        self.read_anchor()
    }

    fn backend(&self) -> &'static str {
        "file"
    }
}

/// The anchor at `path`, if there is one.
fn read_anchor(path: &Path) -> Result<Option<Anchor>, StoreError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(io(path, source)),
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| StoreError::BadAnchor {
            path: path.to_owned(),
            reason: e.to_string(),
        })
}

fn io(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

/// A lock on the ledger file (the operating system's `flock`, through the standard library),
/// released when dropped.
struct Lock<'f>(&'f File);

impl<'f> Lock<'f> {
    fn exclusive(file: &'f File, path: &Path) -> Result<Lock<'f>, StoreError> {
        file.lock().map_err(|source| io(path, source))?;
        Ok(Lock(file))
    }

    fn shared(file: &'f File, path: &Path) -> Result<Lock<'f>, StoreError> {
        file.lock_shared().map_err(|source| io(path, source))?;
        Ok(Lock(file))
    }
}

impl Drop for Lock<'_> {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// How many line ends `bytes` holds.
fn newlines(bytes: &[u8]) -> u64 {
    bytes.split(|&b| b == b'\n').count() as u64 - 1
}
