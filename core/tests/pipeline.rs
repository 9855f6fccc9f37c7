//! The evaluation pipeline end to end (`Reporting::evaluate`) on small worlds whose every
//! number is worked out by hand beside it, and its properties under proptest: the order
//! entries arrive in never changes scores or ranks, and raising a unit's achievement never
//! lowers its score or rank.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::evaluation::{Evaluation, MissingPolicy, Origin, ProgressStatus, Scheme};
use chiso::ledger::{Action, Ledger};
use chiso::{Catalogue, Reporting, Value};
use proptest::prelude::*;
use serde_json::{Value as Json, json};

/// Provinces P1–P3 ranked as one peer group, each assigned C01 (sandboxes in operation,
/// ≥ 1 in 2026 and ≥ 3 by 2030 for each unit) and B05 (share of end-to-end online services,
/// ≥ 85 % in 2026, ≥ 90 % by 2030) from 2026-Q1; OLD1 and OLD2 were merged into M, which is
/// assigned C01 too.
fn reporting(provinces: &[&str]) -> Reporting {
    reporting_with(Catalogue::nq57(), provinces).unwrap()
}

/// [`reporting`] under another catalogue.
fn reporting_with(catalogue: Catalogue, provinces: &[&str]) -> Result<Reporting, chiso::Error> {
    let mut units = vec![
        json!({"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"}),
    ];
    for p in provinces {
        units.push(json!({"id": p, "name": {"vi": format!("Tỉnh {p}"), "en": format!("Province {p}")}, "kind": "province", "parent": "BCD"}));
    }
    for old in ["OLD1", "OLD2"] {
        units.push(
            json!({"id": old, "name": {"vi": old, "en": old}, "kind": "province", "parent": "BCD"}),
        );
    }
    units.push(json!({"id": "M", "name": {"vi": "Tỉnh M", "en": "M"}, "kind": "province", "parent": "BCD", "merged_from": ["OLD1", "OLD2"]}));
    let org = json!({"units": units, "peer_groups": [{"id": "tinh", "name": {"vi": "Các tỉnh", "en": "Provinces"}, "members": provinces}]});
    let mut assignments = Vec::new();
    for p in provinces {
        for item in ["C01", "B05"] {
            assignments.push(json!({"unit": p, "item": item, "role": "lead", "focal_officer": "can_bo", "from": "2026-Q1", "assigned_by": "BCD"}));
        }
    }
    for u in ["OLD1", "OLD2", "M"] {
        assignments.push(json!({"unit": u, "item": "C01", "role": "lead", "focal_officer": "can_bo", "from": "2026-Q1", "assigned_by": "BCD"}));
    }
    Reporting::from_json(
        catalogue,
        &org.to_string(),
        &Json::Array(assignments).to_string(),
        Some(r#"{"calendar": {"kind": "calendar"}, "due_working_days": 5}"#),
    )
}

/// Submits and approves a number.
fn report(ledger: &mut Ledger, unit: &str, item: &str, period: &str, value: &str) {
    let submission = serde_json::from_value(json!({
        "unit": unit, "item": item, "period": period, "value": {"number": value},
        "source": {"kind": "form"},
        "evidence": [{"file_name": "bao_cao.pdf", "sha256": "ab".repeat(32), "size": 2048, "media_type": "application/pdf"}],
        "submitted_by": "can_bo", "submitted_at": "2026-07-03T09:00:00"
    }))
    .unwrap();
    let revision = ledger
        .append(Action::Submit { submission })
        .unwrap()
        .sequence;
    ledger
        .append(Action::Approve {
            revision,
            by: "lanh_dao".into(),
            at: "2026-07-08T10:00:00".parse().unwrap(),
        })
        .unwrap();
}

/// B05 as its two inputs: `part` end-to-end services of 100 eligible procedures.
fn b05(ledger: &mut Ledger, unit: &str, period: &str, part: &str) {
    report(ledger, unit, "tthc_du_dieu_kien", period, "100");
    report(ledger, unit, "dvc_toan_trinh", period, part);
}

/// Q1: P1 has no sandbox and 68 %; P2 and P3 one sandbox and 90 %. Q2: P1 one sandbox and
/// 68 %; P2 none and 90 %; P3 90 % and no C01 report.
fn ledger() -> Ledger {
    ledger_with_p2_q2("90")
}

/// [`ledger`] with P2's Q2 end-to-end services at `part` of 100.
fn ledger_with_p2_q2(part: &str) -> Ledger {
    let p2 = part;
    let mut l = Ledger::default();
    for (unit, c01, part) in [("P1", "0", "68"), ("P2", "1", "90"), ("P3", "1", "90")] {
        report(&mut l, unit, "sandbox_van_hanh", "2026-Q1", c01);
        b05(&mut l, unit, "2026-Q1", part);
    }
    for (unit, c01, part) in [
        ("P1", Some("1"), "68"),
        ("P2", Some("0"), p2),
        ("P3", None, "90"),
    ] {
        if let Some(c01) = c01 {
            report(&mut l, unit, "sandbox_van_hanh", "2026-Q2", c01);
        }
        b05(&mut l, unit, "2026-Q2", part);
    }
    // The merged province's predecessors reported C01 in Q1: 2 and 4.
    report(&mut l, "OLD1", "sandbox_van_hanh", "2026-Q1", "2");
    report(&mut l, "OLD2", "sandbox_van_hanh", "2026-Q1", "4");
    l
}

fn evaluate(scheme: &Scheme) -> Evaluation {
    reporting(&["P1", "P2", "P3"])
        .evaluate(
            &ledger(),
            "2026-Q2".parse().unwrap(),
            "2026-07-10T00:00:00".parse().unwrap(),
            scheme,
        )
        .unwrap()
}

fn unit<'e>(e: &'e Evaluation, id: &str) -> &'e chiso::evaluation::UnitResult {
    e.units.iter().find(|u| u.unit == id).unwrap()
}

