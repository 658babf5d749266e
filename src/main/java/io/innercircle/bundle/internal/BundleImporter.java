package io.innercircle.bundle.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.innercircle.map.Account;
import io.innercircle.map.MapChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import io.innercircle.api.ForbiddenException;
import io.innercircle.security.AccountAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;

/**
 * Imports a map bundle: validate everything first, then write in one transaction ({@link BundleWriter}), so a
 * refused bundle never touches the database and an accepted one lands whole or not at all.
 *
 * <p>Without merge the bundle replaces the account's map (everything else with that account key is deleted);
 * with merge the items in the bundle are created or replaced and the rest of the account stays.
 */
@Service
public class BundleImporter {

    private static final Logger log = LoggerFactory.getLogger(BundleImporter.class);

    private final BundleValidator validator;
    private final BundleWriter writer;
    private final ApplicationEventPublisher events;
    private final ObjectReader reader;
    private final AccountAccess access;

    public BundleImporter(BundleValidator validator, BundleWriter writer,
                          @Qualifier("bundleObjectMapper") ObjectMapper mapper, ApplicationEventPublisher events,
                          AccountAccess access) {
        this.access = access;
        this.validator = validator;
        this.writer = writer;
        this.events = events;
        // A repeated field would otherwise silently keep the last value, and anything after the bundle's closing
        // brace would be ignored; in a bundle both are mistakes to show, not to guess around.
        this.reader = mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Parses JSON text; malformed JSON is a refused bundle with the place it went wrong. */
    public JsonNode parse(byte[] json) {
        try {
            JsonNode tree = reader.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new BundleRejectedException(new BundleProblem("", BundleProblem.Code.EMPTY_BODY,
                        "the body is empty; send the bundle as JSON"));
            }
            return tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new BundleRejectedException(new BundleProblem("", BundleProblem.Code.MALFORMED_JSON,
                    "the body is not valid JSON" + where + ": " + plain(e)));
        } catch (IOException e) {
            throw new IllegalStateException("Reading a byte array failed", e);
        }
    }

    /** Jackson's own wording names its internals; the common cases get a sentence a user can act on. */
    private static String plain(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) {
            return "there is more text after the end of the bundle";
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return "the text ends before the bundle is complete";
        }
        if (original.startsWith("Unexpected close marker")) {
            return "a closing " + original.substring("Unexpected close marker ".length(), original.indexOf(':'))
                    + " has nothing to close";
        }
        if (original.startsWith("Unrecognized token")) {
            int end = original.indexOf(':');
            return original.substring("Unrecognized token ".length(), end < 0 ? original.length() : end)
                    + " is not a JSON value (text needs double quotes)";
        }
        if (original.startsWith("Duplicate field")) {
            return "the field " + original.substring("Duplicate field ".length()) + " is given twice";
        }
        return original;
    }

    /**
     * Validates and writes; throws {@link BundleRejectedException} with every problem when it is refused. One
     * transaction around the write and the change event, so what listens to the event (the write guard, the
     * history) is part of the import: it is recorded as one change set, or nothing is written.
     */
    @Transactional
    public ImportResult importBundle(JsonNode json, boolean merge) {
        long start = System.nanoTime();
        Bundle bundle = validator.check(json);
        // A bundle can rewrite the account's team, so importing is managing the account. Asked the same way
        // whether the account exists or not, so a refusal does not tell a stranger that it exists.
        String key = bundle.account().key();
        if (!access.canManage(key)) {
            throw new ForbiddenException("bundle.account.key", access.who() + " may not import a bundle into "
                    + "account '" + key + "' (it needs a manager on the account's team, or an administrator)");
        }
        long validated = System.nanoTime();
        BundleWriter.Written result = writer.writeTelling(bundle, merge);
        Account account = result.account();
        // A replace says what it wrote, so the history compares that rather than reading the whole map back.
        events.publishEvent(merge ? new MapChanged(account.key(), account.version())
                : MapChanged.replaced(account.key(), account.version(), result.map()));
        long written = System.nanoTime();
        Bundle.Counts counts = bundle.counts();
        log.info("Imported bundle '{}' ({}, version {}): {} stakeholders, {} influence lines in {} ms "
                        + "(validation {} ms, write {} ms)", account.key(), merge ? "merged" : "replaced",
                account.version(), counts.stakeholders(), counts.influences(), (written - start) / 1_000_000,
                (validated - start) / 1_000_000, (written - validated) / 1_000_000);
        if (metrics != null) {
            metrics.recordImport("bundle", counts.stakeholders(), (long) counts.reportingLines() + counts.influences()
                    + counts.conflicts() + counts.contacts(), java.time.Duration.ofNanos(written - start));
        }
        return new ImportResult(account, merge, counts);
    }

    private io.innercircle.operations.AppMetrics metrics;

    /** Import sizes and times for operations (optional, so the importer also works without a registry). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setMetrics(io.innercircle.operations.AppMetrics metrics) {
        this.metrics = metrics;
    }
}
