/** Every match of a global or sticky expression in a text, as "index:match", for comparing two ways of matching. */
export function allMatches(re: RegExp, text: string): string[] {
  const found: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex += 1;
    found.push(`${m.index}:${m[0]}`);
  }
  re.lastIndex = 0;
  return found;
}
