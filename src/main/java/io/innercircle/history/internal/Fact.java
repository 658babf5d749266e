package io.innercircle.history.internal;

import java.util.Map;

/**
 * One recorded fact of an account's map: a node (a stakeholder, an opportunity, a rating...) or a relationship
 * between two of its nodes (an influence line, a contact, an involvement...), with its properties. The history
 * stores facts, not features, so what other features add to an account is recorded without code of theirs.
 *
 * @param id    "Stakeholder:svp" for a node; "INFLUENCES|Stakeholder:cfo|Stakeholder:svp" for a relationship;
 *              "Account" for the account itself
 * @param type  the node's label or the relationship's type
 * @param key   the node's key (null for a relationship)
 * @param from  a relationship's start fact id (null for a node)
 * @param to    a relationship's end fact id (null for a node)
 * @param props the properties, without the bookkeeping ones (account, key, version, timestamps)
 */
record Fact(String id, String type, String key, String from, String to, Map<String, Object> props) {

    /** Separates the owner and content hash in the made-up key of a node that has no key of its own. */
    static final String KEYLESS = "~";

    static String nodeId(String label, String key) {
        return label.equals("Account") ? "Account" : label + ":" + key;
    }

    static String relationshipId(String type, String from, String to) {
        return type + "|" + from + "|" + to;
    }

    boolean isRelationship() {
        return from != null;
    }

    /** The key of the node a fact id names ("Stakeholder:svp" -> "svp"). */
    static String keyOf(String nodeId) {
        int colon = nodeId.indexOf(':');
        return colon < 0 ? nodeId : nodeId.substring(colon + 1);
    }

    /** The owner ("Opportunity:x") of a node without a key of its own, or null for a keyed node. */
    String owner() {
        int mark = key == null ? -1 : key.indexOf(KEYLESS);
        return mark <= 0 ? null : key.substring(0, mark);
    }

    static String labelOf(String nodeId) {
        int colon = nodeId.indexOf(':');
        return colon < 0 ? nodeId : nodeId.substring(0, colon);
    }
}
