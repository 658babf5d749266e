package io.innercircle.bundle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.innercircle.bundle.internal.BundleProblem.Code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of map-bundle-v1.md that JSON Schema cannot express: unique keys, references that resolve, a
 * reporting forest, no self-loops or duplicate lines, one role and one status entry per person per
 * opportunity, each criterion assessed once. Two more follow from the graph model: a tactic's owner is one of
 * our team, and a team member has at most one contact entry per stakeholder (a contact is identified by that
 * pair, so a second one could not be stored).
 *
 * <p>Runs on the raw JSON tree even when the schema has already failed, so that one response lists every
 * problem. Anything of the wrong shape is skipped here: the schema reports it, and reporting it twice would
 * only add noise.
 */
final class BundleRules {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final JsonNode root;
    private final List<BundleProblem> problems = new ArrayList<>();

    BundleRules(JsonNode root) {
        this.root = root;
    }

    List<BundleProblem> check() {
        if (root == null || !root.isObject()) {
            return problems;
        }
        Map<String, Integer> team = keys("team", "team members");
        Map<String, Integer> competitors = keys("competitors", "competitors");
        Map<String, Integer> stakeholders = keys("stakeholders", "stakeholders");
        keys("opportunities", "opportunities");
        reportingLines(stakeholders);
        influences(stakeholders);
        conflicts(stakeholders);
        contacts(team, stakeholders);
        opportunities(team, competitors, stakeholders);
        return problems;
    }

    /** Rule 1: each key once per array. Returns each key with the index of its first entry. */
    private Map<String, Integer> keys(String array, String what) {
        Map<String, Integer> first = new HashMap<>();
        List<JsonNode> items = items(root, array);
        for (int i = 0; i < items.size(); i++) {
            String key = text(items.get(i), "key");
            if (key == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(key, i);
            if (earlier != null) {
                problem("/" + array + "/" + i + "/key", Code.DUPLICATE_KEY,
                        "the key '" + key + "' is already used by /" + array + "/"
                        + earlier + "; keys must be unique among " + what);
            }
        }
        return first;
    }

    /** Rules 2 and 3 for the formal lines: managers exist, nobody is their own manager, no circles. */
    private void reportingLines(Map<String, Integer> stakeholders) {
        List<JsonNode> people = items(root, "stakeholders");
        Map<String, String> managerOf = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            String at = "/stakeholders/" + i + "/reportsTo";
            String key = text(people.get(i), "key");
            String manager = reference(people.get(i), "reportsTo", at, stakeholders, "stakeholder");
            if (key == null || manager == null) {
                continue;
            }
            if (manager.equals(key)) {
                problem(at, Code.SELF_REFERENCE, "'" + key + "' cannot report to themselves");
            } else if (stakeholders.get(key) == i) {
                // Only the first entry of a duplicated key takes part; the duplicate is reported already.
                managerOf.put(key, manager);
            }
        }
        // Each person has at most one manager, so following managers from anyone either ends at a top person
        // or runs into a circle; every circle is found once and reported at its first member in the bundle.
        Map<String, Integer> state = new HashMap<>();
        for (String start : managerOf.keySet()) {
            List<String> path = new ArrayList<>();
            String current = start;
            while (current != null && !state.containsKey(current)) {
                state.put(current, 1);
                path.add(current);
                current = managerOf.get(current);
            }
            if (current != null && state.get(current) == 1) {
                List<String> circle = path.subList(path.indexOf(current), path.size());
                String firstInBundle = circle.stream().min((a, b) -> stakeholders.get(a) - stakeholders.get(b))
                        .orElseThrow();
                int from = circle.indexOf(firstInBundle);
                StringBuilder text = new StringBuilder("the reporting lines go round in a circle: ");
                for (int k = 0; k <= circle.size(); k++) {
                    String who = circle.get((from + k) % circle.size());
                    text.append(k == 0 ? "'" + who + "'" : " reports to '" + who + "'");
                    if (k > 0 && k < circle.size()) {
                        text.append(", who");
                    }
                }
                problem("/stakeholders/" + stakeholders.get(firstInBundle) + "/reportsTo", Code.REPORTING_CYCLE,
                        text.toString());
            }
            path.forEach(p -> state.put(p, 2));
        }
    }

