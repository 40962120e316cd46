/**
 * The roster's alert e-mail (issue 16 #5): which of an athlete's items are new since the last time they were
 * stored, and the message that tells a member to look. The message carries a link and nothing else: no name,
 * no symptom, no figure — e-mail is not a place for health data, and the app shows the items regardless. Pure.
 */
import type { AttentionItem } from './attention.ts';

function key(item: AttentionItem): string {
  return `${item.kind}|${item.severity}|${item.date}`;
}

/** Items of `current` that were not already there (same kind, severity and day) in `previous`. */
export function newAlerts(
  previous: readonly AttentionItem[],
  current: readonly AttentionItem[],
): AttentionItem[] {
  const seen = new Set(previous.map(key));
  return current.filter((item) => !seen.has(key(item)));
}

export interface AlertMail {
  subject: string;
  text: string;
}

/** The whole message: a nudge and the server's address. */
export function alertMail(publicUrl: string): AlertMail {
  return {
    subject: 'kneewise: something new on your roster',
    text:
      'Something new needs a look on your kneewise roster.\n\n' +
      `Sign in to see it: ${publicUrl}\n\n` +
      'This message holds no health information on purpose; everything is in the app.\n',
  };
}
