/**
 * A text with elements inside it: `<date>{{today}}</date>` in the words becomes the `date`
 * element of `components` holding the text between the tags (react-i18next's `Trans` with named
 * components, the part the app uses). Tags are read from the words before the values go in, so a
 * value is always text; tags do not nest, and a tag not in `components` stays as it is written.
 */
import { cloneElement, type ReactElement, type ReactNode } from 'react';
import { interpolate, type TFunction, type TOptions } from '../../core/i18n/translator';

const TAG = /<([A-Za-z][\w-]*)>(.*?)<\/\1>/gs;

export function Trans({
  t,
  i18nKey,
  values = {},
  components,
}: {
  t: TFunction;
  i18nKey: string;
  values?: TOptions;
  components: Readonly<Record<string, ReactElement>>;
}) {
  // Only the count goes in first (it chooses the plural form); the other values go into the
  // pieces, once the tags are found.
  const text = t(i18nKey, values.count === undefined ? {} : { count: values.count });
  const parts: ReactNode[] = [];
  let from = 0;
  for (const { 0: whole, 1: name = '', 2: inner = '', index } of text.matchAll(TAG)) {
    const element = components[name];
    if (!element) continue;
    if (index > from) parts.push(interpolate(text.slice(from, index), values));
    parts.push(cloneElement(element, { key: parts.length }, interpolate(inner, values)));
    from = index + whole.length;
  }
  if (from < text.length) parts.push(interpolate(text.slice(from), values));
  return <>{parts}</>;
}
