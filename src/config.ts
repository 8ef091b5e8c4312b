import { z } from 'zod';
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

    QNA_ENDPOINT: httpUrl.optional(),
    QNA_KEY: optionalText,
    QNA_PROJECT: optionalText,
    QNA_DEPLOYMENT: optionalText,
    QNA_TIMEOUT_MS: positiveInt(30_000).default(3_000),

    CLINIC_NAME: z.string().trim().min(1).default('the clinic'),
    CLINIC_PHONE: optionalText,
    CLINIC_EMAIL: z.string().trim().email('must be an email address').optional(),
    CLINIC_URL: httpUrl.optional(),
    PRIVACY_URL: httpUrl.optional(),
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
    // A person must always be reachable: production never starts without a way to contact the clinic.
    if (env.NODE_ENV === 'production' && !env.CLINIC_PHONE && !env.CLINIC_EMAIL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['CLINIC_PHONE'],
        message: 'is required when NODE_ENV=production (or set CLINIC_EMAIL): "talk to a person" must always work',
      });
    }
    if (env.NODE_ENV === 'production' && !env.CLINIC_HOURS) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['CLINIC_HOURS'],
        message: 'is required when NODE_ENV=production, e.g. "Mon-Fri 09:00-17:00", so people are told when to expect a reply',
      });
    }
    if (env.NODE_ENV === 'production' && env.CLINIC_NAME === 'the clinic') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['CLINIC_NAME'], message: 'is required when NODE_ENV=production' });
    }
    const qna = { QNA_ENDPOINT: env.QNA_ENDPOINT, QNA_KEY: env.QNA_KEY, QNA_PROJECT: env.QNA_PROJECT, QNA_DEPLOYMENT: env.QNA_DEPLOYMENT };
    if (Object.values(qna).some(Boolean) && !Object.values(qna).every(Boolean)) {
      for (const [name, value] of Object.entries(qna)) {
        if (!value) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: 'is required when any QNA_ variable is set (set all four, or none)' });
        }
      }
    }
    if (env.NODE_ENV === 'production' && !env.MicrosoftAppId) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['MicrosoftAppId'],
        message: 'is required when NODE_ENV=production (without it the bot would accept unauthenticated requests)',
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
  /** Opening hours; unset outside production, where nothing is said about hours. */
  hours?: ClinicHours;
  timeZone?: string;
  /** Working days staff take to return a call. */
  replyDays?: number;
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
  /** Azure custom question answering in front of the offline matcher (all four QNA_ variables set). */
  qna?: QnaConfig;
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
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    );
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
    qna:
      env.QNA_ENDPOINT && env.QNA_KEY && env.QNA_PROJECT && env.QNA_DEPLOYMENT
        ? { endpoint: env.QNA_ENDPOINT, key: env.QNA_KEY, projectName: env.QNA_PROJECT, deploymentName: env.QNA_DEPLOYMENT, timeoutMs: env.QNA_TIMEOUT_MS }
        : undefined,
    clinic: {
      name: env.CLINIC_NAME,
      phone: env.CLINIC_PHONE,
      email: env.CLINIC_EMAIL,
      url: env.CLINIC_URL,
      privacyUrl: env.PRIVACY_URL ?? `${publicUrl}/privacy`,
      hours: env.CLINIC_HOURS,
      timeZone: env.CLINIC_TIMEZONE,
      replyDays: env.CLINIC_REPLY_DAYS,
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
