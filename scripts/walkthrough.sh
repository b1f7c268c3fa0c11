#!/usr/bin/env bash
# The README's walk-through as a script: one strategic case from NEED to AWARDED against a running
# service, with curl for the calls and node for the JSON (no jq). It fails on the first answer that
# is not a success, and prints how many calls the whole case took.
#
#   scripts/walkthrough.sh <base URL> <admin token>       e.g. scripts/walkthrough.sh http://localhost:3000 sev_…
set -euo pipefail

BASE="${1:?usage: scripts/walkthrough.sh <base URL> <admin token>}"
ADMIN="${2:?usage: scripts/walkthrough.sh <base URL> <admin token>}"
API="$BASE/api/v1"
# calls run in command substitutions (subshells): each one leaves a line here, counted at the end
COUNTER=$(mktemp)
trap 'rm -f "$COUNTER"' EXIT
RUN="$(date +%s)$$"

# call METHOD PATH TOKEN [BODY [CONTENT-TYPE]]: the answer's body on stdout; any status ≥ 300 stops the script
call() {
  local method=$1 path=$2 token=$3 body=${4:-} type=${5:-application/json} out status
  echo "$method $path" >>"$COUNTER"
  out=$(mktemp)
  if [ -n "$body" ]; then
    status=$(curl -s -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token" -H "Content-Type: $type" --data-binary "$body" "$API$path")
  else
    status=$(curl -s -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token" "$API$path")
  fi
  if [ "$status" -ge 300 ]; then
    echo "walkthrough: $method $path answered $status: $(cat "$out")" >&2
    rm -f "$out"
    exit 1
  fi
  cat "$out"
  rm -f "$out"
}

# json EXPRESSION: evaluates a JavaScript expression on the JSON read from stdin (`j`)
json() {
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { const j = JSON.parse(s); const v = eval(process.argv[1]); process.stdout.write(typeof v === "string" ? v : JSON.stringify(v)); });' "$1"
}

# person NAME ORG-ROLES: a user with a first token in the same answer (POST /users withToken); prints "id token"
person() {
  local email
  email="$(echo "$1" | tr 'A-Z ' 'a-z.').$RUN@example.com"
  call POST /users "$ADMIN" "{\"name\":\"$1\",\"email\":\"$email\",\"orgRole\":\"member\",\"orgRoles\":$2,\"withToken\":true}" | json 'j.id + " " + j.token.token'
}

read -r INITIATOR_ID INITIATOR <<<"$(person 'Iris Initiator' '["procurement"]')"
read -r PRESCRIBER_ID PRESCRIBER <<<"$(person 'Pablo Prescriber' '[]')"
read -r BUYER_ID BUYER <<<"$(person 'Bea Buyer' '["procurement"]')"
read -r EVALUATOR_ID EVALUATOR <<<"$(person 'Eva Evaluator' '[]')"
read -r GATEKEEPER_ID GATEKEEPER <<<"$(person 'Gus Gatekeeper' '[]')"
read -r DECIDER_ID DECIDER <<<"$(person 'Dora Decider' '[]')"
read -r APPROVER_ID APPROVER <<<"$(person 'Alma Approver' '["approver"]')"

# NEED: the initiator opens the case and names the buying center in one call
CASE=$(call POST /cases "$INITIATOR" '{"title":"Industrial compressors","businessNeed":"Replace two end-of-life compressors","quantity":2,"unit":"pcs","estimatedBudget":"8500.00","currency":"EUR","neededBy":"2027-03-31","category":"compressors","purchaseType":"new_task","profitImpact":4,"supplyRisk":4}' | json j.id)
call POST "/cases/$CASE/members" "$INITIATOR" "{\"members\":[
  {\"userId\":\"$PRESCRIBER_ID\",\"roles\":[\"prescriber\"]},{\"userId\":\"$BUYER_ID\",\"roles\":[\"buyer\"]},
  {\"userId\":\"$EVALUATOR_ID\",\"roles\":[\"evaluator\"]},{\"userId\":\"$GATEKEEPER_ID\",\"roles\":[\"gatekeeper\"]},
  {\"userId\":\"$DECIDER_ID\",\"roles\":[\"decider\"]},{\"userId\":\"$APPROVER_ID\",\"roles\":[\"approver\"]}]}" >/dev/null
# those who score, propose and sign declare their conflicts of interest first (none here)
for who in "$EVALUATOR" "$DECIDER" "$APPROVER"; do call POST "/cases/$CASE/declarations" "$who" '{"conflict":false}' >/dev/null; done
call POST "/cases/$CASE/transitions" "$INITIATOR" '{"to":"SPECIFICATION"}' >/dev/null

# SPECIFICATION: one requirement, price, lead time and an evaluator-scored quality criterion
SPEC=$(call PUT "/cases/$CASE/specification" "$PRESCRIBER" '{"description":"Two screw compressors, 15 kW",
  "requirements":[{"text":"ISO 9001 certified","type":"certification","value":"ISO 9001"}],
  "criteria":[{"name":"Total cost","kind":"price","direction":"lower_is_better","source":"offer.price","normalization":"ratio","weight":50},
              {"name":"Lead time","kind":"delivery","direction":"lower_is_better","source":"offer.leadTimeDays","normalization":"minmax","weight":20},
              {"name":"Build quality","kind":"quality","direction":"higher_is_better","source":"evaluator","normalization":"scale","weight":30}]}')
REQUIREMENT=$(echo "$SPEC" | json 'j.requirements[0].id')
QUALITY=$(echo "$SPEC" | json 'j.criteria.find((c) => c.name === "Build quality").id')
call POST "/cases/$CASE/transitions" "$PRESCRIBER" '{"to":"SHORTLISTING"}' >/dev/null

# the registry in bulk: three suppliers in one CSV, and their delivery history in another
TAX=$(node -e 'process.stdout.write(Date.now().toString(36).toUpperCase())')
SUPPLIERS=$(call POST /suppliers/import "$ADMIN" "legalName,taxId,country,categories,certifications,financialRisk
Atlas Kompressoren GmbH,DE${TAX}1,DE,compressors,ISO 9001:2024-01-01:2099-12-31,0.1
Boreal Air SA,FR${TAX}2,FR,compressors,ISO 9001:2024-01-01:2099-12-31,0.2
Cumulus Pneumatics Ltd,GB${TAX}3,GB,compressors,ISO 9001:2024-01-01:2099-12-31,0.3
" text/csv)
read -r ATLAS BOREAL CUMULUS <<<"$(echo "$SUPPLIERS" | json 'j.rows.map((r) => r.supplierId).join(" ")')"
call POST /suppliers/performance/import "$ADMIN" "taxId,country,type,date,onTime,inFull,severity,description
DE${TAX}1,DE,delivery,2026-01-15,true,true,,
DE${TAX}1,DE,delivery,2026-03-15,true,true,,
FR${TAX}2,FR,delivery,2026-02-10,false,true,,
FR${TAX}2,FR,incident,2026-02-12,,,minor,Scratched housing
GB${TAX}3,GB,delivery,2026-04-01,true,false,,
" text/csv >/dev/null

# SHORTLISTING: three suppliers (a new task's minimum), the gatekeeper approves
for s in "$ATLAS" "$BOREAL" "$CUMULUS"; do call POST "/cases/$CASE/shortlist" "$BUYER" "{\"supplierId\":\"$s\"}" >/dev/null; done
call POST "/cases/$CASE/shortlist/approval" "$GATEKEEPER" '{}' >/dev/null
call POST "/cases/$CASE/transitions" "$BUYER" '{"to":"NEGOTIATION"}' >/dev/null

# NEGOTIATION: one round, the buyer records the three offers, closes the round
DEADLINE=$(node -e 'process.stdout.write(new Date(Date.now() + 3600e3).toISOString())')
call POST "/cases/$CASE/rounds" "$BUYER" "{\"deadline\":\"$DEADLINE\"}" >/dev/null
offer() {
  call POST "/cases/$CASE/rounds/1/offers" "$BUYER" "{\"supplierId\":\"$1\",\"totalPrice\":\"$2\",\"currency\":\"EUR\",\"leadTimeDays\":$3,
    \"warrantyMonths\":24,\"paymentDays\":30,\"validUntil\":\"2099-12-31\",\"compliance\":[{\"requirementId\":\"$REQUIREMENT\",\"met\":true}],\"values\":[]}" >/dev/null
}
offer "$ATLAS" 8200.00 20
offer "$BOREAL" 7900.50 25
offer "$CUMULUS" 8650.00 14
call POST "/cases/$CASE/rounds/1/close" "$BUYER" '{}' >/dev/null
call POST "/cases/$CASE/transitions" "$BUYER" '{"to":"DECISION"}' >/dev/null

# DECISION: the evaluator scores build quality, the decider proposes the top of the matrix
call PUT "/cases/$CASE/scores" "$EVALUATOR" "{\"scores\":[{\"supplierId\":\"$ATLAS\",\"criterionId\":\"$QUALITY\",\"score\":8},
  {\"supplierId\":\"$BOREAL\",\"criterionId\":\"$QUALITY\",\"score\":6},{\"supplierId\":\"$CUMULUS\",\"criterionId\":\"$QUALITY\",\"score\":7}]}" >/dev/null
MATRIX=$(call GET "/cases/$CASE/matrix" "$DECIDER")
[ "$(echo "$MATRIX" | json 'j.provisional')" = "false" ] || { echo "walkthrough: the matrix is still provisional: $(echo "$MATRIX" | json j.warnings)" >&2; exit 1; }
WINNER=$(echo "$MATRIX" | json 'j.ranking[0].supplierId')
call POST "/cases/$CASE/decision" "$DECIDER" "{\"supplierId\":\"$WINNER\",\"justification\":\"Best weighted total: a compliant offer with good quality marks and a reliable delivery record.\"}" >/dev/null
call POST "/cases/$CASE/transitions" "$DECIDER" '{"to":"APPROVAL"}' >/dev/null

# APPROVAL: below 10,000 EUR one approval awards the case
call POST "/cases/$CASE/approvals" "$APPROVER" '{"verdict":"approve"}' >/dev/null
STAGE=$(call GET "/cases/$CASE" "$APPROVER" | json j.stage)
[ "$STAGE" = "AWARDED" ] || { echo "walkthrough: the case ended in $STAGE, not AWARDED" >&2; exit 1; }

CALLS=$(wc -l <"$COUNTER" | tr -d ' ')
echo "walkthrough: case $CASE AWARDED to $WINNER in $CALLS calls (7 users with their tokens, 3 suppliers and their performance history in bulk)"
