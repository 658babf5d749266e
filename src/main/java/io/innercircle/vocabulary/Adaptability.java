package io.innercircle.vocabulary;

import java.util.Locale;

/** Adaptability to change (technology-adoption life cycle) and what to sell each group, from TAS module 3. */
public enum Adaptability {
    INNOVATOR("innovator", "state of the art, trials and tests", "revolution", "product excellence and innovation"),
    VISIONARY("visionary", "recognition and a customized solution", "revolution", "future competitive advantage"),
    PRAGMATIST("pragmatist", "enhancements or extensions of existing systems and total solutions", "evolution",
            "return on investment and proven expertise solving similar problems"),
    CONSERVATIVE("conservative", "investment protection, industry standards at a low price and no risk", "evolution",
            "guarantees"),
    LAGGARD("laggard", "the status quo, and not to be left behind", null, "solutions to their problems");

    private final String label;
    private final String wants;
    private final String buys;
    private final String sellThem;

    Adaptability(String label, String wants, String buys, String sellThem) {
        this.label = label;
        this.wants = wants;
        this.buys = buys;
        this.sellThem = sellThem;
    }

    public String label() {
        return label;
    }

    public String wants() {
        return wants;
    }

    /** "revolution", "evolution", or null for laggards, who do not buy change. */
    public String buys() {
        return buys;
    }

    public String sellThem() {
        return sellThem;
    }

    /** Null for null or blank (not judged); rejects anything else outside the vocabulary. */
    public static Adaptability parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown adaptability '" + value + "'", e);
        }
    }
}
