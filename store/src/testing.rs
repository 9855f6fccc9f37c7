//! For the project's own tests (not part of the API): a fresh database on the PostgreSQL
//! server the tests were given, so each test has a ledger of its own.

/// A fresh, empty database named `chiso_<prefix>_<process>` on the server named by
/// `CHISO_TEST_POSTGRES` (`make test` starts one with `store/scripts/postgres-server`), and its
/// URL; `None` when no server is named and `CHISO_REQUIRE_POSTGRES` is not set.
///
/// # Panics
/// When `CHISO_REQUIRE_POSTGRES` is set but no server is named, or the server refuses: a
/// test that must run against PostgreSQL fails rather than passing without it.
#[allow(clippy::expect_used, clippy::print_stderr)] // a test fixture: failing loudly is its job
pub fn fresh_postgres(prefix: &str) -> Option<String> {
    let Ok(base) = std::env::var("CHISO_TEST_POSTGRES") else {
        assert!(
            std::env::var("CHISO_REQUIRE_POSTGRES").is_err(),
            "CHISO_REQUIRE_POSTGRES is set but CHISO_TEST_POSTGRES names no server"
        );
        eprintln!("PostgreSQL cases skipped: CHISO_TEST_POSTGRES is not set");
        return None;
    };
    let database = format!("chiso_{prefix}_{}", std::process::id());
    let mut client =
        postgres::Client::connect(&base, postgres::NoTls).expect("the test server answers");
    // One statement at a time: a database is never created inside a transaction block.
    for statement in [
        format!("DROP DATABASE IF EXISTS {database}"),
        format!("CREATE DATABASE {database}"),
    ] {
        client
            .batch_execute(&statement)
            .expect("a database for the test");
    }
    let server = base
        .rsplit_once('/')
        .map_or(base.as_str(), |(server, _)| server);
    Some(format!("{server}/{database}"))
}
