package io.innercircle.activity.internal;

import io.innercircle.activity.internal.Activity.Kind;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DateProperty;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the meetings of an iCalendar file (.ics, RFC 5545, as Outlook, Google Calendar and Apple Calendar export
 * it) with ical4j 4: the organiser and the attendees by their mailto: address, times with their time zones
 * (TZID, UTC, floating times in the upload's zone, all-day events at the start of the day), recurring meetings
 * expanded into their occurrences within the window (RRULE, RDATE, EXDATE by ical4j; an occurrence moved or
 * changed by a RECURRENCE-ID override replaced by the override). Cancelled meetings and attendees who declined
 * are left out. At most {@link #MAX_OCCURRENCES} occurrences per meeting, so an endless daily rule stays bounded.
 */
final class CalendarFileReader {

    static final int MAX_OCCURRENCES = 1_000;

    private CalendarFileReader() {
    }

    static List<Activity> read(String file, String text, Instant from, Instant to, ZoneId floating) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            throw new ActivityFileRefused(file, e.getLineNo(), propertyAt(text, e.getLineNo()),
                    "not a valid iCalendar file: " + plain(e).replaceFirst("^Error at line \\d+:\\s*", ""));
        } catch (IOException | RuntimeException e) {
            throw new ActivityFileRefused(file, 0, null, "not a valid iCalendar file: " + plain(e));
        }
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        // Overrides of single occurrences: their (uid, original start) are left out of the series' expansion.
        Set<String> overridden = new HashSet<>();
        List<Activity> activities = new ArrayList<>();
        for (VEvent event : events) {
            String uid = text(event, Property.UID);
            Optional<Property> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
            if (recurrenceId.isPresent() && uid != null) {
                overridden.add(uid + "@" + instant(file, text, uid, (DateProperty<?>) recurrenceId.get(), floating));
            }
        }
        for (VEvent event : events) {
            String uid = text(event, Property.UID);
            if (uid == null) {
                throw new ActivityFileRefused(file, lineOf(text, "BEGIN:VEVENT", 0), "UID",
                        "a meeting has no UID; every VEVENT needs one");
            }
            if ("CANCELLED".equalsIgnoreCase(text(event, Property.STATUS))) {
                continue;
            }
            DateProperty<?> start = event.getStartDate().orElseThrow(() -> new ActivityFileRefused(file,
                    lineOf(text, "UID:" + uid, 0), "DTSTART", "the meeting '" + uid + "' has no start"));
            Instant first = instant(file, text, uid, start, floating);
            String subject = text(event, Property.SUMMARY);
            String organiser = address(event.getProperty(Property.ORGANIZER).map(p -> calAddress(p)).orElse(null));
            List<String> attendees = new ArrayList<>();
            for (Property p : event.getProperties(Property.ATTENDEE)) {
                Optional<Parameter> status = p.getParameter(Parameter.PARTSTAT);
                if (status.isPresent() && "DECLINED".equalsIgnoreCase(status.get().getValue())) {
                    continue;
                }
                String address = address(calAddress(p));
                if (address != null && !address.equals(organiser) && !attendees.contains(address)) {
                    attendees.add(address);
                }
            }
            boolean recurring = event.getProperty(Property.RRULE).isPresent()
                    || event.getProperty(Property.RDATE).isPresent();
            boolean isOverride = event.getProperty(Property.RECURRENCE_ID).isPresent();
            if (!recurring || isOverride) {
                if (!first.isBefore(from) && first.isBefore(to)) {
                    String ref = isOverride ? uid + "@" + first : uid;
                    activities.add(new Activity(Kind.MEETING, ref, subject, first, organiser, attendees, null));
                }
                continue;
            }
            for (Instant at : occurrences(file, text, uid, event, start, from, to, floating)) {
                if (!overridden.contains(uid + "@" + at)) {
                    activities.add(new Activity(Kind.MEETING, uid + "@" + at, subject, at, organiser, attendees,
                            null));
                }
            }
        }
        activities.sort(java.util.Comparator.comparing(Activity::at).thenComparing(Activity::ref));
        return activities;
    }

    /** The name of the property on that line (DTSTART of "DTSTART;TZID=...:..."), or null. */
    private static String propertyAt(String text, int line) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (line < 1 || line > lines.length) {
            return null;
        }
        String name = lines[line - 1].split("[;:]", 2)[0].trim();
        return name.matches("[A-Za-z-]+") && lines[line - 1].contains(":") ? name.toUpperCase(Locale.ROOT) : null;
    }

    /** The starts of a recurring meeting's occurrences within [from, to), in the start's own kind of time. */
    private static List<Instant> occurrences(String file, String text, String uid, VEvent event,
                                             DateProperty<?> start, Instant from, Instant to, ZoneId floating) {
        Temporal first = start.getDate();
        Period<? extends Temporal> window;
        if (first instanceof ZonedDateTime z) {
            window = new Period<>(from.atZone(z.getZone()), to.atZone(z.getZone()));
        } else if (first instanceof OffsetDateTime o) {
            window = new Period<>(from.atOffset(o.getOffset()), to.atOffset(o.getOffset()));
        } else if (first instanceof Instant) {
            window = new Period<>(from, to);
        } else if (first instanceof LocalDateTime) {
            window = new Period<>(LocalDateTime.ofInstant(from, floating), LocalDateTime.ofInstant(to, floating));
        } else {
            window = new Period<>(LocalDate.ofInstant(from, floating), LocalDate.ofInstant(to, floating));
        }
        List<Instant> starts = new ArrayList<>();
        try {
            for (Period<Temporal> occurrence : event.<Temporal>calculateRecurrenceSet(window)) {
                Instant at = toInstant(occurrence.getStart(), floating);
                if (!at.isBefore(from) && at.isBefore(to)) {
                    starts.add(at);
                }
                if (starts.size() == MAX_OCCURRENCES) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            throw new ActivityFileRefused(file, lineOf(text, "UID:" + uid, 0), "RRULE",
                    "the repeat rule of '" + uid + "' cannot be expanded: " + plain(e));
        }
        starts.sort(null);
        return starts;
    }

    private static Instant instant(String file, String text, String uid, DateProperty<?> property, ZoneId floating) {
        try {
            return toInstant(property.getDate(), floating);
        } catch (RuntimeException e) {
            throw new ActivityFileRefused(file, lineOf(text, "UID:" + uid, 0), property.getName(),
                    "'" + property.getValue() + "' is not a date or time: " + plain(e));
        }
    }

    static Instant toInstant(Temporal t, ZoneId floating) {
        if (t instanceof Instant i) {
            return i;
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (t instanceof LocalDateTime l) {
            return l.atZone(floating).toInstant();
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(floating).toInstant();
        }
        throw new IllegalArgumentException("unsupported time " + t);
    }

    private static URI calAddress(Property p) {
        return p instanceof Attendee a ? a.getCalAddress()
                : p instanceof net.fortuna.ical4j.model.property.Organizer o ? o.getCalAddress() : null;
    }

    /** mailto:Dana.Wells@Globex.com → dana.wells@globex.com; other URIs (urn:uuid, a room) → null. */
    static String address(URI uri) {
        if (uri == null || uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("mailto")) {
            return null;
        }
        String address = uri.getSchemeSpecificPart().trim().toLowerCase(Locale.ROOT);
        return address.contains("@") ? address : null;
    }

    private static String text(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).map(String::trim).filter(s -> !s.isEmpty())
                .orElse(null);
    }

    /** The line (1-based) where {@code needle} first appears at or after line {@code after}; 0 if nowhere. */
    static int lineOf(String text, String needle, int after) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = after; i < lines.length; i++) {
            if (lines[i].startsWith(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String plain(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
