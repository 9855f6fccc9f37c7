// Headless-Chromium test of the reporting form (examples/web/): serve the repository root on
// 127.0.0.1, open the form for Đồng Nai, 2026-Q4, type values as an official would, attach a
// document, explain an off-track indicator, download the filing, and file it with the Node
// package against the same set-up. Uses the system Chromium (Debian package), like run.mjs.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, root, serveRoot } from './harness.mjs';

const sample = join(root, 'examples/data/sample');
const server = await serveRoot();
const { origin } = server;
const NOW = '2026-12-10T09:00:00';
const url = `${origin}/examples/web/index.html?now=${NOW}`;

// The sample assigns only whole-number (count) fields. To try a decimal comma and the
// "1.234" ambiguity, the test adds one assignment to the sample set-up it serves: B08 (the
// disbursement rate, reported in billions of đồng) to Đồng Nai. The filing is checked
// against this same set-up, and its sample-only part against the untouched sample.
const sampleAssignments = await readFile(join(sample, 'assignments.json'), 'utf8');
const fixtureAssignments = JSON.stringify([
  ...JSON.parse(sampleAssignments),
  { unit: 'DN', item: 'B08', role: 'lead', focal_officer: 'dn_dau_moi', from: '2026-Q1', assigned_by: 'BCD' },
], null, 2);
const FIXTURE_ITEMS = new Set(['giai_ngan_khcn_cds', 'du_toan_khcn_cds']);

const evidenceBytes = Buffer.from('%PDF-1.4\n% Quyết định số 125/QĐ-UBND về trạm 5G quý IV/2026\n%%EOF\n', 'utf8');
const evidenceSha = createHash('sha256').update(evidenceBytes).digest('hex');

let failed = false;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  failed ||= !ok;
};

