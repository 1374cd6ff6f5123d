package org.threadline.app.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.upload.PartnerUploads;
import org.threadline.intake.source.FileFormat;
import org.threadline.intake.source.SourceDefinition;

/**
 * Loading a partner's file, or records, against one of the agency's own source definitions, through the same load
 * path as {@code ./threadline ingest}; and the rejected rows of a load. For keys with the partner data owner role.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Loads", description = "Partner files and records loaded against the agency's own source definitions")
public class LoadsApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartnerUploads uploads;
    private final AccessPolicy policy;
    private final Clock clock;

    public LoadsApi(PartnerUploads uploads, AccessPolicy policy, Clock clock) {
        this.uploads = uploads;
        this.policy = policy;
        this.clock = clock;
    }

    /** A source definition the agency may load against. */
    public record Definition(String id, int version, String description, String recordType, List<String> columns) {
    }

    /** The agency's own source definitions. */
    public record Definitions(String agency, List<Definition> definitions) {
    }

    /** Records sent as JSON: each an object keyed by the definition's source column names. */
    public record Records(List<Map<String, Object>> records) {
    }

    @GetMapping(path = "/sources", produces = "application/json")
    @Operation(summary = "The source definitions the key's agency may load against",
            description = "Only the partner data owner role has any; other roles get an empty list.")
    public Definitions sources(ApiCaller caller) {
        Viewer v = policy.viewer(caller.account(), caller.purpose());
        return new Definitions(v.party(), uploads.ownedBy(v).stream().map(d -> new Definition(d.id(), d.version(),
                d.description(), d.recordType().name(), d.columns().stream().map(c -> c.source()).toList()))
                .toList());
    }

    @PostMapping(path = "/sources/{definitionId}/loads",
            produces = "application/json")
    @Operation(summary = "Load a file (CSV, XLSX, JSON lines, FHIR bundle) against one of the agency's definitions",
            description = "The file is kept, read and standardised as ./threadline ingest does, in one transaction."
                + " The response has the counts, the data-quality scorecard and the quarantined rows with file, row,"
                + " field and reason (the first 1000; the CSV of all of them is at /api/v1/loads/{id}/rejected)."
                + " A file already loaded adds nothing (duplicate: true). The load is written to the audit log.",
            // The mapping takes any content type, so that the purpose is checked before the body: say what it is.
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object",
                    requiredProperties = {"file"}), schemaProperties = @SchemaProperty(name = "file",
                    schema = @Schema(type = "string", format = "binary",
                            description = "The file; its extension decides how it is read")))))
    public ResponseEntity<PartnerUploads.LoadResult> upload(ApiCaller caller,
            @Parameter(description = "A source definition id of the key's agency, e.g. housing-applications")
            @PathVariable("definitionId") String definitionId,
            @RequestPart("file") MultipartFile file) throws IOException {
        Viewer v = policy.viewer(caller.account(), caller.purpose());
        try (InputStream in = file.getInputStream()) {
            return created(run(() -> uploads.upload(v, definitionId, file.getOriginalFilename(), in)));
        }
    }

    @PostMapping(path = "/sources/{definitionId}/records",
            produces = "application/json")
    @Operation(summary = "Load records sent as JSON against one of the agency's definitions",
            description = "{\"records\": [{\"<source column>\": \"value\", ...}, ...]}: loaded as a JSON-lines"
                + " file through the same path as a file upload, with the same response.")
    public ResponseEntity<PartnerUploads.LoadResult> records(ApiCaller caller,
            @Parameter(description = "A source definition id of the key's agency")
            @PathVariable("definitionId") String definitionId,
            @RequestBody Records body) throws IOException {
        Viewer v = policy.viewer(caller.account(), caller.purpose());
        SourceDefinition d = run(() -> uploads.definition(v, definitionId));
        if (d.format().formatOf("records.jsonl") != FileFormat.JSONL) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "records-not-accepted",
                    "Records not accepted for this source", "This source definition fixes its file format, so"
                    + " send a file to /api/v1/sources/" + d.id() + "/loads instead.");
        }
        if (body == null || body.records() == null || body.records().isEmpty()) {
            throw ApiProblem.badRequest("records-required", "Send {\"records\": [...]} with at least one record.");
        }
        StringBuilder lines = new StringBuilder();
        for (Map<String, Object> r : body.records()) {
            JsonNode node = JSON.valueToTree(r);
            lines.append(JSON.writeValueAsString(node)).append('\n');
        }
        String name = d.id() + "-records-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(clock.instant().atZone(java.time.ZoneOffset.UTC)) + ".jsonl";
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        return created(run(() -> uploads.upload(v, definitionId, name, new ByteArrayInputStream(bytes))));
    }

    @GetMapping(path = "/loads/{landedFileId}/rejected", produces = "text/csv")
    @Operation(summary = "The quarantined rows of one of the agency's loads, with their reasons, as CSV",
            description = "As ./threadline ingest rejected writes it: each row as received with its row number and"
                + " reasons; cells a spreadsheet would run as formulas are written behind an apostrophe. The"
                + " export is written to the audit log.")
    public ResponseEntity<String> rejected(ApiCaller caller,
            @Parameter(description = "The landed file id a load returned (landedFileId)")
            @PathVariable("landedFileId") long landedFileId) {
        Viewer v = policy.viewer(caller.account(), caller.purpose());
        PartnerUploads.Export export = run(() -> uploads.rejected(v, landedFileId));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(export.fileName()).build().toString())
                .body(export.csv());
    }

    private static ResponseEntity<PartnerUploads.LoadResult> created(PartnerUploads.LoadResult r) {
        return ResponseEntity.status(r.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .contentType(MediaType.APPLICATION_JSON).body(r);
    }

    /** Turns the upload's refusals into problem documents. */
    private static <T> T run(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (PartnerUploads.Refused r) {
            throw switch (r.kind()) {
                case NOT_FOUND -> ApiProblem.notFound(r.getMessage());
                case NOT_ALLOWED -> ApiProblem.forbidden("role-not-allowed", r.getMessage());
                case UNREADABLE -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "file-refused",
                        "The file was refused", r.getMessage());
                case NOT_COVERED -> ApiProblem.forbidden("feed-not-covered", r.getMessage());
            };
        }
    }
}
