/**
 * The clerk's screen: between customers the start panel, during a service the current step, the
 * progress strip, the timer and the quick actions. Everything shown is the device's state, read
 * back from the log, so a reload or a crash returns to exactly this screen. Every command names
 * the service (and step) it was tapped for, so a tap from an outdated screen is refused as stale.
 */
import './strip.css';
import './start.css';
import './clerk.css';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextTicket } from '../../../core/domain/catalog';
import type { Command } from '../../../core/domain/device/commands';
import { openService } from '../../../core/domain/device/state';
import { stepDefinition } from '../../../core/domain/flow/flow-definition';
import type { AnyStepId } from '../../../core/domain/service/commands';
import type { ScriptFacts } from '../../../core/domain/script';
import { currentLocale } from '../../i18n';
import { callFailure, platform, type CallHandle } from '../../platform';
import { Notice } from '../../ui/Notice';
import { useNow } from '../../ui/use-now';
import { serviceAwaitingRating } from '../shared/rating';
import { useDeviceState } from '../shared/store-context';
import { useCommand } from '../shared/use-command';
import { AwayOverlay } from './AwayOverlay';
import type { OpenDialog } from './ClerkDialogs';
import { ServiceView } from './ServiceView';
import { StartPanel, type CallStatus } from './StartPanel';
import { useShortcuts } from './use-shortcuts';
import { countCall } from '../shared/hub-alerts';
import { OpeningCheck } from './OpeningCheck';
import { ShiftBar } from './ShiftBar';
import { businessDay } from '../../../core/domain/device/business-day';

// What the clerk opens now and then (the quick tasks' dialogs, the list of keys, the words never
// to say) loads the first time it is opened, not with the screen.
const ClerkDialogs = lazy(() =>
  import('./ClerkDialogs').then((module) => ({ default: module.ClerkDialogs })),
);
const ShortcutsDialog = lazy(() =>
  import('./ShortcutsDialog').then((module) => ({ default: module.ShortcutsDialog })),
);
const PhrasesCard = lazy(() =>
  import('./PhrasesCard').then((module) => ({ default: module.PhrasesCard })),
);

/**
 * The services whose complaint's phrases card (shown first) the clerk has closed, in this page:
 * once each, not again when the clerk comes back to the counter from another tab.
 */
const phrasesSeenFor = new Set<string>();

