package io.innercircle.analysis.strategy;
import io.innercircle.vocabulary.Status;



import java.util.List;

/** The three relationship strategies of TAS module 4 ("Alignment"), with the course's process and caveats. */
public enum RelationshipStrategy {
    LEVERAGE(Posture.OFFENSIVE,
            "Capitalize on the relationship to build credibility with others and gain competitive advantage.",
            List.of("Validate your position", "Confirm your value", "Ask for help"),
            List.of("Don't make it difficult for them.", "Don't compromise them with their own organization.",
                    "Don't forget quid pro quo: know what they get in return.")),
    MOTIVATE(Posture.OFFENSIVE,
            "Build support for your position by building credibility and trust.",
            List.of("Understand", "Connect", "Demonstrate", "Reinforce"),
            List.of("Don't let emotions interfere.", "Prepare every contact: lack of preparation loses neutrals.")),
    NEUTRALIZE(Posture.DEFENSIVE,
            "Minimize their influence on the decision.",
            List.of("Minimize their influence on the decision", "Work through allies"),
            List.of());

    private final Posture posture;
    private final String definition;
    private final List<String> process;
    private final List<String> caveats;

    RelationshipStrategy(Posture posture, String definition, List<String> process, List<String> caveats) {
        this.posture = posture;
        this.definition = definition;
        this.process = process;
        this.caveats = caveats;
    }

    public Posture posture() {
        return posture;
    }

    public String definition() {
        return definition;
    }

    public List<String> process() {
        return process;
    }

    public List<String> caveats() {
        return caveats;
    }

    /** Mentor and supporter: leverage; neutral or no status yet: motivate; non-supporter and enemy: neutralize. */
    public static RelationshipStrategy forStatus(Status status) {
        if (status == null) {
            return MOTIVATE;
        }
        return switch (status) {
            case MENTOR, SUPPORTER -> LEVERAGE;
            case NEUTRAL -> MOTIVATE;
            case NON_SUPPORTER, ENEMY -> NEUTRALIZE;
        };
    }
}
