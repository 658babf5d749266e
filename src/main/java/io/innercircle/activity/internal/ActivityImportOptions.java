package io.innercircle.activity.internal;

import java.time.LocalDate;

/** The schema's {@code ActivityImportOptions}. */
record ActivityImportOptions(LocalDate from, LocalDate to, Integer halfLifeDays, Integer staleAfterDays,
                             String timeZone) {}