fn show(d: Option<rust_decimal::Decimal>) -> String {
    d.map_or("-".to_owned(), |d| d.normalize().to_string())
}

/// Ranks as `unit:rank` in the published order.
fn ranks(e: &Evaluation) -> Vec<String> {
    e.rankings[0]
        .rows
        .iter()
        .map(|r| format!("{}:{}", r.unit, show(r.rank)))
        .collect()
}

#[test]
fn scores_composites_ranks_and_movement() {
    let e = evaluate(&Scheme {
        sensitivity: chiso::evaluation::SensitivityRule {
            runs: 0,
            ..Default::default()
        },
        ..Scheme::default()
    });
    // P1: C01 1 of the 2026 target 1 → 1 (pillar THE_CHE, layer C); B05 68 / 85 = 0.8 (pillar
    // CHINH_PHU_SO, layer B). Layers weigh their indicators' weights, 1 each: (0.8 + 1) / 2.
    assert_eq!(show(unit(&e, "P1").score), "0.9");
    assert_eq!(
        show(
            unit(&e, "P1")
                .layers
                .iter()
                .find(|l| l.layer == chiso::catalogue::Layer::B)
                .unwrap()
                .score
        ),
        "0.8"
    );
    // P2: C01 0 / 1 = 0; B05 90 ≥ 85 → 1: 0.5.
    assert_eq!(show(unit(&e, "P2").score), "0.5");
    // P3: C01 missing, scored 0 under the default policy; B05 1: 0.5.
    assert_eq!(show(unit(&e, "P3").score), "0.5");
    let c01 = unit(&e, "P3")
        .indicators
        .iter()
        .find(|i| i.indicator == "C01")
        .unwrap();
    assert_eq!(c01.origin, Origin::Missing);
    assert_eq!(c01.fraction, None);
    // Competition ties: P2 and P3 share 2nd.
    assert_eq!(ranks(&e), ["P1:1", "P2:2", "P3:2"]);
    // Q1: P1 (0 + 0.8) / 2 = 0.4, P2 and P3 1: ranks 3, 1, 1. Movement: P1 +2, P2 and P3 −1.
    let rows = &e.rankings[0].rows;
    assert_eq!(
        rows.iter().map(|r| show(r.movement)).collect::<Vec<_>>(),
        ["2", "-1", "-1"]
    );
    assert_eq!(
        rows.iter()
            .map(|r| show(r.previous_rank))
            .collect::<Vec<_>>(),
        ["3", "1", "1"]
    );
    // Quartile bands of 3: ⌊4 (rank − 1) / 3⌋ + 1 → 1, 2, 2.
    assert_eq!(
        rows.iter()
            .map(|r| r.band.as_ref().unwrap().number)
            .collect::<Vec<_>>(),
        [1, 2, 2]
    );
    // The quality score sits beside each rank.
    assert!(rows.iter().all(|r| r.quality.is_some()));
    // Lineage: P1's B05 rests on its two Q2 revisions.
    let p1_b05 = unit(&e, "P1")
        .indicators
        .iter()
        .find(|i| i.indicator == "B05")
        .unwrap();
    assert_eq!(p1_b05.revisions.len(), 2);
    assert_eq!(p1_b05.value, Value::number("68".parse().unwrap()));
}

#[test]
fn missing_policies_change_what_a_gap_costs() {
    // Rescale (PAR): P3's C01 pillar and layer drop out, its total is B05's 1; P1 0.9, P2 0.5.
    let e = evaluate(&Scheme {
        missing: MissingPolicy::Rescale,
        ..Scheme::default()
    });
    assert_eq!(show(unit(&e, "P3").score), "1");
    assert_eq!(ranks(&e), ["P3:1", "P1:2", "P2:3"]);
    // Last value: P3's C01 of Q1 (1) is scored, flagged imputed: total 1 as well.
    let e = evaluate(&Scheme {
        missing: MissingPolicy::LastValue,
        ..Scheme::default()
    });
    let c01 = unit(&e, "P3")
        .indicators
        .iter()
        .find(|i| i.indicator == "C01")
        .unwrap();
    assert_eq!(
        (c01.origin, c01.imputed_from.map(|p| p.to_string())),
        (Origin::Imputed, Some("2026-Q1".to_owned()))
    );
    assert_eq!(show(c01.fraction), "1");
    assert_eq!(show(unit(&e, "P3").score), "1");
}

#[test]
fn sensitivity_reports_each_units_rank_range() {
    // No weight reruns, only the two other missing policies: P3 ranks 2 (zero), 1 (rescale),
    // 1 (last value) → min 1, median 1, max 2; P1 1, 2, 2; P2 2, 3, 3.
    let scheme = Scheme {
        sensitivity: chiso::evaluation::SensitivityRule {
            runs: 0,
            ..Default::default()
        },
        ..Scheme::default()
    };
    let e = evaluate(&scheme);
    let range = |id: &str| {
        let s = e.rankings[0]
            .rows
            .iter()
            .find(|r| r.unit == id)
            .unwrap()
            .sensitivity
            .clone()
            .unwrap();
        format!("{}-{}-{} of {}", s.min, s.median, s.max, s.runs)
    };
    assert_eq!(range("P3"), "1-1-2 of 3");
    assert_eq!(range("P1"), "1-2-2 of 3");
    assert_eq!(range("P2"), "2-3-3 of 3");
    // With weight reruns the published ranking is one of the runs and the seed fixes the rest.
    let e1 = evaluate(&Scheme::default());
    let e2 = evaluate(&Scheme::default());
    assert_eq!(e1, e2);
    let s = e1.rankings[0].rows[0].sensitivity.clone().unwrap();
    assert_eq!(s.runs, 1 + 50 + 2);
}

