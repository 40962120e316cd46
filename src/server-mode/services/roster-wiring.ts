/**
 * The roster's parts over one server store: the alert queue (pg-boss) whose job refreshes an athlete's
 * stored items (and mails members about new ones when SMTP is set), and the roster service that reads them
 * (or computes on read and asks for a refresh).
 */
import type { ServerStore } from '../repositories/server-database.ts';
import type { AccessService } from './access.service.ts';
import { AlertMailer, type MailSettings } from './alert-mail.service.ts';
import { AlertQueue, type AlertQueueOptions } from './alert-queue.ts';
import { AttentionRefreshService } from './attention-refresh.service.ts';
import type { AuditService } from './audit.service.ts';
import { RosterService } from './roster.service.ts';

export interface RosterParts {
  roster: RosterService;
  refresh: AttentionRefreshService;
  alerts: AlertQueue;
  /** Null without SMTP. */
  mailer: AlertMailer | null;
  /** For the dashboard's imports (HttpDeps.afterImport): queue the athlete's alert job. */
  afterImport(athleteId: string): void;
}

export function createRosterParts(input: {
  store: ServerStore;
  access: AccessService;
  audit: AuditService;
  now: () => Date;
  /** Alert e-mail settings (mailSettingsFromEnv); null sends none. */
  mail: MailSettings | null;
  publicUrl: () => string;
  queue?: AlertQueueOptions;
}): RosterParts {
  const mailer = input.mail
    ? new AlertMailer(input.store.system, input.access, input.mail, input.publicUrl)
    : null;
  const refresh = new AttentionRefreshService(
    input.store,
    input.now,
    mailer ? (athleteId, items) => mailer.notify(athleteId, items) : undefined,
  );
  const onError =
    input.queue?.onError ??
    ((error: unknown) =>
      process.stderr.write(
        `kneewise: roster alert job failed: ${error instanceof Error ? error.message : String(error)}\n`,
      ));
  const alerts = new AlertQueue(input.store.system, (athleteId) => refresh.refresh(athleteId), {
    ...input.queue,
    onError,
  });
  const enqueue = (athleteId: string) => alerts.enqueue(athleteId);
  return {
    roster: new RosterService(input.store, input.access, input.audit, input.now, enqueue),
    refresh,
    alerts,
    mailer,
    afterImport(athleteId) {
      enqueue(athleteId).catch(onError);
    },
  };
}
