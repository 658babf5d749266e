package io.innercircle.activity.internal;

import io.innercircle.activity.internal.Activity.Kind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Salesforce activity exports (Data Loader or a report, CSV): {@code Event} with its {@code EventRelation}
 * rows (who was invited) and {@code EmailMessage} with its {@code EmailMessageRelation} rows (from, to, cc). Which
 * file is which is taken from its header. People are named by e-mail address where the export has one
 * (EmailMessage's FromAddress/ToAddress/CcAddress, EmailMessageRelation's RelationAddress, an EventRelation column
 * Relation.Email if the export joined it) and otherwise by the CRM id (RelationId, a Contact Id), which matches
 * the stakeholders the CRM contacts import linked. A Salesforce Event's owner is one of our users, so events give
 * who met together but not who organised; e-mails give sender, recipients and replies (ReplyToEmailMessageId).
 *
 * <p>Times: ISO-8601 with an offset or Z as Salesforce writes them (2026-10-02T07:00:00.000Z,
 * 2026-10-02T07:00:00.000+0000); a time without an offset is taken in the upload's time zone.
 */
final class SalesforceActivityReader {

    enum FileKind { EVENT, EVENT_RELATION, EMAIL_MESSAGE, EMAIL_MESSAGE_RELATION }

    private static final DateTimeFormatter COMPACT_OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX", Locale.ROOT);
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd['T'][' ']HH:mm[:ss][.SSS]", Locale.ROOT);

    private SalesforceActivityReader() {
    }

    static FileKind kind(CsvTable table) {
        if (table.has("EventId") && table.has("RelationId")) {
            return FileKind.EVENT_RELATION;
        }
        if (table.has("EmailMessageId") && (table.has("RelationId") || table.has("RelationAddress"))) {
            return FileKind.EMAIL_MESSAGE_RELATION;
        }
        if (table.has("Id") && table.has("MessageDate")) {
            return FileKind.EMAIL_MESSAGE;
        }
        if (table.has("Id") && table.firstOf("StartDateTime", "ActivityDateTime") != null) {
            return FileKind.EVENT;
        }
        throw new ActivityFileRefused(table.file, 1, null, "not a Salesforce activity export: expected an Event "
                + "(Id, Subject, StartDateTime), EventRelation (EventId, RelationId), EmailMessage (Id, Subject, "
                + "MessageDate, FromAddress, ToAddress) or EmailMessageRelation (EmailMessageId, RelationType, "
                + "RelationAddress) file");
    }

    private static final class Item {
        final String ref;
        final Kind kind;
        final String subject;
        final Instant at;
        String from;
        final List<String> to = new ArrayList<>();
        final String replyTo;

        Item(String ref, Kind kind, String subject, Instant at, String from, String replyTo) {
            this.ref = ref;
            this.kind = kind;
            this.subject = subject;
            this.at = at;
            this.from = from;
            this.replyTo = replyTo;
        }

        void add(String address) {
            if (address != null && !address.equals(from) && !to.contains(address)) {
                to.add(address);
            }
        }
    }

