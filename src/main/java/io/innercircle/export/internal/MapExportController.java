package io.innercircle.export.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.export.internal.MapFormats.Format;
import io.innercircle.map.Checks;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An account's map for graph tools, over REST (a file download) and GraphQL ({@code exportMap}, the file as a
 * string). {@code opportunity} (a key of the account's opportunities) adds each person's roles and status in
 * it; {@code team=false} leaves our team members and their contact lines out.
 *
 * <pre>
 * GET /api/accounts/{account}/export.graphml   GET /api/accounts/{account}/export.gexf
 * GET /api/accounts/{account}/export/people.csv   GET /api/accounts/{account}/export/lines.csv
 * </pre>
 */
@Controller
class MapExportController {

    private final MapExportReader reader;

    MapExportController(MapExportReader reader) {
        this.reader = reader;
    }

    /** {@code format}: graphml or gexf. */
    @GetMapping("/api/accounts/{account}/export.{format}")
    @ResponseBody
    ResponseEntity<byte[]> graph(@PathVariable String account, @PathVariable String format,
                                 @RequestParam(required = false) String opportunity,
                                 @RequestParam(defaultValue = "true") boolean team) {
        if (!format.equals("graphml") && !format.equals("gexf")) {
            throw new InvalidInputException("format", "must be graphml or gexf (got '" + format + "')");
        }
        return file(account, opportunity, team, format.equals("gexf") ? Format.GEXF : Format.GRAPHML);
    }

    @GetMapping("/api/accounts/{account}/export/people.csv")
    @ResponseBody
    ResponseEntity<byte[]> people(@PathVariable String account, @RequestParam(required = false) String opportunity,
                                  @RequestParam(defaultValue = "true") boolean team) {
        return file(account, opportunity, team, Format.PEOPLE_CSV);
    }

    @GetMapping("/api/accounts/{account}/export/lines.csv")
    @ResponseBody
    ResponseEntity<byte[]> lines(@PathVariable String account, @RequestParam(defaultValue = "true") boolean team) {
        return file(account, null, team, Format.LINES_CSV);
    }

    @QueryMapping
    String exportMap(@Argument String account, @Argument Format format, @Argument String opportunity,
                     @Argument Boolean team) {
        return export(account, opportunity, !Boolean.FALSE.equals(team), format);
    }

    private ResponseEntity<byte[]> file(String account, String opportunity, boolean team, Format format) {
        String body = export(account, opportunity, team, format);
        String name = account + (opportunity == null ? "" : "-" + opportunity) + "." + format.extension;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private String export(String account, String opportunity, boolean team, Format format) {
        Checks.key("account", account);
        if (opportunity != null) {
            Checks.key("opportunity", opportunity);
        }
        return MapFormats.write(reader.read(account, opportunity, team), format);
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseBody
    ResponseEntity<Map<String, String>> invalid(InvalidInputException e) {
        return ResponseEntity.status(e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST)
                .body(Map.of("field", e.field(), "reason", e.reason(), "message", e.getMessage()));
    }
}
