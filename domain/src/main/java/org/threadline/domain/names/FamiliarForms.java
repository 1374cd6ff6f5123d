package org.threadline.domain.names;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which familiar forenames stand for which formal ones (Bill for William, Kasia for Katarzyna, Seun for Oluwaseun).
 *
 * <p>Schools record the forename in full, while police, emergency departments and housing often record what people
 * call themselves, so linkage needs to know that "Bill Smith" and "William Smith" may be one person. The table is
 * project-owned ({@code familiar-forms.csv}), written for the West Midlands population rather than copied from a
 * (US-derived) nickname list. Look-ups ignore case. Equivalence goes through a shared formal form and is deliberately
 * not transitive: Harry ~ Henry and Harry ~ Harpreet, but Henry is not equivalent to Harpreet.
 */
public final class FamiliarForms {

    /** The classpath resource, next to this class, holding the project's table. */
    public static final String RESOURCE = "familiar-forms.csv";

    private final List<FamiliarForm> entries;
    private final Map<String, List<String>> familiarByFormal = new LinkedHashMap<>();
    private final Map<String, List<String>> formalByFamiliar = new LinkedHashMap<>();

    private FamiliarForms(List<FamiliarForm> entries) {
        this.entries = entries;
        for (FamiliarForm e : entries) {
            familiarByFormal.computeIfAbsent(key(e.formal()), k -> new ArrayList<>()).add(e.familiar());
            formalByFamiliar.computeIfAbsent(key(e.familiar()), k -> new ArrayList<>()).add(e.formal());
        }
    }

    /**
     * Loads the project's table from the classpath, validating every line.
     *
     * @throws FamiliarFormsException listing every problem in the file with its line number
     */
    public static FamiliarForms load() {
        InputStream in = FamiliarForms.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + RESOURCE);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(RESOURCE, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a table with the header {@code formal,familiar,sex}, validating every line before failing.
     *
     * @param source a name for the table, used in error messages
     * @throws FamiliarFormsException listing every problem found, each with its line number
     */
    public static FamiliarForms read(String source, Reader reader) {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        return new FamiliarForms(FamiliarFormsTable.read(source, buffered));
    }

    /** The familiar forms of a formal forename, in table order; empty when the table does not know it. */
    public List<String> familiarFormsOf(String formal) {
        return List.copyOf(familiarByFormal.getOrDefault(key(formal), List.of()));
    }

    /** The formal forenames a familiar form can stand for, in table order ("Harry": Henry, Harold, …). */
    public List<String> formalFormsOf(String familiar) {
        return List.copyOf(formalByFamiliar.getOrDefault(key(familiar), List.of()));
    }

    /**
     * True when two forenames are the same ignoring case, or share a formal form: one is a familiar form of the
     * other, or both are familiar forms of one formal name (Bill and Liam via William).
     */
    public boolean areEquivalent(String a, String b) {
        Set<String> rootsOfA = roots(a);
        for (String root : roots(b)) {
            if (rootsOfA.contains(root)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name itself and every formal name it can stand for, lower case: two names are equivalent exactly when their
     * roots meet, so an index of each name's roots finds every equivalent name by the roots of the one asked for.
     */
    public Set<String> roots(String name) {
        Set<String> roots = new LinkedHashSet<>();
        roots.add(key(name));
        for (String formal : formalByFamiliar.getOrDefault(key(name), List.of())) {
            roots.add(key(formal));
        }
        return roots;
    }

    /** Every row of the table, in file order. */
    public List<FamiliarForm> entries() {
        return entries;
    }

    static String key(String name) {
        return Objects.requireNonNull(name, "name").strip().toLowerCase(Locale.ROOT);
    }
}