#[test]
fn progress_and_off_track_judgements() {
    // By default progress is judged against each indicator's next milestone: C01's is ≥ 1 by
    // 2026 (each unit). P1's C01 went from 0 (Q1) to 1 (Q2): met, on track, no ratio.
    let e = evaluate(&Scheme::default());
    let c01 = |e: &chiso::evaluation::Evaluation, id: &str| {
        unit(e, id)
            .indicators
            .iter()
            .find(|i| i.indicator == "C01")
            .unwrap()
            .clone()
    };
    let p1 = c01(&e, "P1");
    assert_eq!(
        (p1.progress.status, p1.progress.ratio),
        (ProgressStatus::OnTrack, None)
    );
    assert_eq!(p1.progress.target.as_ref().map(|t| t.year), Some(2026));
    assert_eq!(
        p1.baseline_period.map(|p| p.to_string()),
        Some("2026-Q1".to_owned())
    );
    assert_eq!(p1.off_track, None);
    // P2's C01 fell from 1 (on the target) to 0: deterioration, and off track by the same
    // judgement, which says so.
    let p2 = c01(&e, "P2");
    assert_eq!(p2.progress.status, ProgressStatus::Deterioration);
    assert_eq!(
        p2.off_track.as_ref().unwrap().en,
        "moving away from ≥ 1 by 2026: 2026-Q1 1 → 2026-Q2 0"
    );
    // Issue 18: progress towards the year asked for. Towards ≥ 3 by the end of 2030: 3 months
    // gone of the 57 from March 2026; (1 − 0)·57 / ((3 − 0)·3) = 6.3333, on track. Off track
    // stays judged by the next milestone, whatever year the progress column is asked for.
    let by_2030 = evaluate(&Scheme {
        progress_year: Some(2030),
        ..Scheme::default()
    });
    let p1 = c01(&by_2030, "P1");
    assert_eq!(p1.progress.status, ProgressStatus::OnTrack);
    assert_eq!(show(p1.progress.ratio), "6.3333");
    assert_eq!(p1.progress.target.as_ref().map(|t| t.year), Some(2030));
    assert!(c01(&by_2030, "P2").off_track.is_some());
    // C01 has no 2045 target: towards 2045 it cannot be assessed (before, 2045 silently gave
    // the 2030 answer).
    let by_2045 = evaluate(&Scheme {
        progress_year: Some(2045),
        ..Scheme::default()
    });
    let p1 = c01(&by_2045, "P1");
    assert_eq!(
        (p1.progress.status, p1.progress.target),
        (ProgressStatus::CannotAssess, None)
    );
}

/// Issue 18: a value that fails an error-level rule is not scored as valid. P2 reports 104
/// end-to-end services of 100 eligible procedures in Q2 (rule `R_B05`: `dvc_toan_trinh <=
/// tthc_du_dieu_kien`). By default B05 is missing with the reason `invalid`, scored 0 under the
/// zero policy: P2 = (0 + 0) / 2 = 0, last behind P1 0.9 and P3 0.5; both values are listed
/// among P2's gaps. A scheme that scores invalid data anyway gives B05 104/85 capped at 1:
/// P2 = 0.5, tied with P3 — and the choice is recorded in the result's scheme.
#[test]
fn invalid_data_is_not_scored_by_default() {
    use chiso::evaluation::InvalidPolicy;
    let run = |scheme: &Scheme| {
        reporting(&["P1", "P2", "P3"])
            .evaluate(
                &ledger_with_p2_q2("104"),
                "2026-Q2".parse().unwrap(),
                "2026-07-10T00:00:00".parse().unwrap(),
                scheme,
            )
            .unwrap()
    };
    let e = run(&Scheme::default());
    let b05 = unit(&e, "P2")
        .indicators
        .iter()
        .find(|i| i.indicator == "B05")
        .unwrap();
    assert_eq!(b05.value, Value::Missing(chiso::Missing::Invalid));
    assert_eq!((b05.origin, b05.fraction), (Origin::Missing, None));
    assert_eq!(show(unit(&e, "P2").score), "0");
    assert_eq!(ranks(&e), ["P1:1", "P3:2", "P2:3"]);
    let gaps: Vec<(String, String)> = unit(&e, "P2")
        .quality
        .as_ref()
        .unwrap()
        .gaps
        .iter()
        .map(|g| (g.code.to_string(), g.item.to_string()))
        .collect();
    for item in ["dvc_toan_trinh", "tthc_du_dieu_kien"] {
        assert!(
            gaps.contains(&("correct.rule".to_owned(), item.to_owned())),
            "{gaps:?}"
        );
    }
    let json: Json = serde_json::from_str(&chiso::to_json(&e)).unwrap();
    assert_eq!(json["scheme"]["invalid"], "missing");

    let scored = run(&Scheme {
        invalid: InvalidPolicy::Scored,
        ..Scheme::default()
    });
    assert_eq!(show(unit(&scored, "P2").score), "0.5");
    assert_eq!(ranks(&scored), ["P1:1", "P2:2", "P3:2"]);
    let json: Json = serde_json::from_str(&chiso::to_json(&scored)).unwrap();
    assert_eq!(json["scheme"]["invalid"], "scored");
    assert!(
        unit(&scored, "P2")
            .quality
            .as_ref()
            .unwrap()
            .gaps
            .iter()
            .any(|g| g.code == chiso::evaluation::GapKind::Invalid)
    );
}

