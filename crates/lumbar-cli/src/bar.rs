//! A progress bar for long imports: bytes, rows/s and ETA on a terminal; nothing otherwise.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use lumbar_directory::pipeline::Progress;

/// The bar (hidden when stderr is not a terminal).
pub struct Bar(ProgressBar);

impl Bar {
    pub fn new() -> Bar {
        if !std::io::stderr().is_terminal() {
            return Bar(ProgressBar::hidden());
        }
        let bar = ProgressBar::new(0);
        let style = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({binary_bytes_per_sec}, ETA {eta}) {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Bar(bar)
    }

    pub fn update(&mut self, p: Progress) {
        if let Some(total) = p.total_bytes {
            self.0.set_length(total);
        }
        self.0.set_position(p.bytes_read);
        let secs = self.0.elapsed().as_secs_f64().max(0.001);
        self.0.set_message(format!("{} rows, {:.0} rows/s", p.rows, p.rows as f64 / secs));
    }

    pub fn finish(self) {
        self.0.finish_and_clear();
    }
}
