import { FALLBACK, turn, type Script } from './runner';

/**
 * The twelfth pass's classes (issues 12 and 13), in fresh wordings: asking on behalf of another
 * adult who wants help (answered for them, said so); a parent asking what their child could use on
 * their own (Childline); and the lines for later asked for with a place in the same message (the
 * place is kept, its own line given).
 */

const FOR_THEM = 'Where it says "you", it means them';
const LIFELINE = '0808 808 8000';
const BREATHING_SPACE = '0800 83 85 87';

export const TWELFTH_SCRIPTS: Script[] = [
  {
    name: 'a colleague who wants help, asked about by a team lead: how they can get it, for them',
    turns: [
      turn('how would i help one of my staff get this therapy', { not: [FALLBACK] }),
      turn("he's asked me to look into it for him", { has: [FOR_THEM, /GP|refer/], not: [FALLBACK] }),
    ],
  },
  {
    name: 'a friend who wants to give it a go: how she can get it, for her, for the nation given',
    turns: [
      turn('i live in swansea. can i get my friend into ipt', { not: [FALLBACK] }),
      turn('she does want to try it, she just hates phones', { has: [FOR_THEM, 'GP'], not: [FALLBACK, /without seeing a GP/] }),
    ],
  },
  {
    name: 'a mum asking what her 15 year old could use alone gets Childline',
    turns: [
      turn('my son is 15 and hardly speaks since his dad left, would ipt help him', { not: [FALLBACK] }),
      turn("is there a line he could phone himself if he won't talk to me", { has: ['0800 1111'], not: [FALLBACK, /harming yourself/] }),
    ],
  },
  {
    name: 'a place and the lines for later in one message: the place is kept, its line given',
    turns: [
      turn("i'm over in armagh. doing ok today, but what's the number if i ever need one", { has: ['Armagh', LIFELINE], not: [FALLBACK] }),
      turn('how do i get ipt then', { has: ['Northern Ireland', 'GP'], not: [FALLBACK] }),
    ],
  },
  {
    name: 'a Scottish line asked for by nation after a question about IPT: its own lines, and the nation kept',
    turns: [
      turn('what is ipt', { not: [FALLBACK] }),
      turn('is there a scottish number as well', { has: [BREATHING_SPACE], not: [FALLBACK, LIFELINE] }),
      turn('how do i get ipt then', { has: ['Scotland', 'GP'], not: [FALLBACK] }),
    ],
  },
];
