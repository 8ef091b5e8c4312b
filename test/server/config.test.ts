import { loadConfig, ConfigError, CONFIG_VARIABLES } from '../../src/config';
import { PRODUCTION_ENV } from '../support/productionEnv';

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
      ...PRODUCTION_ENV,
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

  describe('in production', () => {
    it.each(['MicrosoftAppId', 'PRIVACY_URL', 'CLINIC_NAME', 'CLINIC_PHONE', 'CLINIC_HOURS'])('refuses to start without %s, naming it', (name) => {
      const env: Record<string, string> = { ...PRODUCTION_ENV };
      delete env[name];
      expect(problemsOf(env)).toEqual([expect.stringMatching(new RegExp(`^${name} is required when NODE_ENV=production`))]);
    });

    it('accepts an email address instead of a phone number for the clinic, but not a website alone', () => {
      const { CLINIC_PHONE: _phone, ...rest } = PRODUCTION_ENV;
      expect(loadConfig({ ...rest, CLINIC_EMAIL: 'team@clinic.example' }).clinic.email).toBe('team@clinic.example');
      expect(problemsOf({ ...rest, CLINIC_URL: 'https://clinic.example' })).toEqual([expect.stringMatching(/^CLINIC_PHONE is required/)]);
    });

    it.each(['CLINIC_URL', 'DIRECT_LINE_ENDPOINT'])('refuses a plain http %s', (name) => {
      expect(problemsOf({ ...PRODUCTION_ENV, [name]: 'http://clinic.example/x' })).toEqual([`${name} must start with https:// when NODE_ENV=production`]);
    });

    it('needs DIRECT_LINE_SECRET once the website chat is turned on', () => {
      for (const extra of [{ CORS_ORIGINS: 'https://clinic.example' }, { WEBCHAT_PAGE_ENABLED: 'true' }] as Record<string, string>[]) {
        expect(problemsOf({ ...PRODUCTION_ENV, ...extra })).toEqual([expect.stringMatching(/^DIRECT_LINE_SECRET is required when NODE_ENV=production when CORS_ORIGINS/)]);
        expect(loadConfig({ ...PRODUCTION_ENV, ...extra, DIRECT_LINE_SECRET: 'dl-secret' }).webChat.directLineSecret).toBe('dl-secret');
      }
    });
  });

  it('treats a blank variable as unset (a template sets "" for a feature that is off)', () => {
    const config = loadConfig({ CLU_ENDPOINT: '', CLU_KEY: ' ', CLINIC_NAME: '', PORT: '' });
    expect(config.clu).toBeUndefined();
    expect(config.clinic.name).toBe('the clinic');
    expect(config.port).toBe(3978);
  });

  it('names a Key Vault reference that App Service could not resolve, and never uses it as a value', () => {
    const unresolved = '@Microsoft.KeyVault(VaultName=kv-ipt;SecretName=MicrosoftAppPassword)';
    expect(problemsOf({ ...PRODUCTION_ENV, MicrosoftAppPassword: unresolved })).toEqual([
      expect.stringMatching(/^MicrosoftAppPassword is a Key Vault reference App Service could not resolve/),
    ]);
    // Only the app's own variables: another program's setting is none of its business.
    expect(loadConfig({ SOME_OTHER_TOOL: unresolved }).authEnabled).toBe(false);
  });

  it('lists the variables it reads', () => {
    expect(CONFIG_VARIABLES).toEqual(expect.arrayContaining(['NODE_ENV', 'MicrosoftAppId', 'CLU_KEY', 'PRIVACY_URL', 'TRUST_PROXY_HOPS']));
  });
});
