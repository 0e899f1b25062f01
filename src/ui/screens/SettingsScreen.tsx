import { useEffect, useState } from 'preact/hooks';
import { backupBlob, backupFileName, BackupFileError, readJsonFile, saveFile } from '../../app/device/backup-file.ts';
import { installState, isIosSafari, listenForInstallPrompt, onInstallChange, promptInstall, type InstallState } from '../../app/device/install-prompt.ts';
import { askPersistOnce, keepData, storageState, type StorageState } from '../../app/device/persist-storage.ts';
import { BackupError, checkBackupFile, exportBackup, importBackup, type Damage } from '../../app/backup.ts';
import { setSetting } from '../../app/queries/reads.ts';
import { ConfirmDialog } from '../kit/ConfirmButton.tsx';
import { ShopServer } from '../components/account/ShopServer.tsx';
import { errorText, formatBytes } from '../kit/labels.ts';
import { LiveMessage } from '../kit/LiveMessage.tsx';
import type { Message } from '../hooks/use-action.ts';
import { formatDateTime } from '../format.ts';
import { useApp } from '../hooks/use-app.ts';
import { useI18n, type I18n, type StringKey } from '../i18n/index.ts';
import { FileButton } from '../kit/FileButton.tsx';
import './account.css';

/**
 * The person's things first: their account with the shop (once connected), whether the browser
 * keeps the data, backups, installing the app; the server, which only a shop's owner sets up,
 * last. (Language is in the header's menu.)
 */
export function SettingsScreen() {
  const { t } = useI18n();
  const connected = useApp().remote !== null;
  return (
    <section class="acct" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      {connected && <ShopServer />}
      <StorageSection />
      <BackupSection />
      <InstallSection />
      {!connected && (
        <div class="acct-owner">
          <h3>{t('settings.owner')}</h3>
          <p class="acct-muted">{t('settings.ownerNote')}</p>
          <ShopServer />
        </div>
      )}
    </section>
  );
}

function StorageSection() {
  const { t, intl } = useI18n();
  const [state, setState] = useState<StorageState | undefined>(undefined);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    // Opening Settings is a quiet moment: ask once, by itself, then show the answer.
    void askPersistOnce()
      .catch(() => undefined)
      .then(() => storageState())
      .then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);

  const keep = async () => {
    setBusy(true);
    const granted = await keepData();
    setState(await storageState());
    setMessage(granted ? { tone: 'ok', text: t('storage.granted') } : { tone: 'info', text: t('storage.refusedByBrowser') });
    setBusy(false);
  };

  return (
    <section class="acct-card" aria-labelledby="settings-storage">
      <h3 id="settings-storage">{t('storage.title')}</h3>
      {state === undefined ? (
        <p>{t('storage.checking')}</p>
      ) : !state.supported ? (
        <p>{t('storage.unsupported')}</p>
      ) : (
        <>
          <p class="acct-strong">{state.persisted ? t('storage.persistent') : t('storage.notPersistent')}</p>
          {!state.persisted && (
            <button type="button" class="acct-btn acct-primary" disabled={busy} onClick={() => void keep()}>{t('storage.keep')}</button>
          )}
          {state.usage !== undefined && (
            <p class="acct-muted">
              {state.quota
                ? t('storage.used', { used: formatBytes(state.usage, intl), quota: formatBytes(state.quota, intl) })
                : t('storage.usedOnly', { used: formatBytes(state.usage, intl) })}
            </p>
          )}
        </>
      )}
      <LiveMessage message={message} />
    </section>
  );
}

interface Chosen {
  data: unknown;
  exportedAt: number;
}

