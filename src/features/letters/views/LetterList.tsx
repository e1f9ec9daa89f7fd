// The letters of an application on its page: title, number, date, links to print and download, and
// the delivery (a form to record it for those who may).
import { CsrfField } from '../../../web/views/admin/AdminLayout.tsx';
import { chineseDate } from '../../../core/letters/numbering.ts';
import { DELIVERY_METHODS, type LetterSummary } from '../model.ts';

export interface LetterListProps {
  readonly applicationId: number;
  readonly letters: readonly LetterSummary[];
  /** Whether the viewer may record deliveries (policy.ts canRecordDelivery). */
  readonly canRecordDelivery: boolean;
  readonly csrfToken: string;
  /** Today in China, the latest delivery date the form offers. */
  readonly today: string;
}

function DeliveryForm({
  applicationId,
  letter,
  csrfToken,
  today,
}: {
  applicationId: number;
  letter: LetterSummary;
  csrfToken: string;
  today: string;
}) {
  const id = (name: string) => `letter-${letter.id}-${name}`;
  return (
    <form
      method="post"
      action={`/admin/applications/${applicationId}/letters/${letter.id}/delivery`}
      class="inline-form"
      data-testid="delivery-form"
    >
      <CsrfField token={csrfToken} />
      <label for={id('on')}>送达日期</label>
      <input
        id={id('on')}
        name="deliveredOn"
        type="date"
        required
        min={letter.issuedOn}
        max={today}
        value={today}
      />
      <label for={id('method')}>送达方式</label>
      <select id={id('method')} name="method" required>
        {DELIVERY_METHODS.map((method) => (
          <option key={method} value={method}>
            {method}
          </option>
        ))}
      </select>
      <button type="submit">登记送达</button>
    </form>
  );
}

export function LetterList({ applicationId, letters, canRecordDelivery, csrfToken, today }: LetterListProps) {
  if (letters.length === 0) return <p data-testid="no-letters">尚未制发文书。</p>;
  const base = `/admin/applications/${applicationId}/letters`;
  return (
    <table data-testid="letters">
      <thead>
        <tr>
          <th scope="col">文书</th>
          <th scope="col">文号</th>
          <th scope="col">发文日期</th>
          <th scope="col">打印、下载</th>
          <th scope="col">送达</th>
        </tr>
      </thead>
      <tbody>
        {letters.map((letter) => (
          <tr key={letter.id} data-letter={letter.id}>
            <td>{letter.title}</td>
            <td>{letter.number ?? '—'}</td>
            <td>{chineseDate(letter.issuedOn)}</td>
            <td>
              <a href={`${base}/${letter.id}`}>打印</a> · <a href={`${base}/${letter.id}/docx`}>下载 Word</a>
            </td>
            <td data-testid="delivery">
              {letter.deliveredOn !== null ? (
                `${chineseDate(letter.deliveredOn)}，${letter.deliveryMethod ?? ''}`
              ) : canRecordDelivery ? (
                <DeliveryForm
                  applicationId={applicationId}
                  letter={letter}
                  csrfToken={csrfToken}
                  today={today}
                />
              ) : (
                '未登记'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
