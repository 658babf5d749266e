package io.innercircle.crm.internal;

import io.innercircle.map.ItemId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a CRM id becomes a key in the map. A CRM id that is already a valid key (Salesforce ids are: 15 or 18
 * letters and digits) is used as it is, so {@code acme/0035g00000ABCDE} reads like the CRM. Anything else
 * (spaces, slashes, accents, over 64 characters) keeps its safe characters and gets eight hex digits of its
 * SHA-256, so two ids that differ only in unsafe characters still get two keys. The key is only chosen once,
 * when the person is created; re-imports find the person by the CRM id kept on it ({@code crmKey}).
 */
final class CrmKeys {

    private CrmKeys() {
    }

    static String keyFor(String crmId) {
        return ItemId.KEY.matcher(crmId).matches() ? crmId : hashed(crmId);
    }

    /** The always-hashed form, also used when the plain form is taken by someone else. */
    static String hashed(String crmId) {
        String safe = crmId.replaceAll("[^A-Za-z0-9._:-]+", "-").replaceAll("^-+|-+$", "");
        if (safe.length() > 55) {
            safe = safe.substring(0, 55);
        }
        return (safe.isEmpty() ? "crm" : safe) + "-" + sha256(crmId).substring(0, 8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
