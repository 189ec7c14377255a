/**
 * The store hub, from the device (Settings → Store hub): the hub's address, enrolment with the
 * one-time code a manager made on the hub, and pushing this log to it — in order, from wherever
 * the hub's copy ends, with progress and a cancel (a week offline catches up batch by batch and
 * resumes where it stopped). The hub is never needed to serve a customer.
 */
import type { VerifyProblem } from '../../../core/domain/log/verify';
import { hubNotIntactText } from '../../../core/export/messages';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubProblem } from '../../storage';
import { platform } from '../../platform';
import type { HubSettings } from '../../../preload/contract';
import { FormError } from '../../ui/FormError';
import { ProgressRow } from '../../ui/ProgressRow';
import { TextField } from '../../ui/TextField';
import { RestoreApproval } from './RestoreApproval';
import { hubSettingsSaved, useAutoPushStatus } from '../shared/auto-push-status';
import { hubContacted } from '../shared/hub-alerts';
import { useDeviceState, useStore } from '../shared/store-context';

type Phase =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'pushing'; hubSeq: number; headSeq: number; fraction: number }
  | { kind: 'pushed'; count: number; head: number }
  /** The hub took this restored tablet's restore code. */
  | { kind: 'restore-approved' };

const restoreRefused = (problem: HubProblem | undefined): boolean =>
  problem?.kind === 'refused' && problem.error.error === 'restore-not-approved';

