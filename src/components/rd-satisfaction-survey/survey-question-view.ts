// The questions of <rd-satisfaction-survey>, one renderer per question type (docs/architecture.md#where-does-x-go):
// satisfaction scales and matrices (docs/domain.md#satisfaction-ratings), single and multiple choice,
// ranking, text, number, ballots with their "never more than N" limit (docs/domain.md#ballots) and
// proposals. Plain functions returning Lit templates, built from the shared fields
// (shared/fields.ts); every rule (limits, moves, cells) comes from services/survey-logic.ts, and the
// element owns the state: a renderer reads the answers and reports changes through its context.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { describedBy, errorLine, hintLine, selectField, textField } from '../shared/fields.js';
import type { ShownError, T } from '../../services/form-errors.js';
import type { Answer, Answers, BallotAnswer, MultipleAnswer, ProposalAnswer, Question, QuestionOf, Survey } from '../../services/schemas/survey.js';
import {
  ballotCandidates, ballotCount, matrixCell, matrixLayout, moveRanked, resolveScale, setBallotWriteIn, setMatrixCell,
  toggleBallot, toggleMultiple, type ResolvedScale, type ResolvedTier,
} from '../../services/survey-logic.js';
import { parseNumberInput } from '../../services/survey-form.js';

/** What a question renderer needs from the element. */
export interface QuestionContext {
  t: T;
  survey: Survey;
  /** The answers as they are now (read when the citizen acts, not only when rendered). */
  readonly answers: Readonly<Answers>;
  /** The error shown for a form path (a question, or a part of one: `idea.title`), if any. */
  error(path: string): string | undefined;
  /** Sets a question's answer (`undefined` removes it). */
  set(id: string, value: Answer | undefined): void;
  /** Says something in the live region (a choice refused at the limit, an item moved); '' clears. */
  announce(message: string): void;
  /** Focuses an element of the widget by id once the change is rendered. */
  focus(id: string): void;
}

/** Element id of a question (its first control: the error summary's target). */
export const qid = (id: string) => `q-${id}`;
/** Element id for a form path: a start field (`$code` → `f-code`), a question or a part of one (`idea.title`). */
export const idFor = (path: string) => (path.startsWith('$') ? `f-${path.slice(1)}` : qid(path.replace(/\./g, '-')));

/** " （必答）" after a title. */
export const requiredMark = (t: T, required?: boolean) => (required ? html`<span class="muted"> ${t('survey.required')}</span>` : nothing);

/** Title (+ required mark), help and inline error, shared by every question type. */
function qHead(t: T, q: Question, error: string | undefined, asLegend: boolean) {
  const id = qid(q.id);
  const title = html`${q.title}${requiredMark(t, q.required)}`;
  return html`${asLegend ? html`<legend class="rd-label q__title" part="label">${title}</legend>` : html`<p class="rd-label q__title" part="label" id="${id}-label">${title}</p>`}
      ${hintLine(id, q.help, 'q__help')}
      ${errorLine(t, id, error)}`;
}

const qDescribedBy = (q: Question, error?: string, extra?: string) => describedBy(qid(q.id), q.help, error, extra);

/** One question of the page on screen. */
export function renderQuestion(ctx: QuestionContext, q: Question): TemplateResult {
  const error = ctx.error(q.id);
  const a = ctx.answers[q.id];
  switch (q.type) {
    case 'satisfaction': return renderSatisfaction(ctx, q, a, error);
    case 'matrix': return renderMatrix(ctx, q, a, error);
    case 'single': return renderSingle(ctx, q, a, error);
    case 'multiple': return renderMultiple(ctx, q, a, error);
    case 'ranking': return renderRanking(ctx, q, a, error);
    case 'text': return renderText(ctx, q, a, error);
    case 'number': return renderNumber(ctx, q, a, error);
    case 'ballot': return renderBallot(ctx, q, a, error);
    case 'proposal': return renderProposal(ctx, q, a);
  }
}

/** A row of big radio buttons for one scale (used by satisfaction and every matrix row). */
function scaleRadios(t: T, scale: ResolvedScale & { kind: 'tiers' }, name: string, firstId: string, value: unknown, invalid: boolean, onPick: (v: string) => void) {
  return html`<div class="scale">
      ${scale.tiers.map((tier, i) => html`<label class="scale__opt"><input type="radio" name=${name} id=${i === 0 ? firstId : `${firstId}-${i}`}
        .value=${tier.value} .checked=${live(value === tier.value)} aria-invalid=${invalid ? 'true' : 'false'}
        @change=${() => onPick(tier.value)} /><span>${tierLabel(t, tier)}</span></label>`)}
    </div>`;
}

