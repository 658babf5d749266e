package io.innercircle.plan.internal;

import io.innercircle.map.ItemId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The printable opportunity plan: {@code GET /opportunities/{account}/{key}/plan} (HTML, print from the browser)
 * and {@code GET /opportunities/{account}/{key}/plan.pdf}. 404 for an unknown opportunity.
 */
@RestController
class PrintablePlanController {

    private final PrintablePlan plans;

    PrintablePlanController(PrintablePlan plans) {
        this.plans = plans;
    }

    @GetMapping(value = "/opportunities/{account}/{key}/plan", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(@PathVariable String account, @PathVariable String key) {
        if (!valid(account, key)) {
            return ResponseEntity.notFound().build();
        }
        return plans.html(id(account, key))
                .map(html -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML,
                        java.nio.charset.StandardCharsets.UTF_8)).body(html))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping(value = "/opportunities/{account}/{key}/plan.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String account, @PathVariable String key) {
        if (!valid(account, key)) {
            return ResponseEntity.notFound().build();
        }
        return plans.pdf(id(account, key))
                .map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename(account + "-" + key + "-plan.pdf").build().toString())
                        .body(pdf))
                .orElse(ResponseEntity.notFound().build());
    }

    private static boolean valid(String account, String key) {
        return ItemId.KEY.matcher(account).matches() && ItemId.KEY.matcher(key).matches();
    }

    private static ItemId id(String account, String key) {
        return ItemId.parse("opportunity", account + "/" + key);
    }
}
