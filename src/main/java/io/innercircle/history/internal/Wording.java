package io.innercircle.history.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Changes in plain words, one line per changed property: "status of Sam Ortiz: neutral → non-supporter, 2 Oct,
 * by randy". Names come from the facts (a person's name, not their key); unknown kinds of fact (added by later
 * features) are worded from their label or type.
 */
final class Wording {

    /** One described change. */
    record Described(String description, String kind, String item, String field, Object before, Object after) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private Wording() {
    }

    /** The end of every described change: ", 2 Oct, by randy". */
    static String when(OffsetDateTime at, String by) {
        return ", " + DAY.format(at) + ", by " + by;
    }

    /**
     * @param account the account key, for item ids
     * @param names   the display name of a node fact id (falls back to its key)
     */
    static List<Described> describe(String account, ChangeEntry e, OffsetDateTime at, String by,
                                    Function<String, String> names) {
        Fact any = e.after() != null ? e.after() : e.before();
        if (any.isRelationship() && (any.from().contains(Fact.KEYLESS) || any.to().contains(Fact.KEYLESS))) {
            // The line to a rating or tactic: its own entry ("added rating ... of <opportunity>") says it all.
            return List.of();
        }
        String kind = kind(any);
        String subject = subject(any, names);
        String item = any.isRelationship()
                ? account + "/" + Fact.keyOf(any.from()) + " -> " + account + "/" + Fact.keyOf(any.to())
                : any.id().equals("Account") ? account : account + "/" + any.key();
        String when = when(at, by);
        List<Described> out = new ArrayList<>();
        boolean fieldWise = e.before() != null && e.after() != null
                || any.type().equals("INVOLVED_IN") || any.type().equals("HAS_CONTACT");
        if (!fieldWise) {
            String verb = e.before() == null ? "added " : "removed ";
            out.add(new Described(verb + kind + " " + subject + details(any) + when, kind, item, null,
                    e.before() == null ? null : e.before().props(), e.after() == null ? null : e.after().props()));
            return out;
        }
        Map<String, Object> before = e.before() == null ? Map.of() : e.before().props();
        Map<String, Object> after = e.after() == null ? Map.of() : e.after().props();
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            Object b = before.get(field);
            Object a = after.get(field);
            if (!Objects.equals(b, a)) {
                out.add(new Described(words(field) + " of " + subject + ": " + value(b) + " → " + value(a) + when,
                        kind, item, field, plain(b), plain(a)));
            }
        }
        return out;
    }

    private static String kind(Fact f) {
        return switch (f.type()) {
            case "INFLUENCES" -> "influence line";
            case "CONFLICTS_WITH" -> "conflict line";
            case "REPORTS_TO" -> "reporting line";
            case "HAS_CONTACT" -> "contact";
            case "INVOLVED_IN" -> "involvement";
            case "AGAINST" -> "competitor";
            default -> f.isRelationship() ? f.type().toLowerCase(Locale.ROOT).replace('_', ' ') : words(f.type());
        };
    }

    private static String subject(Fact f, Function<String, String> names) {
        if (!f.isRelationship()) {
            Object name = f.props().get("name");
            if (name != null) {
                return String.valueOf(name);
            }
            if (f.key() != null && f.key().contains(Fact.KEYLESS)) {
                // A rating or tactic: its content, and what it belongs to.
                String content = String.join(", ", f.props().entrySet().stream()
                        .map(en -> words(en.getKey()) + " " + value(en.getValue())).toList());
                return "(" + content + ")" + (f.owner() == null ? "" : " of " + names.apply(f.owner()));
            }
            return f.key();
        }
        String from = names.apply(f.from());
        String to = names.apply(f.to());
        return switch (f.type()) {
            case "INVOLVED_IN" -> from;
            case "HAS_CONTACT" -> from + " with " + to;
            case "CONFLICTS_WITH" -> from + " ↔ " + to;
            case "REPORTS_TO" -> from + " reports to " + to;
            case "AGAINST" -> to + " against " + from;
            default -> from + " → " + to;
        };
    }

    private static String details(Fact f) {
        Object strength = f.props().get("strength");
        return f.type().equals("INFLUENCES") && strength != null ? " (strength " + strength + ")" : "";
    }

    /** NON_SUPPORTER -> non-supporter; lists joined; null -> none. */
    static String value(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof List<?> list) {
            return list.isEmpty() ? "none" : String.join(", ", list.stream().map(Wording::value).toList());
        }
        String s = String.valueOf(v);
        return s.matches("[A-Z][A-Z_]*") ? s.toLowerCase(Locale.ROOT).replace('_', '-') : s;
    }

    private static Object plain(Object v) {
        return v instanceof java.time.temporal.TemporalAccessor ? v.toString() : v;
    }

    /** "businessAgenda" -> "business agenda", "TeamMember" -> "team member". */
    static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
