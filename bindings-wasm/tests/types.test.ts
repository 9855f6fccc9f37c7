// Type-checked by `tsc --noEmit` (make test): what a portal written in TypeScript writes
// against the package, through its `exports`. Every call and object shape used here is typed;
// a wrong field name or a wrong argument would fail the check.
import init, {
  Catalogue,
  Formula,
  Ledger,
  Reporting,
  deadline,
  isChisoError,
  rankingSvg,
  readNumber,
  timeliness,
  writeNumber,
  type FieldCheck,
  type Filing,
  type Form,
  type Preview,
  type QualityReport,
  type Timeliness,
  type Value,
} from 'chiso';

export async function fill(org: string, assignments: string, calendar: string, history: string): Promise<string> {
  await init();
  const nq57: Catalogue = Catalogue.nq57();
  const check: FieldCheck = nq57.checkField('sandbox_van_hanh', '1.234');
  const value: Value | null | undefined = check.value;
  const shown: string | undefined = check.display?.vi;
  const messages: string[] = check.findings.map((f) => `${f.code}: ${f.message_vi}`);

  const reporting = new Reporting(nq57, org, assignments, calendar);
  const form: Form = reporting.form('DN', '2026-Q4');
  const due: string = form.deadline;
  const fields: string[] = form.indicators.flatMap((i) => i.fields.map((f) => `${f.item} (${f.measure.vi})`));

  const filing: Filing = {
    submissions: [{
      unit: 'DN', item: 'httt_tong', period: '2026-Q4', value: { number: '93' },
      source: { kind: 'form' }, submitted_by: 'can_bo', submitted_at: '2026-12-10T09:00:00',
      evidence: [{ file_name: 'qd.pdf', sha256: 'a'.repeat(64), size: 10, media_type: 'application/pdf' }],
    }],
    explanations: [{
      unit: 'DN', indicator: 'C06', period: '2026-Q4', causes: '…', bottlenecks: ['data'], solutions: '…',
      submitted_by: 'can_bo', submitted_at: '2026-12-10T09:00:00',
    }],
  };
  const ledger = Ledger.fromJsonl(history);
  const preview: Preview = reporting.preview(ledger, JSON.stringify(filing), 'DN', '2026-Q4', '2026-12-10T09:00:00');
  const quality: QualityReport = preview.quality;
  const score: string | null | undefined = preview.projected?.score;
  const rank: string | null | undefined = preview.rank?.rank;
  const sequences: Uint32Array = reporting.file(ledger, 'DN', JSON.stringify(filing));

  const when: Timeliness = timeliness('2026-Q4', undefined, '2026-12-10T09:00:00', calendar);
  const ratio = Formula.compile('100 * httt_phe_duyet_cap_do / httt_tong', nq57);
  const result: Value = ratio.evaluate(['70', '93']);
  const exact: string = readNumber('1.234,5', false);
  const svg: string = rankingSvg(reporting.evaluateJson(ledger, '2026-Q3', '2026-10-15T00:00:00'), 'tinh_thanh', 'vi');

  try {
    nq57.checkField('Z99', '1');
  } catch (e) {
    if (isChisoError(e)) {
      const where: string | null = e.path;
      messages.push(`${e.name} ${e.code} ${where ?? ''}: ${e.messageVi} / ${e.messageEn} (${e.findings.length})`);
    }
  }
  return [value, shown, due, fields, quality.completeness, score, rank, sequences.length, when, result,
    exact, writeNumber(exact, 'vi'), deadline('2026-Q4', calendar), svg.length, messages].join(' ');
}
