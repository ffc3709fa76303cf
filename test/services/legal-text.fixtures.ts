// Generates real-shaped 条例草案 texts (60–200 articles) as a webmaster would paste them from Word,
// together with what a correct parse must produce. Deterministic (seeded) so failures reproduce.
import { toChineseNumeral } from '../../src/services/chinese-numeral.js';

export interface ExpectedArticle {
  label: string;
  chapter?: string;
  section?: string;
  /** Per 款: number of 项, and per 项 the number of 目 */
  shape: Array<{ items: number[] }>;
  /** Text of the first 款 */
  first: string;
}

export interface GeneratedDraft {
  title: string;
  /** The text as lines (no line endings) */
  lines: string[];
  /** 1-based line of each article heading, by label */
  articleLine: Map<string, number>;
  /** 1-based line of each chapter heading (body, not 目录), by label */
  chapterLine: Map<string, number>;
  expected: ExpectedArticle[];
  chapters: Array<{ label: string; title: string; sections: string[] }>;
  preamble: string[];
}

export interface GenerateOptions {
  articles: number;
  seed?: number;
  /** Write a 目录 block (default true) */
  toc?: boolean;
  /** Separator after 第X条 / 第X章 (default full-width space) */
  space?: string;
  /** Item parentheses (default full-width) */
  halfWidthParens?: boolean;
  preamble?: boolean;
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['物业服务人', '业主委员会', '建设单位', '街道办事处', '住房和城乡建设主管部门', '业主', '物业使用人', '居民委员会', '市场监督管理部门', '专业经营单位'];
const VERBS = ['应当依法履行', '应当及时公开', '不得擅自改变', '应当妥善保管', '可以依法委托', '应当定期报告', '应当配合做好', '不得违反约定收取', '应当组织开展', '应当建立健全'];
const OBJECTS = ['共有部分的使用和收益情况', '物业服务合同约定的义务', '住宅专项维修资金的使用计划', '物业服务收费标准和服务内容', '安全防范和消防管理工作', '业主大会会议的筹备工作', '物业管理区域内的环境卫生', '电梯等共用设施设备的维护', '装饰装修管理服务协议', '物业服务质量评价结果'];
const TAILS = ['，并接受业主的监督。', '。', '，具体办法由市人民政府制定。', '，但法律、法规另有规定的除外。', '，不得损害业主的合法权益。', '，并在物业管理区域内显著位置公示。'];
const ITEMS = ['制定和修改管理规约', '选举业主委员会或者更换业主委员会成员', '选聘和解聘物业服务人', '筹集和使用专项维修资金', '改建、重建建筑物及其附属设施', '改变共有部分的用途', '利用共有部分从事经营活动', '法律、法规规定的其他事项'];
const SUBS = ['公示期限不少于七日', '书面征求业主意见', '经专有部分面积占比三分之二以上的业主同意', '报街道办事处备案'];

const CHAPTER_TITLES = ['总则', '业主及业主大会', '前期物业管理', '物业服务', '物业的使用和维护', '监督管理', '法律责任', '附则'];
const SECTION_TITLES = ['业主', '业主大会', '业主委员会', '物业管理委员会'];

/**
 * A 物业管理条例（草案） of `articles` articles in 8 chapters (the 2nd with 4 sections, the last the
 * 附则), with 款, （一）项 and 1. 目, a title with （草案）, an optional 目录 and preamble.
 */
export function generateDraft(opts: GenerateOptions): GeneratedDraft {
  const random = rng(opts.seed ?? 7);
  const pick = <T,>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
  const sp = opts.space ?? '\u3000';
  const [open, close] = opts.halfWidthParens ? ['(', ')'] : ['（', '）'];
  const n = opts.articles;
  const title = '某市物业管理条例（草案）';
  const lines: string[] = ['某市物业管理条例', '（草案）', ''];
  const preamble = opts.preamble === false ? [] : ['（2026年11月 征求意见稿）'];
  // Chapter sizes: 附则 gets 3 articles, the rest share what is left.
  const body = n - 3;
  const sizes = Array.from({ length: 7 }, (_, i) => Math.floor(body / 7) + (i < body % 7 ? 1 : 0));
  sizes.push(3);
  const chapters = CHAPTER_TITLES.map((t, i) => ({
    label: `第${toChineseNumeral(i + 1)}章`,
    title: t,
    sections: i === 1 ? SECTION_TITLES.map((_, k) => `第${toChineseNumeral(k + 1)}节`) : [],
  }));
  if (opts.toc !== false) {
    lines.push('目　　录', '');
    chapters.forEach((c, i) => {
      lines.push(`${c.label}${sp}${c.title.length === 2 ? c.title.split('').join('　　') : c.title}`);
      if (i === 1) SECTION_TITLES.forEach((t, k) => lines.push(`　　${c.sections[k]}${sp}${t}`));
    });
    lines.push('');
  }
  for (const p of preamble) lines.push(p);
  if (preamble.length) lines.push('');

  const expected: ExpectedArticle[] = [];
  const articleLine = new Map<string, number>();
  const chapterLine = new Map<string, number>();
  let a = 0;
  chapters.forEach((c, ci) => {
    lines.push(`${c.label}${sp}${c.title.length === 2 ? c.title.split('').join('　　') : c.title}`);
    chapterLine.set(c.label, lines.length);
    const count = sizes[ci]!;
    let lastSection = -1;
    for (let k = 0; k < count; k++) {
      let section: string | undefined;
      if (c.sections.length) {
        const si = Math.floor((k * c.sections.length) / count);
        section = c.sections[si];
        if (si !== lastSection) lines.push(`${section}${sp}${SECTION_TITLES[si]}`);
        lastSection = si;
      }
      a++;
      const label = `第${toChineseNumeral(a)}条`;
      const sentence = () => `${pick(SUBJECTS)}${pick(VERBS)}${pick(OBJECTS)}${pick(TAILS)}`;
      const shape: Array<{ items: number[] }> = [];
      let first: string;
      const roll = random();
      if (ci === 7 && k === count - 1) {
        first = '本条例自2027年7月1日起施行。';
        lines.push(`${label}${sp}${first}`);
        shape.push({ items: [] });
      } else if (roll < 0.25) {
        // lead-in with items, some with sub-items, then maybe a closing paragraph
        first = `${pick(SUBJECTS)}应当履行下列职责：`;
        lines.push(`${label}${sp}${first}`);
        const count2 = 3 + Math.floor(random() * 6);
        const items: number[] = [];
        for (let it = 1; it <= count2; it++) {
          const last = it === count2;
          lines.push(`${open}${toChineseNumeral(it)}${close}${pick(ITEMS)}${last ? '。' : '；'}`);
          let subs = 0;
          if (random() < 0.15 && !last) {
            lines[lines.length - 1] = lines[lines.length - 1]!.replace(/；$/, '，包括：');
            subs = 2 + Math.floor(random() * 2);
            for (let s = 1; s <= subs; s++) lines.push(`${s}.${pick(SUBS)}${s === subs ? '；' : '；'}`);
          }
          items.push(subs);
        }
        shape.push({ items });
        if (random() < 0.4) {
          lines.push(sentence());
          shape.push({ items: [] });
        }
      } else {
        const paras = 1 + Math.floor(random() * 3);
        first = sentence();
        lines.push(`${label}${sp}${first}`);
        shape.push({ items: [] });
        for (let p = 1; p < paras; p++) {
          lines.push(p === 1 && random() < 0.5 ? `违反前款规定的，由${pick(SUBJECTS)}责令限期改正。` : sentence());
          shape.push({ items: [] });
        }
      }
      articleLine.set(label, lines.length - countSince(lines, label));
      expected.push({ label, chapter: c.label, ...(section ? { section } : {}), shape, first });
    }
  });
  return { title: `${title}`, lines, articleLine, chapterLine, expected, chapters, preamble };
}

/** How many lines back the article's heading is (it is the last line starting with its label). */
function countSince(lines: string[], label: string): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.startsWith(label)) return lines.length - 1 - i;
  throw new Error(`no ${label}`);
}

/** Lines of one article (heading to the line before the next heading), 0-based [start, end). */
export function articleRange(d: GeneratedDraft, label: string): [number, number] {
  const start = d.articleLine.get(label)! - 1;
  let end = start + 1;
  while (end < d.lines.length && !/^(第[一二三四五六七八九十百零]+[条章节])/.test(d.lines[end]!)) end++;
  return [start, end];
}
