package io.innercircle.assessment.internal;

/** The four key questions of the opportunity assessment (TAS module 1), in the course's order. */
public enum Question {
    IS_THERE_AN_OPPORTUNITY("Is there an opportunity?"),
    CAN_WE_COMPETE("Can we compete?"),
    CAN_WE_WIN("Can we win?"),
    IS_IT_WORTH_WINNING("Is it worth winning?");

    private final String text;

    Question(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
