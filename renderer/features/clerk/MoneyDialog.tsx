/**
 * 唱收唱付: the clerk keys in the amount due and the amount received; the change and the sentence
 * to say appear as they type. Amounts are parsed straight into integer fen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepDefinition, type FlowDefinition } from '../../domain/flow-definition';
import { formatYuan, parseYuan } from '../../domain/money';
import { renderScript, type ScriptFacts } from '../../domain/script';
import { currentLocale } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
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
  const dueParsed = parseYuan(due);
  const receivedParsed = parseYuan(received);
  const error = (() => {
    if (due.trim() && !dueParsed.ok) return t(`moneyInput.${dueParsed.refusal}`);
    if (received.trim() && !receivedParsed.ok) return t(`moneyInput.${receivedParsed.refusal}`);
    if (dueParsed.ok && receivedParsed.ok && receivedParsed.value < dueParsed.value) {
      return t('refusal.received-less-than-due');
    }
    return null;
  })();
  const ready = dueParsed.ok && receivedParsed.ok && error === null;
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
        onClick: () => ready && onConfirm(dueParsed.value, receivedParsed.value),
        disabled: !ready,
      }}
    >
      <div className="money-grid">
        <TextField
          label={t('money.due')}
          value={due}
          onChange={setDue}
          maxLength={12}
          inputMode="decimal"
        />
        <TextField
          label={t('money.received')}
          value={received}
          onChange={setReceived}
          maxLength={12}
          inputMode="decimal"
        />
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
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <output className="money-change" aria-label={t('money.change')}>
        {changeFen === undefined
          ? t('money.changeUnknown')
          : t('money.changeLine', { amount: formatYuan(changeFen) })}
      </output>
      {sentence && <blockquote className="script">{sentence}</blockquote>}
    </Dialog>
  );
}
