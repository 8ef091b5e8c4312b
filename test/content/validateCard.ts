import { z } from 'zod';
import * as AC from 'adaptivecards/dist/adaptivecards.js';

/**
 * Validates Adaptive Cards two ways, because neither is enough alone (there is no network here to
 * fetch the JSON schema):
 * 1. the official `adaptivecards` parser (3.0.6, the version Web Chat bundles), for the version it
 *    declares: unknown element or action types, invalid property values, missing required ones
 *    (an OpenUrl without a url);
 * 2. a strict zod schema of the Adaptive Card 1.5 subset we use, with the element and action
 *    names and required properties from the 1.5 schema, rejecting any property not in it: the
 *    parser silently ignores unknown properties and does not insist on TextBlock text.
 */

const spacing = z.enum(['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding']);

const textBlock = z
  .object({
    type: z.literal('TextBlock'),
    text: z.string().min(1),
    wrap: z.boolean().optional(),
    weight: z.enum(['Default', 'Lighter', 'Bolder']).optional(),
    size: z.enum(['Default', 'Small', 'Medium', 'Large', 'ExtraLarge']).optional(),
    style: z.enum(['default', 'heading']).optional(),
    isSubtle: z.boolean().optional(),
    spacing: spacing.optional(),
    separator: z.boolean().optional(),
  })
  .strict();

const factSet = z
  .object({
    type: z.literal('FactSet'),
    facts: z.array(z.object({ title: z.string().min(1), value: z.string().min(1) }).strict()).min(1),
    spacing: spacing.optional(),
    separator: z.boolean().optional(),
  })
  .strict();

const openUrl = z
  .object({
    type: z.literal('Action.OpenUrl'),
    title: z.string().min(1),
    // sms: only as the crisis routes write it (Shout: 'sms:85258?&body=SHOUT').
    url: z.string().refine((url) => /^(https:\/\/\S+|mailto:\S+@\S+|tel:\+?\d+|sms:\d+\?&body=\w+)$/.test(url), 'links must be https, mailto, tel or sms'),
  })
  .strict();

const actionSet = z
  .object({
    type: z.literal('ActionSet'),
    actions: z.array(openUrl).min(1),
    spacing: spacing.optional(),
    separator: z.boolean().optional(),
  })
  .strict();

type Element =
  | z.infer<typeof textBlock>
  | z.infer<typeof factSet>
  | z.infer<typeof actionSet>
  | { type: 'Container'; items: Element[] };

const element: z.ZodType<Element> = z.lazy(() => z.union([textBlock, factSet, actionSet, container]));

const container = z
  .object({
    type: z.literal('Container'),
    items: z.array(element).min(1),
    spacing: spacing.optional(),
    separator: z.boolean().optional(),
  })
  .strict();

export const adaptiveCard15 = z
  .object({
    type: z.literal('AdaptiveCard'),
    $schema: z.literal('http://adaptivecards.io/schemas/adaptive-card.json'),
    version: z.literal('1.5'),
    fallbackText: z.string().min(1).optional(),
    speak: z.string().optional(),
    body: z.array(element).min(1),
    actions: z.array(openUrl).min(1).max(6).optional(),
  })
  .strict();

function parserVersion(declared: unknown): AC.Version | undefined {
  if (typeof declared !== 'string') return undefined;
  return AC.Versions.getAllDeclaredVersions().find((version) => version.toString() === declared);
}

/** Problems found by the official parser for the card's declared version; [] when none. */
export function parserProblems(card: unknown): string[] {
  const declared = (card as { version?: unknown }).version;
  const version = parserVersion(declared);
  if (!version) return [`unknown Adaptive Card version ${String(declared)}`];
  const context = new AC.SerializationContext(version);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  if (parsed.version?.toString() !== declared) problems.push(`parser read version ${parsed.version?.toString()}, card declares ${String(declared)}`);
  return problems;
}

export function schemaProblems(card: unknown): string[] {
  const result = adaptiveCard15.safeParse(card);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

export function cardProblems(card: unknown): string[] {
  return [...parserProblems(card), ...schemaProblems(card)];
}
