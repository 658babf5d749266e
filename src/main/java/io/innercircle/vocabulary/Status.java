package io.innercircle.vocabulary;

/** Our standing with a stakeholder in one sales campaign (TAS module 3), from best to worst. */
public enum Status {
    MENTOR("mentor"),
    SUPPORTER("supporter"),
    NEUTRAL("neutral"),
    NON_SUPPORTER("non-supporter"),
    ENEMY("enemy");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isSupportive() {
        return this == MENTOR || this == SUPPORTER;
    }

    public boolean isOpposed() {
        return this == NON_SUPPORTER || this == ENEMY;
    }

    /** Null stays null: "no status recorded" is a state of its own, not NEUTRAL. */
    public static Status parse(String value) {
        return value == null ? null : VocabularyParsing.parse(Status.class, value, "status");
    }
}
