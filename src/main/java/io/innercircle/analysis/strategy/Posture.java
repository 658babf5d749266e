package io.innercircle.analysis.strategy;

/** Whether a relationship strategy goes after support (offensive) or limits damage (defensive). */
public enum Posture { OFFENSIVE, DEFENSIVE }
