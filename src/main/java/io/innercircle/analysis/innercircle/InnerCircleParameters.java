package io.innercircle.analysis.innercircle;

/**
 * What a user can tune about Inner Circle candidates.
 *
 * @param maxCandidates at most this many candidates are named, best first. Default 5: the method speaks of "the
 *                      few who control outcomes", and on a map of 10 to 50 people more than five names stops being
 *                      a short list a rep can act on.
 * @param minScore      a candidate's computed influence (0..1) must reach this. Default 0.6, which is influence
 *                      level 4 of 5: below it the person is well connected but not the centre of the network.
 * @param minListeners  at least this many distinct people must take the person's lead. Default 2: one listener
 *                      makes an advisor or a relay, not the centre of a network.
 */
public record InnerCircleParameters(int maxCandidates, double minScore, int minListeners) {

    public static final int DEFAULT_MAX_CANDIDATES = 5;
    public static final double DEFAULT_MIN_SCORE = 0.6;
    public static final int DEFAULT_MIN_LISTENERS = 2;

    public InnerCircleParameters {
        if (maxCandidates < 0) {
            throw new IllegalArgumentException("maxCandidates must be 0 or more, was " + maxCandidates);
        }
        if (minScore < 0 || minScore > 1) {
            throw new IllegalArgumentException("minScore must be between 0 and 1, was " + minScore);
        }
        if (minListeners < 1) {
            throw new IllegalArgumentException("minListeners must be at least 1, was " + minListeners);
        }
    }

    public static InnerCircleParameters defaults() {
        return new InnerCircleParameters(DEFAULT_MAX_CANDIDATES, DEFAULT_MIN_SCORE, DEFAULT_MIN_LISTENERS);
    }

    public InnerCircleParameters withMaxCandidates(int max) {
        return new InnerCircleParameters(max, minScore, minListeners);
    }

    public InnerCircleParameters withMinScore(double score) {
        return new InnerCircleParameters(maxCandidates, score, minListeners);
    }

    public InnerCircleParameters withMinListeners(int listeners) {
        return new InnerCircleParameters(maxCandidates, minScore, listeners);
    }
}
