package io.innercircle.activity.internal;

import io.innercircle.activity.internal.Activity.Kind;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One activity upload: read every file first (a broken one refuses the whole upload before anything is
 * written), match people, suggest lines, then store the suggestions in the mutation's transaction. A suggestion
 * the rep rejected stays rejected while its evidence is the same or a part of what the rep saw; new meetings or
 * e-mails between the two reopen it. An accepted one stays accepted.
 */
@Service
class ActivityImport {

    static final int MAX_FILES = 20;
    static final int MAX_CHARS = 20_000_000;

    private final ActivityStore store;
    private final Clock clock;

    ActivityImport(ActivityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ActivityImportReport run(String account, List<ActivityFileInput> files, ActivityImportOptions given) {
        ActivityImportOptions options = given != null ? given : new ActivityImportOptions(null, null, null, null, null);
        if (!store.accountExists(account)) {
            throw new NotFoundException("account", "account", account);
        }
        ZoneId zone = zone(options.timeZone());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate to = options.to() != null ? options.to() : today;
        LocalDate from = options.from() != null ? options.from() : to.minusDays(180);
        if (from.isAfter(to)) {
            throw new InvalidInputException("options.from", "is after options.to (" + from + " > " + to + ")");
        }
        int halfLife = positive("options.halfLifeDays", options.halfLifeDays(), 90);
        int staleAfter = positive("options.staleAfterDays", options.staleAfterDays(), 60);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Instant asOf = end.isBefore(now) ? end : now;

        List<Activity> activities = new ArrayList<>();
        List<ActivityImportReport.FileSummary> summaries = read(files, start, end, zone, activities);
        ActivityPeople people = new ActivityPeople(store.people(account));
        List<Suggestion> suggestions = InfluenceSuggester.suggest(activities, people, store.influenceLines(account),
                asOf, InfluenceSuggester.Parameters.DEFAULT.withHalfLife(halfLife));
        ActivityFlags.Flags flags = ActivityFlags.of(activities, people, asOf, staleAfter);

        Map<String, SuggestionView> stored = store.stored(account);
        List<Suggestion> open = new ArrayList<>();
        int stillRejected = 0;
        for (Suggestion s : suggestions) {
            SuggestionView before = stored.get(ActivityStore.key(s.from(), s.to()));
            if (before != null && before.state().equals("ACCEPTED")) {
                continue;
            }
            if (before != null && before.state().equals("REJECTED") && new HashSet<>(before.evidenceRefs())
                    .containsAll(s.evidence().stream().map(Evidence::ref).toList())) {
                stillRejected++;
                continue;
            }
            open.add(s);
        }
        store.saveOpen(account, open, now);
        return new ActivityImportReport(account, from, to, summaries,
                (int) activities.stream().filter(a -> a.kind() == Kind.MEETING).count(),
                (int) activities.stream().filter(a -> a.kind() == Kind.EMAIL).count(), open.size(), stillRejected,
                flags.staleContacts().stream().map(c -> new ActivityImportReport.Stale(account, c.key(),
                        c.lastActivity() == null ? null : c.lastActivity().atOffset(ZoneOffset.UTC),
                        c.lastActivity() == null ? null : c.daysSince())).toList(),
                flags.notOnMap().stream().map(p -> new ActivityImportReport.NotOnMap(p.address(), p.activities(),
                        p.lastAt().atOffset(ZoneOffset.UTC), p.subjects())).toList());
    }

    /** Reads every file into {@code into}; the calendar files one by one, the CSV exports together. */
    static List<ActivityImportReport.FileSummary> read(List<ActivityFileInput> files, Instant start, Instant end,
                                                       ZoneId zone, List<Activity> into) {
        if (files == null || files.isEmpty()) {
            throw new InvalidInputException("files", "give at least one file");
        }
        if (files.size() > MAX_FILES) {
            throw new InvalidInputException("files", "at most " + MAX_FILES + " files per upload");
        }
        long chars = files.stream().mapToLong(f -> f.content() == null ? 0 : f.content().length()).sum();
        if (chars > MAX_CHARS) {
            throw new InvalidInputException("files", "the files hold " + chars + " characters; at most "
                    + MAX_CHARS + " per upload");
        }
        Set<String> names = new HashSet<>();
        List<ActivityImportReport.FileSummary> summaries = new ArrayList<>();
        List<CsvTable> tables = new ArrayList<>();
        for (ActivityFileInput file : files) {
            String name = file.name() == null || file.name().isBlank() ? "file " + (summaries.size() + 1)
                    : file.name().trim();
            if (!names.add(name)) {
                throw new InvalidInputException("files", "two files are named '" + name + "'");
            }
            String text = file.content() == null ? "" : file.content();
            if (text.isBlank()) {
                throw new ActivityFileRefused(name, 0, null, "the file is empty");
            }
            if (name.toLowerCase(Locale.ROOT).endsWith(".ics") || text.stripLeading().startsWith("BEGIN:VCALENDAR")) {
                List<Activity> meetings = CalendarFileReader.read(name, text, start, end, zone);
                into.addAll(meetings);
                summaries.add(new ActivityImportReport.FileSummary(name, "ICS", meetings.size()));
            } else {
                CsvTable table = CsvTable.read(name, text);
                tables.add(table);
                summaries.add(new ActivityImportReport.FileSummary(name,
                        SalesforceActivityReader.kind(table).name(), 0));
            }
        }
        if (!tables.isEmpty()) {
            List<Activity> crm = SalesforceActivityReader.read(tables, start, end, zone);
            into.addAll(crm);
            Set<String> refs = new HashSet<>();
            crm.forEach(a -> refs.add(a.ref()));
            for (int i = 0; i < summaries.size(); i++) {
                ActivityImportReport.FileSummary s = summaries.get(i);
                if (s.kind().equals("EVENT") || s.kind().equals("EMAIL_MESSAGE")) {
                    CsvTable table = tables.stream().filter(t -> t.file.equals(s.name())).findFirst().orElseThrow();
                    int count = (int) table.rows.stream().map(r -> table.value(r, "Id")).filter(refs::contains)
                            .count();
                    summaries.set(i, new ActivityImportReport.FileSummary(s.name(), s.kind(), count));
                }
            }
        }
        return summaries;
    }

    private static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name.trim());
        } catch (DateTimeException e) {
            throw new InvalidInputException("options.timeZone", "'" + name + "' is not a time zone (such as "
                    + "Europe/Berlin, America/New_York or UTC)");
        }
    }

    private static int positive(String field, Integer value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value < 1 || value > 3650) {
            throw new InvalidInputException(field, "must be between 1 and 3650 (got " + value + ")");
        }
        return value;
    }
}
