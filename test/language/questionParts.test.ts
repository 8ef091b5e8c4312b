import { questionParts } from '../../src/language/questionParts';

describe('questionParts', () => {
  it.each([
    ['how many sessions are there and can i do it by video', ['how many sessions are there', 'can i do it by video']],
    ['is there a wait? do i pay anything', ['is there a wait?', 'do i pay anything']],
    ['what does ipt stand for, and who runs it', ['what does ipt stand for', 'who runs it']],
  ])('%s is two questions', (text, parts) => {
    expect(questionParts('en-GB', text)).toEqual(parts);
  });

  it.each([
    'my brother and i never talk, could ipt help',
    'how do i get it and where',
    'can my husband and kids come along',
    'is it free?',
    'i feel low and lonely and cant sleep',
  ])('%s is one', (text) => {
    expect(questionParts('en-GB', text)).toBeUndefined();
  });
});
