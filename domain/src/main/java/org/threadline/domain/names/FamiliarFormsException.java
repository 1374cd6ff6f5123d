package org.threadline.domain.names;

import java.util.List;

/** A familiar-forms table could not be read; every problem found is listed, each with its line number. */
public class FamiliarFormsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param source   where the table came from, e.g. its classpath resource name
     * @param problems every problem found, each starting with its line number
     */
    public FamiliarFormsException(String source, List<String> problems) {
        super(source + " has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one per line of text, each starting with "line N:". */
    public List<String> problems() {
        return problems;
    }
}
