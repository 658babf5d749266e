package io.innercircle.backup;

import io.innercircle.security.AccountAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code GET /api/backup} downloads the whole database (every account, with its history) as one file;
 * {@code POST /api/restore} loads such a file into an empty database. Administrators only: a backup holds every
 * account's map.
 */
@RestController
@RequestMapping("/api")
class BackupController {

    private final DatabaseBackup backup;
    private final AccountAccess access;
    private final Clock clock;

    BackupController(DatabaseBackup backup, AccountAccess access, Clock clock) {
        this.clock = clock;
        this.backup = backup;
        this.access = access;
    }

    // Declared as StreamingResponseBody so that Spring streams it; the refusal is written the same way.
    @GetMapping("/backup")
    ResponseEntity<StreamingResponseBody> download() {
        if (!access.visible().all()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
                    .body(out -> out.write(("{\"message\":\"only an administrator may back up the whole "
                            + "database\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        StreamingResponseBody body = backup::write;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"innercircle-backup-"
                        + LocalDate.now(clock) + ".jsonl\"")
                .body(body);
    }

    @PostMapping("/restore")
    ResponseEntity<?> restore(HttpServletRequest request) throws IOException {
        if (!access.visible().all()) {
            return forbidden("restore");
        }
        try {
            return ResponseEntity.ok(backup.restore(request.getInputStream()));
        } catch (DatabaseNotEmptyException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("restored", false, "message", e.getMessage()));
        } catch (BackupFormatException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("restored", false, "message", e.getMessage()));
        }
    }

    private static ResponseEntity<?> forbidden(String what) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Map.of("message", "only an administrator may " + what + " the whole database"));
    }
}
