// The form's own words, Vietnamese first. Everything the engine says (names, targets, messages)
// comes from chiso in both languages; these are only the labels around it.

export const LANGS = ['vi', 'en'];

const STRINGS = {
  vi: {
    documentTitle: 'Báo cáo Nghị quyết 57 — {unit}, {period}',
    skipLink: 'Bỏ qua, đến biểu mẫu',
    agency: 'Hệ thống theo dõi, đánh giá thực hiện Nghị quyết 57-NQ/TW',
    title: 'Báo cáo kết quả thực hiện Nghị quyết 57-NQ/TW',
    lead: 'Nhập số liệu của kỳ. Biểu mẫu kiểm tra ngay từng ô, tính trước điểm và thứ hạng dự kiến, trước khi gửi.',
    langSwitch: 'English',
    langSwitchLabel: 'Switch to English',
    loading: 'Đang tải bộ chỉ số và sổ số liệu…',
    loadFailed: 'Không tải được biểu mẫu: {message}',
    unit: 'Đơn vị báo cáo',
    period: 'Kỳ báo cáo',
    enteredBy: 'Người nhập',
    enteredByHint: 'Tài khoản hoặc họ tên cán bộ nhập số liệu',
    enteredByMissing: 'Nhập tên người nhập trước khi tải hồ sơ.',
    asOf: 'Thời điểm',
    deadline: 'Hạn gửi',
    deadlineLine: 'Hạn gửi báo cáo: {date} ({status})',
    headLine: 'Người đứng đầu đơn vị: {name}',
    noIndicators: 'Đơn vị không có chỉ số nào phải báo cáo trong kỳ này.',
    layer: 'Lớp {layer}',
    measure: 'Đơn vị tính',
    targets: 'Mục tiêu',
    focal: 'Cán bộ đầu mối',
    method: 'Cách tính',
    fieldsLegend: 'Số liệu cần nhập',
    previous: 'Kỳ trước ({period}): {value}',
    previousNone: 'Kỳ trước ({period}): chưa có số liệu',
    current: 'Kỳ này đã có trong sổ: {value}. Giá trị nhập mới sẽ là bản sửa đổi.',
    sharedField: 'Ô này đã nhập ở chỉ số {code}; giá trị dùng chung.',
    blank: 'Chưa nhập.',
    error: 'Lỗi',
    warning: 'Lưu ý',
    valueReads: 'Giá trị ghi nhận:',
    hint_count: 'Số nguyên từ 0, ví dụ 1.234',
    hint_number: 'Số, dùng dấu phẩy thập phân, ví dụ 1.234,5',
    hint_percent: 'Phần trăm, ví dụ 87,5',
    hint_ratio: 'Tỷ số, ví dụ 0,75',
    hint_rank: 'Thứ hạng, số nguyên từ 1',
    hint_yes_no: 'Nhập “có” hoặc “không”',
    hint_text: 'Nhập nội dung',
    projection: 'Dự kiến',
    projectedValue: 'Giá trị chỉ số: {value}',
    projectedPoints: 'Điểm: {points}/{max}',
    projectedNone: 'Chưa tính được (còn thiếu số liệu).',
    offTrack: 'Chưa đạt yêu cầu: {reason}',
    evidence: 'Minh chứng',
    evidenceRequired: 'bắt buộc',
    evidenceOptional: 'không bắt buộc',
    evidenceChoose: 'Chọn tệp minh chứng',
    evidenceNone: 'Chưa có tệp minh chứng.',
    evidenceHashing: 'Đang tính mã SHA-256…',
    evidenceSize: 'Dung lượng',
    evidenceHash: 'Mã SHA-256',
    docNumber: 'Số văn bản',
    docDate: 'Ngày văn bản',
    docSummary: 'Trích yếu',
    evidenceRemove: 'Bỏ tệp “{name}”',
    evidenceRemoveShort: 'Bỏ tệp',
    evidenceAttached: 'Gắn kèm mọi giá trị của chỉ số {code}.',
    explain: 'Giải trình',
    explainRequired: 'Giải trình bắt buộc',
    explainWhy: 'Lý do: {reason}',
    explainOptional: 'Chỉ số hiện không còn phải giải trình; nội dung đã nhập vẫn được gửi kèm.',
    causes: 'Nguyên nhân',
    bottlenecks: 'Điểm nghẽn (chọn một hay nhiều)',
    solutions: 'Giải pháp',
    support: 'Kiến nghị (nếu có)',
    summary: 'Tổng hợp trước khi gửi',
    summaryPending: 'Đang tính lại…',
    completeness: 'Mức đầy đủ',
    completenessDetail: '{reported}/{expected} chỉ tiêu đã có số liệu',
    qualityScore: 'Điểm chất lượng dữ liệu',
    projectedScore: 'Điểm dự kiến',
    projectedRank: 'Xếp hạng dự kiến',
    rankDetail: 'Kỳ trước: {previous}',
    rankNone: 'Không có nhóm so sánh',
    tied: 'đồng hạng với {n} đơn vị khác',
    up: 'tăng {n} bậc',
    down: 'giảm {n} bậc',
    same: 'giữ nguyên',
    outOf100: '/100',
    findings: 'Phát hiện về chất lượng',
    findingsNone: 'Không có phát hiện nào.',
    errors: 'Lỗi',
    warnings: 'Cảnh báo',
    invalidEntries: 'Ô nhập sai (không đưa vào hồ sơ)',
    timelinessNow: 'Nếu gửi lúc này: {status}',
    download: 'Tải hồ sơ (JSON)',
    downloadCount: '{values} giá trị, {explanations} giải trình',
    downloadNote: 'Chỉ các ô đã nhập và hợp lệ được đưa vào hồ sơ.',
    downloaded: 'Đã tạo tệp {name}.',
    previewFailed: 'Không xem trước được: {message}',
    indicatorLabel: 'Chỉ số {code}',
  },
  en: {
    documentTitle: 'Resolution 57 report — {unit}, {period}',
    skipLink: 'Skip to the form',
    agency: 'Resolution 57-NQ/TW monitoring and evaluation system',
    title: 'Resolution 57-NQ/TW progress report',
    lead: 'Enter the period’s figures. Each entry is checked as you type, and the projected score and rank are worked out before anything is sent.',
    langSwitch: 'Tiếng Việt',
    langSwitchLabel: 'Chuyển sang tiếng Việt',
    loading: 'Loading the indicator set and the ledger…',
    loadFailed: 'The form could not be loaded: {message}',
    unit: 'Reporting unit',
    period: 'Reporting period',
    enteredBy: 'Entered by',
    enteredByHint: 'Account or name of the officer entering the figures',
    enteredByMissing: 'Enter who entered the figures before downloading the filing.',
    asOf: 'As of',
    deadline: 'Deadline',
    deadlineLine: 'Report due by {date} ({status})',
    headLine: 'Head of the unit: {name}',
    noIndicators: 'The unit has no indicator to report for this period.',
    layer: 'Layer {layer}',
    measure: 'Unit of measure',
    targets: 'Targets',
    focal: 'Focal officer',
    method: 'Method',
    fieldsLegend: 'Figures to enter',
    previous: 'Previous period ({period}): {value}',
    previousNone: 'Previous period ({period}): no figure',
    current: 'Already in the ledger for this period: {value}. A new entry is a revision.',
    sharedField: 'Entered under indicator {code}; the value is shared.',
    blank: 'Not entered.',
    error: 'Error',
    warning: 'Note',
    valueReads: 'Value read:',
    hint_count: 'Whole number from 0, e.g. 1,234',
    hint_number: 'Number, e.g. 1,234.5 (Vietnamese style 1.234,5 also works)',
    hint_percent: 'Percentage, e.g. 87.5',
    hint_ratio: 'Ratio, e.g. 0.75',
    hint_rank: 'Rank, a whole number from 1',
    hint_yes_no: 'Type “yes” or “no”',
    hint_text: 'Type the text',
    projection: 'Projected',
    projectedValue: 'Indicator value: {value}',
    projectedPoints: 'Points: {points}/{max}',
    projectedNone: 'Not computable yet (figures missing).',
    offTrack: 'Off track: {reason}',
    evidence: 'Evidence',
    evidenceRequired: 'required',
    evidenceOptional: 'optional',
    evidenceChoose: 'Choose evidence files',
    evidenceNone: 'No evidence file yet.',
    evidenceHashing: 'Computing SHA-256…',
    evidenceSize: 'Size',
    evidenceHash: 'SHA-256',
    docNumber: 'Document number',
    docDate: 'Document date',
    docSummary: 'Summary',
    evidenceRemove: 'Remove “{name}”',
    evidenceRemoveShort: 'Remove',
    evidenceAttached: 'Attached to every value of indicator {code}.',
    explain: 'Explanation',
    explainRequired: 'Explanation required',
    explainWhy: 'Why: {reason}',
    explainOptional: 'The indicator no longer needs explaining; what you entered is still sent.',
    causes: 'Causes',
    bottlenecks: 'Bottlenecks (one or more)',
    solutions: 'Solutions',
    support: 'Support requested (optional)',
    summary: 'Summary before sending',
    summaryPending: 'Recomputing…',
    completeness: 'Completeness',
    completenessDetail: '{reported} of {expected} items reported',
    qualityScore: 'Data-quality score',
    projectedScore: 'Projected score',
    projectedRank: 'Projected rank',
    rankDetail: 'Previous period: {previous}',
    rankNone: 'No peer group',
    tied: 'tied with {n} other units',
    up: 'up {n}',
    down: 'down {n}',
    same: 'unchanged',
    outOf100: '/100',
    findings: 'Quality findings',
    findingsNone: 'No findings.',
    errors: 'Errors',
    warnings: 'Warnings',
    invalidEntries: 'Invalid entries (left out of the filing)',
    timelinessNow: 'If sent now: {status}',
    download: 'Download filing (JSON)',
    downloadCount: '{values} values, {explanations} explanations',
    downloadNote: 'Only entries that are filled in and valid go into the filing.',
    downloaded: 'Created {name}.',
    previewFailed: 'Preview failed: {message}',
    indicatorLabel: 'Indicator {code}',
  },
};

/** The label `key` in `lang`, with `{name}` placeholders filled from `vars`. */
// The core's words (layers, statuses, kinds of unit, bottlenecks…) are not written here: they
// come from the package's `vocabulary()`, so the form says what the engine says.
let VOCABULARY = new Map();

/** Takes the core's vocabulary (`vocabulary()` of the chiso package) for `word` and `codes`. */
export function useVocabulary(list) {
  VOCABULARY = new Map(list.map((words) => [words.name, new Map(words.words.map((w) => [w.code, w.label]))]));
}

/** The label, in `lang`, of the value `code` of the core's enumeration `name`. */
export function word(lang, name, code) {
  return VOCABULARY.get(name)?.get(code)?.[lang] ?? code;
}

/** The values of the core's enumeration `name`, in its order. */
export function codes(name) {
  return [...(VOCABULARY.get(name)?.keys() ?? [])];
}

export function t(lang, key, vars = {}) {
  const text = STRINGS[lang]?.[key] ?? STRINGS.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** A byte count: 1,2 MB (vi) / 1.2 MB (en). */
export function formatBytes(size, lang) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = unit === 0 ? String(value) : value.toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text} ${units[unit]}`;
}
