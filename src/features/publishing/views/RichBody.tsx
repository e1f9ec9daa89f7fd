// A rich-text body: HTML that has passed sanitizeBody (publishing/rich-text.ts) just before rendering.
export function RichBody({ html }: { html: string }) {
  return <div class="rich-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
