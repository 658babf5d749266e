package io.innercircle.map;

import java.util.List;

/** How well our team covers a person, from no contact to in-depth. */
public final class Coverage {

    public static final List<String> LEVELS = List.of("NONE", "BRIEF", "MULTIPLE", "IN_DEPTH");

    private Coverage() {
    }

    /** The better of two coverage levels. */
    public static String better(String a, String b) {
        return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
    }
}
