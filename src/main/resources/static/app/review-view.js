// Module 6: reviewers (coach, manager) challenge the plan and recommend; the presenters answer.
import { gql } from './api.js';
import { escapeHtml, words } from './vocabulary.js';
import { bdi, change } from './workspace-kit.js';

const REVIEWS = `query Reviews($o: ID!) { plan(opportunity: $o) { reviews { id reviewer kind text raisedOn answer presenter answeredOn } } }`;
const ADD = `mutation Review($input: ReviewCommentInput!) { addReviewComment(input: $input) { comment { id } } }`;
const ANSWER = `mutation Answer($input: ReviewAnswerInput!) { answerReviewComment(input: $input) { comment { id } } }`;

export async function renderReview(el, ctx) {
  const reviews = (await gql(REVIEWS, { o: ctx.opportunityId })).plan.reviews;
  el.innerHTML = `<h2>Plan review</h2>
    <p class="muted small">Presenters present and clarify; reviewers listen, ask, then challenge and recommend; presenters answer.</p>
    <ul id="reviews">${reviews.map(r => `<li class="review card" data-id="${escapeHtml(r.id)}">
      <b>${words(r.kind)}</b> by ${bdi(r.reviewer)}, ${r.raisedOn}<p>${bdi(r.text)}</p>
      ${r.answer ? `<p class="answer">Answer by ${bdi(r.presenter)}, ${r.answeredOn}: ${bdi(r.answer)}</p>`
        : ctx.canEdit ? `<form class="answer-form inline"><input name="answer" required placeholder="the presenters' answer">
          <button type="submit">Answer</button></form>` : '<p class="muted">Not answered yet.</p>'}
    </li>`).join('') || '<li class="muted">No challenge or recommendation yet.</li>'}</ul>
    ${ctx.canReview ? `<form id="add-review" data-review>
      <label>Kind <select name="kind"><option value="CHALLENGE">Challenge</option><option value="RECOMMENDATION">Recommendation</option></select></label>
      <label>Comment <textarea name="text" required rows="2"></textarea></label>
      <button type="submit">Add to the review</button></form>` : ''}`;
  el.querySelector('#add-review')?.addEventListener('submit', event => {
    event.preventDefault();
    const f = new FormData(event.target);
    change(ctx, ADD, { input: { opportunity: ctx.opportunityId, reviewer: ctx.user.name, kind: f.get('kind'), text: f.get('text') } },
      'Review comment added');
  });
  el.querySelectorAll('form.answer-form').forEach(form => form.addEventListener('submit', event => {
    event.preventDefault();
    const id = form.closest('li').dataset.id;
    change(ctx, ANSWER, { input: { id, presenter: ctx.user.name, answer: new FormData(form).get('answer') } }, 'Answer recorded');
  }));
}
