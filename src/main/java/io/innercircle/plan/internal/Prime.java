package io.innercircle.plan.internal;

/** The five kinds of tactic of TAS module 5 (PRIME), as the course words them. */
public enum Prime {
    PROVE_VALUE("Prove your value"),
    RETRIEVE_INFORMATION("Retrieve missing information"),
    INSULATE("Insulate against competition"),
    MINIMIZE_WEAKNESSES("Minimize your weaknesses"),
    EMPHASIZE_STRENGTHS("Emphasize your strengths");

    private final String title;

    Prime(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String letter() {
        return title.substring(0, 1);
    }
}
