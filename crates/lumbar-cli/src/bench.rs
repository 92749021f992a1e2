//! `lumbar bench`: speed measurements that are not tests. Results are recorded in
//! `docs/BENCHMARKS.md` with the command that produced them.

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Write as _;
use std::process::ExitCode;
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Subcommand;
use lumbar_core::directory::VerificationStatus;
use lumbar_core::matching::{
    Candidate, EARTH_RADIUS_MILES, GeoIndex, MassageStyle, Query, haversine_miles, synthetic_candidates,
};
use lumbar_core::rng::SplitMix64;
use lumbar_core::screening::{Answers, Ruleset};
use serde_json::Value;
use sqlx::postgres::PgConnection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{AssertSqlSafe, ConnectOptions, Connection};

/// The public vignettes, the realistic mix of answers the screening benchmark runs on.
const VIGNETTES: &str = include_str!("../../lumbar-core/tests/data/vignettes-public.json");

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Screening throughput on one core: assessments per second over the 40 public
    /// vignettes, the full JSON-in/JSON-out path, and a plain JSON round trip of the same
    /// answers as the peer.
    Screen {
        /// How long to run each measurement.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
    },
    /// Geo search on one core: synthetic therapists around the shipped ZIP centroids, random
    /// queries (radius 10–50 miles, half with filters, top 20) through the in-memory index,
    /// then the same data and queries as SQL against SQLite R*Tree and, with
    /// --postgis-url, PostGIS. Prints a Markdown table (docs/BENCHMARKS.md).
    Find {
        /// Synthetic therapists (ids 1..=N).
        #[arg(long, default_value_t = 1_000_000)]
        therapists: usize,
        /// Queries, each run once (after a warm-up over the first 1,000).
        #[arg(long, default_value_t = 10_000)]
        queries: usize,
        /// Seed for the therapists and the queries.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// A PostgreSQL database with PostGIS available (`CREATE EXTENSION postgis` is run);
        /// the table `lumbar_bench_find` is dropped and recreated there.
        #[arg(long, value_name = "URL")]
        postgis_url: Option<String>,
        /// Leave out the SQLite R*Tree peer.
        #[arg(long)]
        skip_sqlite: bool,
    },
    /// Seeds the database (--db) with one person for the "My back" benchmark
    /// (scripts/bench/my_back.sh): an account (bench@example.org, password
    /// bench-password-123), a saved check (public vignette A29: massage suitable), a plan and
    /// N logged sessions, and a session. Prints JSON: the cookie to send and the plan id.
    JournalFixture {
        /// Logged sessions in the plan.
        #[arg(long, default_value_t = 200)]
        sessions: usize,
        /// Days between two sessions (the first is the day after the check, 2026-06-01).
        #[arg(long, default_value_t = 1)]
        days_apart: i64,
    },
    /// Password hashing: argon2id hashes per second with lumbar's parameters (m = 19 MiB,
    /// t = 2, p = 1) on one thread and on every core, and OWASP's other recommended
    /// settings as peers (m = 46 MiB t = 1; m = 12 MiB t = 3).
    Password {
        /// How long to run each measurement.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
    },
}

pub fn run(cmd: BenchCommand, db: &str) -> anyhow::Result<ExitCode> {
    match cmd {
        BenchCommand::JournalFixture { sessions, days_apart } => journal_fixture(db, sessions, days_apart),
        BenchCommand::Password { seconds } => password(Duration::from_secs_f64(seconds)),
        BenchCommand::Screen { seconds } => screen(Duration::from_secs_f64(seconds)),
        BenchCommand::Find { therapists, queries, seed, postgis_url, skip_sqlite } => {
            find(&FindArgs { therapists, queries, seed, postgis_url, skip_sqlite })
        }
    }
}

/// Runs `f` over the inputs repeatedly for about `budget`; returns operations per second.
fn measure<T>(inputs: &[T], budget: Duration, mut f: impl FnMut(&T)) -> f64 {
    // warm-up
    for x in inputs {
        f(x);
    }
    let start = Instant::now();
    let mut ops = 0u64;
    while start.elapsed() < budget {
        for _ in 0..64 {
            for x in inputs {
                f(x);
            }
        }
        ops += 64 * inputs.len() as u64;
    }
    ops as f64 / start.elapsed().as_secs_f64()
}