/// Issue 18: an explanation with its causes or solutions left blank ("Giải pháp: .") explains
/// nothing; the latest one decides.
#[test]
fn a_blank_explanation_is_no_explanation() {
    let reporting = reporting(&["P1", "P2", "P3"]);
    let explain = |ledger: &mut Ledger, causes: &str, solutions: &str| {
        let explanation = serde_json::from_value(json!({
            "unit": "P2", "indicator": "C01", "period": "2026-Q2", "causes": causes,
            "bottlenecks": ["institutions"], "solutions": solutions,
            "submitted_by": "can_bo", "submitted_at": "2026-07-04T09:00:00"}))
        .unwrap();
        ledger.append(Action::Explain { explanation }).unwrap();
    };
    let explained = |ledger: &Ledger| {
        let e = reporting
            .evaluate(
                ledger,
                "2026-Q2".parse().unwrap(),
                "2026-07-10T00:00:00".parse().unwrap(),
                &Scheme::default(),
            )
            .unwrap();
        let c01 = unit(&e, "P2")
            .indicators
            .iter()
            .find(|i| i.indicator == "C01")
            .unwrap()
            .clone();
        assert!(c01.off_track.is_some()); // 1 → 0: moving away from ≥ 1
        c01.explanation.map(|x| x.sequence)
    };
    let mut ledger = ledger();
    explain(&mut ledger, "Chưa có hồ sơ thử nghiệm.", "  ");
    assert_eq!(explained(&ledger), None);
    explain(
        &mut ledger,
        "Chưa có hồ sơ thử nghiệm.",
        "Trình quy chế trong quý III.",
    );
    let full = ledger.entries().len() as u64;
    assert_eq!(explained(&ledger), Some(full));
    // A later blank one supersedes it: the indicator stands unexplained again.
    explain(&mut ledger, "", "");
    assert_eq!(explained(&ledger), None);
}

#[test]
fn a_merged_unit_is_scored_on_its_predecessors_mean() {
    let e = reporting(&["P1", "P2", "P3"])
        .evaluate(
            &ledger(),
            "2026-Q1".parse().unwrap(),
            "2026-07-10T00:00:00".parse().unwrap(),
            &Scheme::default(),
        )
        .unwrap();
    // M reported nothing for Q1; OLD1 had 2 sandboxes and OLD2 4: M's value is 3, merged.
    let c01 = unit(&e, "M")
        .indicators
        .iter()
        .find(|i| i.indicator == "C01")
        .unwrap();
    assert_eq!(c01.value, Value::number(3.into()));
    assert_eq!(c01.origin, Origin::Merged);
    assert_eq!(c01.merged_from, ["OLD1", "OLD2"]);
    assert_eq!(c01.revisions.len(), 2);
    // 3 ≥ the target of 1: full score.
    assert_eq!(show(unit(&e, "M").score), "1");
}

#[test]
fn the_report_cites_its_numbers() {
    let e = evaluate(&Scheme::default());
    let nq57 = Catalogue::nq57();
    let narrative = chiso::report::Narrative::national(&e, &nq57);
    let sentences: Vec<_> = narrative
        .sections
        .iter()
        .flat_map(|s| &s.parts)
        .flat_map(|p| &p.sentences)
        .collect();
    // Every sentence stating a unit's score names it.
    let top = sentences
        .iter()
        .find(|s| s.en.starts_with("Top: "))
        .unwrap();
    // Issue 18: scores at the published precision (4 places), the word "score" before each so
    // that none reads as a rank.
    assert_eq!(
        top.en,
        "Top: Province P1 (score 0.9000), Province P2 (score 0.5000), Province P3 (score 0.5000)."
    );
    assert!(top.lineage.contains(&"unit/P1/score".to_owned()));
    assert!(top.vi.contains("Tỉnh P1 (điểm 0,9000)"));
    // The exports hold the same numbers.
    let csv = chiso::report::ranking_csv(&e);
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("tinh,1,P1,Tỉnh P1,Province P1,0.9,3,2,1,")
    );
    let sdmx = chiso::report::ranking_sdmx_csv(&e);
    assert!(sdmx.contains("CHISO:NQ57_RANKING(1.0),P1,tinh,2026-Q2,SCORE,0.9\n"));
    // A page writes a score at the published places, as the terminal does (issue 20: one
    // table view of a ranking; the page wrote 0,9 where the terminal wrote 0,9000).
    assert!(
        chiso::report::ranking_html(&e, chiso::Lang::Vi).contains("<td class=\"n\">0,9000</td>")
    );
}

/// Three provinces' B05 numerators (of 100) and C01 counts, for the properties.
fn world() -> impl Strategy<Value = Vec<(u32, u32)>> {
    proptest::collection::vec((0u32..=100, 0u32..=3), 4)
}

const PROPS: [&str; 4] = ["P1", "P2", "P3", "P4"];

