import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../src/config';
import { PRODUCTION_ENV } from '../support/productionEnv';
import { Deferred, evaluate, type ArmContext, type ArmResource, type ArmTemplate, type ArmValue } from './armExpressions';

/**
 * The Azure template against the configuration schema (src/config.ts), so neither can drift:
 * every variable the app needs in production is set, nothing set is unknown to the app, secrets
 * arrive only through Key Vault, and the resources carry the settings a clinic relies on.
 */

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'deploymentTemplates', 'azure');
const template = JSON.parse(readFileSync(join(DIR, 'azuredeploy.json'), 'utf8')) as ArmTemplate;
const parameterFiles = readdirSync(DIR).filter((name) => /^azuredeploy\.parameters\..+\.json$/.test(name)).sort();

/** Settings App Service and its agents read; the app never does. */
const PLATFORM_SETTINGS = ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'ApplicationInsightsAgent_EXTENSION_VERSION', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];

/**
 * Settings the template writes before the branch that teaches the app to read them has landed
 * (their names are fixed in the issue). Each entry fails the test once the app accepts it, so the
 * list empties itself as branches merge.
 */
const AHEAD_OF_CONFIG: { name: string; value?: string; issue: number }[] = [];

/** Settings the app reads that a production template must never write. */
const NEVER_SET = [
  'STAFF_TOKEN', // local staff sign-in: development only; production signs staff in with Entra ID
  'ALLOW_UNAUTHENTICATED_NETWORK', // the bot always authenticates in production
  'WEBSITE_HOSTNAME', // App Service sets it to the app's own host name
];

const SECRET_NAME = /PASSWORD|SECRET|KEY$|_KEY_|CONNECTION_STRING|TOKEN|WEBHOOK/i;
const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(VaultName=([^;]+);SecretName=([^)]+)\)$/;

interface Deployment {
  file: string;
  parameters: Record<string, ArmValue>;
  context: ArmContext;
}

function deploymentFor(file: string): Deployment {
  const given = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { parameters: Record<string, { value: ArmValue }> };
  const parameters: Record<string, ArmValue> = {};
  for (const [name, { value }] of Object.entries(given.parameters)) parameters[name] = value;
  // Secure parameters are never in a parameter file: the operator passes them on the command line.
  for (const [name, declared] of Object.entries(template.parameters)) {
    if (declared.type === 'securestring' && !(name in parameters)) parameters[name] = `stand-in for ${name}`;
  }
  return {
    file,
    parameters,
    context: {
      template,
      parameters,
      resourceGroup: { id: '/subscriptions/s/resourceGroups/rg-ipt', name: 'rg-ipt', location: 'uksouth' },
      subscription: { id: '/subscriptions/s', subscriptionId: 's', tenantId: '00000000-0000-0000-0000-0000000000aa' },
    },
  };
}

const deployments = parameterFiles.map(deploymentFor);

function resourcesOfType(type: string): ArmResource[] {
  return template.resources.filter((resource) => resource.type === type);
}

function only(type: string): ArmResource {
  const found = resourcesOfType(type);
  expect(found).toHaveLength(1);
  return found[0];
}

const site = only('Microsoft.Web/sites');

type Settings = Record<string, ArmValue>;

/** The app settings as App Service would set them for one parameter file (values not yet resolved from Key Vault). */
function appSettings(deployment: Deployment): Settings {
  const list = evaluate((site.properties!.siteConfig as { appSettings: unknown }).appSettings, deployment.context) as { name: string; value: ArmValue }[];
  const settings: Settings = {};
  for (const { name, value } of list) {
    expect(settings).not.toHaveProperty(name);
    settings[name] = value;
  }
  return settings;
}

/** What the process sees: Key Vault references resolved (to stand-ins), Azure-only values as text. */
function processEnv(settings: Settings): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings)) {
    const text = value instanceof Deferred ? value.toString() : String(value ?? '');
    const reference = KEY_VAULT_REFERENCE.exec(text);
    // A secret that is an address (a webhook) must still look like one once resolved.
    const standIn = reference && (name.endsWith('_URL') ? `https://key-vault.example/${reference[2]}` : `secret ${reference[2]} from Key Vault`);
    env[name] = standIn ?? text;
  }
  return env;
}

