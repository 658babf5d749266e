package io.innercircle.vocabulary;

/** The six competitive strategies of TAS module 2, with the course's one-line description of each. */
public enum CompetitiveStrategy {
    FRONTAL("Frontal", "direct approach on perceived overwhelming superiority; needs ~3:1 advantage, size, speed "
            + "or surprise; resource intensive (#8); most often used and most easily defeated"),
    FLANKING("Flanking", "shift the buying criteria to issues that favour you (A→B: change or re-prioritize the "
            + "criteria; A→A+1: expand the scope, add new criteria — touches #6 and #14); needs executive support; "
            + "make your move last; don't open the playing field"),
    FRAGMENT("Fragment", "niche, peaceful coexistence; needs unique business value only you deliver #10, inside "
            + "support #11, the right base for the future #17; watch the cost of sales #18"),
    DEFEND("Defend", "insulate, isolate; expand relationships to a higher level #12, support allies #11, improve "
            + "relationships #9"),
    DEVELOP("Develop", "invest, delay; establish presence, keep collecting profile data #1–20, focus on executive "
            + "credibility #12, qualify your ROI #18"),
    DISENGAGE("Disengage", "walk away and put the resources where they can win");

    private final String title;
    private final String description;

    CompetitiveStrategy(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }
}
