//! Opening an input: a plain file, or the data entry of a zip archive (detected by its magic
//! bytes, whatever the file is called), as one byte stream with its size when known.
//!
//! A zip entry is decompressed on a helper thread that hands 1 MiB chunks over a bounded
//! channel, so decompression and parsing use both cores while memory stays bounded. The zip
//! reader checks the entry's CRC; a damaged archive surfaces as a read error.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::error::ImportError;

/// An opened input.
pub(crate) struct Input {
    /// The bytes (decompressed for a zip entry).
    pub(crate) reader: Box<dyn Read + Send>,
    /// Their total size when known (a plain file's length, a zip entry's uncompressed size).
    pub(crate) total_bytes: Option<u64>,
    /// How to name the input in messages (`file.zip!entry.csv` for a zip entry).
    pub(crate) name: String,
}

/// Opens a plain file.
pub(crate) fn open_file(path: &Path) -> Result<(File, Option<u64>), ImportError> {
    let file = File::open(path).map_err(|source| ImportError::Open { path: path.to_owned(), source })?;
    let meta = file.metadata().map_err(|source| ImportError::Open { path: path.to_owned(), source })?;
    if meta.is_dir() {
        return Err(ImportError::Open {
            path: path.to_owned(),
            source: io::Error::new(io::ErrorKind::InvalidInput, "it is a directory, not a file"),
        });
    }
    Ok((file, Some(meta.len())))
}

/// Whether the file starts with a zip local-file header (`PK\x03\x04`); rewinds it.
pub(crate) fn is_zip(file: &mut File, path: &Path) -> Result<bool, ImportError> {
    let read_err = |source| ImportError::Read { what: path.display().to_string(), source };
    let mut magic = [0u8; 4];
    let mut got = 0;
    while got < magic.len() {
        match file.read(&mut magic[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(read_err(e)),
        }
    }
    file.seek(SeekFrom::Start(0)).map_err(read_err)?;
    Ok(got == 4 && magic == *b"PK\x03\x04")
}

/// Opens `path`: a plain file as is, a zip archive through the entry `choose` picks from its
/// entry names (or `no_entry` builds the error from the list of names).
pub(crate) fn open_input(
    path: &Path,
    choose: impl Fn(&str) -> bool,
    no_entry: impl FnOnce(Vec<String>) -> ImportError,
) -> Result<Input, ImportError> {
    let (mut file, len) = open_file(path)?;
    if !is_zip(&mut file, path)? {
        return Ok(Input { reader: Box::new(file), total_bytes: len, name: path.display().to_string() });
    }
    let zip_err = |e: zip::result::ZipError| ImportError::Zip { path: path.to_owned(), reason: e.to_string() };
    let mut archive = zip::ZipArchive::new(BufReader::with_capacity(1 << 20, file)).map_err(zip_err)?;
    let names: Vec<String> = archive.file_names().map(|n| n.map(|c| c.into_owned()).unwrap_or_default()).collect();
    let Some(index) =
        (0..archive.len()).find(|&i| archive.name_for_index(i).and_then(Result::ok).is_some_and(|n| choose(&n)))
    else {
        return Err(no_entry(names.into_iter().take(50).collect()));
    };
    let (entry_name, size) = {
        let entry = archive.by_index(index).map_err(zip_err)?;
        (entry.name().map(|n| n.into_owned()).unwrap_or_default(), entry.size())
    };
    let name = format!("{}!{entry_name}", path.display());
    let (tx, rx) = sync_channel::<io::Result<Option<Vec<u8>>>>(4);
    std::thread::Builder::new()
        .name("lumbar-unzip".into())
        .spawn(move || pump_entry(archive, index, tx))
        .map_err(|source| ImportError::Read { what: name.clone(), source })?;
    Ok(Input {
        reader: Box::new(ChannelReader { rx, chunk: Vec::new(), pos: 0, done: false }),
        total_bytes: Some(size),
        name,
    })
}

const CHUNK: usize = 1 << 20;

/// Runs on the helper thread: decompresses the entry into chunks until done, an error, or the
/// reading side hung up.
fn pump_entry(
    mut archive: zip::ZipArchive<BufReader<File>>,
    index: usize,
    tx: SyncSender<io::Result<Option<Vec<u8>>>>,
) {
    let mut entry = match archive.by_index(index) {
        Ok(entry) => entry,
        Err(e) => {
            let _ = tx.send(Err(io::Error::other(e)));
            return;
        }
    };
    loop {
        let mut chunk = vec![0; CHUNK];
        let mut filled = 0;
        while filled < CHUNK {
            match entry.read(&mut chunk[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            }
        }
        if filled == 0 {
            let _ = tx.send(Ok(None));
            return;
        }
        chunk.truncate(filled);
        if tx.send(Ok(Some(chunk))).is_err() {
            return;
        }
    }
}

/// The reading side of [`pump_entry`].
struct ChannelReader {
    rx: Receiver<io::Result<Option<Vec<u8>>>>,
    chunk: Vec<u8>,
    pos: usize,
    done: bool,
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.chunk.len() {
            if self.done {
                return Ok(0);
            }
            match self.rx.recv() {
                Ok(Ok(Some(chunk))) => {
                    self.chunk = chunk;
                    self.pos = 0;
                }
                Ok(Ok(None)) => {
                    self.done = true;
                    return Ok(0);
                }
                Ok(Err(e)) => return Err(e),
                Err(_) => return Err(io::Error::other("the zip decompression thread stopped unexpectedly")),
            }
        }
        let n = buf.len().min(self.chunk.len() - self.pos);
        buf[..n].copy_from_slice(&self.chunk[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}
