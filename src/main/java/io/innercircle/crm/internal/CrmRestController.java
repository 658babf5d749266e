package io.innercircle.crm.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.vocabulary.BuyingRole;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CRM imports over HTTP, for files and scripts and the web page's upload. The file comes as a multipart
 * form field {@code file} or as the raw body ({@code text/csv}); everything else is query parameters. Answers:
 * 200 with the report (dry run or done), 422 with the report when a real import is refused for wrong rows, 400
 * for a request that cannot be read, 404 for an unknown account, 413 for a file over the size limit.
 *
 * <pre>
 * POST /api/accounts/{account}/imports/contacts?dryRun=true&amp;delimiter=;&amp;crmAccount=001...&amp;accountName=...
 *      generic files: &amp;keyColumn=Emp+No&amp;nameColumn=Name&amp;managerColumn=Boss (+ firstName, lastName, title,
 *      department, email, accountId, accountName + Column)
 * POST /api/accounts/{account}/imports/contact-roles?dryRun=true&amp;createOpportunities=true
 *      &amp;roleMap=Influencer:EVALUATOR (or Influencer:none) &amp;opportunity=006...:acme/deal (both repeatable)
 * GET  /api/accounts/{account}/imports/progress
 * </pre>
 */
@RestController
@RequestMapping("/api/accounts/{account}/imports")
class CrmRestController {

    private final CrmContactImport contacts;
    private final CrmRoleImport roles;
    private final ImportProgress progress;
    private final CrmLimits limits;

    CrmRestController(CrmContactImport contacts, CrmRoleImport roles, ImportProgress progress, CrmLimits limits) {
        this.contacts = contacts;
        this.roles = roles;
        this.progress = progress;
        this.limits = limits;
    }

    @PostMapping(path = "/contacts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> contactsUpload(@PathVariable String account, @RequestPart("file") MultipartFile file,
                                          @RequestParam Map<String, String> params) throws IOException {
        return importContacts(account, read(file), params);
    }

    @PostMapping(path = "/contacts", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<Object> contactsBody(@PathVariable String account, HttpServletRequest request,
                                        @RequestParam Map<String, String> params) throws IOException {
        return importContacts(account, read(request), params);
    }

    @PostMapping(path = "/contact-roles", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> rolesUpload(@PathVariable String account, @RequestPart("file") MultipartFile file,
                                       @RequestParam Map<String, String> params,
                                       @RequestParam(required = false) List<String> roleMap,
                                       @RequestParam(required = false) List<String> opportunity) throws IOException {
        return importRoles(account, read(file), params, roleMap, opportunity);
    }

    @PostMapping(path = "/contact-roles", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<Object> rolesBody(@PathVariable String account, HttpServletRequest request,
                                     @RequestParam Map<String, String> params,
                                     @RequestParam(required = false) List<String> roleMap,
                                     @RequestParam(required = false) List<String> opportunity) throws IOException {
        return importRoles(account, read(request), params, roleMap, opportunity);
    }

    @GetMapping("/progress")
    ResponseEntity<Object> progress(@PathVariable String account) {
        return progress.of(account).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("message", "No CRM import of '" + account + "' since the server started.")));
    }

    private ResponseEntity<Object> importContacts(String account, byte[] csv, Map<String, String> params) {
        CrmContactColumns columns = new CrmContactColumns(params.get("keyColumn"), params.get("nameColumn"),
                params.get("firstNameColumn"), params.get("lastNameColumn"), params.get("titleColumn"),
                params.get("departmentColumn"), params.get("managerColumn"), params.get("emailColumn"),
                params.get("accountIdColumn"), params.get("accountNameColumn"));
        boolean named = Stream.of(columns.key(), columns.name(), columns.firstName(), columns.lastName(),
                columns.title(), columns.department(), columns.manager(), columns.email(), columns.accountId(),
                columns.accountName()).anyMatch(Objects::nonNull);
        ContactImportOptions options = ContactImportOptions.of(new CrmContactOptions(params.get("delimiter"),
                named ? columns : null, params.get("crmAccount"), params.get("accountName")));
        return ResponseEntity.ok(dryRun(params) ? contacts.dryRun(account, csv, options)
                : contacts.apply(account, csv, options));
    }

    private ResponseEntity<Object> importRoles(String account, byte[] csv, Map<String, String> params,
                                               List<String> roleMap, List<String> opportunity) {
        List<CrmRoleMapping> mappings = new ArrayList<>();
        List<String> given = roleMap == null ? List.of() : roleMap;
        for (int i = 0; i < given.size(); i++) {
            String m = given.get(i);
            int colon = m.lastIndexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException("roleMap", "'" + m + "' is not of the form <CRM role>:<buying role>");
            }
            String role = m.substring(colon + 1).strip();
            mappings.add(new CrmRoleMapping(m.substring(0, colon),
                    role.equalsIgnoreCase("none") ? null : buyingRole("roleMap[" + i + "].role", role)));
        }
        List<CrmOpportunityLink> links = new ArrayList<>();
        for (String l : opportunity == null ? List.<String>of() : opportunity) {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException("opportunity", "'" + l
                        + "' is not of the form <CRM opportunity id>:<opportunity id>");
            }
            links.add(new CrmOpportunityLink(l.substring(0, colon), l.substring(colon + 1)));
        }
        RoleImportOptions options = RoleImportOptions.of(account, new CrmRoleOptions(params.get("delimiter"),
                mappings, links, Boolean.parseBoolean(params.get("createOpportunities"))));
        return ResponseEntity.ok(dryRun(params) ? roles.dryRun(account, csv, options)
                : roles.apply(account, csv, options));
    }

    /** A buying role by its name as in the schema; the same words as GraphQL's enum error, but naming the field. */
    private static BuyingRole buyingRole(String field, String role) {
        try {
            return BuyingRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of " + Arrays.stream(BuyingRole.values())
                    .map(BuyingRole::name).collect(Collectors.joining(", ")) + " or none (got '" + role + "')");
        }
    }

    private static boolean dryRun(Map<String, String> params) {
        return Boolean.parseBoolean(params.get("dryRun"));
    }

    private byte[] read(MultipartFile file) throws IOException {
        limits.checkSize(file.getSize());
        return file.getBytes();
    }

    private byte[] read(HttpServletRequest request) throws IOException {
        long limit = limits.maxBytes();
        limits.checkSize(request.getContentLengthLong());
        try (InputStream in = request.getInputStream()) {
            // One byte over the limit is enough to know, without reading the rest.
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw limits.tooLarge(-1);
            }
            return body;
        }
    }

    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<Object> refused(ImportRefusedException e) {
        return ResponseEntity.unprocessableContent().body(e.report());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e) {
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof FileTooLargeException ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Map.of("field", e.field(), "reason", e.reason(),
                "message", e.getMessage()));
    }
}
