/**
 * The export's codebook: what every column of every CSV file holds — its type, unit, allowed
 * codes and a description in each language — written into each zip as `datapackage.json`, a
 * Frictionless Tabular Data Package descriptor (profile v1, Table Schema for each file), so that
 * anyone can read the tables without this app. The same field types decide which cells are text:
 * every `string` field is neutralised against spreadsheet formulas by `neutralise` (one function,
 * for every text column of every CSV file), and no other field is.
 */
import type { Locale } from '../domain/locale';
import { COMPLAINT_COLUMNS, FILES, SERVICE_COLUMNS, STEP_EVENT_COLUMNS } from './format';

type FieldType = 'string' | 'integer' | 'number' | 'date' | 'datetime';
type Words = Record<Locale, string>;

export interface FieldSpec {
  type: FieldType;
  /** `uuid` for identifiers. */
  format?: 'uuid';
  unit?: 's' | '%' | 'CNY';
  /** The codes the column may hold (an empty cell is a missing value). */
  enum?: readonly string[];
  description: Words;
}

const w = (en: string, zhCN: string, zhTW: string): Words => ({
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
});
const text = (description: Words, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type: 'string',
  description,
  ...extra,
});
const integer = (description: Words, unit?: FieldSpec['unit']): FieldSpec => ({
  type: 'integer',
  description,
  ...(unit ? { unit } : {}),
});
const uuid = (description: Words): FieldSpec => ({ type: 'string', format: 'uuid', description });
const day = (description: Words): FieldSpec => ({ type: 'date', description });
const at = (description: Words): FieldSpec => ({ type: 'datetime', description });

const shared = {
  service_id: uuid(
    w('The service (its id in the log).', '服务编号（日志中的 id）。', '服務編號（日誌中的 id）。'),
  ),
  business_day: day(
    w(
      'The business day, in the device’s time zone and day start.',
      '营业日（按设备的时区和营业日起点）。',
      '營業日（依裝置的時區和營業日起點）。',
    ),
  ),
  counter: text(w('The counter number.', '柜台号。', '櫃檯號。')),
  clerk: text(w('The clerk’s staff number.', '柜员工号。', '櫃員工號。')),
  ticket: text(w('The queue ticket.', '排队号。', '排隊號。')),
};