function BackupSection() {
  const app = useApp();
  const { t, intl } = useI18n();
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<Chosen | undefined>(undefined);

  const download = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const at = app.now();
      const name = backupFileName(at);
      saveFile(backupBlob(await exportBackup(app.store, at)), name);
      setMessage({ tone: 'ok', text: t('backup.saved', { name }) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again (after fixing it) is noticed.
    input.value = '';
    if (!file) return;
    setMessage(undefined);
    try {
      const data = await readJsonFile(file);
      const backup = checkBackupFile(app.store, data);
      setChosen({ data, exportedAt: backup.exportedAt });
    } catch (error) {
      setMessage({ tone: 'error', text: restoreError(error) });
    }
  };

  const restore = async (data: unknown) => {
    setChosen(undefined);
    setBusy(true);
    try {
      await importBackup(app.store, data);
      setMessage({ tone: 'ok', text: t('backup.restored') });
      // The shop's authority keeps its state in memory: start afresh from the restored data.
      setTimeout(() => window.location.reload(), 300);
    } catch (error) {
      setMessage({ tone: 'error', text: restoreError(error) });
      setBusy(false);
    }
  };

  function restoreError(error: unknown): string {
    if (error instanceof BackupFileError) {
      return error.code === 'not-json' ? t('backup.notJson') : error.code === 'too-big' ? t('backup.tooBig') : t('backup.unreadable');
    }
    if (error instanceof BackupError) return error.damage ? damageText(t, error.damage) : t('backup.wrong', { detail: error.message });
    return errorText(t, error);
  }

  return (
    <section class="acct-card" aria-labelledby="settings-backup">
      <h3 id="settings-backup">{t('backup.title')}</h3>
      <p class="acct-muted">{t('backup.note')}</p>
      <div class="acct-stack">
        <button type="button" class="acct-btn acct-primary" disabled={busy} onClick={() => void download()}>{t('backup.download')}</button>
        <FileButton label={t('backup.restore')} accept=".json,application/json" disabled={busy} onChoose={(input) => void choose(input)} />
      </div>
      <LiveMessage message={message} />
      <ConfirmDialog
        open={chosen !== undefined}
        question={t('backup.question')}
        body={chosen && <p>{t('backup.body', { date: formatDateTime(chosen.exportedAt, intl) })}</p>}
        yes={t('backup.yes')}
        onConfirm={() => chosen && void restore(chosen.data)}
        onCancel={() => {
          setChosen(undefined);
          setMessage({ tone: 'info', text: t('backup.kept') });
        }}
      />
    </section>
  );
}

function InstallSection() {
  const { t } = useI18n();
  const [state, setState] = useState<InstallState>(() => installState());
  const [message, setMessage] = useState<Message | undefined>(undefined);
  useEffect(() => {
    // Normally listening since start-up (main.tsx); this catches an offer made while Settings is open otherwise.
    listenForInstallPrompt();
    setState(installState());
    return onInstallChange(() => setState(installState()));
  }, []);
  const ios = isIosSafari();

  const install = async () => {
    const outcome = await promptInstall();
    if (outcome === 'dismissed') {
      await setSetting('installDismissed', true).catch(() => undefined);
      setMessage({ tone: 'info', text: t('install.dismissed') });
    }
    setState(installState());
  };

  return (
    <section class="acct-card" aria-labelledby="settings-install">
      <h3 id="settings-install">{t('install.title')}</h3>
      {state.installed ? (
        <p>{t('install.installed')}</p>
      ) : (
        <>
          <p class="acct-muted">{t('install.why')}</p>
          {state.canPrompt ? (
            <button type="button" class="acct-btn acct-primary" onClick={() => void install()}>{t('install.button')}</button>
          ) : ios ? (
            <p class="acct-howto">{t('install.ios')}</p>
          ) : (
            <p>{t('install.none')}</p>
          )}
        </>
      )}
      <LiveMessage message={message} />
    </section>
  );
}

/** Where a backup is damaged and how, in the reader's language; the validator's own words as details. */
function damageText(t: I18n['t'], d: Damage): string {
  if (d.kind === 'newer') return t('backup.newer', { detail: d.problem });
  const where = d.row === 0 ? t('backup.where.table') : d.field === '' ? t('backup.where.row', { row: d.row }) : t('backup.where.field', { row: d.row, field: d.field });
  const what = t(`backup.table.${d.table}` as StringKey);
  return t('backup.damaged', { what, table: d.table, where, problem: t(`backup.kind.${d.kind}`), detail: d.problem });
}
