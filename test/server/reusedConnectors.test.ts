import type { Activity } from 'botbuilder';
import { BoundedCache, ReusedConnectorAuthentication } from '../../bots/reusedConnectors';

const activity = (serviceUrl: string): Activity =>
  ({ type: 'message', channelId: 'webchat', serviceUrl, conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'bot' } }) as Activity;

describe('connector clients are reused across turns', () => {
  // Authentication off (no app id), as on loopback: authenticateRequest still runs for each activity.
  const auth = new ReusedConnectorAuthentication({});

  it('gives the same client for the same service URL on every turn, and another for another URL', async () => {
    const first = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    const second = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    const client = await first.connectorFactory?.create('http://127.0.0.1:1');
    expect(client).toBeDefined();
    expect(await second.connectorFactory?.create('http://127.0.0.1:1')).toBe(client);
    expect(await auth.createConnectorFactory(first.claimsIdentity).create('http://127.0.0.1:1')).toBe(client);
    const other = await second.connectorFactory?.create('http://127.0.0.1:2');
    expect(other).not.toBe(client);
    expect(await first.connectorFactory?.create('http://127.0.0.1:2')).toBe(other);
  });

  it('reuses the user token client too', async () => {
    const { claimsIdentity } = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
  });
});

describe('BoundedCache', () => {
  it('does not remember a failure', async () => {
    const cache = new BoundedCache<number>();
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('k', () => Promise.resolve(2))).toBe(2);
  });

  it('keeps at most its size, dropping the oldest', async () => {
    const cache = new BoundedCache<number>(2);
    for (const key of ['a', 'b', 'c']) await cache.get(key, () => Promise.resolve(1));
    expect(cache.size).toBe(2);
    expect(await cache.get('a', () => Promise.resolve(9))).toBe(9);
    expect(await cache.get('c', () => Promise.resolve(9))).toBe(1);
  });
});