fn run(values: &[(u32, u32)], order: &[usize]) -> Evaluation {
    let mut l = Ledger::default();
    for &i in order {
        let (part, c01) = values[i];
        b05(&mut l, PROPS[i], "2026-Q2", &part.to_string());
        report(
            &mut l,
            PROPS[i],
            "sandbox_van_hanh",
            "2026-Q2",
            &c01.to_string(),
        );
    }
    let scheme = Scheme {
        sensitivity: chiso::evaluation::SensitivityRule {
            runs: 3,
            ..Default::default()
        },
        ..Scheme::default()
    };
    reporting(&PROPS)
        .evaluate(
            &l,
            "2026-Q2".parse().unwrap(),
            "2026-07-10T00:00:00".parse().unwrap(),
            &scheme,
        )
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The order units' reports arrive in changes neither scores nor ranks.
    #[test]
    fn arrival_order_changes_nothing(values in world(), order in Just(vec![0usize, 1, 2, 3]).prop_shuffle()) {
        let a = run(&values, &[0, 1, 2, 3]);
        let b = run(&values, &order);
        // The same numbers; only the ledger sequence numbers (lineage) differ.
        let numbers = |e: &Evaluation| {
            let mut units = e.units.clone();
            for i in units.iter_mut().flat_map(|u| &mut u.indicators) {
                i.revisions.clear();
            }
            units
        };
        prop_assert_eq!(numbers(&a), numbers(&b));
        prop_assert_eq!(&a.rankings, &b.rankings);
    }

    /// Raising one unit's B05 (higher is better) never lowers its score or worsens its rank.
    #[test]
    fn raising_achievement_never_hurts(values in world(), who in 0usize..4, by in 1u32..=40) {
        let before = run(&values, &[0, 1, 2, 3]);
        let mut raised = values.clone();
        raised[who].0 = (raised[who].0 + by).min(100);
        let after = run(&raised, &[0, 1, 2, 3]);
        let id = PROPS[who];
        prop_assert!(unit(&after, id).score >= unit(&before, id).score);
        let rank = |e: &Evaluation| e.rankings[0].rows.iter().find(|r| r.unit == id).unwrap().rank;
        prop_assert!(rank(&after) <= rank(&before));
    }

    /// A published evaluation read back is the same evaluation, and writes the same bytes: what
    /// a portal stores and reloads, a report renders unchanged.
    #[test]
    fn an_evaluation_survives_a_json_round_trip(values in world()) {
        let e = run(&values, &[0, 1, 2, 3]);
        let json = chiso::to_json(&e);
        let again = Evaluation::from_json(&json).unwrap();
        prop_assert_eq!(&again, &e);
        prop_assert_eq!(chiso::to_json(&again), json);
    }
}

#[test]
fn a_scheme_it_cannot_take_is_refused_with_every_finding() {
    let err = Scheme::from_json(
        r#"{"layers": [], "weights": [{"node": "b", "weight": "-1"}], "sensitivity": {"runs": 5000, "spread": "1"},
            "ranking": {"round_to": 20}, "progress_year": 1999,
            "bands": {"kind": "thresholds", "bands": [{"at_least": "0.5", "label": {"vi": "Khá", "en": "Fair"}},
                                                     {"at_least": "0.8", "label": {"vi": "Tốt", "en": "Good"}}]}}"#,
    )
    .unwrap_err();
    let chiso::Error::InvalidInput { findings, .. } = err else {
        panic!("not invalid input")
    };
    assert!(findings.iter().all(|f| f.code == "scheme.out_of_range"));
    let paths: Vec<&str> = findings.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/layers",
            "/weights/0/weight",
            "/sensitivity/runs",
            "/sensitivity/spread",
            "/ranking/round_to",
            "/bands/bands",
            "/progress_year"
        ]
    );
    assert!(
        findings[3].message_en.contains("0 to under 1")
            && findings[3].message_vi.contains("dưới 1")
    );
    // An unknown field is the JSON reader's finding, with its path.
    let err = Scheme::from_json(r#"{"method": "points", "tie": "dense"}"#).unwrap_err();
    let chiso::Error::InvalidInput { findings, .. } = err else {
        panic!("not invalid input")
    };
    assert_eq!(
        (findings[0].code.as_str(), findings[0].path.as_str()),
        ("json.unknown_field", "/tie")
    );
}

