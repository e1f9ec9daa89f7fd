// The clock of an application in plain language, each line with its legal basis.
import type { PlainDate } from '../../../core/calendar/plain-date.ts';
import { ANSWER_WORKDAYS } from '../../../core/clock/deadline-clock.ts';
import type { ClockView } from '../model.ts';

/** 2023-10-08 → 2023年10月8日 */
export function chineseDate(date: PlainDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const BASIS = {
  received: '《政府信息公开条例》第三十一条',
  due: `《政府信息公开条例》第三十三条（自收到申请之日起 ${ANSWER_WORKDAYS} 个工作日内答复）`,
  extended: '《政府信息公开条例》第三十三条第一款（延长答复期限最长不超过 20 个工作日）',
  correction: '《政府信息公开条例》第三十条（补正；答复期限自收到补正的申请之日起计算）',
  deadlineSet: '《政府信息公开条例》第三十五条',
} as const;

export interface ClockSummaryProps {
  readonly clock: ClockView;
  readonly receivedOn: PlainDate;
  /** The reason recorded with the extension (the ledger keeps it beside the number of days). */
  readonly extensionReason?: string | null;
}

export function ClockSummary({ clock, receivedOn, extensionReason }: ClockSummaryProps) {
  if (!clock.ok) {
    return (
      <dl class="summary" data-testid="clock">
        <dt>收到申请日期</dt>
        <dd>
          {chineseDate(receivedOn)}
          <span class="muted">（{BASIS.received}）</span>
        </dd>
        <dt>答复期限</dt>
        <dd data-testid="clock-error">暂无法计算：{clock.message}</dd>
      </dl>
    );
  }
  const { reading } = clock;
  return (
    <dl class="summary" data-testid="clock">
      <dt>收到申请日期</dt>
      <dd data-testid="received-on">
        {chineseDate(reading.received)}
        <span class="muted">（{BASIS.received}）</span>
      </dd>
      {reading.state === 'awaiting_correction' && reading.correctionDue !== undefined ? (
        <>
          <dt>当前状态</dt>
          <dd data-testid="clock-state">
            等待申请人补正，答复期限暂停计算；补正期限至 {chineseDate(reading.correctionDue)}
            <span class="muted">（{BASIS.correction}）</span>
          </dd>
        </>
      ) : null}
      {reading.state === 'paused' ? (
        <>
          <dt>当前状态</dt>
          <dd data-testid="clock-state">
            答复期限暂停计算，恢复后还有 {reading.remainingWorkdays ?? 0} 个工作日
            <ul>
              {reading.pauses
                .filter((pause) => pause.to === null)
                .map((pause) => (
                  <li key={`${pause.kind}-${pause.ref ?? ''}-${pause.from}`} data-testid="pause">
                    自 {chineseDate(pause.from)} 起：{pause.reason}
                    {pause.kind === 'consultation'
                      ? `；被征求意见方应于 ${chineseDate(pause.limit)}前回复（15 个工作日），逾期未回复的由本机关依法决定`
                      : `；请于 ${chineseDate(pause.limit)}前缴纳，逾期未缴纳的本机关不再处理该申请`}
                  </li>
                ))}
            </ul>
          </dd>
        </>
      ) : null}
      {reading.due !== null ? (
        <>
          <dt>答复期限</dt>
          <dd data-testid="due-on">
            {chineseDate(reading.due)}前
            <span class="muted">
              （{reading.deadlineSet ? BASIS.deadlineSet : reading.extended ? BASIS.extended : BASIS.due}）
            </span>
          </dd>
        </>
      ) : null}
      {reading.extended ? (
        <>
          <dt>延长答复期限</dt>
          <dd data-testid="extended">
            {chineseDate(reading.extended.date)}经本机关政府信息公开工作机构负责人同意，延长答复期限{' '}
            {reading.extended.workdays} 个工作日{extensionReason ? `，理由：${extensionReason}` : ''}
            <span class="muted">（{BASIS.extended}）</span>
          </dd>
        </>
      ) : null}
      {reading.deadlineSet ? (
        <>
          <dt>另行确定的答复期限</dt>
          <dd data-testid="deadline-set">
            {chineseDate(reading.deadlineSet.date)}确定于 {chineseDate(reading.deadlineSet.due)}前答复
            {reading.deadlineSet.reason ? `，理由：${reading.deadlineSet.reason}` : ''}
            <span class="muted">（{BASIS.deadlineSet}）</span>
          </dd>
        </>
      ) : null}
      {reading.state === 'running' && clock.workdaysLeft !== null ? (
        <>
          <dt>剩余工作日</dt>
          <dd data-testid="workdays-left">
            {clock.overdueWorkdays > 0
              ? `已超过答复期限 ${clock.overdueWorkdays} 个工作日`
              : `截至${chineseDate(clock.today)}，还有 ${clock.workdaysLeft} 个工作日`}
            <span class="muted">（工作日不含周末和法定节假日，含调休上班日）</span>
          </dd>
        </>
      ) : null}
      {reading.decided !== null ? (
        <>
          <dt>答复日期</dt>
          <dd>{chineseDate(reading.decided)}</dd>
        </>
      ) : null}
    </dl>
  );
}
