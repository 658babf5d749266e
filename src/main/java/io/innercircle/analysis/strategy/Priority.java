package io.innercircle.analysis.strategy;

/** How much of the team's time a stakeholder deserves in this deal. */
public enum Priority { HIGH, MEDIUM, LOW }
