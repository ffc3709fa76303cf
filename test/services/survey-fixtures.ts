// Small surveys shared by the survey service tests (not a test file itself).
import type { Survey } from '../../src/services/schemas/survey.js';

export const win = { opens: '2026-11-01T00:00:00+08:00', closes: '2026-12-31T23:59:59+08:00' };

/** A suggestion-handling survey: 2 subjects × 3 dimensions, a conditional required reason. */
export const matrixSurvey: Survey = {
  id: 't-matrix', title: '测试测评', kind: 'evaluation', window: win, roles: ['deputy'], access: 'code', anonymity: 'identified',
  subjects: [{ id: 'a', name: '建议甲' }, { id: 'b', name: '建议乙' }, { id: 'c', name: '未被评价' }],
  pages: [
    { id: 'p1', questions: [{ id: 'm', type: 'matrix', title: '评价', required: true, subjects: ['a', 'b'], dimensions: [{ id: 'org', label: '组织领导' }, { id: 'reply', label: '答复质量' }, { id: 'overall', label: '综合评价' }] }] },
    { id: 'p2', questions: [
      { id: 'why', type: 'text', title: '不满意的原因', required: true, minLength: 2, maxLength: 10, showIf: { question: 'm', in: ['dissatisfied'] } },
      { id: 'more', type: 'text', title: '其他意见' },
    ] },
    { id: 'p3', questions: [{ id: 'only-if-why', type: 'single', title: '是否需要回访', options: [{ id: 'y', label: '是' }, { id: 'n', label: '否' }], showIf: { question: 'why', answered: true } }] },
  ],
};

/** Every other question type, on one page. */
export const mixedSurvey: Survey = {
  id: 't-mixed', title: '混合问卷', kind: 'questionnaire', window: win, roles: ['public', { id: 'grid', label: '网格员' }], access: 'open', anonymity: 'anonymous',
  subjects: [{ id: 'x1', name: '项目一' }, { id: 'x2', name: '项目二' }, { id: 'x3', name: '项目三' }, { id: 'x4', name: '项目四' }],
  pages: [{ id: 'p', questions: [
    { id: 'sat', type: 'satisfaction', title: '总体满意度', required: true },
    { id: 'four', type: 'satisfaction', title: '四档', scale: 'four' },
    { id: 'score', type: 'satisfaction', title: '打分', scale: 'score100' },
    { id: 'half', type: 'satisfaction', title: '半分', scale: { kind: 'score', min: 0, max: 10, step: 0.5 } },
    { id: 'one', type: 'single', title: '单选', options: [{ id: 'o1', label: '甲' }, { id: 'o2', label: '乙' }], allowOther: true },
    { id: 'many', type: 'multiple', title: '多选', min: 2, max: 3, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }, { id: 'd', label: 'D' }], allowOther: true },
    { id: 'rank', type: 'ranking', title: '排序', top: 2, required: true, options: [{ id: 'r1', label: '一' }, { id: 'r2', label: '二' }, { id: 'r3', label: '三' }] },
    { id: 'txt', type: 'text', title: '文字', minLength: 3, maxLength: 5 },
    { id: 'num', type: 'number', title: '数字', min: 0, max: 120, integer: true },
    { id: 'vote', type: 'ballot', title: '选2项', max: 2, min: 1, writeIn: true, writeInMax: 1 },
    { id: 'prop', type: 'proposal', title: '建议', locationRequired: true, categoryRequired: true, descriptionMax: 20, categories: [{ id: 'edu', label: '教育' }] },
    { id: 'rowsOnly', type: 'matrix', title: '各部门', scale: 'grade' },
    { id: 'dimsOnly', type: 'matrix', title: '本站', dimensions: [{ id: 'd1', label: '环境' }, { id: 'd2', label: '态度' }] },
  ] }],
};
