package org.threadline.app.web.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;

/**
 * The partner upload page: a partner's data owner chooses one of their agency's source definitions, uploads a
 * spreadsheet or CSV (multipart, size-limited), and sees the load's result, its data-quality scorecard and the
 * quarantined rows with their reasons, with a button to download them all as CSV. Everything travels by POST; the
 * page never names another agency's definitions or loads.
 */
@Controller
public class UploadPage {
    private final PartnerUploads uploads;
    private final AccessPolicy policy;

    public UploadPage(PartnerUploads uploads, AccessPolicy policy) {
        this.uploads = uploads;
        this.policy = policy;
    }

    @GetMapping("/upload")
    public String form(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            jakarta.servlet.http.HttpSession session, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (session.getAttribute(UploadSizeLimit.TOO_LARGE) instanceof Long max) {
            session.removeAttribute(UploadSizeLimit.TOO_LARGE);
            errors.put("file", "The selected file must be smaller than " + max / (1024 * 1024) + " MB");
        }
        return form(policy.viewer(user.account(), purpose), "", errors, model);
    }

    private String form(Viewer v, String chosen, Map<String, String> errors, Model model) {
        model.addAttribute("viewer", v);
        model.addAttribute("uploader", v.account().roles().contains(PartnerUploads.UPLOADER));
        model.addAttribute("definitions", uploads.ownedBy(v));
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        return "upload";
    }

    @PostMapping("/upload")
    public String upload(@RequestParam(name = "definition", required = false) String definition,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, Model model)
            throws IOException {
        Viewer v = policy.viewer(user.account(), purpose);
        String chosen = definition == null ? "" : definition;
        Map<String, String> errors = new LinkedHashMap<>();
        if (!v.account().roles().contains(PartnerUploads.UPLOADER)) {
            return form(v, chosen, errors, model);
        }
        if (chosen.isBlank()) {
            errors.put("definition", "Select the feed this file is for");
        }
        if (file == null || file.isEmpty()) {
            errors.put("file", "Select a file to upload");
        }
        if (!errors.isEmpty()) {
            return form(v, chosen, errors, model);
        }
        PartnerUploads.LoadResult result;
        try (InputStream in = file.getInputStream()) {
            result = uploads.upload(v, chosen, file.getOriginalFilename(), in);
        } catch (PartnerUploads.Refused r) {
            errors.put(r.kind() == PartnerUploads.Refused.Kind.UNREADABLE ? "file" : "definition", r.getMessage());
            return form(v, chosen, errors, model);
        }
        model.addAttribute("viewer", v);
        model.addAttribute("result", result);
        model.addAttribute("shown", result.problems().subList(0, Math.min(100, result.problems().size())));
        return "upload-result";
    }

    @PostMapping("/upload/rejected")
    public ResponseEntity<String> rejected(@RequestParam(name = "landedFileId", required = false) Long landedFileId,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose) {
        Viewer v = policy.viewer(user.account(), purpose);
        if (landedFileId == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        PartnerUploads.Export export;
        try {
            export = uploads.rejected(v, landedFileId);
        } catch (PartnerUploads.Refused r) {
            throw new ResponseStatusException(r.kind() == PartnerUploads.Refused.Kind.NOT_ALLOWED
                    ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(export.fileName()).build().toString())
                .body(export.csv());
    }
}
