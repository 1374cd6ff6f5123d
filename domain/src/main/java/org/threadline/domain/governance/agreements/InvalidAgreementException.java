package org.threadline.domain.governance.agreements;

import java.util.List;
import java.util.stream.Collectors;

/** An agreement (or a folder of them) has defects; every one of them is listed. */
public final class InvalidAgreementException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<AgreementProblem> problems;

    public InvalidAgreementException(List<AgreementProblem> problems) {
        super(problems.size() + " problem(s) in agreements:\n" + problems.stream().map(AgreementProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<AgreementProblem> problems() {
        return problems;
    }
}
