import { NARRATIVE_SECTION_IDS, SECTION_IDS, SECTION_TITLES } from '../../../core/report/format.ts';
import type { SectionId } from '../../../core/report/format.ts';
import type { AnnualReport, Finding } from '../../../core/report/types.ts';
import { sectionParagraphs } from './report-model.ts';
import { REPORT_STYLESHEET } from './report-stylesheet.ts';
import { Table2 } from './Table2.tsx';
import { Table3 } from './Table3.tsx';
import { Table4 } from './Table4.tsx';

export interface ReportDocumentProps {
  readonly report: AnnualReport;
  readonly findings: readonly Finding[];
  readonly title: string;
}

const ID_PREFIX = 'report';

function SectionBody({
  report,
  id,
  findings,
}: {
  report: AnnualReport;
  id: SectionId;
  findings: readonly Finding[];
}) {
  if (NARRATIVE_SECTION_IDS.includes(id)) {
    return (
      <>
        {sectionParagraphs(report, id).map((text, index) => (
          <p key={index}>{text}</p>
        ))}
      </>
    );
  }
  const props = { report, findings, idPrefix: ID_PREFIX };
  if (id === '二') return <Table2 {...props} />;
  if (id === '三') return <Table3 {...props} />;
  return <Table4 {...props} />;
}

/** The whole report as a standalone page: no scripts, no external resources. */
export function ReportDocument({ report, findings, title }: ReportDocumentProps) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: REPORT_STYLESHEET }} />
      </head>
      <body>
        <main class="annual-report">
          <h1>{title}</h1>
          {SECTION_IDS.map((id) => (
            <section key={id} aria-labelledby={`${ID_PREFIX}-section-${id}`}>
              <h2 id={`${ID_PREFIX}-section-${id}`}>{SECTION_TITLES[id]}</h2>
              <SectionBody report={report} id={id} findings={findings} />
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
