//! The directory area in SQL: import runs, therapists and licenses, rosters, verifications,
//! listings, profiles, recommendations, the finder's candidates and ZIP centroids.

use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use lumbar_core::directory::{
    AsOf, ClaimedLicense, Date, EntityKind, LicenseFact, Npi, Profile, RosterRecord, RosterStatus, StateCode,
    VerificationStatus, listing_standing, normalize_license,
};
use lumbar_core::matching::{Candidate, PlaceKind};
use lumbar_store::{
    DirectoryStore, ImportKind, ImportRun, LicenseClaim, LicenseView, ListingUpsert, PracticeView, ProviderUpsert,
    Published, Result, Review, RosterSnapshot, RunId, StoreError, TherapistDetail, TherapistFilter, TherapistView,
    UpsertCounts, Verification, ZipCentroid, listing_hash, provider_hash,
};
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};

use crate::text::now_rfc3339;
use crate::{SqlStore, bump_version, parse_date, parse_state, placeholders, q, values_rows};

fn roster_from_row(r: &AnyRow) -> Result<RosterRecord> {
    let t = "roster_rows";
    let status: String = r.try_get("status").map_err(q)?;
    Ok(RosterRecord {
        state: parse_state(t, &r.try_get::<String, _>("state").map_err(q)?)?,
        license_number: r.try_get("license_number").map_err(q)?,
        license_key: r.try_get("license_key").map_err(q)?,
        credential_type: r.try_get("credential_type").map_err(q)?,
        last_name: r.try_get("last_name").map_err(q)?,
        first_name: r.try_get("first_name").map_err(q)?,
        status: RosterStatus::parse(&status).ok_or(StoreError::Corrupt { table: t, problem: status })?,
        status_text: r.try_get("status_text").map_err(q)?,
        expires: parse_date(t, r.try_get("expires").map_err(q)?)?,
        disciplined: r.try_get::<i64, _>("disciplined").map_err(q)? != 0,
        discipline_text: r.try_get("discipline_text").map_err(q)?,
        source_line: r.try_get::<i64, _>("source_line").map_err(q)? as u64,
    })
}

fn verification_from_row(license_id: i64, r: &AnyRow) -> Result<Option<Verification>> {
    let t = "verifications";
    let Some(status) = r.try_get::<Option<String>, _>("v_status").map_err(q)? else { return Ok(None) };
    Ok(Some(Verification {
        license_id,
        status: VerificationStatus::parse(&status).ok_or(StoreError::Corrupt { table: t, problem: status })?,
        expires: parse_date(t, r.try_get("v_expires").map_err(q)?)?,
        discipline: r.try_get::<Option<String>, _>("v_discipline").map_err(q)?.unwrap_or_default(),
        source: r.try_get::<Option<String>, _>("v_source").map_err(q)?.unwrap_or_default(),
        source_run: r.try_get("v_source_run").map_err(q)?,
        source_line: r.try_get::<Option<i64>, _>("v_source_line").map_err(q)?.map(|x| x as u64),
        checked_at: parse_date(t, r.try_get("v_checked_at").map_err(q)?)?
            .ok_or_else(|| StoreError::Corrupt { table: t, problem: "checked_at missing".into() })?,
        roster_date: parse_date(t, r.try_get("v_roster_date").map_err(q)?)?,
    }))
}

const THERAPIST_COLUMNS: &str = "npi, kind, name, last_name, first_name, credential, sex, address_line1, address_line2, \
city, state, postal_code, phone, lat, lon, active, last_update, deactivated, reactivated, content_hash, source_run, source_line";

#[async_trait]
impl DirectoryStore for SqlStore {
    async fn begin_import(&self, kind: ImportKind, source: &str) -> Result<RunId> {
        let row = sqlx::query("INSERT INTO import_runs (kind, source, started_at) VALUES ($1, $2, $3) RETURNING id")
            .bind(kind.as_str())
            .bind(source)
            .bind(now_rfc3339())
            .fetch_one(&self.pool)
            .await
            .map_err(q)?;
        row.try_get(0).map_err(q)
    }

