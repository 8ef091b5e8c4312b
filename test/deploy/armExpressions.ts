import { createHash } from 'node:crypto';

/**
 * Just enough of Azure Resource Manager's template language to evaluate this repository's
 * template offline: "[fn(args).property[index]]" expressions over parameters and variables.
 * Values only Azure knows (reference(), listKeys(), environment()) become Deferred placeholders,
 * which read as https URLs when used as text. An unknown function throws, so a template change
 * that needs a new one fails loudly instead of being skipped.
 */

export class Deferred {
  constructor(readonly path: string) {}
  get(key: string): Deferred {
    return new Deferred(`${this.path}.${key}`);
  }
  toString(): string {
    return `https://deferred.invalid/${this.path.replace(/[^A-Za-z0-9.]+/g, '-')}`;
  }
}

export type ArmValue = string | number | boolean | null | Deferred | ArmValue[] | { [key: string]: ArmValue };

export interface ArmTemplate {
  parameters: Record<string, { type: string; defaultValue?: unknown; allowedValues?: unknown[] }>;
  variables: Record<string, unknown>;
  resources: ArmResource[];
  outputs?: Record<string, unknown>;
}

export interface ArmResource {
  type: string;
  apiVersion: string;
  name: string;
  condition?: unknown;
  location?: string;
  kind?: string;
  sku?: Record<string, unknown>;
  identity?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  dependsOn?: string[];
}

type Token = { kind: 'string' | 'number' | 'name'; value: string } | { kind: 'punct'; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new Error(`unterminated string in ${source}`);
        if (source[i] === "'" && source[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (source[i] === "'") {
          i++;
          break;
        } else {
          text += source[i++];
        }
      }
      tokens.push({ kind: 'string', value: text });
    } else if (/[0-9-]/.test(ch)) {
      const match = /^-?[0-9]+/.exec(source.slice(i));
      if (!match) throw new Error(`bad number in ${source}`);
      tokens.push({ kind: 'number', value: match[0] });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
      tokens.push({ kind: 'name', value: match![0] });
      i += match![0].length;
    } else if ('(),.[]'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch });
      i++;
    } else {
      throw new Error(`unexpected '${ch}' in ${source}`);
    }
  }
  return tokens;
}

export interface ArmContext {
  template: ArmTemplate;
  parameters: Record<string, ArmValue>;
  resourceGroup: { id: string; name: string; location: string };
  subscription: { id: string; subscriptionId: string; tenantId: string };
}

function asText(value: ArmValue): string {
  if (value === null) return '';
  if (typeof value === 'object' && !(value instanceof Deferred)) return JSON.stringify(value);
  return String(value);
}

function isEmpty(value: ArmValue): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !(value instanceof Deferred)) return Object.keys(value).length === 0;
  return false;
}

function truthy(value: ArmValue, where: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`${where} needs a boolean, got ${JSON.stringify(value)}`);
  return value;
}