function scoreInput(scale: ResolvedScale & { kind: 'score' }, id: string, label: string, value: unknown, error: string | undefined, aria: string | undefined, onValue: (v: number | string | undefined) => void) {
  return html`<label class="rd-label" for=${id}>${label}</label>
      <input class="rd-input sv__number" part="input" id=${id} type="text" inputmode="decimal"
        .value=${live(value === undefined ? '' : String(value))} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(aria)}
        @input=${(e: Event) => onValue(parseNumberInput((e.target as HTMLInputElement).value))} />
      <span class="rd-visually-hidden">${scale.min}–${scale.max}</span>`;
}

function renderSatisfaction(ctx: QuestionContext, q: QuestionOf<'satisfaction'>, a: Answer | undefined, error?: string) {
  const { t } = ctx;
  const scale = resolveScale(q.scale);
  if (scale.kind === 'score') {
    return html`<div class="q ${error ? 'q--error' : ''}">
        ${qHead(t, q, error, false)}
        ${scoreInput(scale, qid(q.id), t('survey.score.label', { min: scale.min, max: scale.max }), a, error, qDescribedBy(q, error), (v) => ctx.set(q.id, v))}
      </div>`;
  }
  return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(qDescribedBy(q, error))}>
      ${qHead(t, q, error, true)}
      ${scaleRadios(t, scale, q.id, qid(q.id), a, !!error, (v) => ctx.set(q.id, v))}
    </fieldset>`;
}

function renderMatrix(ctx: QuestionContext, q: QuestionOf<'matrix'>, a: Answer | undefined, error?: string) {
  const { t } = ctx;
  const scale = resolveScale(q.scale);
  const groups = matrixLayout(ctx.survey, q);
  let first = true;
  const row = (path: readonly string[], label: string) => {
    const v = matrixCell(a, path);
    const rid = first ? qid(q.id) : `${qid(q.id)}-${path.join('-')}`;
    first = false;
    const missing = !!error && v === undefined;
    const set = (x: string | number | undefined) => ctx.set(q.id, setMatrixCell(ctx.answers[q.id], path, x));
    if (scale.kind === 'score') {
      return html`<div class="m-row ${missing ? 'm-row--error' : ''}">${scoreInput(scale, rid, label, v, missing ? error : undefined, undefined, set)}</div>`;
    }
    return html`<fieldset class="m-row ${missing ? 'm-row--error' : ''}">
        <legend>${label}</legend>
        ${scaleRadios(t, scale, `${q.id}:${path.join('/')}`, rid, v, missing, set)}
      </fieldset>`;
  };
  return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(qDescribedBy(q, error))}>
      ${qHead(t, q, error, true)}
      ${groups.map((g) => (g.subject
        ? html`<fieldset class="m-group">
            <legend>${g.subject.name}</legend>
            ${g.subject.description ? html`<p class="m-subject-desc">${g.subject.description}</p>` : nothing}
            ${g.rows.map((r) => row(r.path, r.label))}
          </fieldset>`
        : html`<div class="m-group">${g.rows.map((r) => row(r.path, r.label))}</div>`))}
    </fieldset>`;
}

/** Checkboxes or radios with an optional description each; the first one carries the question's id. */
function choices(q: Question, type: 'radio' | 'checkbox', options: ReadonlyArray<{ id: string; label: string; description?: string }>, isChecked: (id: string) => boolean, error: string | undefined, onChange: (id: string, input: HTMLInputElement) => void) {
  return options.map((o, i) => html`<label class="rd-choice" for=${i === 0 ? qid(q.id) : `${qid(q.id)}-${i}`}>
          <input type=${type} id=${i === 0 ? qid(q.id) : `${qid(q.id)}-${i}`} name=${ifDefined(type === 'radio' ? q.id : undefined)} .value=${o.id} .checked=${live(isChecked(o.id))}
            aria-invalid=${error ? 'true' : 'false'} @change=${(e: Event) => onChange(o.id, e.target as HTMLInputElement)} />
          <span>${o.label}${o.description ? html`<span class="rd-hint">${o.description}</span>` : nothing}</span>
        </label>`);
}

/** The "其他" text box of single and multiple choice. */
const otherField = (t: T, q: Question, value: string, onInput: (v: string) => void) =>
  html`<div class="writein">${textField({ t, id: `${qid(q.id)}-other`, label: t('survey.otherLabel'), value: value.trim() ? value : '', maxlength: 200, onInput })}</div>`;

