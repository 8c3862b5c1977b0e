/**
 * An island's lookup of its own markup: the element, or an error naming the
 * island and the selector its markup lacks (a broken template fails loudly at
 * mount, not later as a null deep in a handler).
 */
export function requiredIn(root: ParentNode, island: string): <T extends Element>(selector: string) => T {
  return <T extends Element>(selector: string): T => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`${island}: missing ${selector}`);
    return found;
  };
}