    /** Rules 2 and 4 for influence lines. */
    private void influences(Map<String, Integer> stakeholders) {
        Map<String, Integer> seen = new HashMap<>();
        List<JsonNode> lines = items(root, "influences");
        for (int i = 0; i < lines.size(); i++) {
            String at = "/influences/" + i;
            JsonNode line = lines.get(i);
            String from = reference(line, "from", at + "/from", stakeholders, "stakeholder");
            String to = reference(line, "to", at + "/to", stakeholders, "stakeholder");
            String rawFrom = key(line, "from");
            if (rawFrom != null && rawFrom.equals(key(line, "to"))) {
                problem(at + "/to", Code.SELF_REFERENCE,
                        "an influence line must join two different people; this one goes from '"
                        + rawFrom + "' to '" + rawFrom + "'");
                continue;
            }
            if (from != null && to != null) {
                Integer earlier = seen.putIfAbsent(from + "\u0000" + to, i);
                if (earlier != null) {
                    problem(at, Code.DUPLICATE_ITEM, "the influence line from '" + from + "' to '" + to
                            + "' is already given at /influences/" + earlier);
                }
            }
        }
    }

    /** Rules 2 and 4 for conflicts; a conflict has no direction, so [a, b] and [b, a] are the same one. */
    private void conflicts(Map<String, Integer> stakeholders) {
        Map<String, Integer> seen = new HashMap<>();
        List<JsonNode> lines = items(root, "conflicts");
        for (int i = 0; i < lines.size(); i++) {
            String at = "/conflicts/" + i;
            JsonNode between = lines.get(i).get("between");
            if (between == null || !between.isArray() || between.size() != 2) {
                continue;
            }
            String a = reference(between, 0, at + "/between/0", stakeholders);
            String b = reference(between, 1, at + "/between/1", stakeholders);
            String rawA = keyAt(between, 0);
            if (rawA != null && rawA.equals(keyAt(between, 1))) {
                problem(at + "/between", Code.SELF_REFERENCE,
                        "a conflict must be between two different people; both sides are '"
                        + rawA + "'");
                continue;
            }
            if (a != null && b != null) {
                String pair = a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
                Integer earlier = seen.putIfAbsent(pair, i);
                if (earlier != null) {
                    problem(at, Code.DUPLICATE_ITEM,
                            "the conflict between '" + a + "' and '" + b + "' is already given at /conflicts/"
                            + earlier);
                }
            }
        }
    }

    /** Rule 2 for contacts, and one contact per team member and stakeholder. */
    private void contacts(Map<String, Integer> team, Map<String, Integer> stakeholders) {
        Map<String, Integer> seen = new HashMap<>();
        List<JsonNode> contacts = items(root, "contacts");
        for (int i = 0; i < contacts.size(); i++) {
            String at = "/contacts/" + i;
            String member = reference(contacts.get(i), "teamMember", at + "/teamMember", team, "team member");
            String person = reference(contacts.get(i), "stakeholder", at + "/stakeholder", stakeholders,
                    "stakeholder");
            if (member != null && person != null) {
                Integer earlier = seen.putIfAbsent(member + "\u0000" + person, i);
                if (earlier != null) {
                    problem(at, Code.DUPLICATE_ITEM,
                            "the contact of '" + member + "' with '" + person + "' is already given at /contacts/"
                            + earlier + "; merge the two into one entry");
                }
            }
        }
    }

