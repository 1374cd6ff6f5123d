package org.threadline.app.web.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.store.governance.SubjectAccessRequestStore.Export;
import org.threadline.store.governance.SubjectAccessRequestStore.Request;

/**
 * Subject access requests, the information-governance side of a person's right of access (ADR 0020): the open
 * requests with their due dates (overdue ones marked), a form to record one, each request's page with its history,
 * its steps and its exports, and each export as a page and as its two files. Only a data protection officer who
 * declared the oversight purpose may use them (anyone else is told why, and the refusal is audited); every page
 * and download is itself an audit entry. Requests are addressed by their number, never by anything about the person.
 */
@Controller
public class SubjectAccessPages {
    static final String ITEM = "governance:subject-access";
    static final int CLOSED_SHOWN = 50;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter WHEN = BreakGlassReviews.WHEN;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SubjectAccessRequests requests;
    private final AccessPolicy policy;
    private final ViewAudit audit;

    public SubjectAccessPages(SubjectAccessRequests requests, AccessPolicy policy, ViewAudit audit) {
        this.requests = requests;
        this.policy = policy;
        this.audit = audit;
    }

    /** A request as the pages show it. */
    public record Row(Request request, String reference, String received, String due, boolean overdue,
                      long daysLeft, String status) {
        public long id() {
            return request.requestId();
        }

        /** The GOV.UK tag colour of the status. */
        public String tag() {
            return switch (request.status()) {
                case RECEIVED -> "govuk-tag govuk-tag--blue";
                case IN_PROGRESS -> "govuk-tag govuk-tag--yellow";
                case FULFILLED -> "govuk-tag govuk-tag--green";
                case REFUSED -> "govuk-tag govuk-tag--grey";
            };
        }
    }

    Row row(Request r) {
        LocalDate today = requests.today();
        long left = java.time.temporal.ChronoUnit.DAYS.between(today, r.dueOn());
        return new Row(r, SubjectAccessRequests.reference(r.requestId()), DAY.format(r.receivedOn()),
                DAY.format(r.dueOn()), r.overdueOn(today), left, switch (r.status()) {
                    case RECEIVED -> "Received";
                    case IN_PROGRESS -> "In progress";
                    case FULFILLED -> "Fulfilled";
                    case REFUSED -> "Refused";
                });
    }

    @GetMapping("/governance/subject-access")
    public String list(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, ITEM, response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        List<Row> open = requests.store().open().stream().map(this::row).toList();
        List<Row> closed = requests.store().closed(CLOSED_SHOWN).stream().map(this::row).toList();
        audit.viewOf(v.get(), AuditAction.VIEW, ITEM, List.of("subject access requests", "open=" + open.size(),
                "closed=" + closed.size()), List.of(Oversight.PURPOSE), () -> null);
        model.addAttribute("open", open);
        model.addAttribute("closed", closed);
        model.addAttribute("overdue", open.stream().filter(Row::overdue).count());
        model.addAttribute("today", DAY.format(requests.today()));
        return "governance/subject-access";
    }

    @GetMapping("/governance/subject-access/new")
    public String form(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, ITEM + "-new", response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        return showForm(model, Map.of(), Map.of());
    }

    private String showForm(Model model, Map<String, String> errors, Map<String, String> entered) {
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        model.addAttribute("nextWorkingDay", requests.deadline().nextWorkingDay());
        model.addAttribute("periodWords", words(requests.deadline().period()));
        return "governance/subject-access-new";
    }

    @PostMapping("/governance/subject-access")
    public String record(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            @RequestParam Map<String, String> form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, ITEM + "-record", response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        SubjectAccessRequests.Recorded r = requests.record(v.get(), form);
        if (!r.errors().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> entered = new java.util.HashMap<>(form);
            entered.remove("_csrf");
            return showForm(model, r.errors(), entered);
        }
        long id = r.requestId().orElseThrow();
        redirect.addFlashAttribute("done", "Subject access request " + SubjectAccessRequests.reference(id)
                + " recorded. It is due by " + DAY.format(requests.store().find(id).orElseThrow().dueOn()) + ".");
        return "redirect:/governance/subject-access/" + id;
    }

