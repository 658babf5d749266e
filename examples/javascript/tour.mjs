// Draw a small political map, read its Inner Circle and best influence path, handle a refused edit.
// Node.js 18+ (built-in fetch). Settings: INNERCIRCLE_URL, INNERCIRCLE_USER / INNERCIRCLE_PASSWORD or
// INNERCIRCLE_TOKEN (see ../README.md).
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

const url = (process.env.INNERCIRCLE_URL ?? 'http://localhost:8080').replace(/\/$/, '') + '/graphql';
const document = readFileSync(new URL('../graphql/tour.graphql', import.meta.url), 'utf8');
const authorization = process.env.INNERCIRCLE_TOKEN
  ? `Bearer ${process.env.INNERCIRCLE_TOKEN}`
  : 'Basic ' + Buffer.from(`${process.env.INNERCIRCLE_USER ?? 'admin'}:${process.env.INNERCIRCLE_PASSWORD ?? 'admin'}`)
      .toString('base64');

class Refused extends Error {
  constructor(error) {
    super(error.message);
    this.extensions = error.extensions ?? {};
  }
}

async function run(operationName, variables) {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: authorization },
    body: JSON.stringify({ query: document, operationName, variables }),
  });
  if (!answer.ok) throw new Error(`HTTP ${answer.status} for ${operationName}`);
  const body = await answer.json();
  if (body.errors?.length) throw new Refused(body.errors[0]);
  return body.data;
}

const account = 'tour-' + randomBytes(3).toString('hex');
await run('CreateAccount', { key: account, name: 'Tour Industries' });
const me = (await run('CreateTeamMember', { account, key: 'me', name: 'Alex Rep' })).createTeamMember.teamMember.id;
const deal = (await run('CreateOpportunity', { account, key: 'deal', name: 'Platform 2027' })).createOpportunity.opportunity.id;

const people = [
  ['ceo', 'Dana Cole', 'CEO', null, 5],
  ['cfo', 'Ray Chen', 'CFO', 'ceo', 4],
  ['cio', 'Kim Park', 'CIO', 'ceo', 4],
  ['pa', 'Pat Ames', 'Executive assistant', 'ceo', 1],
  ['arch', 'Lee Wu', 'Architect', 'cio', 2],
];
const ids = {};
for (const [key, name, title, manager, rank] of people) {
  const input = { account, key, name, title, rank, ...(manager ? { reportsTo: ids[manager] } : {}) };
  ids[key] = (await run('CreateStakeholder', { input })).createStakeholder.stakeholder.id;
}
for (const [from, to, strength] of [['pa', 'ceo', 3], ['cfo', 'ceo', 2], ['arch', 'pa', 3], ['cio', 'ceo', 1], ['arch', 'cio', 2]]) {
  await run('SetInfluence', { from: ids[from], to: ids[to], strength });
}
await run('SetInvolvement', { opportunity: deal, stakeholder: ids.ceo, roles: ['DECISION_MAKER'], status: 'NON_SUPPORTER' });
await run('SetInvolvement', { opportunity: deal, stakeholder: ids.cfo, roles: ['APPROVER'], status: 'NEUTRAL' });
await run('SetInvolvement', { opportunity: deal, stakeholder: ids.arch, roles: ['EVALUATOR'], status: 'SUPPORTER' });
await run('RecordContact', { teamMember: me, stakeholder: ids.arch, coverage: 'IN_DEPTH' });
await run('SetInvolvement', { opportunity: deal, stakeholder: ids.cio, roles: ['USER'], status: 'NEUTRAL' });
console.log(`account ${account}: ${people.length} people`);

const { candidates } = (await run('InnerCircle', { account })).innerCircle;
console.log('Inner Circle: ' + candidates.map(c => `${c.person.name} (${c.computedInfluence.toFixed(2)})`).join(', '));

// From our ally (a supporter we know in depth) to the decision maker.
const [best] = (await run('BestPath', { from: ids.arch, to: ids.ceo, opportunity: deal })).influencePaths;
console.log('best path to Dana Cole: ' + (best
  ? `${best.people.map(p => p.name).join(' -> ')} (strength ${best.strength.toFixed(2)})`
  : 'none'));

try {
  await run('SetReportsTo', { stakeholder: ids.ceo, manager: ids.arch });
  console.error('the cycle was accepted: this should not happen');
  process.exit(1);
} catch (error) {
  if (!(error instanceof Refused)) throw error;
  const { classification, field, reason } = error.extensions;
  console.log(`refused: ${classification} ${field}: ${reason}`);
}
