package org.threadline.app.web.governance;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.Party;
import org.threadline.domain.governance.agreements.Purpose;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.policy.AgreementDiff;
import org.threadline.domain.governance.policy.MatrixEntry;
import org.threadline.domain.governance.policy.PermissionMatrix;

/**
 * The agreements: each version with its state, dates, parties, purposes and signatures; an agreement's permission
 * matrix, filtered by agency and purpose with a GET form (no JavaScript); and the diff between two versions. The
 * query parameters carry agreement ids, versions, party and purpose codes, never anything about a person.
 */
@Controller
public class AgreementPages {
    private final AgreementLibrary library;
    private final AccessPolicy policy;
    private final ViewAudit audit;
    private final Clock clock;
    private final org.threadline.app.nightly.NightlyJobs nightly;

    public AgreementPages(AgreementLibrary library, AccessPolicy policy, ViewAudit audit, Clock clock,
                          org.threadline.app.nightly.NightlyJobs nightly) {
        this.library = library;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.nightly = nightly;
    }

    /**
     * The nightly jobs that enforce these agreements' retention (ADR 0037), in words: when they next run, and what
     * the last night on this server did.
     */
    List<String> nightlyJobs() {
        List<String> out = new java.util.ArrayList<>();
        out.add(nightly.next().map(at -> "Retention under the agreements in force, a full indicator run and a"
                + " verification of the audit log, next at "
                + org.threadline.app.web.layout.UkTime.INSTANCE.of(at) + ".").orElse("The nightly jobs are switched off"
                + " on this server: retention runs only when someone runs ./threadline retention run."));
        nightly.last().ifPresent(o -> out.add("Last run on this server: " + o.summary() + "."));
        return out;
    }

    /** One version as listed. */
    public record Listed(AgreementLibrary.Version version, String state, boolean inForce,
                         List<AgreementLibrary.PartySignature> signatures, long signed, boolean attention) {
        public Agreement agreement() {
            return version.agreement();
        }
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), org.threadline.domain.indicators.alerts.RaisingAlerts.LOCAL);
    }

    @GetMapping("/governance")
    public String agreements(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, "governance:agreements", response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        LocalDate today = today();
        List<Listed> listed = audit.viewOf(v.get(), AuditAction.VIEW, "governance:agreements",
                List.of("agreements", "states", "signatures"), List.of(Oversight.PURPOSE), () -> library.versions()
                        .stream().map(x -> {
                            String state = library.state(x, today);
                            var sigs = x.signatures();
                            long signed = sigs.stream().filter(AgreementLibrary.PartySignature::verified).count();
                            return new Listed(x, state, library.inForce(x), sigs, signed,
                                    !state.equals("Active") && !state.startsWith("Superseded"));
                        }).toList());
        model.addAttribute("agreements", listed);
        model.addAttribute("today", today);
        model.addAttribute("nightly", nightlyJobs());
        return "governance/agreements";
    }

    @GetMapping("/governance/matrix")
    public String matrix(@RequestParam(name = "agreement", required = false) String reference,
            @RequestParam(name = "agency", required = false) String agency,
            @RequestParam(name = "purpose", required = false) String purposeCode,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, "governance:permission-matrix", response,
                model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        Optional<AgreementLibrary.Version> version = Optional.ofNullable(reference).flatMap(library::version)
                .or(() -> library.versions().stream().filter(library::inForce).findFirst());
        if (version.isEmpty()) {
            model.addAttribute("problem", "There is no agreement to show.");
            return "governance/matrix";
        }
        Agreement a = version.get().agreement();
        String party = a.party(orNoCode(agency)).map(Party::id).orElse("");
        String code = a.purpose(orNoCode(purposeCode)).map(Purpose::code).orElse("");
        List<MatrixEntry> all = audit.viewOf(v.get(), AuditAction.VIEW, "governance:permission-matrix",
                List.of(a.reference(), "agency=" + party, "purpose=" + code), List.of(Oversight.PURPOSE),
                () -> PermissionMatrix.of(a));
        List<MatrixEntry> shown = all.stream().filter(MatrixEntry::permitted)
                .filter(e -> party.isEmpty() || e.agency().equals(party))
                .filter(e -> code.isEmpty() || e.purpose().equals(code)).toList();
        model.addAttribute("version", version.get());
        model.addAttribute("state", library.state(version.get(), today()));
        model.addAttribute("versions", library.versions());
        model.addAttribute("agency", party);
        model.addAttribute("purposeCode", code);
        model.addAttribute("cells", all.size());
        model.addAttribute("permitted", all.stream().filter(MatrixEntry::permitted).count());
        model.addAttribute("entries", shown);
        model.addAttribute("filtered", !party.isEmpty() || !code.isEmpty());
        model.addAttribute("unknownFilter", (agency != null && !agency.isBlank() && party.isEmpty())
                || (purposeCode != null && !purposeCode.isBlank() && code.isEmpty()));
        return "governance/matrix";
    }

    @GetMapping("/governance/diff")
    public String diff(@RequestParam(name = "agreement", required = false) String id,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, "governance:agreement-diff", response,
                model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        // The agreements that have two versions to compare, and which to compare by default: the two latest.
        Map<String, List<AgreementLibrary.Version>> withVersions = new java.util.LinkedHashMap<>();
        library.ids().forEach(i -> {
            if (library.versionsOf(i).size() > 1) {
                withVersions.put(i, library.versionsOf(i));
            }
        });
        model.addAttribute("choices", withVersions);
        String chosen = id != null && withVersions.containsKey(id) ? id
                : withVersions.keySet().stream().findFirst().orElse(null);
        if (chosen == null) {
            audit.viewOf(v.get(), AuditAction.VIEW, "governance:agreement-diff", List.of(),
                    List.of(Oversight.PURPOSE), () -> null);
            return "governance/diff";
        }
        List<AgreementLibrary.Version> versions = withVersions.get(chosen);
        AgreementLibrary.Version older = pick(versions, from).orElse(versions.get(versions.size() - 2));
        AgreementLibrary.Version newer = pick(versions, to).orElse(versions.get(versions.size() - 1));
        AgreementDiff diff = audit.viewOf(v.get(), AuditAction.VIEW, "governance:agreement-diff",
                List.of(older.reference(), newer.reference()), List.of(Oversight.PURPOSE),
                () -> AgreementDiff.between(older.agreement(), newer.agreement()));
        model.addAttribute("chosen", chosen);
        model.addAttribute("versions", versions);
        model.addAttribute("older", older);
        model.addAttribute("newer", newer);
        model.addAttribute("diff", diff);
        return "governance/diff";
    }

    private static Optional<AgreementLibrary.Version> pick(List<AgreementLibrary.Version> versions, String n) {
        return versions.stream().filter(x -> String.valueOf(x.agreement().version()).equals(n)).findFirst();
    }

    private static String orNoCode(String s) {
        return s == null || s.isBlank() ? "\u0000" : s;
    }
}
