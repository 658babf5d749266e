// Module 2: the decision tree's questions, its advice with the path in words, the rep's choice and its reason.
import { gql } from './api.js';
import { escapeHtml, words } from './vocabulary.js';
import { bdi, change, optionList, readOnly } from './workspace-kit.js';

const STRATEGY = `query Strategy($o: ID!) {
  opportunity(id: $o) {
    strategyAdvice {
      recommended description provisional summary
      path { step question answer basis outcome }
      questions { canCreateCompellingEvent threeToOneAdvantage canChangeBuyingCriteria profitableSubset positionToProtect }
    }
    strategyChoice { strategy rationale chosenOn recommended followedAdvice
      shift { material recommendedThen recommendedNow changedCriteria reasons } }
    strategyHistory { strategy rationale chosenOn recommended followedAdvice }
  }
}`;

const ANSWER = `mutation Answer($input: StrategyQuestionsInput!) { answerStrategyQuestions(input: $input) { opportunity { id } } }`;
const CHOOSE = `mutation Choose($input: ChooseStrategyInput!) { chooseStrategy(input: $input) { opportunity { id } } }`;

export const STRATEGIES = ['FRONTAL', 'FLANKING', 'FRAGMENT', 'DEFEND', 'DEVELOP', 'DISENGAGE'];

const QUESTIONS = [
  ['canCreateCompellingEvent', 'Step 1: no compelling event yet, but can you create one?'],
  ['threeToOneAdvantage', 'Step 2: do you have a 3:1 advantage?'],
  ['canChangeBuyingCriteria', 'Step 3: can you change or expand the buying criteria?'],
  ['profitableSubset', 'Step 4: is there a profitable subset you can win?'],
  ['positionToProtect', 'Step 5: do you have a position in the account to protect?'],
];

export async function renderStrategy(el, ctx) {
  const o = (await gql(STRATEGY, { o: ctx.opportunityId })).opportunity;
  const advice = o.strategyAdvice;
  const choice = o.strategyChoice;
  el.innerHTML = `<h2>Competitive strategy</h2>
    <div class="card">
      <p id="strategy-advice">The tree recommends <b>${words(advice.recommended)}</b>${advice.provisional ? ' (provisional: an unknown answer was taken as no)' : ''}.</p>
      <p class="small">${escapeHtml(advice.description)}</p>
      <ol id="strategy-path" class="small">${advice.path.map(s => `<li value="${s.step}">${escapeHtml(s.question)}
        <b>${words(s.answer)}</b> <span class="muted">(${escapeHtml(s.basis)})</span> → ${escapeHtml(s.outcome)}</li>`).join('')}</ol>
      <p class="muted small">${escapeHtml(advice.summary)}</p>
    </div>
    ${choice ? `<div id="strategy-choice" class="card">Chosen: <b>${words(choice.strategy)}</b> on ${choice.chosenOn}
      ${choice.followedAdvice ? '(the tree’s advice)' : `(the tree said ${words(choice.recommended)})`}
      <p>${bdi(choice.rationale)}</p>
      ${choice.shift?.material ? `<p id="strategy-shift" class="warning">The assessment has shifted since:
        ${choice.shift.reasons.map(bdi).join('; ')}. Review the strategy.</p>` : ''}</div>`
      : '<p id="strategy-choice" class="muted">No strategy chosen yet.</p>'}
    <form id="strategy-questions" data-edit>
      <h3>Questions the assessment cannot answer</h3>
      ${QUESTIONS.map(([name, text]) => `<label>${escapeHtml(text)} <select name="${name}">
        ${optionList(['YES', 'NO', 'UNKNOWN'], advice.questions[name], words)}</select></label>`).join('')}
      <button type="submit">Save answers</button>
    </form>
    <form id="choose-strategy" data-edit>
      <h3>Choose the strategy</h3>
      <label>Strategy <select name="strategy">${optionList(STRATEGIES, choice?.strategy || advice.recommended, words)}</select></label>
      <label>Why <textarea name="rationale" required rows="2"></textarea></label>
      <button type="submit">Choose</button>
    </form>
    ${o.strategyHistory.length > 1 ? `<h3>Earlier choices</h3><ul class="small">${o.strategyHistory.slice(1).map(h =>
      `<li>${h.chosenOn}: ${words(h.strategy)} — ${bdi(h.rationale)}</li>`).join('')}</ul>` : ''}`;
  el.querySelector('#strategy-questions').addEventListener('submit', event => {
    event.preventDefault();
    const f = new FormData(event.target);
    const input = { opportunity: ctx.opportunityId };
    QUESTIONS.forEach(([name]) => { input[name] = f.get(name); });
    change(ctx, ANSWER, { input }, 'Answers saved');
  });
  el.querySelector('#choose-strategy').addEventListener('submit', event => {
    event.preventDefault();
    const f = new FormData(event.target);
    change(ctx, CHOOSE, { input: { opportunity: ctx.opportunityId, strategy: f.get('strategy'), rationale: f.get('rationale') } },
      `${words(f.get('strategy'))} chosen`);
  });
  readOnly(el, ctx.canEdit);
}
