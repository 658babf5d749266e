package io.innercircle.vocabulary;

import java.util.Arrays;
import java.util.List;

/**
 * The sales stages of TAS module 7 with their probability, typical days and business purpose. WON and LOST end
 * the process. The verifiable outcomes of each stage belong to the plan ({@code plan.StageOutcome}).
 */
public enum SalesStage {
    QUALIFY(20, 15, "identify and initially qualify the opportunity"),
    DEVELOP(40, 30, "develop criteria and gain political alignment"),
    SOLUTION(60, 45, "scope a solution that fits or exceeds requirements"),
    PROOF(80, 45, "demonstrate capability to deliver"),
    CLOSE(100, 30, "finalize agreement and deployment plan"),
    WON(100, 0, "the agreement is signed"),
    LOST(0, 0, "the customer chose otherwise or the deal was dropped");

    private final int probability;
    private final int typicalDays;
    private final String purpose;

    SalesStage(int probability, int typicalDays, String purpose) {
        this.probability = probability;
        this.typicalDays = typicalDays;
        this.purpose = purpose;
    }

    public int probability() {
        return probability;
    }

    public int typicalDays() {
        return typicalDays;
    }

    public String purpose() {
        return purpose;
    }

    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }

    /** Qualify to Close: the stages with verifiable outcomes. */
    public boolean isStep() {
        return this != WON && this != LOST;
    }

    public static List<SalesStage> steps() {
        return Arrays.stream(values()).filter(SalesStage::isStep).toList();
    }
}
