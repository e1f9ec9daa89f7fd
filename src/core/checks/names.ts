// Person names are only recognisable by where they stand: after a word such as 姓名 or 申请人, or right
// before an ID number. A name is two or three Han characters beginning with a common surname (four
// with a compound surname), ending where the text goes on with a word that does not belong to a name.
import { maskName } from '../privacy/mask.ts';
import type { PersonalCandidate } from './personal-candidate.ts';

/**
 * Common single-character surnames. Characters that far more often begin an ordinary word after these
 * trigger words (于, 向, 时, 申 …) are left out: a missed rare surname costs less than a false alarm on
 * every “申请人向本机关…”.
 */
const SINGLE_SURNAMES: ReadonlySet<string> = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁' +
      '任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万' +
      '钱严覃武戴莫孔汤温康施牛樊葛邢乔伍庞颜倪聂章鲁岳翟殷詹欧耿兰焦俞柳祝舒阮柯纪梅童凌毕裴霍' +
      '涂苗盛翁冉骆蓝游辛靳柴蒙鲍喻祁蒲滕饶牟艾尤穆卓吉缪褚娄窦戚岑晏瞿桂佟臧闵苟邬卞姬仇栾隋' +
      '刁沙荣巫寇桑郎甄丛虞敖巩佘邝芦',
  ),
);

const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 独孤 南宫 西门 轩辕 呼延 钟离 赫连 拓跋 司空 万俟 单于'.split(
    ' ',
  ),
);

/** Words that begin with a surname character but are not names where these triggers stand. */
const NOT_NAMES: ReadonlySet<string> = new Set(
  '陈述 陈情 程序 范围 方式 万元 杨树 黄色 金额 石油 武装 严重 任务 任何 任意 傅里叶 龙头 宋体 毛重 史料 邱陵 施工 康复 温度 苗木 江河 钟点 蒙古 兰州 贾汪'.split(
    ' ',
  ),
);

/** Characters and words that may follow a name directly (张三向本机关…, 张三于2023年…, 张三同志). */
const FOLLOWING_CHARACTERS = new Set(
  Array.from('向于在因对称要的等与和及系为已就不未曾将被以同诉提自经之现所是说'),
);
const FOLLOWING_WORDS = ['先生', '女士', '同志', '老师', '师傅'];

const HAN = /^\p{Script=Han}$/u;
const MAX_RUN = 8;

/** Triggers after which a name stands; 姓名 needs its colon or a space (a table cell). */
const NAME_TRIGGERS =
  /(?:(?:申请人|被申请人|当事人|联系人|委托人|代理人|被处罚人|举报人|投诉人|户主|经办人|患者)(?:[\s:：]*)|姓名(?:[:：]\s*|\s+))/gu;
/** A name right before an ID number: 张三，身份证号… / 张三（公民身份号码…）. */
const ID_TRIGGER = /[\s，,、:：（(]*(?:居民身份证|公民身份号码|身份证)/gu;

function hanRunAfter(text: string, start: number): string {
  let run = '';
  for (const char of text.slice(start, start + MAX_RUN * 2)) {
    if (!HAN.test(char) || Array.from(run).length >= MAX_RUN) break;
    run += char;
  }
  return run;
}

function hanRunBefore(text: string, end: number): string {
  const chars = Array.from(text.slice(Math.max(0, end - MAX_RUN * 2), end));
  let run = '';
  for (let index = chars.length - 1; index >= 0; index -= 1) {
    const char = chars[index] ?? '';
    if (!HAN.test(char) || Array.from(run).length >= MAX_RUN) break;
    run = char + run;
  }
  return run;
}

function beginsWithSurname(name: string): boolean {
  const chars = Array.from(name);
  const compound = chars.slice(0, 2).join('');
  if (COMPOUND_SURNAMES.has(compound)) return chars.length >= 3 && chars.length <= 4;
  return SINGLE_SURNAMES.has(chars[0] ?? '') && chars.length >= 2 && chars.length <= 3;
}

function isName(name: string): boolean {
  if (!beginsWithSurname(name) || NOT_NAMES.has(name)) return false;
  // Already pseudonymised (张某, 李某某) or a surname with a title (王老师): nothing left to hide.
  if (name.includes('某')) return false;
  return !FOLLOWING_WORDS.some((word) => name.endsWith(word));
}

function endsAName(rest: string): boolean {
  if (rest === '') return true;
  if (FOLLOWING_WORDS.some((word) => rest.startsWith(word))) return true;
  return FOLLOWING_CHARACTERS.has(Array.from(rest)[0] ?? '');
}

/**
 * The name at the start of a run of Han characters, if one can be told apart from what follows: the
 * shortest that is followed by a word that does not belong to a name (李四于2023年 → 李四).
 */
function nameAtStart(run: string): string | null {
  const chars = Array.from(run);
  for (const length of [2, 3, 4]) {
    if (chars.length < length) continue;
    const name = chars.slice(0, length).join('');
    const rest = chars.slice(length).join('');
    if (isName(name) && endsAName(rest)) return name;
  }
  return null;
}

/** The name at the end of a run, right before an ID number: the longest that begins with a surname. */
function nameAtEnd(run: string): string | null {
  const chars = Array.from(run);
  for (const length of [4, 3, 2]) {
    if (chars.length < length) continue;
    const name = chars.slice(chars.length - length).join('');
    if (isName(name)) return name;
  }
  return null;
}

function nameCandidate(original: string, start: number, name: string, trigger: string): PersonalCandidate {
  const end = start + name.length;
  return {
    start,
    end,
    text: original.slice(start, end),
    category: 'person_name',
    severity: 'warning',
    message: `“${trigger}”处的姓名属于个人信息，公开前应遮盖`,
    proposedMask: maskName(name),
    priority: 0,
  };
}

export function detectNames(view: string, original: string): PersonalCandidate[] {
  const found: PersonalCandidate[] = [];
  for (const trigger of view.matchAll(NAME_TRIGGERS)) {
    const start = trigger.index + trigger[0].length;
    const name = nameAtStart(hanRunAfter(view, start));
    if (name !== null) found.push(nameCandidate(original, start, name, trigger[0].replace(/[\s:：]+$/u, '')));
  }
  for (const trigger of view.matchAll(ID_TRIGGER)) {
    const end = trigger.index;
    const name = nameAtEnd(hanRunBefore(view, end));
    if (name !== null) found.push(nameCandidate(original, end - name.length, name, '身份证号码前'));
  }
  return found;
}
