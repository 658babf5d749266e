#!/usr/bin/env bash
# Draw a small political map, read its Inner Circle and best influence path, handle a refused edit: curl and jq.
# Settings: INNERCIRCLE_URL, INNERCIRCLE_USER / INNERCIRCLE_PASSWORD or INNERCIRCLE_TOKEN (see ../README.md).
set -euo pipefail
url="${INNERCIRCLE_URL:-http://localhost:8080}/graphql"
document="$(cat "$(dirname "$0")/../graphql/tour.graphql")"
if [ -n "${INNERCIRCLE_TOKEN:-}" ]; then auth=(-H "Authorization: Bearer $INNERCIRCLE_TOKEN")
else auth=(-u "${INNERCIRCLE_USER:-admin}:${INNERCIRCLE_PASSWORD:-admin}"); fi

# run OPERATION VARIABLES-JSON: prints the whole answer ({"data":...} or {"errors":[...]}).
run() {
  jq -n --arg q "$document" --arg op "$1" --argjson v "$2" '{query: $q, operationName: $op, variables: $v}' |
    curl -sf "${auth[@]}" "$url" -H 'Content-Type: application/json' --data-binary @-
}
# ok OPERATION VARIABLES-JSON: like run, but stops the script when the server refuses.
ok() {
  local answer; answer="$(run "$1" "$2")"
  if jq -e '.errors' >/dev/null <<<"$answer"; then echo "$1 refused: $answer" >&2; exit 1; fi
  echo "$answer"
}

account="tour-$(head -c3 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ok CreateAccount "{\"key\":\"$account\",\"name\":\"Tour Industries\"}" >/dev/null
me="$(ok CreateTeamMember "{\"account\":\"$account\",\"key\":\"me\",\"name\":\"Alex Rep\"}" | jq -r '.data.createTeamMember.teamMember.id')"
deal="$(ok CreateOpportunity "{\"account\":\"$account\",\"key\":\"deal\",\"name\":\"Platform 2027\"}" | jq -r '.data.createOpportunity.opportunity.id')"

person() { # key name title manager-key rank
  jq -n --arg a "$account" --arg k "$1" --arg n "$2" --arg t "$3" --arg m "$4" --argjson r "$5" \
    '{input: ({account: $a, key: $k, name: $n, title: $t, rank: $r} + (if $m == "" then {} else {reportsTo: ($a + "/" + $m)} end))}'
}
ok CreateStakeholder "$(person ceo 'Dana Cole' CEO '' 5)" >/dev/null
ok CreateStakeholder "$(person cfo 'Ray Chen' CFO ceo 4)" >/dev/null
ok CreateStakeholder "$(person cio 'Kim Park' CIO ceo 4)" >/dev/null
ok CreateStakeholder "$(person pa 'Pat Ames' 'Executive assistant' ceo 1)" >/dev/null
ok CreateStakeholder "$(person arch 'Lee Wu' Architect cio 2)" >/dev/null

for line in "pa ceo 3" "cfo ceo 2" "arch pa 3" "cio ceo 1" "arch cio 2"; do
  set -- $line
  ok SetInfluence "{\"from\":\"$account/$1\",\"to\":\"$account/$2\",\"strength\":$3}" >/dev/null
done
involve() { ok SetInvolvement "{\"opportunity\":\"$deal\",\"stakeholder\":\"$account/$1\",\"roles\":[\"$2\"],\"status\":\"$3\"}" >/dev/null; }
involve ceo DECISION_MAKER NON_SUPPORTER
involve cfo APPROVER NEUTRAL
involve arch EVALUATOR SUPPORTER
ok RecordContact "{\"teamMember\":\"$me\",\"stakeholder\":\"$account/arch\",\"coverage\":\"IN_DEPTH\"}" >/dev/null
involve cio USER NEUTRAL
echo "account $account: 5 people"

two='def two: (. * 100 | round) as $c | "\($c / 100 | floor).\($c % 100 | tostring | if length < 2 then "0" + . else . end)";'
ok InnerCircle "{\"account\":\"$account\"}" |
  jq -r "$two"' "Inner Circle: " + ([.data.innerCircle.candidates[] | "\(.person.name) (\(.computedInfluence | two))"] | join(", "))'
# From our ally (a supporter we know in depth) to the decision maker.
ok BestPath "{\"from\":\"$account/arch\",\"to\":\"$account/ceo\",\"opportunity\":\"$deal\"}" |
  jq -r "$two"' .data.influencePaths[0] // null | "best path to Dana Cole: " + (if . == null then "none"
         else ([.people[].name] | join(" -> ")) + " (strength \(.strength | two))" end)'

answer="$(run SetReportsTo "{\"stakeholder\":\"$account/ceo\",\"manager\":\"$account/arch\"}")"
jq -e '.errors' >/dev/null <<<"$answer" || { echo "the cycle was accepted: this should not happen" >&2; exit 1; }
jq -r '.errors[0].extensions | "refused: \(.classification) \(.field): \(.reason)"' <<<"$answer"