fn screen(budget: Duration) -> anyhow::Result<ExitCode> {
    let rs = Ruleset::shipped()?;
    let doc: Value = serde_json::from_str(VIGNETTES)?;
    let raw: Vec<Value> =
        doc["vignettes"].as_array().map(|a| a.iter().map(|v| v["answers"].clone()).collect()).unwrap_or_default();
    let texts: Vec<String> = raw.iter().map(Value::to_string).collect();
    let answers: Vec<Answers> = raw.iter().map(Answers::from_json).collect::<Result<_, _>>()?;

    let assess = measure(&answers, budget, |a| {
        black_box(rs.assess(black_box(a)));
    });
    let pipeline = measure(&texts, budget, |t| {
        let a = Answers::from_json_str(black_box(t)).expect("vignette answers are valid");
        black_box(serde_json::to_string(&rs.assess(&a)).expect("serializes"));
    });
    let peer = measure(&texts, budget, |t| {
        let v: Value = serde_json::from_str(black_box(t)).expect("json");
        black_box(serde_json::to_string(&v).expect("serializes"));
    });
    println!(
        "screening benchmark — {} vignettes, one thread, {:.1} s per measurement",
        answers.len(),
        budget.as_secs_f64()
    );
    println!("{:<52} {:>14}", "measurement", "per second");
    println!("{:<52} {:>14.0}", "assess (checked answers -> assessment)", assess);
    println!("{:<52} {:>14.0}", "full path (answers JSON -> assessment JSON)", pipeline);
    println!("{:<52} {:>14.0}", "peer: serde_json parse + serialize of the answers", peer);
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------------------------------------
// lumbar bench find

/// What `lumbar bench find` runs.
struct FindArgs {
    therapists: usize,
    queries: usize,
    seed: u64,
    postgis_url: Option<String>,
    skip_sqlite: bool,
}

/// Queries run once, untimed, before the timed pass (every engine alike).
const WARM_UP: usize = 1_000;
/// Results per query.
const LIMIT: usize = Query::DEFAULT_LIMIT;
const METERS_PER_MILE: f64 = 1609.344;
/// Miles beyond the radius the SQLite bounding box keeps, as the index's own cover does, so
/// a distance that rounds to the radius is still found.
const BOX_SLACK_MILES: f64 = 0.01;
/// Rows per multi-row `INSERT` when loading SQLite (7 parameters each).
const SQLITE_BATCH: usize = 500;
/// Rows the sqlx SQLite worker thread may queue ahead of the reader (sqlx's default is 50).
const SQLITE_ROW_BUFFER: usize = 1024;
/// The PostGIS table (dropped and recreated).
const PG_TABLE: &str = "lumbar_bench_find";

/// The styles a filtered query may ask for.
const FILTER_STYLES: [MassageStyle; 9] = [
    MassageStyle::DeepTissue,
    MassageStyle::Swedish,
    MassageStyle::Prenatal,
    MassageStyle::Oncology,
    MassageStyle::Medical,
    MassageStyle::Myofascial,
    MassageStyle::TriggerPoint,
    MassageStyle::Sports,
    MassageStyle::Lymphatic,
];

/// The languages a filtered query may ask for, weighted (Spanish most often).
const FILTER_LANGUAGES: [(u64, &str); 10] =
    [(6, "es"), (1, "zh"), (1, "vi"), (1, "ko"), (1, "tl"), (1, "ru"), (1, "fr"), (1, "pt"), (1, "ar"), (1, "de")];

/// One benchmark query, in the terms every engine understands.
#[derive(Clone, Debug)]
struct BenchQuery {
    lat: f64,
    lon: f64,
    radius_miles: f64,
    style: Option<MassageStyle>,
    language: Option<&'static str>,
    max_price_usd: Option<u32>,
}

impl BenchQuery {
    fn filtered(&self) -> bool {
        self.shape() != 0
    }

    /// Which filters are set (bit 0 style, 1 language, 2 price): picks the SQL text.
    fn shape(&self) -> usize {
        usize::from(self.style.is_some())
            | usize::from(self.language.is_some()) << 1
            | usize::from(self.max_price_usd.is_some()) << 2
    }

    /// The in-process query: no screening, verified licenses only (the default), top 20.
    fn to_query(&self) -> Query {
        Query {
            style: self.style,
            language: self.language.map(str::to_owned),
            max_price_usd: self.max_price_usd,
            limit: LIMIT,
            ..Query::near(self.lat, self.lon, self.radius_miles)
        }
    }
}

/// `n` queries centred on random ZIP centroids, radius uniform in [10, 50) miles; every other
/// one has one to three filters (style, language, maximum price).
fn make_queries(n: usize, seed: u64, centers: &[(f64, f64)]) -> Vec<BenchQuery> {
    let mut rng = SplitMix64::from_state(seed ^ 0x7175_6572_7900_0004);
    let total: u64 = FILTER_LANGUAGES.iter().map(|l| l.0).sum();
    (0..n)
        .map(|i| {
            let (lat, lon) = centers[rng.below(centers.len() as u64) as usize];
            let radius_miles = 10.0 + 40.0 * rng.unit();
            let mut q = BenchQuery { lat, lon, radius_miles, style: None, language: None, max_price_usd: None };
            if i % 2 == 1 {
                let shape = 1 + rng.below(7);
                if shape & 1 != 0 {
                    q.style = Some(FILTER_STYLES[rng.below(FILTER_STYLES.len() as u64) as usize]);
                }
                if shape & 2 != 0 {
                    let mut x = rng.below(total);
                    for (w, tag) in FILTER_LANGUAGES {
                        if x < w {
                            q.language = Some(tag);
                            break;
                        }
                        x -= w;
                    }
                }
                if shape & 4 != 0 {
                    q.max_price_usd = Some(60 + 10 * rng.below(7) as u32);
                }
            }
            q
        })
        .collect()
}

/// A therapist as the SQL peers store it: position and the filtered attributes.
struct Row {
    id: i64,
    lat: f64,
    lon: f64,
    verified: bool,
    /// Bit `style as u32` per style offered.
    styles: i32,
    /// Bit `i` per language `languages[i]` spoken.
    langs: i64,
    price_min: Option<i32>,
}

/// The rows and the language bit table.
struct Table {
    rows: Vec<Row>,
    languages: Vec<String>,
}

fn style_bit(s: MassageStyle) -> i32 {
    1 << (s as i32)
}

fn table_of(candidates: &[Candidate]) -> anyhow::Result<Table> {
    let mut languages: Vec<String> = Vec::new();
    let mut rows = Vec::with_capacity(candidates.len());
    for c in candidates {
        let mut langs = 0i64;
        for l in &c.languages {
            let l = l.trim().to_lowercase();
            let bit = match languages.iter().position(|x| *x == l) {
                Some(b) => b,
                None => {
                    languages.push(l);
                    languages.len() - 1
                }
            };
            anyhow::ensure!(bit < 63, "more than 63 languages: the SQL peers keep them as a bit mask");
            langs |= 1 << bit;
        }
        rows.push(Row {
            id: c.id,
            lat: c.lat,
            lon: (c.lon + 180.0).rem_euclid(360.0) - 180.0,
            verified: c.license == Some(VerificationStatus::VerifiedActive),
            styles: c.styles.iter().fold(0, |m, &s| m | style_bit(s)),
            langs,
            price_min: c.price_min_usd.map(|p| i32::try_from(p).unwrap_or(i32::MAX)),
        });
    }
    Ok(Table { rows, languages })
}

/// The bits of the languages a language filter accepts (`es` also takes `es-mx`), as the index.
fn language_mask(languages: &[String], want: &str) -> i64 {
    let want = want.trim().to_lowercase();
    let prefix = format!("{want}-");
    languages.iter().enumerate().filter(|(_, n)| **n == want || n.starts_with(&prefix)).fold(0, |m, (i, _)| m | 1 << i)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The 20 nearest of `(distance, id)`, nearest first, ties by id.
fn top_ids(mut found: Vec<(f64, i64)>) -> Vec<i64> {
    let by = |a: &(f64, i64), b: &(f64, i64)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1));
    if found.len() > LIMIT {
        found.select_nth_unstable_by(LIMIT - 1, by);
        found.truncate(LIMIT);
    }
    found.sort_unstable_by(by);
    found.into_iter().map(|(_, id)| id).collect()
}