#[test]
fn charts_draw_the_published_numbers() {
    let e = evaluate(&Scheme::default());
    let group = e.rankings[0].peer_group.clone();
    let svg = chiso::report::ranking_svg(&e, &group, chiso::Lang::Vi).unwrap();
    // One bar per unit, a score of 1 drawing the full 400 px: P1 0.9 → 360, P2 and P3 0.5 → 200.
    let widths: Vec<&str> = svg
        .split("<rect x=\"260\"")
        .skip(1)
        .map(|s| {
            s.split("width=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(widths, ["360", "200", "200"]);
    // Bands 1, 2, 2 → the first two fills; labels in rank order with a decimal comma.
    assert!(svg.contains("fill=\"#1b7837\"") && svg.matches("fill=\"#5aae61\"").count() == 2);
    assert!(svg.contains(">1. Tỉnh P1<") && svg.contains(">0,9<"));
    // The profile: total, layer B and its pillar, layer C and its pillar; P1's total 0.9 against
    // the median of P2 and P3 (0.5 and 0.5): the marker at 260 + 200 = 460.
    let profile = chiso::report::profile_svg(&e, "P1", chiso::Lang::En).unwrap();
    assert_eq!(profile.matches("<g>").count(), 5);
    assert!(profile.contains("<line x1=\"460\" y1=\"49\" x2=\"460\""));
    assert!(profile.contains("peer-group median"));
    // What the evaluation does not hold is refused, not drawn empty.
    let refused = chiso::report::profile_svg(&e, "XX", chiso::Lang::En).unwrap_err();
    assert_eq!(refused.code(), "argument.invalid");
    assert!(chiso::report::ranking_svg(&e, "xa", chiso::Lang::En).is_err());
}

/// Issue 18: English counts agree with their noun ("1 unit", "3 units").
#[test]
fn english_counts_agree_with_their_noun() {
    let e = evaluate(&Scheme::default());
    let text = chiso::report::Narrative::national(&e, &Catalogue::nq57()).render(chiso::Lang::En);
    // P2's C01 fell from 1 to 0 and was not explained: one unit, named.
    assert!(
        text.contains("(1 unit): Province P2 (focal officer can_bo)."),
        "{text}"
    );
    assert!(text.contains("Provinces: 3 units ranked"), "{text}");
    assert!(!text.contains("1 units"), "{text}");
}

/// Issue 18: a list of leaders or movers never cuts through a tie silently. With nothing
/// reported, five provinces all score 0 and share rank 1: three are named, "and 2 others also
/// ranked 1".
#[test]
fn lists_do_not_cut_through_ties() {
    let e = reporting(&["P1", "P2", "P3", "P4", "P5"])
        .evaluate(
            &Ledger::default(),
            "2026-Q2".parse().unwrap(),
            "2026-07-10T00:00:00".parse().unwrap(),
            &Scheme::default(),
        )
        .unwrap();
    let summary = chiso::report::Summary::new(&e, &Catalogue::nq57());
    assert_eq!(
        (summary.groups[0].top.len(), summary.groups[0].top_tied),
        (3, 2)
    );
    let narrative = chiso::report::Narrative::national(&e, &Catalogue::nq57());
    let en = narrative.render(chiso::Lang::En);
    assert!(en.contains(", and 2 others also ranked 1."), "{en}");
    let vi = narrative.render(chiso::Lang::Vi);
    assert!(vi.contains(", và 2 đơn vị khác cùng hạng 1."), "{vi}");
}

/// Issue 18: a published ranking is frozen. Q1 is evaluated and published (P2 and P3 tie at
/// 1 with (1 + 1)/2, P1 third with (0 + 68/85 = 0.8)/2 = 0.4). A later correction of P1's Q1
/// (one sandbox, 90 of 100 services) is refused unless it names the publication; accepted, it
/// would make P1's recomputed Q1 total (1 + 1)/2 = 1, rank 1 — yet Q2's "previous rank" of P1
/// stays the published 3. Recomputing Q1 is a republication that names the one it replaces,
/// with the diff: P1 from 3 (0.40) to 1 (1), resting on the corrections.
#[test]
#[allow(clippy::too_many_lines)] // one story, told in order
fn published_rankings_are_frozen() {
    use chiso::Error;
    let reporting = reporting(&["P1", "P2", "P3"]);
    let q1: chiso::period::Period = "2026-Q1".parse().unwrap();
    let at = |s: &str| -> chrono::NaiveDateTime { s.parse().unwrap() };
    let mut ledger = Ledger::default();
    for (unit, c01, part) in [("P1", "0", "68"), ("P2", "1", "90"), ("P3", "1", "90")] {
        report(&mut ledger, unit, "sandbox_van_hanh", "2026-Q1", c01);
        b05(&mut ledger, unit, "2026-Q1", part);
    }
    let evaluate = |ledger: &Ledger, period: &str| {
        reporting
            .evaluate(
                ledger,
                period.parse().unwrap(),
                at("2026-07-10T00:00:00"),
                &Scheme::default(),
            )
            .unwrap()
    };
    let first = evaluate(&ledger, "2026-Q1");
    assert_eq!(ranks(&first), ["P2:1", "P3:1", "P1:3"]);
    let publish = first.publication("bcd_lanh_dao", at("2026-07-09T09:00:00"), None);
    // A tampered ranking does not match its hash.
    let mut forged = publish.clone();
    if let Action::Publish { publication } = &mut forged {
        publication.rankings[0].rows[2].rank = Some(1.into());
    }
    let err = ledger.clone().append(forged).unwrap_err();
    assert_eq!(err.findings()[0].code, "ledger.publication_hash");
    let published = ledger.append(publish.clone()).unwrap().sequence;
    assert_eq!(
        ledger.publication_of(q1, None).map(|(s, _)| s),
        Some(published)
    );
    // The same publication again: the period is already published.
    let again =
        evaluate(&ledger, "2026-Q1").publication("bcd_lanh_dao", at("2026-07-09T10:00:00"), None);
    assert_eq!(
        ledger.clone().append(again).unwrap_err().findings()[0].code,
        "ledger.already_published"
    );

    // Q1 is closed: a correction must name the publication.
    let correction = |item: &str, value: &str, corrects: Option<u64>| {
        let mut s = json!({"unit": "P1", "item": item, "period": "2026-Q1", "value": {"number": value},
            "source": {"kind": "form"}, "submitted_by": "can_bo", "submitted_at": "2026-07-09T11:00:00"});
        if let Some(p) = corrects {
            s["corrects"] = json!(p);
        }
        Action::Submit {
            submission: serde_json::from_value(s).unwrap(),
        }
    };
    let refused = ledger
        .clone()
        .append(correction("sandbox_van_hanh", "1", None))
        .unwrap_err();
    assert!(matches!(refused, Error::InvalidEntry { .. }));
    assert_eq!(refused.findings()[0].code, "ledger.period_closed");
    assert_eq!(
        ledger
            .clone()
            .append(correction("sandbox_van_hanh", "1", Some(1)))
            .unwrap_err()
            .findings()[0]
            .code,
        "ledger.not_a_publication"
    );
    let mut corrections = Vec::new();
    for (item, value) in [("sandbox_van_hanh", "1"), ("dvc_toan_trinh", "90")] {
        let revision = ledger
            .append(correction(item, value, Some(published)))
            .unwrap()
            .sequence;
        ledger
            .append(Action::Approve {
                revision,
                by: "lanh_dao".into(),
                at: at("2026-07-09T12:00:00"),
            })
            .unwrap();
        corrections.push(revision);
    }

    // Q2 (P1 one sandbox and 68 %: 0.9; P2 none and 90 %: 0.5; P3 90 %, no C01: 0.5). Its
    // previous ranks are Q1's published ones, not the recomputation's.
    for (unit, c01, part) in [
        ("P1", Some("1"), "68"),
        ("P2", Some("0"), "90"),
        ("P3", None, "90"),
    ] {
        if let Some(c01) = c01 {
            report(&mut ledger, unit, "sandbox_van_hanh", "2026-Q2", c01);
        }
        b05(&mut ledger, unit, "2026-Q2", part);
    }
    let q2 = evaluate(&ledger, "2026-Q2");
    assert_eq!(q2.previous_publication, Some(published));
    let p1 = q2.rankings[0].rows.iter().find(|r| r.unit == "P1").unwrap();
    assert_eq!(
        (show(p1.rank), show(p1.previous_rank), show(p1.movement)),
        ("1".into(), "3".into(), "2".into())
    );

    // Recomputing Q1: P1 is 1 now. The diff names it and the corrections.
    let recomputed = evaluate(&ledger, "2026-Q1");
    assert_eq!(ranks(&recomputed), ["P1:1", "P2:1", "P3:1"]);
    let (_, in_force) = ledger.publication_of(q1, None).unwrap();
    let moved = recomputed.moved_since(in_force, &ledger);
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(
        (
            moved[0].unit.as_str(),
            show(moved[0].published_rank),
            show(moved[0].rank)
        ),
        ("P1", "3".into(), "1".into())
    );
    assert_eq!(
        (show(moved[0].published_score), show(moved[0].score)),
        ("0.4".into(), "1".into())
    );
    assert_eq!(moved[0].revisions, corrections);
    // A republication names the publication it replaces.
    let republish = recomputed.publication(
        "bcd_lanh_dao",
        at("2026-07-10T09:00:00"),
        Some((published, "Đính chính số liệu quý I của P1")),
    );
    let again = ledger.append(republish).unwrap().sequence;
    assert_eq!(ledger.publication_of(q1, None).map(|(s, _)| s), Some(again));
    // Computed before the ledger moved on, a publication is stale.
    let stale = recomputed.publication(
        "bcd_lanh_dao",
        at("2026-07-10T10:00:00"),
        Some((again, "x")),
    );
    assert_eq!(
        ledger.clone().append(stale).unwrap_err().findings()[0].code,
        "ledger.publication_stale"
    );
}

/// Issue 18: bands follow the place whatever the tie policy. Q1 under the zero policy: P2 and
/// P3 score 1, P1 0.4. Dense ties number P1 2 (competition 3); its quartile band is that of its
/// place, ⌊4 · (3 − 1) / 3⌋ + 1 = 3, as under competition ranks, not ⌊4 · 1 / 3⌋ + 1 = 2.
#[test]
fn dense_and_ordinal_ties_keep_the_bands_of_the_places() {
    use chiso::evaluation::{RankingRule, TiePolicy};
    let run = |ties| {
        reporting(&["P1", "P2", "P3"])
            .evaluate(
                &ledger(),
                "2026-Q1".parse().unwrap(),
                "2026-07-10T00:00:00".parse().unwrap(),
                &Scheme {
                    ranking: RankingRule {
                        ties,
                        ..RankingRule::default()
                    },
                    ..Scheme::default()
                },
            )
            .unwrap()
    };
    let row = |e: &Evaluation, id: &str| {
        let r = e.rankings[0].rows.iter().find(|r| r.unit == id).unwrap();
        (show(r.rank), r.band.as_ref().map(|b| b.number))
    };
    let dense = run(TiePolicy::Dense);
    assert_eq!(row(&dense, "P1"), ("2".to_owned(), Some(3)));
    assert_eq!(row(&dense, "P2").1, Some(1));
    let ordinal = run(TiePolicy::Ordinal);
    // Ordinal numbers the tied P2 and P3 1 and 2, but they share their place's band.
    assert_eq!(row(&ordinal, "P2").1, row(&ordinal, "P3").1);
    assert_eq!(row(&ordinal, "P1"), ("3".to_owned(), Some(3)));
    let competition = run(TiePolicy::Competition);
    assert_eq!(row(&competition, "P1"), ("3".to_owned(), Some(3)));
}

/// Issue 18: catalogue versions over time. NQ57 2026.06 took effect on 19 June 2026: Q2 (ending
/// 30 June) is evaluated under it without remark, Q1 (ending 31 March) with a warning that the
/// report repeats. A version renaming C01 to C01N declares `replaces: "C01"`: the assignments of
/// C01 are C01N's, and P1's Q2 (one sandbox against ≥ 1) still scores 1; renamed without
/// `replaces`, the assignments are refused (the indicator is gone), never dropped in silence.
#[test]
fn catalogue_versions_are_in_force_for_their_periods_and_renames_are_declared() {
    let q1 = reporting(&["P1", "P2", "P3"])
        .evaluate(
            &ledger(),
            "2026-Q1".parse().unwrap(),
            "2026-07-10T00:00:00".parse().unwrap(),
            &Scheme::default(),
        )
        .unwrap();
    assert_eq!(q1.warnings.len(), 1);
    assert_eq!(q1.warnings[0].code, "catalogue.not_in_force");
    let text = chiso::report::Narrative::national(&q1, &Catalogue::nq57()).render(chiso::Lang::En);
    assert!(
        text.contains(
            "Note: 2026-Q1 ended before catalogue version 2026.06 took effect (2026-06-19)"
        ),
        "{text}"
    );
    assert!(evaluate(&Scheme::default()).warnings.is_empty());

    let renamed = |replaces: bool| {
        let mut doc = serde_json::to_value(Catalogue::nq57()).unwrap();
        for i in doc["indicators"].as_array_mut().unwrap() {
            if i["code"] == "C01" {
                i["code"] = json!("C01N");
                if replaces {
                    i["replaces"] = json!("C01");
                }
            }
        }
        doc["version"] = json!("2026.12");
        Catalogue::from_json(&doc.to_string()).unwrap()
    };
    let e = reporting_with(renamed(true), &["P1", "P2", "P3"])
        .unwrap()
        .evaluate(
            &ledger(),
            "2026-Q2".parse().unwrap(),
            "2026-07-10T00:00:00".parse().unwrap(),
            &Scheme::default(),
        )
        .unwrap();
    let c01n = unit(&e, "P1")
        .indicators
        .iter()
        .find(|i| i.indicator == "C01N")
        .unwrap();
    assert_eq!(show(c01n.fraction), "1");
    let gone = reporting_with(renamed(false), &["P1", "P2", "P3"]).unwrap_err();
    assert_eq!(gone.findings()[0].code, "assignment.item_gone");
    assert!(
        gone.findings()[0]
            .message_en
            .contains("`C01` is not in catalogue version 2026.12")
    );
}

/// Issue 18: a ranking's quality column stands as of its time. P3 sent no Q2 sandbox count by
/// 10 July (due 7 July): missing and overdue, quality 83.3 (see the pipeline vectors). Sent and
/// approved on 20–21 July, after that time, it changes nothing in the evaluation as of 10 July.
#[test]
fn quality_is_judged_as_of_the_evaluation_time() {
    let quality = |ledger: &Ledger| {
        let e = reporting(&["P1", "P2", "P3"])
            .evaluate(
                ledger,
                "2026-Q2".parse().unwrap(),
                "2026-07-10T00:00:00".parse().unwrap(),
                &Scheme::default(),
            )
            .unwrap();
        let row = e.rankings[0].rows.iter().find(|r| r.unit == "P3").unwrap();
        (
            show(row.quality),
            show(unit(&e, "P3").quality.as_ref().unwrap().completeness),
        )
    };
    let mut ledger = ledger();
    assert_eq!(quality(&ledger), ("83.3".to_owned(), "66.7".to_owned()));
    let late = serde_json::from_value(json!({
        "unit": "P3", "item": "sandbox_van_hanh", "period": "2026-Q2", "value": {"number": "1"},
        "source": {"kind": "form"},
        "evidence": [{"file_name": "bao_cao.pdf", "sha256": "ab".repeat(32), "size": 2048, "media_type": "application/pdf"}],
        "submitted_by": "can_bo", "submitted_at": "2026-07-20T09:00:00"}))
    .unwrap();
    let revision = ledger
        .append(Action::Submit { submission: late })
        .unwrap()
        .sequence;
    ledger
        .append(Action::Approve {
            revision,
            by: "lanh_dao".into(),
            at: "2026-07-21T09:00:00".parse().unwrap(),
        })
        .unwrap();
    assert_eq!(quality(&ledger), ("83.3".to_owned(), "66.7".to_owned()));
}

/// Issue 18: a monthly evaluation scores only what is reported monthly. C01 and B05 are
/// quarterly: May 2026 reads neither (it once scored Q1's values as May's).
#[test]
fn a_monthly_evaluation_scores_only_monthly_indicators() {
    let e = reporting(&["P1", "P2", "P3"])
        .evaluate(
            &ledger(),
            "2026-05".parse().unwrap(),
            "2026-07-10T00:00:00".parse().unwrap(),
            &Scheme::default(),
        )
        .unwrap();
    assert!(
        e.units.iter().all(|u| u.indicators.is_empty()),
        "{:?}",
        e.units[0].indicators
    );
    let q2 = evaluate(&Scheme::default());
    assert_eq!(unit(&q2, "P1").indicators.len(), 2);
}

/// Issue 18: a quarter's data gaps hold its months' monthly items and say which month. P1 is
/// assigned B01 (monthly, two inputs) from April and reports April and June, not May: May's two
/// inputs are missing and overdue in the Q2 evaluation, each gap naming 2026-05.
#[test]
fn a_quarters_gaps_name_the_missing_month() {
    let org = json!({"units": [
        {"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
        {"id": "P1", "name": {"vi": "Tỉnh P1", "en": "Province P1"}, "kind": "province", "parent": "BCD"}],
        "peer_groups": [{"id": "tinh", "name": {"vi": "Các tỉnh", "en": "Provinces"}, "members": ["P1"]}]});
    let assignments = json!([{"unit": "P1", "item": "B01", "role": "lead", "focal_officer": "can_bo",
        "from": "2026-04", "assigned_by": "BCD"}]);
    let reporting = Reporting::from_json(
        Catalogue::nq57(),
        &org.to_string(),
        &assignments.to_string(),
        Some(r#"{"calendar": {"kind": "calendar"}, "due_working_days": 5}"#),
    )
    .unwrap();
    let mut ledger = Ledger::default();
    for month in ["2026-04", "2026-06"] {
        report(&mut ledger, "P1", "van_ban_dien_tu", month, "50");
        report(&mut ledger, "P1", "van_ban_tong", month, "100");
    }
    let e = reporting
        .evaluate(
            &ledger,
            "2026-Q2".parse().unwrap(),
            "2026-07-10T00:00:00".parse().unwrap(),
            &Scheme::default(),
        )
        .unwrap();
    let gaps: Vec<(String, String, String)> = unit(&e, "P1")
        .quality
        .as_ref()
        .unwrap()
        .gaps
        .iter()
        .map(|g| {
            (
                g.code.to_string(),
                g.item.to_string(),
                g.period.map(|p| p.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    let may = |code: &str, item: &str| (code.to_owned(), item.to_owned(), "2026-05".to_owned());
    for item in ["van_ban_dien_tu", "van_ban_tong"] {
        assert!(gaps.contains(&may("complete.missing", item)), "{gaps:?}");
        assert!(gaps.contains(&may("live.overdue", item)), "{gaps:?}");
    }
    let text = chiso::report::Narrative::national(&e, &Catalogue::nq57()).render(chiso::Lang::En);
    assert!(text.contains("(2026-05)"), "{text}");
}