function renderSingle(ctx: QuestionContext, q: QuestionOf<'single'>, a: Answer | undefined, error?: string) {
  const { t } = ctx;
  const isOther = typeof a === 'object' && a !== null && !Array.isArray(a) && 'other' in a && !('selected' in a);
  const otherText = isOther ? String((a as { other: string }).other) : '';
  const opts = [...q.options.map((o) => ({ id: o.id, label: o.label, description: o.description })), ...(q.allowOther ? [{ id: '__other', label: t('survey.other'), description: undefined }] : [])];
  const current = isOther ? '__other' : typeof a === 'string' ? a : undefined;
  return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(qDescribedBy(q, error))}>
      ${qHead(t, q, error, true)}
      <div class="rd-choices">
        ${choices(q, 'radio', opts, (id) => current === id, error, (id) => ctx.set(q.id, id === '__other' ? { other: otherText || ' ' } : id))}
      </div>
      ${isOther ? otherField(t, q, otherText, (v) => ctx.set(q.id, { other: v || ' ' })) : nothing}
    </fieldset>`;
}

function renderMultiple(ctx: QuestionContext, q: QuestionOf<'multiple'>, a: Answer | undefined, error?: string) {
  const { t } = ctx;
  const m: MultipleAnswer = typeof a === 'object' && a !== null && 'selected' in a ? (a as MultipleAnswer) : { selected: [] };
  const n = m.selected.length + (m.other !== undefined ? 1 : 0);
  const counterId = `${qid(q.id)}-count`;
  const toggle = (id: string, input: HTMLInputElement) => {
    const r = toggleMultiple(q, m, id);
    if (!r.changed) { input.checked = false; ctx.announce(t('survey.multiple.full', { max: q.max! })); return; }
    ctx.announce('');
    ctx.set(q.id, r.answer.selected.length || r.answer.other !== undefined ? r.answer : undefined);
  };
  const toggleOther = (input: HTMLInputElement) => {
    if (m.other !== undefined) {
      const next = { selected: m.selected };
      ctx.set(q.id, next.selected.length ? next : undefined);
    } else if (q.max !== undefined && n >= q.max) {
      input.checked = false; ctx.announce(t('survey.multiple.full', { max: q.max }));
    } else ctx.set(q.id, { ...m, other: ' ' });
  };
  return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(qDescribedBy(q, error, counterId))}>
      ${qHead(t, q, error, true)}
      <p class="counter" id=${counterId} aria-live="polite">${q.max ? t('survey.multiple.counterMax', { n, max: q.max }) : t('survey.multiple.counter', { n })}</p>
      <div class="rd-choices">
        ${choices(q, 'checkbox', q.options, (id) => m.selected.includes(id), error, toggle)}
        ${q.allowOther ? html`<label class="rd-choice" for="${qid(q.id)}-o">
          <input type="checkbox" id="${qid(q.id)}-o" .checked=${live(m.other !== undefined)} @change=${(e: Event) => toggleOther(e.target as HTMLInputElement)} />
          <span>${t('survey.other')}</span></label>` : nothing}
      </div>
      ${m.other !== undefined ? otherField(t, q, m.other, (v) => ctx.set(q.id, { ...m, other: v || ' ' })) : nothing}
    </fieldset>`;
}

