/**
 * The clerk's screen: between customers the start panel, during a service the current step, the
 * progress strip, the timer and the quick actions for what happens at any time. Everything shown is
 * read back from the log, so a reload or a crash returns to exactly this state.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_BUSINESS_TYPES, nextTicket } from '../../domain/catalog';
import { currentStep, type Command, type ServiceState } from '../../domain/engine';
import { SERVICE_STANDARD, stepDefinition, type StepId } from '../../domain/flow-definition';
import { addressCustomer, renderScript, type ScriptFacts } from '../../domain/script';
import { currentLocale } from '../../i18n';
import type { Session } from '../../storage';
import { useRepositories } from '../../storage/provider';
import { Notice } from '../../ui/Notice';
import { speak } from '../../ui/speech';
import { AbandonDialog } from './AbandonDialog';
import { AwayOverlay } from './AwayOverlay';
import { CallNextDialog } from './CallNextDialog';
import { MoneyDialog } from './MoneyDialog';
import { ProgressStrip } from './ProgressStrip';
import { RecommendDialog } from './RecommendDialog';
import { ServiceTimer } from './ServiceTimer';
import { SkipDialog } from './SkipDialog';
import { StartPanel } from './StartPanel';
import { StepCard } from './StepCard';
import { SurnameDialog } from './SurnameDialog';
import { useCommand } from './use-command';

const flow = SERVICE_STANDARD;

type OpenDialog =
  | { kind: 'skip'; stepId: StepId }
  | { kind: 'money' | 'recommend' | 'call-next' | 'abandon' | 'surname' };

export function ClerkScreen({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const { services } = useRepositories();
  // One query for both, so the service and the ticket called always come from the same moment of
  // the log (two separate ones could remount the start form between their answers).
  const snapshot = useLiveQuery(
    async () => ({ view: await services.latest(), lastCalled: await services.lastCalledTicket() }),
    [services],
  );
  const { run, message, dismiss } = useCommand();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [selected, setSelected] = useState<StepId | null>(null);

  if (snapshot === undefined) return <p className="loading">{t('app.loading')}</p>;
  const { view, lastCalled } = snapshot;

  const latest = view.service;
  const open = latest?.outcome === 'open' ? latest : null;
  const close = () => setDialog(null);
  const act = async (command: Command) => {
    // What was on screen when the clerk tapped: only that closes once the command is stored, not a
    // dialog or a step the clerk opened in the meantime (taps come faster than the disk).
    const openAtTap = dialog;
    const selectedAtTap = selected;
    const stored = await run(command);
    if (stored) {
      setDialog((current) => (current === openAtTap ? null : current));
      setSelected((current) => (current === selectedAtTap ? null : current));
    }
    return stored;
  };

  const facts: ScriptFacts = {
    title: open?.title ?? null,
    surname: open?.surname ?? null,
    ticket: open?.ticket,
    counter: session.counter,
  };
  const calling = lastCalled && lastCalled !== latest?.ticket ? lastCalled : null;
  const suggestedNext = nextTicket(
    open?.ticket ?? calling ?? lastCalled ?? latest?.ticket ?? 'A000',
  );

  const callNext = async (ticket: string) => {
    if (await act({ type: 'call-next', nextTicket: ticket })) {
      const script = stepDefinition(flow, 'call-next').script;
      const locale = currentLocale(i18n.language);
      if (script) speak(renderScript(script, locale, { ...facts, ticket }), locale);
    }
  };

  return (
    <>
      {message && (
        <Notice message={message} onDismiss={dismiss} dismissLabel={t('common.dismiss')} />
      )}
      {open && view.startedBy && view.startedBy !== session.staffNo && (
        <p className="notice warning" role="status">
          {t('session.continuing', { ticket: open.ticket, staffNo: view.startedBy })}
        </p>
      )}
      {view.invalid.length > 0 && (
        <p className="notice warning" role="alert">
          {t('log.invalidRecords', {
            count: view.invalid.length,
            seqs: view.invalid.map((item) => item.seq ?? '?').join(', '),
          })}
        </p>
      )}

      {open ? (
        <ServiceView
          service={open}
          facts={facts}
          selected={selected}
          onSelect={setSelected}
          onCommand={(command) => void act(command)}
          onDialog={setDialog}
        />
      ) : (
        <StartPanel
          key={`${latest?.serviceId ?? 'none'}:${calling ?? ''}`}
          calling={calling}
          suggestedTicket={calling ?? (latest || lastCalled ? suggestedNext : '')}
          businessTypes={DEFAULT_BUSINESS_TYPES}
          onStart={(input) => void act({ type: 'start-service', ...input })}
          onCallNext={() => setDialog({ kind: 'call-next' })}
        />
      )}

      {open?.awaySince != null && (
        <AwayOverlay
          since={open.awaySince}
          script={stepDefinition(flow, 'thank-returning').script}
          facts={facts}
          onReturn={() => void act({ type: 'return-to-seat' })}
        />
      )}

      {dialog?.kind === 'skip' && (
        <SkipDialog
          stepId={dialog.stepId}
          onCancel={close}
          onConfirm={(reason, note) =>
            void act({ type: 'skip', stepId: dialog.stepId, reason, note })
          }
        />
      )}
      {dialog?.kind === 'money' && (
        <MoneyDialog
          flow={flow}
          facts={facts}
          onCancel={close}
          onConfirm={(dueFen, receivedFen) =>
            void act({ type: 'announce-money', dueFen, receivedFen })
          }
        />
      )}
      {dialog?.kind === 'recommend' && (
        <RecommendDialog
          onCancel={close}
          onConfirm={(offer, response) => void act({ type: 'recommend', offer, response })}
        />
      )}
      {dialog?.kind === 'call-next' && (
        <CallNextDialog
          suggested={suggestedNext}
          onCancel={close}
          onConfirm={(ticket) => void callNext(ticket)}
        />
      )}
      {dialog?.kind === 'abandon' && (
        <AbandonDialog
          onCancel={close}
          onConfirm={(reason) => void act({ type: 'abandon', reason })}
        />
      )}
      {dialog?.kind === 'surname' && (
        <SurnameDialog
          onCancel={close}
          onConfirm={(surname) => void act({ type: 'name-customer', surname })}
        />
      )}
    </>
  );
}

function ServiceView({
  service,
  facts,
  selected,
  onSelect,
  onCommand,
  onDialog,
}: {
  service: ServiceState;
  facts: ScriptFacts;
  selected: StepId | null;
  onSelect: (id: StepId | null) => void;
  onCommand: (command: Command) => void;
  onDialog: (dialog: OpenDialog) => void;
}) {
  const { t, i18n } = useTranslation();
  const current = currentStep(flow, service);
  const shown = selected ?? current;
  const lastMoney = service.money.at(-1);
  const cardFacts: ScriptFacts = lastMoney ? { ...facts, dueFen: lastMoney.dueFen } : facts;

  // Steps whose outcome carries data open their helper instead of recording a bare "done".
  const done = (id: StepId) => {
    switch (id) {
      case 'announce-money':
        return onDialog({ kind: 'money' });
      case 'recommend':
        return onDialog({ kind: 'recommend' });
      case 'apologise-leaving':
        return onCommand({ type: 'leave-seat' });
      case 'thank-returning':
        return onCommand({ type: 'return-to-seat' });
      case 'call-next':
        return onDialog({ kind: 'call-next' });
      default:
        return onCommand({ type: 'mark-done', stepId: id });
    }
  };

  return (
    <main className="service">
      <section className="service-main">
        {shown ? (
          <StepCard
            step={stepDefinition(flow, shown)}
            service={service}
            facts={
              shown === 'call-next'
                ? { ...cardFacts, ticket: nextTicket(service.ticket) }
                : cardFacts
            }
            onDone={() => done(shown)}
            onSkip={() => onDialog({ kind: 'skip', stepId: shown })}
            onNotApplicable={() => onCommand({ type: 'mark-na', stepId: shown })}
            onBackToCurrent={selected && selected !== current ? () => onSelect(null) : undefined}
          />
        ) : (
          <article className="step-card all-recorded">
            <h2>{t('finish.title')}</h2>
            <p className="step-todo">{t('finish.intro')}</p>
            <div className="step-actions">
              <button
                type="button"
                className="primary huge"
                onClick={() => onCommand({ type: 'finish' })}
              >
                {t('finish.button')}
              </button>
            </div>
          </article>
        )}
      </section>

      <aside className="service-side">
        <p className="service-title">
          {t('header.service', {
            ticket: service.ticket,
            business: t(`business.${service.businessType}`, { defaultValue: service.businessType }),
          })}
        </p>
        <ServiceTimer startedAt={service.startedAt} targetSeconds={service.targetSeconds} />
        <p className="customer">
          {service.surname
            ? addressCustomer(currentLocale(i18n.language), service.title, service.surname)
            : t(`titles.${service.title}`)}
        </p>
        <h3>{t('quick.heading')}</h3>
        <div className="quick">
          <button
            type="button"
            className="quick-button"
            onClick={() => onCommand({ type: 'leave-seat' })}
          >
            {t('quick.leaveSeat')}
          </button>
          <button
            type="button"
            className="quick-button"
            onClick={() => onDialog({ kind: 'money' })}
          >
            {t('quick.money')}
          </button>
          <button
            type="button"
            className="quick-button"
            onClick={() => onCommand({ type: 'mark-done', stepId: 'both-hands' })}
          >
            {t('quick.handOver')}
          </button>
          <button
            type="button"
            className="quick-button"
            onClick={() => onDialog({ kind: 'recommend' })}
          >
            {t('quick.recommend')}
          </button>
          {!service.surname && (
            <button
              type="button"
              className="quick-button"
              onClick={() => onDialog({ kind: 'surname' })}
            >
              {t('quick.surname')}
            </button>
          )}
          <button
            type="button"
            className="quick-button danger"
            onClick={() => onDialog({ kind: 'abandon' })}
          >
            {t('quick.abandon')}
          </button>
        </div>
      </aside>

      <ProgressStrip
        flow={flow}
        service={service}
        current={current}
        selected={selected}
        onSelect={onSelect}
      />
    </main>
  );
}
