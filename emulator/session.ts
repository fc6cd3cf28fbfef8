/**
 * Session: who runs the script, and in which time zone and locale.
 * Reference: https://developers.google.com/apps-script/reference/base/session and
 * https://developers.google.com/apps-script/reference/base/user
 *
 * Relied on: getActiveUser().getEmail() and getEffectiveUser().getEmail() need the
 * userinfo.email scope; for a consumer account running someone else's script the active
 * user's email is '' (the emulator gives '' for users outside the script owner's domain when
 * `sameDomainOnly` is set). getScriptTimeZone() is the manifest's timeZone.
 */
import { registerLatency } from './latency';
import type { Access, Workspace } from './runtime';

registerLatency('Session', {
  getActiveUser: { base: 5 },
  getEffectiveUser: { base: 5 },
  getScriptTimeZone: { base: 5 },
  getActiveUserLocale: { base: 5 },
  getTemporaryActiveUserKey: { base: 5 },
  'User.getEmail': { base: 20 },
});

const EMAIL_SCOPE: Access = {
  auth: 'full',
  scopes: ['https://www.googleapis.com/auth/userinfo.email'],
};
const ANY: Access = { auth: 'none' };

export interface SessionOptions {
  /** The script's time zone (the manifest's timeZone). */
  timeZone: () => string;
  locale?: string;
  /** When set, active users outside this domain read as '' (as for consumer accounts). */
  sameDomainOnly?: string;
}

export function createSession(ws: Workspace, options: SessionOptions) {
  const call = <T>(method: string, body: () => T, access: Access = ANY) =>
    ws.call('Session', method, body, access);
  const user = (email: () => string) => ({
    getEmail: () => call('User.getEmail', email, EMAIL_SCOPE),
    toString: () => email(),
  });
  const current = () => ws.current?.user ?? ws.defaultUser;
  return {
    getActiveUser: () =>
      call('getActiveUser', () =>
        user(() => {
          const email = current();
          const domain = options.sameDomainOnly;
          return domain && !email.toLowerCase().endsWith(`@${domain.toLowerCase()}`) ? '' : email;
        }),
      ),
    getEffectiveUser: () => call('getEffectiveUser', () => user(current)),
    getScriptTimeZone: () => call('getScriptTimeZone', () => options.timeZone()),
    getActiveUserLocale: () => call('getActiveUserLocale', () => options.locale ?? 'en'),
    /** A stable, anonymous key per user (the emulator derives it from the email). */
    getTemporaryActiveUserKey: () =>
      call('getTemporaryActiveUserKey', () =>
        Buffer.from(current()).toString('base64').replace(/=+$/, ''),
      ),
  };
}
