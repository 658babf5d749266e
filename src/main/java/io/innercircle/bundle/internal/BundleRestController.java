package io.innercircle.bundle.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.innercircle.api.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Bundles over plain HTTP, for files and scripts: {@code POST /api/bundles} imports, {@code GET
 * /api/accounts/{key}/bundle} exports. See docs/bundles.md.
 *
 * <p>The body is read as bytes and parsed with the Jackson 2 mapper rather than bound by Spring: the validator
 * works on Jackson 2 trees (Boot's own HTTP JSON is Jackson 3), reading the bytes ourselves lets the size limit
 * stop a huge upload before it is all in memory, and a syntax error can be reported in the same problem format
 * as everything else.
 */
@RestController
@RequestMapping("/api")
class BundleRestController {

    private final BundleImporter importer;
    private final BundleExporter exporter;
    private final ObjectMapper mapper;
    private final DataSize maxSize;

    BundleRestController(BundleImporter importer, BundleExporter exporter,
                         @Qualifier("bundleObjectMapper") ObjectMapper mapper,
                         @Value("${innercircle.bundle.max-size:20MB}") DataSize maxSize) {
        this.importer = importer;
        this.exporter = exporter;
        this.mapper = mapper;
        this.maxSize = maxSize;
    }

    /** The answer to a successful import. */
    record Imported(String account, long version, boolean merged, Bundle.Counts counts) {
    }

    /** The answer to a refused import: every problem, each with its JSON pointer. */
    record Refused(List<BundleProblem> problems) {
    }

    @PostMapping(path = "/bundles", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> importBundle(HttpServletRequest request,
                                        @RequestParam(defaultValue = "false") boolean merge) throws IOException {
        long limit = maxSize.toBytes();
        if (request.getContentLengthLong() > limit) {
            return tooLarge(request.getContentLengthLong());
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // One byte more than allowed is enough to know it is too much, without reading the rest.
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (body.length > limit) {
            return tooLarge(-1);
        }
        JsonNode tree;
        try {
            tree = importer.parse(body);
        } catch (BundleRejectedException e) {
            return ResponseEntity.badRequest().body(new Refused(e.problems()));
        }
        try {
            ImportResult result = importer.importBundle(tree, merge);
            return ResponseEntity.ok(new Imported(result.account().key(), result.account().version(),
                    result.merged(), result.counts()));
        } catch (BundleRejectedException e) {
            return ResponseEntity.unprocessableContent().body(new Refused(e.problems()));
        } catch (ForbiddenException e) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.reason()));
        }
    }

    @GetMapping(path = "/accounts/{key}/bundle", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> exportBundle(@PathVariable String key) throws JsonProcessingException {
        return exporter.export(key)
                .<ResponseEntity<Object>>map(bundle -> {
                    try {
                        // Written by the Jackson 2 mapper, the same that reads bundles, so the bytes are stable.
                        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                                .body(mapper.writeValueAsBytes(bundle));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("A bundle could not be written as JSON", e);
                    }
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("message", "There is no account with the key '" + key + "'.")));
    }

    private ResponseEntity<Object> tooLarge(long length) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(new Refused(List.of(tooLarge(length, maxSize.toBytes()))));
    }

    /** The problem of a bundle over the size limit; {@code size} is negative when not known. */
    static BundleProblem tooLarge(long size, long limit) {
        String is = size >= 0 ? " is " + megabytes(size) + " and" : "";
        return new BundleProblem("", BundleProblem.Code.TOO_LARGE,
                "the bundle" + is + " is larger than the limit of " + megabytes(limit)
                + " (setting innercircle.bundle.max-size)");
    }

    static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : bytes + " bytes";
    }
}
