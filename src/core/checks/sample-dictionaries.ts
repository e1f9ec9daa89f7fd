// The dictionaries shipped with Gongkai: a few labelled examples per category, written for the project
// to show the format and to make the checks testable. They are not a complete list of anything;
// deployments import their own dictionaries (CSV) and may drop these.
import type { Dictionary, DictionaryEntry } from './dictionary.ts';

const SAMPLE = '示例条目';

function entries(list: readonly DictionaryEntry[]): readonly DictionaryEntry[] {
  return list.map((entry) => ({ ...entry, note: entry.note ? `${SAMPLE}：${entry.note}` : SAMPLE }));
}

export const SAMPLE_DICTIONARY: Dictionary = {
  name: '示例词库（随软件提供的示例，部署时请导入本单位的词库）',
  entries: entries([
    // Marks of classified documents (GB/T 9704-2012 密级和保密期限): a page that carries one should not
    // be published without the confidentiality review finding out why.
    { term: '绝密★', category: 'sensitive', severity: 'error', note: '密级标志，可能涉密' },
    { term: '机密★', category: 'sensitive', severity: 'error', note: '密级标志，可能涉密' },
    { term: '秘密★', category: 'sensitive', severity: 'error', note: '密级标志，可能涉密' },
    { term: '内部资料注意保存', category: 'sensitive', severity: 'error', note: '内部资料标注' },
    { term: '仅供内部参考', category: 'sensitive', severity: 'error', note: '内部资料标注' },

    { term: '台湾政府', category: 'political_wording', severity: 'error', suggestion: '台湾当局' },
    { term: '北朝鲜', category: 'political_wording', severity: 'error', suggestion: '朝鲜' },
    { term: '南朝鲜', category: 'political_wording', severity: 'error', suggestion: '韩国' },
    {
      term: '一带一路战略',
      category: 'political_wording',
      severity: 'error',
      suggestion: '“一带一路”倡议',
    },
    {
      term: '新冠肺炎',
      category: 'political_wording',
      severity: 'warning',
      suggestion: '新冠病毒感染',
      note: '2022年12月起更名；引用此前的文件名称时可保留',
    },

    {
      term: '五位一体战略布局',
      category: 'fixed_expression',
      severity: 'error',
      suggestion: '“五位一体”总体布局',
    },
    {
      term: '四个全面总体布局',
      category: 'fixed_expression',
      severity: 'error',
      suggestion: '“四个全面”战略布局',
    },
    {
      term: '以人民为中心的发展理念',
      category: 'fixed_expression',
      severity: 'error',
      suggestion: '以人民为中心的发展思想',
    },

    // Leaders' names are local data: the entry shows the form (the name with the title no longer held).
    {
      term: '示例姓名局长',
      category: 'leader_title',
      severity: 'error',
      suggestion: '示例姓名副市长',
      note: '部署时换成本地领导的姓名和已不再担任的职务',
    },

    // Renamed or merged in the 2018 reform of State Council institutions (深化党和国家机构改革方案).
    {
      term: '国家工商行政管理总局',
      category: 'obsolete_institution',
      severity: 'warning',
      suggestion: '国家市场监督管理总局',
      note: '2018年机构改革',
    },
    {
      term: '国家质量监督检验检疫总局',
      category: 'obsolete_institution',
      severity: 'warning',
      suggestion: '国家市场监督管理总局',
      note: '2018年机构改革',
    },
    {
      term: '国土资源部',
      category: 'obsolete_institution',
      severity: 'warning',
      suggestion: '自然资源部',
      note: '2018年机构改革',
    },
    {
      term: '国家卫生和计划生育委员会',
      category: 'obsolete_institution',
      severity: 'warning',
      suggestion: '国家卫生健康委员会',
      note: '2018年机构改革',
    },
    {
      term: '国家安全生产监督管理总局',
      category: 'obsolete_institution',
      severity: 'warning',
      suggestion: '应急管理部',
      note: '2018年机构改革',
    },
    {
      term: '国家旅游局',
      category: 'obsolete_institution',
      severity: 'warning',
      suggestion: '文化和旅游部',
      note: '2018年机构改革',
    },

    { term: '按装', category: 'typo', severity: 'warning', suggestion: '安装' },
    {
      term: '既使',
      category: 'typo',
      severity: 'warning',
      suggestion: '即使',
      note: '“既使……又……”句式中不是错字',
    },
    { term: '再接再励', category: 'typo', severity: 'warning', suggestion: '再接再厉' },
    { term: '迫不急待', category: 'typo', severity: 'warning', suggestion: '迫不及待' },
    { term: '一愁莫展', category: 'typo', severity: 'warning', suggestion: '一筹莫展' },
    { term: '布署', category: 'typo', severity: 'warning', suggestion: '部署' },
    { term: '即然', category: 'typo', severity: 'warning', suggestion: '既然' },
    { term: '通迅', category: 'typo', severity: 'warning', suggestion: '通讯' },
  ]),
};

export const SHIPPED_DICTIONARIES: readonly Dictionary[] = [SAMPLE_DICTIONARY];