export function ClerkScreen({
  counter,
  onHandover,
}: {
  counter: string;
  /** Opens the handover note, which signs out once written (SignedInShell). */
  onHandover: () => void;
}) {
  const { t, i18n } = useTranslation();
  const state = useDeviceState();
  const { run, error, setError, dismiss } = useCommand();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [selected, setSelected] = useState<AnyStepId | null>(null);
  const [showingPhrases, setShowingPhrases] = useState(false);
  const [, setPhrasesClosed] = useState(0);
  const [call, setCall] = useState<CallStatus | null>(null);
  const [showingShortcuts, setShowingShortcuts] = useState(false);
  const [checking, setChecking] = useState(false);
  const callCount = useRef(0);
  const now = useNow(5_000);

  const { flow } = state.config;
  const latest = state.service;
  const open = openService(state);
  const lastCalled = state.lastCalled;

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
    return stored !== null;
  };

  const facts: ScriptFacts = {
    title: open?.title ?? null,
    surname: open?.surname ?? null,
    ticket: open?.ticket,
    counter,
  };
  const calling = lastCalled && lastCalled !== latest?.ticket ? lastCalled : null;
  const suggestedNext = nextTicket(
    open?.ticket ?? calling ?? lastCalled ?? latest?.ticket ?? 'A000',
  );

  /** Follows a call on its way: which clips were scheduled, then whether it was heard. */
  const follow = (ticket: string, handle: CallHandle) => {
    const id = (callCount.current += 1);
    const update = (patch: Partial<CallStatus>) =>
      setCall((current) => (current?.id === id ? { ...current, ...patch } : current));
    setCall({ id, ticket, clips: null, state: 'calling', failure: null });
    void handle.started.then((clips) => update({ clips }));
    handle.heard.then(
      () => update({ state: 'heard' }),
      (failure: unknown) => update({ state: 'failed', failure: callFailure(failure) }),
    );
  };

  const callAloud = (ticket: string) =>
    follow(
      ticket,
      platform().callTicket({ ticket, counter, locale: currentLocale(i18n.language) }),
    );

  const callNext = async (ticket: string) => {
    if (await act({ type: 'call-next', serviceId: open?.serviceId ?? null, nextTicket: ticket })) {
      countCall();
      callAloud(ticket);
    }
  };

  const repeatCall = (ticket: string) => {
    // After a reload this window has not called anything yet: call the ticket on screen.
    const handle = call?.ticket === ticket ? platform().repeatCall() : null;
    if (handle) follow(ticket, handle);
    else callAloud(ticket);
  };

  const turnToCustomer = () => {
    // In the tap itself: a browser opens a tab only from a user's gesture.
    void platform()
      .openDisplay()
      .then((result) => {
        if (!result.ok) setError(t('display.couldNotOpen'));
      });
  };
  const awaitingRating = !open && serviceAwaitingRating(state, now) !== null;
  const staffNo = state.session?.staffNo ?? '';
  const today = businessDay(now, state.config);
  const checkedToday = state.shift.selfChecks.get(staffNo)?.day === today;

  // A complaint starts: the words never to say come first, until the clerk closes them.
  const complaintStarted = open?.complaint ? open.serviceId : null;
  const phrasesFirst = complaintStarted !== null && !phrasesSeenFor.has(complaintStarted);
  const closePhrases = () => {
    if (complaintStarted) phrasesSeenFor.add(complaintStarted);
    setShowingPhrases(false);
    // The set lives outside React: say that something changed even when the flag did not.
    setPhrasesClosed((count) => count + 1);
  };

  // Keys work only on the screen itself: not over a dialog, the list, or the away screen.
  const keysOn =
    dialog === null &&
    !showingShortcuts &&
    !showingPhrases &&
    !phrasesFirst &&
    open?.awaySince == null;
  useShortcuts(
    {
      n: () => setDialog({ kind: 'call-next' }),
      '?': () => setShowingShortcuts(true),
    },
    keysOn,
  );
  const showShortcuts = () => setShowingShortcuts(true);

  return (
    <>
      {error && <Notice message={error} onDismiss={dismiss} dismissLabel={t('common.dismiss')} />}
      {open && open.startedBy && open.startedBy !== state.session?.staffNo && (
        <p className="notice warning" role="status">
          {t('session.continuing', { ticket: open.ticket, staffNo: open.startedBy })}
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
          shortcuts={keysOn}
          onShowShortcuts={showShortcuts}
        />
      ) : checking && !checkedToday ? (
        <OpeningCheck
          staffNo={staffNo}
          items={state.config.openingItems}
          onRun={act}
          onClose={() => setChecking(false)}
        />
      ) : (
        <>
          <ShiftBar
            state={state}
            staffNo={staffNo}
            checkedToday={checkedToday}
            onCheck={() => setChecking(true)}
            onHandover={onHandover}
            onCommand={(command) => void act(command)}
          />
          <StartPanel
            key={`${latest?.serviceId ?? 'none'}:${calling ?? ''}`}
            calling={calling}
            call={call?.ticket === calling ? call : null}
            onRepeatCall={() => calling && repeatCall(calling)}
            onTurnToCustomer={awaitingRating ? turnToCustomer : null}
            suggestedTicket={calling ?? (latest || lastCalled ? suggestedNext : '')}
            businessTypes={state.config.businessTypes}
            onStart={(input) => void act({ type: 'start-service', ...input })}
            onSubmitted={dismiss}
            onCallNext={() => setDialog({ kind: 'call-next' })}
            onShowShortcuts={showShortcuts}
          />
        </>
      )}

      {open?.awaySince != null && (
        <AwayOverlay
          since={open.awaySince}
          script={stepDefinition(flow, 'thank-returning').script}
          facts={facts}
          onReturn={() => void act({ type: 'return-to-seat', serviceId: open.serviceId })}
        />
      )}

      <Suspense fallback={null}>
        {showingShortcuts && <ShortcutsDialog onClose={() => setShowingShortcuts(false)} />}
        {(showingPhrases || phrasesFirst) && <PhrasesCard onClose={closePhrases} />}
        {dialog && (
          <ClerkDialogs
            dialog={dialog}
            service={open}
            facts={facts}
            suggestedNext={suggestedNext}
            onClose={() => setDialog(null)}
            onCommand={act}
            onCallNext={(ticket) => void callNext(ticket)}
          />
        )}
      </Suspense>
    </>
  );
}