/// One engine's run.
struct Run {
    engine: String,
    latencies: Vec<Duration>,
    /// The result ids of each query, in the engine's order.
    ids: Vec<Vec<i64>>,
    build: Duration,
    memory_bytes: u64,
    /// What `memory_bytes` is.
    memory_how: &'static str,
    /// Details printed under the table.
    notes: Vec<String>,
}

struct Stats {
    n: usize,
    p50: Duration,
    p99: Duration,
    max: Duration,
    /// Queries per second, one at a time: `n / Σ latency`.
    qps: f64,
}

fn stats(latencies: impl Iterator<Item = Duration>) -> Stats {
    let mut v: Vec<Duration> = latencies.collect();
    if v.is_empty() {
        return Stats { n: 0, p50: Duration::ZERO, p99: Duration::ZERO, max: Duration::ZERO, qps: 0.0 };
    }
    v.sort_unstable();
    // nearest rank
    let rank = |p: f64| v[((p * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    let total: Duration = v.iter().sum();
    Stats {
        n: v.len(),
        p50: rank(0.50),
        p99: rank(0.99),
        max: v[v.len() - 1],
        qps: v.len() as f64 / total.as_secs_f64(),
    }
}

fn fmt_latency(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 { format!("{us:.1} µs") } else { format!("{:.2} ms", us / 1000.0) }
}

fn fmt_count(x: f64) -> String {
    let digits = format!("{:.0}", x.max(0.0));
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn fmt_mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// A field of `/proc/self/status` in bytes (`VmHWM`, `VmRSS`), when there is one.
fn proc_status_bytes(field: &str) -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = text.lines().find(|l| l.starts_with(field))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn find(args: &FindArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.queries > 0, "--queries must be at least 1");
    let centers: Vec<(f64, f64)> = lumbar_import::zcta::shipped().iter().map(|c| (c.lat, c.lon)).collect();
    anyhow::ensure!(!centers.is_empty(), "the shipped ZIP centroid table is empty");
    let t = Instant::now();
    let candidates = synthetic_candidates(args.therapists, args.seed, &centers);
    let table = table_of(&candidates)?;
    let queries = make_queries(args.queries, args.seed, &centers);
    eprintln!(
        "generated {} therapists around {} ZIP centroids and {} queries in {:.1} s",
        fmt_count(candidates.len() as f64),
        fmt_count(centers.len() as f64),
        fmt_count(queries.len() as f64),
        t.elapsed().as_secs_f64()
    );

    let mut runs = vec![run_index(candidates, &queries)];
    eprintln!("in-process done");
    if !args.skip_sqlite || args.postgis_url.is_some() {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        if !args.skip_sqlite {
            runs.push(rt.block_on(run_sqlite(&table, &queries)).context("SQLite R*Tree peer")?);
            eprintln!("SQLite done");
        }
        if let Some(url) = &args.postgis_url {
            runs.push(rt.block_on(run_postgis(url, &table, &queries)).context("PostGIS peer")?);
            eprintln!("PostGIS done");
        }
    }
    print_report(args, &queries, &runs);
    Ok(ExitCode::SUCCESS)
}

fn run_index(candidates: Vec<Candidate>, queries: &[BenchQuery]) -> Run {
    let t = Instant::now();
    let index = GeoIndex::build(candidates);
    let build = t.elapsed();
    let qs: Vec<Query> = queries.iter().map(BenchQuery::to_query).collect();
    for q in qs.iter().take(WARM_UP) {
        black_box(index.search(q));
    }
    let mut latencies = Vec::with_capacity(qs.len());
    let mut ids = Vec::with_capacity(qs.len());
    for q in &qs {
        let t = Instant::now();
        let out = index.search(black_box(q));
        let found: Vec<i64> = out.results().iter().map(|r| r.id).collect();
        drop(out);
        latencies.push(t.elapsed());
        ids.push(found);
    }
    Run {
        engine: "lumbar GeoIndex (in-process)".to_owned(),
        latencies,
        ids,
        build,
        memory_bytes: index.memory_bytes() as u64,
        memory_how: "index's own estimate (`GeoIndex::memory_bytes`)",
        notes: vec![format!(
            "build: `GeoIndex::build` of {} candidates, {:.2} s",
            fmt_count(index.len() as f64),
            build.as_secs_f64()
        )],
    }
}

/// An R*Tree search box, degrees.
struct GeoBox {
    lat_min: f64,
    lat_max: f64,
    lon_min: f64,
    lon_max: f64,
}

/// The boxes (two when the circle crosses the antimeridian) holding every point within
/// `radius_miles` of the centre on the sphere: latitude ± the angular radius, longitude ±
/// asin(sin d / cos φ).
fn bounding_boxes(lat: f64, lon: f64, radius_miles: f64) -> Vec<GeoBox> {
    let d = radius_miles / EARTH_RADIUS_MILES;
    let (lat_min, lat_max) = (lat - d.to_degrees(), lat + d.to_degrees());
    if lat_min <= -90.0 || lat_max >= 90.0 {
        return vec![GeoBox {
            lat_min: lat_min.max(-90.0),
            lat_max: lat_max.min(90.0),
            lon_min: -180.0,
            lon_max: 180.0,
        }];
    }
    let lon = (lon + 180.0).rem_euclid(360.0) - 180.0;
    let dlon = (d.sin() / lat.to_radians().cos()).clamp(-1.0, 1.0).asin().to_degrees();
    let (lo, hi) = (lon - dlon, lon + dlon);
    let b = |lon_min, lon_max| GeoBox { lat_min, lat_max, lon_min, lon_max };
    if lo < -180.0 {
        vec![b(lo + 360.0, 180.0), b(-180.0, hi)]
    } else if hi > 180.0 {
        vec![b(lo, 180.0), b(-180.0, hi - 360.0)]
    } else {
        vec![b(lo, hi)]
    }
}

/// The SQLite query for a filter shape: the R*Tree box joined to the attributes, filters in SQL.
fn sqlite_sql(shape: usize) -> Arc<str> {
    let mut sql = String::from(
        "SELECT t.id, t.lat, t.lon FROM t_geo g JOIN t ON t.id = g.id \
         WHERE g.max_lat >= ? AND g.min_lat <= ? AND g.max_lon >= ? AND g.min_lon <= ? AND t.verified = 1",
    );
    if shape & 1 != 0 {
        sql.push_str(" AND (t.styles & ?) != 0");
    }
    if shape & 2 != 0 {
        sql.push_str(" AND (t.langs & ?) != 0");
    }
    if shape & 4 != 0 {
        sql.push_str(" AND (t.price_min IS NULL OR t.price_min <= ?)");
    }
    sql.into()
}

fn sqlite_insert_sql(rows: usize) -> Arc<str> {
    let mut sql = String::from("INSERT INTO t (id, lat, lon, verified, styles, langs, price_min) VALUES ");
    for i in 0..rows {
        sql.push_str(if i == 0 { "(?,?,?,?,?,?,?)" } else { ",(?,?,?,?,?,?,?)" });
    }
    sql.into()
}

async fn run_sqlite(table: &Table, queries: &[BenchQuery]) -> anyhow::Result<Run> {
    let mut conn: SqliteConnection =
        SqliteConnectOptions::from_str("sqlite::memory:")?.row_buffer_size(SQLITE_ROW_BUFFER).connect().await?;
    let version: String = sqlx::query_scalar("SELECT sqlite_version()").fetch_one(&mut conn).await?;
    sqlx::raw_sql(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, lat REAL NOT NULL, lon REAL NOT NULL, verified INTEGER NOT NULL, \
         styles INTEGER NOT NULL, langs INTEGER NOT NULL, price_min INTEGER); \
         CREATE VIRTUAL TABLE t_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);",
    )
    .execute(&mut conn)
    .await?;

    let t = Instant::now();
    let mut tx = conn.begin().await?;
    let full = sqlite_insert_sql(SQLITE_BATCH);
    for chunk in table.rows.chunks(SQLITE_BATCH) {
        let sql = if chunk.len() == SQLITE_BATCH { full.clone() } else { sqlite_insert_sql(chunk.len()) };
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for r in chunk {
            q = q.bind(r.id).bind(r.lat).bind(r.lon).bind(r.verified).bind(r.styles).bind(r.langs).bind(r.price_min);
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    let load = t.elapsed();
    let t = Instant::now();
    sqlx::raw_sql("INSERT INTO t_geo (id, min_lat, max_lat, min_lon, max_lon) SELECT id, lat, lat, lon, lon FROM t")
        .execute(&mut conn)
        .await?;
    let rtree = t.elapsed();
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count").fetch_one(&mut conn).await?;
    let page_size: i64 = sqlx::query_scalar("PRAGMA page_size").fetch_one(&mut conn).await?;

    let sqls: Vec<Arc<str>> = (0..8).map(sqlite_sql).collect();
    for q in queries.iter().take(WARM_UP) {
        black_box(sqlite_query(&mut conn, &sqls, &table.languages, q).await?);
    }
    let mut latencies = Vec::with_capacity(queries.len());
    let mut ids = Vec::with_capacity(queries.len());
    let mut fetched = 0usize;
    for q in queries {
        let t = Instant::now();
        let (found, rows) = sqlite_query(&mut conn, &sqls, &table.languages, q).await?;
        latencies.push(t.elapsed());
        ids.push(found);
        fetched += rows;
    }
    conn.close().await?;
    Ok(Run {
        engine: "SQLite R*Tree (sqlx, in-memory)".to_owned(),
        latencies,
        ids,
        build: load + rtree,
        memory_bytes: (pages * page_size) as u64,
        memory_how: "database size (`page_count × page_size`, attribute table + R*Tree)",
        notes: vec![
            format!(
                "SQLite {version} (bundled with sqlx): load {:.2} s (multi-row INSERTs, one transaction) \
                 + R*Tree build {:.2} s",
                load.as_secs_f64(),
                rtree.as_secs_f64()
            ),
            format!(
                "rows fetched from the bounding box per query, mean {:.0} (haversine, order and top 20 in Rust)",
                fetched as f64 / queries.len() as f64
            ),
        ],
    })
}

/// One SQLite query: the ids of the 20 nearest, and how many rows the box gave.
async fn sqlite_query(
    conn: &mut SqliteConnection,
    sqls: &[Arc<str>],
    languages: &[String],
    q: &BenchQuery,
) -> anyhow::Result<(Vec<i64>, usize)> {
    let mut found: Vec<(f64, i64)> = Vec::new();
    let mut rows = 0;
    for b in bounding_boxes(q.lat, q.lon, q.radius_miles + BOX_SLACK_MILES) {
        let mut query = sqlx::query_as::<_, (i64, f64, f64)>(AssertSqlSafe(sqls[q.shape()].clone()))
            .bind(b.lat_min)
            .bind(b.lat_max)
            .bind(b.lon_min)
            .bind(b.lon_max);
        if let Some(s) = q.style {
            query = query.bind(style_bit(s));
        }
        if let Some(l) = q.language {
            query = query.bind(language_mask(languages, l));
        }
        if let Some(p) = q.max_price_usd {
            query = query.bind(i64::from(p));
        }
        let fetched = query.fetch_all(&mut *conn).await?;
        rows += fetched.len();
        for (id, lat, lon) in fetched {
            let d = haversine_miles(q.lat, q.lon, lat, lon);
            if round2(d) <= q.radius_miles {
                found.push((d, id));
            }
        }
    }
    Ok((top_ids(found), rows))
}

/// The PostGIS query for a filter shape. `$1` longitude, `$2` latitude, `$3` radius in metres;
/// sphere distances (`use_spheroid = false`), the same Earth model as the haversine.
fn postgis_sql(shape: usize) -> Arc<str> {
    const POINT: &str = "ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography";
    let mut sql = format!(
        "SELECT id, ST_Distance(geog, {POINT}, false) FROM {PG_TABLE} \
         WHERE ST_DWithin(geog, {POINT}, $3, false) AND verified"
    );
    let mut n = 3;
    let mut next = || {
        n += 1;
        n
    };
    if shape & 1 != 0 {
        let _ = write!(sql, " AND (styles & ${}) <> 0", next());
    }
    if shape & 2 != 0 {
        let _ = write!(sql, " AND (langs & ${}) <> 0", next());
    }
    if shape & 4 != 0 {
        let _ = write!(sql, " AND (price_min IS NULL OR price_min <= ${})", next());
    }
    let _ = write!(sql, " ORDER BY geog <-> {POINT} LIMIT {LIMIT}");
    sql.into()
}

fn postgis_bind<'q>(
    sql: &Arc<str>,
    languages: &[String],
    q: &BenchQuery,
) -> sqlx::query::QueryAs<'q, sqlx::Postgres, (i64, f64), sqlx::postgres::PgArguments> {
    let mut query = sqlx::query_as::<_, (i64, f64)>(AssertSqlSafe(sql.clone()))
        .bind(q.lon)
        .bind(q.lat)
        .bind(q.radius_miles * METERS_PER_MILE);
    if let Some(s) = q.style {
        query = query.bind(style_bit(s));
    }
    if let Some(l) = q.language {
        query = query.bind(language_mask(languages, l));
    }
    if let Some(p) = q.max_price_usd {
        query = query.bind(i32::try_from(p).unwrap_or(i32::MAX));
    }
    query
}

async fn run_postgis(url: &str, table: &Table, queries: &[BenchQuery]) -> anyhow::Result<Run> {
    let mut conn = PgConnection::connect(url).await.with_context(|| format!("cannot connect to {url}"))?;
    sqlx::raw_sql("CREATE EXTENSION IF NOT EXISTS postgis").execute(&mut conn).await?;
    let versions: (String, String) =
        sqlx::query_as("SELECT current_setting('server_version'), postgis_lib_version()").fetch_one(&mut conn).await?;
    sqlx::raw_sql(AssertSqlSafe(format!(
        "DROP TABLE IF EXISTS {PG_TABLE}; \
         CREATE TABLE {PG_TABLE} (id bigint NOT NULL, geog geography(Point, 4326) NOT NULL, \
         verified boolean NOT NULL, styles integer NOT NULL, langs bigint NOT NULL, price_min integer)"
    )))
    .execute(&mut conn)
    .await?;

    let t = Instant::now();
    let mut copy =
        conn.copy_in_raw(&format!("COPY {PG_TABLE} (id, geog, verified, styles, langs, price_min) FROM STDIN")).await?;
    let mut buf: Vec<u8> = Vec::with_capacity((1 << 20) + 256);
    for r in &table.rows {
        write!(
            buf,
            "{}\tSRID=4326;POINT({} {})\t{}\t{}\t{}\t",
            r.id,
            r.lon,
            r.lat,
            if r.verified { 't' } else { 'f' },
            r.styles,
            r.langs
        )?;
        match r.price_min {
            Some(p) => writeln!(buf, "{p}")?,
            None => buf.extend_from_slice(b"\\N\n"),
        }
        if buf.len() >= 1 << 20 {
            copy.send(buf.as_slice()).await?;
            buf.clear();
        }
    }
    if !buf.is_empty() {
        copy.send(buf.as_slice()).await?;
    }
    copy.finish().await?;
    let load = t.elapsed();
    let t = Instant::now();
    sqlx::raw_sql(AssertSqlSafe(format!("CREATE INDEX {PG_TABLE}_geog ON {PG_TABLE} USING GIST (geog)")))
        .execute(&mut conn)
        .await?;
    let index = t.elapsed();
    let t = Instant::now();
    sqlx::raw_sql(AssertSqlSafe(format!("VACUUM ANALYZE {PG_TABLE}"))).execute(&mut conn).await?;
    let analyze = t.elapsed();
    let sizes: (i64, i64) = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT pg_total_relation_size('{PG_TABLE}'), pg_relation_size('{PG_TABLE}_geog')"
    )))
    .fetch_one(&mut conn)
    .await?;

    let sqls: Vec<Arc<str>> = (0..8).map(postgis_sql).collect();
    // The plans, for the record: the first query without and the first with filters.
    for q in [queries.iter().find(|q| !q.filtered()), queries.iter().find(|q| q.filtered())].into_iter().flatten() {
        let explain: Arc<str> = format!("EXPLAIN (ANALYZE, BUFFERS) {}", sqls[q.shape()]).into();
        let mut query = sqlx::query_scalar::<_, String>(AssertSqlSafe(explain))
            .bind(q.lon)
            .bind(q.lat)
            .bind(q.radius_miles * METERS_PER_MILE);
        if let Some(s) = q.style {
            query = query.bind(style_bit(s));
        }
        if let Some(l) = q.language {
            query = query.bind(language_mask(&table.languages, l));
        }
        if let Some(p) = q.max_price_usd {
            query = query.bind(i32::try_from(p).unwrap_or(i32::MAX));
        }
        match query.fetch_all(&mut conn).await {
            Ok(lines) => eprintln!("PostGIS plan ({}):\n  {}", sqls[q.shape()], lines.join("\n  ")),
            Err(e) => eprintln!("PostGIS plan: EXPLAIN failed: {e}"),
        }
    }

    for q in queries.iter().take(WARM_UP) {
        black_box(postgis_bind(&sqls[q.shape()], &table.languages, q).fetch_all(&mut conn).await?);
    }
    let mut latencies = Vec::with_capacity(queries.len());
    let mut ids = Vec::with_capacity(queries.len());
    for q in queries {
        let t = Instant::now();
        let rows = postgis_bind(&sqls[q.shape()], &table.languages, q).fetch_all(&mut conn).await?;
        let found: Vec<i64> = rows.into_iter().map(|(id, _)| id).collect();
        latencies.push(t.elapsed());
        ids.push(found);
    }
    conn.close().await?;
    Ok(Run {
        engine: "PostGIS (GiST, ST_DWithin + <->)".to_owned(),
        latencies,
        ids,
        build: load + index + analyze,
        memory_bytes: sizes.0 as u64,
        memory_how: "`pg_total_relation_size` (heap + GiST index)",
        notes: vec![
            format!(
                "PostgreSQL {} + PostGIS {}: COPY {:.2} s + GiST index {:.2} s ({}) + VACUUM ANALYZE {:.2} s",
                versions.0,
                versions.1,
                load.as_secs_f64(),
                index.as_secs_f64(),
                fmt_mib(sizes.1 as u64),
                analyze.as_secs_f64()
            ),
            "queries are prepared statements with bound parameters over one connection (Unix socket); \
             the server backend runs in its own process"
                .to_owned(),
        ],
    })
}