const SERVICE_FIELDS: Record<(typeof SERVICE_COLUMNS)[number], FieldSpec> = {
  ...shared,
  device_id: uuid(w('The device that recorded it.', '记录它的设备。', '記錄它的裝置。')),
  title: text(w('How the customer was addressed.', '对客户的称呼。', '對客戶的稱呼。'), {
    enum: ['mr', 'ms'],
  }),
  surname: text(
    w(
      'The customer’s surname (masked when asked).',
      '客户姓氏（可遮蔽）。',
      '客戶姓氏（可遮蔽）。',
    ),
  ),
  business_type: text(w('The business type’s code.', '业务类型代码。', '業務類型代碼。')),
  business_type_name: text(w('The business type’s name.', '业务类型名称。', '業務類型名稱。')),
  business_type_recorded: text(
    w(
      'The business type first recorded, before any correction.',
      '更正前最初记录的业务类型。',
      '更正前最初記錄的業務類型。',
    ),
  ),
  started_at: at(
    w('When the service started (UTC).', '服务开始时间（UTC）。', '服務開始時間（UTC）。'),
  ),
  ended_at: at(
    w('When the service ended (UTC).', '服务结束时间（UTC）。', '服務結束時間（UTC）。'),
  ),
  duration_s: integer(w('How long it took.', '服务时长。', '服務時長。'), 's'),
  target_s: integer(
    w('The target time for its business type.', '该业务类型的目标时长。', '該業務類型的目標時長。'),
    's',
  ),
  over_target: text(
    w('Whether it took longer than the target.', '是否超过目标时长。', '是否超過目標時長。'),
    {
      enum: ['yes', 'no'],
    },
  ),
  outcome: text(w('How the service ended.', '服务如何结束。', '服務如何結束。'), {
    enum: ['open', 'finished', 'abandoned'],
  }),
  abandon_reason: text(
    w('Why the customer left (code).', '客户离开的原因（代码）。', '客戶離開的原因（代碼）。'),
  ),
  steps_done: integer(w('Steps done.', '完成的步骤数。', '完成的步驟數。')),
  steps_skipped: integer(
    w('Steps skipped, with a reason.', '跳过的步骤数（附原因）。', '跳過的步驟數（附原因）。'),
  ),
  steps_not_applicable: integer(
    w('Steps that did not apply.', '不适用的步骤数。', '不適用的步驟數。'),
  ),
  steps_not_reached: integer(
    w('Steps not reached before the end.', '结束前未到达的步骤数。', '結束前未到達的步驟數。'),
  ),
  steps_applicable: integer(w('Steps that applied.', '适用的步骤数。', '適用的步驟數。')),
  steps_kept_pct: {
    type: 'number',
    unit: '%',
    description: w(
      'Steps done of those that applied.',
      '适用步骤中完成的比例。',
      '適用步驟中完成的比例。',
    ),
  },
  steps_out_of_order: text(
    w(
      'Numbers of the steps done out of order, space-separated.',
      '未按顺序完成的步骤编号，以空格分隔。',
      '未按順序完成的步驟編號，以空格分隔。',
    ),
  ),
  money_due_yuan: {
    type: 'number',
    unit: 'CNY',
    description: w('Amount due.', '应收金额。', '應收金額。'),
  },
  money_received_yuan: {
    type: 'number',
    unit: 'CNY',
    description: w('Amount received.', '实收金额。', '實收金額。'),
  },
  money_change_yuan: {
    type: 'number',
    unit: 'CNY',
    description: w('Change given.', '找零金额。', '找零金額。'),
  },
  recommendations: text(
    w(
      'Offers made, as offer:response, space-separated.',
      '推荐记录，格式为 offer:response，以空格分隔。',
      '推薦紀錄，格式為 offer:response，以空格分隔。',
    ),
  ),
  amendments: text(
    w(
      'Corrections: #seq staff: reason, separated by " | ".',
      '更正：#序号 工号: 原因，以“ | ”分隔。',
      '更正：#序號 工號: 原因，以「 | 」分隔。',
    ),
  ),
};

const STEP_EVENT_FIELDS: Record<(typeof STEP_EVENT_COLUMNS)[number], FieldSpec> = {
  ...shared,
  seq: integer(
    w('The record’s sequence number in the log.', '记录在日志中的序号。', '紀錄在日誌中的序號。'),
  ),
  at: at(w('When it was recorded (UTC).', '记录时间（UTC）。', '記錄時間（UTC）。')),
  step_number: integer(w('The step’s number (1–17).', '步骤编号（1–17）。', '步驟編號（1–17）。')),
  step_id: text(w('The step’s code.', '步骤代码。', '步驟代碼。')),
  step_name: text(w('The step’s name.', '步骤名称。', '步驟名稱。')),
  outcome: text(
    w(
      'done, skipped, na, or amended:<outcome> for a correction.',
      'done、skipped、na，更正为 amended:<结果>。',
      'done、skipped、na，更正為 amended:<結果>。',
    ),
  ),
  automatic: text(
    w(
      'yes when the app closed the step itself.',
      '由系统自动关闭时为 yes。',
      '由系統自動關閉時為 yes。',
    ),
    {
      enum: ['yes'],
    },
  ),
  skip_reason: text(w('Why it was skipped (code).', '跳过原因（代码）。', '跳過原因（代碼）。')),
  note: text(w('The clerk’s note.', '柜员备注。', '櫃員備註。')),
  offset_s: integer(
    w('Time since the service started.', '距服务开始的时间。', '距服務開始的時間。'),
    's',
  ),
  amendment_reason: text(w('Why it was corrected.', '更正原因。', '更正原因。')),
};

