package org.threadline.app.web.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.AgreementProblem;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.AgreementStatus;
import org.threadline.domain.governance.agreements.Agreements;
import org.threadline.domain.governance.agreements.Party;
import org.threadline.domain.governance.agreements.Signature;
import org.threadline.domain.governance.agreements.TrustedKeys;

/**
 * Every agreement version the installation holds: the signed ones the policy decision point decides by
 * ({@code config/agreements/*.yaml}) and drafts being prepared ({@code config/agreements/drafts/*.yaml}, which the
 * PDP never reads). Each is checked as {@code ./threadline agreements check} checks it, and the problems kept, so a
 * page can say which party has signed and whether that signature verifies.
 */
public final class AgreementLibrary {
    private final List<Version> versions;
    private final AgreementRegistry inForce;

    /** One version as read, with what checking it found. */
    public record Version(Agreement agreement, String file, boolean draftFolder, List<AgreementProblem> problems) {
        public Version {
            problems = List.copyOf(problems);
        }

        public String reference() {
            return agreement.reference();
        }

        /** Each party and its signature's state, in words. */
        public List<PartySignature> signatures() {
            List<PartySignature> out = new ArrayList<>();
            for (Party p : agreement.parties()) {
                Optional<Signature> s = agreement.signatures().stream().filter(x -> x.party().equals(p.id()))
                        .findFirst();
                if (s.isEmpty()) {
                    out.add(new PartySignature(p.id(), p.name(), "", false, "Not signed"));
                    continue;
                }
                int index = agreement.signatures().indexOf(s.get());
                String at = "signatures[" + index + "]";
                Optional<AgreementProblem> bad = problems.stream().filter(x -> x.path().startsWith(at)).findFirst();
                out.add(new PartySignature(p.id(), p.name(), s.get().signer(), bad.isEmpty(),
                        bad.map(AgreementProblem::message).orElse("Signed with key " + s.get().keyId()
                                + "; the signature verifies")));
            }
            return out;
        }

        /** Problems other than signatures missing from a draft (which a draft is expected to lack). */
        public List<AgreementProblem> otherProblems() {
            return problems.stream().filter(p -> !(p.path().startsWith("signatures") && agreement.status()
                    == AgreementStatus.DRAFT)).toList();
        }
    }

    /** A party's signature: who signed, whether it verifies, in words. */
    public record PartySignature(String party, String name, String signer, boolean verified, String words) {
    }

    private AgreementLibrary(List<Version> versions, AgreementRegistry inForce) {
        this.versions = List.copyOf(versions);
        this.inForce = inForce;
    }

    /** Reads {@code folder} (config/agreements) and its {@code drafts} subfolder, if there is one. */
    public static AgreementLibrary read(Path folder) {
        TrustedKeys keys = Agreements.loadKeys(folder.resolve("keys/trusted-keys.yaml"));
        List<Version> out = new ArrayList<>();
        List<Agreement> signed = new ArrayList<>();
        for (Path file : yaml(folder)) {
            Agreements.Check c = Agreements.check(text(file), file.getFileName().toString(), keys);
            c.agreement().ifPresent(a -> {
                out.add(new Version(a, file.getFileName().toString(), false, c.problems()));
                if (c.ok()) {
                    signed.add(a);
                }
            });
        }
        Path drafts = folder.resolve("drafts");
        if (Files.isDirectory(drafts)) {
            for (Path file : yaml(drafts)) {
                Agreements.Check c = Agreements.check(text(file), "drafts/" + file.getFileName(), keys);
                c.agreement().ifPresent(a -> out.add(new Version(a, "drafts/" + file.getFileName(), true,
                        c.problems())));
            }
        }
        out.sort(Comparator.comparing((Version v) -> v.agreement().id()).thenComparingInt(v -> v.agreement()
                .version()));
        return new AgreementLibrary(out, AgreementRegistry.of(signed));
    }

    public List<Version> versions() {
        return versions;
    }

    public List<Version> versionsOf(String id) {
        return versions.stream().filter(v -> v.agreement().id().equals(id)).toList();
    }

    public Optional<Version> version(String reference) {
        return versions.stream().filter(v -> v.reference().equals(reference)).findFirst();
    }

    public List<String> ids() {
        return versions.stream().map(v -> v.agreement().id()).distinct().toList();
    }

    /** Whether this version is the one in force for its id (what the policy decision point decides by). */
    public boolean inForce(Version v) {
        return !v.draftFolder() && inForce.agreement(v.agreement().id())
                .map(a -> a.version() == v.agreement().version()).orElse(false);
    }

    /**
     * Its state on {@code day}, in words: Draft, Active, Review overdue, Expired, Not yet valid, Superseded, or the
     * status it records (suspended, terminated).
     */
    public String state(Version v, LocalDate day) {
        Agreement a = v.agreement();
        if (a.status() == AgreementStatus.DRAFT) {
            return "Draft";
        }
        if (!v.draftFolder() && !inForce(v) && inForce.agreement(a.id()).isPresent()) {
            return "Superseded by " + inForce.agreement(a.id()).get().reference();
        }
        return switch (a.validityOn(day)) {
            case LIVE -> "Active";
            case REVIEW_OVERDUE -> "Review overdue";
            case EXPIRED -> "Expired";
            case NOT_YET_VALID -> "Not yet valid";
            case NOT_ACTIVE -> a.status().yamlName().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + a.status().yamlName().substring(1);
        };
    }

    private static List<Path> yaml(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list agreements in " + folder, e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
