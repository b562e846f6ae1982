// Twin speed in Node (no browser): requests per second through msw/node for a bot read and a vault update.
import { createTwinServer } from '../src/mocks/harness/node';
import { contosoBotId, contosoVaultId } from '../src/mocks/scenarios/contoso';

const { server } = createTwinServer({ scenario: 'ready' });
server.listen({ onUnhandledRequest: 'error' });

async function rate(
  label: string,
  call: () => Promise<Response>,
  seconds = 2,
): Promise<{ label: string; rps: number }> {
  for (let i = 0; i < 50; i++) await call();
  let n = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const r = await call();
    if (!r.ok) throw new Error(`${label}: HTTP ${r.status}`);
    await r.arrayBuffer();
    n++;
  }
  return { label, rps: Math.round(n / seconds) };
}

const results = [
  await rate('bot read (Bots_Get)', () =>
    fetch(`https://management.azure.com${contosoBotId}?api-version=2022-09-15`),
  ),
  await rate('vault update (Vaults_Update)', () =>
    fetch(`https://management.azure.com${contosoVaultId}?api-version=2025-05-01`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tags: { bench: String(Math.random()) } }),
    }),
  ),
];
server.close();
console.log(JSON.stringify(results));
