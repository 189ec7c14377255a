/**
 * A service in progress: the step card (or, once every step has an outcome, the finish card), the
 * service's facts and timer, the quick actions, and the seventeen-step strip.
 */
import { useTranslation } from 'react-i18next';
import { nextTicket } from '../../../core/domain/catalog';
import type { Command } from '../../../core/domain/device/commands';
import { complaintStepDefinition, isComplaintStep } from '../../../core/domain/flow/complaint-flow';
import { stepDefinition } from '../../../core/domain/flow/flow-definition';
import type { AnyStepId } from '../../../core/domain/service/commands';
import { addressCustomer, type ScriptFacts } from '../../../core/domain/script';
import { currentStep, type ServiceState } from '../../../core/domain/service/engine';
import { currentLocale } from '../../i18n';
import { useDeviceState } from '../shared/store-context';
import { useListLabel } from '../shared/use-list-label';
import type { OpenDialog } from './ClerkDialogs';
import { ComplaintStrip, ProgressStrip } from './ProgressStrip';
import { QuickActions } from './QuickActions';
import { ServiceTimer } from './ServiceTimer';
import { ShortcutsButton } from './ShortcutsButton';
import { StepCard } from './StepCard';

export function ServiceView({
  service,
  facts,
  selected,
  onSelect,
  onCommand,
  onDialog,
  shortcuts,
  onShowShortcuts,
}: {
  service: ServiceState;
  facts: ScriptFacts;
  selected: AnyStepId | null;
  onSelect: (id: AnyStepId | null) => void;
  onCommand: (command: Command) => void;
  onDialog: (dialog: OpenDialog) => void;
  /** Whether the step card's keys work (not while a dialog is open). */
  shortcuts: boolean;
  onShowShortcuts: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { config } = useDeviceState();
  const label = useListLabel();
  const { flow, complaintFlow } = config;
  const { serviceId, complaint } = service;
  const current = currentStep(flow, service, complaintFlow);
  const shown = selected ?? current;
  const lastMoney = service.money.at(-1);
  const cardFacts: ScriptFacts = lastMoney ? { ...facts, dueFen: lastMoney.dueFen } : facts;

  // Steps whose outcome carries data open their form (the flow definition says which).
  const definition = (id: AnyStepId) =>
    isComplaintStep(id) ? complaintStepDefinition(complaintFlow, id) : stepDefinition(flow, id);
  const stateOf = (id: AnyStepId) =>
    isComplaintStep(id) ? complaint?.steps[id] : service.steps[id];
  const shownState = shown ? stateOf(shown) : undefined;
  const done = (id: AnyStepId) => {
    switch (definition(id).action) {
      case 'complaint-record':
        return onDialog({ kind: 'complaint' });
      case 'money':
        return onDialog({ kind: 'money' });
      case 'recommendation':
        return onDialog({ kind: 'recommend' });
      case 'leave-seat':
        return onCommand({ type: 'leave-seat', serviceId });
      case 'return-to-seat':
        return onCommand({ type: 'return-to-seat', serviceId });
      case 'call-next':
        return onDialog({ kind: 'call-next' });
      case 'done':
        return onCommand({ type: 'mark-done', serviceId, stepId: id });
    }
  };

  return (
    <main className="service" data-service-id={serviceId}>
      <section className="service-main">
        {shown && shownState ? (
          <StepCard
            step={definition(shown)}
            state={shownState}
            service={service}
            facts={
              shown === 'call-next'
                ? { ...cardFacts, ticket: nextTicket(service.ticket) }
                : cardFacts
            }
            tapGuardMs={config.tapGuardMs}
            onDone={() => done(shown)}
            onSkip={() => onDialog({ kind: 'skip', stepId: shown })}
            onNotApplicable={() => onCommand({ type: 'mark-na', serviceId, stepId: shown })}
            onBackToCurrent={selected && selected !== current ? () => onSelect(null) : undefined}
            shortcuts={shortcuts}
          />
        ) : (
          <article className="step-card all-recorded">
            <h2>{t('finish.title')}</h2>
            <p className="step-todo">{t('finish.intro')}</p>
            <div className="step-actions">
              <button
                type="button"
                className="primary huge"
                onClick={() => onCommand({ type: 'finish', serviceId })}
              >
                {t('finish.button')}
              </button>
            </div>
          </article>
        )}
        {complaint && (
          <ComplaintStrip
            complaintFlow={complaintFlow}
            complaint={complaint}
            current={current}
            selected={selected}
            onSelect={onSelect}
          />
        )}
      </section>

      <aside className="service-side">
        <div className="service-head">
          <p className="service-title">
            {t('header.service', {
              ticket: service.ticket,
              business: label('business-types', service.businessType),
            })}
          </p>
          {/* A customer who came for something else complains: one tap, the complaint comes first. */}
          {!complaint && (
            <button
              type="button"
              className="secondary complaint-button"
              onClick={() => onCommand({ type: 'start-complaint', serviceId })}
            >
              {t('quick.complaint')}
            </button>
          )}
          <ShortcutsButton onClick={onShowShortcuts} />
        </div>
        <p className="customer">
          {service.surname
            ? addressCustomer(currentLocale(i18n.language), service.title, service.surname)
            : t(`titles.${service.title}`)}
        </p>
        <ServiceTimer startedAt={service.startedAt} targetSeconds={service.targetSeconds} />
        <QuickActions service={service} onCommand={onCommand} onDialog={onDialog} />
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
