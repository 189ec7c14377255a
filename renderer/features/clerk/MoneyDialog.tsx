/**
 * 唱收唱付: the clerk keys in the amount due and the amount received; the change and the sentence
 * to say appear as they type. Amounts are parsed straight into integer fen; every bad input — an
 * empty field, a negative amount, a decimal comma, too many decimals, an amount out of range,
 * less received than due — gets its own sentence, and nothing is recorded until both are right.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepDefinition, type FlowDefinition } from '../../../core/domain/flow/flow-definition';
import { formatYuan, parseYuan } from '../../../core/domain/money';
import { KeepUnits } from '../../ui/KeepUnits';
import { renderScript, type ScriptFacts } from '../../../core/domain/script';
import { currentLocale } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';

const QUICK_NOTES = [2000, 5000, 10000];

export function MoneyDialog({
  flow,
  facts,
  onCancel,
  onConfirm,
}: {
  flow: FlowDefinition;
  facts: ScriptFacts;
  onCancel: () => void;
  onConfirm: (dueFen: number, receivedFen: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const [due, setDue] = useState('');
  const [received, setReceived] = useState('');
  const [tried, setTried] = useState(false);
  const dueParsed = parseYuan(due);
  const receivedParsed = parseYuan(received);

  const problem = (() => {
    // An empty field is only a problem once the clerk tries to record.
    for (const [field, text, parsed] of [
      ['due', due, dueParsed],
      ['received', received, receivedParsed],
    ] as const) {
      if (!parsed.ok && (tried || text.trim() !== ''))
        return t(`moneyInput.${field}.${parsed.error}`);
    }
    if (dueParsed.ok && receivedParsed.ok && receivedParsed.value < dueParsed.value) {
      return t('refusal.received-less-than-due');
    }
    return null;
  })();
  const ready = dueParsed.ok && receivedParsed.ok && problem === null;
  const changeFen = ready ? receivedParsed.value - dueParsed.value : undefined;
  const dueScript = stepDefinition(flow, 'announce-money').script;
  const sentence = ready
    ? [
        dueScript ? renderScript(dueScript, locale, { ...facts, dueFen: dueParsed.value }) : '',
        renderScript(
          changeFen === 0 ? flow.moneyScripts.exact : flow.moneyScripts.withChange,
          locale,
          {
            ...facts,
            receivedFen: receivedParsed.value,
            changeFen,
          },
        ),
      ].join(locale === 'en' ? ' ' : '')
    : null;

  return (
    <Dialog
      title={t('money.title')}
      onClose={onCancel}
      confirm={{
        label: t('money.confirm'),
        onClick: () => {
          setTried(true);
          if (ready) onConfirm(dueParsed.value, receivedParsed.value);
        },
      }}
    >
      <div className="money-grid">
        {(
          [
            ['due', due, setDue],
            ['received', received, setReceived],
          ] as const
        ).map(([field, value, onChange]) => (
          <TextField
            key={field}
            label={t(`money.${field}`)}
            value={value}
            onChange={onChange}
            maxLength={12}
            inputMode="decimal"
          />
        ))}
      </div>
      <div className="choice-row">
        <button
          type="button"
          className="choice"
          disabled={!dueParsed.ok}
          onClick={() => setReceived(due)}
        >
          {t('money.exact')}
        </button>
        {QUICK_NOTES.map((fen) => (
          <button
            key={fen}
            type="button"
            className="choice"
            onClick={() => setReceived(formatYuan(fen))}
          >
            {t('money.note', { amount: formatYuan(fen) })}
          </button>
        ))}
      </div>
      <FormError message={problem} />
      <output className="money-change" aria-label={t('money.change')}>
        {changeFen === undefined
          ? t('money.changeUnknown')
          : t('money.changeLine', { amount: formatYuan(changeFen) })}
      </output>
      {sentence && (
        <blockquote className="script">
          <KeepUnits text={sentence} />
        </blockquote>
      )}
    </Dialog>
  );
}
