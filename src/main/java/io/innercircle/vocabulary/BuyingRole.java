package io.innercircle.vocabulary;

/** A formal role in the customer's buying process for one opportunity (TAS module 3). */
public enum BuyingRole {
    USER("user"),
    EVALUATOR("evaluator"),
    DECISION_MAKER("decision maker"),
    APPROVER("approver"),
    SPONSOR("sponsor");

    private final String label;

    BuyingRole(String label) {
        this.label = label;
    }

    /** Plain-English name for texts shown to reps. */
    public String label() {
        return label;
    }

    /** Decision makers, approvers and sponsors decide or can stop the deal, so they count as key players. */
    public boolean isKey() {
        return this == DECISION_MAKER || this == APPROVER || this == SPONSOR;
    }

    /** Reads the value stored in the map; rejects anything outside the vocabulary so bad data fails loudly. */
    public static BuyingRole parse(String value) {
        return VocabularyParsing.parse(BuyingRole.class, value, "buying role");
    }
}
