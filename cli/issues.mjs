// zod's issues (from the widgets' own schemas, dist/cli/core.mjs) in words a webmaster reads:
// what is wrong with the value at that place, with the limits and the allowed values.

/** The value at an issue's path (zod does not report it). */
export function valueAt(root, path) {
  let v = root;
  for (const k of path ?? []) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[k];
  }
  return v;
}

/** `stations[3].location.lat` */
export function pathText(path) {
  let s = '';
  for (const k of path ?? []) s += typeof k === 'number' ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s || '(根)';
}

const shown = (v) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return [...s].length > 40 ? `${[...s].slice(0, 40).join('')}…` : s;
};

/** One issue → a sentence, through the translator `t` (cli/messages.mjs). */
export function describeIssue(t, issue, root) {
  const value = valueAt(root, issue.path);
  if (value === undefined && issue.code !== 'custom') return t('issue.required');
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return t('issue.required');
      return t('issue.type', { expected: t(`type.${issue.expected}`) === `type.${issue.expected}` ? issue.expected : t(`type.${issue.expected}`) });
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('issue.empty') : t('issue.minChars', { min });
      if (issue.origin === 'array') return t('issue.minItems', { min });
      return t('issue.minNumber', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('issue.maxChars', { max, length: typeof value === 'string' ? [...value].length : '?' });
      if (issue.origin === 'array') return t('issue.maxItems', { max });
      return t('issue.maxNumber', { max });
    }
    case 'invalid_format':
      return t('issue.format', { value: shown(value) });
    case 'invalid_value':
      return t('issue.value', { value: shown(value), values: (issue.values ?? []).join('、') });
    case 'invalid_union':
      return t('issue.union');
    case 'not_multiple_of':
      return t('issue.integer');
    default: {
      const m = issue.message && issue.message !== 'Invalid input' ? issue.message : '';
      const known = t(`custom.${m}`);
      return t('issue.custom', { message: known !== `custom.${m}` ? known : m || t('issue.union') });
    }
  }
}
