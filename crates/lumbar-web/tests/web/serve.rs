//! `serve` on a real socket (port 0) with graceful shutdown.

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::{config, ruleset};

#[tokio::test]
async fn serves_on_a_socket_and_shuts_down() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("{e}"));
    let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(lumbar_web::serve_with_shutdown(
        listener,
        lumbar_web::AppState::new(ruleset(), config()),
        async move {
            let _ = stopped.await;
        },
    ));
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap_or_else(|e| panic!("{e}"));
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"status\":\"ok\""));
    let _ = stop.send(());
    let result = server.await.unwrap_or_else(|e| panic!("{e}"));
    assert!(result.is_ok());
}