function renderRanking(ctx: QuestionContext, q: QuestionOf<'ranking'>, a: Answer | undefined, error?: string) {
  const { t } = ctx;
  const id0 = qid(q.id);
  const ranked = Array.isArray(a) ? a.filter((id) => q.options.some((o) => o.id === id)) : [];
  const label = (id: string) => q.options.find((o) => o.id === id)?.label ?? id;
  const limit = q.top ?? q.options.length;
  const set = (list: string[], focusId?: string, moved?: string) => {
    ctx.set(q.id, list.length ? list : undefined);
    if (moved) ctx.announce(t('survey.ranking.moved', { label: label(moved), n: list.indexOf(moved) + 1 }));
    if (focusId) ctx.focus(focusId);
  };
  const unranked = q.options.filter((o) => !ranked.includes(o.id));
  return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(qDescribedBy(q, error))}>
      ${qHead(t, q, error, true)}
      <p class="q__help">${q.top ? t('survey.ranking.hintTop', { n: q.top }) : t('survey.ranking.hint')}</p>
      <p class="rd-label" id="${id0}-ranked">${t('survey.ranking.ranked')}</p>
      ${ranked.length === 0 ? html`<p class="muted">${t('survey.ranking.none')}</p>` : nothing}
      <ol class="rank-list" aria-labelledby="${id0}-ranked">
        ${ranked.map((id, i) => html`<li>
          <span class="rank-pos">${t('survey.ranking.position', { n: i + 1 })}</span>
          <span class="rank-label">${label(id)}</span>
          <button type="button" class="rd-button rd-button--secondary" id="${id0}-up-${id}" ?disabled=${i === 0}
            aria-label=${t('survey.ranking.up', { label: label(id) })} @click=${() => set(moveRanked(ranked, id, -1), i - 1 === 0 ? `${id0}-down-${id}` : `${id0}-up-${id}`, id)}>↑</button>
          <button type="button" class="rd-button rd-button--secondary" id="${id0}-down-${id}" ?disabled=${i === ranked.length - 1}
            aria-label=${t('survey.ranking.down', { label: label(id) })} @click=${() => set(moveRanked(ranked, id, 1), i + 1 === ranked.length - 1 ? `${id0}-up-${id}` : `${id0}-down-${id}`, id)}>↓</button>
          <button type="button" class="rd-button rd-button--link" id="${id0}-remove-${id}" aria-label=${t('survey.ranking.remove', { label: label(id) })}
            @click=${() => set(ranked.filter((x) => x !== id), `${id0}-add-${id}`)}>${t('common.remove')}</button>
        </li>`)}
      </ol>
      ${ranked.length < limit
        ? html`<p class="rd-label" id="${id0}-pool">${t('survey.ranking.unranked')}</p>
          <ul class="rank-list" aria-labelledby="${id0}-pool">
            ${unranked.map((o, i) => html`<li><span class="rank-label">${o.label}</span>
              <button type="button" class="rd-button rd-button--secondary" id=${i === 0 && ranked.length === 0 ? id0 : `${id0}-add-${o.id}`}
                aria-label=${t('survey.ranking.add', { label: o.label })} @click=${() => {
                  // Focus stays in the list: the next option to add, or (list full) the one just added.
                  const rest = unranked.filter((x) => x.id !== o.id);
                  const focus = ranked.length + 1 < limit && rest.length ? `${id0}-add-${rest[Math.min(i, rest.length - 1)].id}` : `${id0}-remove-${o.id}`;
                  set([...ranked, o.id], focus, o.id);
                }}>＋</button></li>`)}
          </ul>`
        : nothing}
      ${ranked.length > 0 ? html`<span id=${id0} tabindex="-1"></span>` : nothing}
    </fieldset>`;
}

function renderText(ctx: QuestionContext, q: QuestionOf<'text'>, a: Answer | undefined, error?: string) {
  const { t } = ctx;
  return html`<div class="q">${textField({
      t, id: qid(q.id), label: html`${q.title}${requiredMark(t, q.required)}`,
      hint: q.help, value: typeof a === 'string' ? a : '', multiline: q.multiline ?? false,
      maxlength: q.maxLength ?? 2000, counter: q.multiline ?? false, error,
      onInput: (v) => ctx.set(q.id, v === '' ? undefined : v),
    })}</div>`;
}

function renderNumber(ctx: QuestionContext, q: QuestionOf<'number'>, a: Answer | undefined, error?: string) {
  const { t } = ctx;
  return html`<div class="q">${textField({
      t, id: qid(q.id), label: html`${q.title}${q.unit ? t('common.paren', { x: q.unit }) : ''}${requiredMark(t, q.required)}`,
      hint: q.help ?? t('survey.number.hint'), value: a === undefined ? '' : String(a), inputmode: q.integer ? 'numeric' : 'decimal', error,
      onInput: (v) => ctx.set(q.id, parseNumberInput(v)),
    })}</div>`;
}

/** A 票决 ballot (docs/domain.md#ballots): candidates as checkboxes, never more than `max`, write-ins. */
function renderBallot(ctx: QuestionContext, q: QuestionOf<'ballot'>, a: Answer | undefined, error?: string) {
  const { t } = ctx;
  const b: BallotAnswer = typeof a === 'object' && a !== null && 'selected' in a ? (a as BallotAnswer) : { selected: [] };
  const n = ballotCount(b);
  const full = n >= q.max;
  const counterId = `${qid(q.id)}-count`;
  const fullNote = () => ctx.announce(t('survey.ballot.full', { max: q.max }));
  const toggle = (id: string, input: HTMLInputElement) => {
    const r = toggleBallot(q, b, id);
    if (!r.changed) { input.checked = false; fullNote(); return; }
    ctx.announce('');
    ctx.set(q.id, r.answer);
  };
  const writeIns = b.writeIns ?? [];
  const slots = q.writeIn ? Math.min(q.writeInMax ?? 1, writeIns.length + 1) : 0;
  // Slot numbers with a plain loop: Prototype.js (on many old portals) replaces Array.from with
  // its $A, which ignores a mapping function.
  const slotIndexes: number[] = [];
  for (let i = 0; i < slots; i++) slotIndexes.push(i);
  return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(qDescribedBy(q, error, counterId))}>
      ${qHead(t, q, error, true)}
      <p class="counter ${full ? 'counter--full' : ''}" id=${counterId}>
        ${t('survey.ballot.counter', { n, max: q.max })}
        <span class="muted">${t('common.paren', { x: q.min ? t('survey.ballot.ruleMin', { min: q.min, max: q.max }) : t('survey.ballot.rule', { max: q.max }) })}</span>
      </p>
      <div class="rd-visually-hidden" aria-live="polite">${t('survey.ballot.counter', { n, max: q.max })}</div>
      ${full ? html`<p class="muted">${t('survey.ballot.full', { max: q.max })}</p>` : nothing}
      <div class="rd-choices">
        ${choices(q, 'checkbox', ballotCandidates(ctx.survey, q).map((c) => ({ id: c.id, label: c.name, description: c.description })), (id) => b.selected.includes(id), error, toggle)}
      </div>
      ${slots ? html`<div class="writein">
        <p class="rd-label">${t('survey.ballot.writeIn')}</p>
        <p class="rd-hint">${t('survey.ballot.writeInHint', { max: q.max })}</p>
        ${slotIndexes.map((i) => {
          const v = writeIns[i] ?? '';
          const blocked = full && !v.trim();
          return textField({ t, id: `${qid(q.id)}-w${i}`, label: t('survey.ballot.writeInLabel', { n: i + 1 }), value: v, maxlength: 100, disabled: blocked,
            onInput: (text) => {
              const r = setBallotWriteIn(q, ctx.answers[q.id] as BallotAnswer | undefined, i, text);
              if (r.changed) ctx.set(q.id, r.answer);
              else fullNote();
            } });
        })}
      </div>` : nothing}
    </fieldset>`;
}