    /** The activities of these files (any mix of the four kinds) whose time is within [from, to). */
    static List<Activity> read(List<CsvTable> tables, Instant from, Instant to, ZoneId zone) {
        Map<String, Item> items = new LinkedHashMap<>();
        List<CsvTable> relations = new ArrayList<>();
        for (CsvTable table : tables) {
            FileKind kind = kind(table);
            switch (kind) {
                case EVENT -> {
                    String time = table.firstOf("StartDateTime", "ActivityDateTime");
                    for (CsvTable.Row row : table.rows) {
                        String id = table.required(row, "Id");
                        Instant at = instant(table, row, time, zone);
                        items.put(id, new Item(id, Kind.MEETING, table.value(row, "Subject"), at, null, null));
                    }
                }
                case EMAIL_MESSAGE -> {
                    for (CsvTable.Row row : table.rows) {
                        String id = table.required(row, "Id");
                        Instant at = instant(table, row, "MessageDate", zone);
                        Item item = new Item(id, Kind.EMAIL, table.value(row, "Subject"), at,
                                address(table, row, "FromAddress"), table.value(row, "ReplyToEmailMessageId"));
                        for (String column : List.of("ToAddress", "CcAddress")) {
                            String list = table.value(row, column);
                            if (list != null) {
                                for (String part : list.split("[;,]")) {
                                    item.add(checkedAddress(table, row, column, part));
                                }
                            }
                        }
                        items.put(id, item);
                    }
                }
                default -> relations.add(table);
            }
        }
        for (CsvTable table : relations) {
            boolean events = kind(table) == FileKind.EVENT_RELATION;
            if (items.values().stream().noneMatch(i -> i.kind == (events ? Kind.MEETING : Kind.EMAIL))) {
                throw new ActivityFileRefused(table.file, 1, null, events
                        ? "an EventRelation file needs its Event file in the same upload"
                        : "an EmailMessageRelation file needs its EmailMessage file in the same upload");
            }
            for (CsvTable.Row row : table.rows) {
                String parent = table.required(row, events ? "EventId" : "EmailMessageId");
                Item item = items.get(parent);
                if (item == null) {
                    continue; // a relation of an activity the export left out (another account, another period)
                }
                if (events) {
                    if ("Declined".equalsIgnoreCase(table.value(row, "Status"))
                            || "false".equalsIgnoreCase(table.value(row, "IsInvitee"))
                            && "true".equalsIgnoreCase(table.value(row, "IsWhat"))) {
                        continue;
                    }
                    String email = table.firstOf("Relation.Email", "RelationEmail", "Email");
                    String who = email != null ? address(table, row, email) : null;
                    item.add(who != null ? who : table.value(row, "RelationId"));
                } else {
                    String who = address(table, row, "RelationAddress");
                    who = who != null ? who : table.value(row, "RelationId");
                    if ("FromAddress".equalsIgnoreCase(table.value(row, "RelationType"))) {
                        if (item.from == null) {
                            item.from = who;
                        }
                    } else {
                        item.add(who);
                    }
                }
            }
        }
        List<Activity> activities = new ArrayList<>();
        for (Item item : items.values()) {
            if (!item.at.isBefore(from) && item.at.isBefore(to)) {
                activities.add(new Activity(item.kind, item.ref, item.subject, item.at, item.from,
                        List.copyOf(item.to), item.replyTo));
            }
        }
        return activities;
    }

    private static String address(CsvTable table, CsvTable.Row row, String column) {
        String value = table.value(row, column);
        return value == null ? null : checkedAddress(table, row, column, value);
    }

    private static String checkedAddress(CsvTable table, CsvTable.Row row, String column, String value) {
        String address = value.trim();
        // "Dana Wells <dana.wells@globex.com>" as some mail exports write it
        int open = address.indexOf('<');
        if (open >= 0 && address.endsWith(">")) {
            address = address.substring(open + 1, address.length() - 1).trim();
        }
        if (address.isEmpty()) {
            return null;
        }
        if (!address.matches("[^@\\s]+@[^@\\s]+")) {
            throw new ActivityFileRefused(table.file, row.line(), column, "'" + value.trim()
                    + "' is not an e-mail address");
        }
        return address.toLowerCase(Locale.ROOT);
    }

    static Instant instant(CsvTable table, CsvTable.Row row, String column, ZoneId zone) {
        String value = table.required(row, column);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // not ISO with a colon in the offset: try Salesforce's +0000 and the offset-less forms below
        }
        try {
            return OffsetDateTime.parse(value, COMPACT_OFFSET).toInstant();
        } catch (DateTimeParseException ignored) {
            // try a local time
        }
        try {
            return LocalDateTime.parse(value, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // try a date alone
        }
        try {
            return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ActivityFileRefused(table.file, row.line(), column, "'" + value
                    + "' is not a date and time (expected ISO-8601 such as 2026-10-02T07:00:00.000Z)");
        }
    }
}
