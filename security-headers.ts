/**
 * The app's security headers, one source for every place that serves it: the CSP meta tag of each build, `vite
 * preview`, and the Azure Static Web Apps configuration generated into each build (vite.config.ts).
 *
 * Content Security Policy: scripts and styles only from the app itself; network only to the Azure endpoints the console
 * calls (ARM, Microsoft Graph, the Entra sign-in authority, Direct Line, Log Analytics) in the three clouds, and the
 * app's own origin ('self'), where the Key Vault gateway lives. No vault host is listed: Key Vault answers no browser,
 * and a page that tried to call one directly would be a bug (or an attack) this policy stops. Styles need
 * 'unsafe-inline': Griffel (Fluent's CSS-in-JS) and FluentProvider inject <style> elements at run time, and a nonce
 * would need a server rendering each page, which a static deployment has not. Scripts stay 'self' only, so no injected
 * markup can run code.
 */
const azure = [
  'https://management.azure.com',
  'https://management.usgovcloudapi.net',
  'https://management.chinacloudapi.cn',
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
  'https://login.chinacloudapi.cn',
  'https://directline.botframework.com',
  'https://directline.botframework.azure.us',
  'https://directline.botframework.azure.cn',
  // Log Analytics, where Key Vault's audit log is queried (Key usage).
  'https://api.loganalytics.azure.com',
  'https://api.loganalytics.us',
  'https://api.loganalytics.azure.cn',
];
const signIn = [
  'https://login.microsoftonline.com',
  'https://login.microsoftonline.us',
  'https://login.chinacloudapi.cn',
];

const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  `connect-src 'self' ${azure.join(' ')}`,
  // MSAL renews tokens silently in a hidden iframe: it opens on the sign-in authority and ends on this app's own
  // blank auth-redirect.html, where MSAL reads the answer.
  `frame-src 'self' ${signIn.join(' ')}`,
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** For the <meta> tag: browsers ignore frame-ancestors there, so it is only in the header. */
export const metaContentSecurityPolicy = directives.join('; ');

/** What a meta tag cannot carry: no framing (clickjacking), no MIME sniffing, no referrer leaks, HTTPS only. */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': [...directives, "frame-ancestors 'none'"].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/**
 * The one page that must be framed: MSAL's silent renewal ends on auth-redirect.html inside a hidden iframe of the app
 * itself. It may be framed by the app's own origin, and by nothing else.
 */
export const silentRenewalPath = '/auth-redirect.html';
export const silentRenewalHeaders: Record<string, string> = {
  ...securityHeaders,
  'Content-Security-Policy': [...directives, "frame-ancestors 'self'"].join('; '),
  'X-Frame-Options': 'SAMEORIGIN',
};

export function headersFor(path: string): Record<string, string> {
  return path.split('?')[0] === silentRenewalPath ? silentRenewalHeaders : securityHeaders;
}

/**
 * Azure Static Web Apps' configuration (staticwebapp.config.json): the headers on every response, config.json never
 * cached (one build, deployed anywhere, reads it at start-up), and the Key Vault gateway under /api.
 */
export function staticWebAppConfig(): unknown {
  return {
    globalHeaders: securityHeaders,
    routes: [
      { route: '/config.json', headers: { 'Cache-Control': 'no-store' } },
      { route: silentRenewalPath, headers: silentRenewalHeaders },
    ],
    mimeTypes: { '.json': 'application/json' },
  };
}
