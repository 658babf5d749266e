#!/usr/bin/env python3
"""Draw a small political map, read its Inner Circle and best influence path, handle a refused edit.

Settings: INNERCIRCLE_URL, INNERCIRCLE_USER / INNERCIRCLE_PASSWORD or INNERCIRCLE_TOKEN (see ../README.md).
"""
import os
import secrets
import sys

import requests

URL = os.environ.get("INNERCIRCLE_URL", "http://localhost:8080").rstrip("/") + "/graphql"
DOCUMENT = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "graphql", "tour.graphql")).read()

session = requests.Session()
if os.environ.get("INNERCIRCLE_TOKEN"):
    session.headers["Authorization"] = "Bearer " + os.environ["INNERCIRCLE_TOKEN"]
else:
    session.auth = (os.environ.get("INNERCIRCLE_USER", "admin"), os.environ.get("INNERCIRCLE_PASSWORD", "admin"))


class Refused(Exception):
    """The server answered with GraphQL errors; the first one says why."""

    def __init__(self, error):
        super().__init__(error.get("message"))
        self.error = error


def run(operation, **variables):
    answer = session.post(URL, json={"query": DOCUMENT, "operationName": operation, "variables": variables},
                          timeout=60)
    answer.raise_for_status()
    body = answer.json()
    if body.get("errors"):
        raise Refused(body["errors"][0])
    return body["data"]


def main():
    account = "tour-" + secrets.token_hex(3)
    run("CreateAccount", key=account, name="Tour Industries")
    me = run("CreateTeamMember", account=account, key="me", name="Alex Rep")["createTeamMember"]["teamMember"]["id"]
    deal = run("CreateOpportunity", account=account, key="deal", name="Platform 2027")["createOpportunity"]["opportunity"]["id"]

    people = [  # key, name, title, manager key, rank
        ("ceo", "Dana Cole", "CEO", None, 5),
        ("cfo", "Ray Chen", "CFO", "ceo", 4),
        ("cio", "Kim Park", "CIO", "ceo", 4),
        ("pa", "Pat Ames", "Executive assistant", "ceo", 1),
        ("arch", "Lee Wu", "Architect", "cio", 2),
    ]
    ids = {}
    for key, name, title, manager, rank in people:
        person = {"account": account, "key": key, "name": name, "title": title, "rank": rank}
        if manager:
            person["reportsTo"] = ids[manager]
        ids[key] = run("CreateStakeholder", input=person)["createStakeholder"]["stakeholder"]["id"]

    for source, target, strength in [("pa", "ceo", 3), ("cfo", "ceo", 2), ("arch", "pa", 3),
                                     ("cio", "ceo", 1), ("arch", "cio", 2)]:
        run("SetInfluence", **{"from": ids[source], "to": ids[target], "strength": strength})
    run("SetInvolvement", opportunity=deal, stakeholder=ids["ceo"], roles=["DECISION_MAKER"], status="NON_SUPPORTER")
    run("SetInvolvement", opportunity=deal, stakeholder=ids["cfo"], roles=["APPROVER"], status="NEUTRAL")
    run("SetInvolvement", opportunity=deal, stakeholder=ids["arch"], roles=["EVALUATOR"], status="SUPPORTER")
    run("RecordContact", teamMember=me, stakeholder=ids["arch"], coverage="IN_DEPTH")
    run("SetInvolvement", opportunity=deal, stakeholder=ids["cio"], roles=["USER"], status="NEUTRAL")
    print(f"account {account}: {len(people)} people")

    candidates = run("InnerCircle", account=account)["innerCircle"]["candidates"]
    print("Inner Circle: " + ", ".join(f"{c['person']['name']} ({c['computedInfluence']:.2f})" for c in candidates))

    # From our ally (a supporter we know in depth) to the decision maker.
    paths = run("BestPath", **{"from": ids["arch"], "to": ids["ceo"], "opportunity": deal})["influencePaths"]
    if paths:
        best = paths[0]
        print("best path to Dana Cole: " + " -> ".join(p["name"] for p in best["people"])
              + f" (strength {best['strength']:.2f})")
    else:
        print("best path to Dana Cole: none")

    try:
        run("SetReportsTo", stakeholder=ids["ceo"], manager=ids["arch"])
        print("the cycle was accepted: this should not happen", file=sys.stderr)
        return 1
    except Refused as refused:
        extensions = refused.error.get("extensions", {})
        print(f"refused: {extensions.get('classification')} {extensions.get('field')}: {extensions.get('reason')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
