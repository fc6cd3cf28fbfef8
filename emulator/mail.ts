/**
 * MailApp: sends mail from the user's account, with the daily recipient quota.
 * Reference: https://developers.google.com/apps-script/reference/mail/mail-app ; limits from
 * https://developers.google.com/apps-script/guides/services/quotas (recipients per day 100
 * consumer / 1,500 Workspace, 50 recipients per message, 200 KB body).
 */
import { registerLatency } from './latency';
import { AppsScriptException, type Workspace } from './runtime';

registerLatency('MailApp', {
  sendEmail: { base: 400, perUnit: 50 },
  getRemainingDailyQuota: { base: 30 },
});

export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
const SEND_MAIL = {
  auth: 'full' as const,
  scopes: ['https://www.googleapis.com/auth/script.send_mail'],
};
const EMAIL = /^[^@\s<>(),;:"]+@[^@\s<>(),;:"]+\.[^@\s<>(),;:"]+$/;

export interface SentMessage {
  id: number;
  from: string;
  /** Display name the user chose (options.name). */
  name: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string;
  noReply: boolean;
  /** ISO time on the virtual clock. */
  sentAt: string;
  /** The execution that sent it. */
  execution: number | null;
}

export class MailOutbox {
  readonly sent: SentMessage[] = [];
  /** Messages addressed to this person (to, cc or bcc). */
  to(address: string): SentMessage[] {
    const a = address.toLowerCase();
    return this.sent.filter((m) => [...m.to, ...m.cc, ...m.bcc].some((x) => x.toLowerCase() === a));
  }
}

interface MessageOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
}

function addresses(field: string | undefined): string[] {
  return (field ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function createMailApp(ws: Workspace, outbox: MailOutbox) {
  function send(message: MessageOptions): void {
    const to = addresses(message.to);
    const cc = addresses(message.cc);
    const bcc = addresses(message.bcc);
    const all = [...to, ...cc, ...bcc];
    ws.call(
      'MailApp',
      'sendEmail',
      () => {
        if (all.length === 0) throw new AppsScriptException('Failed to send email: no recipient');
        for (const a of all)
          if (!EMAIL.test(a)) throw new AppsScriptException(`Invalid email: ${a}`);
        if (all.length > 50)
          throw new AppsScriptException('Limit Exceeded: Email Recipients Per Message.');
        const size =
          Buffer.byteLength(message.body ?? '') + Buffer.byteLength(message.htmlBody ?? '');
        if (size > 200 * 1024) throw new AppsScriptException('Limit Exceeded: Email Body Size.');
        ws.quota.take('mailRecipientsPerDay', all.length, MAIL_QUOTA_MESSAGE);
        outbox.sent.push({
          id: outbox.sent.length + 1,
          from: ws.current?.user ?? ws.defaultUser,
          name: message.name ?? '',
          to,
          cc,
          bcc,
          replyTo: message.replyTo ?? '',
          subject: String(message.subject ?? ''),
          body: String(message.body ?? ''),
          htmlBody: String(message.htmlBody ?? ''),
          noReply: message.noReply === true,
          sentAt: ws.clock.date().toISOString(),
          execution: ws.current?.id ?? null,
        });
      },
      { ...SEND_MAIL, size: all.length },
    );
  }
  return {
    /** sendEmail(message) | sendEmail(recipient, subject, body, options?) */
    sendEmail(
      a: string | MessageOptions,
      subject?: string,
      body?: string,
      options: MessageOptions = {},
    ) {
      if (typeof a === 'object' && a !== null) return send(a);
      return send({ ...options, to: String(a), subject, body });
    },
    getRemainingDailyQuota: () =>
      ws.call(
        'MailApp',
        'getRemainingDailyQuota',
        () => ws.quota.remaining('mailRecipientsPerDay'),
        SEND_MAIL,
      ),
  };
}
