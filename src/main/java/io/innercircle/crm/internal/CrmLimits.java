package io.innercircle.crm.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.util.Locale;

/**
 * The largest CRM file one import takes, in bytes ({@code innercircle.crm.max-size}, 10 MB) and in rows
 * ({@code innercircle.crm.max-rows}, 20,000): a whole account's org chart fits many times over, and the
 * import holds the file and one transaction's worth of changes in memory.
 */
@Component
class CrmLimits {

    private final DataSize maxSize;
    private final int maxRows;

    CrmLimits(@Value("${innercircle.crm.max-size:10MB}") DataSize maxSize,
              @Value("${innercircle.crm.max-rows:20000}") int maxRows) {
        this.maxSize = maxSize;
        this.maxRows = maxRows;
    }

    long maxBytes() {
        return maxSize.toBytes();
    }

    int maxRows() {
        return maxRows;
    }

    void checkSize(long bytes) {
        if (bytes > maxBytes()) {
            throw tooLarge(bytes);
        }
    }

    /** {@code bytes} negative when only known to be over the limit. */
    FileTooLargeException tooLarge(long bytes) {
        String is = bytes >= 0 ? " is " + megabytes(bytes) + " and" : "";
        return new FileTooLargeException("csv", "the file" + is + " is larger than the limit of "
                + megabytes(maxBytes()) + " (setting innercircle.crm.max-size)");
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0) : bytes + " bytes";
    }
}
