package io.innercircle.plan.internal;
import io.innercircle.vocabulary.SalesStage;



import java.util.Arrays;
import java.util.List;

/** The verifiable outcomes of each sales stage, worded as in TAS module 7. */
public enum StageOutcome {
    OPPORTUNITY_CONFIRMED_AND_SIZED(SalesStage.QUALIFY, "Opportunity confirmed and sized"),
    BURNING_ISSUE_IDENTIFIED(SalesStage.QUALIFY, "Burning issue identified"),
    INITIAL_CUSTOMER_CONTACTS_NAMED(SalesStage.QUALIFY, "Initial customer contacts named"),
    KEY_SPONSOR_NAMED(SalesStage.DEVELOP, "Key sponsor named"),
    WINNING_STRATEGY(SalesStage.DEVELOP, "Winning strategy"),
    EXECUTIVE_CREDIBILITY(SalesStage.DEVELOP, "Executive credibility"),
    DIFFERENTIATED_SOLUTION_COMMUNICATED(SalesStage.SOLUTION, "Differentiated solution communicated"),
    CAPABILITIES_EMBRACED_BY_DECISION_MAKER(SalesStage.SOLUTION, "Capabilities embraced by decision maker"),
    CUSTOMER_DEFINES_PROOF(SalesStage.PROOF, "Customer asks for and defines \"proof\""),
    ACCEPTANCE_BY_ALL_APPROVERS(SalesStage.PROOF, "Acceptance by all approvers"),
    FORMAL_APPROVALS(SalesStage.CLOSE, "Formal approvals"),
    SIGNED_AGREEMENT(SalesStage.CLOSE, "Signed agreement"),
    DEPLOYMENT_ASSURANCE(SalesStage.CLOSE, "Deployment assurance");

    private final SalesStage stage;
    private final String text;

    StageOutcome(SalesStage stage, String text) {
        this.stage = stage;
        this.text = text;
    }

    public SalesStage stage() {
        return stage;
    }

    public String text() {
        return text;
    }

    /** The outcomes to verify before leaving {@code stage}; none for Won and Lost. */
    public static List<StageOutcome> of(SalesStage stage) {
        return Arrays.stream(values()).filter(o -> o.stage == stage).toList();
    }
}