const browser = await launchChromium({
  acceptDownloads: true,
  locale: 'vi-VN',
  viewport: { width: 1366, height: 900 },
});
const { context } = browser;
try {
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('blob:')) foreign.push(r.url()); });
  await page.route('**/examples/data/sample/assignments.json', (route) => route.fulfill({
    status: 200, contentType: 'application/json; charset=utf-8', body: fixtureAssignments,
  }));

  const started = Date.now();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  console.log(`     form ready in ${Date.now() - started} ms`);
  const previewDone = () => page.waitForSelector('#summary[data-state="done"]', { timeout: 10_000 });
  await previewDone();
  const text = (selector) => page.textContent(selector).then((s) => (s ?? '').replace(/\s+/g, ' ').trim());
  const attr = (selector, name) => page.getAttribute(selector, name);

  // 0. The form as it opens.
  check(await page.getAttribute('html', 'lang') === 'vi', 'the page opens in Vietnamese (<html lang="vi">)');
  check(await page.inputValue('#unit') === 'DN' && await page.inputValue('#period') === '2026-Q4',
    'default unit DN, period 2026-Q4');
  const periods = await page.$$eval('#period option', (os) => os.map((o) => o.value));
  check(JSON.stringify(periods) === JSON.stringify(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']), `periods offered: ${periods}`);
  const unitCount = await page.$$eval('#unit option', (os) => os.length);
  const units = new Set(JSON.parse(sampleAssignments).map((a) => a.unit));
  check(unitCount === units.size, `unit select lists the ${units.size} units with assignments (${unitCount})`);
  const c01 = await text('#ind-C01');
  check(c01.includes('C01') && c01.includes('Số cơ chế thử nghiệm có kiểm soát (sandbox) đang vận hành')
    && c01.includes('Lớp C') && c01.includes('cơ chế') && c01.includes('≥ 1 (mỗi đơn vị, 2026)')
    && c01.includes('21/12/2026') && c01.includes('Đỗ Thị Ngọc'),
  'C01 card: code, name, layer, measure, targets, deadline, focal officer');
  check(await text('#unit-head') === 'Người đứng đầu đơn vị: Đỗ Văn Nam', `the unit's head is named (${await text('#unit-head')})`);
  const unlabelled = await page.$$eval('input, select, textarea', (els) => els
    .filter((el) => el.type !== 'hidden' && !(el.labels && el.labels.length)).map((el) => el.id || el.outerHTML));
  check(unlabelled.length === 0, `every control has a <label for> (${unlabelled.join(', ') || 'none missing'})`);
  const field = await page.$eval('#f-giai_ngan_khcn_cds', (el) => ({
    inputmode: el.inputMode, describedby: el.getAttribute('aria-describedby'), item: el.dataset.item,
  }));
  const msgRole = await page.$eval('#m-giai_ngan_khcn_cds', (el) => `${el.getAttribute('role')}/${el.getAttribute('aria-live')}`);
  check(field.inputmode === 'decimal' && field.describedby.split(' ').includes('m-giai_ngan_khcn_cds')
    && field.item === 'giai_ngan_khcn_cds' && msgRole === 'status/polite',
  `field wiring: inputmode ${field.inputmode}, aria-describedby "${field.describedby}", message ${msgRole}`);

  await page.focus('#f-sandbox_van_hanh');
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement?.id);
  check(next === 'e-C01', `keyboard: Tab from the C01 field reaches its evidence picker (${next})`);
  const globals = await page.evaluate(() => Object.keys(window).filter((k) => /chiso|nq57|reporting|ledger/i.test(k)));
  check(globals.length === 0, `the form exposes no globals (${globals.join(', ') || 'none'})`);

  // 1. A decimal comma where decimals are allowed.
  await page.fill('#f-giai_ngan_khcn_cds', '87,5');
  const decimalMsg = await text('#m-giai_ngan_khcn_cds');
  check(await attr('#f-giai_ngan_khcn_cds', 'aria-invalid') === null && decimalMsg.includes('= 87,5 tỷ đồng'),
    `"87,5" is valid and reads back "${decimalMsg}"`);

  // 2. Invalid values, in Vietnamese, then in English.
  await page.fill('#f-sandbox_van_hanh', '12a');
  await page.fill('#f-du_toan_khcn_cds', '1.234');
  await page.fill('#f-tram_5g_moi', '2,5');
  await page.fill('#f-httt_tong', '1.234');
  await page.fill('#f-csdl_tong', '7x');
  const vi = {
    sandbox: await text('#m-sandbox_van_hanh'),
    ambiguous: await text('#m-du_toan_khcn_cds'),
    range: await text('#m-tram_5g_moi'),
    whole: await text('#m-httt_tong'),
  };
  check(await attr('#f-sandbox_van_hanh', 'aria-invalid') === 'true'
    && vi.sandbox.includes('Lỗi') && vi.sandbox.includes('“a” không phải là chữ số') && vi.sandbox.includes('field.not_a_number'),
  `"12a": aria-invalid, "${vi.sandbox}"`);
  check(await attr('#f-du_toan_khcn_cds', 'aria-invalid') === 'true'
    && vi.ambiguous.includes('không rõ “1.234” là 1234 hay 1,234') && vi.ambiguous.includes('field.ambiguous_number'),
  `"1.234" in a decimal field: "${vi.ambiguous}"`);
  check(await attr('#f-tram_5g_moi', 'aria-invalid') === 'true'
    && vi.range.includes('giá trị phải là số nguyên từ 0 trở lên') && vi.range.includes('field.out_of_range'),
  `"2,5" in a count field: "${vi.range}"`);
  check(await attr('#f-httt_tong', 'aria-invalid') === null && vi.whole.includes('= 1.234 hệ thống'),
    `"1.234" in a whole-number field is 1234: "${vi.whole}"`);
  await page.click('#lang');
  const en = {
    sandbox: await text('#m-sandbox_van_hanh'),
    ambiguous: await text('#m-du_toan_khcn_cds'),
    range: await text('#m-tram_5g_moi'),
    decimal: await text('#m-giai_ngan_khcn_cds'),
    title: await text('#ind-C01-title'),
    button: await text('#download'),
  };
  check(await page.getAttribute('html', 'lang') === 'en', 'the English switch sets <html lang="en">');
  check(en.sandbox.includes('Error') && en.sandbox.includes('“a” is not a digit'), `English: "${en.sandbox}"`);
  check(en.ambiguous.includes('“1.234” could be 1234 or 1.234'), `English: "${en.ambiguous}"`);
  check(en.range.includes('the value must be a whole number from 0'), `English: "${en.range}"`);
  check(en.decimal.includes('= 87.5 billion VND') && en.title === 'Regulatory sandboxes in operation'
    && en.button.startsWith('Download filing (JSON)'),
  `English names and numbers: "${en.decimal}", "${en.title}", "${en.button}"`);
  await page.click('#lang');
  check(await page.getAttribute('html', 'lang') === 'vi' && (await text('#m-sandbox_van_hanh')).includes('không phải là chữ số'),
    'and back to Vietnamese');

  // 3. Evidence, hashed in the page.
  await page.setInputFiles('#e-C02', { name: 'quyet-dinh.pdf', mimeType: 'application/pdf', buffer: evidenceBytes });
  const sha = await page.waitForSelector('[data-evidence="C02"] .sha[data-sha256]:not([data-sha256=""])');
  const listed = (await sha.textContent()).trim();
  check(listed === evidenceSha, `SHA-256 listed in the page ${listed} = node:crypto ${evidenceSha}`);
  const file = await text('[data-evidence="C02"] li.file');
  check(file.includes('quyet-dinh.pdf') && file.includes(`${evidenceBytes.length} B`), `file listed with name and size: "${file.slice(0, 60)}…"`);
  await page.fill('[data-evidence="C02"] [data-doc="number"]', '125/QĐ-UBND');
  await page.fill('[data-evidence="C02"] [data-doc="date"]', '2026-11-30');
  await page.fill('[data-evidence="C02"] [data-doc="summary"]', 'Báo cáo trạm phát sóng 5G lắp mới quý IV năm 2026');

  // 4. An off-track Layer C indicator asks for an explanation. DN had 203 new 5G stations in
  // 2026-Q1 (sample ledger), 812 a year, over the target of ≥ 500 for 2026; 100 in Q4 is 400 a
  // year: below the target it had met, moving away from it. C01 at 0 is behind its path.
  await page.fill('#f-sandbox_van_hanh', '0');
  await page.fill('#f-du_toan_khcn_cds', '120');
  await page.fill('#f-tram_5g_moi', '100');
  await previewDone();
  const explainC02 = await page.isVisible('[data-explain="C02"]');
  const whyC02 = await text('#x-C02-why');
  check(explainC02 && whyC02.includes('xa mục tiêu ≥ 500 năm 2026 hơn: 2026-Q1 812 → 2026-Q4 400 (theo nhịp cả năm)'), `C02 explanation opens: "${whyC02}"`);
  check(await page.isVisible('[data-explain="C01"]'), 'C01 (0 sandboxes) explanation opens too');
  check(!(await page.isVisible('[data-explain="C06"]')) && !(await page.isVisible('[data-explain="C09"]')),
    'C06 and C09 (not off track) ask no explanation');
  check(await page.$('#sum-findings li[data-code="complete.explanation_missing"][data-item="C02"]') !== null,
    'summary lists complete.explanation_missing for C02');
  const badge = await text('#ind-C02-badge');
  check(badge.includes('812 → 2026-Q4 400'), `C02 card flagged: "${badge}"`);
  await page.fill('#x-C02-causes', 'Doanh nghiệp viễn thông chậm giải phóng mặt bằng cho trạm mới.');
  await page.check('#x-C02-bn-finance');
  await page.check('#x-C02-bn-infrastructure');
  await page.fill('#x-C02-solutions', 'Sở Khoa học và Công nghệ họp hằng tuần với các doanh nghiệp; ưu tiên vị trí trên đất công.');
  await page.fill('#x-C02-support', 'Đề nghị Bộ hướng dẫn cơ chế dùng chung hạ tầng.');
  await previewDone();
  check(await page.$('#sum-findings li[data-code="complete.explanation_missing"][data-item="C02"]') === null,
    'once explained, C02 leaves the findings');
  check(await page.$('#sum-findings li[data-code="complete.explanation_missing"][data-item="C01"]') !== null,
    'C01, not explained, stays in the findings');

  // 5. The summary panel.
  const completeness = await text('#sum-completeness');
  const completenessDetail = await text('#sum-completeness-detail');
  const quality = await text('#sum-quality');
  const score = await text('#sum-score');
  const rank = await text('#sum-rank .rank-text');
  const counts = `${await text('#sum-errors')} / ${await text('#sum-warnings')} / ${await text('#sum-invalid')}`;
  const findingCount = await page.$$eval('#sum-findings li', (li) => li.length);
  check(/^\d+(,\d+)? %$/.test(completeness) && /^\d+\/14 /.test(completenessDetail),
    `completeness "${completeness}", "${completenessDetail}"`);
  check(/^\d+(,\d+)?\/100$/.test(quality), `data-quality score "${quality}"`);
  check(/^\d+(,\d+)?\/100$/.test(score) && score !== '0/100', `projected score "${score}"`);
  check(/^\d+ \/ 34$/.test(rank), `projected rank "${rank}"`);
  check(findingCount > 0 && /^\d+ Lỗi/.test(counts) && counts.includes('1 Ô nhập sai'),
    `findings by severity "${counts}", ${findingCount} listed`);

  // 6. The download.
  await page.fill('#entered-by', 'dn_dau_moi');
  const buttonText = await text('#download');
  check(buttonText.includes('5 giá trị, 1 giải trình'), `button states what goes in: "${buttonText}"`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const name = download.suggestedFilename();
  const downloaded = await readFile(await download.path(), 'utf8');
  const filing = JSON.parse(downloaded);
  check(name === 'filing-DN-2026-Q4.json', `downloaded ${name}`);
  const byItem = Object.fromEntries(filing.submissions.map((s) => [s.item, s]));
  const values = Object.fromEntries(filing.submissions.map((s) => [s.item, s.value.number]).sort());
  check(JSON.stringify(values) === JSON.stringify({
    du_toan_khcn_cds: '120', giai_ngan_khcn_cds: '87.5', httt_tong: '1234', sandbox_van_hanh: '0', tram_5g_moi: '100',
  }), `values as exact decimal strings: ${JSON.stringify(values)}`);
  check(!('csdl_tong' in byItem), 'the invalid entry (csdl_tong "7x") is left out');
  check(filing.submissions.every((s) => s.source.kind === 'form' && s.unit === 'DN' && s.period === '2026-Q4'
    && s.submitted_by === 'dn_dau_moi' && s.submitted_at === NOW), 'source.kind "form", unit, period, who and when on every submission');
  const evidence = byItem.tram_5g_moi?.evidence ?? [];
  check(evidence.length === 1 && evidence[0].sha256 === evidenceSha && evidence[0].file_name === 'quyet-dinh.pdf'
    && evidence[0].size === evidenceBytes.length && evidence[0].media_type === 'application/pdf'
    && evidence[0].document_number === '125/QĐ-UBND' && evidence[0].document_date === '2026-11-30'
    && evidence[0].summary === 'Báo cáo trạm phát sóng 5G lắp mới quý IV năm 2026',
  `evidence on C02's value: ${JSON.stringify(evidence[0] ?? null)}`);
  check(!('evidence' in byItem.sandbox_van_hanh), 'no evidence key where none was attached');
  const explanation = filing.explanations.find((e) => e.indicator === 'C02');
  check(filing.explanations.length === 1 && explanation
    && JSON.stringify(explanation.bottlenecks) === JSON.stringify(['finance', 'infrastructure'])
    && explanation.causes.startsWith('Doanh nghiệp') && explanation.solutions.length > 0
    && explanation.support_requested?.startsWith('Đề nghị') && explanation.submitted_at === NOW,
  `explanation of C02 with bottlenecks ${JSON.stringify(explanation?.bottlenecks)}`);

  // Filed with the Node package: against the set-up the page used, and the sample-only part
  // against the untouched sample.
  const require = createRequire(import.meta.url);
  const { Catalogue, Ledger, Reporting } = require('../pkg/node/chiso_wasm.js');
  const [org, calendar, ledgerText] = await Promise.all(['org.json', 'calendar.json', 'ledger.jsonl']
    .map((f) => readFile(join(sample, f), 'utf8')));
  const nq57 = Catalogue.nq57();
  const fileWith = (assignments, text) => {
    try {
      const reporting = new Reporting(nq57, org, assignments, calendar);
      return { sequences: [...reporting.file(Ledger.fromJsonl(ledgerText), 'dn_dau_moi', text)] };
    } catch (e) {
      return { error: `${e.code} ${e.path ?? ''} ${e.message}` };
    }
  };
  const filed = fileWith(fixtureAssignments, downloaded);
  const expected = filing.submissions.length + filing.explanations.length;
  check(filed.sequences?.length === expected,
    `reporting.file accepts the download: ${filed.error ?? `${filed.sequences.length} entries (${filed.sequences.join(', ')})`}`);
  const sampleOnly = { ...filing, submissions: filing.submissions.filter((s) => !FIXTURE_ITEMS.has(s.item)) };
  const filedSample = fileWith(sampleAssignments, JSON.stringify(sampleOnly));
  check(filedSample.sequences?.length === sampleOnly.submissions.length + filing.explanations.length,
    `and with the sample set-up as shipped: ${filedSample.error ?? `${filedSample.sequences.length} entries`}`);

  check(foreign.length === 0, `no request leaves the local server (${foreign.join(', ') || 'none'})`);
  check(errors.length === 0, `no page errors${errors.length ? `: ${errors.join('; ')}` : ''}`);

  // 7. A screenshot to look at.
  const shot = join(root, 'target/browser/form.png');
  await mkdir(join(root, 'target/browser'), { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`     screenshot: ${shot}`);
} catch (error) {
  check(false, `test stopped: ${error.stack ?? error}`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
