package io.innercircle.analysis.innercircle;

import io.innercircle.analysis.FormalLevel;

/**
 * One dot of the rank-versus-influence chart.
 *
 * @param rank            the recorded rank, or null
 * @param formalLevel     the rank, or the level derived from the reporting lines; null when unknown
 * @param judgedInfluence the rep's influence 1..5, or null
 * @param computedLevel   the graph's level 1..5
 * @param band            the band from the graph
 * @param judgedBand      the band from the rep's judgement, or null when the rep has not judged influence
 */
public record RankInfluencePoint(String key, String name, Integer rank, Integer formalLevel,
                                 FormalLevel.Source formalLevelSource, Integer judgedInfluence, int computedLevel,
                                 Band band, Band judgedBand) {
}
