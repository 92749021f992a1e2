//! Mail: password-reset links (and, later, claim codes). With `LUMBAR_SMTP_URL`
//! (`smtp://[user:password@]host[:port]`, plain SMTP to a relay you run, such as a local
//! Postfix that does TLS onwards: lumbar links no TLS stack) each mail goes out through
//! SMTP; without it, into the outbox table, which the operator reads with
//! `lumbar mail outbox` (the embedded default). A mail never carries health data.

use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport};
use lumbar_store::Store;

/// Where mail goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mailer {
    /// The outbox table (`lumbar mail outbox`).
    Outbox,
    /// An SMTP relay.
    Smtp {
        /// Host name or address.
        host: String,
        /// Port (default 25).
        port: u16,
        /// User and password, when the relay asks for them.
        credentials: Option<(String, String)>,
    },
}

/// Why a mail was not sent. Never carries the body.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// `LUMBAR_SMTP_URL` cannot be used.
    #[error("LUMBAR_SMTP_URL: {0} (write smtp://[user:password@]host[:port], e.g. smtp://localhost:25)")]
    BadUrl(String),
    /// An address or header cannot be used.
    #[error("the mail could not be built: {0}")]
    Build(String),
    /// The relay refused or could not be reached.
    #[error("the mail relay: {0}")]
    Send(String),
    /// The outbox could not be written.
    #[error("the outbox: {0}")]
    Store(#[from] lumbar_store::StoreError),
}

/// Seconds an SMTP conversation may take.
pub const SMTP_TIMEOUT_SECS: u64 = 10;

/// The sender address of lumbar's mail (`LUMBAR_MAIL_FROM`, default below).
pub const DEFAULT_FROM: &str = "lumbar <no-reply@lumbar.invalid>";

impl Mailer {
    /// The mailer for `LUMBAR_SMTP_URL` (`None`: the outbox).
    pub fn from_url(url: Option<&str>) -> Result<Mailer, MailError> {
        let Some(url) = url.map(str::trim).filter(|u| !u.is_empty()) else { return Ok(Mailer::Outbox) };
        let rest = url.strip_prefix("smtp://").ok_or_else(|| MailError::BadUrl("must start with smtp://".into()))?;
        let rest = rest.trim_end_matches('/');
        let (credentials, server) = match rest.rsplit_once('@') {
            Some((auth, server)) => {
                let (user, password) = auth.split_once(':').unwrap_or((auth, ""));
                (Some((decode(user), decode(password))), server)
            }
            None => (None, rest),
        };
        let (host, port) = match server.rsplit_once(':') {
            Some((h, p)) => (h, p.parse().map_err(|_| MailError::BadUrl("the port is not a number".into()))?),
            None => (server, 25),
        };
        if host.is_empty() {
            return Err(MailError::BadUrl("no host".into()));
        }
        Ok(Mailer::Smtp { host: host.to_owned(), port, credentials })
    }

    /// Sends one plain-text mail (or puts it in the outbox).
    pub async fn send(
        &self,
        store: &dyn Store,
        from: &str,
        to: &str,
        subject: &str,
        body: &str,
        now: &str,
    ) -> Result<(), MailError> {
        match self {
            Mailer::Outbox => {
                store.queue_mail(to, subject, body, now).await?;
                Ok(())
            }
            Mailer::Smtp { host, port, credentials } => {
                let from: Mailbox = from.parse().map_err(|e| MailError::Build(format!("sender: {e}")))?;
                let to: Mailbox = to.parse().map_err(|e| MailError::Build(format!("recipient: {e}")))?;
                let message = Message::builder()
                    .from(from)
                    .to(to)
                    .subject(subject)
                    .body(body.to_owned())
                    .map_err(|e| MailError::Build(e.to_string()))?;
                // A relay that does not answer must not hold a worker for lettre's default
                // minute: give up well within the request timeout.
                let mut builder = SmtpTransport::builder_dangerous(host.as_str())
                    .port(*port)
                    .timeout(Some(std::time::Duration::from_secs(SMTP_TIMEOUT_SECS)));
                if let Some((user, password)) = credentials {
                    builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
                }
                let transport = builder.build();
                tokio::task::spawn_blocking(move || transport.send(&message))
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?
                    .map(|_| ())
                    .map_err(|e| MailError::Send(e.to_string()))
            }
        }
    }
}

/// Percent-decoding of the user and password in the URL.
fn decode(s: &str) -> String {
    form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_smtp_urls() {
        assert_eq!(Mailer::from_url(None).ok(), Some(Mailer::Outbox));
        assert_eq!(Mailer::from_url(Some(" ")).ok(), Some(Mailer::Outbox));
        assert_eq!(
            Mailer::from_url(Some("smtp://127.0.0.1:2525")).ok(),
            Some(Mailer::Smtp { host: "127.0.0.1".into(), port: 2525, credentials: None })
        );
        assert_eq!(
            Mailer::from_url(Some("smtp://ops:p%40ss@mail.example.org")).ok(),
            Some(Mailer::Smtp {
                host: "mail.example.org".into(),
                port: 25,
                credentials: Some(("ops".into(), "p@ss".into()))
            })
        );
        assert!(matches!(Mailer::from_url(Some("smtps://x")), Err(MailError::BadUrl(_))));
        assert!(matches!(Mailer::from_url(Some("smtp://host:nope")), Err(MailError::BadUrl(_))));
    }
}