/** An http(s) origin from what the manager typed (a trailing slash is fine), or null. */
function originOf(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password || url.search || url.hash) return null;
    if (url.pathname !== '/' && url.pathname !== '') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function HubPanel() {
  const { t } = useTranslation();
  const store = useStore();
  const { head } = useDeviceState();
  const [settings, setSettings] = useState<HubSettings | null | undefined>(undefined);
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  /** What went wrong last: a sentence, or the hub's problem (worded when shown, see below). */
  const [problem, setProblem] = useState<string | HubProblem | null>(null);
  /**
   * The last origin this page's own policy (its CSP's connect-src) blocked. A fetch it blocks fails
   * exactly as an unreachable hub does; only the document's violation event tells them apart, and
   * it may come after the failure: so the problem is worded at render, not when it happened.
   */
  const [blockedByPolicy, setBlockedByPolicy] = useState<string | null>(null);
  /** The last push here was refused: this tablet's restore is not approved on the hub. */
  const [awaitingRestore, setAwaitingRestore] = useState(false);
  /** When the hub took this tablet's restore code here (older automatic refusals are stale). */
  const [approvedAt, setApprovedAt] = useState(0);
  const cancel = useRef<AbortController | null>(null);
  const auto = useAutoPushStatus();

  useEffect(() => {
    void platform()
      .getHub()
      .then((result) => setSettings(result.ok ? result.value : null));
  }, []);

  useEffect(() => {
    const listen = (event: SecurityPolicyViolationEvent) => {
      // The blocked URL is the whole request's (origin and path); only its origin matters here.
      if (URL.canParse(event.blockedURI)) setBlockedByPolicy(new URL(event.blockedURI).origin);
    };
    document.addEventListener('securitypolicyviolation', listen);
    return () => document.removeEventListener('securitypolicyviolation', listen);
  }, []);

  const problemText = (error: HubProblem): string => {
    // The hub's verifier is the device's: what it found is said in Verify's words.
    if (error.kind === 'refused' && error.error.error === 'not-intact' && error.error.problem) {
      return hubNotIntactText(t, error.error.problem as VerifyProblem);
    }
    if (error.kind === 'refused') {
      return t(`hub.problem.refused.${error.error.error}`, {
        seq: error.error.seq ?? error.error.expected ?? '?',
      });
    }
    if (error.kind === 'unreachable' && settings && blockedByPolicy === settings.origin) {
      return t('hub.problem.policy', { origin: settings.origin });
    }
    return t(`hub.problem.${error.kind}`, { seq: 'seq' in error ? error.seq : '?' });
  };

  const pushProgress = (pushing: Extract<Phase, { kind: 'pushing' }>): string =>
    t('hub.progress', {
      percent: Math.round(pushing.fraction * 100),
      hub: pushing.hubSeq,
      head: pushing.headSeq,
    });

  const save = async (next: HubSettings | null) => {
    const result = await platform().setHub({ settings: next });
    if (!result.ok) {
      setProblem(t('hub.problem.save'));
      return false;
    }
    setSettings(next);
    hubSettingsSaved();
    return true;
  };

  const saveAddress = async () => {
    setProblem(null);
    const origin = originOf(address);
    if (!origin) {
      setProblem(t('hub.invalidAddress'));
      return;
    }
    if (!(await save({ origin, enrolment: null, lastPush: null }))) return;
    // Electron's pages carry their CSP from main: a new hub origin needs the page loaded again.
    const info = await platform().getAppInfo();
    if (info.ok && info.value.shell === 'electron') globalThis.location.reload();
  };

  const enrol = async () => {
    if (!settings) return;
    setProblem(null);
    setPhase({ kind: 'busy' });
    const result = await store.hub.enrol(platform().hubTransport(settings.origin), code);
    setPhase({ kind: 'idle' });
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setCode('');
    await save({
      ...settings,
      enrolment: {
        device: result.value.device,
        store: result.value.store,
        at: new Date().toISOString(),
      },
    });
  };

  const push = async () => {
    if (!settings?.enrolment) return;
    setProblem(null);
    const controller = new AbortController();
    cancel.current = controller;
    setPhase({ kind: 'pushing', hubSeq: 0, headSeq: head.seq, fraction: 0 });
    const result = await store.hub.push(platform().hubTransport(settings.origin), {
      signal: controller.signal,
      onProgress: (progress) => setPhase({ kind: 'pushing', ...progress }),
    });
    cancel.current = null;
    if (result.ok || result.error.kind === 'refused' || result.error.kind === 'forked')
      hubContacted();
    setAwaitingRestore(!result.ok && restoreRefused(result.error));
    if (!result.ok) {
      setPhase({ kind: 'idle' });
      if (result.error.kind !== 'cancelled') setProblem(result.error);
      return;
    }
    setPhase({ kind: 'pushed', count: result.value.pushed, head: result.value.head.seq });
    await save({
      ...settings,
      lastPush: { seq: result.value.head.seq, at: new Date().toISOString() },
    });
  };

  if (settings === undefined) return null;
  const busy = phase.kind === 'busy' || phase.kind === 'pushing';
  const autoAwaitsRestore =
    auto !== null && !auto.ok && auto.at > approvedAt && restoreRefused(auto.problem);
  const askRestoreCode =
    phase.kind !== 'restore-approved' && (awaitingRestore || autoAwaitsRestore);
  return (
    <section className="panel wide hub-panel" aria-labelledby="hub-title">
      <h2 id="hub-title">{t('hub.title')}</h2>
      <p className="hint">{t('hub.intro')}</p>
      {settings && (
        <dl className="facts">
          <dt>{t('hub.address')}</dt>
          <dd data-fact="hub-origin">{settings.origin}</dd>
          <dt>{t('hub.enrolment')}</dt>
          <dd data-fact="hub-enrolment">
            {settings.enrolment
              ? t('hub.enrolledAt', { store: settings.enrolment.store.name })
              : t('hub.notEnrolled')}
          </dd>
          {settings.enrolment && (
            <>
              <dt>{t('hub.lastPush')}</dt>
              <dd data-fact="hub-last-push">
                {settings.lastPush
                  ? t('hub.lastPushAt', {
                      seq: settings.lastPush.seq,
                      at: new Date(settings.lastPush.at).toLocaleString(),
                    })
                  : t('hub.never')}
              </dd>
              <dt>{t('hub.auto')}</dt>
              <dd data-fact="hub-auto" data-auto-ok={auto ? String(auto.ok) : undefined}>
                {t('hub.autoRule')}
                {auto &&
                  ` ${
                    auto.ok
                      ? t('hub.autoDone', {
                          seq: auto.hubSeq,
                          at: new Date(auto.at).toLocaleTimeString(),
                        })
                      : auto.retryAt === null
                        ? t('hub.autoPaused')
                        : t('hub.autoFailed', {
                            problem: problemText(auto.problem),
                            retry: new Date(auto.retryAt).toLocaleTimeString(),
                          })
                  }`}
              </dd>
            </>
          )}
        </dl>
      )}
      {!settings?.enrolment && (
        <div className="setting">
          <TextField
            label={t('hub.address')}
            value={address}
            onChange={setAddress}
            maxLength={200}
            placeholder="https://hub.example:8787"
          />
          <p className="hint">{t('hub.addressHint')}</p>
          <button type="button" className="secondary" disabled={busy} onClick={saveAddress}>
            {t('hub.saveAddress')}
          </button>
        </div>
      )}
      {settings && !settings.enrolment && (
        <div className="setting">
          <TextField label={t('hub.code')} value={code} onChange={setCode} maxLength={24} />
          <button type="button" className="primary" disabled={busy} onClick={enrol}>
            {t('hub.enrol')}
          </button>
        </div>
      )}
      <FormError
        message={problem === null || typeof problem === 'string' ? problem : problemText(problem)}
      />
      {settings?.enrolment && askRestoreCode && (
        <RestoreApproval
          origin={settings.origin}
          problemText={problemText}
          onApproved={() => {
            setProblem(null);
            setAwaitingRestore(false);
            setApprovedAt(Date.now());
            setPhase({ kind: 'restore-approved' });
          }}
        />
      )}
      {phase.kind === 'restore-approved' && (
        <p role="status" className="verdict ok" data-restore-approved>
          {t('hub.restore.approved')}
        </p>
      )}
      {phase.kind === 'pushing' && (
        <ProgressRow
          value={Math.round(phase.fraction * 1000)}
          max={1000}
          label={pushProgress(phase)}
          cancelLabel={t('hub.cancel')}
          onCancel={() => cancel.current?.abort()}
        >
          <span data-fact="hub-progress">{pushProgress(phase)}</span>
        </ProgressRow>
      )}
      {phase.kind === 'pushed' && (
        <p role="status" className="verdict ok" data-hub-head={phase.head}>
          {t('hub.pushed', { count: phase.count, head: phase.head })}
        </p>
      )}
      {settings?.enrolment && (
        <div className="row-actions">
          <button type="button" className="primary big" disabled={busy} onClick={push}>
            {phase.kind === 'pushing' ? t('hub.pushing') : t('hub.push')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => save(null)}>
            {t('hub.forget')}
          </button>
        </div>
      )}
    </section>
  );
}