const stepOutcome = (step: string, zh: string, tw: string) =>
  text(
    w(
      `Complaint step “${step}”: done, na or skipped:<reason>.`,
      `投诉步骤“${zh}”：done、na 或 skipped:<原因>。`,
      `投訴步驟「${tw}」：done、na 或 skipped:<原因>。`,
    ),
  );
const stepTime = (step: string, zh: string, tw: string) =>
  at(
    w(
      `When complaint step “${step}” was first given (UTC).`,
      `投诉步骤“${zh}”首次记录的时间（UTC）。`,
      `投訴步驟「${tw}」首次記錄的時間（UTC）。`,
    ),
  );

const COMPLAINT_FIELDS: Record<(typeof COMPLAINT_COLUMNS)[number], FieldSpec> = {
  ...shared,
  trigger: text(w('How it started.', '投诉如何开始。', '投訴如何開始。'), {
    enum: ['business-type', 'during-service'],
  }),
  started_at: at(
    w('When the complaint started (UTC).', '投诉开始时间（UTC）。', '投訴開始時間（UTC）。'),
  ),
  category: text(w('What it was about (code).', '投诉类别（代码）。', '投訴類別（代碼）。')),
  category_name: text(w('What it was about (name).', '投诉类别名称。', '投訴類別名稱。')),
  summary: text(w('The clerk’s summary.', '柜员的摘要。', '櫃員的摘要。')),
  outcome: text(w('The outcome.', '处理结果。', '處理結果。'), {
    enum: ['resolved', 'escalated', 'follow-up'],
  }),
  recorded_at: at(w('When it was recorded (UTC).', '记录时间（UTC）。', '記錄時間（UTC）。')),
  escalated_to: text(
    w('The manager it was escalated to.', '升级给的主管工号。', '升級給的主管工號。'),
  ),
  escalation_confirmed_by: text(
    w('Who confirmed the escalation.', '确认升级的人。', '確認升級的人。'),
  ),
  follow_up_due: day(w('The day a follow-up is due.', '回访到期日。', '回訪到期日。')),
  follow_up_result: text(w('The follow-up’s result.', '回访结果。', '回訪結果。'), {
    enum: ['resolved', 'not-resolved', 'customer-unreachable'],
  }),
  follow_up_closed_by: text(w('Who closed the follow-up.', '结束回访的人。', '結束回訪的人。')),
  follow_up_closed_at: at(
    w('When the follow-up was closed (UTC).', '回访结束时间（UTC）。', '回訪結束時間（UTC）。'),
  ),
  follow_up_note: text(w('The follow-up’s note.', '回访备注。', '回訪備註。')),
  step_accept: stepOutcome('Accept the complaint', '接受投诉', '接受投訴'),
  step_accept_at: stepTime('Accept the complaint', '接受投诉', '接受投訴'),
  step_calm: stepOutcome('Calm the customer', '平息怒气', '平息怒氣'),
  step_calm_at: stepTime('Calm the customer', '平息怒气', '平息怒氣'),
  step_clarify: stepOutcome('Clarify the problem', '澄清问题', '澄清問題'),
  step_clarify_at: stepTime('Clarify the problem', '澄清问题', '澄清問題'),
  step_explore: stepOutcome('Explore a solution', '探讨解决', '探討解決'),
  step_explore_at: stepTime('Explore a solution', '探讨解决', '探討解決'),
  step_act: stepOutcome('Take action', '采取行动', '採取行動'),
  step_act_at: stepTime('Take action', '采取行动', '採取行動'),
  step_thank: stepOutcome('Thank the customer', '感谢客户', '感謝客戶'),
  step_thank_at: stepTime('Thank the customer', '感谢客户', '感謝客戶'),
};