/// For how many of the queries `counted` accepts two engines returned the same set of ids.
fn agreement(a: &Run, b: &Run, counted: impl Fn(usize) -> bool) -> (usize, usize) {
    let mut same = 0;
    let mut total = 0;
    for (i, (x, y)) in a.ids.iter().zip(&b.ids).enumerate() {
        if !counted(i) {
            continue;
        }
        total += 1;
        let mut x = x.clone();
        let mut y = y.clone();
        x.sort_unstable();
        y.sort_unstable();
        same += usize::from(x == y);
    }
    (same, total)
}

fn print_report(args: &FindArgs, queries: &[BenchQuery], runs: &[Run]) {
    let filtered = queries.iter().filter(|q| q.filtered()).count();
    println!(
        "geo search benchmark — {} synthetic therapists around the shipped ZIP centroids (seed {}), {} queries \
         ({} without filters, {} with), radius 10–50 miles, top {LIMIT}, one query at a time",
        fmt_count(args.therapists as f64),
        args.seed,
        fmt_count(queries.len() as f64),
        fmt_count((queries.len() - filtered) as f64),
        fmt_count(filtered as f64)
    );
    println!();
    println!("| engine | queries | p50 | p99 | max | queries/s | build/load | memory |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for r in runs {
        let parts: [(&str, Stats); 3] = [
            ("all", stats(r.latencies.iter().copied())),
            ("no filters", stats(r.latencies.iter().zip(queries).filter(|(_, q)| !q.filtered()).map(|(d, _)| *d))),
            ("with filters", stats(r.latencies.iter().zip(queries).filter(|(_, q)| q.filtered()).map(|(d, _)| *d))),
        ];
        for (i, (label, s)) in parts.iter().enumerate() {
            let (engine, build, memory) = if i == 0 {
                (r.engine.as_str(), format!("{:.2} s", r.build.as_secs_f64()), fmt_mib(r.memory_bytes))
            } else {
                ("", String::new(), String::new())
            };
            println!(
                "| {engine} | {label} ({}) | {} | {} | {} | {} | {build} | {memory} |",
                fmt_count(s.n as f64),
                fmt_latency(s.p50),
                fmt_latency(s.p99),
                fmt_latency(s.max),
                fmt_count(s.qps)
            );
        }
    }
    println!();
    println!(
        "Latency: wall time per query, from the call to the {LIMIT} result ids in hand, after a warm-up of the \
         first {} queries. queries/s = queries ÷ the sum of their latencies (one at a time, one client thread).",
        fmt_count(WARM_UP.min(queries.len()) as f64)
    );
    println!(
        "Not the same work: the in-process search does the full ranking (score, safety groups, why-lines and \
         labels for each result); the SQL peers return the {LIMIT} nearest matching ids by distance only. \
         SQLite: R*Tree bounding box and filters in SQL, exact haversine, ordering and top {LIMIT} in Rust. \
         PostGIS: ST_DWithin + ORDER BY <-> with the filters in SQL, sphere distances."
    );
    for r in runs {
        println!();
        println!("- {}: memory = {}.", r.engine, r.memory_how);
        let hits: usize = r.ids.iter().map(Vec::len).sum();
        println!("  - results per query, mean {:.1}", hits as f64 / r.ids.len().max(1) as f64);
        for n in &r.notes {
            println!("  - {n}");
        }
    }
    if let Some(peak) = proc_status_bytes("VmHWM:") {
        println!("- peak RSS of the benchmark process: {}", fmt_mib(peak));
    }

    // Checks: the SQL peers answer "nearest 20", the index "best 20": they must agree whenever
    // fewer than 20 matched (then both list everything in the circle).
    println!();
    let index = &runs[0];
    for peer in &runs[1..] {
        let (same, total) = agreement(index, peer, |i| peer.ids[i].len() < LIMIT);
        println!(
            "Check, {} vs the index: same ids on {same} of the {total} queries with fewer than {LIMIT} matches",
            peer.engine
        );
    }
    if runs.len() == 3 {
        let (same, total) = agreement(&runs[1], &runs[2], |_| true);
        println!("Check, SQLite vs PostGIS: same {LIMIT} nearest ids on {same} of {total} queries");
    }

    // Targets (issue #4): p99 under 1 ms in-process, at least 10× faster than PostGIS.
    let ours = stats(index.latencies.iter().copied());
    println!();
    println!(
        "Target p99 < 1 ms in-process: {} (p99 {}).",
        if ours.p99 < Duration::from_millis(1) { "met" } else { "NOT met" },
        fmt_latency(ours.p99)
    );
    if let Some(pg) = runs.iter().find(|r| r.engine.starts_with("PostGIS")) {
        let theirs = stats(pg.latencies.iter().copied());
        let speedup = ours.qps / theirs.qps;
        println!(
            "Target ≥ 10× PostGIS: {} (queries/s {:.0}×, p50 {:.0}×, p99 {:.0}×).",
            if speedup >= 10.0 { "met" } else { "NOT met" },
            speedup,
            theirs.p50.as_secs_f64() / ours.p50.as_secs_f64(),
            theirs.p99.as_secs_f64() / ours.p99.as_secs_f64()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// lumbar bench journal-fixture, lumbar bench password

fn journal_fixture(db: &str, sessions: usize, days_apart: i64) -> anyhow::Result<ExitCode> {
    use lumbar_store::prelude::*;
    let rs = Ruleset::shipped()?;
    let doc: Value = serde_json::from_str(VIGNETTES)?;
    let answers = doc["vignettes"]
        .as_array()
        .and_then(|a| a.iter().find(|v| v["id"] == "A29"))
        .map(|v| v["answers"].clone())
        .context("public vignette A29")?;
    let assessment = rs.assess(&Answers::from_json(&answers)?);
    let rt = crate::db::runtime()?;
    rt.block_on(async {
        let store = crate::db::open(db).await?;
        let now = "2026-06-01T12:00:00Z";
        let hash = lumbar_web::accounts::password::hash_blocking("bench-password-123");
        let user = match store.create_user("bench@example.org", &hash, lumbar_store::Role::Person, now).await? {
            Some(u) => u,
            None => anyhow::bail!("bench@example.org exists already: use a fresh database"),
        };
        let check_doc = serde_json::json!({
            "schema": "lumbar.saved_check/1",
            "answers": answers,
            "assessment": serde_json::to_value(&assessment)?,
            "ruleset_version": rs.version,
            "date": "2026-06-01",
        });
        let check = store.save_check(user, now, &check_doc).await?;
        let plan_doc = serde_json::json!({
            "schema": "lumbar.plan/1",
            "baseline": {"date": "2026-06-01", "pain_average_week": 6},
        });
        let plan = store.start_plan(user, check, now, &plan_doc).await?.context("the plan")?;
        let start = lumbar_core::directory::Date::parse("2026-06-02").context("date")?;
        for i in 0..sessions {
            let date =
                lumbar_core::directory::Date::from_days_since_epoch(start.days_since_epoch() + i as i64 * days_apart);
            // from 6 down to about 3 over the plan: an improvement the rule calls meaningful
            let pain = 6 - (i * 4 / sessions.max(1)).min(3) as u8;
            let entry = serde_json::json!({
                "schema": "lumbar.journal_entry/1",
                "kind": "session",
                "date": date.to_string(),
                "pain_average_week": pain,
                "pain_before": pain,
                "pain_after": pain.saturating_sub(2),
                "new_warning_sign": false,
                "therapist_name": "A therapist",
                "style": "swedish",
                "pressure": "medium",
                "notes": "felt looser afterwards",
            });
            store.add_entry(user, plan, now, &entry).await?;
        }
        let token = lumbar_web::accounts::tokens::new_secret(32);
        store.create_session(&lumbar_web::accounts::tokens::hash("session", &token), user, 0, i64::MAX / 2).await?;
        println!("{}", serde_json::json!({"cookie": format!("lumbar_session={token}"), "plan": plan}));
        Ok(ExitCode::SUCCESS)
    })
}

fn password(budget: Duration) -> anyhow::Result<ExitCode> {
    use argon2::password_hash::PasswordHasher;
    use argon2::{Algorithm, Argon2, Params, Version};
    let threads = std::thread::available_parallelism().map(usize::from).unwrap_or(1);
    let rate = |m_kib: u32, t: u32, threads: usize| -> f64 {
        let start = Instant::now();
        let done: usize = std::thread::scope(|s| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    s.spawn(move || {
                        let params = Params::new(m_kib, t, 1, None).expect("valid parameters");
                        let a = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
                        let mut n = 0;
                        while start.elapsed() < budget {
                            black_box(a.hash_password(b"correct horse battery staple").expect("hash"));
                            n += 1;
                        }
                        n
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
        });
        done as f64 / start.elapsed().as_secs_f64()
    };
    println!("argon2id hashes per second ({threads} threads available, {:.1} s per measurement)", budget.as_secs_f64());
    println!("| parameters | 1 thread | {threads} threads | one hash (1 thread) |");
    println!("|---|---:|---:|---:|");
    for (label, m, t) in [
        ("lumbar: m=19 MiB, t=2, p=1 (OWASP minimum)", 19 * 1024, 2),
        ("peer: m=46 MiB, t=1, p=1 (OWASP)", 46 * 1024, 1),
        ("peer: m=12 MiB, t=3, p=1 (OWASP)", 12 * 1024, 3),
    ] {
        let one = rate(m, t, 1);
        let all = rate(m, t, threads);
        println!("| {label} | {one:.1} | {all:.1} | {:.1} ms |", 1000.0 / one);
    }
    Ok(ExitCode::SUCCESS)
}
