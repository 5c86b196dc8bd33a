/**
 * Whether a parsed JSON value nests deeper than `max` arrays and objects. Iterative, so that the
 * very value it is there to catch cannot overflow the stack, and it stops at the first level too
 * deep. A scalar is depth 0, `[]` and `{}` depth 1.
 */
export function exceedsDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth + 1 > max) return true;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return false;
}
