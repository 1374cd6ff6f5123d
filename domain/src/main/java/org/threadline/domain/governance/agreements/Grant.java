package org.threadline.domain.governance.agreements;

import java.util.List;
import java.util.Objects;

/**
 * Permission for one recipient party to receive fields of a data item for some purposes.
 *
 * @param purposes       purpose codes declared in the agreement; a request's purpose must fall under one of them
 * @param roles          the recipient's roles this grant is for; empty means every role of the recipient party
 * @param fields         the fields released; empty means every field of the data item
 * @param notifyProvider the provider is told of every release under this grant (an obligation on the permit)
 */
public record Grant(String recipient, List<String> purposes, List<String> roles, List<String> fields,
                    boolean notifyProvider) {
    public Grant {
        Objects.requireNonNull(recipient, "recipient");
        purposes = List.copyOf(purposes);
        roles = List.copyOf(roles);
        fields = List.copyOf(fields);
    }
}