function withoutAheadOfConfig(env: Record<string, string>): Record<string, string> {
  const rest = { ...env };
  for (const { name } of AHEAD_OF_CONFIG) delete rest[name];
  for (const name of PLATFORM_SETTINGS) delete rest[name];
  return rest;
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

describe('the Azure template and the configuration schema', () => {
  it('has example parameter files for both bot identities', () => {
    expect(deployments.map((d) => d.parameters.botAppType).sort()).toEqual(['SingleTenant', 'UserAssignedMSI']);
  });

  describe.each(deployments.map((d) => [d.file, d] as const))('with %s', (_file, deployment) => {
    const settings = appSettings(deployment);

    it('sets every variable the app requires in production: the app would start', () => {
      const problems = problemsOf(withoutAheadOfConfig(processEnv(settings)));
      if (problems.length > 0) {
        throw new Error(`The app would refuse to start with this template's settings. Add these to deploymentTemplates/azure/azuredeploy.json:\n  ${problems.join('\n  ')}`);
      }
      const config = loadConfig(withoutAheadOfConfig(processEnv(settings)));
      expect(config.env).toBe('production');
      expect(config.authEnabled).toBe(true);
      expect(config.botAuth.MicrosoftAppType).toBe(deployment.parameters.botAppType);
      expect(config.webChat.trustedProxyHops).toBe(1);
      expect(config.logMessageText).toBe(false);
      // State, transcripts and the staff audit log each in a container the template creates.
      const created = resourcesOfType('Microsoft.Storage/storageAccounts/blobServices/containers').map((c) => asText(evaluate(c.name, deployment.context)).split('/').pop());
      expect(config.storage).toBe('blob');
      const { stateContainer, transcriptContainer, staffContainer } = config.blob!;
      expect([stateContainer, transcriptContainer, staffContainer].sort()).toEqual([...created].sort());
      expect(config.staff.tokenSignIn).toBe(false);
      expect(config.staff.enabled).toBe(Boolean(deployment.parameters.staffEntraClientId));
      const host = deployment.parameters.customDomain ?? asText(evaluate("[variables('siteHostName')]", deployment.context));
      expect(settings.PUBLIC_URL).toBe(`https://${String(host)}`);
      expect(settings.STAFF_BASE_URL).toBe(settings.PUBLIC_URL);
    });

    it(`never sets ${NEVER_SET.join(', ')}`, () => {
      expect(Object.keys(settings).filter((name) => NEVER_SET.includes(name))).toEqual([]);
    });

    it('sets nothing the app does not read', () => {
      const known = new Set([...CONFIG_VARIABLES, ...PLATFORM_SETTINGS, ...AHEAD_OF_CONFIG.map((entry) => entry.name)]);
      const unknown = Object.keys(settings).filter((name) => !known.has(name));
      expect(unknown).toEqual([]);
    });

    it('passes every secret through Key Vault, each reference naming a secret the template stores', () => {
      const stored = new Set(
        resourcesOfType('Microsoft.KeyVault/vaults/secrets').map((secret) => asText(evaluate(secret.name, deployment.context)).split('/')[1]),
      );
      const vault = asText(evaluate("[variables('keyVaultName')]", deployment.context));
      const secrets = Object.entries(settings).filter(([name]) => SECRET_NAME.test(name) && !PLATFORM_SETTINGS.includes(name));
      expect(secrets.map(([name]) => name)).toEqual(expect.arrayContaining(['MicrosoftAppPassword', 'CLU_KEY', 'QNA_KEY', 'DIRECT_LINE_SECRET', 'AZURE_STORAGE_CONNECTION_STRING', 'STAFF_ENTRA_CLIENT_SECRET', 'STAFF_ALERT_WEBHOOK_URL']));
      for (const [name, value] of secrets) {
        if (value === '') continue; // the feature is off in this deployment
        const reference = KEY_VAULT_REFERENCE.exec(asText(value));
        expect({ name, value, isKeyVaultReference: Boolean(reference) }).toEqual({ name, value, isKeyVaultReference: true });
        expect(reference![1]).toBe(vault);
        expect(stored).toContain(reference![2]);
      }
    });

    it('identifies the bot the same way in the Azure Bot resource and in the app', () => {
      const bot = evaluate(only('Microsoft.BotService/botServices'), deployment.context) as { properties: Record<string, ArmValue> };
      expect(bot.properties.msaAppType).toBe(settings.MicrosoftAppType);
      expect(asText(bot.properties.msaAppId)).toBe(asText(settings.MicrosoftAppId));
      expect(bot.properties.msaAppTenantId).toBe(settings.MicrosoftAppTenantId);
      if (deployment.parameters.botAppType === 'UserAssignedMSI') {
        expect(bot.properties.msaAppMSIResourceId).toMatch(/Microsoft\.ManagedIdentity\/userAssignedIdentities/);
        expect(settings.MicrosoftAppPassword).toBe('');
      } else {
        expect(bot.properties.msaAppMSIResourceId).toBeNull();
        expect(settings.MicrosoftAppId).toBe(deployment.parameters.microsoftAppId);
      }
      const host = asText(evaluate("[variables('siteHostName')]", deployment.context));
      expect(bot.properties.endpoint).toBe(`https://${host}/api/messages`);
    });
  });

  it('names a required setting the template leaves out (the check can fail)', () => {
    const env = withoutAheadOfConfig(processEnv(appSettings(deployments[0])));
    delete env.PRIVACY_URL;
    expect(problemsOf(env)).toEqual([expect.stringMatching(/^PRIVACY_URL is required when NODE_ENV=production/)]);
    expect(problemsOf({ ...env, PRIVACY_URL: 'https://x.example', SURPLUS: '1' })).toEqual([]);
  });

  it('writes nothing ahead of src/config.ts that the app now reads (AHEAD_OF_CONFIG empties itself as branches land)', () => {
    for (const entry of AHEAD_OF_CONFIG) {
      const accepted = entry.value === undefined
        ? CONFIG_VARIABLES.includes(entry.name)
        : !problemsOf({ ...PRODUCTION_ENV, [entry.name]: entry.value }).some((problem) => problem.startsWith(`${entry.name} `));
      if (accepted) throw new Error(`${entry.name} (issue ${entry.issue}) is now read by src/config.ts: remove it from AHEAD_OF_CONFIG in test/deploy/azureTemplate.test.ts`);
    }
  });

  it('never gives a secret a default value, and no parameter file holds one', () => {
    for (const [name, declared] of Object.entries(template.parameters)) {
      if (declared.type !== 'securestring') continue;
      expect({ name, defaultValue: declared.defaultValue ?? '' }).toEqual({ name, defaultValue: '' });
      for (const file of parameterFiles) {
        expect(JSON.parse(readFileSync(join(DIR, file), 'utf8')).parameters).not.toHaveProperty(name);
      }
    }
    const secretParameters = Object.keys(template.parameters).filter((name) => /password|secret/i.test(name));
    expect(secretParameters.length).toBeGreaterThan(0);
    for (const name of secretParameters) expect({ name, type: template.parameters[name].type }).toEqual({ name, type: 'securestring' });
  });
});

describe('the Azure template declares the resources a clinic relies on', () => {
  const uami = deployments.find((d) => d.parameters.botAppType === 'UserAssignedMSI')!;
  const full = deployments.find((d) => d.parameters.deployLanguage === true)!;

  it('runs a Linux web app on Node 22 LTS: HTTPS only, TLS 1.2, always on, /healthz, no ARR affinity, no build at start', () => {
    expect(site.kind).toBe('app,linux');
    expect(site.properties).toMatchObject({ httpsOnly: true, clientAffinityEnabled: false });
    expect(site.properties!.siteConfig).toMatchObject({
      linuxFxVersion: 'NODE|22-lts',
      alwaysOn: true,
      healthCheckPath: '/healthz',
      minTlsVersion: '1.2',
      scmMinTlsVersion: '1.2',
      ftpsState: 'Disabled',
    });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: { start: string }; engines: { node: string } };
    // The same command as `npm start`, which runs the built entry point.
    expect(pkg.scripts.start).toMatch(new RegExp(`^node (--[\\w=-]+ )*${pkg.main}$`));
    expect((site.properties!.siteConfig as { appCommandLine: string }).appCommandLine).toBe(pkg.scripts.start);
    expect(pkg.engines.node).toMatch(/<23/);
  });

  it('reads Key Vault references with its own managed identity, which may read secrets and blobs', () => {
    const identityId = "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('identityName'))]";
    expect(site.identity).toEqual({ type: 'UserAssigned', userAssignedIdentities: { [identityId]: {} } });
    expect(site.properties!.keyVaultReferenceIdentity).toBe(identityId);
    const roles = resourcesOfType('Microsoft.Authorization/roleAssignments').map((role) => evaluate(role, uami.context) as { scope: string; properties: { roleDefinitionId: string; principalId: ArmValue } });
    const roleIds = template.variables.roles as Record<string, string>;
    const granted = roles.map((role) => [role.scope.split('/')[1], role.properties.roleDefinitionId.split('/').pop(), String(role.properties.principalId)]);
    expect(granted).toEqual(expect.arrayContaining([
      ['vaults', roleIds.keyVaultSecretsUser, expect.stringContaining('userAssignedIdentities')],
      ['storageAccounts', roleIds.storageBlobDataContributor, expect.stringContaining('userAssignedIdentities')],
    ]));
  });

  it('scales out: a Linux plan sized by minInstances and CPU autoscale between the limits', () => {
    const plan = evaluate(only('Microsoft.Web/serverfarms'), full.context) as Record<string, ArmValue> & { sku: { capacity: number }; properties: { reserved: boolean } };
    expect(plan.kind).toBe('linux');
    expect(plan.properties.reserved).toBe(true);
    expect(plan.sku.capacity).toBe(full.parameters.minInstances);
    const autoscale = evaluate(only('Microsoft.Insights/autoscalesettings'), full.context) as { condition: boolean; properties: { targetResourceUri: string; profiles: { capacity: Record<string, string>; rules: { metricTrigger: { metricName: string } }[] }[] } };
    expect(autoscale.condition).toBe(true);
    expect(autoscale.properties.targetResourceUri).toMatch(/Microsoft\.Web\/serverfarms/);
    expect(autoscale.properties.profiles[0].capacity).toEqual({ minimum: '2', maximum: '6', default: '2' });
    expect(autoscale.properties.profiles[0].rules.map((rule) => rule.metricTrigger.metricName)).toEqual(['CpuPercentage', 'CpuPercentage']);
  });

  it('registers an Azure Bot as SingleTenant or UserAssignedMSI (never MultiTenant) with the Teams, Direct Line and Web Chat channels', () => {
    const bot = only('Microsoft.BotService/botServices');
    expect(bot).toMatchObject({ apiVersion: '2022-09-15', location: 'global', kind: 'azurebot' });
    expect(Object.keys(bot.properties!)).toEqual(expect.arrayContaining(['msaAppType', 'msaAppId', 'msaAppTenantId', 'msaAppMSIResourceId']));
    expect(template.parameters.botAppType.allowedValues).toEqual(['UserAssignedMSI', 'SingleTenant']);
    const channels = resourcesOfType('Microsoft.BotService/botServices/channels').map((channel) => evaluate(channel, full.context) as { name: string; properties: { channelName: string; properties: Record<string, unknown> } });
    expect(channels.map((channel) => channel.properties.channelName).sort()).toEqual(['DirectLineChannel', 'MsTeamsChannel', 'WebChatChannel']);
    for (const channel of channels) expect(channel.name.endsWith(`/${channel.properties.channelName}`)).toBe(true);
    const directLine = channels.find((channel) => channel.properties.channelName === 'DirectLineChannel')!;
    const [site0] = directLine.properties.properties.sites as Record<string, unknown>[];
    expect(site0).toMatchObject({ isEnabled: true, isV1Enabled: false, isV3Enabled: true, isSecureSiteEnabled: true });
    const host = asText(evaluate("[variables('siteHostName')]", full.context));
    expect(site0.trustedOrigins).toEqual(['https://www.clinic.example', `https://${host}`]);
    const uamiDirectLine = evaluate(resourcesOfType('Microsoft.BotService/botServices/channels').find((c) => c.name.includes('DirectLine'))!, uami.context) as typeof directLine;
    expect((uamiDirectLine.properties.properties.sites as Record<string, unknown>[])[0]).toMatchObject({ isSecureSiteEnabled: false, trustedOrigins: [] });
  });

  it('keeps state, transcripts and the staff audit log in private containers, and no lifecycle rule can delete part of a live conversation or the audit log', () => {
    const account = only('Microsoft.Storage/storageAccounts');
    expect(account.properties).toMatchObject({ minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true, allowBlobPublicAccess: false });
    const containers = resourcesOfType('Microsoft.Storage/storageAccounts/blobServices/containers').map((c) => evaluate(c, uami.context) as { name: string; properties: { publicAccess: string } });
    expect(containers.map((c) => c.name.split('/').pop()).sort()).toEqual(['staff-records', 'state', 'transcripts']);
    for (const container of containers) expect(container.properties.publicAccess).toBe('None');
    // Erasure must be real: no soft-deleted or versioned copy of an erased conversation lingers.
    expect(only('Microsoft.Storage/storageAccounts/blobServices').properties).toMatchObject({ deleteRetentionPolicy: { enabled: false }, isVersioningEnabled: false });

    const policy = evaluate(only('Microsoft.Storage/storageAccounts/managementPolicies'), uami.context) as { properties: { policy: { rules: { definition: { filters: { prefixMatch?: string[] }; actions: { baseBlob: { delete: Record<string, unknown> } } } }[] } } };
    const rules = policy.properties.policy.rules;
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      // Only whole-conversation state blobs (one per conversation, rewritten every turn), never the
      // transcripts container (one folder per conversation, one blob per activity: the app's
      // retention job erases whole conversations) nor staff-records (the audit log outlives them).
      expect(rule.definition.filters.prefixMatch).toEqual(['state/']);
      expect(Object.keys(rule.definition.actions.baseBlob.delete)).toEqual(['daysAfterModificationGreaterThan']);
    }
  });

  it('keeps secrets in an RBAC Key Vault with soft delete and purge protection', () => {
    expect(only('Microsoft.KeyVault/vaults').properties).toMatchObject({ enableRbacAuthorization: true, enableSoftDelete: true, enablePurgeProtection: true });
  });

  it('adds Azure AI Language, question answering (with its Azure AI Search index) and Application Insights only when asked', () => {
    const language = only('Microsoft.CognitiveServices/accounts');
    expect(language.kind).toBe('TextAnalytics');
    expect(language.condition).toBe("[parameters('deployLanguage')]");
    expect(only('Microsoft.Insights/components').condition).toBe("[parameters('deployAppInsights')]");
    expect(appSettings(uami).CLU_ENDPOINT).toBe('');
    expect(asText(appSettings(full).CLU_ENDPOINT)).toMatch(/^https:\/\//);
    const fullConfig = loadConfig(withoutAheadOfConfig(processEnv(appSettings(full))));
    expect(fullConfig.clu).toMatchObject({ projectName: 'ipt-guide', deploymentName: 'production' });
    expect(fullConfig.qna).toMatchObject({ projectName: 'ipt-guide', deploymentName: 'production' });
    expect(loadConfig(withoutAheadOfConfig(processEnv(appSettings(uami)))).qna).toBeUndefined();
    // Custom question answering keeps its index in Azure AI Search, linked on the Language resource.
    expect(evaluate(only('Microsoft.Search/searchServices').condition, full.context)).toBe(true);
    expect(evaluate(only('Microsoft.Search/searchServices').condition, uami.context)).toBe(false);
    const apiProperties = (evaluate(language, full.context) as { properties: { apiProperties: Record<string, ArmValue> } }).properties.apiProperties;
    expect(String(apiProperties.qnaAzureSearchEndpointId)).toMatch(/Microsoft\.Search\/searchServices/);
    expect(apiProperties.qnaAzureSearchEndpointKey).toBeInstanceOf(Deferred);
  });
});

function asText(value: ArmValue): string {
  return value instanceof Deferred ? value.toString() : typeof value === 'string' ? value : JSON.stringify(value);
}
