import { describe, expect, it } from 'vitest';
import { botsGet } from '../operations/bots';
import { subscriptionsList } from '../operations/subscriptions';
import { contosoBotId } from '../../mocks/scenarios/contoso';

describe('twin smoke', () => {
  it('lists subscriptions and reads the bot', async () => {
    const subs = await subscriptionsList();
    expect(subs.map((s) => s.displayName)).toContain('Contoso Security');
    const bot = await botsGet(contosoBotId);
    expect(bot.properties.cmekEncryptionStatus).toBe('Off');
  });
});
