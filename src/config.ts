import { resolve } from 'node:path';
import { z } from 'zod';
import { isLoopbackHost } from './server/loopback';
import { PROJECT_ROOT } from './projectRoot';
import { parseClinicHours, type ClinicHours } from './callbacks/clinicHours';

/**
 * Every environment variable the service reads, validated once at start-up. Nothing else in the
 * code reads process.env: configuration travels through constructors from the composition root.
 */

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    errorMap: () => ({ message: 'must be true or false' }),
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const port = z.coerce
  .number({ invalid_type_error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const positiveInt = (max: number) =>
  z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .int('must be a whole number')
    .positive('must be greater than 0')
    .max(max, `must be at most ${max}`);

const httpUrl = z
  .string()
  .trim()
  .url('must be a full URL such as https://example.org')
  .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://');

/** Links people open from Teams and the app package: Teams opens absolute https addresses only. */
export const httpsUrl = z
  .string()
  .trim()
  .url('must be a full URL such as https://example.org')
  .refine((value) => value.startsWith('https://'), 'must start with https://');

/** Azure's rules: 3-63 characters, lower-case letters, digits and single hyphens. */
const blobContainerName = z
  .string()
  .trim()
  .regex(/^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be 3-63 lower-case letters, digits or single hyphens');

const envSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'], {
        errorMap: () => ({ message: 'must be development, production or test' }),
      })
      .default('development'),
    PORT: port.optional(),
    /** The Bot Framework samples use lower-case `port`; accepted so their tooling works unchanged. */
    port: port.optional(),
    /** Defaults to loopback while authentication is off, all interfaces once it is on. */
    HOST: optionalText,
    /** Listening beyond loopback with authentication off must be asked for explicitly. */
    ALLOW_UNAUTHENTICATED_NETWORK: booleanString.default('false'),

    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z
      .enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant'], {
        errorMap: () => ({ message: 'must be SingleTenant, UserAssignedMSI or MultiTenant' }),
      })
      .optional(),
    MicrosoftAppTenantId: optionalText,

    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        errorMap: () => ({ message: 'must be one of fatal, error, warn, info, debug, trace, silent' }),
      })
      .default('info'),
    /** Operators must opt in before any message text reaches the logs. */
    LOG_MESSAGE_TEXT: booleanString.default('false'),

    MAX_BODY_BYTES: positiveInt(10 * 1024 * 1024).default(256 * 1024),
    SHUTDOWN_TIMEOUT_MS: positiveInt(120_000).default(10_000),

    STORAGE: z
      .enum(['memory', 'blob'], { errorMap: () => ({ message: 'must be memory or blob' }) })
      .default('memory'),
    /** Azure Storage account for STORAGE=blob and TRANSCRIPT_STORE=blob ('UseDevelopmentStorage=true;' for Azurite). */
    AZURE_STORAGE_CONNECTION_STRING: optionalText,
    STATE_CONTAINER: blobContainerName.default('bot-state'),
    /** Per try of a storage call; two tries at most, so an outage surfaces well inside a channel's 15 s turn limit. */
    STORAGE_TIMEOUT_MS: positiveInt(10_000).default(2_000),
    TRANSCRIPT_STORE: z
      .enum(['file', 'blob', 'memory'], { errorMap: () => ({ message: 'must be file, blob or memory' }) })
      .optional(),
    TRANSCRIPT_CONTAINER: blobContainerName.default('transcripts'),
    STAFF_CONTAINER: blobContainerName.default('staff-records'),
    /** The staff review at /staff; default on outside production (production needs Entra ID sign-in, not built yet). */
    STAFF_ENABLED: booleanString.optional(),
    /** Local staff sign-in: a bearer token of at least 32 characters; generated and printed once at start-up if unset. */
    STAFF_TOKEN: z.string().trim().min(32, 'must be at least 32 characters').optional(),
    /** Optional: a webhook (Teams Workflows, incoming webhook) told of each risk event: category, severity, time, link. */
    STAFF_ALERT_WEBHOOK_URL: httpUrl.optional(),
    /** The address staff use to reach this service: links in alerts, and the Entra ID redirect URI. */
    STAFF_BASE_URL: httpUrl.optional(),
    /** Staff sign-in with Microsoft Entra ID (all three, or none): the only sign-in in production. */
    STAFF_ENTRA_TENANT_ID: optionalText,
    STAFF_ENTRA_CLIENT_ID: optionalText,
    STAFF_ENTRA_CLIENT_SECRET: optionalText,
    /** The app role staff must hold; or STAFF_ENTRA_GROUP_ID, a group they must be in. */
    STAFF_ENTRA_ROLE: z.string().trim().min(1).default('Staff.Review'),
    STAFF_ENTRA_GROUP_ID: optionalText,
    STAFF_ENTRA_AUTHORITY_HOST: httpUrl.default('https://login.microsoftonline.com'),
    TRANSCRIPT_RETENTION_DAYS: positiveInt(3650).default(90),
    TRANSCRIPT_WRITE_TIMEOUT_MS: positiveInt(10_000).default(2_000),
    /** Where the file transcript store (and anything else kept locally) lives; created at start-up. */
    DATA_DIR: optionalText,

    CLU_ENDPOINT: httpUrl.optional(),
    CLU_KEY: optionalText,
    CLU_PROJECT: optionalText,
    CLU_DEPLOYMENT: optionalText,
    CLU_TIMEOUT_MS: positiveInt(30_000).default(3_000),

    QNA_ENDPOINT: httpUrl.optional(),
    QNA_KEY: optionalText,
    QNA_PROJECT: optionalText,
    QNA_DEPLOYMENT: optionalText,
    QNA_TIMEOUT_MS: positiveInt(30_000).default(3_000),
    ANSWER_MEANING: booleanString.default('true'),

    CLINIC_NAME: optionalText,
    CLINIC_PHONE: optionalText,
    CLINIC_EMAIL: z.string().trim().email('must be an email address').optional(),
    CLINIC_URL: httpUrl.optional(),
    PRIVACY_URL: httpsUrl.optional(),
    TERMS_URL: httpsUrl.optional(),

    /** The employer this deployment serves (one deployment per employer tenant), and its own support. */
    WORKPLACE_NAME: optionalText,
    WORKPLACE_SUPPORT_NAME: optionalText,
    WORKPLACE_SUPPORT_PHONE: optionalText,
    WORKPLACE_SUPPORT_URL: httpsUrl.optional(),
    SUPPORT_FIRST: z
      .enum(['nhs', 'workplace'], { errorMap: () => ({ message: 'must be nhs or workplace' }) })
      .default('nhs'),
    /** Where this service is reached from outside (https://guide.clinic.example), for absolute links. */
    PUBLIC_URL: httpUrl.optional(),
    /** When staff are there to read messages and return calls, e.g. "Mon-Fri 09:00-17:00; Sat 10:00-13:00". */
    CLINIC_HOURS: z
      .string()
      .trim()
      .transform((value, ctx): ClinicHours | undefined => {
        if (value === '') return undefined;
        try {
          return parseClinicHours(value);
        } catch (error) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must look like "Mon-Fri 09:00-17:00": ${(error as Error).message}` });
          return z.NEVER;
        }
      })
      .optional(),
    CLINIC_TIMEZONE: z
      .string()
      .trim()
      .default('Europe/London')
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en-GB', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Europe/London'),
    /** How many working days staff take to return a call, said to the person as a promise they can hold us to. */
    CLINIC_REPLY_DAYS: positiveInt(14).default(2),

    WEBCHAT_PAGE_ENABLED: booleanString.optional(),
    DIRECT_LINE_LOCAL_ENABLED: booleanString.optional(),
    DIRECT_LINE_SECRET: optionalText,
    DIRECT_LINE_ENDPOINT: httpUrl.default('https://directline.botframework.com/v3/directline'),
    CORS_ORIGINS: z
      .string()
      .trim()
      .default('')
      .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
      .pipe(z.array(httpUrl)),
    TOKEN_RATE_LIMIT_PER_MINUTE: positiveInt(10_000).default(10),
    /** Host names the site is reached by (custom domains); loopback is always allowed. */
    ALLOWED_HOSTS: z
      .string()
      .trim()
      .default('')
      .transform((value) => value.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/, 'must list host names such as chat.clinic.example, separated by commas'))),
    /** Set by Azure App Service to the app's default host name; allowed like ALLOWED_HOSTS. */
    WEBSITE_HOSTNAME: optionalText,
    /** Reverse proxies in front of the app (Azure App Service: 1), so rate limits see the real client. */
    TRUST_PROXY_HOPS: z.coerce
      .number({ invalid_type_error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(10, 'must be at most 10')
      .default(0),
  })
  .superRefine((env, ctx) => {
    const clu = [env.CLU_ENDPOINT, env.CLU_KEY, env.CLU_PROJECT, env.CLU_DEPLOYMENT];
    if (clu.some(Boolean) && !clu.every(Boolean)) {
      for (const [name, value] of Object.entries({
        CLU_ENDPOINT: env.CLU_ENDPOINT,
        CLU_KEY: env.CLU_KEY,
        CLU_PROJECT: env.CLU_PROJECT,
        CLU_DEPLOYMENT: env.CLU_DEPLOYMENT,
      })) {
        if (!value) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [name],
            message: 'is required when any CLU_ variable is set (set all four, or none)',
          });
        }
      }
    }
    if (env.WORKPLACE_SUPPORT_NAME && !env.WORKPLACE_SUPPORT_PHONE && !env.WORKPLACE_SUPPORT_URL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['WORKPLACE_SUPPORT_PHONE'],
        message: 'or WORKPLACE_SUPPORT_URL is required when WORKPLACE_SUPPORT_NAME is set (how people reach the service)',
      });
    }
    if ((env.WORKPLACE_SUPPORT_PHONE || env.WORKPLACE_SUPPORT_URL) && !env.WORKPLACE_SUPPORT_NAME) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['WORKPLACE_SUPPORT_NAME'], message: 'is required when the service has a phone or URL' });
    }
    if (env.SUPPORT_FIRST === 'workplace' && !env.WORKPLACE_SUPPORT_NAME) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['SUPPORT_FIRST'], message: 'can be workplace only when WORKPLACE_SUPPORT_NAME is set' });
    }
    const usesBlob = env.STORAGE === 'blob' || env.TRANSCRIPT_STORE === 'blob';
    if (usesBlob && !env.AZURE_STORAGE_CONNECTION_STRING) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['AZURE_STORAGE_CONNECTION_STRING'],
        message: 'is required when STORAGE=blob or TRANSCRIPT_STORE=blob',
      });
    }
    const entra = [env.STAFF_ENTRA_TENANT_ID, env.STAFF_ENTRA_CLIENT_ID, env.STAFF_ENTRA_CLIENT_SECRET];
    if (entra.some(Boolean) && !entra.every(Boolean)) {
      for (const [name, value] of Object.entries({
        STAFF_ENTRA_TENANT_ID: env.STAFF_ENTRA_TENANT_ID,
        STAFF_ENTRA_CLIENT_ID: env.STAFF_ENTRA_CLIENT_ID,
        STAFF_ENTRA_CLIENT_SECRET: env.STAFF_ENTRA_CLIENT_SECRET,
      })) {
        if (!value) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: 'is required when any STAFF_ENTRA_ variable is set (set all three, or none)' });
      }
    }
    if (entra.every(Boolean) && !env.STAFF_BASE_URL) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['STAFF_BASE_URL'], message: 'is required for Entra ID sign-in (it makes the redirect URI)' });
    }
    if (env.NODE_ENV === 'production' && env.STAFF_ENABLED === true && !entra.every(Boolean)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['STAFF_ENABLED'],
        message: 'needs STAFF_ENTRA_TENANT_ID, STAFF_ENTRA_CLIENT_ID and STAFF_ENTRA_CLIENT_SECRET when NODE_ENV=production (the local token is for development only)',
      });
    }
    if (env.NODE_ENV === 'production') {
      for (const [name, problem] of productionProblems(env)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: problem });
      }
    }
    const qna = { QNA_ENDPOINT: env.QNA_ENDPOINT, QNA_KEY: env.QNA_KEY, QNA_PROJECT: env.QNA_PROJECT, QNA_DEPLOYMENT: env.QNA_DEPLOYMENT };
    if (Object.values(qna).some(Boolean) && !Object.values(qna).every(Boolean)) {
      for (const [name, value] of Object.entries(qna)) {
        if (!value) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: 'is required when any QNA_ variable is set (set all four, or none)' });
        }
      }
    }
    if (!env.MicrosoftAppId && env.HOST && !isLoopbackHost(env.HOST) && !env.ALLOW_UNAUTHENTICATED_NETWORK) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['HOST'],
        message: 'must be a loopback address while MicrosoftAppId is unset (set ALLOW_UNAUTHENTICATED_NETWORK=true to listen on it anyway)',
      });
    }
    if (env.MicrosoftAppId) {
      if (!env.MicrosoftAppType) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['MicrosoftAppType'],
          message: 'is required when MicrosoftAppId is set (SingleTenant or UserAssignedMSI)',
        });
      }
      if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['MicrosoftAppTenantId'],
          message: 'is required for SingleTenant and UserAssignedMSI bots',
        });
      }
      if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['MicrosoftAppPassword'],
          message: 'is required unless MicrosoftAppType is UserAssignedMSI',
        });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

/**
 * The name of every variable the schema reads: the deployment templates are checked against it
 * (test/deploy), so a variable added here without a template setting is caught.
 */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.innerType().shape);

/**
 * What a production deployment must set beyond the schema's types, as [variable, problem] pairs:
 * a live service must authenticate, link its own privacy notice, say who the clinic is and how to
 * reach it, and be able to open the chat it embeds. Pure, so the rules read in one place.
 */
function productionProblems(env: z.infer<ReturnType<typeof envSchema.innerType>>): [string, string][] {
  const problems: [string, string][] = [];
  const required = 'is required when NODE_ENV=production';
  if (!env.MicrosoftAppId) problems.push(['MicrosoftAppId', `${required} (without it the bot would accept unauthenticated requests)`]);
  if (!env.PRIVACY_URL) problems.push(['PRIVACY_URL', `${required} (the clinic's own privacy notice, as a full https link)`]);
  if (!env.CLINIC_NAME || env.CLINIC_NAME === 'the clinic') problems.push(['CLINIC_NAME', `${required} (people are told who runs the service)`]);
  // A person must always be reachable: a website alone is not a way to talk to someone.
  if (!env.CLINIC_PHONE && !env.CLINIC_EMAIL) {
    problems.push(['CLINIC_PHONE', `${required} (or set CLINIC_EMAIL): "talk to a person" must always work`]);
  }
  if (!env.CLINIC_HOURS) {
    problems.push(['CLINIC_HOURS', `${required}, e.g. "Mon-Fri 09:00-17:00", so people are told when to expect a reply`]);
  }
  // PRIVACY_URL and TERMS_URL are https everywhere (Teams opens nothing else): the schema says so.
  for (const name of ['CLINIC_URL', 'DIRECT_LINE_ENDPOINT'] as const) {
    if (env[name]?.startsWith('http://')) problems.push([name, 'must start with https:// when NODE_ENV=production']);
  }
  if ((env.CORS_ORIGINS.length > 0 || env.WEBCHAT_PAGE_ENABLED) && !env.DIRECT_LINE_SECRET) {
    problems.push(['DIRECT_LINE_SECRET', `${required} when CORS_ORIGINS or WEBCHAT_PAGE_ENABLED is set (the website chat needs it)`]);
  }
  return problems;
}

/** App Service leaves a Key Vault reference it could not resolve in place as the variable's value. */
const UNRESOLVED_KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(/i;

/**
 * Blank means unset (a template cannot leave a setting out conditionally, so it sets ''), and a
 * Key Vault reference App Service could not resolve is an error naming the variable, never a value.
 */
function normaliseRaw(raw: Record<string, string | undefined>): { env: Record<string, string>; unresolved: string[] } {
  const env: Record<string, string> = {};
  const unresolved: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || value.trim() === '') continue;
    if (CONFIG_VARIABLES.includes(name) && UNRESOLVED_KEY_VAULT_REFERENCE.test(value.trim())) {
      unresolved.push(name);
      continue;
    }
    env[name] = value;
  }
  return { env, unresolved };
}

export interface CluConfig {
  endpoint: string;
  key: string;
  projectName: string;
  deploymentName: string;
  timeoutMs: number;
}

export interface QnaConfig {
  endpoint: string;
  key: string;
  projectName: string;
  deploymentName: string;
  timeoutMs: number;
}

export interface ClinicContact {
  name: string;
  phone?: string;
  email?: string;
  url?: string;
  privacyUrl?: string;
  termsUrl?: string;
  /** Opening hours; unset outside production, where nothing is said about hours. */
  hours?: ClinicHours;
  timeZone?: string;
  /** Working days staff take to return a call. */
  replyDays?: number;
}

/** The employer's own wellbeing or employee assistance service. */
export interface WorkplaceSupport {
  name: string;
  phone?: string;
  url?: string;
}

export interface WorkplaceSettings {
  /** The employer's name, as people there call it. */
  name?: string;
  support?: WorkplaceSupport;
  /** Which non-urgent support comes first: NHS Talking Therapies or the workplace's own service. 999 always leads. */
  supportFirst: 'nhs' | 'workplace';
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  version: string;
  host: string;
  port: number;
  /** Passed as-is to ConfigurationBotFrameworkAuthentication (it reads the samples' names). */
  botAuth: {
    MicrosoftAppId?: string;
    MicrosoftAppPassword?: string;
    MicrosoftAppType?: string;
    MicrosoftAppTenantId?: string;
  };
  authEnabled: boolean;
  /** Authentication is off and HOST reaches beyond this machine (ALLOW_UNAUTHENTICATED_NETWORK). */
  unauthenticatedNetwork: boolean;
  logLevel: Env['LOG_LEVEL'];
  logMessageText: boolean;
  maxBodyBytes: number;
  shutdownTimeoutMs: number;
  storage: Env['STORAGE'];
  /** Blob Storage for state and/or transcripts, when either uses it. */
  blob?: { connectionString: string; stateContainer: string; transcriptContainer: string; staffContainer: string };
  staff: {
    enabled: boolean;
    /** Local bearer-token sign-in: development only. */
    tokenSignIn: boolean;
    token?: string;
    entra?: { tenantId: string; clientId: string; clientSecret: string; requiredRole?: string; requiredGroup?: string; authorityHost: string; redirectUri: string };
    alertWebhookUrl?: string;
    baseUrl?: string;
  };
  storageTimeoutMs: number;
  transcripts: {
    store: 'file' | 'blob' | 'memory';
    dataDir: string;
    retentionDays: number;
    writeTimeoutMs: number;
  };
  clu?: CluConfig;
  /** Azure custom question answering in front of the offline matcher (all four QNA_ variables set). */
  qna?: QnaConfig;
  /** The sentence encoder's say in question matching (ANSWER_MEANING); off: words only, about 120 MB less memory. */
  answerMeaning: boolean;
  clinic: ClinicContact;
  workplace: WorkplaceSettings;
  webChat: {
    pageEnabled: boolean;
    localDirectLineEnabled: boolean;
    directLineSecret?: string;
    directLineEndpoint: string;
    corsOrigins: string[];
    tokenRateLimitPerMinute: number;
    trustedProxyHops: number;
    /** Host names the token route answers for, besides loopback. */
    allowedHosts: string[];
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Turns a raw environment (process.env, or a test's object) into validated configuration. */
export function loadConfig(raw: Record<string, string | undefined>, version = '0.0.0'): AppConfig {
  const { env: present, unresolved } = normaliseRaw(raw);
  const parsed = envSchema.safeParse(present);
  if (!parsed.success || unresolved.length > 0) {
    throw new ConfigError([
      ...unresolved.map((name) => `${name} is a Key Vault reference App Service could not resolve (check the secret exists and the app's identity may read it)`),
      ...(parsed.success ? [] : parsed.error.issues)
        .filter((issue) => !unresolved.includes(String(issue.path[0])))
        .map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    ]);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const authEnabled = Boolean(env.MicrosoftAppId);
  const host = env.HOST ?? (authEnabled ? '0.0.0.0' : '127.0.0.1');
  const port = env.PORT ?? env.port ?? 3978;
  // Links in chat must be absolute: Teams and other hosts cannot resolve "/privacy".
  const publicUrl = (env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(/\/+$/, '');
  return {
    env: env.NODE_ENV,
    version,
    host,
    port,
    botAuth: {
      MicrosoftAppId: env.MicrosoftAppId,
      MicrosoftAppPassword: env.MicrosoftAppPassword,
      MicrosoftAppType: env.MicrosoftAppType,
      MicrosoftAppTenantId: env.MicrosoftAppTenantId,
    },
    authEnabled,
    unauthenticatedNetwork: !authEnabled && !isLoopbackHost(host),
    logLevel: env.LOG_LEVEL,
    logMessageText: env.LOG_MESSAGE_TEXT,
    maxBodyBytes: env.MAX_BODY_BYTES,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    storage: env.STORAGE,
    blob: env.AZURE_STORAGE_CONNECTION_STRING
      ? {
          connectionString: env.AZURE_STORAGE_CONNECTION_STRING,
          stateContainer: env.STATE_CONTAINER,
          transcriptContainer: env.TRANSCRIPT_CONTAINER,
          staffContainer: env.STAFF_CONTAINER,
        }
      : undefined,
    // No anonymous access in any mode: in production only Entra ID signs staff in, so without it /staff is off.
    staff: {
      enabled: env.STAFF_ENABLED ?? (!production || Boolean(env.STAFF_ENTRA_TENANT_ID)),
      tokenSignIn: !production,
      token: env.STAFF_TOKEN,
      entra:
        env.STAFF_ENTRA_TENANT_ID && env.STAFF_ENTRA_CLIENT_ID && env.STAFF_ENTRA_CLIENT_SECRET && env.STAFF_BASE_URL
          ? {
              tenantId: env.STAFF_ENTRA_TENANT_ID,
              clientId: env.STAFF_ENTRA_CLIENT_ID,
              clientSecret: env.STAFF_ENTRA_CLIENT_SECRET,
              // A group, when given, replaces the role check.
              requiredRole: env.STAFF_ENTRA_GROUP_ID ? undefined : env.STAFF_ENTRA_ROLE,
              requiredGroup: env.STAFF_ENTRA_GROUP_ID,
              authorityHost: env.STAFF_ENTRA_AUTHORITY_HOST,
              redirectUri: `${env.STAFF_BASE_URL.replace(/\/$/, '')}/staff/auth/callback`,
            }
          : undefined,
      alertWebhookUrl: env.STAFF_ALERT_WEBHOOK_URL,
      baseUrl: env.STAFF_BASE_URL,
    },
    storageTimeoutMs: env.STORAGE_TIMEOUT_MS,
    transcripts: {
      // Tests keep transcripts in memory unless they ask for a store; everything else writes them down.
      store: env.TRANSCRIPT_STORE ?? (env.NODE_ENV === 'test' ? 'memory' : 'file'),
      dataDir: resolve(PROJECT_ROOT, env.DATA_DIR ?? 'data'),
      retentionDays: env.TRANSCRIPT_RETENTION_DAYS,
      writeTimeoutMs: env.TRANSCRIPT_WRITE_TIMEOUT_MS,
    },
    clu:
      env.CLU_ENDPOINT && env.CLU_KEY && env.CLU_PROJECT && env.CLU_DEPLOYMENT
        ? {
            endpoint: env.CLU_ENDPOINT,
            key: env.CLU_KEY,
            projectName: env.CLU_PROJECT,
            deploymentName: env.CLU_DEPLOYMENT,
            timeoutMs: env.CLU_TIMEOUT_MS,
          }
        : undefined,
    qna:
      env.QNA_ENDPOINT && env.QNA_KEY && env.QNA_PROJECT && env.QNA_DEPLOYMENT
        ? { endpoint: env.QNA_ENDPOINT, key: env.QNA_KEY, projectName: env.QNA_PROJECT, deploymentName: env.QNA_DEPLOYMENT, timeoutMs: env.QNA_TIMEOUT_MS }
        : undefined,
    answerMeaning: env.ANSWER_MEANING,
    clinic: {
      name: env.CLINIC_NAME ?? 'the clinic',
      phone: env.CLINIC_PHONE,
      email: env.CLINIC_EMAIL,
      url: env.CLINIC_URL,
      privacyUrl: env.PRIVACY_URL ?? `${publicUrl}/privacy`,
      termsUrl: env.TERMS_URL,
      hours: env.CLINIC_HOURS,
      timeZone: env.CLINIC_TIMEZONE,
      replyDays: env.CLINIC_REPLY_DAYS,
    },
    workplace: {
      name: env.WORKPLACE_NAME,
      support: env.WORKPLACE_SUPPORT_NAME
        ? { name: env.WORKPLACE_SUPPORT_NAME, phone: env.WORKPLACE_SUPPORT_PHONE, url: env.WORKPLACE_SUPPORT_URL }
        : undefined,
      supportFirst: env.SUPPORT_FIRST,
    },
    webChat: {
      pageEnabled: env.WEBCHAT_PAGE_ENABLED ?? !production,
      localDirectLineEnabled: env.DIRECT_LINE_LOCAL_ENABLED ?? !production,
      directLineSecret: env.DIRECT_LINE_SECRET,
      directLineEndpoint: env.DIRECT_LINE_ENDPOINT,
      corsOrigins: env.CORS_ORIGINS,
      tokenRateLimitPerMinute: env.TOKEN_RATE_LIMIT_PER_MINUTE,
      trustedProxyHops: env.TRUST_PROXY_HOPS,
      allowedHosts: [...env.ALLOWED_HOSTS, ...(env.WEBSITE_HOSTNAME ? [env.WEBSITE_HOSTNAME.toLowerCase()] : [])],
    },
  };
}