    /**
     * Rules 2, 5 and 6 inside each opportunity, tactic and relationship plan owners on our team, the people
     * tactics are aimed at and relationship plans are for in the bundle (a plan once per person).
     */
    private void opportunities(Map<String, Integer> team, Map<String, Integer> competitors,
                               Map<String, Integer> stakeholders) {
        List<JsonNode> opportunities = items(root, "opportunities");
        for (int o = 0; o < opportunities.size(); o++) {
            String at = "/opportunities/" + o;
            JsonNode opportunity = opportunities.get(o);
            reference(opportunity, "competitor", at + "/competitor", competitors, "competitor");
            oncePerStakeholder(opportunity, at, "roles", "buying roles", stakeholders);
            oncePerStakeholder(opportunity, at, "status", "a status", stakeholders);
            oncePerStakeholder(opportunity, at, "positions", "a position", stakeholders);
            oncePerStakeholder(opportunity, at, "relationshipPlans", "a relationship plan", stakeholders);
            List<JsonNode> plans = items(opportunity, "relationshipPlans");
            for (int r = 0; r < plans.size(); r++) {
                reference(plans.get(r), "owner", at + "/relationshipPlans/" + r + "/owner", team, "team member");
            }

            Map<Integer, Integer> criteria = new HashMap<>();
            List<JsonNode> ratings = items(opportunity, "assessment");
            for (int r = 0; r < ratings.size(); r++) {
                JsonNode criterion = ratings.get(r).get("criterion");
                if (criterion == null || !criterion.canConvertToExactIntegral() || !criterion.canConvertToInt()) {
                    continue;
                }
                Integer earlier = criteria.putIfAbsent(criterion.intValue(), r);
                if (earlier != null) {
                    problem(at + "/assessment/" + r + "/criterion", Code.DUPLICATE_ITEM,
                            "criterion " + criterion.intValue()
                            + " is already assessed at " + at + "/assessment/" + earlier);
                }
            }

            List<JsonNode> tactics = items(opportunity, "tactics");
            for (int t = 0; t < tactics.size(); t++) {
                reference(tactics.get(t), "owner", at + "/tactics/" + t + "/owner", team, "team member");
                JsonNode targets = tactics.get(t).get("targets");
                for (int i = 0; targets != null && targets.isArray() && i < targets.size(); i++) {
                    reference(targets, i, at + "/tactics/" + t + "/targets/" + i, stakeholders);
                }
            }
        }
    }

    private void oncePerStakeholder(JsonNode opportunity, String at, String array, String what,
                                    Map<String, Integer> stakeholders) {
        Map<String, Integer> seen = new HashMap<>();
        List<JsonNode> entries = items(opportunity, array);
        for (int i = 0; i < entries.size(); i++) {
            String here = at + "/" + array + "/" + i + "/stakeholder";
            String person = reference(entries.get(i), "stakeholder", here, stakeholders, "stakeholder");
            if (person == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(person, i);
            if (earlier != null) {
                problem(here, Code.DUPLICATE_ITEM,
                        "'" + person + "' is given " + what + " twice in this opportunity (first at " + at
                        + "/" + array + "/" + earlier + ")");
            }
        }
    }

    /**
     * The key a field refers to when it names an existing entry; null when absent, malformed (the schema says
     * so) or dangling (reported here).
     */
    private String reference(JsonNode node, String field, String at, Map<String, Integer> keys, String what) {
        String key = key(node, field);
        return resolve(key, at, keys, what);
    }

    private String reference(JsonNode array, int index, String at, Map<String, Integer> keys) {
        return resolve(keyAt(array, index), at, keys, "stakeholder");
    }

    private String resolve(String key, String at, Map<String, Integer> keys, String what) {
        if (key == null) {
            return null;
        }
        if (!keys.containsKey(key)) {
            problem(at, Code.UNKNOWN_KEY, "there is no " + what + " with the key '" + key + "' in this bundle");
            return null;
        }
        return key;
    }

    /** A well-formed key in a field, or null. */
    private static String key(JsonNode node, String field) {
        String text = text(node, field);
        return text != null && KEY.matcher(text).matches() ? text : null;
    }

    private static String keyAt(JsonNode array, int index) {
        JsonNode value = array.get(index);
        return value != null && value.isTextual() && KEY.matcher(value.asText()).matches() ? value.asText() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The object entries of an array field; missing or non-array fields count as empty. */
    private static List<JsonNode> items(JsonNode node, String field) {
        JsonNode array = node == null ? null : node.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            // Non-objects keep their place (as a missing node) so that indexes still match the pointers.
            array.forEach(item -> items.add(item.isObject() ? item : com.fasterxml.jackson.databind.node
                    .MissingNode.getInstance()));
        }
        return items;
    }

    private void problem(String pointer, Code code, String message) {
        problems.add(new BundleProblem(pointer, code, message));
    }
}
