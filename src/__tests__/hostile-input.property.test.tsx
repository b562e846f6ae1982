import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVersionedKeyUrl } from '../domain/key-url';
import EncryptionBlade from '../features/bot-encryption/encryption-blade';
import BotOverviewBlade from '../features/bot-overview/bot-overview-blade';
import { validateIpRule } from '../features/vault-networking/networking-form';
import { filterRows, policyRows } from '../features/vault-access-policies/policy-rows';
import { contosoBotId } from '../mocks/scenarios/contoso';
import { bladeContext, renderWithProviders } from '../testing/render';
import { testTwin } from '../testing/twin';

const strictKeyUri =
  /^https:\/\/[a-z][a-z0-9-]{1,22}[a-z0-9]\.vault\.(azure\.net|usgovcloudapi\.net|azure\.cn)(:443)?\/keys\/[a-zA-Z0-9-]{1,127}\/[0-9a-fA-F]{32}$/;
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '\u202Eevil\u202C',
    'a'.repeat(5000),
    '../../etc/passwd',
    '%00',
    '\u0000',
    'javascript:alert(1)',
  ),
  fc.webUrl(),
);

describe('property: key URLs', () => {
  it('never throws; anything that is not a full versioned key URI gets a specific message', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const r = parseVersionedKeyUrl(s);
        if (r.ok) expect(strictKeyUri.test(s) && !s.includes('--')).toBe(true);
        else expect(r.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every well-formed versioned key URI', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9]{2,22}$/);
    const key = fc.stringMatching(/^[a-zA-Z0-9-]{1,60}$/);
    const version = fc.stringMatching(/^[0-9a-f]{32}$/);
    fc.assert(
      fc.property(
        name,
        key,
        version,
        (v, k, ver) => parseVersionedKeyUrl(`https://${v}.vault.azure.net/keys/${k}/${ver}`).ok === true,
      ),
    );
  });
});

describe('property: IP and CIDR rules', () => {
  it('never throws and only accepts public IPv4 addresses and ranges', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostile,
          fc.ipV4(),
          fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 40 })).map(([ip, p]) => `${ip}/${p}`),
        ),
        (s) => {
          const problem = validateIpRule(s, []);
          if (problem === undefined) {
            const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(\/(\d+))?$/.exec(s.trim());
            expect(m).not.toBeNull();
            const [a, b] = [Number(m![1]), Number(m![2])];
            expect(
              a === 10 ||
                (a === 172 && b >= 16 && b <= 31) ||
                (a === 192 && b === 168) ||
                a === 127 ||
                a >= 224,
            ).toBe(false);
          } else expect(problem.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('property: search text and names', () => {
  it('filtering access policies with any text never throws', () => {
    const rows = policyRows(
      [{ tenantId: 't', objectId: 'o', permissions: {} }],
      [{ kind: 'user', id: 'o', displayName: '<b>x</b>' }],
      () => 'other',
    );
    fc.assert(fc.property(hostile, (s) => Array.isArray(filterRows(rows, s))));
  });

  it('random invalid key URLs typed into the Encryption blade never enable Save, so none can reach ARM', async () => {
    renderWithProviders(<EncryptionBlade />, {
      blade: bladeContext(contosoBotId, 'encryption', 'Encryption'),
    });
    await userEvent.click(await screen.findByRole('radio', { name: 'Customer-Managed Keys' }));
    const input = screen.getByRole('textbox', { name: /Key URL/ });
    const samples = fc.sample(
      hostile.filter((s) => !parseVersionedKeyUrl(s).ok && s.length < 300),
      { numRuns: 15, seed: 42 },
    );
    for (const s of samples) {
      await userEvent.clear(input);
      await userEvent.click(input);
      await userEvent.paste(s);
      expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    }
  });
});

describe('hostile names from the backend', () => {
  it('render as text: HTML, script tags, right-to-left marks and 500-character names', async () => {
    const bot = testTwin.managed.twin.world.bots.get(contosoBotId)!;
    const name = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\u202Egnp.exe${'W'.repeat(500)}`;
    testTwin.managed.twin.world.bots.set(contosoBotId, { ...bot, displayName: name });
    renderWithProviders(<BotOverviewBlade />, { blade: bladeContext(contosoBotId, 'overview', 'Overview') });
    expect(await screen.findByText(name)).toBeInTheDocument();
    // Injected markup must not exist anywhere in the page, named or not: only a DOM query can say so.
    // eslint-disable-next-line testing-library/no-node-access
    expect(document.querySelector('img[src="x"]')).toBeNull();
    // eslint-disable-next-line testing-library/no-node-access
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
