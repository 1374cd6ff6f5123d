package org.threadline.linkage.engine;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.threadline.linkage.model.IdentifierValidator;

/**
 * What the caller supplies for the levels that need outside knowledge: identifier check algorithms (they live in
 * the domain module, which linkage may not depend on) and familiar-name tables by the name a model gives them.
 *
 * @param validators   a check per identifier kind
 * @param aliasTables  for a name, the names it may stand for (both directions are tried)
 */
public record Lookups(Map<IdentifierValidator, Predicate<String>> validators,
                      Map<String, Function<String, Set<String>>> aliasTables) {

    public static Lookups none() {
        return new Lookups(Map.of(), Map.of());
    }
}
