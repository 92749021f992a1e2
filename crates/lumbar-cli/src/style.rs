//! Terminal styling: ANSI colour only on a terminal and never when `NO_COLOR` is set.

use std::io::IsTerminal;

/// Whether to colour output written to stdout.
pub fn color_stdout() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A tiny painter that is a no-op when colour is off.
#[derive(Clone, Copy)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        if self.on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() }
    }
    pub fn bold(self, t: &str) -> String {
        self.wrap("1", t)
    }
    pub fn dim(self, t: &str) -> String {
        self.wrap("2", t)
    }
    pub fn red(self, t: &str) -> String {
        self.wrap("1;31", t)
    }
    pub fn yellow(self, t: &str) -> String {
        self.wrap("1;33", t)
    }
    pub fn green(self, t: &str) -> String {
        self.wrap("1;32", t)
    }
    pub fn cyan(self, t: &str) -> String {
        self.wrap("36", t)
    }
}
