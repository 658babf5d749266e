package io.innercircle.analysis.internal.path;

/**
 * Someone within a few hops of a person, with the strongest route between them.
 *
 * @param direction SHAPES: the person's opinion reaches them ({@code path} starts at the person);
 *                  SHAPED_BY: their opinion reaches the person ({@code path} ends at the person)
 * @param hops      number of lines on the strongest route found within the hop limit
 */
public record Reach(String key, String name, Direction direction, int hops, double strength, InfluencePath path) {

    public enum Direction { SHAPES, SHAPED_BY }
}