    @GetMapping("/governance/subject-access/{requestId}")
    public String request(@PathVariable("requestId") String requestId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, ITEM + "-request", response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        Request r = find(requestId);
        audit.step(v.get(), AuditAction.VIEW, r.subject(), ITEM + "-request", List.of("request=" + r.requestId(),
                "steps", "exports"), List.of("REQUEST=" + SubjectAccessRequests.reference(r.requestId())), "",
                c -> true);
        return showRequest(r, model, Map.of(), Map.of());
    }

    private String showRequest(Request r, Model model, Map<String, String> errors, Map<String, String> entered) {
        model.addAttribute("r", row(r));
        model.addAttribute("steps", requests.store().steps(r.requestId()).stream().map(s -> new StepRow(
                words(s.step()), s.takenBy(), WHEN.format(s.takenAt()), s.detail())).toList());
        model.addAttribute("exports", requests.store().exports(r.requestId()).stream().map(e -> new ExportRow(e,
                WHEN.format(e.producedAt()))).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        model.addAttribute("minRefusal", SubjectAccessRequests.MIN_REFUSAL_REASON);
        model.addAttribute("closedAt", r.closedAt().map(WHEN::format).orElse(""));
        return "governance/subject-access-request";
    }

    public record StepRow(String step, String by, String when, String detail) {
    }

    public record ExportRow(Export export, String when) {
        public long id() {
            return export.exportId();
        }
    }

    /** The actions on a request, each a form on its page (POST, with the CSRF token), each audited with it. */
    @PostMapping("/governance/subject-access/{requestId}/identity")
    public String verifyIdentity(@PathVariable("requestId") String requestId,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(requestId, "identity", user, purpose, null, null, response, model, redirect);
    }

    @PostMapping("/governance/subject-access/{requestId}/start")
    public String start(@PathVariable("requestId") String requestId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(requestId, "start", user, purpose, null, null, response, model, redirect);
    }

    @PostMapping("/governance/subject-access/{requestId}/export")
    public String produce(@PathVariable("requestId") String requestId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(requestId, "export", user, purpose, null, null, response, model, redirect);
    }

    @PostMapping("/governance/subject-access/{requestId}/fulfil")
    public String fulfil(@PathVariable("requestId") String requestId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            @RequestParam(name = "note", required = false) String note,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(requestId, "fulfil", user, purpose, note, null, response, model, redirect);
    }

    @PostMapping("/governance/subject-access/{requestId}/refuse")
    public String refuse(@PathVariable("requestId") String requestId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            @RequestParam(name = "refusalReason", required = false) String refusalReason,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(requestId, "refuse", user, purpose, null, refusalReason, response, model, redirect);
    }

    private String act(String requestId, String action, SignedInUser user, DeclaredPurpose purpose, String note,
                       String refusalReason, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, ITEM + "-" + action, response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        Request r = find(requestId);
        String reference = SubjectAccessRequests.reference(r.requestId());
        Map<String, String> errors;
        String done;
        switch (action) {
            case "identity" -> {
                errors = requests.verifyIdentity(v.get(), r);
                done = "The requester's identity is recorded as verified.";
            }
            case "start" -> {
                errors = requests.start(v.get(), r);
                done = reference + " is in progress.";
            }
            case "export" -> {
                SubjectAccessRequests.Produced p = requests.produce(v.get(), r);
                errors = p.errors();
                done = "Export " + p.exportId().orElse(0L) + " produced for " + reference + ": review it, then"
                        + " download it to send.";
            }
            case "fulfil" -> {
                errors = requests.fulfil(v.get(), r, note);
                done = reference + " is fulfilled.";
            }
            default -> {
                errors = requests.refuse(v.get(), r, refusalReason);
                done = reference + " is refused. The reason is recorded.";
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Request now = requests.store().find(r.requestId()).orElseThrow();
            return showRequest(now, model, errors, Map.of("note", note == null ? "" : note, "refusalReason",
                    refusalReason == null ? "" : refusalReason));
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/governance/subject-access/" + r.requestId();
    }

    @GetMapping("/governance/subject-access/{requestId}/exports/{exportId}")
    public String export(@PathVariable("requestId") String requestId, @PathVariable("exportId") String exportId,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, ITEM + "-export", response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        Request r = find(requestId);
        Export e = findExport(r, exportId);
        Path json = requests.file(e, r, "json").orElseThrow(() -> new ResponseStatusException(HttpStatus.GONE));
        SubjectAccessExportView view;
        try {
            view = SubjectAccessExportView.of(JSON.readTree(json.toFile()));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        audit.step(v.get(), AuditAction.VIEW, r.subject(), "subject-access:export", SubjectAccessExportView.keys(),
                List.of("REQUEST=" + SubjectAccessRequests.reference(r.requestId()), "EXPORT_ENTRY="
                        + e.auditSequence()), "", c -> true);
        model.addAttribute("r", row(r));
        model.addAttribute("e", new ExportRow(e, WHEN.format(e.producedAt())));
        model.addAttribute("view", view);
        return "governance/subject-access-export";
    }

    /** The export's JSON, as a file to save; the download is an EXPORT audit entry. */
    @GetMapping("/governance/subject-access/{requestId}/exports/{exportId}/json")
    public ModelAndView downloadJson(@PathVariable("requestId") String requestId,
            @PathVariable("exportId") String exportId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) throws IOException {
        return download(requestId, exportId, "json", user, purpose, response, model);
    }

    /** The export's readable page (Markdown), as a file to save; the download is an EXPORT audit entry. */
    @GetMapping("/governance/subject-access/{requestId}/exports/{exportId}/markdown")
    public ModelAndView downloadMarkdown(@PathVariable("requestId") String requestId,
            @PathVariable("exportId") String exportId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) throws IOException {
        return download(requestId, exportId, "markdown", user, purpose, response, model);
    }

    private ModelAndView download(String requestId, String exportId, String format, SignedInUser user,
                                  DeclaredPurpose purpose, HttpServletResponse response, Model model)
            throws IOException {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, ITEM + "-download", response, model);
        if (v.isEmpty()) {
            return new ModelAndView(Oversight.REFUSED, model.asMap(), HttpStatus.FORBIDDEN);
        }
        Request r = find(requestId);
        Export e = findExport(r, exportId);
        boolean json = format.equals("json");
        Path file = requests.file(e, r, json ? "json" : "md")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.GONE));
        byte[] body = Files.readAllBytes(file);
        String name = "subject-access-" + SubjectAccessRequests.reference(r.requestId()) + "-export-"
                + e.exportId() + (json ? ".json" : ".md");
        audit.step(v.get(), AuditAction.EXPORT, r.subject(), "subject-access:download", List.of(name),
                List.of("REQUEST=" + SubjectAccessRequests.reference(r.requestId()), "EXPORT_ENTRY="
                        + e.auditSequence(), "FORMAT=" + format.toUpperCase(Locale.ROOT)), "", c -> true);
        response.setContentType(json ? "application/json" : "text/markdown;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name)
                .build().toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return null;
    }

    private Request find(String requestId) {
        try {
            return requests.store().find(Long.parseLong(requestId))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private Export findExport(Request r, String exportId) {
        try {
            return requests.store().export(r.requestId(), Long.parseLong(exportId))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    static String words(String step) {
        String s = step.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String words(java.time.Period p) {
        if (p.getYears() == 0 && p.getDays() == 0) {
            return p.getMonths() == 1 ? "one calendar month" : p.getMonths() + " calendar months";
        }
        return p.toString();
    }
}
