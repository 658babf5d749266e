package io.innercircle.vocabulary;

/** How the customer sees our team member, from vendor to trusted advisor (TAS relationship levels). */
public enum RelationshipLevel {
    VENDOR,
    CREDIBLE_SOURCE,
    PROBLEM_SOLVER,
    TRUSTED_ADVISOR
}
