import { ConfigError, loadConfig } from '../../src/config';

/** The Teams and workplace settings, validated with the rest of the configuration. */

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('workplace and Teams configuration', () => {
  it('defaults to no workplace service and the NHS first', () => {
    expect(loadConfig({}).workplace).toEqual({ name: undefined, support: undefined, supportFirst: 'nhs' });
  });

  it('reads the employer, its service and which support comes first', () => {
    const config = loadConfig({
      WORKPLACE_NAME: 'Acme Ltd',
      WORKPLACE_SUPPORT_NAME: 'Acme Employee Assistance',
      WORKPLACE_SUPPORT_PHONE: '0800 123 4567',
      WORKPLACE_SUPPORT_URL: 'https://eap.acme.example',
      SUPPORT_FIRST: 'workplace',
      PRIVACY_URL: 'https://clinic.example/privacy',
      TERMS_URL: 'https://clinic.example/terms',
    });
    expect(config.workplace).toEqual({
      name: 'Acme Ltd',
      support: { name: 'Acme Employee Assistance', phone: '0800 123 4567', url: 'https://eap.acme.example' },
      supportFirst: 'workplace',
    });
    expect(config.clinic.termsUrl).toBe('https://clinic.example/terms');
  });

  it.each([
    [{ PRIVACY_URL: 'http://clinic.example/privacy' }, /^PRIVACY_URL must start with https:\/\//],
    [{ PRIVACY_URL: '/privacy' }, /^PRIVACY_URL must be a full URL/],
    [{ TERMS_URL: 'http://clinic.example/terms' }, /^TERMS_URL must start with https:\/\//],
    [{ WORKPLACE_SUPPORT_URL: 'http://eap.example', WORKPLACE_SUPPORT_NAME: 'EAP' }, /^WORKPLACE_SUPPORT_URL must start with https:\/\//],
    [{ WORKPLACE_SUPPORT_NAME: 'EAP' }, /^WORKPLACE_SUPPORT_PHONE or WORKPLACE_SUPPORT_URL is required/],
    [{ WORKPLACE_SUPPORT_PHONE: '0800 123 4567' }, /^WORKPLACE_SUPPORT_NAME is required/],
    [{ SUPPORT_FIRST: 'workplace' }, /^SUPPORT_FIRST can be workplace only when WORKPLACE_SUPPORT_NAME is set/],
    [{ SUPPORT_FIRST: 'eap' }, /^SUPPORT_FIRST must be nhs or workplace/],
  ])('rejects %j naming the variable', (env, expected) => {
    expect(problemsOf(env as Record<string, string>)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });
});
