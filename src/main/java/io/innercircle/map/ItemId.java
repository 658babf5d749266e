package io.innercircle.map;

import io.innercircle.api.InvalidInputException;

import java.util.regex.Pattern;

/**
 * The id of anything inside an account: {@code "<account key>/<key>"}. Keys cannot contain '/', so the split
 * is unambiguous, and the id stays readable in URLs and logs.
 */
public record ItemId(String account, String key) {

    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public static String of(String account, String key) {
        return account + "/" + key;
    }

    public static ItemId parse(String field, String id) {
        if (id == null) {
            throw new InvalidInputException(field, "is required");
        }
        int slash = id.indexOf('/');
        if (slash <= 0 || slash != id.lastIndexOf('/')
                || !KEY.matcher(id.substring(0, slash)).matches()
                || !KEY.matcher(id.substring(slash + 1)).matches()) {
            throw new InvalidInputException(field,
                    "'" + abbreviate(id) + "' is not an id of the form <account key>/<key>");
        }
        return new ItemId(id.substring(0, slash), id.substring(slash + 1));
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    @Override
    public String toString() {
        return of(account, key);
    }
}
