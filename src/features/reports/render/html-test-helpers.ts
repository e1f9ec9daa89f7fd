// Reading rendered HTML back in tests, the way a reader sees it: cells in document order.
import { DomUtils, parseDocument } from 'htmlparser2';

// Node types taken through htmlparser2, which is the declared dependency (domhandler is its own).
type Element = ReturnType<typeof DomUtils.findAll>[number];
type AnyNode = Parameters<typeof DomUtils.textContent>[0];

export interface ParsedHtml {
  readonly root: ReturnType<typeof parseDocument>;
  byTestId(testId: string): Element;
  all(predicate: (element: Element) => boolean): Element[];
  text(element: AnyNode): string;
}

export function parseHtml(html: string): ParsedHtml {
  const root = parseDocument(html);
  const all = (predicate: (element: Element) => boolean) => DomUtils.findAll(predicate, root.children);
  return {
    root,
    all,
    text: (element) => DomUtils.textContent(element),
    byTestId(testId) {
      const found = all((element) => element.attribs['data-testid'] === testId);
      if (found.length !== 1)
        throw new Error(`expected one element with data-testid=${testId}, got ${found.length}`);
      return found[0] as Element;
    },
  };
}

/** The rows of a table as lists of cell texts, in document order. */
export function tableRows(parsed: ParsedHtml, table: Element, section?: 'thead' | 'tbody'): string[][] {
  const scope = section === undefined ? [table] : DomUtils.findAll((e) => e.name === section, [table]);
  return DomUtils.findAll((element) => element.name === 'tr', scope).map((row) =>
    row.children
      .filter(
        (child): child is Element => DomUtils.isTag(child) && (child.name === 'td' || child.name === 'th'),
      )
      .map((cell) => parsed.text(cell)),
  );
}