export interface TableSpec {
  name: string;
  file: string;
  columns: readonly string[];
  fields: Readonly<Record<string, FieldSpec>>;
  description: Words;
}

export const TABLES: readonly TableSpec[] = [
  {
    name: 'services',
    file: FILES.services,
    columns: SERVICE_COLUMNS,
    fields: SERVICE_FIELDS,
    description: w('One row per service.', '每个服务一行。', '每個服務一列。'),
  },
  {
    name: 'step-events',
    file: FILES.stepEvents,
    columns: STEP_EVENT_COLUMNS,
    fields: STEP_EVENT_FIELDS,
    description: w(
      'One row per step outcome and per step correction.',
      '每个步骤结果及每次步骤更正一行。',
      '每個步驟結果及每次步驟更正一列。',
    ),
  },
  {
    name: 'complaints',
    file: FILES.complaints,
    columns: COMPLAINT_COLUMNS,
    fields: COMPLAINT_FIELDS,
    description: w('One row per complaint.', '每个投诉一行。', '每個投訴一列。'),
  },
];

/** The columns of a table that hold text (and so are neutralised in the CSV file). */
export function textColumns(table: TableSpec): ReadonlySet<string> {
  return new Set(table.columns.filter((column) => table.fields[column]?.type === 'string'));
}

/**
 * Text a spreadsheet would take for a formula or a command — starting with =, +, -, @, a tab or
 * a carriage return — is kept as text with a leading apostrophe, in the CSV files only (the
 * workbook marks its text cells as text instead). The one place this is done.
 */
export const neutralise = (value: string): string =>
  /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

const TABLE_SCHEMA_TYPES: Record<FieldType, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  date: 'date',
  datetime: 'datetime',
};

/** `datapackage.json`: the Tabular Data Package descriptor of an export, in its language and English. */
export function dataPackage(locale: Locale, title: string): Record<string, unknown> {
  const said = (words: Words) => (locale === 'en' ? words.en : `${words[locale]} / ${words.en}`);
  return {
    profile: 'tabular-data-package',
    name: 'counter-steps-export',
    title,
    description: said(
      w(
        'The tables of a Counter Steps export. Text cells that begin with =, +, -, @, a tab or a carriage return carry a leading apostrophe (a protection against spreadsheet formulas); drop it to read the recorded text. Every record as stored is in log.jsonl, described by log.schema.json; manifest.json holds the digests and the signature.',
        '柜台服务十七步导出的表格。以 =、+、-、@、制表符或回车开头的文本单元格前加了一个撇号（防止电子表格把它当作公式）；去掉它即为记录的原文。日志原样保存在 log.jsonl（由 log.schema.json 描述）；manifest.json 含摘要和签名。',
        '櫃檯服務十七步匯出的表格。以 =、+、-、@、定位字元或歸位字元開頭的文字儲存格前加了一個撇號（防止試算表把它當作公式）；去掉它即為記錄的原文。日誌原樣保存在 log.jsonl（由 log.schema.json 描述）；manifest.json 含摘要和簽章。',
      ),
    ),
    resources: TABLES.map((table) => ({
      profile: 'tabular-data-resource',
      name: table.name,
      path: table.file,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      dialect: {
        delimiter: ',',
        doubleQuote: true,
        lineTerminator: '\r\n',
        quoteChar: '"',
        header: true,
      },
      description: said(table.description),
      schema: {
        missingValues: [''],
        fields: table.columns.map((column) => {
          const spec = table.fields[column];
          if (!spec) throw new Error(`no codebook entry for ${table.file} ${column}`);
          return {
            name: column,
            type: TABLE_SCHEMA_TYPES[spec.type],
            ...(spec.format ? { format: spec.format } : {}),
            description: said(spec.description),
            ...(spec.unit ? { unit: spec.unit } : {}),
            ...(spec.enum ? { constraints: { enum: [...spec.enum] } } : {}),
          };
        }),
      },
    })),
  };
}
