import type { Recognizer } from '../../src/language/recognizer';

/** Wraps a real recogniser so one test can make a turn throw part-way through. */
export class SwitchableRecognizer implements Recognizer {
  failNext = false;
  constructor(private readonly inner: Recognizer) {}
  async recognize(text: string, locale: string) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('recogniser exploded');
    }
    return this.inner.recognize(text, locale);
  }
}
