/**
 * Optional alert e-mail for the roster: set KNEEWISE_SMTP_URL (smtp:// or smtps://, user and password in the
 * URL) and, if you like, KNEEWISE_MAIL_FROM. After the alert job stores an athlete's items, each member who may
 * read a new item's category (the one access module decides, per person) gets one message with the server's
 * link — never a name, a symptom or a figure (domain/alert-mail.ts). Without SMTP nothing is sent and the
 * roster shows everything anyway. The athlete is not mailed about their own data.
 */
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { KneewiseError } from '../../domain/errors.ts';
import { decide } from '../domain/access.ts';
import { alertMail } from '../domain/alert-mail.ts';
import type { AttentionItem } from '../domain/attention.ts';
import type { ServerDatabase } from '../repositories/server-schema.ts';
import type { AccessService } from './access.service.ts';

export interface MailSettings {
  smtpUrl: string;
  /** Null: kneewise@ the public URL's host. */
  from: string | null;
}

const smtpUrl = z
  .string()
  .trim()
  .refine((v) => /^smtps?:\/\/[^/\s]+/.test(v), 'expected smtp://USER:PASSWORD@HOST:PORT or smtps://…');

/** Null when KNEEWISE_SMTP_URL is not set (no e-mail); an error naming the variable when it is malformed. */
export function mailSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): MailSettings | null {
  const raw = env.KNEEWISE_SMTP_URL;
  if (raw === undefined || raw.trim() === '') return null;
  const parsed = smtpUrl.safeParse(raw);
  if (!parsed.success) {
    throw new KneewiseError(
      'SMTP_URL_INVALID',
      `KNEEWISE_SMTP_URL: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      'input',
    );
  }
  return { smtpUrl: parsed.data, from: env.KNEEWISE_MAIL_FROM?.trim() || null };
}

export class AlertMailer {
  private transport: ReturnType<typeof nodemailer.createTransport> | null = null;

  constructor(
    private readonly system: Kysely<ServerDatabase>,
    private readonly access: AccessService,
    private readonly settings: MailSettings,
    /** Read when sending: `serve --server` learns its address after start-up when none is given. */
    private readonly publicUrl: () => string,
  ) {}

  /** Members who may read at least one of the items' categories for this athlete (not the athlete). */
  async recipients(
    athleteId: string,
    items: readonly AttentionItem[],
  ): Promise<{ userId: string; email: string }[]> {
    const categories = [...new Set(items.map((i) => i.category))];
    const grants = await this.system
      .selectFrom('consent_grants')
      .select(['grantee_user_id', 'grantee_org_id'])
      .where('athlete_id', '=', athleteId)
      .execute();
    const orgIds = grants.flatMap((g) => (g.grantee_org_id ? [g.grantee_org_id] : []));
    const members =
      orgIds.length === 0
        ? []
        : await this.system
            .selectFrom('memberships')
            .select('user_id')
            .where('org_id', 'in', orgIds)
            .execute();
    const candidates = new Set([
      ...grants.flatMap((g) => (g.grantee_user_id ? [g.grantee_user_id] : [])),
      ...members.map((m) => m.user_id),
    ]);
    const out: { userId: string; email: string }[] = [];
    for (const userId of candidates) {
      const facts = await this.access.facts(userId, [athleteId]);
      if (facts.ownAthleteIds.has(athleteId)) continue;
      const reads = categories.some(
        (category) => decide(facts, { athleteId, category, action: 'read' }).allowed,
      );
      if (!reads) continue;
      const user = await this.system
        .selectFrom('users')
        .select(['email', 'disabled_at'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (user && user.disabled_at === null) out.push({ userId, email: user.email });
    }
    return out;
  }

  /** Mails each recipient of these new items; returns how many messages were sent. */
  async notify(athleteId: string, items: readonly AttentionItem[]): Promise<number> {
    if (items.length === 0) return 0;
    const to = await this.recipients(athleteId, items);
    const publicUrl = this.publicUrl();
    const mail = alertMail(publicUrl);
    const from = this.settings.from ?? `kneewise <kneewise@${new URL(publicUrl).hostname}>`;
    this.transport ??= nodemailer.createTransport(this.settings.smtpUrl);
    for (const { email } of to) {
      await this.transport.sendMail({
        from,
        to: email,
        subject: mail.subject,
        text: mail.text,
      });
    }
    return to.length;
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}
