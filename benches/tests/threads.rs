//! The engine spreads its work over the cores (each unit's values and quality, the peer
//! groups' sensitivity reruns, the import's row hashes) and promises the same bytes however
//! many there are. Checked on the smallest national data set (one commune a province, about
//! 63,000 rows), imported and evaluated on a pool of one thread and on a pool of three.

#![allow(clippy::expect_used)] // tests: a failed expectation is a failed test

use chiso::evaluation::Scheme;
use chiso::ledger::{Approval, Ledger};
use chiso::{Catalogue, Reporting};
use chiso_benches::national::{AS_OF, QUARTER, national};

/// The ledger's head and the evaluation's JSON, on a pool of `threads` threads.
fn run(threads: usize, data: &chiso_benches::national::National) -> (String, String) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    pool.install(|| {
        assert_eq!(rayon::current_num_threads(), threads);
        let catalogue = Catalogue::from_json(&data.catalogue).expect("the generated catalogue");
        let reporting = Reporting::from_json(catalogue, &data.org, &data.assignments, None)
            .expect("the generated set-up");
        let as_of = AS_OF.parse().expect("a time");
        let approval = Approval {
            by: "chiso".to_owned(),
            at: as_of,
        };
        let mut ledger = Ledger::default();
        ledger
            .import(data.observations.clone(), Some(&approval))
            .expect("the generated rows");
        let evaluation = reporting
            .evaluate(
                &ledger,
                QUARTER.parse().expect("a quarter"),
                as_of,
                &Scheme::default(),
            )
            .expect("an evaluation");
        (ledger.head().to_owned(), chiso::to_json(&evaluation))
    })
}

#[test]
fn one_thread_or_three_give_the_same_ledger_and_the_same_evaluation() {
    let data = national(1, 57);
    assert!(
        data.observations.len() > 50_000,
        "the smallest national set"
    );
    let (head_one, one) = run(1, &data);
    let (head_three, three) = run(3, &data);
    assert_eq!(head_one, head_three);
    // The evaluation ranks units, names gaps and reruns the sensitivity analysis: not empty.
    assert!(one.contains("\"rankings\"") && one.contains("\"gaps\""));
    assert!(one.contains("\"sensitivity\""), "the reruns ran");
    assert!(
        one == three,
        "the evaluation differs between one thread and three"
    );
}
