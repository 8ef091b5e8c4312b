import type { TurnContext } from 'botbuilder';
import type { RecognitionResult, Recognizer } from '../../src/language/recognizer';
import { RECOGNITION_KEY } from '../turnState';

export const INTENT_TRACE = {
  name: 'IntentRecognizer',
  valueType: 'https://ipt-guide/schemas/intent-trace',
  label: 'Intent',
} as const;

/**
 * Recognises a message once per turn, however many steps look at it (MainDialog, its helpers, the
 * Teams group-chat filter), sends the trace once, and keeps the result in turn state.
 */
export async function recognizeOnce(context: TurnContext, recognizer: Recognizer): Promise<RecognitionResult> {
  const cached = context.turnState.get(RECOGNITION_KEY) as RecognitionResult | undefined;
  if (cached) return cached;
  const result = await recognizer.recognize(context.activity.text ?? '', context.activity.locale ?? '');
  context.turnState.set(RECOGNITION_KEY, result);
  await context.sendTraceActivity(INTENT_TRACE.name, result, INTENT_TRACE.valueType, INTENT_TRACE.label);
  return result;
}
