// The review step of <rd-satisfaction-survey> (docs/domain.md#satisfaction-ratings): before a
// response is sent, the citizen sees every answer as text — tiers by their label, matrices row by
// row, ballots with their count (docs/domain.md#ballots) — with a "修改" button that goes back to the
// question, and who answers (code, role, name) for surveys with a start step. Plain functions
// returning Lit templates; sending is the element's form flow (docs/architecture.md#forms).
import { html, nothing, type TemplateResult } from 'lit';
import { consentBlock, errorLine, errorSummary, formActions, submitProblem, submitStatus, type ShownError, type T } from '../shared/form.js';
import type { FormController } from '../../controllers/form-controller.js';
import type { Answer, Answers, BallotAnswer, MultipleAnswer, ProposalAnswer, Question, Survey } from '../../services/schemas/survey.js';
import { ballotCandidates, ballotCount, matrixCell, matrixLayout, resolveScale, visibleQuestionIds } from '../../services/survey-logic.js';
import { isAnswered } from '../../services/survey-response.js';
import type { Respondent, Step } from '../../services/survey-form.js';
import { tierLabel } from './survey-question-view.js';
import { qid } from './survey-question-view.js';
import { progress } from './survey-steps-view.js';

export interface ReviewContext {
  t: T;
  survey: Survey;
  answers: Readonly<Answers>;
  /** The error shown for a question, if any. */
  error(path: string): string | undefined;
  /** "修改": back to a step, focusing an element there. */
  edit(step: Step, focusId: string): void;
}

/** Who answers, as given on the start step. */
export interface Who { code: string; role: string; respondent: Respondent }

export interface ReviewPageContext extends ReviewContext {
  /** The errors on screen (all the server's field errors are shown here). */
  shown: ShownError[];
  /** The form flow that sends the response (its `run` is the submit handler). */
  form: FormController<unknown>;
  /** Who answers, for surveys with a start step. */
  who?: Who;
  /** Identified surveys: the PIPL consent, its error once tried, the privacy notice's address. */
  consent: boolean;
  consentError?: string;
  privacyUrl?: string;
  onConsent(checked: boolean): void;
}

/** The review page: answers with "修改", who answers, consent, and "确认提交". */
export function renderReview(o: ReviewPageContext): TemplateResult {
  const { t, survey: s, form } = o;
  const errors = [...o.shown, ...(o.consentError ? [{ id: 'f-consent', message: o.consentError }] : [])];
  // A refusal that names fields is said at the fields; one that names none, in the summary.
  const extra = [submitProblem(t, form.submitter)].filter((m): m is string => !!m && !form.errors.serverErrors.length);
  return html`<form part="form" novalidate @submit=${form.run}>
      ${progress(t, s, o.answers, 'review', t('survey.reviewStep'))}
      <h3 tabindex="-1" data-step-heading>${t('survey.review.title')}</h3>
      <p class="q__help">${t('survey.review.hint')}</p>
      ${errorSummary(t, errors, extra)}
      ${submitStatus(t, form.submitter)}
      ${o.who ? reviewRespondent(o, o.who) : nothing}
      ${reviewAnswers(o)}
      ${s.anonymity === 'identified' ? consentBlock({ t, id: 'f-consent', checked: o.consent, error: o.consentError, privacyUrl: o.privacyUrl, onChange: o.onConsent }) : nothing}
      <div class="rd-actions">${formActions(t, form, 'f-website', t('survey.submit'))}</div>
    </form>`;
}

const editButton = (ctx: ReviewContext, label: string, target: Step, focusId: string) => html`<button type="button" class="rd-button rd-button--link"
      aria-label=${ctx.t('survey.review.editLabel', { question: label })} @click=${() => ctx.edit(target, focusId)}>${ctx.t('survey.review.edit')}</button>`;

/** The start step's answers (code, role, name …) with "修改". */
export function reviewRespondent(ctx: ReviewContext, who: Who): TemplateResult {
  const { t, survey: s } = ctx;
  const r = s.roles.find((x) => (typeof x === 'string' ? x : x.id) === who.role);
  const roleLabel = r === undefined ? who.role : typeof r === 'string' ? t(`survey.role.${r}`) : r.label;
  const p = who.respondent;
  return html`<div class="review">
        <div class="review__row"><div>
          <h4>${t('survey.review.respondent')}</h4>
          <dl>
            ${s.access === 'code' ? html`<dt>${t('survey.review.code')}</dt><dd>${who.code}</dd>` : nothing}
            <dt>${t('survey.review.role')}</dt><dd>${roleLabel}</dd>
            ${s.anonymity === 'identified' ? html`<dt>${t('survey.respondent.name')}</dt><dd>${p.name}</dd>
              ${p.unit ? html`<dt>${t('survey.respondent.unit')}</dt><dd>${p.unit}</dd>` : nothing}
              ${p.phone ? html`<dt>${t('survey.respondent.phone')}</dt><dd>${p.phone}</dd>` : nothing}` : nothing}
          </dl>
        </div>${editButton(ctx, t('survey.review.respondent'), 'start', s.access === 'code' ? 'f-code' : s.anonymity === 'identified' ? 'f-name' : 'f-role')}</div>
      </div>`;
}

