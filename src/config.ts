import { z } from 'zod';

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
      .enum(['memory'], { errorMap: () => ({ message: 'must be memory' }) })
      .default('memory'),

    CLU_ENDPOINT: httpUrl.optional(),
    CLU_KEY: optionalText,
    CLU_PROJECT: optionalText,
    CLU_DEPLOYMENT: optionalText,
    CLU_TIMEOUT_MS: positiveInt(30_000).default(3_000),

    CLINIC_NAME: optionalText,
    CLINIC_PHONE: optionalText,
    CLINIC_EMAIL: z.string().trim().email('must be an email address').optional(),
    CLINIC_URL: httpUrl.optional(),
    PRIVACY_URL: httpUrl.optional(),

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
    if (env.NODE_ENV === 'production') {
      for (const [name, problem] of productionProblems(env)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: problem });
      }
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
  if (!env.CLINIC_NAME) problems.push(['CLINIC_NAME', `${required} (people are told who runs the service)`]);
  if (!env.CLINIC_PHONE && !env.CLINIC_EMAIL && !env.CLINIC_URL) {
    problems.push(['CLINIC_PHONE', `${required} unless CLINIC_EMAIL or CLINIC_URL is set (people must be able to reach the clinic)`]);
  }
  for (const name of ['PRIVACY_URL', 'CLINIC_URL', 'DIRECT_LINE_ENDPOINT'] as const) {
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

export interface ClinicContact {
  name: string;
  phone?: string;
  email?: string;
  url?: string;
  privacyUrl?: string;
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
  logLevel: Env['LOG_LEVEL'];
  logMessageText: boolean;
  maxBodyBytes: number;
  shutdownTimeoutMs: number;
  storage: Env['STORAGE'];
  clu?: CluConfig;
  clinic: ClinicContact;
  webChat: {
    pageEnabled: boolean;
    localDirectLineEnabled: boolean;
    directLineSecret?: string;
    directLineEndpoint: string;
    corsOrigins: string[];
    tokenRateLimitPerMinute: number;
    trustedProxyHops: number;
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
  return {
    env: env.NODE_ENV,
    version,
    host: env.HOST ?? (authEnabled ? '0.0.0.0' : '127.0.0.1'),
    port: env.PORT ?? env.port ?? 3978,
    botAuth: {
      MicrosoftAppId: env.MicrosoftAppId,
      MicrosoftAppPassword: env.MicrosoftAppPassword,
      MicrosoftAppType: env.MicrosoftAppType,
      MicrosoftAppTenantId: env.MicrosoftAppTenantId,
    },
    authEnabled,
    logLevel: env.LOG_LEVEL,
    logMessageText: env.LOG_MESSAGE_TEXT,
    maxBodyBytes: env.MAX_BODY_BYTES,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    storage: env.STORAGE,
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
    clinic: {
      name: env.CLINIC_NAME ?? 'the clinic',
      phone: env.CLINIC_PHONE,
      email: env.CLINIC_EMAIL,
      url: env.CLINIC_URL,
      privacyUrl: env.PRIVACY_URL,
    },
    webChat: {
      pageEnabled: env.WEBCHAT_PAGE_ENABLED ?? !production,
      localDirectLineEnabled: env.DIRECT_LINE_LOCAL_ENABLED ?? !production,
      directLineSecret: env.DIRECT_LINE_SECRET,
      directLineEndpoint: env.DIRECT_LINE_ENDPOINT,
      corsOrigins: env.CORS_ORIGINS,
      tokenRateLimitPerMinute: env.TOKEN_RATE_LIMIT_PER_MINUTE,
      trustedProxyHops: env.TRUST_PROXY_HOPS,
    },
  };
}
