/**
 * The opening check's items (服务仪表 appearance, 服务设施 counter), as the standard's source
 * documents list them, and the shape a manager's edited list takes. Each item carries its own text
 * in every language and a version that goes up when it is reworded: a check copies both into its
 * record, so rewording or retiring an item later never changes what an earlier check meant.
 */
import { z } from '../zod';
import { CodeSchema } from '../catalog';

export const OpeningPartSchema = z.enum(['appearance', 'counter']);
export type OpeningPart = z.infer<typeof OpeningPartSchema>;

const ItemText = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));
export const ItemTextSchema = z.object({ 'zh-CN': ItemText, 'zh-TW': ItemText, en: ItemText });
export type ItemText = z.infer<typeof ItemTextSchema>;

export const OpeningItemSchema = z.object({
  code: CodeSchema,
  part: OpeningPartSchema,
  text: ItemTextSchema,
  /** 1 when added; one more at each rewording. */
  version: z.int().check(z.gte(1), z.lte(1000)),
  /** Retired items stay in the list (their code is never reused) but are no longer asked. */
  retired: z.boolean(),
});
export type OpeningItem = z.infer<typeof OpeningItemSchema>;

const uniqueCodes = (items: readonly OpeningItem[]) =>
  new Set(items.map((item) => item.code)).size === items.length;
const bothParts = (items: readonly OpeningItem[]) =>
  OpeningPartSchema.options.every((part) =>
    items.some((item) => item.part === part && !item.retired),
  );

export const OpeningItemsSchema = z
  .array(OpeningItemSchema)
  .check(
    z.minLength(2),
    z.maxLength(40),
    z.refine(uniqueCodes, 'codes repeat'),
    z.refine(bothParts, 'each part needs an item'),
  );

const item = (
  code: string,
  part: OpeningPart,
  zhCN: string,
  zhTW: string,
  en: string,
): OpeningItem => ({
  code,
  part,
  text: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
  version: 1,
  retired: false,
});

/** The default list: 001 (仪容仪表 细则) and 000 (服务仪表, 服务设施) of the source documents. */
export const DEFAULT_OPENING_ITEMS: readonly OpeningItem[] = OpeningItemsSchema.parse([
  item(
    'uniform',
    'appearance',
    '统一制服，干净平整，无污渍、无破损',
    '統一制服，乾淨平整，無污漬、無破損',
    'Uniform clean and pressed, no stains or tears',
  ),
  item(
    'cuffs-tie',
    'appearance',
    '衬衫袖口扣上，领带或丝巾按规定佩戴',
    '襯衫袖口扣上，領帶或絲巾按規定佩戴',
    "Shirt cuffs buttoned, the store's tie or scarf",
  ),
  item(
    'badge',
    'appearance',
    '工号牌端正别在左胸前，正面朝外',
    '工號牌端正別在左胸前，正面朝外',
    'Staff-number badge on the left chest, face out',
  ),
  item('work-id', 'appearance', '佩带工作证上岗', '佩帶工作證上崗', 'Work ID worn on duty'),
  item(
    'socks-shoes',
    'appearance',
    '深色袜子，黑色皮鞋光亮无尘；无背心、短裤、拖鞋',
    '深色襪子，黑色皮鞋光亮無塵；無背心、短褲、拖鞋',
    'Dark socks, black polished shoes; no vest, shorts or slippers',
  ),
  item(
    'jewellery',
    'appearance',
    '除手表外不戴饰物，戒指不超过一枚',
    '除手錶外不戴飾物，戒指不超過一枚',
    'No jewellery beyond a watch and one ring',
  ),
  item(
    'hair-face',
    'appearance',
    '头发整齐不染彩发；男士不留胡须，女士淡妆',
    '頭髮整齊不染彩髮；男士不留鬍鬚，女士淡妝',
    'Hair tidy, no dyed colours; men shaved, women light make-up',
  ),
  item('nails', 'appearance', '指甲修剪整齐干净', '指甲修剪整齊乾淨', 'Nails trimmed and clean'),
  item(
    'materials',
    'counter',
    '规章制度、表单、政策资料准备齐全',
    '規章制度、表單、政策資料準備齊全',
    'Rules, forms and policy material ready at hand',
  ),
  item('window-notice', 'counter', '窗口告知已张贴', '窗口告知已張貼', 'Window notice displayed'),
  item(
    'clean',
    'counter',
    '服务台面、办公桌面、地面、电脑灯保持清洁',
    '服務檯面、辦公桌面、地面、電腦燈保持清潔',
    'Counter top, desk, floor and lamp clean',
  ),
  item('supplies', 'counter', '办公用品摆放整齐', '辦公用品擺放整齊', 'Supplies in order'),
]);

/** The items a check asks now, appearance first. */
export const activeItems = (items: readonly OpeningItem[]): OpeningItem[] =>
  [...items.filter((i) => !i.retired)].sort(
    (a, b) => OpeningPartSchema.options.indexOf(a.part) - OpeningPartSchema.options.indexOf(b.part),
  );

export type OpeningEditProblem = 'item-removed' | 'part-changed' | 'reworded-without-version';

/**
 * What is wrong with replacing the list `before` by `after`, beyond its shape: an item removed
 * (retire it instead: its code stays taken), moved to the other part, or reworded (or its version
 * lowered) without a new version. The domain refuses such a change and verification flags it.
 */
export function openingEditProblem(
  before: readonly OpeningItem[],
  after: readonly OpeningItem[],
): OpeningEditProblem | null {
  for (const old of before) {
    const next = after.find((candidate) => candidate.code === old.code);
    if (!next) return 'item-removed';
    if (next.part !== old.part) return 'part-changed';
    const sameText = (['zh-CN', 'zh-TW', 'en'] as const).every(
      (locale) => next.text[locale] === old.text[locale],
    );
    if (next.version < old.version || (!sameText && next.version === old.version)) {
      return 'reworded-without-version';
    }
  }
  return null;
}

/** `items` with `code` reworded: a new version. */
export const rewordItem = (items: readonly OpeningItem[], code: string, text: ItemText) =>
  items.map((i) => (i.code === code ? { ...i, text, version: i.version + 1 } : i));

export const retireItem = (items: readonly OpeningItem[], code: string, retired = true) =>
  items.map((i) => (i.code === code ? { ...i, retired } : i));

export const addItem = (
  items: readonly OpeningItem[],
  code: string,
  part: OpeningPart,
  text: ItemText,
): OpeningItem[] => [...items, { code, part, text, version: 1, retired: false }];
