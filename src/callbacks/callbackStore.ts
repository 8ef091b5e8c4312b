import { randomUUID } from 'node:crypto';

/**
 * Call-back requests for clinic staff: the only personal detail the bot ever asks for, and only
 * after the person agreed to a call. The store interface is deliberately tiny so storage for
 * production (file or blob, as the transcripts work provides) can sit behind it.
 */

export const CALL_TIMES = ['morning', 'afternoon', 'any'] as const;
export type CallTime = (typeof CALL_TIMES)[number];

export interface NewCallbackRequest {
  /** A UK phone number, as digits ("07700900123"). */
  phone: string;
  when: CallTime;
  /** The person told us they are under 18: staff follow their young people's process. */
  under18: boolean;
  /** The channel's conversation id, so staff can find the chat if the clinic keeps transcripts. */
  conversationId: string;
}

export interface CallbackRequest extends NewCallbackRequest {
  id: string;
  /** ISO 8601. */
  createdAt: string;
  done: boolean;
}

export interface CallbackStore {
  add(request: NewCallbackRequest): Promise<CallbackRequest>;
  /** Every request, oldest first. */
  list(): Promise<CallbackRequest[]>;
  markDone(id: string): Promise<void>;
}

/** The default: requests live as long as the process. Fine for development and a single instance. */
export class MemoryCallbackStore implements CallbackStore {
  private readonly requests: CallbackRequest[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  async add(request: NewCallbackRequest): Promise<CallbackRequest> {
    const stored: CallbackRequest = { ...request, id: randomUUID(), createdAt: this.now().toISOString(), done: false };
    this.requests.push(stored);
    return { ...stored };
  }

  async list(): Promise<CallbackRequest[]> {
    return this.requests.map((request) => ({ ...request }));
  }

  async markDone(id: string): Promise<void> {
    const request = this.requests.find((candidate) => candidate.id === id);
    if (!request) throw new Error(`No call-back request ${id}`);
    request.done = true;
  }
}