/** Every question shown to the citizen, with the answer as text, its error and "修改". */
export function reviewAnswers(ctx: ReviewContext): TemplateResult {
  const { t, survey: s } = ctx;
  const visible = visibleQuestionIds(s, ctx.answers);
  return html`<dl class="review">
        ${s.pages.flatMap((p, pi) => p.questions.filter((q) => visible.has(q.id)).map((q) => html`<div class="review__item">
          <dt>${q.title}</dt>
          <dd class="review__row"><div>${answerText(t, s, q, ctx.answers[q.id])}
            ${errorLine(t, `${qid(q.id)}-review`, ctx.error(q.id))}</div>
          ${editButton(ctx, q.title, pi, q.type === 'proposal' ? `${qid(q.id)}-title` : qid(q.id))}</dd>
        </div>`))}
      </dl>`;
}

/** One answer as the citizen reads it back. */
export function answerText(t: T, s: Survey, q: Question, a: Answer | undefined): TemplateResult | string {
  if (!isAnswered(q, a) || a === undefined) return html`<span class="muted">${t('survey.review.unanswered')}</span>`;
  switch (q.type) {
    case 'satisfaction':
      return scaleText(t, q.scale, a as string | number);
    case 'matrix': {
      const cell = (v: string | number | undefined) => (v === undefined ? t('survey.review.unanswered') : scaleText(t, q.scale, v));
      return html`<ul>${matrixLayout(s, q).map((g) => (g.subject
        ? html`<li>${g.subject.name}：${g.rows.map((r) => `${r.label} ${cell(matrixCell(a, r.path))}`).join('，')}</li>`
        : g.rows.map((r) => html`<li>${r.label}：${cell(matrixCell(a, r.path))}</li>`)))}</ul>`;
    }
    case 'single':
      if (typeof a === 'string') return q.options.find((o) => o.id === a)?.label ?? a;
      return `${t('survey.other')}：${(a as { other: string }).other.trim()}`;
    case 'multiple': {
      const m = a as MultipleAnswer;
      return [...q.options.filter((o) => m.selected.includes(o.id)).map((o) => o.label), ...(m.other?.trim() ? [t('common.labelValue', { label: t('survey.other'), value: m.other.trim() })] : [])].join(t('common.listSep'));
    }
    case 'ranking':
      return html`<ol>${(a as string[]).map((id) => html`<li>${q.options.find((o) => o.id === id)?.label ?? id}</li>`)}</ol>`;
    case 'ballot': {
      const b = a as BallotAnswer;
      const names = ballotCandidates(s, q).filter((c) => b.selected.includes(c.id)).map((c) => c.name);
      const w = (b.writeIns ?? []).filter((x) => x.trim());
      return html`<p>${t('survey.ballot.counter', { n: ballotCount(b), max: q.max })}</p><ul>${names.map((x) => html`<li>${x}</li>`)}${w.map((x) => html`<li>${t('survey.ballot.writeIn')}：${x}</li>`)}</ul>`;
    }
    case 'proposal': {
      const p = a as ProposalAnswer;
      const cat = q.categories?.find((c) => c.id === p.category)?.label;
      return html`<dl>
          <dt>${t('survey.proposal.title')}</dt><dd>${p.title}</dd>
          <dt>${t('survey.proposal.description')}</dt><dd>${p.description}</dd>
          ${p.location ? html`<dt>${t('survey.proposal.location')}</dt><dd>${p.location}</dd>` : nothing}
          ${cat ? html`<dt>${t('survey.proposal.category')}</dt><dd>${cat}</dd>` : nothing}
        </dl>`;
    }
    default:
      return String(a);
  }
}

/** A scale value as text: a score as the number, a tier by its label. */
function scaleText(t: T, spec: Parameters<typeof resolveScale>[0], v: string | number): string {
  const sc = resolveScale(spec);
  if (sc.kind === 'score') return String(v);
  const tier = sc.tiers.find((x) => x.value === v);
  return tier ? tierLabel(t, tier) : String(v);
}
