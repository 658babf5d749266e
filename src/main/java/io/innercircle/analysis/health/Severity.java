package io.innercircle.analysis.health;

/** How urgently a map-health warning needs attention; declaration order is the sort order. */
public enum Severity { HIGH, MEDIUM, LOW }
