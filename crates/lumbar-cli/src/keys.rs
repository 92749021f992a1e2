//! `lumbar keys`: the data key that seals health data at rest (decision 0006).
//!
//! `new` prints a fresh key; `show` says where the keys come from and their ids (never the
//! keys); `rotate` re-seals every stored health document under a new key. With a key file,
//! rotation writes the new key in front of the old one (so a crash midway loses nothing:
//! both open), re-seals everything in one transaction, then leaves only the new key. With
//! `LUMBAR_DATA_KEY`, put a new key (`lumbar keys new`) first in the list on every node,
//! run `lumbar keys rotate`, then remove the old key from the list.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::Subcommand;
use lumbar_store::prelude::*;
use lumbar_store::{Vault, vault};

use crate::db::{self, KeySource};

/// Data key commands.
#[derive(Subcommand)]
pub enum KeysCommand {
    /// Print a fresh random data key (base64), for LUMBAR_DATA_KEY.
    New,
    /// Where the data keys come from, and their ids (never the keys themselves).
    Show,
    /// Re-seal every stored health document under a new key (see `lumbar keys --help`).
    ///
    /// With a key file (the default: <database>.key beside a SQLite file), a new key is made
    /// and the old one dropped when everything is re-sealed. With LUMBAR_DATA_KEY, put the
    /// new key first (`lumbar keys new`), run this, then drop the old key from the list.
    ///
    /// Example:
    ///   lumbar --db sqlite:lumbar.db keys rotate
    #[command(verbatim_doc_comment)]
    Rotate,
}

/// Runs a keys command against the database at `url`.
pub fn run(url: &str, cmd: KeysCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        KeysCommand::New => {
            println!("{}", vault::new_key());
            Ok(ExitCode::SUCCESS)
        }
        KeysCommand::Show => {
            let source = db::key_source(url);
            let v = db::vault_for(url)?;
            match &source {
                KeySource::Env(_) => println!("keys from LUMBAR_DATA_KEY"),
                KeySource::File(p) => println!("keys from the key file {}", p.display()),
                KeySource::Ephemeral => println!("a key for this process only (in-memory database)"),
            }
            println!("current key id {}; all key ids: {}", v.current_id(), v.ids().join(", "));
            Ok(ExitCode::SUCCESS)
        }
        KeysCommand::Rotate => rotate(url),
    }
}

fn rotate(url: &str) -> anyhow::Result<ExitCode> {
    let rt = db::runtime()?;
    match db::key_source(url) {
        KeySource::Ephemeral => anyhow::bail!("an in-memory database has no stored data to re-seal"),
        KeySource::Env(keys) => {
            let v = Arc::new(Vault::parse(&keys).context("LUMBAR_DATA_KEY")?);
            let n = rt.block_on(async {
                db::open_with(url, v.clone()).await?.reseal_all().await.map_err(anyhow::Error::from)
            })?;
            println!(
                "re-sealed {n} documents under key {}; you can now remove the other keys from LUMBAR_DATA_KEY",
                v.current_id()
            );
            Ok(ExitCode::SUCCESS)
        }
        KeySource::File(path) => {
            let old =
                std::fs::read_to_string(&path).with_context(|| format!("reading the key file {}", path.display()))?;
            Vault::parse(&old).with_context(|| format!("the key file {}", path.display()))?;
            let new_key = vault::new_key();
            let old_keys: Vec<&str> =
                old.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
            let header =
                "# lumbar data key: seals health data at rest. Keep it secret, back it up with the database.\n";
            // 1. new key first, old keys kept: whatever happens next, every document opens
            let both = format!("{header}{new_key}\n{}\n", old_keys.join("\n"));
            vault::write_private(&path, &both).with_context(|| format!("writing {}", path.display()))?;
            let v = Arc::new(Vault::parse(&both)?);
            // 2. re-seal everything in one transaction
            let n = rt.block_on(async {
                db::open_with(url, v.clone()).await?.reseal_all().await.map_err(anyhow::Error::from)
            })?;
            // 3. only the new key
            vault::write_private(&path, &format!("{header}{new_key}\n"))
                .with_context(|| format!("writing {}", path.display()))?;
            println!(
                "re-sealed {n} documents under the new key {}; the old key was removed from {}",
                v.current_id(),
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