/** Evaluates one template value: objects and arrays deeply, strings as expressions when bracketed. */
export function evaluate(value: unknown, context: ArmContext): ArmValue {
  if (Array.isArray(value)) return value.map((item) => evaluate(item, context));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, ArmValue> = {};
    for (const [key, item] of Object.entries(value)) result[asText(evaluate(key, context))] = evaluate(item, context);
    return result;
  }
  if (typeof value !== 'string') return value as ArmValue;
  if (value.startsWith('[[')) return value.slice(1);
  if (!(value.startsWith('[') && value.endsWith(']'))) return value;
  const tokens = tokenize(value.slice(1, -1));
  let position = 0;
  const peek = () => tokens[position];
  const expect = (punct: string) => {
    const token = tokens[position++];
    if (!token || token.kind !== 'punct' || token.value !== punct) throw new Error(`expected '${punct}' in ${value}`);
  };

  // Lazy arguments, so if() evaluates only the branch it takes, as Azure does.
  type Thunk = () => ArmValue;
  const call = (name: string, args: Thunk[]): ArmValue => {
    const all = () => args.map((arg) => arg());
    switch (name.toLowerCase()) {
      case 'parameters': {
        const key = asText(args[0]());
        if (key in context.parameters) return context.parameters[key];
        const declared = context.template.parameters[key];
        if (!declared) throw new Error(`unknown parameter ${key}`);
        if (declared.defaultValue === undefined) throw new Error(`parameter ${key} has no value and no default`);
        return evaluate(declared.defaultValue, context);
      }
      case 'variables': {
        const key = asText(args[0]());
        if (!(key in context.template.variables)) throw new Error(`unknown variable ${key}`);
        return evaluate(context.template.variables[key], context);
      }
      case 'if':
        return truthy(args[0](), 'if') ? args[1]() : args[2]();
      case 'equals': {
        const [a, b] = all();
        return JSON.stringify(a) === JSON.stringify(b);
      }
      case 'not':
        return !truthy(args[0](), 'not');
      case 'and':
        return args.every((arg) => truthy(arg(), 'and'));
      case 'or':
        return args.some((arg) => truthy(arg(), 'or'));
      case 'empty':
        return isEmpty(args[0]());
      case 'null':
        return null;
      case 'string':
        return asText(args[0]());
      case 'format': {
        const [pattern, ...rest] = all();
        return asText(pattern).replace(/\{(\d+)\}/g, (_, index: string) => asText(rest[Number(index)]));
      }
      case 'concat': {
        const values = all();
        if (values.every(Array.isArray)) return (values as ArmValue[][]).flat();
        return values.map(asText).join('');
      }
      case 'join': {
        const [items, separator] = all();
        if (!Array.isArray(items)) throw new Error('join needs an array');
        return items.map(asText).join(asText(separator));
      }
      case 'createarray':
        return all();
      case 'createobject': {
        const values = all();
        const object: Record<string, ArmValue> = {};
        for (let i = 0; i + 1 < values.length; i += 2) object[asText(values[i])] = values[i + 1];
        return object;
      }
      case 'tolower':
        return asText(args[0]()).toLowerCase();
      case 'uniquestring':
        return createHash('sha256').update(all().map(asText).join('|')).digest('hex').slice(0, 13);
      case 'guid':
        return createHash('sha256').update(all().map(asText).join('|')).digest('hex').slice(0, 32);
      case 'resourceid':
      case 'subscriptionresourceid':
      case 'extensionresourceid':
        return `/${name}/${all().map(asText).join('/')}`;
      case 'resourcegroup':
        return context.resourceGroup;
      case 'subscription':
        return context.subscription;
      case 'reference':
      case 'listkeys':
      case 'listadminkeys':
      case 'environment':
        return new Deferred(`${name}(${all().map(asText).join(',')})`);
      default:
        throw new Error(`the test's ARM evaluator does not know ${name}() (used in ${value})`);
    }
  };

  const parseExpression = (): Thunk => {
    const token = tokens[position++];
    if (!token) throw new Error(`unexpected end of ${value}`);
    let thunk: Thunk;
    if (token.kind === 'string') {
      thunk = () => token.value;
    } else if (token.kind === 'number') {
      thunk = () => Number(token.value);
    } else if (token.kind === 'name') {
      expect('(');
      const args: Thunk[] = [];
      while (!(peek()?.kind === 'punct' && peek()?.value === ')')) {
        args.push(parseExpression());
        if (peek()?.kind === 'punct' && peek()?.value === ',') position++;
      }
      expect(')');
      const name = token.value;
      thunk = () => call(name, args);
    } else {
      throw new Error(`unexpected '${token.value}' in ${value}`);
    }
    for (;;) {
      const next = peek();
      if (next?.kind === 'punct' && next.value === '.') {
        position++;
        const property = tokens[position++];
        if (!property || property.kind !== 'name') throw new Error(`expected a property name in ${value}`);
        const inner = thunk;
        thunk = () => member(inner(), property.value);
      } else if (next?.kind === 'punct' && next.value === '[') {
        position++;
        const index = parseExpression();
        expect(']');
        const inner = thunk;
        thunk = () => member(inner(), asText(index()));
      } else {
        return thunk;
      }
    }
  };

  const member = (target: ArmValue, key: string): ArmValue => {
    if (target instanceof Deferred) return target.get(key);
    if (target !== null && typeof target === 'object' && key in target) return (target as Record<string, ArmValue>)[key];
    throw new Error(`no property ${key} in ${value}`);
  };

  const result = parseExpression();
  if (position !== tokens.length) throw new Error(`unparsed text at the end of ${value}`);
  return result();
}
