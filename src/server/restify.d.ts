/**
 * The slice of restify 11 this service uses. restify 11 ships no types and @types/restify (8.x)
 * describes an older API, so we declare what we call and nothing more.
 */
declare module 'restify' {
  import type { IncomingMessage, ServerResponse, Server as HttpServer } from 'node:http';

  export interface Request extends IncomingMessage {
    body?: unknown;
    params?: Record<string, string>;
    query?: Record<string, string | string[] | undefined>;
    getPath(): string;
    getQuery(): string;
  }

  export interface Response extends ServerResponse {
    send(code: number, body?: unknown, headers?: Record<string, string>): void;
    send(body?: unknown): void;
    sendRaw(code: number, body: string | Buffer, headers?: Record<string, string>): void;
    status(code: number): number;
    header(name: string, value: string | number): void;
  }

  export type Next = (err?: Error | false) => void;
  /** restify 9+ checks arity: async handlers take (req, res) and must not call next. */
  export type AsyncHandler = (req: Request, res: Response) => Promise<void>;
  export type NextHandler = (req: Request, res: Response, next: Next) => void;
  export type Handler = NextHandler | AsyncHandler;

  export interface ServerOptions {
    name?: string;
    handleUncaughtExceptions?: boolean;
    strictNext?: boolean;
    ignoreTrailingSlash?: boolean;
  }

  export interface RestifyError extends Error {
    statusCode?: number;
    body?: unknown;
    toJSON?: () => unknown;
  }

  export interface Server {
    readonly server: HttpServer;
    pre(...handlers: NextHandler[]): Server;
    use(...handlers: NextHandler[]): Server;
    get(path: string | RegExp, handler: AsyncHandler): string;
    get(path: string | RegExp, ...handlers: NextHandler[]): string;
    head(path: string | RegExp, handler: AsyncHandler): string;
    head(path: string | RegExp, ...handlers: NextHandler[]): string;
    post(path: string | RegExp, handler: AsyncHandler): string;
    post(path: string | RegExp, ...handlers: NextHandler[]): string;
    opts(path: string | RegExp, handler: AsyncHandler): string;
    opts(path: string | RegExp, ...handlers: NextHandler[]): string;
    del(path: string | RegExp, handler: AsyncHandler): string;
    del(path: string | RegExp, ...handlers: NextHandler[]): string;
    on(event: 'restifyError', listener: (req: Request, res: Response, err: RestifyError, cb: () => void) => void): Server;
    on(event: string, listener: (...args: unknown[]) => void): Server;
    once(event: string, listener: (...args: unknown[]) => void): Server;
    listen(port: number, host: string, callback: () => void): HttpServer;
    close(callback?: () => void): HttpServer;
    address(): { port: number; address: string; family: string };
  }

  export function createServer(options?: ServerOptions): Server;
}
