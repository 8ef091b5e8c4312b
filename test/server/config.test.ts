import { loadConfig, ConfigError } from '../../src/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('runs with no variables at all, on loopback, with authentication off', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.authEnabled).toBe(false);
    expect(config.maxBodyBytes).toBe(256 * 1024);
    expect(config.logMessageText).toBe(false);
    expect(config.clu).toBeUndefined();
    expect(config.webChat.pageEnabled).toBe(true);
  });

  it('accepts the samples\' lower-case port, PORT winning when both are set', () => {
    expect(loadConfig({ port: '4000' }).port).toBe(4000);
    expect(loadConfig({ port: '4000', PORT: '5000' }).port).toBe(5000);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT must be a port number/],
    [{ PORT: '70000' }, /^PORT must be between 0 and 65535/],
    [{ NODE_ENV: 'staging' }, /^NODE_ENV must be development, production or test/],
    [{ NODE_ENV: 'production' }, /^MicrosoftAppId is required when NODE_ENV=production/],
    [{ MicrosoftAppId: 'abc', MicrosoftAppType: 'Personal', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: 't' }, /^MicrosoftAppType must be SingleTenant/],
    [{ MicrosoftAppId: 'abc', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'x' }, /^MicrosoftAppTenantId is required/],
    [{ MicrosoftAppId: 'abc', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't' }, /^MicrosoftAppPassword is required/],
    [{ CLU_ENDPOINT: 'https://x.cognitiveservices.azure.com' }, /^CLU_KEY is required when any CLU_ variable is set/],
    [{ CLU_ENDPOINT: 'not a url', CLU_KEY: 'k', CLU_PROJECT: 'p', CLU_DEPLOYMENT: 'd' }, /^CLU_ENDPOINT must be a full URL/],
    [{ MAX_BODY_BYTES: '-5' }, /^MAX_BODY_BYTES must be greater than 0/],
    [{ LOG_MESSAGE_TEXT: 'maybe' }, /^LOG_MESSAGE_TEXT must be true or false/],
    [{ CLINIC_EMAIL: 'clinic' }, /^CLINIC_EMAIL must be an email address/],
    [{ CORS_ORIGINS: 'https://ok.example, ftp://bad' }, /^CORS_ORIGINS\.1 must start with http/],
    [{ TRUST_PROXY_HOPS: '-1' }, /^TRUST_PROXY_HOPS must be 0 or more/],
    [{ NODE_ENV: 'production' }, /^CLINIC_PHONE is required when NODE_ENV=production/],
    [{ NODE_ENV: 'production' }, /^CLINIC_HOURS is required when NODE_ENV=production/],
    [{ NODE_ENV: 'production' }, /^CLINIC_NAME is required when NODE_ENV=production/],
    [{ CLINIC_HOURS: 'weekdays' }, /^CLINIC_HOURS must look like "Mon-Fri 09:00-17:00"/],
    [{ CLINIC_HOURS: 'Mon-Fri 17:00-09:00' }, /^CLINIC_HOURS .*closes before it opens/],
    [{ CLINIC_HOURS: 'Funday 09:00-17:00' }, /^CLINIC_HOURS .*is not a day/],
    [{ CLINIC_TIMEZONE: 'Mars/Olympus' }, /^CLINIC_TIMEZONE must be an IANA time zone/],
    [{ CLINIC_REPLY_DAYS: '0' }, /^CLINIC_REPLY_DAYS must be greater than 0/],
  ])('rejects %j naming the variable and the problem', (env, expected) => {
    expect(problemsOf(env as Record<string, string>)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('builds a complete authenticated, CLU-enabled production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
      CLU_ENDPOINT: 'https://x.cognitiveservices.azure.com',
      CLU_KEY: 'k',
      CLU_PROJECT: 'ipt-guide',
      CLU_DEPLOYMENT: 'production',
      CLINIC_NAME: 'Riverside Clinic',
      CLINIC_PHONE: '020 7946 0000',
      CLINIC_HOURS: 'Mon-Fri 09:00-17:00; Sat 10:00-13:00',
    });
    expect(config.authEnabled).toBe(true);
    expect(config.clinic).toMatchObject({ name: 'Riverside Clinic', phone: '020 7946 0000', timeZone: 'Europe/London', replyDays: 2 });
    expect(config.clinic.hours).toHaveLength(6);
    expect(config.host).toBe('0.0.0.0');
    expect(config.clu).toEqual({
      endpoint: 'https://x.cognitiveservices.azure.com',
      key: 'k',
      projectName: 'ipt-guide',
      deploymentName: 'production',
      timeoutMs: 3000,
    });
    expect(config.webChat.pageEnabled).toBe(false);
    expect(config.webChat.localDirectLineEnabled).toBe(false);
  });

  it.each([['0.0.0.0'], ['::'], ['192.168.1.20'], ['bot.example.org']])(
    'refuses HOST=%s with authentication off unless ALLOW_UNAUTHENTICATED_NETWORK=true says so',
    (host) => {
      expect(problemsOf({ HOST: host })).toEqual([expect.stringMatching(/^HOST must be a loopback address .*ALLOW_UNAUTHENTICATED_NETWORK=true/)]);
      const allowed = loadConfig({ HOST: host, ALLOW_UNAUTHENTICATED_NETWORK: 'true' });
      expect(allowed.host).toBe(host);
      expect(allowed.unauthenticatedNetwork).toBe(true);
    },
  );

  it.each([['127.0.0.1'], ['127.0.0.2'], ['::1'], ['localhost']])('accepts the loopback HOST=%s with authentication off', (host) => {
    expect(loadConfig({ HOST: host }).unauthenticatedNetwork).toBe(false);
  });
});