/** A 征集 proposal: title, description, place and category, each a field with its own error. */
function renderProposal(ctx: QuestionContext, q: QuestionOf<'proposal'>, a: Answer | undefined) {
  const { t } = ctx;
  const p: Partial<ProposalAnswer> = typeof a === 'object' && a !== null && !Array.isArray(a) ? (a as Partial<ProposalAnswer>) : {};
  const set = (patch: Partial<ProposalAnswer>) => {
    const next = { title: '', description: '', ...p, ...patch };
    if (!next.location) delete next.location;
    if (!next.category) delete next.category;
    ctx.set(q.id, next.title || next.description || next.location || next.category ? (next as ProposalAnswer) : undefined);
  };
  const err = (part: string) => ctx.error(`${q.id}.${part}`) ?? (part === 'title' ? ctx.error(q.id) : undefined);
  const base = qid(q.id);
  return html`<fieldset class="q" aria-describedby=${ifDefined(describedBy(base, q.help))}>
      <legend class="rd-label q__title" part="label">${q.title}</legend>
      ${hintLine(base, q.help, 'q__help')}
      ${textField({ t, id: `${base}-title`, label: t('survey.proposal.title'), hint: t('survey.proposal.titleHint'), value: p.title ?? '', required: true, maxlength: 200, error: err('title'), onInput: (v) => set({ title: v }) })}
      ${textField({ t, id: `${base}-description`, label: t('survey.proposal.description'), value: p.description ?? '', required: true, multiline: true, maxlength: q.descriptionMax ?? 3000, counter: true, error: err('description'), onInput: (v) => set({ description: v }) })}
      ${textField({ t, id: `${base}-location`, label: t('survey.proposal.location'), value: p.location ?? '', required: !!q.locationRequired, markOptional: !q.locationRequired, maxlength: 300, error: err('location'), onInput: (v) => set({ location: v }) })}
      ${q.categories ? selectField({ t, id: `${base}-category`, label: t('survey.proposal.category'), required: !!q.categoryRequired, placeholder: t('survey.proposal.choose'),
          options: q.categories.map((c) => ({ value: c.id, label: c.label })), value: p.category ?? '', error: err('category'), onChange: (v) => set({ category: v || undefined }) }) : nothing}
    </fieldset>`;
}

/** The message shown for a form path, from the errors on screen. */
export const errorAt = (shown: readonly ShownError[], path: string) => shown.find((e) => e.id === idFor(path))?.message;

/** A tier's name in the widget's language (the form, the review and the results view). */
export function tierLabel(t: T, tier: ResolvedTier): string {
  if (tier.labelKey === 'tier.stars') return t('survey.star', { n: tier.score });
  if (tier.labelKey) {
    const s = t(tier.labelKey);
    return s === tier.labelKey ? tier.label : s;
  }
  return tier.label;
}