    async fn finish_import(&self, run: RunId, summary: &str) -> Result<()> {
        let done = sqlx::query("UPDATE import_runs SET finished_at = $1, summary = $2 WHERE id = $3")
            .bind(now_rfc3339())
            .bind(summary)
            .bind(run)
            .execute(&self.pool)
            .await
            .map_err(q)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("import run {run}")));
        }
        Ok(())
    }

    async fn import_runs(&self) -> Result<Vec<ImportRun>> {
        let rows =
            sqlx::query("SELECT id, kind, source, started_at, finished_at, summary FROM import_runs ORDER BY id DESC")
                .fetch_all(&self.pool)
                .await
                .map_err(q)?;
        rows.iter()
            .map(|r| {
                Ok(ImportRun {
                    id: r.try_get("id").map_err(q)?,
                    kind: r.try_get("kind").map_err(q)?,
                    source: r.try_get("source").map_err(q)?,
                    started_at: r.try_get("started_at").map_err(q)?,
                    finished_at: r.try_get("finished_at").map_err(q)?,
                    summary: r.try_get("summary").map_err(q)?,
                })
            })
            .collect()
    }

    async fn known_npis(&self) -> Result<HashSet<Npi>> {
        let rows =
            sqlx::query("SELECT npi FROM therapists WHERE npi IS NOT NULL").fetch_all(&self.pool).await.map_err(q)?;
        rows.iter()
            .map(|r| {
                let s: String = r.try_get(0).map_err(q)?;
                Npi::parse(&s).map_err(|e| StoreError::Corrupt { table: "therapists", problem: e })
            })
            .collect()
    }

    async fn upsert_providers(&self, run: RunId, batch: &[ProviderUpsert]) -> Result<UpsertCounts> {
        let mut counts = UpsertCounts::default();
        if batch.is_empty() {
            return Ok(counts);
        }
        // One row per NPI, in file order: a later record in the same batch wins unless it
        // is older.
        let mut position: HashMap<Npi, usize> = HashMap::with_capacity(batch.len());
        let mut rows: Vec<&ProviderUpsert> = Vec::with_capacity(batch.len());
        for p in batch {
            match position.get(&p.record.npi) {
                Some(&i) => {
                    counts.unchanged += 1;
                    if rows[i].record.last_update <= p.record.last_update {
                        rows[i] = p;
                    }
                }
                None => {
                    position.insert(p.record.npi, rows.len());
                    rows.push(p);
                }
            }
        }

        let mut tx = self.write_tx().await.map_err(q)?;
        let mut existing: HashMap<String, (i64, Option<String>, String)> = HashMap::new();
        for chunk in rows.chunks(self.rows_per_statement(1)) {
            let sql = format!(
                "SELECT id, npi, last_update, content_hash FROM therapists WHERE npi IN ({})",
                placeholders(1, chunk.len())
            );
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for p in chunk {
                query = query.bind(p.record.npi.to_string());
            }
            for r in query.fetch_all(&mut *tx).await.map_err(q)? {
                existing.insert(
                    r.try_get("npi").map_err(q)?,
                    (
                        r.try_get("id").map_err(q)?,
                        r.try_get("last_update").map_err(q)?,
                        r.try_get("content_hash").map_err(q)?,
                    ),
                );
            }
        }
        let mut new_rows: Vec<(&ProviderUpsert, String)> = Vec::new();
        for p in rows {
            let r = &p.record;
            let npi = r.npi.to_string();
            let hash = provider_hash(r, p.lat, p.lon);
            let incoming_update = r.last_update.map(|d| d.to_string());
            match existing.get(&npi) {
                None => new_rows.push((p, hash)),
                Some((_, _, stored_hash)) if *stored_hash == hash => counts.unchanged += 1,
                // an older (or undated) record never overwrites a newer one
                Some((_, Some(stored), _)) if incoming_update.as_ref().is_none_or(|inc| inc < stored) => {
                    counts.unchanged += 1;
                }
                Some((id, _, _)) => {
                    let sql = "UPDATE therapists SET kind = $1, name = $2, last_name = $3, first_name = $4, credential = $5, \
sex = $6, address_line1 = $7, address_line2 = $8, city = $9, state = $10, postal_code = $11, phone = $12, lat = $13, \
lon = $14, active = $15, last_update = $16, deactivated = $17, reactivated = $18, content_hash = $19, source_run = $20, \
source_line = $21 WHERE id = $22";
                    bind_provider(sqlx::query(sql), p, &hash, run, false)
                        .bind(*id)
                        .execute(&mut *tx)
                        .await
                        .map_err(q)?;
                    replace_licenses(&mut tx, *id, &r.licenses).await?;
                    counts.updated += 1;
                }
            }
        }
        // New providers: multi-row inserts, then all their licenses at once (nothing to replace).
        let mut new_licenses: Vec<(i64, String, String, String)> = Vec::new();
        for chunk in new_rows.chunks(self.rows_per_statement(22)) {
            let mut sql =
                values_rows(&format!("INSERT INTO therapists ({THERAPIST_COLUMNS}) VALUES "), chunk.len(), 22);
            sql.push_str(" RETURNING id, npi");
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for (p, hash) in chunk {
                query = bind_provider(query, p, hash, run, true);
            }
            let mut ids: HashMap<String, i64> = HashMap::with_capacity(chunk.len());
            for r in query.fetch_all(&mut *tx).await.map_err(q)? {
                ids.insert(r.try_get(1).map_err(q)?, r.try_get(0).map_err(q)?);
            }
            for (p, _) in chunk {
                let id = *ids
                    .get(&p.record.npi.to_string())
                    .ok_or_else(|| StoreError::Query("an inserted therapist returned no id".into()))?;
                let mut seen: Vec<(String, String)> = Vec::new();
                for l in &p.record.licenses {
                    if let Some(key) = normalize_license(&l.number) {
                        let state = l.state.as_str().to_owned();
                        if !seen.contains(&(state.clone(), key.clone())) {
                            seen.push((state.clone(), key.clone()));
                            new_licenses.push((id, state, l.number.clone(), key));
                        }
                    }
                }
            }
            counts.inserted += chunk.len() as u64;
        }
        for chunk in new_licenses.chunks(self.rows_per_statement(4)) {
            let sql =
                values_rows("INSERT INTO licenses (therapist_id, state, number, license_key) VALUES ", chunk.len(), 4);
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for (id, state, number, key) in chunk {
                query = query.bind(*id).bind(state.clone()).bind(number.clone()).bind(key.clone());
            }
            query.execute(&mut *tx).await.map_err(q)?;
        }
        if counts.inserted + counts.updated > 0 {
            bump_version(&mut tx).await?;
        }
        tx.commit().await.map_err(q)?;
        Ok(counts)
    }

    async fn deactivate(&self, run: RunId, batch: &[(Npi, Date)]) -> Result<u64> {
        let mut tx = self.write_tx().await.map_err(q)?;
        let mut changed = 0;
        for (npi, date) in batch {
            let done = sqlx::query(
                "UPDATE therapists SET active = $1, deactivated = $2, source_run = $3 \
                 WHERE npi = $4 AND (active = $5 OR deactivated IS NULL OR deactivated <> $6)",
            )
            .bind(0_i64)
            .bind(date.to_string())
            .bind(run)
            .bind(npi.to_string())
            .bind(1_i64)
            .bind(date.to_string())
            .execute(&mut *tx)
            .await
            .map_err(q)?;
            changed += done.rows_affected();
        }
        if changed > 0 {
            bump_version(&mut tx).await?;
        }
        tx.commit().await.map_err(q)?;
        Ok(changed)
    }

    async fn stage_roster_rows(&self, run: RunId, rows: &[RosterRecord]) -> Result<()> {
        let mut tx = self.write_tx().await.map_err(q)?;
        for chunk in rows.chunks(self.rows_per_statement(13)) {
            let sql = values_rows(
                "INSERT INTO roster_rows (run_id, state, license_number, license_key, credential_type, last_name, \
                 first_name, status, status_text, expires, disciplined, discipline_text, source_line) VALUES ",
                chunk.len(),
                13,
            );
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for r in chunk {
                query = query
                    .bind(run)
                    .bind(r.state.as_str().to_owned())
                    .bind(r.license_number.clone())
                    .bind(r.license_key.clone())
                    .bind(r.credential_type.clone())
                    .bind(r.last_name.clone())
                    .bind(r.first_name.clone())
                    .bind(r.status.as_str())
                    .bind(r.status_text.clone())
                    .bind(r.expires.map(|d| d.to_string()))
                    .bind(i64::from(r.disciplined))
                    .bind(r.discipline_text.clone())
                    .bind(r.source_line as i64);
            }
            query.execute(&mut *tx).await.map_err(q)?;
        }
        tx.commit().await.map_err(q)
    }

    async fn publish_roster(
        &self,
        run: RunId,
        state: StateCode,
        imported_on: Date,
        data_date: Date,
        digest: &str,
    ) -> Result<Published> {
        let mut tx = self.write_tx().await.map_err(q)?;
        let current = sqlx::query("SELECT run_id, content_hash FROM current_rosters WHERE state = $1")
            .bind(state.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(q)?;
        let unchanged = match &current {
            Some(row) => row.try_get::<String, _>(1).map_err(q)? == digest,
            None => false,
        };
        let outcome = if unchanged {
            sqlx::query("UPDATE current_rosters SET imported_on = $1, data_date = $2 WHERE state = $3")
                .bind(imported_on.to_string())
                .bind(data_date.to_string())
                .bind(state.as_str())
                .execute(&mut *tx)
                .await
                .map_err(q)?;
            sqlx::query("DELETE FROM roster_rows WHERE run_id = $1").bind(run).execute(&mut *tx).await.map_err(q)?;
            Published::Unchanged
        } else {
            sqlx::query(
                "INSERT INTO current_rosters (state, run_id, imported_on, data_date, content_hash) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (state) DO UPDATE SET run_id = excluded.run_id, imported_on = excluded.imported_on, \
                 data_date = excluded.data_date, content_hash = excluded.content_hash",
            )
            .bind(state.as_str())
            .bind(run)
            .bind(imported_on.to_string())
            .bind(data_date.to_string())
            .bind(digest)
            .execute(&mut *tx)
            .await
            .map_err(q)?;
            Published::Replaced
        };
        // Drop every row of this state that is not the current roster's: the previous
        // roster, and staged rows of imports that were killed before publishing.
        sqlx::query(
            "DELETE FROM roster_rows WHERE state = $1 AND run_id <> (SELECT run_id FROM current_rosters WHERE state = $2)",
        )
        .bind(state.as_str())
        .bind(state.as_str())
        .execute(&mut *tx)
        .await
        .map_err(q)?;
        bump_version(&mut tx).await?;
        tx.commit().await.map_err(q)?;
        Ok(outcome)
    }

    async fn roster(&self, state: StateCode) -> Result<Option<RosterSnapshot>> {
        let Some(cur) = sqlx::query(
            "SELECT c.run_id, c.imported_on, r.source, c.data_date FROM current_rosters c \
             JOIN import_runs r ON r.id = c.run_id WHERE c.state = $1",
        )
        .bind(state.as_str())
        .fetch_optional(&self.pool)
        .await
        .map_err(q)?
        else {
            return Ok(None);
        };
        let run: i64 = cur.try_get(0).map_err(q)?;
        let imported_on = parse_date("current_rosters", cur.try_get(1).map_err(q)?)?
            .ok_or_else(|| StoreError::Corrupt { table: "current_rosters", problem: "imported_on missing".into() })?;
        // rosters published before data dates were kept: their import date
        let data_date = parse_date("current_rosters", cur.try_get(3).map_err(q)?)?.unwrap_or(imported_on);
        let rows = sqlx::query(
            "SELECT state, license_number, license_key, credential_type, last_name, first_name, status, status_text, \
             expires, disciplined, discipline_text, source_line FROM roster_rows WHERE run_id = $1 AND state = $2 ORDER BY id",
        )
        .bind(run)
        .bind(state.as_str())
        .fetch_all(&self.pool)
        .await
        .map_err(q)?;
        Ok(Some(RosterSnapshot {
            state,
            run,
            source: cur.try_get(2).map_err(q)?,
            imported_on,
            data_date,
            rows: rows.iter().map(roster_from_row).collect::<Result<_>>()?,
        }))
    }

    async fn roster_states(&self) -> Result<Vec<StateCode>> {
        let rows =
            sqlx::query("SELECT state FROM current_rosters ORDER BY state").fetch_all(&self.pool).await.map_err(q)?;
        rows.iter().map(|r| parse_state("current_rosters", &r.try_get::<String, _>(0).map_err(q)?)).collect()
    }

    async fn license_claims(&self) -> Result<Vec<LicenseClaim>> {
        let rows = sqlx::query(
            "SELECT l.id, l.therapist_id, t.last_name, l.state, l.number, l.license_key, v.status AS v_status, \
             v.expires AS v_expires, v.discipline AS v_discipline, v.source AS v_source, v.source_run AS v_source_run, \
             v.source_line AS v_source_line, v.checked_at AS v_checked_at, v.roster_date AS v_roster_date \
             FROM licenses l JOIN therapists t ON t.id = l.therapist_id LEFT JOIN verifications v ON v.license_id = l.id \
             ORDER BY l.id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(q)?;
        rows.iter()
            .map(|r| {
                let license_id: i64 = r.try_get(0).map_err(q)?;
                Ok(LicenseClaim {
                    license_id,
                    therapist_id: r.try_get(1).map_err(q)?,
                    last_name: r.try_get(2).map_err(q)?,
                    state: parse_state("licenses", &r.try_get::<String, _>(3).map_err(q)?)?,
                    number: r.try_get(4).map_err(q)?,
                    license_key: r.try_get(5).map_err(q)?,
                    current: verification_from_row(license_id, r)?,
                })
            })
            .collect()
    }

    async fn save_verifications(&self, batch: &[Verification]) -> Result<u64> {
        let mut tx = self.write_tx().await.map_err(q)?;
        let mut changed = 0;
        for v in batch {
            let done = sqlx::query(
                "INSERT INTO verifications (license_id, status, expires, discipline, source, source_run, source_line, \
                 checked_at, roster_date) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT (license_id) DO UPDATE SET status = excluded.status, expires = excluded.expires, \
                 discipline = excluded.discipline, source = excluded.source, source_run = excluded.source_run, \
                 source_line = excluded.source_line, checked_at = excluded.checked_at, roster_date = excluded.roster_date \
                 WHERE verifications.status <> excluded.status \
                    OR COALESCE(verifications.expires, '') <> COALESCE(excluded.expires, '') \
                    OR verifications.discipline <> excluded.discipline OR verifications.source <> excluded.source \
                    OR COALESCE(verifications.source_run, -1) <> COALESCE(excluded.source_run, -1) \
                    OR COALESCE(verifications.source_line, -1) <> COALESCE(excluded.source_line, -1) \
                    OR verifications.checked_at <> excluded.checked_at \
                    OR COALESCE(verifications.roster_date, '') <> COALESCE(excluded.roster_date, '')",
            )
            .bind(v.license_id)
            .bind(v.status.as_str())
            .bind(v.expires.map(|d| d.to_string()))
            .bind(v.discipline.clone())
            .bind(v.source.clone())
            .bind(v.source_run)
            .bind(v.source_line.map(|x| x as i64))
            .bind(v.checked_at.to_string())
            .bind(v.roster_date.map(|d| d.to_string()))
            .execute(&mut *tx)
            .await
            .map_err(q)?;
            changed += done.rows_affected();
        }
        if changed > 0 {
            bump_version(&mut tx).await?;
        }
        tx.commit().await.map_err(q)?;
        Ok(changed)
    }

    async fn therapists(&self, filter: &TherapistFilter) -> Result<Vec<TherapistView>> {
        let state = filter.state.map(|s| s.as_str().to_owned());
        let base = "SELECT id, npi, kind, name, credential, address_line1, address_line2, city, state, postal_code, lat, lon, \
                    active FROM therapists";
        let lic_sql = "SELECT l.therapist_id, l.state, l.number, v.status, v.expires, v.source, v.checked_at, v.roster_date \
                       FROM licenses l JOIN therapists t ON t.id = l.therapist_id \
                       LEFT JOIN verifications v ON v.license_id = l.id";
        let (rows, lic_rows) = match (&state, filter.id) {
            (_, Some(id)) => (
                sqlx::query(AssertSqlSafe(format!("{base} WHERE id = $1"))).bind(id).fetch_all(&self.pool).await,
                sqlx::query(AssertSqlSafe(format!("{lic_sql} WHERE t.id = $1 ORDER BY l.id")))
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await,
            ),
            (Some(st), None) => (
                sqlx::query(AssertSqlSafe(format!("{base} WHERE state = $1 ORDER BY id")))
                    .bind(st.clone())
                    .fetch_all(&self.pool)
                    .await,
                sqlx::query(AssertSqlSafe(format!("{lic_sql} WHERE t.state = $1 ORDER BY l.id")))
                    .bind(st.clone())
                    .fetch_all(&self.pool)
                    .await,
            ),
            (None, None) => (
                sqlx::query(AssertSqlSafe(format!("{base} ORDER BY id"))).fetch_all(&self.pool).await,
                sqlx::query(AssertSqlSafe(format!("{lic_sql} ORDER BY l.id"))).fetch_all(&self.pool).await,
            ),
        };
        let (rows, lic_rows) = (rows.map_err(q)?, lic_rows.map_err(q)?);
        let mut licenses: HashMap<i64, Vec<LicenseView>> = HashMap::new();
        for r in &lic_rows {
            let t = "licenses";
            let status: Option<String> = r.try_get(3).map_err(q)?;
            licenses.entry(r.try_get(0).map_err(q)?).or_default().push(LicenseView {
                state: parse_state(t, &r.try_get::<String, _>(1).map_err(q)?)?,
                number: r.try_get(2).map_err(q)?,
                status: status.as_deref().and_then(VerificationStatus::parse),
                expires: parse_date(t, r.try_get(4).map_err(q)?)?,
                source: r.try_get(5).map_err(q)?,
                checked_at: parse_date(t, r.try_get(6).map_err(q)?)?,
                roster_date: parse_date(t, r.try_get(7).map_err(q)?)?,
                stale: false,
            });
        }
        rows.iter()
            .map(|r| {
                let t = "therapists";
                let id: i64 = r.try_get("id").map_err(q)?;
                let npi: Option<String> = r.try_get("npi").map_err(q)?;
                let npi = npi.as_deref();
                let kind: String = r.try_get("kind").map_err(q)?;
                let line1: String = r.try_get("address_line1").map_err(q)?;
                let line2: String = r.try_get("address_line2").map_err(q)?;
                let state: Option<String> = r.try_get("state").map_err(q)?;
                Ok(TherapistView {
                    id,
                    npi: npi
                        .map(|n| Npi::parse(n).map_err(|e| StoreError::Corrupt { table: t, problem: e }))
                        .transpose()?,
                    kind: EntityKind::parse(&kind).map(|k| k.as_str().to_owned()).unwrap_or(kind),
                    name: r.try_get("name").map_err(q)?,
                    credential: r.try_get("credential").map_err(q)?,
                    practice: PracticeView {
                        address: if line2.is_empty() { line1 } else { format!("{line1}, {line2}") },
                        city: r.try_get("city").map_err(q)?,
                        state: state.as_deref().map(|s| parse_state(t, s)).transpose()?,
                        postal_code: r.try_get("postal_code").map_err(q)?,
                        lat: r.try_get("lat").map_err(q)?,
                        lon: r.try_get("lon").map_err(q)?,
                    },
                    licenses: licenses.remove(&id).unwrap_or_default(),
                    active: r.try_get::<i64, _>("active").map_err(q)? != 0,
                })
            })
            .collect()
    }

    async fn upsert_listing(&self, run: RunId, l: &ListingUpsert) -> Result<i64> {
        let hash = listing_hash(l);
        let mut tx = self.write_tx().await.map_err(q)?;
        let existing = sqlx::query("SELECT id, content_hash FROM therapists WHERE listing_key = $1")
            .bind(l.key.clone())
            .fetch_optional(&mut *tx)
            .await
            .map_err(q)?;
        let id: i64 = match existing {
            Some(row) if row.try_get::<String, _>(1).map_err(q)? == hash => return row.try_get(0).map_err(q),
            Some(row) => {
                let id: i64 = row.try_get(0).map_err(q)?;
                bind_listing(
                    sqlx::query(
                        "UPDATE therapists SET kind = $1, name = $2, last_name = $3, first_name = $4, credential = $5, \
                         address_line1 = $6, address_line2 = $7, city = $8, state = $9, postal_code = $10, phone = $11, \
                         lat = $12, lon = $13, content_hash = $14, source_run = $15 WHERE id = $16",
                    ),
                    l,
                )
                .bind(hash)
                .bind(run)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(q)?;
                id
            }
            None => {
                let row = bind_listing(
                    sqlx::query(
                        "INSERT INTO therapists (kind, name, last_name, first_name, credential, address_line1, \
                         address_line2, city, state, postal_code, phone, lat, lon, content_hash, source_run, listing_key, \
                         active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
                         RETURNING id",
                    ),
                    l,
                )
                .bind(hash)
                .bind(run)
                .bind(l.key.clone())
                .bind(1_i64)
                .fetch_one(&mut *tx)
                .await
                .map_err(q)?;
                row.try_get(0).map_err(q)?
            }
        };
        replace_licenses(&mut tx, id, &l.licenses).await?;
        bump_version(&mut tx).await?;
        tx.commit().await.map_err(q)?;
        Ok(id)
    }

    async fn save_profile(&self, therapist_id: i64, profile: &Profile) -> Result<()> {
        let doc = serde_json::to_string(profile).map_err(|e| StoreError::Query(e.to_string()))?;
        let mut tx = self.write_tx().await.map_err(q)?;
        let done = sqlx::query(
            "INSERT INTO profiles (therapist_id, document, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (therapist_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at \
             WHERE profiles.document <> excluded.document",
        )
        .bind(therapist_id)
        .bind(doc)
        .bind(now_rfc3339())
        .execute(&mut *tx)
        .await
        .map_err(q)?;
        if done.rows_affected() > 0 {
            bump_version(&mut tx).await?;
        }
        tx.commit().await.map_err(q)
    }

    async fn replace_recommendations(
        &self,
        therapist_id: i64,
        source: &str,
        reviews: &[Review],
        endorsements: &[String],
    ) -> Result<()> {
        let mut tx = self.write_tx().await.map_err(q)?;
        let now = now_rfc3339();
        sqlx::query("DELETE FROM reviews WHERE therapist_id = $1 AND source = $2")
            .bind(therapist_id)
            .bind(source)
            .execute(&mut *tx)
            .await
            .map_err(q)?;
        sqlx::query("DELETE FROM endorsements WHERE therapist_id = $1 AND source = $2")
            .bind(therapist_id)
            .bind(source)
            .execute(&mut *tx)
            .await
            .map_err(q)?;
        for r in reviews {
            sqlx::query(
                "INSERT INTO reviews (therapist_id, rating, comment, source, created_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(therapist_id)
            .bind(i64::from(r.rating))
            .bind(r.comment.clone())
            .bind(source)
            .bind(now.clone())
            .execute(&mut *tx)
            .await
            .map_err(q)?;
        }
        for clinician in endorsements {
            sqlx::query(
                "INSERT INTO endorsements (therapist_id, clinician, note, source, created_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(therapist_id)
            .bind(clinician.clone())
            .bind("")
            .bind(source)
            .bind(now.clone())
            .execute(&mut *tx)
            .await
            .map_err(q)?;
        }
        bump_version(&mut tx).await?;
        tx.commit().await.map_err(q)
    }

    async fn therapist_detail(&self, id: i64) -> Result<Option<TherapistDetail>> {
        let Some(therapist) =
            self.therapists(&TherapistFilter { id: Some(id), ..TherapistFilter::default() }).await?.into_iter().next()
        else {
            return Ok(None);
        };
        let doc = sqlx::query("SELECT document FROM profiles WHERE therapist_id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(q)?;
        let profile = match doc {
            Some(r) => Some(parse_profile(&r.try_get::<String, _>(0).map_err(q)?)?),
            None => None,
        };
        let stats = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM reviews WHERE therapist_id = $1 AND moderation = 'approved'), \
             (SELECT CAST(COALESCE(SUM(rating), 0) AS BIGINT) FROM reviews WHERE therapist_id = $2 AND moderation = 'approved'), \
             (SELECT COUNT(*) FROM endorsements WHERE therapist_id = $3)",
        )
        .bind(id)
        .bind(id)
        .bind(id)
        .fetch_one(&self.pool)
        .await
        .map_err(q)?;
        Ok(Some(TherapistDetail {
            therapist,
            profile,
            reviews: stats.try_get::<i64, _>(0).map_err(q)? as u32,
            rating_sum: stats.try_get::<i64, _>(1).map_err(q)? as u32,
            endorsements: stats.try_get::<i64, _>(2).map_err(q)? as u32,
        }))
    }

    async fn directory_version(&self) -> Result<i64> {
        let row =
            sqlx::query("SELECT version FROM directory_changes WHERE id = 1").fetch_one(&self.pool).await.map_err(q)?;
        row.try_get(0).map_err(q)
    }

    async fn candidates(&self, as_of: AsOf) -> Result<Vec<Candidate>> {
        let rows = sqlx::query(
            "SELECT t.id, t.name, t.kind, t.lat, t.lon, t.state, p.document, \
             COALESCE(r.n, 0) AS n_reviews, COALESCE(r.s, 0) AS rating_sum, COALESCE(e.n, 0) AS n_endorsements \
             FROM therapists t \
             LEFT JOIN profiles p ON p.therapist_id = t.id \
             LEFT JOIN (SELECT therapist_id, COUNT(*) AS n, CAST(SUM(rating) AS BIGINT) AS s FROM reviews WHERE moderation = 'approved' GROUP BY therapist_id) r \
               ON r.therapist_id = t.id \
             LEFT JOIN (SELECT therapist_id, COUNT(*) AS n FROM endorsements GROUP BY therapist_id) e ON e.therapist_id = t.id \
             WHERE t.active = 1 AND t.hidden_reason IS NULL AND t.lat IS NOT NULL AND t.lon IS NOT NULL AND t.state IS NOT NULL ORDER BY t.id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(q)?;
        let lic = sqlx::query(
            "SELECT l.therapist_id, l.state, v.status, v.expires, v.roster_date FROM licenses l \
             LEFT JOIN verifications v ON v.license_id = l.id ORDER BY l.id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(q)?;
        let mut facts: HashMap<i64, Vec<LicenseFact>> = HashMap::new();
        for r in &lic {
            let t = "verifications";
            let status: Option<String> = r.try_get(2).map_err(q)?;
            facts.entry(r.try_get(0).map_err(q)?).or_default().push(LicenseFact {
                state: parse_state("licenses", &r.try_get::<String, _>(1).map_err(q)?)?,
                status: status
                    .map(|s| VerificationStatus::parse(&s).ok_or(StoreError::Corrupt { table: t, problem: s }))
                    .transpose()?,
                expires: parse_date(t, r.try_get(3).map_err(q)?)?,
                roster_date: parse_date(t, r.try_get(4).map_err(q)?)?,
            });
        }
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = r.try_get(0).map_err(q)?;
            let state = parse_state("therapists", &r.try_get::<String, _>(5).map_err(q)?)?;
            let kind: String = r.try_get(2).map_err(q)?;
            let doc: Option<String> = r.try_get(6).map_err(q)?;
            let profile = doc.as_deref().map(parse_profile).transpose()?;
            let standing = listing_standing(facts.get(&id).map(Vec::as_slice).unwrap_or(&[]), state, as_of);
            let default_kind = if kind == "organization" { PlaceKind::Clinic } else { PlaceKind::Independent };
            let p = profile.as_ref();
            let mut candidate = Candidate {
                id,
                name: r.try_get(1).map_err(q)?,
                kind: p.map_or(default_kind, |p| p.place_kind),
                lat: r.try_get(3).map_err(q)?,
                lon: r.try_get(4).map_err(q)?,
                practice_state: state,
                license: None,
                group: None,
                stale: false,
                styles: p.map(|p| p.styles.clone()).unwrap_or_default(),
                back_pain_years: p.and_then(|p| p.back_pain_years),
                back_pain_share_pct: p.and_then(|p| p.back_pain_share_pct),
                languages: p.map(|p| p.languages.clone()).unwrap_or_default(),
                gender: p.and_then(|p| p.gender),
                price_min_usd: p.and_then(|p| p.price_min_usd),
                price_max_usd: p.and_then(|p| p.price_max_usd),
                insurance: p.map(|p| p.insurance.clone()).unwrap_or_default(),
                reviews: r.try_get::<i64, _>(7).map_err(q)? as u32,
                rating_sum: r.try_get::<i64, _>(8).map_err(q)? as u32,
                endorsements: r.try_get::<i64, _>(9).map_err(q)? as u32,
                completeness: p.map_or(0.0, Profile::completeness),
            };
            candidate.set_standing(&standing);
            out.push(candidate);
        }
        Ok(out)
    }

    async fn replace_centroids(&self, rows: &[ZipCentroid]) -> Result<()> {
        let mut tx = self.write_tx().await.map_err(q)?;
        sqlx::query("DELETE FROM zip_centroids").execute(&mut *tx).await.map_err(q)?;
        for chunk in rows.chunks(self.rows_per_statement(3)) {
            let sql = values_rows("INSERT INTO zip_centroids (zip, lat, lon) VALUES ", chunk.len(), 3);
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for c in chunk {
                query = query.bind(c.zip.clone()).bind(c.lat).bind(c.lon);
            }
            query.execute(&mut *tx).await.map_err(q)?;
        }
        bump_version(&mut tx).await?;
        tx.commit().await.map_err(q)
    }

    async fn centroids(&self) -> Result<Vec<ZipCentroid>> {
        let rows = sqlx::query("SELECT zip, lat, lon FROM zip_centroids ORDER BY zip")
            .fetch_all(&self.pool)
            .await
            .map_err(q)?;
        rows.iter()
            .map(|r| {
                Ok(ZipCentroid {
                    zip: r.try_get(0).map_err(q)?,
                    lat: r.try_get(1).map_err(q)?,
                    lon: r.try_get(2).map_err(q)?,
                })
            })
            .collect()
    }
}

/// Replaces a therapist's licenses: keeps those that stay (with their verification), adds
/// new ones, drops those gone.
async fn replace_licenses(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    therapist_id: i64,
    licenses: &[ClaimedLicense],
) -> Result<()> {
    let stored = sqlx::query("SELECT id, state, license_key FROM licenses WHERE therapist_id = $1")
        .bind(therapist_id)
        .fetch_all(&mut **tx)
        .await
        .map_err(q)?;
    let wanted: Vec<(String, String, String)> = licenses
        .iter()
        .filter_map(|l| normalize_license(&l.number).map(|k| (l.state.as_str().to_owned(), k, l.number.clone())))
        .collect();
    for s in &stored {
        let (id, state, key): (i64, String, String) =
            (s.try_get(0).map_err(q)?, s.try_get(1).map_err(q)?, s.try_get(2).map_err(q)?);
        if !wanted.iter().any(|(ws, wk, _)| *ws == state && *wk == key) {
            sqlx::query("DELETE FROM licenses WHERE id = $1").bind(id).execute(&mut **tx).await.map_err(q)?;
        }
    }
    for (state, key, number) in &wanted {
        sqlx::query(
            "INSERT INTO licenses (therapist_id, state, number, license_key) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (therapist_id, state, license_key) DO UPDATE SET number = excluded.number",
        )
        .bind(therapist_id)
        .bind(state.as_str())
        .bind(number.as_str())
        .bind(key.as_str())
        .execute(&mut **tx)
        .await
        .map_err(q)?;
    }
    Ok(())
}

fn parse_profile(doc: &str) -> Result<Profile> {
    serde_json::from_str(doc).map_err(|e| StoreError::Corrupt { table: "profiles", problem: e.to_string() })
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>;

/// Binds a listing's 13 descriptive columns (kind … lon), in that order.
fn bind_listing<'q>(query: AnyQuery<'q>, l: &ListingUpsert) -> AnyQuery<'q> {
    let a = &l.practice;
    query
        .bind(l.kind.as_str())
        .bind(l.name.clone())
        .bind(l.last_name.clone())
        .bind(l.first_name.clone())
        .bind(l.credential.clone())
        .bind(a.line1.clone())
        .bind(a.line2.clone())
        .bind(a.city.clone())
        .bind(a.state.map(|s| s.as_str().to_owned()))
        .bind(a.postal_code.clone())
        .bind(a.phone.clone())
        .bind(l.lat)
        .bind(l.lon)
}

/// Binds the 21 provider columns (22 with the NPI first for inserts).
fn bind_provider<'q>(query: AnyQuery<'q>, p: &ProviderUpsert, hash: &str, run: RunId, with_npi: bool) -> AnyQuery<'q> {
    let r = &p.record;
    let a = &r.practice;
    let query = if with_npi { query.bind(r.npi.to_string()) } else { query };
    query
        .bind(r.kind.as_str())
        .bind(r.name.clone())
        .bind(r.last_name.clone())
        .bind(r.first_name.clone())
        .bind(r.credential.clone())
        .bind(r.sex.map(String::from))
        .bind(a.line1.clone())
        .bind(a.line2.clone())
        .bind(a.city.clone())
        .bind(a.state.map(|s| s.as_str().to_owned()))
        .bind(a.postal_code.clone())
        .bind(a.phone.clone())
        .bind(p.lat)
        .bind(p.lon)
        .bind(i64::from(r.active()))
        .bind(r.last_update.map(|d| d.to_string()))
        .bind(r.deactivated.map(|d| d.to_string()))
        .bind(r.reactivated.map(|d| d.to_string()))
        .bind(hash.to_owned())
        .bind(run)
        .bind(p.source_line as i64)
}
